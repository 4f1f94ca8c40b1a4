//! One file per page.

mod home;
mod issue;
mod not_found;

pub use home::HomePage;
pub use issue::IssuePage;
pub use not_found::NotFound;
