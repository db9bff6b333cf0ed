//! Every message the crate writes itself, English and Persian side by side, to be read and
//! translated top to bottom. (The service's own texts for its error codes are in `codes.rs`;
//! the JS layer's words about JS types are in the JS crate's own table.)
//!
//! Input messages follow the field they are about (`to[1]: is not a valid ...`); in the others
//! `{}` stands for a number or the runtime's words.

/// An English text and its Persian.
pub type Text = (&'static str, &'static str);

// The client's settings.
pub const NOT_EMPTY: Text = ("must not be empty", "نباید خالی باشد");
pub const BASE_URL: Text = (
    "must start with https:// or http:// and name a host",
    "باید با https:// یا http:// شروع شود و میزبان داشته باشد",
);
pub const TIME_IN_RANGE: Text = ("must be a positive number in range", "باید عددی مثبت و در محدوده باشد");
pub const RETRIES: Text = ("must be a whole number from 0 to 10", "باید عدد صحیح بین ۰ تا ۱۰ باشد");

// A request's values.
pub const SENDER: Text = (
    "must be a sender line number (digits)",
    "باید شماره خط ارسال‌کننده (رقم) باشد",
);
pub const NO_RECIPIENT: Text = ("must list at least one recipient", "باید دست کم یک گیرنده داشته باشد");
pub const MOBILE_EMPTY: Text = ("is empty", "خالی است");
pub const MOBILE_CHARACTER: Text = ("contains a character that is not a digit", "نویسه‌ای غیر از رقم دارد");
pub const NOT_MOBILE: Text = (
    "is not a valid Iranian mobile number (e.g. 09121234567)",
    "شماره موبایل معتبر ایرانی نیست (مانند 09121234567)",
);
pub const SEND_TIME: Text = (
    "must be a Date or text like 2024-01-31 or 2024-01-31 18:30:00 (Tehran time)",
    "باید Date یا متنی مانند 2024-01-31 یا 2024-01-31 18:30:00 (به وقت تهران) باشد",
);
pub const POSTAL_CODE: Text = ("must be a 10-digit postal code", "باید کد پستی ۱۰ رقمی باشد");
pub const NOT_AN_ID: Text = ("must be a whole number, 0 or more", "باید عدد صحیح نامنفی باشد");
pub const NO_TREND: Text = (
    "must list at least one trend id",
    "باید دست کم یک شناسه گرایش داشته باشد",
);
pub const VARIABLE_NAMES: Text = ("variable names must not be empty", "نام متغیرها نباید خالی باشد");
pub const NATIONAL_ID: Text = (
    "must be 10 digits (a person) or 11 digits (a company)",
    "باید ۱۰ رقم (شخص حقیقی) یا ۱۱ رقم (شخص حقوقی) باشد",
);
pub const EMAIL: Text = ("must look like name@example.com", "باید به شکل name@example.com باشد");

// The Edge client's words (with the `edge` feature only).
#[cfg(feature = "edge")]
pub use edge::*;

#[cfg(feature = "edge")]
mod edge {
    use super::Text;

    pub const EDGE_SENDER: Text = (
        "must be a sender line (+983000505, 3000505 or +98BANK)",
        "باید شماره خط ارسال‌کننده باشد (+983000505، 3000505 یا +98BANK)",
    );
    pub const EDGE_SEND_TIME: Text = (
        "must be a Date or ISO-8601 text with an offset, like 2025-03-12T21:20:02+03:30",
        "باید Date یا متن ISO-8601 با اختلاف ساعت باشد، مانند 2025-03-12T21:20:02+03:30",
    );
    pub const FILTER_TIME: Text = (
        "must be a Date, unix seconds, or ISO-8601 text with an offset",
        "باید Date، ثانیه‌های یونیکس یا متن ISO-8601 با اختلاف ساعت باشد",
    );
    pub const NO_ITEMS: Text = ("must list at least one item", "باید دست کم یک مورد داشته باشد");
    pub const TOO_MANY_ITEMS: Text = ("must list at most 1000000 items", "حداکثر ۱۰۰۰۰۰۰ مورد مجاز است");
    pub const VOTP_CODE: Text = ("must be 1 to 14 digits", "باید ۱ تا ۱۴ رقم باشد");
    pub const POSTAL_PREFIX: Text = ("must be 2 to 5 digits", "باید ۲ تا ۵ رقم باشد");
    pub const NUMBER_PREFIX: Text = ("must be 2 to 6 digits", "باید ۲ تا ۶ رقم باشد");
    pub const DIGITS: Text = ("must be digits", "باید رقم باشد");
    pub const BIRTH_YEAR: Text = (
        "must be a Solar Hijri year from 1300 to 1410",
        "باید سال شمسی بین ۱۳۰۰ تا ۱۴۱۰ باشد",
    );
    pub const PAGE: Text = ("must be a whole number, 1 or more", "باید عدد صحیح ۱ یا بیشتر باشد");
    pub const LIMIT: Text = (
        "must be a whole number from 1 to 1000",
        "باید عدد صحیح بین ۱ تا ۱۰۰۰ باشد",
    );
    pub const PATTERN_LIMIT: Text = (
        "must be a whole number from 1 to 100",
        "باید عدد صحیح بین ۱ تا ۱۰۰ باشد",
    );

    /// Before serde's own (English) words for a request value of the wrong kind.
    pub const NOT_FITTING_FA: &str = "مقدار نامعتبر: ";

    // The Edge service's answers that carry no text of their own.
    pub const EDGE_AUTH: Text = (
        "the API key is invalid or expired (HTTP 401)",
        "کلید API نامعتبر یا منقضی شده است (HTTP 401)",
    );
    pub const EDGE_DUPLICATE: Text = (
        "an identical message was sent less than 40 seconds ago; wait at least 40 seconds before repeating it",
        "پیامی یکسان کمتر از ۴۰ ثانیه پیش ارسال شده است؛ پیش از تکرار دست کم ۴۰ ثانیه صبر کنید",
    );
    pub const EDGE_REFUSED: Text = (
        "HTTP {}: the service refused the request",
        "HTTP {}: سرویس درخواست را نپذیرفت",
    );
}

// sendBulk and waitForDelivery.
pub const CHUNK_SIZE: Text = ("must be a whole number, 1 or more", "باید عدد صحیح ۱ یا بیشتر باشد");
pub const CONCURRENCY: Text = ("must be a whole number from 1 to 64", "باید عدد صحیح بین ۱ تا ۶۴ باشد");

// Failures that are not the service's answer.
pub const NETWORK: Text = ("network error", "خطای شبکه");
pub const NETWORK_SAID: Text = ("network error: {}", "خطای شبکه: {}");
pub const TIMEOUT: Text = ("no response within {} ms", "پاسخی در {} میلی‌ثانیه دریافت نشد");
pub const ABORTED: Text = ("the request was aborted", "درخواست لغو شد");
pub const HTTP_STATUS: Text = ("HTTP {} from the service", "سرویس با وضعیت HTTP {} پاسخ داد");
pub const NOT_SERVICE_FORMAT: Text = (
    "HTTP {}: a response not in the service's format",
    "HTTP {}: پاسخ در قالب سرویس نیست",
);
pub const EMPTY_RESPONSE: Text = ("HTTP {}: an empty response", "HTTP {}: پاسخ در قالب سرویس نیست");
pub const TOO_LARGE: Text = (
    "HTTP {}: response body too large",
    "HTTP {}: پاسخ سرویس بیش از حد بزرگ است",
);
pub const UNEXPECTED: Text = (
    "unexpected response from the service: {}",
    "پاسخ سرویس ساختار غیرمنتظره‌ای دارد: {}",
);
pub const UNKNOWN_CODE: Text = ("unknown error code {}", "کد خطای ناشناخته {}");

/// `template` with its `{}` replaced by `value`.
pub fn fill(template: &str, value: &str) -> String {
    let Some((before, after)) = template.split_once("{}") else {
        return String::from(template);
    };
    let mut out = String::with_capacity(template.len() + value.len());
    out.push_str(before);
    out.push_str(value);
    out.push_str(after);
    out
}

/// Both texts of `text` filled with `value`.
pub fn fill_both((en, fa): Text, value: &str) -> (String, String) {
    (fill(en, value), fill(fa, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_once() {
        assert_eq!(fill_both(TIMEOUT, "30000").0, "no response within 30000 ms");
        assert_eq!(fill_both(TIMEOUT, "30000").1, "پاسخی در 30000 میلی‌ثانیه دریافت نشد");
        assert_eq!(fill("no hole", "x"), "no hole");
        assert_eq!(fill("{} and {}", "a"), "a and {}");
    }
}
