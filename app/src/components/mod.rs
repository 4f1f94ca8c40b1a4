//! Small views reused across pages.

mod error_view;
mod issue_card;
mod issue_icon;
mod search_hit;
mod site_footer;
mod site_header;
mod suggestion_list;

pub use error_view::ErrorView;
pub use issue_card::IssueCard;
pub use issue_icon::IssueIcon;
pub use search_hit::{Marked, SearchHitItem};
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use suggestion_list::SuggestionList;
