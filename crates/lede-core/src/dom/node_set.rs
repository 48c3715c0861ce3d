//! `NodeSet`: a set of nodes as one bit per node, the side table stages keep for "dropped".

use super::{Dom, NodeId};

/// A set of nodes, one bit per node of the [`Dom`].
#[derive(Debug, Clone)]
pub(crate) struct NodeSet(Vec<u64>);

impl NodeSet {
    /// An empty set sized for every node of `dom`.
    pub(crate) fn new(dom: &Dom) -> Self {
        NodeSet(vec![0; dom.len().div_ceil(64)])
    }

    /// Adds `id`.
    pub(crate) fn insert(&mut self, id: NodeId) {
        self.0[id.index() / 64] |= 1 << (id.index() % 64);
    }

    /// Removes `id`.
    pub(crate) fn remove(&mut self, id: NodeId) {
        self.0[id.index() / 64] &= !(1 << (id.index() % 64));
    }

    /// Whether `id` is in the set.
    pub(crate) fn contains(&self, id: NodeId) -> bool {
        self.0[id.index() / 64] & (1 << (id.index() % 64)) != 0
    }
}
