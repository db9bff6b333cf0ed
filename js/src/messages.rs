//! Every message of the JS layer, English and Persian side by side, to be read and translated
//! top to bottom: what it says of a JS argument it cannot turn into the Rust API's types. Each
//! follows the argument's name (`to[2]: must be a string`). What the values mean is the Rust
//! API's to check, and its messages are in the crate's own table.

// Shared by both entries' builds, each of which uses only its own readers and messages.
#![cfg_attr(not(all(feature = "legacy", feature = "edge")), allow(dead_code))]

/// An English text and its Persian.
pub type Text = (&'static str, &'static str);

pub const REQUIRED: Text = ("is required", "الزامی است");
pub const NOT_TEXT: Text = ("must be a string", "باید رشته باشد");
pub const NOT_NUMBER: Text = ("must be a number", "باید عدد باشد");
pub const NOT_WHOLE: Text = ("must be a whole number, 0 or more", "باید عدد صحیح نامنفی باشد");
pub const NOT_OBJECT: Text = ("must be an object", "باید یک شیء باشد");
pub const NOT_FUNCTION: Text = ("must be a function", "باید تابع باشد");
pub const NOT_SIGNAL: Text = ("must be an AbortSignal", "باید AbortSignal باشد");
pub const NOT_RECIPIENTS: Text = (
    "must be a string or an array of strings",
    "باید رشته یا آرایه‌ای از رشته‌ها باشد",
);
pub const NOT_ID: Text = ("must be a string or a number", "باید رشته یا عدد باشد");
pub const NOT_WHOLE_LIST: Text = ("must be an array of whole numbers", "باید آرایه‌ای از اعداد صحیح باشد");
pub const NOT_VALUE: Text = ("must be a string or a finite number", "باید رشته یا عدد باشد");
pub const NOT_OPERATOR: Text = ("must be \"mci\" or \"mtn\"", "باید \"mci\" یا \"mtn\" باشد");
pub const NOT_GENDER: Text = (
    "must be \"all\", \"male\" or \"female\"",
    "باید \"all\"، \"male\" یا \"female\" باشد",
);
pub const NOT_TIME: Text = ("must be a Date or a string", "باید Date یا رشته باشد");
pub const BAD_DATE: Text = (
    "must be a valid date between 1970 and 9999",
    "باید تاریخی معتبر بین ۱۹۷۰ و ۹۹۹۹ باشد",
);
pub const TOO_LONG_SHORT: Text = ("is longer than 64 characters", "بیش از ۶۴ نویسه دارد");
pub const TOO_LONG_TEXT: Text = ("is longer than 1,048,576 characters", "بیش از ۱٬۰۴۸٬۵۷۶ نویسه دارد");
pub const TOO_MANY_VALUES: Text = ("has more than 1,000 entries", "بیش از ۱٬۰۰۰ عضو دارد");
pub const TOO_MANY_ITEMS: Text = ("has more than 1,000,000 items", "بیش از ۱٬۰۰۰٬۰۰۰ عضو دارد");
pub const PAGER_BUSY: Text = (
    "the previous page is still being read",
    "صفحه قبلی هنوز در حال خواندن است",
);
pub const NOT_BOOL: Text = ("must be true or false", "باید true یا false باشد");
pub const NOT_LIST: Text = ("must be an array", "باید آرایه باشد");
pub const NOT_EDGE_VALUE: Text = (
    "must be a string, a finite number or a boolean",
    "باید رشته، عدد متناهی یا بولی باشد",
);
pub const NOT_SMALL: Text = (
    "must be a whole number up to 4294967295 (a number or digits)",
    "باید عدد صحیح تا ۴۲۹۴۹۶۷۲۹۵ باشد (عدد یا رقم)",
);
pub const NOT_WORD: Text = (
    "must be one of the words listed for it",
    "باید یکی از واژه‌های مجاز آن باشد",
);
pub const NOT_OPERATOR_ID: Text = (
    "must be 1, 2, 13, \"mci\", \"irancell\" or \"other\"",
    "باید 1، 2، 13، \"mci\"، \"irancell\" یا \"other\" باشد",
);
pub const NOT_EDGE_TIME: Text = (
    "must be a Date, a string or unix seconds",
    "باید Date، رشته یا ثانیه‌های یونیکس باشد",
);
pub const NOT_READABLE: Text = (
    "must be an object whose properties can be read (not a revoked Proxy)",
    "باید شیئی باشد که ویژگی‌هایش خواندنی است (نه Proxy باطل‌شده)",
);
