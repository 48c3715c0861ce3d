//! Data tables versus layout tables, a question both content selection and the block
//! tree ask.

use html5ever::local_name;

use super::{Dom, NodeId};

/// Whether a `<table>` holds data rather than page layout (after Readability's
/// heuristics: explicit markers first, then nesting and size).
pub(crate) fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    let Some(e) = dom.element(table) else { return false };
    if e.attr(&local_name!("role")) == Some("presentation") || e.attr_str("datatable") == Some("0") {
        return false;
    }
    if e.attr(&local_name!("summary")).is_some_and(|s| !s.is_empty()) {
        return true;
    }
    let (mut rows, mut cols) = (0usize, 0usize);
    for n in dom.descendants(table) {
        match dom.tag(n) {
            Some(&local_name!("table")) => return false,
            Some(
                &local_name!("caption")
                | &local_name!("thead")
                | &local_name!("tfoot")
                | &local_name!("colgroup")
                | &local_name!("col")
                | &local_name!("th"),
            ) => return true,
            Some(&local_name!("tr")) => {
                rows += 1;
                cols = cols.max(dom.element_children(n).count());
            }
            _ => {}
        }
    }
    if rows <= 1 || cols <= 1 {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}
