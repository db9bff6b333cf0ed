//! The service's error codes: the table of English and Persian texts it documents, and the
//! code that means a wrong login.

/// The service's error table (docs/protocol.md, "Error codes"): English and Persian text for a code.
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

/// The service's code for a wrong username or password; it maps to [`ErrorKind::Auth`](super::error::ErrorKind::Auth).
pub const AUTH_CODE: i64 = 962;

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
}
