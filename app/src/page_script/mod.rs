//! The page script: the explorer's one inline script of its own (beside the framework's
//! islands loader), in plain JavaScript in `navigation.js` beside this file. It is the
//! islands router's companion (scroll, focus and fragments across in-place navigations)
//! and the one home of the page-wide keyboard shortcuts that the `?` dialog lists. It is
//! JavaScript rather than WASM because it must work before the islands have loaded, and
//! costs well under 1 KB brotli on a first load.
//!
//! The ids, attributes and parameters it looks up are not written in it: it names them
//! `__LIKE_THIS__`, and [`page_script`] fills them in from the Rust constants that render
//! them, so renaming an id renames it in the script too.

use crate::components::{SHORTCUTS_DIALOG_ID, SHORTCUT_ATTRIBUTE};
use crate::domain::urls::{HOME_PATHS, QUERY_PARAM};
use crate::inline_script;
use crate::islands::SEARCH_INPUT_ID;
use crate::MAIN_ID;

const SOURCE: &str = include_str!("navigation.js");

/// Each placeholder of the source, and what it stands for.
const FILLS: [(&str, &str); 6] = [
    ("__SEARCH_INPUT_ID__", SEARCH_INPUT_ID),
    ("__MAIN_ID__", MAIN_ID),
    ("__SHORTCUTS_DIALOG_ID__", SHORTCUTS_DIALOG_ID),
    ("__SHORTCUT_ATTRIBUTE__", SHORTCUT_ATTRIBUTE),
    ("__QUERY_PARAM__", QUERY_PARAM),
    ("__HOME_PATHS__", HOME_PATHS),
];

/// The script as pages carry it: placeholders filled, without comment lines and
/// indentation, which every page would otherwise send.
pub fn page_script() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| fill(&inline_script::compact(SOURCE)))
}

fn fill(source: &str) -> String {
    FILLS
        .iter()
        .fold(source.to_string(), |script, (placeholder, value)| {
            script.replace(placeholder, value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_used_and_filled() {
        for (placeholder, value) in FILLS {
            assert!(
                SOURCE.contains(placeholder),
                "{placeholder} is not in the script"
            );
            assert!(
                !value.contains(['"', '\'', '\\', '\n']),
                "{placeholder}: {value:?} would break out of its string"
            );
        }
        let script = page_script();
        let leftover = script
            .match_indices("__")
            .map(|(at, _)| &script[at..(at + 30).min(script.len())])
            .next();
        assert_eq!(leftover, None, "an unfilled placeholder");
        assert!(script.contains(&format!("\"{SEARCH_INPUT_ID}\"")));
    }
}
