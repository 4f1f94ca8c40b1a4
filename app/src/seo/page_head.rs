use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use super::absolute;
use crate::domain::{share_image_path, Lang, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH};
use crate::interface_text::use_lang;
use crate::{text, SITE_NAME};

/// What a page says about itself in `<head>`: its title, description, canonical address,
/// link-preview tags and robots directive. Built with [`HeadTags::page`] and refined with
/// the `article`/`not_indexed` methods; [`PageHead`] renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadTags {
    /// The page's own title; empty on the home page (the site's name stands alone).
    pub title: String,
    pub description: String,
    /// The canonical path, in English: [`PageHead`] puts the page's language in front of
    /// it and links the page in every language.
    pub path: String,
    /// The Open Graph type.
    pub kind: &'static str,
    /// False for error pages: not for search engines.
    pub indexed: bool,
    /// The share image: an issue's slug, or `site`.
    pub image: String,
    /// What the share image shows, for people who cannot see it.
    pub image_alt: String,
}

impl HeadTags {
    /// A page of the site, shared with the site's own image.
    pub fn page(
        title: impl Into<String>,
        description: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        Self {
            title: title.into(),
            description: description.into(),
            path: path.into(),
            kind: "website",
            indexed: true,
            image: "site".to_string(),
            image_alt: text!(common.share_alt, site = SITE_NAME),
        }
    }

    /// An issue's page: an article, shared with the issue's own image.
    pub fn article(self, slug: &str, image_alt: String) -> Self {
        Self {
            kind: "article",
            image: slug.to_string(),
            image_alt,
            ..self
        }
    }

    /// An error page: kept out of search engines.
    pub fn not_indexed(self) -> Self {
        Self {
            indexed: false,
            ..self
        }
    }
}

/// Every head tag a page renders, from one [`HeadTags`].
///
/// Every page, error pages included, renders exactly these tags in this order: the islands
/// router patches `<head>` by walking the old and new documents side by side, so pages
/// with different numbers of head tags would be patched out of step (a 404 among issue
/// pages broke client-side navigation that way; see `crate::workarounds`).
/// `server/tests/pages.rs` checks that every page type has the same head.
#[component]
pub fn PageHead(tags: HeadTags) -> impl IntoView {
    let HeadTags {
        title,
        description,
        path,
        kind,
        indexed,
        image,
        image_alt,
    } = tags;
    let lang = use_lang();
    let url = absolute(&lang.localized(&path));
    let alternates = Lang::alternates()
        .into_iter()
        .map(|(hreflang, other)| {
            view! { <Link rel="alternate" hreflang=hreflang href=absolute(&other.localized(&path)) /> }
        })
        .collect_view();
    let other_locales = Lang::ALL
        .into_iter()
        .filter(|other| *other != lang)
        .map(|other| view! { <Meta property="og:locale:alternate" content=other.og_locale() /> })
        .collect_view();
    let image = absolute(&share_image_path(&image, lang));
    let shared_title = if title.is_empty() {
        SITE_NAME.to_string()
    } else {
        title.clone()
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        {alternates}
        <Meta property="og:site_name" content=SITE_NAME />
        <Meta property="og:locale" content=lang.og_locale() />
        {other_locales}
        <Meta property="og:type" content=kind />
        <Meta property="og:title" content=shared_title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=url />
        <Meta property="og:image" content=image.clone() />
        <Meta property="og:image:type" content="image/png" />
        <Meta property="og:image:width" content=SHARE_IMAGE_WIDTH.to_string() />
        <Meta property="og:image:height" content=SHARE_IMAGE_HEIGHT.to_string() />
        <Meta property="og:image:alt" content=image_alt.clone() />
        <Meta name="twitter:card" content="summary_large_image" />
        <Meta name="twitter:title" content=shared_title />
        <Meta name="twitter:description" content=description />
        <Meta name="twitter:image" content=image />
        <Meta name="twitter:image:alt" content=image_alt />
        <Meta name="robots" content=if indexed { "index, follow" } else { "noindex" } />
    }
}
