use leptos::prelude::*;
use leptos_meta::{Link, Meta};

use super::absolute;
use crate::domain::{share_image_path, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH};
use crate::SITE_NAME;

/// The canonical address, the link-preview tags and the robots directive of a page.
/// `title` is the page's own title (empty on the home page), `path` its canonical path,
/// `kind` the Open Graph type (`website` or `article`).
///
/// Every page, error pages included, renders exactly these tags in this order, after its
/// description: the islands router patches `<head>` by walking the old and new documents
/// side by side, so pages with different numbers of head tags would be patched out of step
/// (a 404 among issue pages broke client-side navigation that way).
#[component]
pub fn PageMeta(
    title: String,
    description: String,
    path: String,
    #[prop(default = "website")] kind: &'static str,
    /// Error pages: not for search engines.
    #[prop(default = false)]
    noindex: bool,
    /// The share image: an issue's slug, or the site's image by default.
    #[prop(default = "site".to_string())]
    image: String,
    /// What the share image shows, for people who cannot see it.
    #[prop(default = format!("{SITE_NAME}: Internet issues in plain language"))]
    image_alt: String,
) -> impl IntoView {
    let url = absolute(&path);
    let image = absolute(&share_image_path(&image));
    let title = if title.is_empty() {
        SITE_NAME.to_string()
    } else {
        title
    };
    view! {
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:site_name" content=SITE_NAME />
        <Meta property="og:type" content=kind />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=url />
        <Meta property="og:image" content=image.clone() />
        <Meta property="og:image:type" content="image/png" />
        <Meta property="og:image:width" content=SHARE_IMAGE_WIDTH.to_string() />
        <Meta property="og:image:height" content=SHARE_IMAGE_HEIGHT.to_string() />
        <Meta property="og:image:alt" content=image_alt.clone() />
        <Meta name="twitter:card" content="summary_large_image" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        <Meta name="twitter:image" content=image />
        <Meta name="twitter:image:alt" content=image_alt />
        <Meta name="robots" content=if noindex { "noindex" } else { "index, follow" } />
    }
}
