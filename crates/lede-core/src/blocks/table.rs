//! Tables: data tables become [`Block::Table`]; layout tables are read as containers.

use html5ever::local_name;

use super::Builder;
use super::inline::Run;
use crate::dom::{NodeId, is_data_table};
use crate::model::{Block, TableRow};
use crate::text::collapse_ws;

impl Builder<'_> {
    pub(super) fn table(&self, id: NodeId, out: &mut Vec<Block>) {
        if !is_data_table(self.dom, id) {
            self.container_children(id, out);
            return;
        }
        if !self.options.tables {
            return;
        }
        let dom = self.dom;
        let mut caption = None;
        let mut rows = Vec::new();
        let mut walk = dom.descendants(id);
        while let Some(n) = walk.next() {
            let Some(tag) = dom.tag(n) else { continue };
            match *tag {
                local_name!("table") => walk.skip_subtree(n),
                local_name!("caption") => {
                    caption = Some(collapse_ws(&dom.text_content(n))).filter(|c| !c.is_empty());
                    walk.skip_subtree(n);
                }
                local_name!("tr") if !self.selection.dropped.contains(n) => {
                    walk.skip_subtree(n);
                    let in_thead = dom.parent(n).is_some_and(|p| dom.is_tag(p, &local_name!("thead")));
                    let mut header = in_thead;
                    let mut all_th = true;
                    let mut cells = Vec::new();
                    for cell in dom.element_children(n) {
                        let is_th = dom.is_tag(cell, &local_name!("th"));
                        if !is_th && !dom.is_tag(cell, &local_name!("td")) {
                            continue;
                        }
                        all_th &= is_th;
                        let mut run = Run::default();
                        self.inline_children(cell, &mut run);
                        cells.push(run.finish().unwrap_or_default());
                    }
                    header |= all_th && !cells.is_empty();
                    if cells.iter().any(|c| !c.is_empty()) {
                        rows.push(TableRow { header, cells });
                    }
                }
                _ => {}
            }
        }
        if !rows.is_empty() {
            out.push(Block::Table { caption, rows });
        }
    }
}
