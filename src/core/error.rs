//! The error type of the whole library and the service's error table.
//!
//! `CoreError` is what every fallible core function returns; the wasm layer turns it into the
//! JavaScript `IppanelError` one to one (adding `op` and `mayHaveSent`, which depend on the call).

use super::num::{u64_text, write_i64};

/// What went wrong, in the words of API.md (`err.kind`).
///
/// New kinds may be added (the service grows), so a `match` needs a `_` arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Rejected locally; nothing was sent.
    Input,
    /// Wrong username or password (code 962 or the bare auth text).
    Auth,
    /// The service answered with an error code.
    Api,
    /// A non-2xx response, or a 2xx whose body is not the service's format.
    Http,
    /// No response at all (connection refused, reset, DNS...).
    Network,
    /// The per-attempt timeout ran out.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A well-formed answer of an unexpected shape.
    Protocol,
}

impl ErrorKind {
    /// The JS string for `err.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Input => "input",
            ErrorKind::Auth => "auth",
            ErrorKind::Api => "api",
            ErrorKind::Http => "http",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Protocol => "protocol",
        }
    }
}

/// The service's own error code (`err.code`): a number in the table, or text it sent instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCode {
    /// A numeric code, e.g. 962.
    Num(i64),
    /// A non-numeric code the service sent.
    Text(String),
}

/// A failure, with everything `IppanelError` carries except `op` and `mayHaveSent`.
#[derive(Debug, Clone, PartialEq)]
pub struct CoreError {
    /// `err.kind`.
    pub kind: ErrorKind,
    /// `err.code`: the service's code where it gave one.
    pub code: Option<ErrorCode>,
    /// `err.message`, English. For `Input` it names the field, e.g. `to[1]: ...`.
    pub message: String,
    /// `err.messageFa`, Persian.
    pub message_fa: String,
    /// `err.status`: the HTTP status where a response arrived.
    pub status: Option<u16>,
    /// `err.body`: the raw response text, at most [`BODY_EXCERPT_BYTES`] bytes (cut on a char
    /// boundary), where a response arrived.
    pub body: Option<String>,
}

/// How much of a response body an error keeps.
pub const BODY_EXCERPT_BYTES: usize = 2048;

/// The service's error table (PROTOCOL.md section 5): English and Persian text for a code.
///
/// Every row of the table is here, including 0 (success) so a caller can show it; the Persian
/// is exactly the table's. 1003–1005 share one row in every copy of the vendor's table.
pub fn error_table(code: i64) -> Option<(&'static str, &'static str)> {
    let row = match code {
        0 => ("Success", "عملیات با موفقیت انجام شده است"),
        1 => ("Message text is empty", "متن پیام خالی می باشد"),
        2 => ("User account is restricted", "کاربر محدود گردیده است"),
        3 => ("The sender line does not belong to you", "خط به شما تعلق ندارد"),
        4 => ("Recipient list is empty", "گیرندگان خالی است"),
        5 => ("Insufficient credit", "اعتبار کافی نیست"),
        6 => ("Message length is not valid", "طول پیام مناسب نیست"),
        7 => (
            "Line not suitable for bulk sending",
            "خط مورد نظر برای ارسال انبوه مناسب نمی باشد",
        ),
        9 => (
            "Line cannot send at this hour (use patterns for 24h sending)",
            "خط مورد نظر در این ساعت امکان ارسال ندارد",
        ),
        21 => ("Invalid voice file extension", "پسوند فایل صوتی نامعتبر است"),
        22 => ("Invalid voice file size", "سایز فایل صوتی نامعتبر است"),
        23 => (
            "Invalid retry count for voice message",
            "تعداد تلاش در پیام صوتی نامعتبر است",
        ),
        98 => (
            "Maximum number of recipients exceeded",
            "حداکثر تعداد گیرنده رعایت نشده است",
        ),
        99 => ("The sending line's operator is down", "اپراتور خط ارسالی قطع می باشد"),
        100 => (
            "Phonebook contact number is invalid",
            "شماره مخاطب دفترچه تلفن نامعتبر می باشد",
        ),
        101 => (
            "Contact already exists in the phonebook",
            "شماره مخاطب در دفترچه تلفن وجود دارد",
        ),
        102 => (
            "Contact saved to the phonebook",
            "شماره مخاطب با موفقیت در دفترچه تلفن ذخیره گردید",
        ),
        111 => (
            "Too many recipients for a voice message",
            "حداکثر تعداد گیرنده برای ارسال پیام صوتی رعایت نشده است",
        ),
        131 => (
            "Voice message retry count must be one",
            "تعداد تلاش در پیام صوتی باید یکبار باشد",
        ),
        132 => ("Voice file URL not provided", "آدرس فایل صوتی وارد نگردیده است"),
        266 => (
            "Sending via a shared line is not possible",
            "ارسال با خط اشتراکی امکان پذیر نیست",
        ),
        301 => (
            "Username contains special characters",
            "از حرف ویژه در نام کاربری استفاده گردیده است",
        ),
        302 => ("Pricing has not been set", "قیمت گذاری انجام نگردیده است"),
        303 | 305 => ("Username not provided", "نام کاربری وارد نگردیده است"),
        304 => ("Username already taken", "نام کاربری قبلا انتخاب گردیده است"),
        306 => ("National ID not provided", "کد ملی وارد نگردیده است"),
        307 => ("National ID is invalid", "کد ملی به خطا وارد شده است"),
        308 => ("Birth certificate number is invalid", "شماره شناسنامه نا معتبر است"),
        309 => (
            "Birth certificate number not provided",
            "شماره شناسنامه وارد نگردیده است",
        ),
        310 => ("E-mail not provided", "ایمیل کاربر وارد نگردیده است"),
        311 => ("Telephone number not provided", "شماره تلفن وارد نگردیده است"),
        312 => ("Telephone number is invalid", "تلفن به درستی وارد نگردیده است"),
        313 => ("Address not provided", "آدرس شما وارد نگردیده است"),
        314 => ("Mobile number not provided", "شماره موبایل را وارد نکرده اید"),
        315 => ("Mobile number is invalid", "شماره موبایل به نادرستی وارد گردیده است"),
        316 => ("Access level is invalid", "سطح دسترسی به نادرستی وارد گردیده است"),
        317 => ("Password not provided", "کلمه عبور وارد نگردیده است"),
        404 => ("Pattern not available", "پترن در دسترس نیست"),
        455 => (
            "Scheduled send for this bulk id was cancelled",
            "ارسال در آینده برای کد بالک ارسالی لغو شد",
        ),
        456 => ("Invalid bulk id", "کد بالک ارسالی نامعتبر است"),
        458 => ("Invalid ticket id", "کد تیکت نامعتبر است"),
        962 => (
            "Username or password is incorrect",
            "نام کاربری یا کلمه عبور نادرست می باشد",
        ),
        963 => ("Invalid access", "دسترسی نامعتبر می باشد"),
        964 => ("You do not have reseller access", "شما دسترسی نمایندگی ندارید"),
        970 => (
            "Pattern parameters are invalid",
            "پارامتر های ارسالی برای پترن نامعتبر است",
        ),
        971 => ("Pattern is invalid", "پترن ارسالی نامعتبر است"),
        972 => (
            "Pattern recipient is invalid",
            "دریافت کننده برای ارسال پترن نامعتبر می باشد",
        ),
        992 => (
            "Sending is allowed only from 08:00 to 23:00",
            "ارسال پیام از ساعت 8 تا 23 می باشد",
        ),
        993 => ("Phonebook must be an array", "دفترچه تلفن باید یک آرایه باشد"),
        994 => (
            "Upload an image of your bank card (Documents menu)",
            "لطفا تصویری از کارت بانکی خود را از منو مدارک ارسال کنید",
        ),
        995 => (
            "Register your bank card to send on shared lines",
            "جهت ارسال با خطوط اشتراکی سامانه، لطفا شماره کارت بانکی خود را از بخش ارسال مدارک ثبت نمایید",
        ),
        996 => ("Pattern is not active", "پترن فعال نیست"),
        997 => (
            "You may not send with this pattern",
            "شما اجازه ارسال از این پترن را ندارید",
        ),
        998 => (
            "Your national or bank card is not verified",
            "کارت ملی یا کارت بانکی شما تایید نشده است",
        ),
        1001 => (
            "Username format is invalid (5+ letters and digits)",
            "فرمت نام کاربری درست نمی باشد",
        ),
        1002 => (
            "Password too simple (8+ chars, not containing username, e-mail or mobile)",
            "گذرواژه خیلی ساده می باشد",
        ),
        1003..=1005 => (
            "Registration problem, contact support",
            "مشکل در ثبت، با پشتیبانی تماس بگیرید",
        ),
        1006 => (
            "Scheduled send time is in the past",
            "تاریخ ارسال پیام برای گذشته می باشد",
        ),
        _ => return None,
    };
    Some(row)
}

/// The service's code for a wrong username or password; it maps to [`ErrorKind::Auth`].
pub const AUTH_CODE: i64 = 962;

/// At most [`BODY_EXCERPT_BYTES`] bytes of `body`, cut on a char boundary so the excerpt stays
/// valid UTF-8 (a cut inside a Persian letter would otherwise need a replacement character).
pub fn body_excerpt(body: &str) -> String {
    let mut end = body.len().min(BODY_EXCERPT_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    String::from(body.get(..end).unwrap_or_default())
}

/// `parts` joined: messages are built without `format!`, which costs wasm bytes.
fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

impl CoreError {
    fn new(kind: ErrorKind, message: String, message_fa: String) -> CoreError {
        CoreError {
            kind,
            code: None,
            message,
            message_fa,
            status: None,
            body: None,
        }
    }

    /// Attaches the HTTP status and a body excerpt.
    fn with_response(mut self, status: u16, body: &str) -> CoreError {
        self.status = Some(status);
        self.body = Some(body_excerpt(body));
        self
    }

    /// A locally rejected input: `"{field}: {en}"` / `"{field}: {fa}"`, so the message always
    /// starts with the JS field name the caller has to fix.
    pub fn input(field: &str, en: &str, fa: &str) -> CoreError {
        CoreError::new(ErrorKind::Input, concat(&[field, ": ", en]), concat(&[field, ": ", fa]))
    }

    /// No response arrived; `detail` is what the runtime said (e.g. `fetch failed (ECONNRESET)`).
    pub fn network(detail: &str) -> CoreError {
        let (en, fa) = if detail.is_empty() {
            (String::from("network error"), String::from("خطای شبکه"))
        } else {
            (concat(&["network error: ", detail]), concat(&["خطای شبکه: ", detail]))
        };
        CoreError::new(ErrorKind::Network, en, fa)
    }

    /// The per-attempt timeout of `ms` milliseconds ran out.
    pub fn timeout(ms: u32) -> CoreError {
        let ms = u64_text(u64::from(ms));
        CoreError::new(
            ErrorKind::Timeout,
            concat(&["no response within ", &ms, " ms"]),
            concat(&["پاسخی در ", &ms, " میلی‌ثانیه دریافت نشد"]),
        )
    }

    /// The caller's `AbortSignal` fired.
    pub fn aborted() -> CoreError {
        CoreError::new(
            ErrorKind::Aborted,
            String::from("the request was aborted"),
            String::from("درخواست لغو شد"),
        )
    }

    /// A non-2xx response.
    pub fn http(status: u16, body: &str) -> CoreError {
        let s = u64_text(u64::from(status));
        CoreError::new(
            ErrorKind::Http,
            concat(&["HTTP ", &s, " from the service"]),
            concat(&["سرویس با وضعیت HTTP ", &s, " پاسخ داد"]),
        )
        .with_response(status, body)
    }

    /// A 2xx response whose body is not the service's format (an HTML page, truncated or empty
    /// JSON). Kind `Http`: API.md files it with the non-2xx answers, since a proxy or gateway
    /// rather than the service usually wrote it.
    pub fn not_service_format(status: u16, body: &str) -> CoreError {
        let s = u64_text(u64::from(status));
        let what = if body.trim().is_empty() {
            "an empty response"
        } else {
            "a response not in the service's format"
        };
        CoreError::new(
            ErrorKind::Http,
            concat(&["HTTP ", &s, ": ", what]),
            concat(&["HTTP ", &s, ": پاسخ در قالب سرویس نیست"]),
        )
        .with_response(status, body)
    }

    /// A response body too large to read; `body_excerpt` is its beginning.
    pub fn too_large(status: u16, body_excerpt: &str) -> CoreError {
        let s = u64_text(u64::from(status));
        CoreError::new(
            ErrorKind::Http,
            concat(&["HTTP ", &s, ": response body too large"]),
            concat(&["HTTP ", &s, ": پاسخ سرویس بیش از حد بزرگ است"]),
        )
        .with_response(status, body_excerpt)
    }

    /// A well-formed answer of an unexpected shape; `detail` says what was expected.
    pub fn protocol(detail: &str, status: u16, body: &str) -> CoreError {
        CoreError::new(
            ErrorKind::Protocol,
            concat(&["unexpected response from the service: ", detail]),
            concat(&["پاسخ سرویس ساختار غیرمنتظره‌ای دارد: ", detail]),
        )
        .with_response(status, body)
    }

    /// The service answered with an error code. A code in the table gets the table's texts
    /// (962 becomes kind `Auth`); an unknown code keeps the service's own text in the English
    /// message, since that text is the only explanation there is.
    pub fn api(code: ErrorCode, service_text: &str, status: u16, body: &str) -> CoreError {
        let known = match &code {
            ErrorCode::Num(n) => error_table(*n),
            ErrorCode::Text(_) => None,
        };
        let (kind, message, message_fa) = match known {
            Some((en, fa)) => {
                let kind = if code == ErrorCode::Num(AUTH_CODE) {
                    ErrorKind::Auth
                } else {
                    ErrorKind::Api
                };
                (kind, String::from(en), String::from(fa))
            }
            None => {
                let mut shown = String::new();
                match &code {
                    ErrorCode::Num(n) => write_i64(&mut shown, *n),
                    ErrorCode::Text(t) => shown.push_str(t),
                }
                let text = service_text.trim();
                let mut en = concat(&["unknown error code ", &shown]);
                if !text.is_empty() {
                    en.push_str(": ");
                    en.push_str(text);
                }
                (ErrorKind::Api, en, concat(&["کد خطای ناشناخته ", &shown]))
            }
        };
        let mut error = CoreError::new(kind, message, message_fa).with_response(status, body);
        error.code = Some(code);
        error
    }

    /// Replaces every occurrence of `secret` (the password, raw or percent-encoded) in every
    /// text of the error with `***`, so no error can leak it, whatever the service echoed.
    ///
    /// The body excerpt may have been cut in the middle of the secret; when the body is at the
    /// excerpt limit, a tail that is a beginning of the secret is masked too.
    pub fn redact(&mut self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        let mask = |text: &mut String| {
            if let Some(masked) = super::text::replace_all(text, secret, "***") {
                *text = masked;
            }
        };
        mask(&mut self.message);
        mask(&mut self.message_fa);
        if let Some(ErrorCode::Text(code)) = &mut self.code {
            mask(code);
        }
        if let Some(body) = &mut self.body {
            // A cut excerpt ends within 3 bytes of the limit (char boundary). Decided before
            // masking, which shortens the text when the secret also appears earlier on.
            let cut_off = body.len() + 4 > BODY_EXCERPT_BYTES;
            mask(body);
            if cut_off {
                let cut = secret
                    .char_indices()
                    .map(|(i, _)| i)
                    .filter(|&i| i > 0)
                    .rev()
                    .find(|&i| secret.get(..i).is_some_and(|head| body.ends_with(head)));
                if let Some(len) = cut {
                    body.truncate(body.len() - len);
                    body.push_str("***");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [i64; 60] = [
        0, 1, 2, 3, 4, 5, 6, 7, 9, 21, 22, 23, 98, 99, 100, 101, 102, 111, 131, 132, 266, 301, 302, 303, 304, 305, 306,
        307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 404, 455, 456, 458, 962, 963, 964, 970, 971, 972, 992,
        993, 994, 995, 996, 997, 998, 1001, 1002, 1003, 1004, 1005,
    ];

    #[test]
    fn table_has_every_row_and_nothing_else() {
        for code in CODES.iter().chain(&[1006]) {
            let (en, fa) = error_table(*code).unwrap_or_else(|| panic!("missing {code}"));
            assert!(!en.is_empty() && !fa.is_empty());
        }
        for code in [-1, 8, 10, 24, 103, 318, 457, 961, 999, 1000, 1007, i64::MAX, i64::MIN] {
            assert_eq!(error_table(code), None, "{code}");
        }
        assert_eq!(error_table(303), error_table(305));
        assert_eq!(error_table(1003), error_table(1005));
        assert_eq!(error_table(5), Some(("Insufficient credit", "اعتبار کافی نیست")));
    }

    #[test]
    fn api_errors() {
        let e = CoreError::api(ErrorCode::Num(5), "credit", 200, "[5,\"credit\"]");
        assert_eq!(e.kind, ErrorKind::Api);
        assert_eq!(e.message, "Insufficient credit");
        assert_eq!(e.message_fa, "اعتبار کافی نیست");
        assert_eq!(e.status, Some(200));
        assert_eq!(e.body.as_deref(), Some("[5,\"credit\"]"));

        let auth = CoreError::api(ErrorCode::Num(962), "", 200, "x");
        assert_eq!(auth.kind, ErrorKind::Auth);
        assert_eq!(auth.code, Some(ErrorCode::Num(962)));

        let unknown = CoreError::api(ErrorCode::Num(4242), " odd thing ", 200, "");
        assert_eq!(unknown.kind, ErrorKind::Api);
        assert_eq!(unknown.message, "unknown error code 4242: odd thing");
        assert_eq!(unknown.message_fa, "کد خطای ناشناخته 4242");
        assert_eq!(
            CoreError::api(ErrorCode::Num(-7), "", 200, "").message,
            "unknown error code -7"
        );

        let text = CoreError::api(ErrorCode::Text("E_X".into()), "bad", 200, "");
        assert_eq!(text.code, Some(ErrorCode::Text("E_X".into())));
        assert_eq!(text.message, "unknown error code E_X: bad");
    }

    #[test]
    fn constructors_fill_every_text() {
        let all = [
            CoreError::input("to[2]", "bad", "بد"),
            CoreError::network(""),
            CoreError::network("fetch failed"),
            CoreError::timeout(30_000),
            CoreError::aborted(),
            CoreError::http(502, "<html>"),
            CoreError::not_service_format(200, "<html>"),
            CoreError::not_service_format(200, ""),
            CoreError::too_large(200, "[[[["),
            CoreError::protocol("expected a list", 200, "{}"),
        ];
        for e in &all {
            assert!(!e.message.is_empty() && !e.message_fa.is_empty(), "{e:?}");
        }
        assert_eq!(all[0].message, "to[2]: bad");
        assert_eq!(all[0].message_fa, "to[2]: بد");
        assert_eq!(all[0].kind, ErrorKind::Input);
        assert_eq!(all[3].message, "no response within 30000 ms");
        assert_eq!(all[5].status, Some(502));
        assert_eq!(all[5].kind, ErrorKind::Http);
        assert_eq!(all[6].kind, ErrorKind::Http);
        assert_eq!(all[8].kind, ErrorKind::Http);
        assert!(all[8].message.contains("response body too large"));
        assert_eq!(all[9].kind, ErrorKind::Protocol);
        assert_eq!(all[9].body.as_deref(), Some("{}"));
        assert_eq!(all[1].status, None);
    }

    #[test]
    fn excerpts_cut_on_char_boundaries() {
        let long = "ب".repeat(BODY_EXCERPT_BYTES); // 2 bytes each
        let e = body_excerpt(&long);
        assert_eq!(e.len(), BODY_EXCERPT_BYTES);
        let odd = String::from("a") + &long;
        let e = body_excerpt(&odd);
        assert_eq!(e.len(), BODY_EXCERPT_BYTES - 1);
        assert!(odd.starts_with(&e));
        assert_eq!(body_excerpt("short"), "short");
        assert_eq!(
            CoreError::http(500, &long).body.map(|b| b.len()),
            Some(BODY_EXCERPT_BYTES)
        );
    }

    #[test]
    fn redaction_masks_every_field() {
        let mut e = CoreError::api(
            ErrorCode::Text("pw-secret".into()),
            "bad pw-secret",
            200,
            "x pw-secret y pw-secret",
        );
        e.message_fa.push_str(" pw-secret");
        e.redact("pw-secret");
        for text in [&e.message, &e.message_fa, e.body.as_ref().unwrap()] {
            assert!(!text.contains("pw-secret"), "{text}");
            assert!(text.contains("***"));
        }
        assert_eq!(e.code, Some(ErrorCode::Text("***".into())));
        let before = e.clone();
        e.redact("");
        assert_eq!(e, before);
    }

    #[test]
    fn redaction_masks_a_secret_cut_by_the_excerpt() {
        let body = "x".repeat(BODY_EXCERPT_BYTES - 3) + "secret-password";
        let mut e = CoreError::http(500, &body);
        assert!(e.body.as_ref().unwrap().ends_with("sec"));
        e.redact("secret-password");
        let b = e.body.unwrap();
        assert!(b.ends_with("x***"), "{}", &b[b.len() - 10..]);
        // A short body ending with a prefix of the secret is left alone.
        let mut short = CoreError::http(500, "ends with s");
        short.redact("secret");
        assert_eq!(short.body.as_deref(), Some("ends with s"));
        // The secret earlier in the body too: masking it shortens the text, and the cut copy at
        // the end must still be masked.
        let echoed = "pass=pw-Secret-123&".to_string() + &"x".repeat(BODY_EXCERPT_BYTES - 23) + "pw-Secret-123";
        let mut twice = CoreError::http(502, &echoed);
        assert!(twice.body.as_ref().unwrap().ends_with("pw-S"));
        twice.redact("pw-Secret-123");
        let b = twice.body.unwrap();
        assert!(!b.contains("pw-S"), "{}", &b[b.len() - 10..]);
        assert!(b.starts_with("pass=***&") && b.ends_with("x***"));
    }
}
