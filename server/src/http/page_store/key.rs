//! The render store's key: what a stored page depends on.

use app::routes::PageQuery;
use app::theme::Theme;

/// The store's key for a request: islands-router flag, theme, path, and the query as pages
/// read it ([`PageQuery::store_key`]). The theme is part of the key because pages render it
/// into `<html data-theme>` (no flash of the wrong theme); visitors who never chose share
/// the "system" pages.
pub fn store_key(islands_router: bool, theme: Theme, path: &str, query: &PageQuery) -> String {
    let query = query.store_key();
    let theme = theme.as_str();
    let mut key = String::with_capacity(4 + theme.len() + path.len() + query.len());
    key.push(if islands_router { '1' } else { '0' });
    key.push('|');
    key.push_str(theme);
    key.push('|');
    key.push_str(path);
    key.push_str(&query);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_the_page_query_plus_router_theme_and_path() {
        let key = |router, theme, target: &str| {
            let (path, _) = target.split_once('?').unwrap_or((target, ""));
            store_key(router, theme, path, &PageQuery::of_request_target(target))
        };
        let plain = key(false, Theme::System, "/issues/dns");
        assert_eq!(
            key(false, Theme::System, "/issues/dns?utm_source=a&b"),
            plain
        );
        assert_ne!(key(true, Theme::System, "/issues/dns"), plain);
        assert_ne!(key(false, Theme::Dark, "/issues/dns"), plain);
        assert_ne!(key(false, Theme::System, "/issues/tls"), plain);
        let focus = key(false, Theme::System, "/?focus=building-trust&utm_source=x");
        assert_eq!(
            focus,
            key(false, Theme::System, "/?utm_source=y&focus=building-trust")
        );
        assert_ne!(focus, key(false, Theme::System, "/"));
    }
}
