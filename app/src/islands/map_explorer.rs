//! The topic map's interactive layer. Its own view is the zoom controls; once hydrated it
//! also drives the server-rendered drawing and details panels next to it (found by id):
//! everything it needs (positions, relations, panels) is already in that HTML, so the
//! island takes no props and ships little code.
//!
//! Listeners go on the drawing's own `<svg>` element, never on the window: when the islands
//! router replaces the page, they are dropped with it (an island's cleanup never runs).

use leptos::prelude::*;

use crate::page_text;

/// The id of the scrollable box around the drawing, which the zoom buttons scale.
pub const MAP_VIEWPORT_ID: &str = "map-viewport";

/// Eager, and deliberately plain: its view is static HTML and its behaviour plain DOM
/// calls, so it adds about 2 KB (brotli) to the WASM every page loads. As a second lazy
/// island it cost every page 10 KB more: the WASM splitter moved code the two lazy islands
/// share into the main module (BENCHMARKS.md §1).
#[island]
pub fn MapExplorer() -> impl IntoView {
    // Runs while the page hydrates: the drawing is already in the DOM, and no `Effect` is
    // needed (one would cost bytes in the WASM every page loads).
    #[cfg(feature = "hydrate")]
    behaviour::attach();
    view! {
        <div class="map-zoom" id=MAP_ZOOM_ID role="group" aria-label=page_text!(zoom.group) hidden>
            <button type="button" data-zoom="125">{page_text!(zoom.zoom_in)}</button>
            <button type="button" data-zoom="80">{page_text!(zoom.zoom_out)}</button>
            <button type="button" data-zoom="100">{page_text!(zoom.reset)}</button>
        </div>
    }
}

/// The zoom buttons, shown once the island is live.
const MAP_ZOOM_ID: &str = "map-zoom";

#[cfg(feature = "hydrate")]
mod behaviour {
    use wasm_bindgen::JsCast;
    use web_sys::{Element, Event, KeyboardEvent};

    use std::cell::Cell;
    use std::rc::Rc;

    use super::{MAP_VIEWPORT_ID, MAP_ZOOM_ID};
    use crate::components::MAP_SVG_ID;
    use crate::domain::urls::ISSUE_PARAM;
    use crate::islands::dom::listen;

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    fn drawing() -> Option<Element> {
        document()?.get_element_by_id(MAP_SVG_ID)
    }

    fn number(element: &Element, name: &str) -> Option<u32> {
        element.get_attribute(name)?.parse().ok()
    }

    /// The node element an event happened in, and its index.
    fn node_of(event: &Event) -> Option<(Element, u32)> {
        let target = event.target()?.dyn_into::<Element>().ok()?;
        let node = target.closest(".map-node").ok()??;
        let index = number(&node, "data-index")?;
        Some((node, index))
    }

    fn nodes(svg: &Element) -> Vec<Element> {
        let mut found = Vec::new();
        each(svg, ".map-node", |element| found.push(element.clone()));
        found
    }

    pub fn attach() {
        attach_zoom();
        let Some(svg) = drawing() else { return };
        listen(&svg, "mouseover", |event| {
            if let Some((_, index)) = node_of(&event) {
                show(Some(index));
            }
        });
        // Focus selects: the address remembers it, so Back returns to it.
        listen(&svg, "focusin", |event| {
            if let Some((node, index)) = node_of(&event) {
                show(Some(index));
                remember(&node);
            }
        });
        // Leaving the drawing with the pointer returns to the focused (or selected) issue.
        listen(&svg, "mouseleave", |_| {
            let focused = document()
                .and_then(|d| d.active_element())
                .and_then(|e| e.closest(".map-node").ok().flatten())
                .and_then(|e| number(&e, "data-index"));
            let selected = drawing()
                .and_then(|svg| svg.query_selector(".map-node.is-selected").ok().flatten())
                .and_then(|e| number(&e, "data-index"));
            show(focused.or(selected));
        });
        listen(&svg, "keydown", |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let direction = match key.key().as_str() {
                "ArrowLeft" => (-1, 0),
                "ArrowRight" => (1, 0),
                "ArrowUp" => (0, -1),
                "ArrowDown" => (0, 1),
                _ => return,
            };
            if key.alt_key() || key.ctrl_key() || key.meta_key() || key.shift_key() {
                return;
            }
            let (Some((from, _)), Some(svg)) = (node_of(&event), drawing()) else {
                return;
            };
            event.prevent_default();
            if let Some(next) = nearest(&nodes(&svg), &from, direction) {
                if let Some(next) = next.dyn_ref::<web_sys::SvgElement>() {
                    let _ = next.focus();
                }
            }
        });
        // A click records the issue in the address first, so Back returns to it selected.
        listen(&svg, "click", |event| {
            if let Some((node, _)) = node_of(&event) {
                remember(&node);
            }
        });
    }

    /// Lights up one node, its neighbours and its lines, dims the rest, and shows its panel.
    /// The browser's selector engine finds them (`data-related~="5"` matches the nodes
    /// related to node 5), which keeps this code, loaded on every page, small.
    fn show(index: Option<u32>) {
        let Some(svg) = drawing() else { return };
        let _ = svg
            .class_list()
            .toggle_with_force("has-active", index.is_some());
        each(&svg, ".is-active, .is-neighbour", |element| {
            let _ = element.class_list().remove_2("is-active", "is-neighbour");
        });
        each(&svg, "[data-panel]", |panel| {
            let _ = panel.set_attribute("hidden", "");
        });
        let Some(i) = index else {
            each(&svg, "[data-panel=hint]", |panel| {
                let _ = panel.remove_attribute("hidden");
            });
            return;
        };
        let add = |selector: String, class: &str| {
            each(&svg, &selector, |element| {
                let _ = element.class_list().add_1(class);
            })
        };
        add(format!(".map-node[data-index=\"{i}\"]"), "is-active");
        add(format!(".map-node[data-related~=\"{i}\"]"), "is-neighbour");
        add(
            format!(".map-edge[data-a=\"{i}\"], .map-edge[data-b=\"{i}\"]"),
            "is-active",
        );
        each(&svg, &format!("[data-panel=\"{i}\"]"), |panel| {
            let _ = panel.remove_attribute("hidden");
        });
    }

    fn each(root: &Element, selector: &str, mut action: impl FnMut(&Element)) {
        if let Ok(list) = root.query_selector_all(selector) {
            for k in 0..list.length() {
                if let Some(element) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                    action(&element);
                }
            }
        }
    }

    /// The nearest node in a direction: within about 60° either side of it, preferring
    /// nodes straight ahead over nodes off to the side.
    fn nearest<'a>(
        nodes: &'a [Element],
        from: &Element,
        (dx, dy): (i64, i64),
    ) -> Option<&'a Element> {
        let at = |e: &Element| {
            Some((
                i64::from(number(e, "data-x")?),
                i64::from(number(e, "data-y")?),
            ))
        };
        let origin = at(from)?;
        nodes
            .iter()
            .filter(|node| *node != from)
            .filter_map(|node| {
                let (x, y) = at(node)?;
                let (x, y) = (x - origin.0, y - origin.1);
                let ahead = x * dx + y * dy;
                let aside = (x * dy - y * dx).abs();
                // Within about 60° of the direction: aside ≤ 1.8 × ahead.
                (ahead > 0 && 5 * aside <= 9 * ahead).then_some((node, ahead + 2 * aside))
            })
            .min_by_key(|&(_, score)| score)
            .map(|(node, _)| node)
    }

    /// Puts `?issue=<slug>` in the address without a new history entry, keeping the other
    /// parameters. (The browser's `URL` does the parsing: string searching in Rust would
    /// pull kilobytes into the WASM every page loads.)
    fn remember(node: &Element) {
        let Some(slug) = node.get_attribute("data-slug") else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(href) = window.location().href() else {
            return;
        };
        let Ok(url) = web_sys::Url::new(&href) else {
            return;
        };
        url.search_params().set(ISSUE_PARAM, &slug);
        if let Ok(history) = window.history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
        }
    }

    /// Shows the zoom buttons and makes them scale the drawing, in percent of its fitted
    /// size (50–250); "Reset zoom" is 100.
    fn attach_zoom() {
        let Some(group) = document().and_then(|d| d.get_element_by_id(MAP_ZOOM_ID)) else {
            return;
        };
        let zoom = Rc::new(Cell::new(100_u32));
        listen(&group, "click", move |event| {
            let step = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-zoom]").ok().flatten())
                .and_then(|button| number(&button, "data-zoom"));
            let next = match step {
                Some(100) => 100,
                Some(step) => (zoom.get() * step / 100).clamp(50, 250),
                None => return,
            };
            zoom.set(next);
            set_zoom(next);
        });
        let _ = group.remove_attribute("hidden");
    }

    /// Scales the drawing inside its scrollable box.
    fn set_zoom(percent: u32) {
        if let Some(viewport) = document().and_then(|d| d.get_element_by_id(MAP_VIEWPORT_ID)) {
            if let Some(viewport) = viewport.dyn_ref::<web_sys::HtmlElement>() {
                let scale = format!("{}.{:02}", percent / 100, percent % 100);
                let _ = viewport.style().set_property("--map-zoom", &scale);
            }
        }
    }
}
