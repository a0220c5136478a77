//! The page's clocks: wall time for verification, a monotonic clock and a ticker for progress.

use csrcraft::UnixTime;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Now, for `verify` and `inspect`.
pub fn unix_now() -> UnixTime {
    UnixTime((js_sys::Date::now() / 1000.0) as i64)
}

/// Milliseconds on the page's monotonic clock.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Calls a function every `period_ms` until dropped.
pub struct Ticker {
    handle: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Ticker {
    /// Starts ticking; `None` if the page has no window.
    pub fn start(period_ms: i32, tick: impl FnMut() + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let closure = Closure::<dyn FnMut()>::new(tick);
        let handle = window
            .set_interval_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                period_ms,
            )
            .ok()?;
        Some(Self {
            handle,
            _closure: closure,
        })
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(self.handle);
        }
    }
}
