//! The topic map's interactive layer: the details panel and zoom controls as its own view,
//! and, once hydrated, the behaviour of the server-rendered drawing next to it (found by id).
//!
//! Listeners go on the drawing's own `<svg>` element, never on the window: when the islands
//! router replaces the page, they are dropped with it (an island's cleanup never runs).

use leptos::prelude::*;

use crate::domain::{issue_href, MapNode};

/// The id of the scrollable box around the drawing, which the zoom buttons scale.
pub const MAP_VIEWPORT_ID: &str = "map-viewport";

/// Lazy in release builds (its code loads only on `/map`); eager in debug builds, which
/// `cargo leptos watch` builds without `--split`.
#[cfg_attr(debug_assertions, island)]
#[cfg_attr(not(debug_assertions), island(lazy))]
pub fn MapExplorer(
    /// The nodes in drawing order (slugs, titles, summaries, positions, relations).
    nodes: Vec<MapNode>,
    /// Region titles, indexed as in the nodes.
    regions: Vec<String>,
    /// The node `?issue=` selected on the server.
    selected: Option<u32>,
) -> impl IntoView {
    let nodes = StoredValue::new(nodes);
    let regions = StoredValue::new(regions);
    let active = RwSignal::new(selected);
    let ready = RwSignal::new(false);
    let zoom = RwSignal::new(1.0_f64);

    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        behaviour::attach(nodes, active);
        ready.set(true);
    });
    Effect::new(move |_| {
        let scale = zoom.get();
        #[cfg(feature = "hydrate")]
        behaviour::set_zoom(scale);
        #[cfg(not(feature = "hydrate"))]
        let _ = scale;
    });
    let step = move |factor: f64| zoom.update(|z| *z = (*z * factor).clamp(0.5, 2.5));

    view! {
        <div class="map-explorer">
            <div class="map-zoom" role="group" aria-label="Zoom the map" hidden=move || !ready.get()>
                <button type="button" on:click=move |_| step(1.25)>"Zoom in"</button>
                <button type="button" on:click=move |_| step(0.8)>"Zoom out"</button>
                <button type="button" on:click=move |_| zoom.set(1.0)>"Reset zoom"</button>
            </div>
            <aside class="map-panel" aria-live="polite" aria-labelledby="map-panel-heading">
                {move || match active.get() {
                    Some(index) => nodes.with_value(|nodes| regions.with_value(|regions| {
                        panel(nodes, regions, index).into_any()
                    })),
                    None => view! {
                        <h2 id="map-panel-heading">"Explore the connections"</h2>
                        <p>
                            "Point at an issue or move to it with Tab to light up its connections. Arrow keys jump to the nearest issue in that direction; Enter opens it."
                        </p>
                    }
                    .into_any(),
                }}
            </aside>
        </div>
    }
}

/// What the panel says about one issue.
fn panel(nodes: &[MapNode], regions: &[String], index: u32) -> impl IntoView {
    let Some(node) = nodes.get(index as usize) else {
        return view! { <h2 id="map-panel-heading">"Explore the connections"</h2> }.into_any();
    };
    let areas: Vec<String> = node
        .regions
        .iter()
        .filter_map(|&r| regions.get(r as usize).cloned())
        .collect();
    let related = node
        .related
        .iter()
        .filter_map(|&r| nodes.get(r as usize))
        .map(|other| view! { <li><a href=issue_href(&other.slug)>{other.title.clone()}</a></li> })
        .collect_view();
    view! {
        <h2 id="map-panel-heading"><a href=issue_href(&node.slug)>{node.title.clone()}</a></h2>
        <p>{node.summary.clone()}</p>
        <p class="map-panel__areas">{format!("Focus areas: {}", areas.join(", "))}</p>
        <h3>{format!("Connected to {} issues", node.related.len())}</h3>
        <ul class="map-panel__related">{related}</ul>
    }
    .into_any()
}

#[cfg(feature = "hydrate")]
mod behaviour {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, Event, KeyboardEvent};

    use super::MAP_VIEWPORT_ID;
    use crate::components::MAP_SVG_ID;
    use crate::domain::MapNode;
    use crate::routes::ISSUE_PARAM;

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    /// The node element an event happened in, and its index.
    fn node_of(event: &Event) -> Option<(Element, u32)> {
        let target = event.target()?.dyn_into::<Element>().ok()?;
        let node = target.closest(".map-node").ok()??;
        let index = node.get_attribute("data-index")?.parse().ok()?;
        Some((node, index))
    }

    pub fn attach(nodes: StoredValue<Vec<MapNode>>, active: RwSignal<Option<u32>>) {
        let Some(svg) = document().and_then(|d| d.get_element_by_id(MAP_SVG_ID)) else {
            return;
        };
        // Pointer and focus preview an issue; leaving the drawing returns to the focused one.
        let show = move |event: Event| {
            if let Some((_, index)) = node_of(&event) {
                highlight(nodes, Some(index));
                active.set(Some(index));
            }
        };
        let focused = move |event: Event| {
            if let Some((node, index)) = node_of(&event) {
                highlight(nodes, Some(index));
                active.set(Some(index));
                if let Some(slug) = node.get_attribute("data-slug") {
                    remember(&slug);
                }
            }
        };
        let leave = move |_: Event| {
            let focused = document()
                .and_then(|d| d.active_element())
                .and_then(|e| e.closest(".map-node").ok().flatten())
                .and_then(|e| e.get_attribute("data-index"))
                .and_then(|i| i.parse().ok());
            let keep = focused.or_else(|| active.get_untracked());
            highlight(nodes, keep);
        };
        let keys = move |event: Event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let direction = match event.key().as_str() {
                "ArrowLeft" => (-1.0, 0.0),
                "ArrowRight" => (1.0, 0.0),
                "ArrowUp" => (0.0, -1.0),
                "ArrowDown" => (0.0, 1.0),
                _ => return,
            };
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            let Some((_, from)) = node_of(event) else {
                return;
            };
            event.prevent_default();
            let next = nodes.with_value(|nodes| nearest(nodes, from, direction));
            if let Some(next) = next {
                focus_node(next);
            }
        };
        listen(&svg, "mouseover", show);
        listen(&svg, "focusin", focused);
        listen(&svg, "mouseleave", leave);
        listen(&svg, "keydown", keys);
        // A click records the issue in the address first, so Back returns to it selected.
        listen(&svg, "click", move |event: Event| {
            if let Some((node, _)) = node_of(&event) {
                if let Some(slug) = node.get_attribute("data-slug") {
                    remember(&slug);
                }
            }
        });
    }

    fn listen(target: &Element, name: &str, handler: impl FnMut(Event) + 'static) {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        // Lives as long as the element: dropped with it when the page is replaced.
        closure.forget();
    }

    /// Lights up one node, its neighbours and its lines; dims the rest.
    fn highlight(nodes: StoredValue<Vec<MapNode>>, index: Option<u32>) {
        let Some(svg) = document().and_then(|d| d.get_element_by_id(MAP_SVG_ID)) else {
            return;
        };
        let related = index
            .and_then(|i| {
                nodes.with_value(|nodes| nodes.get(i as usize).map(|n| n.related.clone()))
            })
            .unwrap_or_default();
        let _ = svg
            .class_list()
            .toggle_with_force("has-active", index.is_some());
        for_each(&svg, ".map-node", |element| {
            let i: Option<u32> = element
                .get_attribute("data-index")
                .and_then(|v| v.parse().ok());
            let classes = element.class_list();
            let _ = classes.toggle_with_force("is-active", i.is_some() && i == index);
            let _ =
                classes.toggle_with_force("is-neighbour", i.is_some_and(|i| related.contains(&i)));
        });
        for_each(&svg, ".map-edge", |element| {
            let end = |name: &str| {
                element
                    .get_attribute(name)
                    .and_then(|v| v.parse::<u32>().ok())
            };
            let on = index.is_some() && (end("data-a") == index || end("data-b") == index);
            let _ = element.class_list().toggle_with_force("is-active", on);
        });
    }

    fn for_each(root: &Element, selector: &str, mut each: impl FnMut(&Element)) {
        if let Ok(list) = root.query_selector_all(selector) {
            for k in 0..list.length() {
                if let Some(element) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                    each(&element);
                }
            }
        }
    }

    fn focus_node(index: u32) {
        let selector = format!("#{MAP_SVG_ID} .map-node[data-index=\"{index}\"]");
        if let Some(element) = document().and_then(|d| d.query_selector(&selector).ok().flatten()) {
            if let Some(element) = element.dyn_ref::<web_sys::SvgElement>() {
                let _ = element.focus();
            }
        }
    }

    /// The nearest node in a direction: within 60° either side of it, preferring nodes
    /// straight ahead over nodes off to the side.
    pub fn nearest(nodes: &[MapNode], from: u32, (dx, dy): (f64, f64)) -> Option<u32> {
        let origin = nodes.get(from as usize)?;
        nodes
            .iter()
            .enumerate()
            .filter(|(i, _)| *i as u32 != from)
            .filter_map(|(i, node)| {
                let (x, y) = (
                    f64::from(node.x) - f64::from(origin.x),
                    f64::from(node.y) - f64::from(origin.y),
                );
                let ahead = x * dx + y * dy;
                let aside = (x * dy - y * dx).abs();
                (ahead > 0.0 && aside <= ahead * 1.8).then_some((i as u32, ahead + 2.0 * aside))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    /// Puts `?issue=<slug>` in the address without a new history entry.
    fn remember(slug: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(href) = window.location().href() else {
            return;
        };
        let Ok(url) = web_sys::Url::new(&href) else {
            return;
        };
        url.search_params().set(ISSUE_PARAM, slug);
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &history.state().unwrap_or(wasm_bindgen::JsValue::NULL),
                "",
                Some(&url.href()),
            );
        }
    }

    /// Scales the drawing inside its scrollable box.
    pub fn set_zoom(scale: f64) {
        if let Some(viewport) = document().and_then(|d| d.get_element_by_id(MAP_VIEWPORT_ID)) {
            if let Some(viewport) = viewport.dyn_ref::<web_sys::HtmlElement>() {
                let _ = viewport
                    .style()
                    .set_property("--map-zoom", &format!("{scale}"));
            }
        }
    }
}
