//! Loading and validating the content files (server only).
//!
//! `content/site.toml` holds the site text, the focus areas and the listing order;
//! `content/issues/<slug>.toml` holds one issue each. Everything is read and checked once at
//! start-up; any problem is reported as `file:line:column: what is wrong`.

mod catalog;
mod error;
mod files;
mod load;
mod paragraphs;

pub use catalog::Catalog;
pub use error::{ContentError, ContentErrors};
pub use load::load_catalog;
