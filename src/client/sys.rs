//! The few JS globals web-sys does not bind without `window`: the global `fetch`, timers, and
//! `Promise.resolve` for a value that may not be a promise.
//!
//! Everything is reached through `globalThis`, never `window`: Node and workerd have none, and
//! a worker's global is not a `Window`. Every binding that can throw is `catch`, so a throw
//! becomes an `Err` instead of unwinding through the wasm.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `globalThis.fetch(request)`, looked up at each call so a runtime's or a test's
    /// replacement is used.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = fetch)]
    pub fn global_fetch(request: &web_sys::Request) -> Result<JsValue, JsValue>;

    /// `globalThis.fetch(request, init)`: the built request with this call's body and signal,
    /// so the runtime makes one `Request` of it rather than a copy and then its own.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = fetch)]
    pub fn global_fetch_with(request: &web_sys::Request, init: &web_sys::RequestInit) -> Result<JsValue, JsValue>;

    /// `globalThis.fetch(url, init)`: the runtime makes the one `Request` itself, as a plain
    /// `fetch` call does (a `Request` built first would be copied again).
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = fetch)]
    pub fn global_fetch_url(url: &str, init: &web_sys::RequestInit) -> Result<JsValue, JsValue>;

    /// `setTimeout(handler, ms)`; Node and Bun answer an object, browsers a number.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = setTimeout)]
    pub fn set_timeout(handler: &Function, ms: f64) -> Result<JsValue, JsValue>;

    /// `clearTimeout(handle)`.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue) -> Result<(), JsValue>;

    /// `Promise.resolve(value)`: a caller's `fetch` may answer a plain value or a thenable.
    #[wasm_bindgen(catch, js_namespace = Promise, js_name = resolve)]
    pub fn promise_resolve(value: &JsValue) -> Result<Promise, JsValue>;
}

/// `setTimeout` clamps larger delays to 1 ms, which would turn a long wait into none.
pub const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// A timer that calls `handler` once after `ms`, cleared when dropped.
pub struct Timer(Option<JsValue>);

impl Timer {
    /// Starts the timer (a failing `setTimeout` leaves it unset: the call then has no timeout
    /// rather than failing).
    pub fn start(handler: &Function, ms: f64) -> Timer {
        Timer(set_timeout(handler, ms.min(MAX_TIMER_MS)).ok())
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = clear_timeout(&handle);
        }
    }
}

/// `listener` on `signal`'s `abort` event while it lives.
pub struct AbortListener {
    signal: web_sys::AbortSignal,
    listener: Function,
}

impl AbortListener {
    /// Adds `listener`; `None` when the runtime refuses it.
    pub fn add(signal: &web_sys::AbortSignal, listener: &Function) -> Option<AbortListener> {
        signal.add_event_listener_with_callback("abort", listener).ok()?;
        Some(AbortListener {
            signal: signal.clone(),
            listener: listener.clone(),
        })
    }
}

impl Drop for AbortListener {
    fn drop(&mut self) {
        let _ = self.signal.remove_event_listener_with_callback("abort", &self.listener);
    }
}

/// An `AbortController` that aborts after `ms` (when given) and when `follow` aborts. The timer
/// and the listener are removed when it is dropped; the controller itself is not aborted then.
pub struct TimedAbort {
    pub controller: web_sys::AbortController,
    _timer: Option<Timer>,
    _listener: Option<AbortListener>,
}

impl TimedAbort {
    /// `None` when the runtime has no `AbortController`.
    pub fn start(ms: Option<f64>, follow: Option<&web_sys::AbortSignal>) -> Option<TimedAbort> {
        let controller = web_sys::AbortController::new().ok()?;
        // `controller.abort` bound to it: the timer and the followed signal call it directly,
        // so no Rust closure is made.
        let abort = get(&controller, "abort")
            .dyn_into::<Function>()
            .ok()?
            .bind0(&controller);
        Some(TimedAbort {
            _timer: ms.map(|ms| Timer::start(&abort, ms)),
            _listener: follow.and_then(|signal| AbortListener::add(signal, &abort)),
            controller,
        })
    }

    /// The controller's signal.
    pub fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }
}

/// Waits `ms`, or less when `signal` aborts; `false` when it was aborted. The timer and the
/// listener are the promise's own `resolve`, so no Rust closure is made or leaked.
pub async fn sleep(ms: f64, signal: Option<&web_sys::AbortSignal>) -> bool {
    if signal.is_some_and(|s| s.aborted()) {
        return false;
    }
    let mut guards: (Option<Timer>, Option<AbortListener>) = (None, None);
    let promise = Promise::new(&mut |resolve, _reject| {
        guards.0 = Some(Timer::start(&resolve, ms));
        guards.1 = signal.and_then(|s| AbortListener::add(s, &resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(guards);
    !signal.is_some_and(|s| s.aborted())
}

/// A function that does nothing, made once: the rejection handler of promises whose outcome no
/// longer matters (an observer's, or a fetch that lost a race against an abort), so that they
/// are not reported as unhandled rejections.
pub fn ignore() -> Function {
    thread_local! {
        static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
    }
    IGNORE.with(|ignore| ignore.as_ref().unchecked_ref::<Function>().clone())
}

/// Marks `value`'s rejection as handled when it is a thenable (an observer's result, a fetch
/// that lost a race): calls `value.then(undefined, ignore)` through a catching call.
pub fn quiet(value: &JsValue) {
    if let Ok(then) = get(value, "then").dyn_into::<Function>() {
        let _ = then.call2(value, &JsValue::UNDEFINED, &ignore());
    }
}

/// `target[method]()`, `None` when it is not a function or when it throws.
pub fn call0(target: &JsValue, method: &str) -> Option<JsValue> {
    get(target, method).dyn_into::<Function>().ok()?.call0(target).ok()
}

/// `target[method](arg)`, `None` when it is not a function or when it throws.
pub fn call1(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    get(target, method).dyn_into::<Function>().ok()?.call1(target, arg).ok()
}

/// `target[key]`, `undefined` when absent or when the getter throws.
pub fn get(target: &JsValue, key: &str) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
