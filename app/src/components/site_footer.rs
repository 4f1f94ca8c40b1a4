use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::urls::{GLOSSARY_PATH, HOME_PATH, MAP_PATH};
use crate::interface_text::localize;
use crate::text;

use super::{ThemeForm, ISOC_ISSUES_URL};

/// Site links and whose words are whose.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <ThemeForm />
            <nav aria-label=text!(footer.site_navigation)>
                <ul class="site-footer__links">
                    <li><A href=localize(HOME_PATH)>{text!(common.all_issues)}</A></li>
                    <li><A href=localize(MAP_PATH)>{text!(footer.topic_map)}</A></li>
                    <li><A href=localize(GLOSSARY_PATH)>{text!(footer.glossary)}</A></li>
                </ul>
            </nav>
            <p class="site-footer__keys">{text!(footer.shortcuts_before)} <kbd>"?"</kbd> {text!(footer.shortcuts_after)}</p>
            <p>
                {text!(footer.credits_before)}
                <a href=ISOC_ISSUES_URL rel="external">{text!(footer.credits_link)}</a>
                {text!(footer.credits_after)}
            </p>
        </footer>
    }
}
