use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{runs_by, ErrorView};
use crate::domain::urls::{GLOSSARY_PATH, HOME_PATH};
use crate::domain::{issue_href, GlossaryEntry};
use crate::interface_text::{localize, use_lang};
use crate::seo::{HeadTags, PageHead};
use crate::server_fns::glossary::get_glossary;
use crate::text;

/// `/glossary`: every term the issues use, grouped by initial, each with an anchor
/// (`/glossary#dns`) that issue pages link to.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let glossary = Resource::new(use_lang, |lang| get_glossary(Some(lang)));
    view! {
        <Transition fallback=|| view! { <p class="loading">{text!(glossary.loading)}</p> }>
            {move || Suspend::new(async move {
                match glossary.await {
                    Ok(entries) => Either::Left(view! { <Glossary entries /> }),
                    Err(error) => Either::Right(view! { <ErrorView error /> }),
                }
            })}
        </Transition>
    }
}

/// The initial a term is filed under: its first letter, or `#` for digits and symbols.
fn initial(term: &str) -> char {
    term.chars()
        .find(|c| c.is_alphanumeric())
        .filter(|c| c.is_alphabetic())
        .map_or('#', |c| c.to_ascii_uppercase())
}

fn letter_id(letter: char) -> String {
    if letter == '#' {
        "letter-digits".to_string()
    } else {
        format!("letter-{}", letter.to_ascii_lowercase())
    }
}

#[component]
fn Glossary(entries: Vec<GlossaryEntry>) -> impl IntoView {
    let groups = runs_by(entries, |entry| initial(&entry.term.term));
    let count: usize = groups.iter().map(|(_, list)| list.len()).sum();
    let letters: Vec<char> = groups.iter().map(|(letter, _)| *letter).collect();
    view! {
        <PageHead tags=HeadTags::page(text!(glossary.title), text!(glossary.description), GLOSSARY_PATH) />
        <article class="glossary" aria-labelledby="glossary-title">
            <nav class="breadcrumb" aria-label=text!(common.breadcrumb)>
                <A href=localize(HOME_PATH)>{text!(common.all_issues)}</A>
            </nav>
            <h1 id="glossary-title">{text!(glossary.title)}</h1>
            <p class="glossary__intro">
                {text!(glossary.intro, count = count)}
            </p>
            <nav class="glossary__letters" aria-label=text!(glossary.letters)>
                <ul>
                    {letters
                        .into_iter()
                        .map(|letter| view! { <li><a href=format!("#{}", letter_id(letter))>{letter.to_string()}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
            {groups
                .into_iter()
                .map(|(letter, list)| view! {
                    <section class="glossary__group" aria-labelledby=letter_id(letter)>
                        <h2 id=letter_id(letter)>{letter.to_string()}</h2>
                        <dl>{list.into_iter().map(|entry| view! { <Entry entry /> }).collect_view()}</dl>
                    </section>
                })
                .collect_view()}
        </article>
    }
}

#[component]
fn Entry(entry: GlossaryEntry) -> impl IntoView {
    let term = entry.term;
    let uses = (!entry.issues.is_empty()).then(|| {
        let links = entry
            .issues
            .into_iter()
            .map(|link| view! { <li><A href=localize(issue_href(&link.slug))>{link.short_title}</A></li> })
            .collect_view();
        view! {
            <p class="glossary__uses">{text!(glossary.used_in)}</p>
            <ul class="glossary__issues">{links}</ul>
        }
    });
    view! {
        <div class="glossary__entry">
            <dt id=term.anchor.clone()>
                <dfn>{term.term}</dfn>
                {term.expansion.map(|e| view! { " " <span class="glossary__expansion">{e}</span> })}
            </dt>
            <dd>
                <p>{term.definition}</p>
                {uses}
            </dd>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_filed_under_their_first_letter_or_a_digit_group() {
        assert_eq!(initial("bgp"), 'B');
        assert_eq!(initial("5G"), '#');
        assert_eq!(initial(".org"), 'O');
        assert_eq!(letter_id('#'), "letter-digits");
        assert_eq!(letter_id('D'), "letter-d");
    }
}
