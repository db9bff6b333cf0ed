//! Properties of mobile-number normalization.

use super::*;

// ---------------------------------------------------------------- mobile numbers

const SEPARATORS: &[&str] = &[
    " ", "-", ".", "(", ")", "\u{a0}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{200e}", "\u{200f}", "\u{202a}",
    "\u{202c}", "\u{202e}", "\u{2066}", "\u{2069}", "\u{feff}", "\t", "\u{2013}",
];

/// A digit in ASCII, Persian or Arabic-Indic script.
fn script_digit(d: u32, script: u8) -> char {
    let base = match script % 3 {
        0 => '0' as u32,
        1 => 0x6f0,
        _ => 0x660,
    };
    char::from_u32(base + d).unwrap()
}

/// Writes `text` (ASCII digits and `+`) with random digit scripts and random separators.
fn dress(text: &str, scripts: &[u8], seps: &[Option<usize>]) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if let Some(Some(k)) = seps.get(i) {
            // Separators may come before the `+` too (a direction mark usually does).
            out.push_str(SEPARATORS[k % SEPARATORS.len()]);
        }
        match c.to_digit(10) {
            Some(d) => out.push(script_digit(d, scripts.get(i).copied().unwrap_or(0))),
            None => out.push(c),
        }
    }
    if let Some(Some(k)) = seps.get(text.len()) {
        out.push_str(SEPARATORS[k % SEPARATORS.len()]);
    }
    out
}

fn sep_strategy() -> impl Strategy<Value = Vec<Option<usize>>> {
    prop::collection::vec(prop::option::weighted(0.3, 0..SEPARATORS.len()), 16)
}

proptest! {
    #![proptest_config(cases(500))]

    #[test]
    fn every_valid_form_of_a_number_normalizes_the_same(
        national in "9[0-9]{9}",
        prefix in select(vec!["", "0", "98", "+98", "0098"]),
        scripts in prop::collection::vec(0u8..3, 16),
        seps in sep_strategy(),
    ) {
        let expected = format!("+98{national}");
        let input = dress(&format!("{prefix}{national}"), &scripts, &seps);
        prop_assert_eq!(normalize_mobile(&input), Ok(expected.clone()), "{:?}", input);
        // The result is a fixed point.
        prop_assert_eq!(normalize_mobile(&expected), Ok(expected));
    }

    #[test]
    fn landlines_and_wrong_lengths_are_rejected(
        digits in "[0-9]{0,16}",
        prefix in select(vec!["", "+", "0", "98", "+98", "0098"]),
        scripts in prop::collection::vec(0u8..3, 20),
        seps in sep_strategy(),
    ) {
        let text = format!("{prefix}{digits}");
        let all = text.trim_start_matches('+');
        // The accepted shapes, written out independently of the implementation.
        let national = if text.starts_with('+') {
            all.strip_prefix("98")
        } else if all.len() == 14 {
            all.strip_prefix("0098")
        } else if all.len() == 12 {
            all.strip_prefix("98")
        } else if all.len() == 11 {
            all.strip_prefix('0')
        } else if all.len() == 10 {
            Some(all)
        } else {
            None
        };
        let valid = national.is_some_and(|n| n.len() == 10 && n.starts_with('9'));
        let input = dress(&text, &scripts, &seps);
        let result = normalize_mobile(&input);
        prop_assert_eq!(result.is_ok(), valid, "{:?} -> {:?}", input, result);
        if let Ok(n) = result {
            prop_assert_eq!(n, format!("+98{}", national.unwrap()));
        }
    }

    #[test]
    fn junk_never_panics_and_never_passes_as_a_number(input in any::<String>()) {
        match normalize_mobile(&input) {
            Ok(n) => {
                prop_assert!(n.len() == 13 && n.starts_with("+989") && n[1..].bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(normalize_mobile(&n), Ok(n.clone()));
            }
            Err(e) => {
                prop_assert_eq!(e.kind, ErrorKind::Input);
                prop_assert!(e.message.starts_with("input: "));
            }
        }
    }

    #[test]
    fn letters_anywhere_are_rejected(
        national in "9[0-9]{9}",
        at in 0usize..12,
        junk in "[a-zA-Z/_*#,+ا-ی]",
    ) {
        let mut text: Vec<char> = format!("0{national}").chars().collect();
        let at = at.min(text.len());
        let junk_char = junk.chars().next().unwrap();
        // A `+` is only junk after the first digit.
        prop_assume!(!(junk_char == '+' && at == 0));
        text.insert(at, junk_char);
        let input: String = text.into_iter().collect();
        prop_assert!(normalize_mobile(&input).is_err(), "{:?}", input);
    }
}
