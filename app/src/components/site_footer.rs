use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::urls::{GLOSSARY_PATH, HOME_PATH, MAP_PATH};

use super::{ThemeForm, ISOC_ISSUES_URL};

/// Site links and whose words are whose.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <ThemeForm />
            <nav aria-label="Site">
                <ul class="site-footer__links">
                    <li><A href=HOME_PATH>"All issues"</A></li>
                    <li><A href=MAP_PATH>"Topic map"</A></li>
                    <li><A href=GLOSSARY_PATH>"Glossary"</A></li>
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
