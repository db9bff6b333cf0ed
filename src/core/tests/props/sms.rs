//! Properties of SMS part counting, against a reference written from GSM 03.38.

use super::*;

// ---------------------------------------------------------------- SMS parts

/// The GSM 03.38 default alphabet, written as its 128-entry table (0x1B, the escape, is
/// skipped), independently of the implementation.
const GSM_TABLE: [char; 128] = [
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', //
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{1b}', 'Æ', 'æ', 'ß', 'É', //
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', //
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', //
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', //
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', //
];
const GSM_EXT: [char; 10] = ['\u{c}', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];
const ESC: u16 = 0x1b;

/// Reference count: encode to septets (escape + char for extensions) or UTF-16 units, then cut
/// fixed-size segments, moving a segment's trailing escape / high surrogate to the next one.
fn reference(text: &str) -> (Encoding, u32, u32, u32, u32) {
    let mut septets: Vec<u16> = Vec::new();
    let mut gsm = true;
    for c in text.chars() {
        if c != '\u{1b}' && GSM_TABLE.contains(&c) {
            septets.push(1);
        } else if GSM_EXT.contains(&c) {
            septets.push(ESC);
            septets.push(2);
        } else {
            gsm = false;
            break;
        }
    }
    /// Whether a segment may not end with this unit (it needs the unit after it).
    type Breakable = fn(u16) -> bool;
    let (encoding, units, single, multi, breakable): (_, Vec<u16>, usize, usize, Breakable) = if gsm {
        (Encoding::Gsm7, septets, 160, 153, |u| u == ESC)
    } else {
        (Encoding::Ucs2, text.encode_utf16().collect(), 70, 67, |u| {
            (0xd800..0xdc00).contains(&u)
        })
    };
    let length = units.len();
    if length <= single {
        return (
            encoding,
            length as u32,
            u32::from(length > 0),
            single as u32,
            (single - length) as u32,
        );
    }
    let mut parts = 0;
    let mut start = 0;
    let mut last_len = 0;
    while start < length {
        let mut end = (start + multi).min(length);
        if end < length && breakable(units[end - 1]) {
            end -= 1;
        }
        parts += 1;
        last_len = end - start;
        start = end;
    }
    (encoding, length as u32, parts, multi as u32, (multi - last_len) as u32)
}

fn gsm_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => select(GSM_TABLE.iter().copied().filter(|c| *c != '\u{1b}').collect::<Vec<_>>()),
        1 => select(GSM_EXT.to_vec()),
    ]
}

fn any_sms_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => gsm_char(),
        2 => select("سلامپچژگکی۰۹،؟".chars().collect::<Vec<_>>()),
        1 => select(vec!['😀', '𝄞', '🇮', 'ç', '`', '\t', '\u{1b}']),
        1 => any::<char>(),
    ]
}

fn check_sms(text: &str) -> Result<(), TestCaseError> {
    let p = sms_parts(text);
    prop_assert_eq!(
        (p.encoding, p.length, p.parts, p.per_part, p.remaining),
        reference(text),
        "{:?}",
        text
    );
    // Invariants that hold whatever the content.
    if p.parts > 0 {
        prop_assert!(p.remaining < p.per_part || (p.parts == 1 && p.length == 0));
        prop_assert!(p.parts * p.per_part >= p.length + p.remaining);
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn gsm_texts_match_the_reference(chars in prop::collection::vec(gsm_char(), 0..400)) {
        check_sms(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn mixed_texts_match_the_reference(chars in prop::collection::vec(any_sms_char(), 0..200)) {
        check_sms(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn part_boundaries(
        gsm_len in select(vec![0usize, 1, 152, 153, 154, 159, 160, 161, 305, 306, 307, 459, 460]),
        ucs_len in select(vec![1usize, 66, 67, 68, 69, 70, 71, 133, 134, 135, 201, 202]),
        gsm_fill in gsm_char(),
        ucs_fill in select("سلامپچژگکی".chars().collect::<Vec<_>>()),
        emoji_at in prop::option::of(0usize..200),
    ) {
        let gsm: String = "a".repeat(gsm_len);
        let p = sms_parts(&gsm);
        let (parts, per) = match gsm_len { 0 => (0, 160), 1..=160 => (1, 160), l => (l.div_ceil(153) as u32, 153) };
        prop_assert_eq!((p.encoding, p.length, p.parts, p.per_part), (Encoding::Gsm7, gsm_len as u32, parts, per));
        check_sms(&gsm)?;
        let filled: String = gsm_fill.to_string().repeat(gsm_len);
        check_sms(&filled)?;

        let mut ucs: Vec<char> = vec![ucs_fill; ucs_len];
        let p = sms_parts(&ucs.iter().collect::<String>());
        let (parts, per) = match ucs_len { 1..=70 => (1, 70), l => (l.div_ceil(67) as u32, 67) };
        prop_assert_eq!((p.encoding, p.length, p.parts, p.per_part), (Encoding::Ucs2, ucs_len as u32, parts, per));
        if let Some(at) = emoji_at {
            ucs.insert(at.min(ucs.len()), '😀');
        }
        check_sms(&ucs.into_iter().collect::<String>())?;
    }
}
