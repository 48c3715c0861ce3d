//! Pruning inside the chosen body: share bars, asides, link lists, widget boxes and other
//! furniture that sits among the paragraphs (Readability's `prepArticle`, read-only).

use html5ever::{LocalName, local_name};

use super::score::{Shape, is_block_for_div};
use super::workspace::Workspace;
use super::{Flags, hints, region};
use crate::dom::{Dom, NodeData, NodeId, is_data_table};

/// Fewest elements of one class that make a list of cards.
const MIN_CARDS: usize = 4;

/// Text length under which a share-bar-looking element is dropped.
const SHARE_MAX_CHARS: u32 = 500;

/// Prose that outweighs a negative class name: at least this many characters of long
/// paragraphs, this share of the element's text, under this link density.
const PROSE_MIN_CHARS: u32 = 240;
const PROSE_MIN_SHARE: f32 = 0.5;
const PROSE_MAX_LINK_DENSITY: f32 = 0.2;

/// Drops furniture inside `roots`.
pub(crate) fn clean(ws: &mut Workspace, roots: &[NodeId], title: Option<&str>, shape: &Shape, flags: Flags) {
    let dom = ws.dom();
    let mut ctx = Cleaner { dom, ws, roots, shape, flags };
    let nodes = ctx.visible_elements(roots);
    for &id in &nodes {
        let Some(tag) = dom.tag(id) else { continue };
        let Some(e) = dom.element(id) else { continue };
        let always = match *tag {
            local_name!("aside") => !region::in_sheet(dom, id),
            local_name!("footer")
            | local_name!("link")
            | local_name!("input")
            | local_name!("textarea")
            | local_name!("select")
            | local_name!("button") => true,
            local_name!("object") | local_name!("embed") | local_name!("iframe") => !is_video_embed(e),
            _ => false,
        };
        let share = hints::looks_like_share(e) && ctx.ws.text(id) < SHARE_MAX_CHARS;
        if always || share {
            ctx.ws.drop(id);
        } else if matches!(*tag, local_name!("ul") | local_name!("ol"))
            && !ctx.ws.is_dropped_or_inside(id)
            && region::is_page_toc(ctx.ws, id)
        {
            // The page's own table of contents repeats the headings below it.
            let block = region::toc_block(ctx.ws, id, roots);
            ctx.ws.drop(block);
        }
    }
    for tag in [
        local_name!("form"),
        local_name!("fieldset"),
        local_name!("table"),
        local_name!("ul"),
        local_name!("div"),
    ] {
        ctx.clean_conditionally(&nodes, &tag);
    }
    // Headings with a negative class weight are section furniture ("Related", "Share").
    for &id in &nodes {
        if matches!(dom.tag(id), Some(&local_name!("h1") | &local_name!("h2")))
            && flags.weight_classes
            && dom.element(id).is_some_and(|e| hints::class_weight(e) < 0.0)
        {
            ctx.ws.drop(id);
        }
    }
    // A lone <h2> repeating the title is the page's headline, not a subheading.
    if let Some(title) = title {
        let h2s: Vec<NodeId> = nodes
            .iter()
            .copied()
            .filter(|&n| dom.is_tag(n, &local_name!("h2")) && !ctx.ws.dropped().contains(n))
            .collect();
        if let [h2] = h2s[..] {
            let text = dom.text_content(h2);
            let (a, b) = (text.trim().len() as f32, title.len() as f32);
            if a > 0.0 && (a - b).abs() / b.max(1.0) < 0.5 && super::similarity(title, &text) > 0.75 {
                ctx.ws.drop(h2);
            }
        }
    }
}

struct Cleaner<'a, 'd> {
    dom: &'d Dom,
    ws: &'a mut Workspace<'d>,
    roots: &'a [NodeId],
    shape: &'a Shape,
    flags: Flags,
}

impl Cleaner<'_, '_> {
    /// Elements inside `roots` (roots included), in document order, skipping dropped ones.
    fn visible_elements(&self, roots: &[NodeId]) -> Vec<NodeId> {
        let mut out = Vec::new();
        for &root in roots {
            out.push(root);
            out.extend(self.ws.visible(root));
        }
        out
    }

    /// Readability's `_cleanConditionally`, innermost elements first.
    fn clean_conditionally(&mut self, nodes: &[NodeId], tag: &LocalName) {
        if !self.flags.clean_conditionally {
            return;
        }
        let mut judged: Vec<(&str, NodeId, bool)> = Vec::new();
        for &id in nodes.iter().rev() {
            if !self.dom.is_tag(id, tag) || self.ws.is_dropped_or_inside(id) {
                continue;
            }
            // A text-only div was turned into a paragraph before scoring: not a div here.
            if *tag == local_name!("div") && !self.shape.has_block[id.index()] {
                continue;
            }
            let remove = self.should_remove(id, tag);
            if remove {
                self.ws.drop(id);
            }
            if let Some(class) = self.dom.element(id).map(|e| e.class().trim()).filter(|c| !c.is_empty()) {
                judged.push((class, id, remove));
            }
        }
        self.spare_cards(&mut judged);
    }

    /// Gives the cards of one list one fate: when most elements of a class (at least
    /// [`MIN_CARDS`]) stay, the few that conditional cleaning removed (teasers with a short
    /// excerpt, whose link density runs higher) come back.
    fn spare_cards(&mut self, judged: &mut [(&str, NodeId, bool)]) {
        judged.sort_unstable_by_key(|&(class, id, _)| (class, id));
        for group in judged.chunk_by(|a, b| a.0 == b.0) {
            let removed = group.iter().filter(|g| g.2).count();
            if group.len() < MIN_CARDS || removed == 0 || 2 * removed >= group.len() {
                continue;
            }
            for &(_, id, remove) in group {
                if remove && !self.dom.ancestors(id).any(|a| self.ws.dropped().contains(a)) {
                    self.ws.restore(id);
                }
            }
        }
    }

    fn should_remove(&self, id: NodeId, tag: &LocalName) -> bool {
        let dom = self.dom;
        let Some(e) = dom.element(id) else { return false };
        if dom.ancestors(id).any(|a| dom.is_tag(a, &local_name!("code"))) {
            return false;
        }
        let counts = self.count(id);
        if counts.data_table
            || *tag == local_name!("table")
                && counts.rows > 1
                && counts.cols > 1
                && is_data_table(self.dom, id)
        {
            return false;
        }
        if dom.ancestors(id).any(|a| dom.is_tag(a, &local_name!("table")) && is_data_table(self.dom, a)) {
            return false;
        }
        let text_len = self.ws.text(id);
        let is_list = matches!(*tag, local_name!("ul") | local_name!("ol"))
            || text_len > 0 && counts.list_text as f32 / text_len as f32 > 0.9;
        let weight = if self.flags.weight_classes { hints::class_weight(e) } else { 0.0 };
        if weight < 0.0 && !self.holds_prose(id) {
            return true;
        }
        if self.ws.stats().commas[id.index()] >= 10 {
            return false;
        }
        // Only a short text can be a label: longer ones are not copied out to be compared.
        if text_len <= MAX_AD_LABEL_CHARS && is_ad_or_loading(dom.text_content(id).trim()) {
            return true;
        }
        let p = counts.p as f32;
        let img = counts.img as f32;
        let li = counts.li as f32 - 100.0;
        let link_density = self.ws.stats().link_density(id);
        let heading_density = if text_len == 0 { 0.0 } else { counts.heading_text as f32 / text_len as f32 };
        let in_figure = dom.ancestors(id).any(|a| dom.is_tag(a, &local_name!("figure")));
        let content_len = text_len;
        let remove = (!in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (counts.input as f32 > (p / 3.0).floor())
            || (!is_list
                && !in_figure
                && heading_density < 0.9
                && content_len < 25
                && (counts.img == 0 || counts.img > 2)
                && link_density > 0.0)
            || (!is_list && weight < 25.0 && link_density > 0.2 + self.flags.link_density_modifier)
            || (weight >= 25.0 && link_density > 0.5 + self.flags.link_density_modifier)
            || (counts.embed == 1 && content_len < 75 || counts.embed > 1)
            || (counts.img == 0 && !counts.textish);
        if remove && is_list {
            // Lists of images (every item one image) stay.
            let simple_items = dom.element_children(id).all(|c| dom.element_children(c).count() <= 1);
            if simple_items && counts.img == counts.li {
                return false;
            }
        }
        remove
    }

    /// Whether most of an element's text is running prose (long paragraphs, few links): an
    /// article part whatever its class says (a "media" block of write-ups, a "widget" per
    /// reviewed item), not the furniture a negative class name usually marks.
    fn holds_prose(&self, id: NodeId) -> bool {
        let text = self.ws.text(id);
        if self.ws.stats().link_density(id) >= PROSE_MAX_LINK_DENSITY {
            return false;
        }
        let prose = super::prose_len(self.dom, &[id], self.ws.stats(), self.shape, self.ws.dropped());
        prose >= PROSE_MIN_CHARS && prose as f32 >= PROSE_MIN_SHARE * text as f32 && self.prose_follows(id)
    }

    /// Whether running prose that is still part of the body follows `id` inside its root:
    /// `id` sits among the article's parts, not after them (a disclosure, a sign-off).
    fn prose_follows(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let Some(&root) = self.roots.iter().find(|&&r| dom.ancestors(id).any(|a| a == r)) else {
            return false;
        };
        let mut next = dom.next_after_subtree(root, id);
        while let Some(n) = next {
            let descend = match dom.element(n) {
                Some(e) if !self.ws.dropped().contains(n) && !dom.skips(e) => {
                    match super::paragraph_prose(dom, n, self.ws.stats(), self.shape) {
                        Some(len) if len > 0 => return true,
                        Some(_) => false,
                        None => true,
                    }
                }
                _ => false,
            };
            next = match dom.children(n).next() {
                Some(child) if descend => Some(child),
                _ => dom.next_after_subtree(root, n),
            };
        }
        false
    }

    /// Counts what `_cleanConditionally` looks at, in one walk of the subtree.
    fn count(&self, id: NodeId) -> Counts {
        let dom = self.dom;
        let mut c = Counts::default();
        let mut walk = dom.descendants(id);
        while let Some(n) = walk.next() {
            match &dom.node(n).data {
                NodeData::Element(e) => {
                    if self.ws.dropped().contains(n) || self.dom.skips(e) {
                        walk.skip_subtree(n);
                        continue;
                    }
                    let text = self.ws.text(n);
                    match *e.tag() {
                        local_name!("p") => c.p += 1,
                        // Readability has turned text-only divs into paragraphs by now.
                        local_name!("div") if !self.shape.has_block[n.index()] => c.p += 1,
                        local_name!("img") => c.img += 1,
                        local_name!("li") => c.li += 1,
                        local_name!("input") => c.input += 1,
                        local_name!("object") | local_name!("embed") | local_name!("iframe")
                            if !is_video_embed(e) =>
                        {
                            c.embed += 1
                        }
                        local_name!("h1")
                        | local_name!("h2")
                        | local_name!("h3")
                        | local_name!("h4")
                        | local_name!("h5")
                        | local_name!("h6") => c.heading_text += text,
                        local_name!("ul") | local_name!("ol") => c.list_text += text,
                        local_name!("tr") => {
                            c.rows += 1;
                            c.cols = c.cols.max(dom.element_children(n).count() as u32);
                        }
                        local_name!("table") if is_data_table(self.dom, n) => c.data_table = true,
                        _ => {}
                    }
                    if text > 0 && (is_block_for_div(e.tag()) || is_textish(e.tag())) {
                        c.textish = true;
                    }
                }
                // Inline text directly in a container would have been wrapped in a <p>.
                NodeData::Text(t)
                    if !c.textish
                        && !t.trim().is_empty()
                        && dom.parent(n).and_then(|p| dom.tag(p)).is_some_and(|t| {
                            matches!(*t, local_name!("div") | local_name!("section") | local_name!("article"))
                        }) =>
                {
                    c.textish = true;
                }
                _ => {}
            }
        }
        c
    }
}

#[derive(Default)]
struct Counts {
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
    heading_text: u32,
    list_text: u32,
    rows: u32,
    cols: u32,
    data_table: bool,
    textish: bool,
}

fn is_textish(tag: &LocalName) -> bool {
    matches!(*tag, local_name!("span") | local_name!("li") | local_name!("td"))
}

fn is_video_embed(e: &crate::dom::Element) -> bool {
    const HOSTS: &[&str] = &[
        "youtube.com",
        "youtube-nocookie.com",
        "player.vimeo.com",
        "dailymotion.com",
        "v.qq.com",
        "archive.org/embed",
        "upload.wikimedia.org",
        "player.twitch.tv",
        "bilibili.com",
        "live.bilibili.com",
    ];
    e.attrs.iter().any(|a| HOSTS.iter().any(|h| a.value.contains(h)))
}

/// Most characters of an ad label or a loading placeholder, with trailing dots and spaces:
/// the longest below is "advertisement…".
const MAX_AD_LABEL_CHARS: u32 = 20;

/// Text that is nothing but an ad label or a loading placeholder, in several languages.
fn is_ad_or_loading(text: &str) -> bool {
    let t = text.trim_end_matches(['…', '.']).trim().to_lowercase();
    matches!(
        t.as_str(),
        "ad" | "ads"
            | "advert"
            | "advertising"
            | "advertisement"
            | "pub"
            | "publicité"
            | "werbung"
            | "广告"
            | "реклама"
            | "anuncio"
            | "loading"
            | "正在加载"
            | "загрузка"
            | "chargement"
            | "cargando"
    )
}
