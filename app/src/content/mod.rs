//! Loading and validating the content files (server only).
//!
//! `content/site.toml` holds the site text, the focus areas and the listing order;
//! `content/glossary.toml` the terms; `content/issues/<slug>.md` one issue each (TOML front
//! matter, then the overview in Markdown). Everything is read and checked once at start-up;
//! any problem is reported as `file:line:column: what is wrong`. The format is documented
//! in `docs/content-format.md`.

mod catalog;
mod connections;
mod dates;
mod error;
mod files;
mod front_matter;
mod glossary;
mod issue_fields;
mod links;
mod load;
mod locale_format;
pub mod map_layout;
mod markdown;
mod paragraphs;
mod parsed;
mod render;
mod sources;
mod terms;
mod translations;

pub use crate::domain::html::escaped;
pub use catalog::Catalog;
pub use error::{ContentError, ContentErrors};
pub use load::{load_catalog, stamp_translations};
pub use locale_format::takes_singular;
