//! Scheduled-send times: Tehran wall-clock text for a JS `Date`, and checking caller-written text.
//!
//! The service reads `time` as Tehran local time. Iran has kept UTC+03:30 all year since it
//! abolished daylight saving in 2022, so a fixed offset is right for every time that can still
//! be scheduled; no time-zone database is compiled in.

/// Tehran's offset from UTC, in seconds (+03:30).
const TEHRAN_OFFSET_SECS: i64 = 3 * 3600 + 30 * 60;

const SECS_PER_DAY: i64 = 86_400;

/// Days from 1970-01-01 to the first day of year 10000: anything at or past it is out of range.
const DAYS_TO_YEAR_10000: i64 = 2_932_897;

/// Tehran wall-clock time `YYYY-MM-DD HH:MM:SS` for `ms` milliseconds since the Unix epoch (what
/// `Date.prototype.getTime` returns), floored to the whole second.
///
/// `None` for NaN and infinities (an invalid `Date`) and for results outside years 1970..=9999,
/// which the four-digit year field cannot hold or no scheduled send can mean.
pub fn format_epoch_ms(ms: f64) -> Option<String> {
    if !ms.is_finite() {
        return None;
    }
    let secs = (ms / 1000.0).floor();
    // Well beyond year 9999 (≈2.5e11 s) either way, yet far inside i64, so the cast is exact.
    if secs.abs() > 1e12 {
        return None;
    }
    format_wall_secs((secs as i64).checked_add(TEHRAN_OFFSET_SECS)?)
}

/// `YYYY-MM-DD HH:MM:SS` for `local` seconds since 1970-01-01 00:00:00 of the same clock;
/// `None` outside years 1970..=9999.
pub fn format_wall_secs(local: i64) -> Option<String> {
    let days = local.div_euclid(SECS_PER_DAY);
    if !(0..DAYS_TO_YEAR_10000).contains(&days) {
        return None;
    }
    let of_day = local.rem_euclid(SECS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    let mut out = String::with_capacity(19);
    push_padded(&mut out, year, 4);
    out.push('-');
    push_padded(&mut out, month, 2);
    out.push('-');
    push_padded(&mut out, day, 2);
    out.push(' ');
    push_padded(&mut out, of_day / 3600, 2);
    out.push(':');
    push_padded(&mut out, of_day / 60 % 60, 2);
    out.push(':');
    push_padded(&mut out, of_day % 60, 2);
    Some(out)
}

/// Year, month (1..=12) and day (1..=31) of the proleptic Gregorian calendar for `days` since
/// 1970-01-01. Howard Hinnant's `civil_from_days`, valid for any day count of interest here.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March-based
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Appends a non-negative `n` zero-padded to `width` digits (wider numbers are not cut).
fn push_padded(out: &mut String, n: i64, width: usize) {
    let digits = super::num::i64_text(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `s` is exactly `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` in ASCII digits, naming a real
/// day (leap years included; year 0000 is not one) and a real time of day (00:00:00..23:59:59).
///
/// Text is sent as the caller wrote it, so it must be in the service's own format already; a
/// near miss (`2024-1-5`, `T` separator, a time zone) would be misread or refused by the service.
pub fn is_valid_time_text(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 && b.len() != 19 {
        return false;
    }
    // Reads the ASCII digits at `range` as a number, or None if any byte is not a digit.
    let num = |from: usize, to: usize| -> Option<u32> {
        b.get(from..to)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let date_ok = (|| {
        if !(at(4, b'-') && at(7, b'-')) {
            return None;
        }
        let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
        Some(year >= 1 && day >= 1 && day <= days_in_month(year, month))
    })();
    if date_ok != Some(true) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    let time_ok = (|| {
        if !(at(10, b' ') && at(13, b':') && at(16, b':')) {
            return None;
        }
        Some(num(11, 13)? <= 23 && num(14, 16)? <= 59 && num(17, 19)? <= 59)
    })();
    time_ok == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_tehran_wall_clock() {
        assert_eq!(format_epoch_ms(0.0).as_deref(), Some("1970-01-01 03:30:00"));
        // 2024-02-29T20:30:00Z is 2024-03-01 00:00:00 in Tehran.
        assert_eq!(
            format_epoch_ms(1_709_238_600_000.0).as_deref(),
            Some("2024-03-01 00:00:00")
        );
        // 2024-02-29T20:29:59.999Z floors to the second before.
        assert_eq!(
            format_epoch_ms(1_709_238_599_999.0).as_deref(),
            Some("2024-02-29 23:59:59")
        );
        // 2000-12-31T23:59:59Z
        assert_eq!(
            format_epoch_ms(978_307_199_000.0).as_deref(),
            Some("2001-01-01 03:29:59")
        );
        // Before the epoch in UTC but still 1970 in Tehran.
        assert_eq!(format_epoch_ms(-1.0).as_deref(), Some("1970-01-01 03:29:59"));
        assert_eq!(format_epoch_ms(-12_600_000.0).as_deref(), Some("1970-01-01 00:00:00"));
        assert_eq!(format_epoch_ms(-12_600_001.0), None);
        // 9999-12-31 23:59:59 Tehran = 9999-12-31T20:29:59Z.
        assert_eq!(
            format_epoch_ms(253_402_288_199_000.0).as_deref(),
            Some("9999-12-31 23:59:59")
        );
        assert_eq!(format_epoch_ms(253_402_288_200_000.0), None);
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 8.64e15, -8.64e15, f64::MAX] {
            assert_eq!(format_epoch_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn civil_dates_round_trip_known_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(DAYS_TO_YEAR_10000 - 1), (9999, 12, 31));
        assert_eq!(civil_from_days(DAYS_TO_YEAR_10000), (10000, 1, 1));
    }

    #[test]
    fn time_text() {
        for good in [
            "2024-01-05",
            "2024-02-29",
            "2000-02-29",
            "2024-12-31 23:59:59",
            "2024-01-05 00:00:00",
            "0001-01-01",
        ] {
            assert!(is_valid_time_text(good), "{good}");
        }
        for bad in [
            "",
            "2024-1-05",
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2024-01-00",
            "0000-01-01",
            "2024-01-05 24:00:00",
            "2024-01-05 23:60:00",
            "2024-01-05 23:00:60",
            "2024-01-05T10:00:00",
            "2024-01-05 10:00",
            "2024-01-05 10:00:00Z",
            "2024/01/05",
            "۲۰۲۴-۰۱-۰۵",
            "+024-01-05",
            "2024-01-05 1:00:000",
            " 2024-01-05",
        ] {
            assert!(!is_valid_time_text(bad), "{bad}");
        }
    }
}
