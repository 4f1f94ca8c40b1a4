use leptos::prelude::*;

/// Attribution of the issue texts.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Issue texts from the "
                <a href="https://www.internetsociety.org/issues/" rel="external">"Internet Society’s issues page"</a>
                ", with small corrections. Focus areas from the Internet Society’s 2019 Action Plan. Icons drawn for this explorer."
            </p>
        </footer>
    }
}
