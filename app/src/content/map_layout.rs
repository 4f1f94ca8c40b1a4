//! Lays out the topic map: deterministic, computed once from the content at start-up.
//!
//! Method: each issue is drawn in one region (its first focus area, or the emerging
//! issues), and regions are boxes in a grid of three columns. Inside a region, issues sit
//! in slots of two columns, each slot wide and tall enough for a node and a two-line label,
//! so nothing can overlap by construction. Which issue gets which slot is then improved by
//! swapping pairs of issues within a region whenever that shortens the total length of the
//! lines to their related issues, in a fixed order, until no swap helps: related issues
//! drift towards each other and towards neighbouring regions.
//!
//! Trade-offs: a force-directed layout would show clusters more organically, but it needs
//! randomness or careful seeding to be deterministic, a separate pass to remove overlaps,
//! and its picture can change wholesale when one relation is added. Slots keep the drawing
//! tidy, readable as regions, stable under small edits, and provably free of overlaps; lines
//! between distant regions may pass under other nodes, which are drawn on top.

use crate::domain::node_geometry::{
    CHAR_WIDTH, FIRST_BASELINE, FONT_SIZE, LINE_HEIGHT, MAX_LINE_CHARS, RADIUS,
};
use crate::domain::{MapBox, MapEdge, MapLayout, MapNode, MapRegion, Relation};

/// Regions per row of the grid.
const REGION_COLUMNS: usize = 3;
/// Slots per row inside a region.
const SLOT_COLUMNS: usize = 2;
const SLOT_WIDTH: u32 = 180;
const SLOT_HEIGHT: u32 = 122;
const GAP: u32 = 24;
const PADDING: u32 = 16;
/// Room for the region's title above its slots.
const HEADER: u32 = 48;
/// Room above a node's circle inside its slot.
const SLOT_TOP: u32 = 6;
/// Height of the panel's own row, when the grid has no free cell for it.
const PANEL_ROW: u32 = 320;

/// What the layout needs of one issue.
pub(super) struct MapIssue {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    pub summary: String,
    /// Regions it belongs to, the one it is drawn in first.
    pub regions: Vec<u32>,
    pub related: Vec<MapLink>,
}

/// One connection of an issue: the other issue's index, and how they connect seen from
/// this side.
#[derive(Clone, Copy)]
pub(super) struct MapLink {
    pub other: u32,
    pub relation: Relation,
    /// This issue is the connection's `from`.
    pub outgoing: bool,
}

pub(super) fn lay_out(regions: &[(String, String)], issues: &[MapIssue]) -> MapLayout {
    if regions.is_empty() {
        return MapLayout::default();
    }
    // Content that failed its checks is laid out too (the errors are reported, not the
    // picture): an issue without a known region is drawn in the first one.
    let drawn_in = |issue: &MapIssue| {
        issue
            .regions
            .first()
            .copied()
            .filter(|&r| (r as usize) < regions.len())
            .unwrap_or(0)
    };
    let members: Vec<Vec<usize>> = (0..regions.len())
        .map(|region| {
            (0..issues.len())
                .filter(|&i| drawn_in(&issues[i]) == region as u32)
                .collect()
        })
        .collect();
    let region_width = PADDING * 2 + SLOT_WIDTH * SLOT_COLUMNS as u32;
    let rows_of = |count: usize| count.div_ceil(SLOT_COLUMNS) as u32;
    let region_height = |count: usize| HEADER + rows_of(count) * SLOT_HEIGHT + PADDING;
    let grid_rows = regions.len().div_ceil(REGION_COLUMNS);
    let mut row_heights: Vec<u32> = (0..grid_rows)
        .map(|row| {
            (row * REGION_COLUMNS..((row + 1) * REGION_COLUMNS).min(regions.len()))
                .map(|region| region_height(members[region].len()))
                .max()
                .unwrap_or(0)
        })
        .collect();

    let mut boxes = Vec::with_capacity(regions.len());
    for (index, (slug, title)) in regions.iter().enumerate() {
        let (row, column) = (index / REGION_COLUMNS, index % REGION_COLUMNS);
        let y = GAP + row_heights[..row].iter().map(|h| h + GAP).sum::<u32>();
        boxes.push(MapRegion {
            slug: slug.clone(),
            title: title.clone(),
            x: GAP + column as u32 * (region_width + GAP),
            y,
            width: region_width,
            height: row_heights[row],
        });
    }

    // Slot centres per region, in reading order; a last row with one issue is centred.
    let slots: Vec<Vec<(u32, u32)>> = members
        .iter()
        .zip(&boxes)
        .map(|(list, area)| {
            (0..list.len())
                .map(|k| {
                    let (row, column) = ((k / SLOT_COLUMNS) as u32, (k % SLOT_COLUMNS) as u32);
                    let alone = k + 1 == list.len() && k % SLOT_COLUMNS == 0;
                    let x = if alone {
                        area.x + area.width / 2
                    } else {
                        area.x + PADDING + SLOT_WIDTH / 2 + column * SLOT_WIDTH
                    };
                    (x, area.y + HEADER + row * SLOT_HEIGHT + SLOT_TOP + RADIUS)
                })
                .collect()
        })
        .collect();

    // The details panel takes the free cells of the last row, or a row of its own.
    let used_in_last_row = regions.len() % REGION_COLUMNS;
    let panel = if used_in_last_row == 0 {
        row_heights.push(PANEL_ROW);
        let y = GAP
            + row_heights[..row_heights.len() - 1]
                .iter()
                .map(|h| h + GAP)
                .sum::<u32>();
        MapBox {
            x: GAP,
            y,
            width: REGION_COLUMNS as u32 * (region_width + GAP) - GAP,
            height: PANEL_ROW,
        }
    } else {
        let free = (REGION_COLUMNS - used_in_last_row) as u32;
        let last = row_heights.len() - 1;
        MapBox {
            x: GAP + used_in_last_row as u32 * (region_width + GAP),
            y: GAP + row_heights[..last].iter().map(|h| h + GAP).sum::<u32>(),
            width: free * (region_width + GAP) - GAP,
            height: row_heights[last],
        }
    };

    let edges = edges_of(issues);
    let mut position = vec![(0u32, 0u32); issues.len()];
    let mut order: Vec<Vec<usize>> = members.clone();
    let place = |order: &[Vec<usize>], position: &mut Vec<(u32, u32)>| {
        for (region, list) in order.iter().enumerate() {
            for (slot, &issue) in list.iter().enumerate() {
                position[issue] = slots[region][slot];
            }
        }
    };
    place(&order, &mut position);
    improve_by_swaps(&mut order, &slots, &edges, &mut position);

    let nodes = (0..issues.len())
        .map(|i| {
            let issue = &issues[i];
            MapNode {
                slug: issue.slug.clone(),
                title: issue.title.clone(),
                summary: issue.summary.clone(),
                label: wrap_label(&issue.short_title),
                x: position[i].0,
                y: position[i].1,
                region: drawn_in(issue),
                regions: issue.regions.clone(),
                related: issue.related.iter().map(|link| link.other).collect(),
            }
        })
        .collect();
    // Draw order (and so Tab order) follows the regions, then the slots' reading order.
    let drawing_order: Vec<usize> = order.iter().flatten().copied().collect();
    let layout = MapLayout {
        width: GAP + REGION_COLUMNS as u32 * (region_width + GAP),
        height: GAP + row_heights.iter().map(|h| h + GAP).sum::<u32>(),
        regions: boxes,
        panel,
        nodes,
        edges,
    };
    reorder(layout, &drawing_order)
}

/// Every related pair once, as indices with `a` < `b`, in a fixed order.
fn edges_of(issues: &[MapIssue]) -> Vec<MapEdge> {
    let mut edges: Vec<MapEdge> = issues
        .iter()
        .enumerate()
        .flat_map(|(a, issue)| {
            issue
                .related
                .iter()
                .filter(move |link| (a as u32) < link.other)
                .map(move |link| MapEdge {
                    a: a as u32,
                    b: link.other,
                    relation: link.relation,
                    a_is_from: link.outgoing,
                })
        })
        .collect();
    edges.sort_by_key(|edge| (edge.a, edge.b));
    edges.dedup();
    edges
}

/// Swaps pairs of issues inside each region while that shortens the lines in total.
fn improve_by_swaps(
    order: &mut [Vec<usize>],
    slots: &[Vec<(u32, u32)>],
    edges: &[MapEdge],
    position: &mut [(u32, u32)],
) {
    let length = |position: &[(u32, u32)], issue: usize| -> f64 {
        edges
            .iter()
            .filter(|e| e.a as usize == issue || e.b as usize == issue)
            .map(|e| {
                let (p, q) = (position[e.a as usize], position[e.b as usize]);
                let (dx, dy) = (
                    f64::from(p.0) - f64::from(q.0),
                    f64::from(p.1) - f64::from(q.1),
                );
                (dx * dx + dy * dy).sqrt()
            })
            .sum()
    };
    for _pass in 0..20 {
        let mut improved = false;
        for region in 0..order.len() {
            for i in 0..order[region].len() {
                for j in i + 1..order[region].len() {
                    let (a, b) = (order[region][i], order[region][j]);
                    let before = length(position, a) + length(position, b);
                    position[a] = slots[region][j];
                    position[b] = slots[region][i];
                    let after = length(position, a) + length(position, b);
                    // A strict, clear improvement: ties keep the current order, so the
                    // result does not depend on floating-point noise.
                    if after + 0.5 < before {
                        order[region].swap(i, j);
                        improved = true;
                    } else {
                        position[a] = slots[region][i];
                        position[b] = slots[region][j];
                    }
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Renumbers nodes into drawing order, keeping edges and relations pointing right.
fn reorder(mut layout: MapLayout, drawing_order: &[usize]) -> MapLayout {
    let mut new_index = vec![0u32; drawing_order.len()];
    for (new, &old) in drawing_order.iter().enumerate() {
        new_index[old] = new as u32;
    }
    let mut nodes: Vec<MapNode> = drawing_order
        .iter()
        .map(|&old| layout.nodes[old].clone())
        .collect();
    for node in &mut nodes {
        node.related = node
            .related
            .iter()
            .map(|&r| new_index[r as usize])
            .collect();
    }
    let mut edges: Vec<MapEdge> = layout
        .edges
        .iter()
        .map(|e| {
            let (a, b) = (new_index[e.a as usize], new_index[e.b as usize]);
            MapEdge {
                a: a.min(b),
                b: a.max(b),
                // Still the same end of the pair when the two swap places.
                a_is_from: e.a_is_from == (a < b),
                ..*e
            }
        })
        .collect();
    edges.sort_by_key(|edge| (edge.a, edge.b));
    layout.nodes = nodes;
    layout.edges = edges;
    layout
}

/// Splits a label into lines of at most [`MAX_LINE_CHARS`] at spaces, at most two lines;
/// a word longer than a line stays whole (the content tests keep short titles short).
pub fn wrap_label(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= MAX_LINE_CHARS => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The box a node's label occupies: (left, top, right, bottom).
pub fn label_box(node: &MapNode) -> (u32, u32, u32, u32) {
    let widest = node
        .label
        .iter()
        .map(|line| line.chars().count() as u32)
        .max()
        .unwrap_or(0)
        * CHAR_WIDTH;
    let top = node.y + FIRST_BASELINE - FONT_SIZE;
    let bottom =
        node.y + FIRST_BASELINE + (node.label.len().saturating_sub(1) as u32) * LINE_HEIGHT + 5;
    (
        node.x.saturating_sub(widest / 2),
        top,
        node.x + widest / 2,
        bottom,
    )
}

/// The box a node's circle occupies.
pub fn circle_box(node: &MapNode) -> (u32, u32, u32, u32) {
    (
        node.x - RADIUS,
        node.y - RADIUS,
        node.x + RADIUS,
        node.y + RADIUS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(slug: &str, regions: Vec<u32>, related: Vec<u32>) -> MapIssue {
        MapIssue {
            slug: slug.into(),
            title: slug.into(),
            short_title: slug.replace('-', " "),
            summary: String::new(),
            regions,
            related: related
                .into_iter()
                .map(|other| MapLink {
                    other,
                    relation: Relation::PartOf,
                    outgoing: true,
                })
                .collect(),
        }
    }

    #[test]
    fn labels_wrap_at_spaces_into_short_lines() {
        assert_eq!(wrap_label("DNS"), ["DNS"]);
        assert_eq!(
            wrap_label("Improving Technical Security"),
            ["Improving Technical", "Security"]
        );
        assert_eq!(
            wrap_label("Shaping the Internet's Future"),
            ["Shaping the", "Internet's Future"]
        );
    }

    #[test]
    fn an_issue_without_a_known_region_is_still_drawn() {
        let regions = vec![("r0".to_string(), "R0".to_string())];
        let issues = vec![issue("a", vec![], vec![]), issue("b", vec![7], vec![])];
        let layout = lay_out(&regions, &issues);
        assert_eq!(layout.nodes.len(), 2);
        assert!(layout.nodes.iter().all(|node| node.region == 0));
        assert_eq!(lay_out(&[], &issues), MapLayout::default());
    }

    #[test]
    fn related_issues_are_pulled_together_by_swaps() {
        // Region 0 holds d, a, b, c, with d first (top left); e, in region 1 to the right,
        // relates only to d. The swaps must move d into the right-hand column.
        let regions = vec![
            ("r0".to_string(), "R0".to_string()),
            ("r1".to_string(), "R1".to_string()),
        ];
        let issues = vec![
            issue("d", vec![0], vec![4]),
            issue("a", vec![0], vec![2]),
            issue("b", vec![0], vec![1]),
            issue("c", vec![0], vec![]),
            issue("e", vec![1], vec![0]),
        ];
        let layout = lay_out(&regions, &issues);
        let d = layout.nodes.iter().find(|n| n.slug == "d").expect("d");
        let column_right = layout.regions[0].x + PADDING + SLOT_WIDTH + SLOT_WIDTH / 2;
        assert_eq!(d.x, column_right, "{layout:#?}");
        // Renumbering kept every relation pointing at the same issue.
        let e = layout.nodes.iter().position(|n| n.slug == "e").expect("e") as u32;
        assert_eq!(d.related, [e]);
    }
}
