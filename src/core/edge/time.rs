//! Times the Edge API takes: `send_time` as UTC `YYYY-MM-DD HH:MM:SS`, report filters as unix
//! seconds. Callers write ISO-8601 with an offset (what `Date.prototype.toISOString` gives);
//! text without an offset is refused, since it would be read in whatever zone the service likes.

use crate::core::num::is_ascii_digits;
use crate::core::tehran_time::{days_in_month, format_wall_secs};

/// Days from 0000-03-01 to 1970-01-01 in Howard Hinnant's `days_from_civil` count.
const EPOCH_SHIFT: i64 = 719_468;

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - EPOCH_SHIFT
}

/// Unix seconds of ISO-8601 text with an offset: `YYYY-MM-DDTHH:MM[:SS[.fff…]]` then `Z` or
/// `±HH:MM` (a space instead of `T` is accepted too). Fractions of a second are dropped.
pub fn parse_iso(text: &str) -> Option<i64> {
    let s = text.trim().as_bytes();
    let num = |from: usize, to: usize| -> Option<i64> {
        s.get(from..to)?.iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    };
    let at = |i: usize, c: &[u8]| s.get(i).is_some_and(|b| c.contains(b));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":")) {
        return None;
    }
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute) = (num(11, 13)?, num(14, 16)?);
    let mut i = 16;
    let mut second = 0;
    if at(i, b":") {
        second = num(17, 19)?;
        i = 19;
        if at(i, b".,") {
            i += 1;
            let start = i;
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
        }
    }
    let offset = match s.get(i..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, m) = match rest {
                [_, _, b':', _, _] => (num(i + 1, i + 3)?, num(i + 4, i + 6)?),
                [_, _, _, _] => (num(i + 1, i + 3)?, num(i + 3, i + 5)?),
                [_, _] => (num(i + 1, i + 3)?, 0),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let secs = h * 3600 + m * 60;
            if *sign == b'-' {
                -secs
            } else {
                secs
            }
        }
        _ => return None,
    };
    let month_days = u32::try_from(year)
        .ok()
        .zip(u32::try_from(month).ok())
        .map(|(y, m)| i64::from(days_in_month(y, m)))?;
    if year < 1 || day < 1 || day > month_days || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// `send_time` as the wire wants it: UTC `YYYY-MM-DD HH:MM:SS`.
pub fn utc_send_time(text: &str) -> Option<String> {
    format_wall_secs(parse_iso(text)?)
}

/// A report filter's time: unix seconds given as digits, or ISO-8601 with an offset, as the
/// unix-second digits the wire takes.
pub fn unix_seconds_text(text: &str) -> Option<String> {
    let t = text.trim();
    if is_ascii_digits(t) {
        let trimmed = t.trim_start_matches('0');
        return Some(String::from(if trimmed.is_empty() { "0" } else { trimmed }));
    }
    let secs = parse_iso(t)?;
    u64::try_from(secs).ok().map(crate::core::num::u64_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_with_offset_becomes_utc() {
        assert_eq!(
            utc_send_time("2025-03-12T21:20:02+03:30").as_deref(),
            Some("2025-03-12 17:50:02")
        );
        assert_eq!(
            utc_send_time("2025-03-12T17:50:02.999Z").as_deref(),
            Some("2025-03-12 17:50:02")
        );
        assert_eq!(
            utc_send_time("2025-01-01T01:00:00+03:30").as_deref(),
            Some("2024-12-31 21:30:00")
        );
        assert_eq!(
            utc_send_time("2024-02-29 10:00-0100").as_deref(),
            Some("2024-02-29 11:00:00")
        );
        assert_eq!(
            utc_send_time("1970-01-01T00:00:00Z").as_deref(),
            Some("1970-01-01 00:00:00")
        );
        for bad in [
            "2025-03-12T21:20:02",
            "2025-03-12",
            "2025-02-29T10:00:00Z",
            "2025-03-12T24:00:00Z",
            "2025-03-12T21:20:02+3:30",
            "2025-03-12T21:20:02.Z",
            "2025-03-12T21:20:02Zx",
            "",
            "۲۰۲۵-03-12T21:20:02Z",
        ] {
            assert_eq!(utc_send_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn filter_times_are_unix_seconds() {
        assert_eq!(unix_seconds_text("1744102007").as_deref(), Some("1744102007"));
        assert_eq!(unix_seconds_text(" 007 ").as_deref(), Some("7"));
        assert_eq!(unix_seconds_text("2025-04-08T08:46:47Z").as_deref(), Some("1744102007"));
        assert_eq!(unix_seconds_text("1969-12-31T23:59:59Z"), None);
        assert_eq!(unix_seconds_text("yesterday"), None);
    }
}
