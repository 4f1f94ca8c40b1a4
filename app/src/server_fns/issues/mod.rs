mod get;
mod list;

pub use get::{get_issue, GetIssue};
pub use list::{list_issues, ListIssues};
