use leptos::prelude::*;
use leptos_router::components::A;

use crate::SITE_NAME;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href="/" attr:class="site-header__name">
                <img src="/favicon.svg" alt="" width="28" height="28" />
                <span>{SITE_NAME}</span>
            </A>
        </header>
    }
}
