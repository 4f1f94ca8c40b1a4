//! Every `#[island]`, one per file: with what they call, the only code that ships WASM.
//! `FilterChips` sits beside the results island that renders it, and is also rendered on
//! its own, on the server only, on `/` without a query.

mod browser;
#[cfg(feature = "hydrate")]
mod dom;
mod map_explorer;
mod result_words;
mod search_box;
mod search_results;
mod search_session;
mod theme_switch;

pub use browser::SEARCH_INPUT_ID;
pub use map_explorer::{MapExplorer, MAP_VIEWPORT_ID};
pub use result_words::{ChipWords, ResultWords};
pub use search_box::SearchBox;
pub use search_results::{FilterChips, SearchResults};
pub use theme_switch::{ThemeSwitch, THEME_FORM_ID, THEME_LIVE_ATTRIBUTE};
