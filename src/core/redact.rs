//! Redaction: the account's secret masked as `***` in every text of an error, whatever the
//! service or the runtime echoed.

use super::error::{CoreError, ErrorCode, BODY_EXCERPT_BYTES};

impl CoreError {
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
        #[cfg(feature = "edge")]
        for (path, texts) in self.field_errors.iter_mut().flat_map(|f| f.0.iter_mut()) {
            mask(path);
            for text in texts {
                mask(text);
            }
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
    use super::super::error::{CoreError, ErrorCode, BODY_EXCERPT_BYTES};

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
