//! [`Visible`]: the elements a stage should look at — below a root, in document order, not
//! descending into dropped subtrees or into `<script>`, `<style>` and the like.

use crate::dom::{Descendants, Dom, NodeId, NodeSet};

/// Iterator over the visible elements below a root (the root itself excluded).
pub(crate) struct Visible<'a> {
    dom: &'a Dom,
    dropped: &'a NodeSet,
    walk: Descendants<'a>,
}

impl<'a> Visible<'a> {
    pub(crate) fn new(dom: &'a Dom, root: NodeId, dropped: &'a NodeSet) -> Self {
        Visible { dom, dropped, walk: dom.descendants(root) }
    }

    /// Do not descend into `id`, the element just returned.
    pub(crate) fn skip_subtree(&mut self, id: NodeId) {
        self.walk.skip_subtree(id);
    }
}

impl Iterator for Visible<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        while let Some(id) = self.walk.next() {
            let Some(e) = self.dom.element(id) else { continue };
            if self.dropped.contains(id) || self.dom.skips(e) {
                self.walk.skip_subtree(id);
                continue;
            }
            return Some(id);
        }
        None
    }
}
