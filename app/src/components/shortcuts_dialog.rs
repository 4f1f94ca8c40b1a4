use leptos::prelude::*;

use crate::text;

/// The id of the shortcuts dialog, which the page script opens.
pub const SHORTCUTS_DIALOG_ID: &str = "shortcuts";
/// Marks the links the `g` shortcuts follow: `g` then `h` the `home` one, `g` then `m`
/// the `map` one.
pub const SHORTCUT_ATTRIBUTE: &str = "data-shortcut";

/// The keyboard shortcuts, in a real `<dialog>` that `?` opens (`app/src/page_script/`):
/// the browser traps focus in it while it is open, `Esc` closes it and focus returns to
/// where it was. Without JavaScript there are no shortcuts and nothing opens it.
#[component]
pub fn ShortcutsDialog() -> impl IntoView {
    let shortcuts = [
        ("/", text!(shortcuts.search)),
        ("←", text!(shortcuts.previous_issue)),
        ("→", text!(shortcuts.next_issue)),
        (text!(shortcuts.keys_home), text!(shortcuts.home)),
        (text!(shortcuts.keys_map), text!(shortcuts.map)),
        ("?", text!(shortcuts.this_list)),
    ];
    view! {
        <dialog id=SHORTCUTS_DIALOG_ID class="shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">{text!(shortcuts.title)}</h2>
            <dl>
                {shortcuts
                    .into_iter()
                    .map(|(keys, what)| view! { <div><dt><kbd>{keys}</kbd></dt><dd>{what}</dd></div> })
                    .collect_view()}
            </dl>
            <p class="shortcuts__note">{text!(shortcuts.note)}</p>
            <form method="dialog">
                <button type="submit">{text!(shortcuts.close)}</button>
            </form>
        </dialog>
    }
}
