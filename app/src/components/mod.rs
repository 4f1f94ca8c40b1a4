//! Small views reused across pages.

mod error_view;
mod issue_card;
mod issue_icon;
mod site_footer;
mod site_header;

pub use error_view::ErrorView;
pub use issue_card::IssueCard;
pub use issue_icon::IssueIcon;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
