//! Plain DOM helpers the small eager islands share (browser only).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// Adds `handler` for `name` events on `target`. The closure lives as long as the element:
/// these listeners go on elements the island owns or sits beside, never on the window, so
/// they are dropped with the page the islands router replaces. (Page-wide listeners are
/// the page script's: `app/src/page_script/`.)
pub fn listen(target: &EventTarget, name: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    closure.forget();
}
