use leptos::prelude::*;

use crate::domain::urls::GLOSSARY_PATH;
use crate::domain::{glossary_href, TermRef};
use crate::interface_text::localize;
use crate::text;

/// The glossary terms a page uses, defined in place and linked to `/glossary`.
#[component]
pub fn TermList(terms: Vec<TermRef>) -> impl IntoView {
    (!terms.is_empty()).then(|| {
        view! {
            <section class="terms" aria-labelledby="terms-heading">
                <h2 id="terms-heading">{text!(terms.heading)}</h2>
                <dl class="terms__list">
                    {terms
                        .into_iter()
                        .map(|term| {
                            let expansion = term.expansion.map(|e| view! { <span class="terms__expansion">{e}</span> });
                            view! {
                                <div class="terms__entry">
                                    <dt><a href=localize(glossary_href(&term.anchor))>{term.term}</a> " " {expansion}</dt>
                                    <dd>{term.definition}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
                <p class="terms__more"><a href=localize(GLOSSARY_PATH)>{text!(terms.all)}</a></p>
            </section>
        }
    })
}
