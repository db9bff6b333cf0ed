//! A Cloudflare Worker written in Rust with workers-rs, sending SMS through ippanel-wasm's
//! Rust API (no JavaScript in between: the `Client`'s requests go out through the Worker's
//! own `fetch`).
//!
//! Routes (every answer is JSON):
//!
//! - `GET /credit` → `{ "credit": 1000000 }`, the account's balance in rials.
//! - `POST /send` with `{ "from": "3000505", "to": "09121234567" | ["0912…", …],
//!   "message": "…", "time"?: "YYYY-MM-DD[ HH:MM:SS]" }` → `{ "bulkId": "…" }`.
//! - `GET /delivery/{bulkId}` → `[{ "recipient": "+98912…", "status": "delivered" }, …]`.
//!
//! Every failure is `{ "error": { "kind", "message", "messageFa", "code", "mayHaveSent" } }`
//! with the status [`status_for`] gives its kind: the caller's mistakes are 4xx, the
//! upstream's failures (a refused login included: the credentials are the Worker's own
//! secret, not the caller's) 502, a timeout 504.
//!
//! Settings (wrangler vars and secrets): `IPPANEL_USER`, `IPPANEL_PASS` (a secret),
//! `IPPANEL_URL` (the service's origin; the sandbox's URL in tests), `IPPANEL_TIMEOUT_MS` and
//! `IPPANEL_RETRIES` (both optional).

// The Worker only exists on wasm32 (ippanel-wasm's `Client` calls the runtime's `fetch`); on
// any other target the crate is empty, so a native `cargo check --workspace` still passes.
#![cfg(target_arch = "wasm32")]

use ippanel_wasm::{Client, Config, ErrorCode, ErrorKind, SendRequest};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use worker::{console_warn, event, Context, Env, Headers, Method, Request, Response};

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let path = req.path();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let outcome = match (req.method(), segments.as_slice()) {
        (Method::Get, ["credit"]) => credit(&env).await,
        (Method::Post, ["send"]) => send(&mut req, &env).await,
        (Method::Get, ["delivery", bulk_id]) if !bulk_id.is_empty() => delivery(&env, bulk_id).await,
        (_, ["credit"]) | (_, ["delivery", _]) => Err(Failure::method_not_allowed("GET")),
        (_, ["send"]) => Err(Failure::method_not_allowed("POST")),
        _ => Err(Failure::not_found()),
    };
    match outcome {
        Ok(body) => json_response(200, &body),
        Err(failure) => failure.into_response(),
    }
}

/// `GET /credit`.
async fn credit(env: &Env) -> Result<Value, Failure> {
    let credit = client(env)?.credit().await?;
    Ok(json!({ "credit": credit }))
}

/// What `POST /send` takes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SendBody {
    from: String,
    to: Recipients,
    message: String,
    #[serde(default)]
    time: Option<String>,
}

/// One number, or a list of them.
#[derive(Deserialize)]
#[serde(untagged)]
enum Recipients {
    One(String),
    Many(Vec<String>),
}

/// `POST /send`.
async fn send(req: &mut Request, env: &Env) -> Result<Value, Failure> {
    let text = req.text().await.map_err(|_| Failure::bad_body())?;
    let body: SendBody = serde_json::from_str(&text).map_err(|_| Failure::bad_body())?;
    let to = match body.to {
        Recipients::One(number) => vec![number],
        Recipients::Many(numbers) => numbers,
    };
    let sent = client(env)?
        .send(SendRequest {
            from: body.from,
            to,
            message: body.message,
            time: body.time,
        })
        .await?;
    Ok(json!({ "bulkId": sent.bulk_id }))
}

/// One entry of `GET /delivery/{bulkId}`.
#[derive(Serialize)]
struct Entry<'a> {
    recipient: &'a str,
    status: &'a str,
}

/// `GET /delivery/{bulkId}`.
async fn delivery(env: &Env, bulk_id: &str) -> Result<Value, Failure> {
    let entries = client(env)?.delivery(bulk_id).await?;
    let entries: Vec<Entry<'_>> = entries
        .iter()
        .map(|e| Entry {
            recipient: &e.recipient,
            status: e.status.as_str(),
        })
        .collect();
    Ok(json!(entries))
}

/// A `Client` for the account the Worker's settings name. Cheap: made per request, it makes
/// no request itself.
fn client(env: &Env) -> Result<Client, Failure> {
    let username = setting(env, "IPPANEL_USER").ok_or_else(|| Failure::missing("IPPANEL_USER"))?;
    let password = env
        .secret("IPPANEL_PASS")
        .map(|s| s.to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Failure::missing("IPPANEL_PASS"))?;
    let timeout_ms = number(env, "IPPANEL_TIMEOUT_MS")?;
    let retries = number(env, "IPPANEL_RETRIES")?;
    Client::new(Config {
        username,
        password,
        base_url: setting(env, "IPPANEL_URL"),
        timeout_ms,
        retries,
    })
    .map_err(|e| Failure::config(e.message(), e.message_fa()))
}

/// A plain variable, `None` when unset or empty.
fn setting(env: &Env, name: &str) -> Option<String> {
    env.var(name)
        .ok()
        .map(|v| v.to_string().trim().to_string())
        .filter(|v| !v.is_empty())
}

/// An optional whole-number variable.
fn number(env: &Env, name: &str) -> Result<Option<u32>, Failure> {
    setting(env, name).map(|v| v.parse::<u32>()).transpose().map_err(|_| {
        Failure::config(
            &format!("{name} must be a whole number"),
            &format!("{name} باید عدد صحیح باشد"),
        )
    })
}

/// The HTTP status of an `ippanel_wasm::Error` of kind `kind`.
///
/// - `input` (the caller's `from`, `to`, `message`, `time` or bulk id) → 400.
/// - `auth` → 502: the username and password are the Worker's own settings, so the caller did
///   nothing wrong and can do nothing about it; the upstream refused the Worker.
/// - `api`, `http`, `network`, `protocol` (the service refused, answered badly or not at all)
///   → 502.
/// - `timeout` → 504.
/// - `aborted` → 503 (the Worker never aborts a call itself).
///
/// The wildcard arm keeps this compiling when ippanel-wasm adds a kind: an unknown kind is
/// an upstream failure too.
fn status_for(kind: ErrorKind) -> u16 {
    match kind {
        ErrorKind::Input => 400,
        ErrorKind::Timeout => 504,
        ErrorKind::Aborted => 503,
        // Auth, Api, Http, Network, Protocol, and kinds added later.
        _ => 502,
    }
}

/// A failure's body: `{ "error": { … } }`.
#[derive(Serialize)]
struct ErrorResponse<'a> {
    error: ErrorBody<'a>,
}

/// The `error` object of a failure's body, its fields in this order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
    message_fa: &'a str,
    code: &'a Value,
    may_have_sent: bool,
}

/// A failed request: the status and the `{ error }` body.
struct Failure {
    status: u16,
    kind: &'static str,
    message: String,
    message_fa: String,
    code: Value,
    may_have_sent: bool,
    allow: Option<&'static str>,
}

impl From<ippanel_wasm::Error> for Failure {
    fn from(e: ippanel_wasm::Error) -> Failure {
        let status = status_for(e.kind());
        if status >= 500 {
            // The error's text never holds the password (ippanel-wasm masks it).
            console_warn!("ippanel {} failed: {}", e.op(), e);
        }
        let code = match e.code() {
            Some(ErrorCode::Num(n)) => json!(n),
            Some(ErrorCode::Text(t)) => json!(t),
            _ => Value::Null,
        };
        Failure {
            status,
            kind: e.kind().as_str(),
            message: e.message().to_string(),
            message_fa: e.message_fa().to_string(),
            code,
            may_have_sent: e.may_have_sent(),
            allow: None,
        }
    }
}

impl Failure {
    /// An error of the Worker's own, not of the client.
    fn own(status: u16, kind: &'static str, message: &str, message_fa: &str) -> Failure {
        Failure {
            status,
            kind,
            message: message.to_string(),
            message_fa: message_fa.to_string(),
            code: Value::Null,
            may_have_sent: false,
            allow: None,
        }
    }

    /// The Worker's settings are wrong (500, kind `config`): nothing was sent.
    fn config(message: &str, message_fa: &str) -> Failure {
        console_warn!("configuration: {}", message);
        Failure::own(500, "config", message, message_fa)
    }

    fn missing(name: &str) -> Failure {
        Failure::config(&format!("{name} is not set"), &format!("{name} تنظیم نشده است"))
    }

    fn bad_body() -> Failure {
        Failure::own(
            400,
            "input",
            "body: must be JSON { from, to, message[, time] }",
            "body: باید JSON به شکل { from, to, message[, time] } باشد",
        )
    }

    fn not_found() -> Failure {
        Failure::own(404, "not_found", "no such route", "چنین مسیری وجود ندارد")
    }

    fn method_not_allowed(allow: &'static str) -> Failure {
        Failure {
            allow: Some(allow),
            ..Failure::own(405, "method_not_allowed", "method not allowed", "این متد مجاز نیست")
        }
    }

    fn into_response(self) -> worker::Result<Response> {
        let body = ErrorResponse {
            error: ErrorBody {
                kind: self.kind,
                message: &self.message,
                message_fa: &self.message_fa,
                code: &self.code,
                may_have_sent: self.may_have_sent,
            },
        };
        let mut response = json_response(self.status, &body)?;
        if let Some(allow) = self.allow {
            response.headers_mut().set("Allow", allow)?;
        }
        Ok(response)
    }
}

/// A JSON answer that no cache keeps.
fn json_response<T: Serialize>(status: u16, body: &T) -> worker::Result<Response> {
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8")?;
    headers.set("Cache-Control", "no-store")?;
    Ok(Response::from_json(body)?.with_status(status).with_headers(headers))
}
