use leptos::prelude::*;
use leptos_router::components::A;

use super::{ThemeForm, ISOC_ISSUES_URL};

/// Site links and whose words are whose.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <ThemeForm />
            <nav aria-label="Site">
                <ul class="site-footer__links">
                    <li><A href="/">"All issues"</A></li>
                    <li><A href="/map">"Topic map"</A></li>
                    <li><A href="/glossary">"Glossary"</A></li>
                </ul>
            </nav>
            <p class="site-footer__keys">"With JavaScript, press " <kbd>"?"</kbd> " for keyboard shortcuts."</p>
            <p>
                "Quoted issue texts are the Internet Society’s, from its "
                <a href=ISOC_ISSUES_URL rel="external">"issues page"</a>
                " (with small repairs). Overviews, key facts, standards and the glossary are written for this explorer, with a source for every figure. Focus areas from the Internet Society’s 2019 Action Plan. Icons drawn for this explorer."
            </p>
        </footer>
    }
}
