//! The html5ever `TreeSink` that fills the [`Dom`] arena, with the size and depth guards.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::TokenSink;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, QualName};

use super::{Dom, Element, Node, NodeData, NodeId, lexer};
use crate::error::{Error, Result};
use crate::work::Budget;

/// Parses `html` into a [`Dom`], failing once the tree passes `max_nodes` nodes or
/// `max_depth` levels of nesting.
///
/// The [`lexer`] tokenizes and html5ever's tree builder builds the tree into this module's
/// sink.
pub(crate) fn parse(html: &str, max_nodes: usize, max_depth: usize) -> Result<Dom> {
    build(&preprocess(html), max_nodes, max_depth).0
}

/// [`parse`] on preprocessed input, with the offsets where the lexer closed a runaway
/// `<title>` (the differential tests hand html5ever a `</title>` there).
fn build(html: &str, max_nodes: usize, max_depth: usize) -> (Result<Dom>, Vec<usize>) {
    // The lexer slices one tendril, whose offsets are `u32`: 4 GiB is the most any input
    // can be (reachable only by raising `Options::max_input_bytes`).
    if html.len() > u32::MAX as usize {
        return (Err(Error::InputTooLarge { size: html.len(), limit: u32::MAX as usize }), Vec::new());
    }
    let input = StrTendril::from_slice(html);
    let builder = TreeBuilder::new(Sink::new(html, max_nodes, max_depth), tree_builder_opts());
    let title_cuts = lexer::run(&input, &builder, || builder.sink.exceeded.borrow().is_some());
    if builder.sink.exceeded.borrow().is_none() {
        builder.end();
    }
    (builder.sink.into_dom(), title_cuts)
}

/// Scripting off, as for a reader without JavaScript: `<noscript>` content is parsed as
/// markup (real `<img>` fallbacks, or the whole text of script-rendered apps).
fn tree_builder_opts() -> TreeBuilderOpts {
    TreeBuilderOpts { scripting_enabled: false, ..TreeBuilderOpts::default() }
}

/// The input stream's preprocessing, done once up front: CRLF and CR become LF, and NUL
/// bytes are dropped (html5ever drops them from text and writes U+FFFD elsewhere; neither
/// belongs in an article), so the lexer never meets either.
fn preprocess(html: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'\r', 0, html.as_bytes()).is_none() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = memchr::memchr2(b'\r', 0, rest.as_bytes()) {
        out.push_str(&rest[..at]);
        let cr = rest.as_bytes()[at] == b'\r';
        rest = &rest[at + 1..];
        if cr {
            out.push('\n');
            if rest.starts_with('\n') {
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Element nesting depth of each node at the time it was attached.
    depth: RefCell<Vec<u32>>,
    limits: (usize, usize),
    exceeded: RefCell<Option<Error>>,
    /// The `<noscript>` elements, whose text decides whether they hold the content.
    noscripts: RefCell<Vec<NodeId>>,
}

impl Sink {
    fn new(html: &str, max_nodes: usize, max_depth: usize) -> Sink {
        let sink = Sink {
            nodes: RefCell::new(Vec::with_capacity(html.len() / 40 + 16)),
            depth: RefCell::new(Vec::with_capacity(html.len() / 40 + 16)),
            limits: (max_nodes, max_depth),
            exceeded: RefCell::new(None),
            noscripts: RefCell::new(Vec::new()),
        };
        sink.push(NodeData::Document);
        sink
    }

    /// The finished tree, or the limit it crossed.
    fn into_dom(self) -> Result<Dom> {
        if let Some(err) = self.exceeded.into_inner() {
            return Err(err);
        }
        let mut dom =
            Dom { nodes: self.nodes.into_inner(), noscript_is_content: false, work: Budget::unlimited() };
        dom.detect_noscript_content(&self.noscripts.into_inner());
        Ok(dom)
    }

    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = NodeId(nodes.len() as u32);
        if nodes.len() >= self.limits.0 {
            *self.exceeded.borrow_mut() = Some(Error::TooManyNodes { limit: self.limits.0 });
        }
        nodes.push(Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        });
        self.depth.borrow_mut().push(0);
        id
    }

    fn detach(&self, id: NodeId) {
        let nodes = &mut *self.nodes.borrow_mut();
        let (parent, prev, next) = {
            let n = &mut nodes[id.index()];
            (n.parent.take(), n.prev_sibling.take(), n.next_sibling.take())
        };
        match next {
            Some(next) => nodes[next.index()].prev_sibling = prev,
            None => {
                if let Some(p) = parent {
                    nodes[p.index()].last_child = prev;
                }
            }
        }
        match prev {
            Some(prev) => nodes[prev.index()].next_sibling = next,
            None => {
                if let Some(p) = parent {
                    nodes[p.index()].first_child = next;
                }
            }
        }
    }

    fn append_child(&self, parent: NodeId, child: NodeId) {
        self.detach(child);
        {
            let nodes = &mut *self.nodes.borrow_mut();
            let last = nodes[parent.index()].last_child;
            nodes[child.index()].parent = Some(parent);
            nodes[child.index()].prev_sibling = last;
            match last {
                Some(l) => nodes[l.index()].next_sibling = Some(child),
                None => nodes[parent.index()].first_child = Some(child),
            }
            nodes[parent.index()].last_child = Some(child);
        }
        self.note_depth(parent, child);
    }

    fn insert_before(&self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let parent = {
            let nodes = &mut *self.nodes.borrow_mut();
            let parent = nodes[sibling.index()].parent;
            let prev = nodes[sibling.index()].prev_sibling;
            nodes[child.index()].parent = parent;
            nodes[child.index()].next_sibling = Some(sibling);
            nodes[child.index()].prev_sibling = prev;
            nodes[sibling.index()].prev_sibling = Some(child);
            match prev {
                Some(p) => nodes[p.index()].next_sibling = Some(child),
                None => {
                    if let Some(par) = parent {
                        nodes[par.index()].first_child = Some(child);
                    }
                }
            }
            parent
        };
        if let Some(parent) = parent {
            self.note_depth(parent, child);
        }
    }

    fn note_depth(&self, parent: NodeId, child: NodeId) {
        let mut depth = self.depth.borrow_mut();
        let d = depth[parent.index()] + 1;
        depth[child.index()] = d;
        if d as usize > self.limits.1 {
            *self.exceeded.borrow_mut() = Some(Error::TooDeep { limit: self.limits.1 });
        }
    }

    /// Appends text, merging with a preceding text node.
    fn append_text(&self, prev: Option<NodeId>, text: StrTendril) -> Option<NodeId> {
        if let Some(prev) = prev {
            if let NodeData::Text(t) = &mut self.nodes.borrow_mut()[prev.index()].data {
                t.push_tendril(&text);
                return None;
            }
        }
        Some(self.push(NodeData::Text(text)))
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        NodeId::DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[target.index()].data {
            NodeData::Element(e) => &e.name,
            // The tree builder only asks for names of nodes it created as elements.
            _ => unreachable!("elem_name called on a non-element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let noscript = name.local == html5ever::local_name!("noscript");
        let id = self.push(NodeData::Element(Element { name, attrs }));
        if noscript {
            self.noscripts.borrow_mut().push(id);
        }
        if flags.template {
            // Template contents live in their own detached fragment right after the element.
            self.push(NodeData::Document);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let node = match child {
            NodeOrText::AppendNode(n) => Some(n),
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[parent.index()].last_child;
                self.append_text(last, text)
            }
        };
        if let Some(n) = node {
            self.append_child(*parent, n);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.nodes.borrow()[element.index()].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        NodeId(target.0 + 1)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let node = match child {
            NodeOrText::AppendNode(n) => Some(n),
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[sibling.index()].prev_sibling;
                self.append_text(prev, text)
            }
        };
        if let Some(n) = node {
            self.insert_before(*sibling, n);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if let NodeData::Element(e) = &mut self.nodes.borrow_mut()[target.index()].data {
            for attr in attrs {
                if !e.attrs.iter().any(|a| a.name == attr.name) {
                    e.attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut next = self.nodes.borrow()[node.index()].first_child;
        while let Some(child) = next {
            next = self.nodes.borrow()[child.index()].next_sibling;
            self.append_child(*new_parent, child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::local_name;

    use html5ever::tendril::TendrilSink;
    use html5ever::{ParseOpts, parse_document};

    /// The reference the lexer is held to: html5ever's own tokenizer feeding the same tree
    /// builder and sink, on the same preprocessed input.
    fn parse_with_html5ever(html: &str, max_nodes: usize, max_depth: usize) -> Result<Dom> {
        let opts = ParseOpts { tree_builder: tree_builder_opts(), ..ParseOpts::default() };
        let html = preprocess(html);
        parse_document(Sink::new(&html, max_nodes, max_depth), opts)
            .one(StrTendril::from_slice(&html))
            .into_dom()
    }

    /// Every node in arena order with its parent and data: two parses agree when these do.
    fn shape(dom: &Dom) -> Vec<String> {
        dom.nodes
            .iter()
            .map(|n| {
                let data = match &n.data {
                    NodeData::Element(e) => {
                        let attrs: Vec<_> =
                            e.attrs.iter().map(|a| format!("{}={:?}", a.name.local, &*a.value)).collect();
                        format!("<{:?} {} {}>", e.name.ns, e.name.local, attrs.join(" "))
                    }
                    NodeData::Text(t) => format!("{:?}", &**t),
                    NodeData::Document => "#document".to_owned(),
                    NodeData::Other => "#other".to_owned(),
                };
                format!("{:?} {data}", n.parent.map(|p| p.0))
            })
            .collect()
    }

    /// Asserts that the fast lexer and html5ever's tokenizer build the same tree, given
    /// html5ever a `</title>` where the lexer closed a runaway title.
    fn assert_same_tree(html: &str) {
        let html = &*preprocess(html);
        let (fast, cuts) = build(html, 10_000_000, 100_000);
        let fast = fast.map(|d| shape(&d));
        let mut closed = String::with_capacity(html.len() + 8 * cuts.len());
        let mut copied = 0;
        for cut in cuts {
            closed.push_str(&html[copied..cut]);
            closed.push_str("</title>");
            copied = cut;
        }
        closed.push_str(&html[copied..]);
        let reference = parse_with_html5ever(&closed, 10_000_000, 100_000).map(|d| shape(&d));
        match (fast, reference) {
            (Ok(fast), Ok(reference)) => {
                if let Some(i) =
                    (0..fast.len().max(reference.len())).find(|&i| fast.get(i) != reference.get(i))
                {
                    panic!(
                        "trees differ at node {i}: lexer {:?}, html5ever {:?}\ninput: {:?}",
                        fast.get(i),
                        reference.get(i),
                        &html[..html.len().min(300)]
                    );
                }
            }
            (fast, reference) => assert_eq!(fast.is_ok(), reference.is_ok(), "input: {html:?}"),
        }
    }

    #[test]
    #[allow(clippy::disallowed_methods, reason = "reads the pages it compares on")]
    fn lexer_builds_html5evers_tree_on_real_pages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = std::env::var_os("LEDE_LEXER_CORPUS").map_or(root.join("benches/pages"), Into::into);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        // The benchmark pages that are also fixtures live with the fixtures.
        if let Ok(shared) = std::fs::read_to_string(dir.join("shared.txt")) {
            paths.extend(
                shared.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| root.join(l)),
            );
        }
        let mut pages = 0;
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            if let Ok(text) = crate::decode::decode(&bytes, None) {
                assert_same_tree(&text);
            }
            pages += 1;
        }
        assert!(pages >= 20);
    }

    /// Pieces of markup that exercise every lexer state and its edges when concatenated.
    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "/",
        "/>",
        "=",
        "\"",
        "'",
        " ",
        "\n",
        "\r",
        "\t",
        "a",
        "B",
        "é",
        "中",
        "<p>",
        "</p>",
        "<div class=x>",
        "</div>",
        "<b>",
        "</b>",
        "<i>",
        "<table>",
        "<tr>",
        "<td>",
        "<li>",
        "<br/>",
        "<img src=a.png alt='x y'>",
        "<a href=\"?a=1&b=2&copy=3&amp;\">",
        "</a>",
        "<title>",
        "</title>",
        "</TITLE foo=bar>",
        "<textarea>",
        "</TEXTAREA >",
        "<style>",
        "</style>",
        "<script>",
        "</script>",
        "<script type=x>",
        "<xmp>",
        "</xmp>",
        "<plaintext>",
        "<noscript>",
        "<pre>",
        "<svg>",
        "</svg>",
        "<math>",
        "<![CDATA[x]]>",
        "<!--",
        "-->",
        "--!>",
        "<!-->",
        "<!--->",
        "<!---->",
        "<!",
        "<?xml ?>",
        "</ x>",
        "</>",
        "<!DOCTYPE html>",
        "<!doctype html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
        "<!DOCTYPE>",
        "&",
        "&amp;",
        "&amp",
        "&lt",
        "&notin;",
        "&notit;",
        "&#",
        "&#x",
        "&#65;",
        "&#x41",
        "&#0;",
        "&#128;",
        "&#x110000;",
        "&#xD800;",
        "&nbsp;",
        "&copy",
        "&copy=",
        "&zz;",
        "<A HREF=X>",
        "<p id=a id=b>",
        "<input value=\"a&quot;b\">",
        "<template>",
        "</template>",
        "<frameset>",
        "<select>",
        "<option>",
        "<head>",
        "<body>",
        "<html>",
        "<form>",
        "<iframe>",
        "<!DOCTYPE html foo>",
        "<!DOCTYPEhtml>",
        "<!DOCTYPE html PUBLIC>",
        "<!doctype html system 'x' y>",
        "<!DOCTYPE html PUBLIC \"a>b\">",
        "<!DOCTYPE html PUBLIC \"-//W3O//DTD W3 HTML Strict 3.0//EN//\">",
        "<listing>",
        "&#10",
        "&#10;",
        "&#x9F;",
        "&NewLine;",
        "&not",
        "<p/>",
        "<b\tc=d/e>",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn lexer_builds_html5evers_tree_on_any_markup(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let html: String = picks.iter().map(|&i| PIECES[i]).collect();
            assert_same_tree(&html);
            assert_same_tree(&format!("\u{feff}{html}"));
        }

        /// Doctypes decide quirks mode, which changes the tree `<p><table>` builds.
        #[test]
        fn lexer_reads_doctypes_as_html5ever_does(
            doctype in "<![dD][oO][cC][tT][yY][pP][eE][ a-zA-Z\"'/.>-]{0,40}"
        ) {
            assert_same_tree(&format!("{doctype}<p><table><td>x</table>"));
        }

        #[test]
        fn lexer_builds_html5evers_tree_on_any_text(html in "[<>/!?=&#;a-zA-Z0-9\"' \\-\\[\\]\n]{0,60}") {
            assert_same_tree(&html);
        }
    }

    /// Only a byte order mark at the very start is dropped. (html5ever's tokenizer also drops
    /// one right after `</script>`, where it resumes; the specification keeps it.)
    #[test]
    fn lexer_drops_only_a_leading_byte_order_mark() {
        let dom = parse("\u{feff}<p>a</p><script></script>\u{feff}b", 1000, 100).unwrap();
        assert_eq!(dom.text_content(dom.body().unwrap()), "a\u{feff}b");
    }

    #[test]
    fn nul_bytes_are_dropped_everywhere() {
        let dom = parse("<p title='a\0b'>c\0d</p><textarea>e\0f</textarea>", 1000, 100).unwrap();
        let body = dom.body().unwrap();
        assert_eq!(dom.text_content(body), "cdef");
        let p = dom.element_children(body).next().unwrap();
        assert_eq!(dom.element(p).unwrap().attr(&local_name!("title")), Some("ab"));
    }

    #[test]
    fn cdata_in_svg_is_text_and_elsewhere_a_comment() {
        let dom = parse("<p><![CDATA[a<b]]></p><svg><![CDATA[c<d]]></svg>", 1000, 100).unwrap();
        let [p, svg] = dom.element_children(dom.body().unwrap()).collect::<Vec<_>>()[..] else {
            panic!("expected <p> and <svg>");
        };
        assert_eq!(dom.text_content(p), "");
        let text: Vec<_> = dom.children(svg).filter_map(|c| dom.text(c)).collect();
        assert_eq!(text, ["c<d"]);
    }

    #[test]
    fn attributes_past_the_cap_are_dropped() {
        let attrs: String = (0..lexer::MAX_ATTRIBUTES + 10).map(|i| format!(" a{i}=x")).collect();
        let dom = parse(&format!("<p{attrs}>text</p>"), 1000, 100).unwrap();
        let p = dom.element_children(dom.body().unwrap()).next().unwrap();
        let e = dom.element(p).unwrap();
        assert_eq!(e.attrs.len(), lexer::MAX_ATTRIBUTES);
        assert_eq!(e.attr_str("a0"), Some("x"));
    }

    /// The document's `<title>` text and its body's text.
    fn title_and_body(html: &str) -> (String, String) {
        assert_same_tree(html);
        let dom = parse(html, 1_000_000, 1000).unwrap();
        let title = dom.descendants(NodeId(0)).find(|&n| dom.is_tag(n, &local_name!("title")));
        (title.map(|t| dom.text_content(t)).unwrap_or_default(), dom.text_content(dom.body().unwrap()))
    }

    #[test]
    fn title_close_tags_in_any_case_or_with_attributes_close_it() {
        for close in ["</title>", "</title >", "</TITLE>", "</Title\n>", "</title foo>", "</title/>"] {
            let html = format!("<html><head><title>News</titles> today{close}</head><body><p>Text</p>");
            assert_eq!(
                title_and_body(&html),
                ("News</titles> today".to_owned(), "Text".to_owned()),
                "{close}"
            );
        }
    }

    #[test]
    fn a_title_never_closed_ends_at_the_first_tag() {
        let html = "<html><head><title>News today\n<meta charset=utf-8></head><body><p>Text</p>";
        assert_eq!(title_and_body(html), ("News today\n".to_owned(), "Text".to_owned()));
        // Opened twice instead of closed: the second title is cut at the body's first tag.
        let html = "<title>News today<title></head><body><p>Text</p>";
        assert_eq!(title_and_body(html).1, "Text");
        // Nothing in it looks like markup: the specification's reading stands.
        assert_eq!(title_and_body("<title>News & more").0, "News & more");
    }

    #[test]
    fn a_title_closed_only_by_a_far_icon_ends_at_the_first_tag() {
        let prose = "<p>Rain fell on the city again today, and the river rose.</p>".repeat(60);
        let html = format!(
            "<title>News today</tilte></head><body>{prose}<svg><title>Search</title></svg><p>End</p>"
        );
        let (title, body) = title_and_body(&html);
        assert_eq!(title, "News today");
        assert!(body.starts_with("Rain fell") && body.ends_with("End"), "{body:.80}");
        // A long title closed in time stays whole.
        let long = format!("<title>{}<b></title><p>Text</p>", "word ".repeat(300));
        assert!(title_and_body(&long).0.ends_with("word <b>"));
    }

    #[test]
    fn many_unclosed_titles_are_read_in_one_pass() {
        // Each title ends at its `<p>`; those after the first sit in the body.
        let html = "<title>a<p>b".repeat(50_000);
        assert_eq!(title_and_body(&html).1, format!("b{}", "ab".repeat(49_999)));
    }

    #[test]
    fn builds_tree_with_merged_text() {
        let dom = parse("<p>a<b>b</b>c</p><p>d &amp; e</p>", 1000, 100).unwrap();
        let body = dom.body().unwrap();
        let ps: Vec<_> = dom.element_children(body).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_content(ps[0]), "abc");
        assert_eq!(dom.text_content(ps[1]), "d & e");
        assert!(dom.is_tag(ps[0], &local_name!("p")));
    }

    #[test]
    fn adoption_agency_keeps_tree_consistent() {
        let dom = parse("<p><b>1<i>2</b>3</i>4</p><table><tr>x<td>y</table>", 1000, 100).unwrap();
        assert_eq!(dom.text_content(dom.body().unwrap()), "1234xy");
    }

    #[test]
    fn depth_and_size_limits_are_errors() {
        let deep = "<div>".repeat(5000);
        assert!(matches!(parse(&deep, 1_000_000, 1000), Err(Error::TooDeep { limit: 1000 })));
        let wide = "<span></span>".repeat(5000);
        assert!(matches!(parse(&wide, 1000, 100), Err(Error::TooManyNodes { limit: 1000 })));
    }
}
