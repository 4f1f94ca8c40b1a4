//! Each behaviour of the pinned Leptos versions that `app::workarounds` answers, checked
//! against the framework itself. When one of these fails after an upgrade, upstream has
//! changed: read the workaround's row in `app/src/workarounds/mod.rs` and remove or adapt
//! the workaround, then this test.
#![cfg(feature = "ssr")]

use futures::StreamExt;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_meta::{ServerMetaContext, Title};

/// What `HydrationScripts` writes for the explorer (islands with the islands router), and
/// the nonce it was rendered with.
fn hydration_scripts() -> (String, String) {
    let owner = Owner::new();
    owner.with(|| {
        leptos::nonce::provide_nonce();
        let nonce = leptos::nonce::use_nonce()
            .map(|nonce| nonce.to_string())
            .unwrap_or_default();
        let options = LeptosOptions::builder().output_name("explorer").build();
        let html =
            view! { <HydrationScripts options islands=true islands_router=true /> }.to_html();
        (html, nonce)
    })
}

#[test]
fn hydration_scripts_put_the_nonce_in_crossorigin() {
    let (html, nonce) = hydration_scripts();
    assert!(!nonce.is_empty());
    assert!(
        html.contains(&format!("crossorigin=\"{nonce}\"")),
        "upstream no longer writes the nonce into crossorigin: remove \
         app::workarounds::crossorigin\n{html}"
    );
    let fixed = app::workarounds::crossorigin::without_nonce(&html, &nonce);
    assert!(!fixed.contains(&format!("crossorigin=\"{nonce}\"")));
    assert!(fixed.contains(&format!("nonce=\"{nonce}\"")));
}

#[test]
fn the_islands_router_leaves_the_view_transition_rejection_unhandled() {
    let (html, _) = hydration_scripts();
    assert!(
        html.contains("await document.startViewTransition(transition);"),
        "upstream changed how the islands router starts view transitions: check whether \
         the page script's AbortError handler (app/src/page_script/navigation.js) is \
         still needed"
    );
}

#[test]
fn the_islands_router_diffs_the_head_in_lockstep() {
    let (html, _) = hydration_scripts();
    assert!(
        html.contains("diffRange(document, document, doc, doc);"),
        "upstream no longer diffs the whole document in one walk: check whether every \
         page still needs the same head tags (app::seo::PageHead)"
    );
}

#[test]
fn the_islands_router_patches_for_items_by_key() {
    let (html, _) = hydration_scripts();
    assert!(
        html.contains("function replaceFor(") && html.contains("startsWith(\"bo-for\")"),
        "upstream changed how the islands router patches <For>: check whether \
         app::workarounds::replace_whole still replaces a page's content whole"
    );
}

#[test]
fn the_islands_router_keeps_islands_and_leaves_targeted_links_alone() {
    let (html, _) = hydration_scripts();
    assert!(
        html.contains("tagName === \"LEPTOS-ISLAND\"") && html.contains("if (target ||"),
        "upstream changed which nodes the islands router patches or which links it takes: \
         check whether a language switch (components::CROSS_LANGUAGE) still needs a \
         document load"
    );
}

#[tokio::test]
async fn leptos_meta_writes_the_title_unescaped() {
    let _ = any_spawner::Executor::init_tokio();
    let owner = Owner::new();
    let (meta, output) = ServerMetaContext::new();
    let body = owner.with(|| {
        provide_context(meta);
        leptos_meta::provide_meta_context();
        view! { <Title text="a <b> & c" /> }.to_html()
    });
    let page = futures::stream::once(async move {
        format!("<!DOCTYPE html><html><head></head><body>{body}</body></html>")
    });
    let html: String = output
        .inject_meta_context(Box::pin(page))
        .await
        .collect::<Vec<_>>()
        .await
        .concat();
    assert!(
        html.contains("<title>a <b> & c</title>"),
        "upstream now escapes the title (or writes it differently): remove \
         app::workarounds::title, or titles are escaped twice\n{html}"
    );
}

/// A resource created while any thread lists routes waits for ever, even once the listing
/// is over: the flag is process-wide and read once, when the resource first polls.
#[tokio::test]
async fn route_listing_suspends_every_resource_in_the_process() {
    use std::time::Duration;
    let _ = any_spawner::Executor::init_tokio();
    let owner = Owner::new();
    let (plain, suspended) = owner.with(|| {
        let plain = Resource::new(|| (), |_| async { 7_u32 });
        let listing = leptos::server::SuppressResourceLoad::new();
        let suspended = Resource::new(|| (), |_| async { 7_u32 });
        drop(listing);
        (plain, suspended)
    });
    let wait = Duration::from_millis(500);
    assert_eq!(
        tokio::time::timeout(wait, async move { plain.await }).await,
        Ok(7)
    );
    assert!(
        tokio::time::timeout(wait, async move { suspended.await })
            .await
            .is_err(),
        "upstream no longer suspends resources for the whole process while routes are \
         listed: in-process tests may build apps while others render \
         (server/tests/support/in_process.rs)"
    );
}
