//! How many SMS parts a text costs, per GSM 03.38 (the way operators bill it).
//!
//! Choices, where the standard leaves room or operators differ:
//! - A text is GSM-7 only if every character is in the default alphabet or its extension
//!   table; one character outside both (any Persian letter, an emoji) makes the whole text UCS-2.
//!   No national shift tables: Iranian operators do not use them.
//! - Extension characters (`^ { } \ [ ~ ] |`, `€` and form feed) take two septets (escape +
//!   char). When a text is split, an escape pair never straddles two parts, so a part may hold
//!   152 septets.
//! - UCS-2 length is counted in UTF-16 code units, so an emoji counts 2; when split, a surrogate
//!   pair never straddles two parts, so a part may hold 66 units.
//! - Capital `Ç` is in the default alphabet (0x09, as the standard has it); lower-case `ç` is not.
//! - The empty text has 0 parts and reports the room of one GSM-7 part (160).
//! - `remaining` is the room left in the last part, in the text's own unit (septets or UTF-16
//!   units); it does not predict whether the next character will switch the encoding.

/// The encoding a text is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// The GSM 03.38 7-bit default alphabet (with its extension table).
    Gsm7,
    /// UCS-2 (UTF-16), for anything else, Persian included.
    Ucs2,
}

impl Encoding {
    /// The JS string for `smsParts(..).encoding`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "gsm7",
            Encoding::Ucs2 => "ucs2",
        }
    }
}

/// The result of [`sms_parts`](crate::sms_parts), field for field the JS `smsParts` result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsParts {
    /// GSM-7 or UCS-2.
    pub encoding: Encoding,
    /// Length in septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2).
    pub length: u32,
    /// Number of SMS parts (0 for the empty text).
    pub parts: u32,
    /// Capacity of one part: 160/153 (GSM-7) or 70/67 (UCS-2), single/multi-part.
    pub per_part: u32,
    /// Room left in the last part.
    pub remaining: u32,
}

const GSM_SINGLE: u32 = 160;
const GSM_MULTI: u32 = 153;
const UCS_SINGLE: u32 = 70;
const UCS_MULTI: u32 = 67;

/// The GSM 03.38 default alphabet, less ASCII letters and digits (checked separately) and less
/// the escape code itself.
const GSM_BASIC_OTHER: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà";

/// The extension table: each of these is sent as escape + char, two septets.
const GSM_EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// Septets `c` takes in GSM-7, or `None` when it is not in the GSM alphabet. (A scan of
/// `chars()`, not `str::contains`, which would pull the pattern machinery into the wasm.)
pub fn gsm_septets(c: char) -> Option<u32> {
    if c.is_ascii_alphanumeric() || GSM_BASIC_OTHER.chars().any(|g| g == c) {
        Some(1)
    } else if GSM_EXTENSION.chars().any(|g| g == c) {
        Some(2)
    } else {
        None
    }
}

/// Counts the parts of `text`; see the module docs for the rules.
pub fn sms_parts(text: &str) -> SmsParts {
    let gsm: Option<Vec<u32>> = text.chars().map(gsm_septets).collect();
    let (encoding, weights, single, multi) = match gsm {
        Some(septets) => (Encoding::Gsm7, septets, GSM_SINGLE, GSM_MULTI),
        None => {
            let units = text.chars().map(|c| c.len_utf16() as u32).collect();
            (Encoding::Ucs2, units, UCS_SINGLE, UCS_MULTI)
        }
    };
    let length = weights.iter().fold(0u32, |sum, w| sum.saturating_add(*w));
    if length <= single {
        let parts = u32::from(length > 0);
        return SmsParts {
            encoding,
            length,
            parts,
            per_part: single,
            remaining: single - length,
        };
    }
    // Fill parts greedily; a character (escape pair, surrogate pair) that does not fit whole
    // starts the next part.
    let mut parts = 1u32;
    let mut used = 0u32;
    for w in weights {
        if used + w > multi {
            parts = parts.saturating_add(1);
            used = 0;
        }
        used += w;
    }
    SmsParts {
        encoding,
        length,
        parts,
        per_part: multi,
        remaining: multi.saturating_sub(used),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Encoding, u32, u32, u32, u32) {
        let p = sms_parts(text);
        (p.encoding, p.length, p.parts, p.per_part, p.remaining)
    }

    #[test]
    fn empty_text() {
        assert_eq!(parts(""), (Encoding::Gsm7, 0, 0, 160, 160));
    }

    #[test]
    fn gsm_boundaries() {
        use Encoding::Gsm7;
        assert_eq!(parts("a"), (Gsm7, 1, 1, 160, 159));
        assert_eq!(parts(&"a".repeat(160)), (Gsm7, 160, 1, 160, 0));
        assert_eq!(parts(&"a".repeat(161)), (Gsm7, 161, 2, 153, 145));
        assert_eq!(parts(&"a".repeat(306)), (Gsm7, 306, 2, 153, 0));
        assert_eq!(parts(&"a".repeat(307)), (Gsm7, 307, 3, 153, 152));
    }

    #[test]
    fn extension_characters_count_twice_and_never_straddle() {
        use Encoding::Gsm7;
        assert_eq!(parts("€"), (Gsm7, 2, 1, 160, 158));
        assert_eq!(parts("^{}\\[~]|€\u{c}"), (Gsm7, 20, 1, 160, 140));
        assert_eq!(parts(&"{".repeat(80)), (Gsm7, 160, 1, 160, 0));
        // 152 plain septets, then an escape pair that does not fit in part one.
        let text = "a".repeat(152) + "€" + &"a".repeat(10);
        assert_eq!(parts(&text), (Gsm7, 164, 2, 153, 153 - 12));
    }

    #[test]
    fn gsm_alphabet_edges() {
        for c in "@£$¥èéùìòÇ\n\rØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà !\"#%&'()*+,-./:;<=>?".chars()
        {
            assert_eq!(gsm_septets(c), Some(1), "{c:?}");
        }
        for c in ['ç', '`', '\t', 'á', 'س', '😀', '\u{1b}'] {
            assert_eq!(gsm_septets(c), None, "{c:?}");
        }
    }

    #[test]
    fn ucs2_boundaries() {
        use Encoding::Ucs2;
        assert_eq!(parts("سلام"), (Ucs2, 4, 1, 70, 66));
        assert_eq!(parts(&"س".repeat(70)), (Ucs2, 70, 1, 70, 0));
        assert_eq!(parts(&"س".repeat(71)), (Ucs2, 71, 2, 67, 63));
        assert_eq!(parts(&"س".repeat(134)), (Ucs2, 134, 2, 67, 0));
        assert_eq!(parts(&"س".repeat(135)), (Ucs2, 135, 3, 67, 66));
        // One non-GSM char turns a Latin text into UCS-2.
        assert_eq!(parts("hello ç").0, Ucs2);
    }

    #[test]
    fn surrogate_pairs_never_straddle() {
        use Encoding::Ucs2;
        assert_eq!(parts("😀"), (Ucs2, 2, 1, 70, 68));
        let text = "س".repeat(66) + "😀" + "س";
        assert_eq!(parts(&text), (Ucs2, 69, 1, 70, 1));
        let text = "س".repeat(66) + "😀" + &"س".repeat(5);
        // 66 units in part one; the pair opens part two.
        assert_eq!(parts(&text), (Ucs2, 73, 2, 67, 67 - 7));
        assert_eq!(Encoding::Ucs2.as_str(), "ucs2");
        assert_eq!(Encoding::Gsm7.as_str(), "gsm7");
    }
}
