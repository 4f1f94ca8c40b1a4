//! The browser entry point: hydrates the islands of the server-rendered page.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Links the app crate's `#[island]` hydration functions into this module; without a
    // use of the crate the linker drops them and no island comes alive.
    #[allow(unused_imports)]
    use app::islands::*;
    // Panic messages in the console while developing; release builds leave the hook (and
    // the formatting code it keeps alive) out of the WASM every page loads.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // A plain signal for tests and tooling that the page is now interactive.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
