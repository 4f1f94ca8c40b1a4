//! Small views reused across pages.

mod connection_list;
mod editor_notes;
mod error_view;
mod facts_panel;
mod isoc_quote;
mod issue_card;
mod issue_icon;
mod language_switcher;
mod map_drawing;
mod page_link;
mod runs;
mod search_hit;
mod shortcuts_dialog;
mod site_footer;
mod site_header;
mod suggestion_list;
mod term_list;
mod theme_form;

pub use connection_list::ConnectionList;
pub use editor_notes::EditorNotes;
pub use error_view::ErrorView;
pub use facts_panel::FactsPanel;
pub use isoc_quote::{IsocQuote, QuoteSource, ISOC_ISSUES_URL};
pub use issue_card::IssueCard;
pub use issue_icon::IssueIcon;
pub use language_switcher::{LanguageSwitcher, CROSS_LANGUAGE};
pub use map_drawing::{MapDrawing, MAP_SVG_ID};
pub use page_link::PageLink;
pub use runs::runs_by;
pub use search_hit::search_hits_html;
pub use shortcuts_dialog::{ShortcutsDialog, SHORTCUTS_DIALOG_ID, SHORTCUT_ATTRIBUTE};
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use suggestion_list::SuggestionList;
pub use term_list::TermList;
pub use theme_form::{ThemeForm, THEME_ACTION};
