//! The Edge service's Persian messages in English: the texts of its documents, rendered, and
//! anything else passed through as the service wrote it.

/// Whole messages and their English.
const KNOWN: &[(&str, &str)] = &[
    ("انجام شد", "Done"),
    (
        "اطلاعات وارد شده صحیح نمی باشد",
        "The information entered is not correct (invalid or expired API key or token)",
    ),
    (
        "گزینه انتخابی شناسه دسته بندی اصلی صحیح نمی باشد",
        "The selected main category id is invalid",
    ),
    ("پیام مورد نظر یافت نشد", "Message not found"),
    (
        "پیام یافت نشد یا قابل لغو نیست",
        "Message not found or cannot be cancelled",
    ),
    ("پترن مورد نظر یافت نشد", "Pattern not found"),
    ("الگو یافت نشد", "Pattern not found"),
    ("دفترچه تلفن یافت نشد", "Phonebook not found"),
    ("استان یافت نشد", "Province not found"),
    ("شهرستان یافت نشد", "County not found"),
    ("منطقه انتخابی نامعتبر است", "The selected region is invalid"),
    ("کد پستی نامعتبر است", "The postal code is invalid"),
    (
        "پارامترهای مورد نیاز ارسال نشده است",
        "Required parameters were not sent",
    ),
    ("درخواست معتبر نیست", "The request is not valid"),
    ("داده‌های ارسالی نامعتبر است", "The submitted data is invalid"),
    ("invalid state", "Invalid state filter"),
];

/// Persian field labels the service puts in its messages.
const LABELS: &[(&str, &str)] = &[
    ("پیام", "message"),
    ("عنوان", "title"),
    ("شماره تماس", "phone number"),
    ("نام کاربری", "username"),
    ("گذرواژه", "password"),
    ("فایل ها", "files"),
];

/// The Persian of the English-only `invalid state`.
pub const INVALID_STATE_FA: &str = "فیلتر وضعیت نامعتبر است";

/// `X` of a message template, in English where it is a known label.
fn label(x: &str) -> &str {
    let x = x.trim();
    LABELS.iter().find(|(fa, _)| *fa == x).map_or(x, |(_, en)| en)
}

/// One message, without the "and N more" suffix.
fn render_one(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some((_, en)) = KNOWN.iter().find(|(fa, _)| *fa == t) {
        return Some(String::from(*en));
    }
    if let Some(x) = t
        .strip_prefix("تکمیل گزینه ")
        .and_then(|r| r.strip_suffix(" الزامی است"))
    {
        return Some([label(x), " is required"].concat());
    }
    if let Some(x) = t
        .strip_prefix("گزینه انتخاب شده ")
        .and_then(|r| r.strip_suffix(" صحیح نمی باشد"))
    {
        return Some(["The selected ", label(x), " is invalid"].concat());
    }
    None
}

/// The English of a service message: `… (و N خطای دیگر)` becomes `… (and N more errors)`;
/// `None` when the text is not one the documents show.
pub fn render(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some((head, tail)) = t.rsplit_once("(و ") {
        if let Some(n) = tail.strip_suffix(" خطای دیگر)") {
            let digits = crate::core::mobile::ascii_digits(n.trim());
            if crate::core::num::is_ascii_digits(&digits) {
                let first = render_one(head)?;
                return Some([first.as_str(), " (and ", digits.as_str(), " more errors)"].concat());
            }
        }
    }
    render_one(t)
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_the_documented_texts() {
        assert_eq!(
            render("تکمیل گزینه پیام الزامی است").as_deref(),
            Some("message is required")
        );
        assert_eq!(
            render("تکمیل گزینه description الزامی است (و 1 خطای دیگر)").as_deref(),
            Some("description is required (and 1 more errors)")
        );
        assert_eq!(
            render("گزینه انتخاب شده province id صحیح نمی باشد").as_deref(),
            Some("The selected province id is invalid")
        );
        assert_eq!(render(" الگو یافت نشد ").as_deref(), Some("Pattern not found"));
        assert_eq!(render("invalid state").as_deref(), Some("Invalid state filter"));
        assert_eq!(render("something new"), None);
        assert_eq!(render("(و 2 خطای دیگر)"), None);
    }
}
