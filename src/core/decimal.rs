//! Plain decimal text (`-?digits(.digits)?`) as the nearest `f64`, rounded as `JSON.parse` and
//! `Number()` round it (to nearest, ties to even), in plain Rust and the same on every target
//! and wherever a type is read: no engine call, no state.
//!
//! Rust's own parser would bring its tables into the wasm (about 15 KB gzip). Instead, text of
//! at most 15 significant digits (every amount the service sends) is one exactly rounded
//! division (Clinger's fast path); longer text starts from an estimate and is corrected one
//! step at a time by comparing the exact value with the halfway points beside the candidate,
//! in big integers.

/// Powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Significant digits kept: 767 decide the rounding of any `f64`; the digits after them only
/// matter as "some nonzero tail", kept as one more digit.
const MAX_DIGITS: usize = 780;

/// `text`, already checked to be `-?digits(.digits)?`, as the nearest `f64` (infinite when it is
/// beyond `f64::MAX`).
pub fn parse(text: &str) -> f64 {
    let (negative, t) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let n = short(t).unwrap_or_else(|| long(t));
    if negative {
        -n
    } else {
        n
    }
}

/// At most 15 significant digits and 22 decimals, read exactly: the digits as a whole number
/// (below 2^53, so exact) divided by an exact power of ten is one correctly rounded operation.
fn short(t: &str) -> Option<f64> {
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    let power = *EXACT_POWERS.get(fraction.len())?;
    let mut digits: u64 = 0;
    let mut significant = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        digits = digits * 10 + u64::from(b.wrapping_sub(b'0'));
        if digits != 0 {
            significant += 1;
            if significant > 15 {
                return None;
            }
        }
    }
    Some(digits as f64 / power)
}

/// Any length: the significant digits `d` and exponent `e` of the value `d × 10^e`, an estimate,
/// then the estimate moved to the exact nearest `f64`.
fn long(t: &str) -> f64 {
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    let mut digits: Vec<u8> = whole
        .bytes()
        .chain(fraction.bytes())
        .map(|b| b.wrapping_sub(b'0'))
        .collect();
    let mut exp10 = -(fraction.len() as i64);
    let leading = digits.iter().take_while(|&&d| d == 0).count();
    digits.drain(..leading);
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return 0.0;
    }
    if digits.len() > MAX_DIGITS {
        let tail_nonzero = digits
            .get(MAX_DIGITS..)
            .is_some_and(|tail| tail.iter().any(|&d| d != 0));
        exp10 += (digits.len() - MAX_DIGITS) as i64;
        digits.truncate(MAX_DIGITS);
        if tail_nonzero {
            digits.push(1);
            exp10 -= 1;
        }
    }
    // The value is below 10^(magnitude) and at least 10^(magnitude - 1).
    let magnitude = digits.len() as i64 + exp10;
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -325 {
        return 0.0;
    }
    let mut z = estimate(&digits, exp10);
    let exact = Big::from_digits(&digits);
    // The estimate is off by a few units in the last place at most; each step moves one.
    for _ in 0..256 {
        match step(&exact, exp10, z) {
            Some(next) if next.is_infinite() => return next,
            Some(next) => z = next,
            None => break,
        }
    }
    z
}

/// Within a few units in the last place of `digits × 10^exp10`: its first 19 digits scaled by
/// floating-point powers of ten.
fn estimate(digits: &[u8], exp10: i64) -> f64 {
    let head = digits.len().min(19);
    let mut m: u64 = 0;
    for &d in digits.iter().take(head) {
        m = m * 10 + u64::from(d);
    }
    let mut e = exp10 + (digits.len() - head) as i64;
    let mut z = m as f64;
    while e > 0 {
        let k = e.min(22);
        z *= EXACT_POWERS.get(k as usize).copied().unwrap_or(1.0);
        e -= k;
    }
    while e < 0 {
        let k = (-e).min(22);
        z /= EXACT_POWERS.get(k as usize).copied().unwrap_or(1.0);
        e += k;
    }
    if z.is_infinite() {
        f64::MAX
    } else {
        z
    }
}

/// The neighbour of `z` the exact value `exact × 10^exp10` is nearer to, or `None` when `z` is
/// the nearest (ties to the even mantissa).
fn step(exact: &Big, exp10: i64, z: f64) -> Option<f64> {
    let (mantissa, exp2) = decompose(z);
    let up = f64::from_bits(z.to_bits() + 1);
    // Above: halfway to the next `f64`, (2m + 1) × 2^(e - 1).
    match compare(exact, exp10, 2 * mantissa + 1, exp2 - 1) {
        std::cmp::Ordering::Greater => return Some(up),
        std::cmp::Ordering::Equal => return (mantissa % 2 == 1).then_some(up),
        std::cmp::Ordering::Less => {}
    }
    if z == 0.0 {
        return None;
    }
    let down = f64::from_bits(z.to_bits() - 1);
    // Below: halfway to the previous one; the gap below a power of two is half as wide.
    let narrower = mantissa == 1 << 52 && exp2 > -1074;
    let (half, half_exp) = if narrower {
        (4 * mantissa - 1, exp2 - 2)
    } else {
        (2 * mantissa - 1, exp2 - 1)
    };
    match compare(exact, exp10, half, half_exp) {
        std::cmp::Ordering::Less => Some(down),
        std::cmp::Ordering::Equal => (mantissa % 2 == 1).then_some(down),
        std::cmp::Ordering::Greater => None,
    }
}

/// `z` (finite, 0 or more) as `mantissa × 2^exp`.
fn decompose(z: f64) -> (u64, i64) {
    let bits = z.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i64;
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `exact × 10^exp10` against `m × 2^exp2`, both made whole numbers.
fn compare(exact: &Big, exp10: i64, m: u64, exp2: i64) -> std::cmp::Ordering {
    let mut left = exact.clone();
    let mut right = Big::from_u64(m);
    if exp10 >= 0 {
        left.mul_pow10(exp10 as u32);
    } else {
        right.mul_pow10((-exp10) as u32);
    }
    if exp2 >= 0 {
        right.shl(exp2 as u32);
    } else {
        left.shl((-exp2) as u32);
    }
    left.cmp(&right)
}

/// A whole number, base 2^32 digits, least significant first, no high zeros.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut big = Big(vec![n as u32, (n >> 32) as u32]);
        big.trim();
        big
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let mut value = 0u32;
            for &d in chunk {
                value = value * 10 + u32::from(d);
            }
            big.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        big
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in self.0.iter_mut() {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn mul_pow10(&mut self, mut exp: u32) {
        while exp > 0 {
            let k = exp.min(9);
            self.mul_add(10u32.pow(k), 0);
            exp -= k;
        }
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits != 0 {
            let mut carry = 0u32;
            for limb in self.0.iter_mut() {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if limbs != 0 && !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat(0).take(limbs));
        }
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A xorshift generator: the same cases every run.
    fn generator() -> impl FnMut() -> u64 {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    #[test]
    fn short_decimals_are_exact() {
        let mut next = generator();
        let mut answered = 0;
        for _ in 0..200_000 {
            let digits = next() % 10u64.pow((next() % 16) as u32 + 1);
            let text = digits.to_string();
            let point = (next() % (text.len() as u64 + 3)) as usize;
            let text = if point == 0 {
                text
            } else if point <= text.len() {
                format!(
                    "{}.{}",
                    &text[..text.len() - point + 1],
                    &text[text.len() - point + 1..]
                )
            } else {
                format!("0.{}{}", "0".repeat(point - text.len()), text)
            };
            let text = text.trim_end_matches('.').to_string();
            if let Some(n) = short(&text) {
                answered += 1;
                assert_eq!(n, text.parse::<f64>().unwrap(), "{text}");
            }
        }
        assert!(answered > 150_000, "{answered}");
        assert_eq!(short("1234567890123456"), None, "16 significant digits");
        assert_eq!(short("0.00000000000000000000001"), None, "23 decimals");
        assert_eq!(parse("-0"), -0.0);
        assert!(parse("-0").is_sign_negative());
    }

    #[test]
    fn long_decimals_round_as_rusts_parser_does() {
        let mut next = generator();
        for _ in 0..20_000 {
            // Random doubles of every magnitude, written out with many digits (so most are
            // near, and some exactly at, a halfway point once cut), and random digit strings.
            let z = f64::from_bits(next() % 0x7ff0_0000_0000_0000);
            let places = (next() % 30) as usize + 16;
            let texts = [
                format!("{z:.places$}"),
                format!("{:.places$}", z * 1e-3),
                format!("{}.{}", next() % 1_000_000, next()),
                format!("{}{}", next(), next()),
            ];
            for text in texts {
                let expected: f64 = text.parse().unwrap();
                assert_eq!(parse(&text).to_bits(), expected.to_bits(), "{text}");
            }
        }
    }

    #[test]
    fn edges() {
        for text in [
            "9007199254740993",     // 2^53 + 1: a tie, to even (2^53)
            "9007199254740995",     // 2^53 + 3: a tie, to even (2^53 + 4)
            "9007199254740993.0000000000000000001",
            "0.1000000000000000055511151231257827021181583404541015625", // exactly 0.1's double
            "0.1000000000000000055511151231257827021181583404541015624",
            "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
            "179769313486231580793728971405301334065301426240519005810098419000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000049406564584124654",
            "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000024703282292062327",
            "00000123456789012345678901234567890.000000",
            "0.000",
        ] {
            if let Ok(expected) = text.parse::<f64>() {
                assert_eq!(parse(text).to_bits(), expected.to_bits(), "{text}");
            }
        }
        let long = format!("1.{}1", "0".repeat(2000));
        assert_eq!(parse(&long), 1.0);
        let tie_with_tail = format!("9007199254740993{}1", "0".repeat(1000));
        assert_eq!(
            parse(&tie_with_tail).to_bits(),
            tie_with_tail.parse::<f64>().unwrap().to_bits()
        );
        assert_eq!(parse(&"9".repeat(400)), f64::INFINITY);
    }
}
