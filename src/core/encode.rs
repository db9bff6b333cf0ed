//! A checked request as what goes on the wire: the endpoint and the form fields, in the order
//! docs/protocol.md gives them.

use super::error::CoreError;
use super::form::{json_int_list, json_string_list, json_string_object, Form};
use super::messages::{EMAIL, NATIONAL_ID, NOT_EMPTY, VARIABLE_NAMES};
use super::mobile::{normalize_mobile_checked, normalize_mobile_field};
use super::num::{is_ascii_digits, u64_text};
use super::ops::Endpoint;
use super::request::*;
use super::validate::*;

/// What to put on the wire. The wasm layer adds the origin and calls `fetch`.
#[derive(Clone, PartialEq, Eq)]
pub struct WireRequest {
    /// Which path.
    pub endpoint: Endpoint,
    /// The urlencoded fields (`uname=..&pass=..&op=..&...`, or for patterns
    /// `username=..&password=..&from=..&to=..&input_data=..&pattern_code=..`): the POST body for
    /// `Services`, the query string (without `?`) for `Pattern`. Contains the password: never log it.
    pub fields: String,
}

/// Debug output leaves the fields out: they carry the password.
impl std::fmt::Debug for WireRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WireRequest")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

/// The account's credentials, sent with every call.
#[derive(Clone, Copy)]
pub struct Credentials<'a> {
    /// `uname` (`username` for pattern sends).
    pub username: &'a str,
    /// `pass` (`password` for pattern sends). Never echoed in an error.
    pub password: &'a str,
}

/// Debug output masks the password, so a stray `{:?}` cannot log it.
impl std::fmt::Debug for Credentials<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("password", &"***")
            .finish()
    }
}

/// Validates `req` and builds what goes on the wire, fields in the order of docs/protocol.md.
///
/// Every check happens here, before anything is sent, and errors name the JS field to fix.
/// No error quotes any value except a short bad mobile number (never one holding the new
/// user's password); the wasm layer also scrubs the account password from every error.
pub fn encode(creds: Credentials, req: &Request) -> Result<WireRequest, CoreError> {
    if creds.username.trim().is_empty() {
        return fail("username", NOT_EMPTY);
    }
    if creds.password.is_empty() {
        return fail("password", NOT_EMPTY);
    }
    if let Request::SendPattern(p) = req {
        return encode_pattern(creds, p);
    }
    let mut form = Form::new();
    form.push("uname", creds.username);
    form.push("pass", creds.password);
    form.push("op", req.op().wire_name());
    match req {
        Request::Send(r) => {
            let from = sender(&r.from)?;
            let to = recipients(&r.to)?;
            let message = message(&r.message)?;
            let time = r.time.as_deref().map(send_time).transpose()?;
            form.push("from", &from);
            form.push("to", &json_string_list(&to));
            form.push("message", message);
            if let Some(time) = time {
                form.push("time", &time);
            }
        }
        Request::PostalCodeSend(r) => {
            let from = sender(&r.from)?;
            let text = message(&r.message)?;
            let postal = postal_code(&r.postal_code, "postalCode")?;
            form.push("from", &from);
            form.push("message", text);
            push_postal_target(&mut form, &postal, r.operator, r.gender);
        }
        Request::PostalCodeCount(r) => {
            let postal = postal_code(&r.postal_code, "postalCode")?;
            push_postal_target(&mut form, &postal, r.operator, r.gender);
        }
        Request::BookSend(r) => {
            let from = sender(&r.from)?;
            let text = message(&r.message)?;
            let id = id_input(&r.book_id, "bookId")?;
            form.push("from", &from);
            form.push("message", text);
            form.push("bookid", &json_int_list(&[id]));
        }
        Request::JobsSend(r) => {
            let from = sender(&r.from)?;
            let text = message(&r.message)?;
            let job = id_number(r.job_id, "jobId")?;
            let trends = trend_ids(&r.trend_ids)?;
            form.push("from", &from);
            form.push("message", text);
            form.push("jobsid", &u64_text(job));
            form.push("trendid", &json_int_list(&trends));
        }
        Request::JobTrendList { job_id } => {
            form.push("jobsid", &u64_text(id_number(*job_id, "jobId")?));
        }
        Request::JobsCount(r) => {
            form.push("trendid", &json_int_list(&trend_ids(&r.trend_ids)?));
        }
        Request::CheckMessage { bulk_id } => {
            form.push("messageid", &bulk_id_digits(bulk_id)?);
        }
        Request::Delivery { bulk_id } => {
            // `uinqid` (sic) is the service's spelling.
            form.push("uinqid", &bulk_id_digits(bulk_id)?);
        }
        Request::NewUser(r) => encode_new_user(&mut form, r)?,
        Request::PostalCodeArea
        | Request::BookList
        | Request::JobList
        | Request::InboxList
        | Request::Credit
        | Request::AccessList
        | Request::SendPattern(_) => {}
    }
    Ok(WireRequest {
        endpoint: Endpoint::Services,
        fields: form.finish(),
    })
}

/// Whose numbers a postal-code op means: `type`, `gender`, `postalcode`, in the wire's order.
fn push_postal_target(form: &mut Form, postal: &str, operator: Operator, gender: Gender) {
    form.push("type", operator.wire());
    form.push("gender", gender.wire());
    form.push("postalcode", postal);
}

fn encode_pattern(creds: Credentials, p: &SendPatternRequest) -> Check<WireRequest> {
    let from = sender(&p.from)?;
    let to = normalize_mobile_field(&p.to, "to")?;
    if p.pattern_code.trim().is_empty() {
        return fail("patternCode", NOT_EMPTY);
    }
    if p.values.iter().any(|(key, _)| key.trim().is_empty()) {
        return fail("values", VARIABLE_NAMES);
    }
    let mut form = Form::new();
    form.push("username", creds.username);
    form.push("password", creds.password);
    form.push("from", &from);
    form.push("to", &json_string_list(&[to]));
    form.push("input_data", &json_string_object(&p.values));
    form.push("pattern_code", p.pattern_code.trim());
    Ok(WireRequest {
        endpoint: Endpoint::Pattern,
        fields: form.finish(),
    })
}

fn encode_new_user(form: &mut Form, r: &NewUserRequest) -> Check<()> {
    if r.username.trim().is_empty() {
        return fail("username", NOT_EMPTY);
    }
    if r.password.is_empty() {
        return fail("password", NOT_EMPTY);
    }
    if r.name.trim().is_empty() {
        return fail("name", NOT_EMPTY);
    }
    let national_id = digits_only(&r.national_id);
    if !(national_id.len() == 10 || national_id.len() == 11) || !is_ascii_digits(&national_id) {
        return fail("nationalId", NATIONAL_ID);
    }
    let access_id = id_number(r.access_id, "accessId")?;
    // A bad mobile is quoted back, unless the new user's password was typed into it: the
    // caller's redaction only knows the account's own password.
    let quote = !super::text::contains(&r.mobile, &r.password);
    let mobile = normalize_mobile_checked(&r.mobile, "mobile", quote)?;
    let postal = match optional(&r.postal_code) {
        Some(code) => postal_code(code, "postalCode")?,
        None => String::new(),
    };
    let email = optional(&r.email).unwrap_or_default();
    if !email.is_empty() {
        let valid = super::text::split_once_byte(email, b'@')
            .is_some_and(|(user, host)| !user.is_empty() && !host.is_empty() && !host.bytes().any(|b| b == b'@'));
        if !valid {
            return fail("email", EMAIL);
        }
    }
    form.push("user_uname", &r.username);
    form.push("user_pass", &r.password);
    form.push("name", &r.name);
    form.push("company", r.company.as_deref().unwrap_or_default());
    form.push("national_id", &national_id);
    form.push(
        "certificate_id",
        &digits_only(r.certificate_id.as_deref().unwrap_or_default()),
    );
    form.push("access_id", &u64_text(access_id));
    form.push("tell", &digits_only(r.tel.as_deref().unwrap_or_default()));
    form.push("mobile", &mobile);
    form.push("postalcode", &postal);
    form.push("email", email);
    form.push("address", r.address.as_deref().unwrap_or_default());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_passwords() {
        let creds = Credentials {
            username: "me",
            password: "pw-secret",
        };
        assert!(!format!("{creds:?}").contains("pw-secret"));
        let user = NewUserRequest {
            password: "pw-secret".into(),
            ..Default::default()
        };
        assert!(!format!("{user:?}").contains("pw-secret"));
        let wire = encode(creds, &Request::Credit).unwrap();
        assert!(wire.fields.contains("pw-secret"));
        assert!(!format!("{wire:?}").contains("pw-secret"));
    }
}
