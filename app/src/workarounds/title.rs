//! leptos_meta 0.8.7 writes the `<title>` text into the server's HTML as it is: a title
//! with `<` could end the element. The server escapes it first; the browser decodes the
//! entities back when it reads the title, and in the browser (where leptos_meta sets
//! `document.title`, which is plain text) nothing is escaped.

/// `text` as it must be handed to leptos_meta's `<Title>` to appear as written.
pub fn escape_on_server(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text
    }
}
