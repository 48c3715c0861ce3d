//! Per-node text statistics (text length, link text length, commas), computed in one
//! bottom-up pass and kept current as later passes drop nodes.

use html5ever::local_name;

use crate::dom::{Dom, NodeData, NodeId, NodeSet};

/// Statistics of each node's visible subtree, indexed by [`NodeId`].
#[derive(Clone)]
pub(crate) struct Stats {
    /// Characters of text, whitespace runs counted once.
    pub(crate) text: Vec<u32>,
    /// Characters of text inside links (in-page `#` links weighted 0.3, as Readability does).
    pub(crate) link: Vec<f32>,
    /// Commas, in any script's comma form.
    pub(crate) commas: Vec<u32>,
}

/// Characters of `s` with each whitespace run counted as one and the ends trimmed.
pub(crate) fn collapsed_len(s: &str) -> u32 {
    measure(s).0
}

/// Commas in any script: Latin, Arabic, CJK full-width and small forms.
pub(crate) fn count_commas(s: &str) -> u32 {
    measure(s).1
}

/// [`collapsed_len`] and [`count_commas`] in one pass over the text.
fn measure(s: &str) -> (u32, u32) {
    let (mut len, mut commas) = (0u32, 0u32);
    let mut in_space = true;
    let mut trailing = 0;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                len += 1;
                trailing = 1;
            }
            in_space = true;
            continue;
        }
        len += 1;
        trailing = 0;
        in_space = false;
        if matches!(
            c,
            ',' | '\u{060C}'
                | '\u{FE50}'
                | '\u{FE10}'
                | '\u{FE11}'
                | '\u{2E41}'
                | '\u{2E34}'
                | '\u{2E32}'
                | '\u{FF0C}'
        ) {
            commas += 1;
        }
    }
    (len - trailing, commas)
}

impl Stats {
    /// Computes statistics for the subtree at `root`, leaving out `dropped` nodes and
    /// non-content elements.
    pub(crate) fn compute(dom: &Dom, root: NodeId, dropped: &NodeSet) -> Stats {
        let n = dom.len();
        let mut stats = Stats { text: vec![0; n], link: vec![0.0; n], commas: vec![0; n] };
        // Iterative post-order: (node, children visited?).
        let mut stack = vec![(root, false)];
        while let Some((id, visited)) = stack.pop() {
            if visited {
                stats.finish_node(dom, id, dropped);
                continue;
            }
            match &dom.node(id).data {
                NodeData::Text(t) => {
                    let (len, commas) = measure(t);
                    stats.text[id.index()] = len;
                    stats.commas[id.index()] = commas;
                }
                NodeData::Element(e) if dropped.contains(id) || dom.skips(e) => {}
                NodeData::Element(_) | NodeData::Document => {
                    stack.push((id, true));
                    for child in dom.children(id) {
                        stack.push((child, false));
                    }
                }
                NodeData::Other => {}
            }
        }
        stats
    }

    fn finish_node(&mut self, dom: &Dom, id: NodeId, dropped: &NodeSet) {
        let (mut text, mut link, mut commas) = (0u32, 0f32, 0u32);
        for child in dom.children(id) {
            if dropped.contains(child) {
                continue;
            }
            let i = child.index();
            // A space between blocks and inline runs is not counted: small error, no cost.
            text += self.text[i];
            link += self.link[i];
            commas += self.commas[i];
        }
        if let Some(e) = dom.element(id)
            && *e.tag() == local_name!("a")
            && e.attr(&local_name!("href")).is_some()
        {
            let weight =
                if e.attr(&local_name!("href")).is_some_and(|h| h.starts_with('#')) { 0.3 } else { 1.0 };
            link = text as f32 * weight;
        }
        let i = id.index();
        self.text[i] = text;
        self.link[i] = link;
        self.commas[i] = commas;
    }

    /// Share of `id`'s text that sits inside links.
    pub(crate) fn link_density(&self, id: NodeId) -> f32 {
        let text = self.text[id.index()];
        if text == 0 { 0.0 } else { self.link[id.index()] / text as f32 }
    }

    /// Adds a node's numbers back to its ancestors: undoes [`Stats::remove`].
    pub(crate) fn restore(&mut self, dom: &Dom, id: NodeId) {
        let i = id.index();
        let (text, link, commas) = (self.text[i], self.link[i], self.commas[i]);
        let mut cur = dom.parent(id);
        while let Some(p) = cur {
            let j = p.index();
            self.text[j] += text;
            self.link[j] += link;
            self.commas[j] += commas;
            cur = dom.parent(p);
        }
    }

    /// Subtracts a dropped node's numbers from its ancestors.
    pub(crate) fn remove(&mut self, dom: &Dom, id: NodeId) {
        let i = id.index();
        let (text, link, commas) = (self.text[i], self.link[i], self.commas[i]);
        if text == 0 && commas == 0 {
            return;
        }
        let mut cur = dom.parent(id);
        while let Some(p) = cur {
            let j = p.index();
            self.text[j] = self.text[j].saturating_sub(text);
            self.link[j] = (self.link[j] - link).max(0.0);
            self.commas[j] = self.commas[j].saturating_sub(commas);
            cur = dom.parent(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_runs() {
        assert_eq!(collapsed_len("  a  b \n c  "), 5);
        assert_eq!(collapsed_len(""), 0);
        assert_eq!(collapsed_len("   "), 0);
    }

    #[test]
    fn counts_commas_of_every_script() {
        assert_eq!(count_commas("a, b، c，d"), 3);
    }
}
