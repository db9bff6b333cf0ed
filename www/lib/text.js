// The page's words by language, each language in its own file (text/en.js, text/fa.js), and
// labels for the service's own words. What the package itself knows (which delivery states are
// final) the page asks the package.

import * as en from "./text/en.js";
import * as fa from "./text/fa.js";

export const T = { en: en.UI, fa: fa.UI };
export const WORDS = { en: en.WORDS, fa: fa.WORDS };
