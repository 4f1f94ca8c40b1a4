//! Every `#[island]`: the only code that ships WASM. One island per file.

mod browser;
mod map_explorer;
mod search_box;
mod search_results;

pub use map_explorer::{MapExplorer, MAP_VIEWPORT_ID};
pub use search_box::SearchBox;
pub use search_results::{FilterChips, SearchResults};
