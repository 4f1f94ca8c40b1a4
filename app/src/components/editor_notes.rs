use leptos::prelude::*;

use crate::domain::{issue_href, Citation, EditorNote};
use crate::interface_text::{english_on_page, localize};
use crate::text;

/// Where the explorer's own sources disagree with the Internet Society's words: shown
/// right after the quote, as a note a screen reader announces with its heading.
#[component]
pub fn EditorNotes(notes: Vec<EditorNote>) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <aside class="editor-notes" aria-labelledby="editor-notes-heading">
                <h2 id="editor-notes-heading" class="editor-notes__heading">
                    {if notes.len() == 1 { text!(notes.heading_one) } else { text!(notes.heading_many) }}
                </h2>
                <ul>
                    {notes.into_iter().map(|note| view! { <NoteItem note /> }).collect_view()}
                </ul>
            </aside>
        }
    })
}

#[component]
fn NoteItem(note: EditorNote) -> impl IntoView {
    let cites = match note.cites {
        Citation::Fact { issue, figure, source_title, source_org } => view! {
            {text!(notes.see_figure)} <a href=localize(issue_href(&issue.slug))>{text!(notes.figure_on, figure = figure, title = issue.short_title)}</a>
            " (" <cite lang=english_on_page()>{source_title}</cite> {format!(", {source_org}).")}
        }
        .into_any(),
        Citation::Source { source_title, source_org, source_url, seen_in } => view! {
            {text!(common.source)} <a href=source_url rel="external" lang=english_on_page()>{source_title}</a> {format!(", {source_org}.")}
            {seen_in.map(|copy| view! { " " <small class="seen-in">{text!(notes.read_in)} <a href=copy rel="external">{text!(notes.a_copy)}</a> "."</small> })}
        }
        .into_any(),
    };
    view! {
        <li class="editor-note">
            <p>
                <q class="editor-note__quote">{note.quote}</q> {text!(common.colon)} {note.note}
            </p>
            <p class="editor-note__source">{cites}</p>
        </li>
    }
}
