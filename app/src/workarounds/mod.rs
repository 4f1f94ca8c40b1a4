//! Where the explorer works around behaviour of the exact Leptos versions it pins
//! (`Cargo.toml`: leptos 0.8.23, leptos_router 0.8.17, leptos_meta 0.8.7, leptos_axum
//! 0.8.10). Each workaround is listed here with the upstream code it answers and the test
//! that fails when upstream changes that code, so that a `cargo update` which fixes a bug
//! upstream cannot leave a workaround doing harm (titles escaped twice, say). The upstream
//! tests are in `app/tests/upstream_behaviour.rs`; README.md ("Upgrading Leptos") says how
//! to upgrade.
//!
//! | upstream behaviour | workaround | the test that notices a change |
//! |---|---|---|
//! | leptos_meta writes the `<title>` text into the server's HTML unescaped (`leptos_meta/src/lib.rs`, `inject_meta_context`) | [`title::escape_on_server`] | `leptos_meta_writes_the_title_unescaped` |
//! | leptos writes the CSP nonce into `crossorigin` of the preload links (`leptos/src/hydration/mod.rs`; leptos-rs/leptos#4843) | [`crossorigin::without_nonce`], applied to every page by the server | `hydration_scripts_put_the_nonce_in_crossorigin` |
//! | the islands router awaits `document.startViewTransition(…)` and lets a skipped transition's rejection go unhandled (`leptos/src/hydration/islands_routing.js`) | the page script swallows exactly that `AbortError` (`app/src/page_script/navigation.js`) | `the_islands_router_leaves_the_view_transition_rejection_unhandled` |
//! | the islands router patches the whole document, `<head>` included, by walking the old and new pages side by side (`diffPages` → `diffRange(document, document, doc, doc)`) | every page renders the same head tags in the same order ([`crate::seo::PageHead`]) | `the_islands_router_diffs_the_head_in_lockstep`, and `server/tests/pages.rs` checks every page type's head |
//! | the islands router keeps the DOM of a `<For>`'s unchanged keys and patches the rest in place (`replaceFor`) | [`replace_whole::ReplaceWhole`]: a page's content is a one-item `<For>` keyed on what it shows, so new data replaces the subtree | `the_islands_router_patches_for_items_by_key` |
//! | the islands router never patches a `<leptos-island>` (`diffRange` skips it) and `replaceFor` keeps nested `<For>` items' keys in one table; it leaves links with a `target` to the browser (`clickToReq`) | a link to the page in another language has `target="_self"` ([`crate::components::CROSS_LANGUAGE`]): a document load, so the header's islands come in the new language | `the_islands_router_keeps_islands_and_leaves_targeted_links_alone` |
//! | the WASM splitter of cargo-leptos 0.3.10 (`wasm_split_cli_support` 0.2.3, `emit.rs`) puts all read-only data in the main module when its repacking of the data segment comes out longer than the original | `SPLIT_SLACK` in `frontend/src/lib.rs`: unused bytes in that segment | `scripts/check_wasm_split.py`, run after every release build by `scripts/test.sh` |
//! | listing the routes (`generate_route_list`, leptos_router `RouteList::generate`) sets a process-wide flag that makes every resource created meanwhile wait for ever (`leptos_server/src/resource.rs`, `IS_SUPPRESSING_RESOURCE_LOAD`) | the server builds its one router before it listens (`server::app`); in-process tests never build an app while another renders (`server/tests/support/in_process.rs`) | `route_listing_suspends_every_resource_in_the_process` |

pub mod crossorigin;
pub mod replace_whole;
pub mod title;
