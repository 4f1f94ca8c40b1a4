mod get;

pub use get::{get_changes, GetChanges};
