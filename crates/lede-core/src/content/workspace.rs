//! [`Workspace`]: one pruning of the page — the nodes left out so far and the text
//! statistics of what stays, kept in step by one [`Workspace::drop`].

use super::stats::Stats;
use super::visible::Visible;
use super::{Flags, prepass};
use crate::dom::NodeSet;
use crate::dom::{Dom, NodeId};
use crate::metadata::Metadata;

/// The page below `body` as the passes of one strategy prune it. The DOM never changes:
/// a pass records what it leaves out here, and the statistics (which later passes weigh
/// their rules by) count only what stays. Private fields keep the two in step: nothing
/// but [`Workspace::drop`] and [`Workspace::restore`] changes either.
#[derive(Clone)]
pub(crate) struct Workspace<'a> {
    dom: &'a Dom,
    body: NodeId,
    stats: Stats,
    dropped: NodeSet,
}

impl<'a> Workspace<'a> {
    /// The page below `body` with `dropped` left out, and its statistics.
    pub(crate) fn new(dom: &'a Dom, body: NodeId, dropped: NodeSet) -> Self {
        let stats = Stats::compute(dom, body, &dropped);
        Workspace { dom, body, stats, dropped }
    }

    /// The page below `body` after the pre-pass that `flags` ask for (hidden elements, the
    /// byline, and in strict attempts furniture by class): where every strategy starts.
    pub(crate) fn prepass(dom: &'a Dom, body: NodeId, meta: &Metadata, flags: Flags) -> Self {
        Workspace::new(dom, body, prepass::drop_furniture(dom, body, meta, flags))
    }

    /// The parsed page.
    pub(crate) fn dom(&self) -> &'a Dom {
        self.dom
    }

    /// The `<body>` the pruning covers.
    pub(crate) fn body(&self) -> NodeId {
        self.body
    }

    /// The statistics of what stays.
    pub(crate) fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The nodes left out so far (each with its subtree).
    pub(crate) fn dropped(&self) -> &NodeSet {
        &self.dropped
    }

    /// Characters of text `id` holds, dropped parts left out.
    pub(crate) fn text(&self, id: NodeId) -> u32 {
        self.stats.text[id.index()]
    }

    /// The visible elements below `root` (see [`Visible`]).
    pub(crate) fn visible(&self, root: NodeId) -> Visible<'_> {
        Visible::new(self.dom, root, &self.dropped)
    }

    /// Whether `id` or one of its ancestors is dropped.
    pub(crate) fn is_dropped_or_inside(&self, id: NodeId) -> bool {
        self.dropped.contains(id) || self.dom.ancestors(id).any(|a| self.dropped.contains(a))
    }

    /// Leaves `id` (with its subtree) out and takes its numbers from its ancestors'. A
    /// node dropped already is left as it is, so that its numbers go only once.
    pub(crate) fn drop(&mut self, id: NodeId) {
        if !self.dropped.contains(id) {
            self.stats.remove(self.dom, id);
            self.dropped.insert(id);
        }
    }

    /// Brings back `id`, dropped before, with its numbers: undoes [`Workspace::drop`].
    pub(crate) fn restore(&mut self, id: NodeId) {
        self.dropped.remove(id);
        self.stats.restore(self.dom, id);
    }

    /// The nodes left out, for the [`super::Selection`] this pruning becomes.
    pub(crate) fn into_dropped(self) -> NodeSet {
        self.dropped
    }
}
