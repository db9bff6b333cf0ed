//! Numbers as the plain decimal text the Edge service takes for pattern values: the engine's
//! shortest round-trip digits (`String(n)`), with an exponent form (`1e+21`, `1e-7`) written
//! out in full (`1000000000000000000000`, `0.0000001`).

// Built on wasm32 for the Edge entry, natively for its tests.
#![cfg_attr(not(all(target_arch = "wasm32", feature = "edge")), allow(dead_code))]

/// `shortest` (a JS number's `String()`), in plain decimal.
pub fn plain(shortest: &str) -> String {
    let Some((mantissa, exponent)) = shortest.split_once(['e', 'E']) else {
        return String::from(shortest);
    };
    let Ok(exponent) = exponent.parse::<i32>() else {
        return String::from(shortest);
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = [whole, fraction].concat();
    // Where the decimal point falls in `digits`.
    let point = whole.len() as i32 + exponent;
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-point) as usize));
        out.push_str(digits.trim_end_matches('0'));
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.push_str(&"0".repeat(point as usize - digits.len()));
    } else {
        let (head, tail) = digits.split_at(point as usize);
        out.push_str(head);
        let tail = tail.trim_end_matches('0');
        if !tail.is_empty() {
            out.push('.');
            out.push_str(tail);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn exponents_are_written_out() {
        for (given, want) in [
            ("1e+21", "1000000000000000000000"),
            ("1.5e+22", "15000000000000000000000"),
            ("1e-7", "0.0000001"),
            ("-2.5e-8", "-0.000000025"),
            ("1.2345e+2", "123.45"),
            ("123", "123"),
            ("0.5", "0.5"),
            ("-1e+21", "-1000000000000000000000"),
            (
                "1.7976931348623157e+308",
                &["17976931348623157", &"0".repeat(292)].concat(),
            ),
        ] {
            assert_eq!(plain(given), want, "{given}");
        }
    }
}
