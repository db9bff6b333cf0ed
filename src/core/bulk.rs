//! Splitting a long recipient list into `send` batches (`sendBulk`).

use super::error::CoreError;
use super::messages::{CHUNK_SIZE, NO_RECIPIENT};
use super::mobile::normalize_mobile_field;
use super::validate::indexed;

/// Normalizes every number of `to` and cuts the list into batches of `chunk_size`, in order.
///
/// All numbers are checked before anything is planned, so one bad number (named `to[i]`, its
/// index in `to`) fails the whole call and nothing is sent. Duplicates are kept: the caller
/// asked for them, and dropping some would make `sent`/`failed` disagree with `to`.
pub fn plan_batches(to: &[String], chunk_size: u64) -> Result<Vec<Vec<String>>, CoreError> {
    if to.is_empty() {
        return Err(CoreError::input("to", NO_RECIPIENT.0, NO_RECIPIENT.1));
    }
    let chunk = match chunk_size {
        n if n >= 1 => usize::try_from(n).unwrap_or(usize::MAX),
        _ => return Err(CoreError::input("chunkSize", CHUNK_SIZE.0, CHUNK_SIZE.1)),
    };
    let numbers = to
        .iter()
        .enumerate()
        .map(|(i, number)| normalize_mobile_field(number, &indexed("to", i)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(numbers.chunks(chunk).map(<[String]>::to_vec).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    fn numbers(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("0912{:07}", i)).collect()
    }

    #[test]
    fn plans_in_order() {
        let plan = plan_batches(&numbers(5), 2).unwrap();
        assert_eq!(plan.len(), 3);
        assert_eq!(plan[0], vec!["+989120000000", "+989120000001"]);
        assert_eq!(plan[2], vec!["+989120000004"]);
        assert_eq!(plan_batches(&numbers(3), 1 << 50).unwrap().len(), 1);
        assert_eq!(plan_batches(&numbers(4), 4).unwrap().len(), 1);
    }

    #[test]
    fn rejects_bad_input_before_planning() {
        let e = plan_batches(&[], 10).unwrap_err();
        assert!(e.message.starts_with("to: "));
        let e = plan_batches(&numbers(2), 0).unwrap_err();
        assert!(e.message.starts_with("chunkSize: "));
        let mut list = numbers(4);
        list[2] = String::from("021-1234");
        let e = plan_batches(&list, 2).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Input);
        assert!(e.message.starts_with("to[2]: "), "{}", e.message);
    }
}
