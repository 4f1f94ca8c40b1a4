mod get;
mod list;
mod suggest;

pub use get::{get_issue, GetIssue};
pub use list::{list_issues, ListIssues};
pub use suggest::{closest_issues, ClosestIssues};
