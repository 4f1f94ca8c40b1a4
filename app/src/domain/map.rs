//! The topic map as it crosses the wire: regions, nodes and edges with their geometry
//! (computed once on the server), plus what one request asks to highlight.

use serde::{Deserialize, Serialize};

use super::Relation;

/// A focus area or the emerging issues, drawn as a labelled box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapRegion {
    /// A focus-area slug, or `emerging`.
    pub slug: String,
    pub title: String,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// One issue on the map: a circle with its icon, centred at (`x`, `y`), and its label lines
/// below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapNode {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub label: Vec<String>,
    pub x: u32,
    pub y: u32,
    /// The region it is drawn in (its first focus area, or the emerging issues).
    pub region: u32,
    /// Every region it belongs to, the drawn one first.
    pub regions: Vec<u32>,
    /// Indices of the related issues' nodes.
    pub related: Vec<u32>,
}

/// A connected pair, drawn as a line between two nodes (`a` < `b`), styled by its
/// relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapEdge {
    pub a: u32,
    pub b: u32,
    pub relation: Relation,
    /// Whether `a` is the pair's `from` (the side the relation's forward wording reads from).
    pub a_is_from: bool,
}

impl MapEdge {
    /// Whether `node` is the pair's `from` (its side of the relation reads forward), when
    /// the edge touches it.
    pub fn outgoing_from(&self, node: u32) -> Option<bool> {
        if node == self.a {
            Some(self.a_is_from)
        } else if node == self.b {
            Some(!self.a_is_from)
        } else {
            None
        }
    }
}

/// A rectangle of the drawing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapBox {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// The whole drawing: the same for every request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapLayout {
    pub width: u32,
    pub height: u32,
    pub regions: Vec<MapRegion>,
    /// Where the details panel goes: the grid cell no region uses, or a row of its own.
    pub panel: MapBox,
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
}

impl MapLayout {
    /// Drops every line of another relation (and the neighbours only those lines made).
    pub fn keep_only(&mut self, relation: Relation) {
        self.edges.retain(|edge| edge.relation == relation);
        let edges = &self.edges;
        for (index, node) in self.nodes.iter_mut().enumerate() {
            let index = index as u32;
            node.related.retain(|&other| {
                edges
                    .iter()
                    .any(|edge| (edge.a, edge.b) == (index.min(other), index.max(other)))
            });
        }
    }

    /// The edge between two nodes, if they are connected.
    pub fn edge(&self, one: u32, other: u32) -> Option<&MapEdge> {
        let (a, b) = (one.min(other), one.max(other));
        self.edges.iter().find(|edge| edge.a == a && edge.b == b)
    }
}

/// The map for one request: the layout plus what `?focus=`, `?q=`, `?issue=` and
/// `?relation=` ask for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicMap {
    pub layout: MapLayout,
    /// The relation `?relation=` narrows the lines to.
    pub relation: Option<Relation>,
    /// Every relation some line uses, for the legend and the filter.
    pub relations: Vec<Relation>,
    /// The region `?focus=` narrows to; nodes outside it are dimmed.
    pub focus_area: Option<u32>,
    /// The search `?q=`; `matches` are the nodes it finds.
    pub query: String,
    pub matches: Vec<u32>,
    /// The node `?issue=` selects.
    pub selected: Option<u32>,
}

/// Geometry of a node, shared by the layout (which must keep labels apart) and the drawing.
pub mod node_geometry {
    /// Radius of a node's circle.
    pub const RADIUS: u32 = 28;
    /// Side of the icon inside the circle.
    pub const ICON: u32 = 34;
    /// Label font size and line height, in viewBox units.
    pub const FONT_SIZE: u32 = 14;
    pub const LINE_HEIGHT: u32 = 17;
    /// Baseline of a label's first line below the circle's centre.
    pub const FIRST_BASELINE: u32 = RADIUS + 19;
    /// Widest a label line may be, in characters.
    pub const MAX_LINE_CHARS: usize = 19;
    /// A conservative average advance of one character (bold system sans at 14 units):
    /// the layout reserves this much so real text never runs wider than its slot.
    pub const CHAR_WIDTH: u32 = 9;
}
