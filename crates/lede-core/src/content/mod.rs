//! Main-content selection: which part of the page is the article body.

use crate::dom::{Dom, NodeId};
use crate::metadata::Metadata;
use crate::options::Options;

/// The chosen body: subtrees to render, in document order, minus pruned nodes.
#[derive(Debug, Clone)]
pub(crate) struct Selection {
    /// The top-level content nodes, in document order.
    pub(crate) roots: Vec<NodeId>,
    /// Nodes (with their subtrees) left out of the body.
    pub(crate) dropped: NodeSet,
    pub(crate) is_article: bool,
    pub(crate) confidence: f32,
}

/// A set of nodes, one bit per node of the [`Dom`].
#[derive(Debug, Clone)]
pub(crate) struct NodeSet(Vec<u64>);

impl NodeSet {
    pub(crate) fn new(dom: &Dom) -> Self {
        NodeSet(vec![0; dom.len().div_ceil(64)])
    }

    pub(crate) fn insert(&mut self, id: NodeId) {
        self.0[id.index() / 64] |= 1 << (id.index() % 64);
    }

    pub(crate) fn contains(&self, id: NodeId) -> bool {
        self.0[id.index() / 64] & (1 << (id.index() % 64)) != 0
    }
}

/// Chooses the article body.
pub(crate) fn select(dom: &Dom, _meta: &Metadata, _options: &Options) -> Selection {
    Selection {
        roots: dom.body().into_iter().collect(),
        dropped: NodeSet::new(dom),
        is_article: true,
        confidence: 0.5,
    }
}
