//! One file per page.

mod changes;
mod glossary;
mod home;
mod issue;
mod map;
mod not_found;
mod page_query;

pub use changes::ChangesPage;
pub use glossary::GlossaryPage;
pub use home::HomePage;
pub use issue::IssuePage;
pub use map::MapPage;
pub use not_found::NotFound;

pub use page_query::{use_page_query, PageQuery};
