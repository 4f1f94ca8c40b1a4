use leptos::prelude::*;

use crate::domain::urls::{GLOSSARY_PATH, HOME_PATH, MAP_PATH};
use crate::text;

use super::{PageLink, ThemeForm, ISOC_ISSUES_URL};

/// Site links and whose words are whose.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <ThemeForm />
            <nav aria-label=text!(footer.site_navigation)>
                <ul class="site-footer__links">
                    <li><PageLink href=HOME_PATH>{text!(common.all_issues)}</PageLink></li>
                    <li><PageLink href=MAP_PATH>{text!(footer.topic_map)}</PageLink></li>
                    <li><PageLink href=GLOSSARY_PATH>{text!(footer.glossary)}</PageLink></li>
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
