use leptos::prelude::*;

use crate::domain::Fact;
use crate::interface_text::english_on_page;
use crate::text;

/// Key figures, each with the date it refers to and its source. Shows nothing when the
/// content found no sourced figure (the file says why).
#[component]
pub fn FactsPanel(facts: Vec<Fact>) -> impl IntoView {
    (!facts.is_empty()).then(|| {
        view! {
            <section class="facts" aria-labelledby="facts-heading">
                <h2 id="facts-heading">{text!(facts.heading)}</h2>
                <ul class="facts__list">
                    {facts.into_iter().map(|fact| view! { <FactItem fact /> }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn FactItem(fact: Fact) -> impl IntoView {
    view! {
        <li class="fact">
            <p class="fact__figure" aria-hidden="true">{fact.figure}</p>
            <p class="fact__text">{fact.text}</p>
            <p class="fact__source">
                {text!(facts.as_of)} <time datetime=fact.as_of>{fact.as_of_label}</time>
                {fact.age_label.map(|age| view! { " " <strong class="fact__age">{format!("({age})")}</strong> })}
                {text!(facts.source_before)}
                <a href=fact.source_url rel="external" lang=english_on_page()>{fact.source_title}</a>
                ", " {fact.source_org} "."
                {fact.note.map(|note| view! { " " <span class="fact__note">{note}</span> })}
            </p>
            {fact.seen_in.map(|copy| view! {
                <p class="fact__seen-in"><small>{text!(facts.checked_before)} <a href=copy rel="external">{text!(facts.checked_link)}</a> "."</small></p>
            })}
        </li>
    }
}
