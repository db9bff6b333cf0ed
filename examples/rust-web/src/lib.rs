//! A browser app written in Rust (Yew, client-side rendering) over the ippanel-wasm Rust API:
//! a message box that counts SMS parts as you type (`sms_parts`), the account's credit
//! (`Client::credit`) and a send form (`Client::send`) that shows the bulk id or the error.
//!
//! The service's address and the account come from the query string (`?baseUrl=…&username=…
//! &password=…`) or from the inputs on the page. Only built for `wasm32`: on other targets the
//! crate is empty, so `cargo check --workspace` stays green.
#![cfg(target_arch = "wasm32")]

use std::future::Future;

use ippanel_wasm::{sms_parts, Client, Config, Encoding, Error, SendRequest};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, UrlSearchParams};
use yew::prelude::*;

/// The outcome of one call, as the page shows it.
#[derive(Clone, PartialEq)]
enum Shown<T> {
    Idle,
    Busy,
    Done(T),
    Failed(Error),
}

impl<T> Shown<T> {
    fn state(&self) -> &'static str {
        match self {
            Shown::Idle => "idle",
            Shown::Busy => "busy",
            Shown::Done(_) => "ok",
            Shown::Failed(_) => "error",
        }
    }
}

impl<T> From<Result<T, Error>> for Shown<T> {
    fn from(result: Result<T, Error>) -> Self {
        result.map_or_else(Shown::Failed, Shown::Done)
    }
}

/// A query-string parameter of the page's address.
fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Runs `call` on a client for `config` (made afresh: a `Client` makes no request until
/// called), showing its progress and then its result or error in `out`. `then` runs after a
/// success.
fn run<T, F>(
    out: &UseStateHandle<Shown<T>>,
    config: Config,
    call: impl FnOnce(Client) -> F + 'static,
    then: impl FnOnce() + 'static,
) where
    T: 'static,
    F: Future<Output = Result<T, Error>> + 'static,
{
    let out = out.clone();
    match Client::new(config) {
        Err(err) => out.set(Shown::Failed(err)),
        Ok(client) => {
            out.set(Shown::Busy);
            spawn_local(async move {
                let result = call(client).await;
                let ok = result.is_ok();
                out.set(result.into());
                if ok {
                    then();
                }
            });
        }
    }
}

/// An `oninput` that copies the field's value into `state`.
fn bind<E: JsCast + AsRef<web_sys::EventTarget> + 'static>(
    state: &UseStateHandle<String>,
    value: fn(&E) -> String,
) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| state.set(value(&e.target_unchecked_into::<E>())))
}

fn error_box(err: &Error) -> Html {
    html! {
        <p class="error" data-testid="error" data-kind={err.kind().as_str()}>
            <b data-testid="error-kind">{err.kind().as_str()}</b>{": "}
            <span data-testid="error-message">{err.message()}</span>
            <span class="fa" dir="rtl" lang="fa">{err.message_fa()}</span>
        </p>
    }
}

#[function_component]
fn App() -> Html {
    let text = |name: &str, default: &str| param(name).unwrap_or_else(|| default.into());
    let base_url = use_state(|| text("baseUrl", ""));
    let username = use_state(|| text("username", ""));
    let password = use_state(|| text("password", ""));
    let from = use_state(|| text("from", "3000505"));
    let to = use_state(|| text("to", ""));
    let message = use_state(String::new);
    let credit = use_state(|| Shown::<f64>::Idle);
    let sent = use_state(|| Shown::<String>::Idle);

    let config = Config {
        username: (*username).clone(),
        password: (*password).clone(),
        base_url: Some((*base_url).clone()).filter(|url| !url.is_empty()),
        ..Default::default()
    };
    let load_credit = {
        let (credit, config) = (credit.clone(), config.clone());
        Callback::from(move |()| {
            run(&credit, config.clone(), |c| async move { c.credit().await }, || ());
        })
    };
    // Load the credit once at start when the address gave an account.
    {
        let (load_credit, ready) = (load_credit.clone(), !username.is_empty() && !password.is_empty());
        use_effect_with((), move |()| {
            if ready {
                load_credit.emit(());
            }
        });
    }
    let on_send = {
        let (sent, load_credit) = (sent.clone(), load_credit.clone());
        let request = SendRequest {
            from: (*from).clone(),
            to: to
                .split([',', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            message: (*message).clone(),
            ..Default::default()
        };
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (request, load_credit) = (request.clone(), load_credit.clone());
            let send = |c: Client| async move { c.send(request).await.map(|s| s.bulk_id) };
            run(&sent, config.clone(), send, move || load_credit.emit(()));
        })
    };

    let parts = sms_parts(&message);
    let encoding = match parts.encoding {
        Encoding::Gsm7 => "GSM-7",
        Encoding::Ucs2 => "UCS-2",
    };
    html! {
        <main>
            <h1>{"ippanel-wasm from Rust"}</h1>
            <section data-testid="settings">
                <h2>{"Account"}</h2>
                <label>{"Base URL "}<input data-testid="base-url" value={(*base_url).clone()}
                    placeholder="https://ippanel.com" oninput={bind(&base_url, HtmlInputElement::value)} /></label>
                <label>{"Username "}<input data-testid="username" value={(*username).clone()}
                    oninput={bind(&username, HtmlInputElement::value)} /></label>
                <label>{"Password "}<input data-testid="password" type="password" value={(*password).clone()}
                    oninput={bind(&password, HtmlInputElement::value)} /></label>
            </section>
            <section>
                <h2>{"Credit"}</h2>
                <p>
                    <output data-testid="credit" data-state={credit.state()}
                        data-value={match *credit { Shown::Done(v) => Some(v.to_string()), _ => None }}>
                        {match &*credit {
                            Shown::Idle => html! {"–"},
                            Shown::Busy => html! {"…"},
                            Shown::Done(v) => html! {format!("{v} rials")},
                            Shown::Failed(err) => error_box(err),
                        }}
                    </output>
                    {" "}<button data-testid="credit-refresh" onclick={move |_| load_credit.emit(())}>{"Refresh"}</button>
                </p>
            </section>
            <form data-testid="send-form" onsubmit={on_send}>
                <h2>{"Send"}</h2>
                <label>{"From "}<input data-testid="from" value={(*from).clone()}
                    oninput={bind(&from, HtmlInputElement::value)} /></label>
                <label>{"To (comma or line separated) "}<textarea data-testid="to" rows="2" value={(*to).clone()}
                    oninput={bind(&to, HtmlTextAreaElement::value)} /></label>
                <label>{"Message "}<textarea data-testid="message" rows="4" dir="auto" value={(*message).clone()}
                    oninput={bind(&message, HtmlTextAreaElement::value)} /></label>
                <p data-testid="counter" data-encoding={parts.encoding.as_str()} data-length={parts.length.to_string()}
                    data-parts={parts.parts.to_string()} data-per-part={parts.per_part.to_string()}
                    data-remaining={parts.remaining.to_string()}>
                    {format!("{encoding} · {} characters · {} part(s) of {} · {} left in this part",
                        parts.length, parts.parts, parts.per_part, parts.remaining)}
                </p>
                <button data-testid="send" disabled={*sent == Shown::Busy}>{"Send"}</button>
                <div data-testid="send-result" data-state={sent.state()}>
                    {match &*sent {
                        Shown::Idle => html! {},
                        Shown::Busy => html! {"Sending…"},
                        Shown::Done(id) => html! {<p>{"Sent: bulk id "}<b data-testid="bulk-id">{id}</b></p>},
                        Shown::Failed(err) => error_box(err),
                    }}
                </div>
            </form>
        </main>
    }
}

/// Mounts the app into `<body>` when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<App>::new().render();
}
