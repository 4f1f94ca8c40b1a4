//! Every `#[island]`: the only code that ships WASM. One island per file.

mod browser;
mod search_box;
mod search_results;

pub use search_box::SearchBox;
pub use search_results::{FilterChips, SearchResults};
