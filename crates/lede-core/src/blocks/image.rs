//! Images and figures: the real URL behind lazy-loading markup, captions and credits.

use html5ever::local_name;

use super::Builder;
use super::inline::Run;
use crate::dom::{Element, NodeData, NodeId};
use crate::links::resolve;
use crate::model::{Block, Image};
use crate::text::collapse_ws;

/// Attributes lazy loaders put the real address in, most specific first.
const LAZY_SRC: &[&str] =
    &["data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-lazy"];
const LAZY_SRCSET: &[&str] = &["data-srcset", "data-lazy-srcset", "srcset"];

/// The best candidate of a `srcset`: the widest (or highest density) entry.
fn best_of_srcset(srcset: &str) -> Option<&str> {
    srcset
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split_whitespace();
            let url = parts.next()?;
            let size =
                parts.next().and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f32>().ok()).unwrap_or(1.0);
            Some((url, size))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(url, _)| url)
}

fn is_placeholder(src: &str) -> bool {
    let s = src.trim();
    s.is_empty()
        || s.starts_with("data:")
        || s.contains("blank.gif")
        || s.contains("spacer.gif")
        || s.contains("pixel.gif")
}

/// The real address of an `<img>` (or `<source>`), looking through lazy-loading attributes.
fn img_src(e: &Element) -> Option<&str> {
    let src = e.attr(&local_name!("src")).filter(|s| !is_placeholder(s));
    LAZY_SRC
        .iter()
        .filter_map(|a| e.attr_str(a))
        .find(|s| !is_placeholder(s))
        .or_else(|| LAZY_SRCSET.iter().filter_map(|a| e.attr_str(a)).find_map(best_of_srcset))
        .or(src)
}

fn dimension(e: &Element, name: &html5ever::LocalName) -> Option<u32> {
    e.attr(name).and_then(|v| v.trim().trim_end_matches("px").parse().ok())
}

impl<'a> Builder<'a> {
    /// The image of an `<img>` or `<picture>` element (or the first one inside `id`).
    pub(super) fn image(&self, id: NodeId) -> Option<Image> {
        let dom = self.dom;
        let img =
            std::iter::once(id).chain(dom.descendants(id)).find(|&n| dom.is_tag(n, &local_name!("img")));
        let mut src = img.and_then(|i| dom.element(i)).and_then(img_src);
        if src.is_none() {
            // <picture><source srcset> without a usable <img>.
            src = dom
                .descendants(id)
                .filter(|&n| dom.is_tag(n, &local_name!("source")))
                .filter_map(|n| dom.element(n))
                .find_map(|e| LAZY_SRCSET.iter().filter_map(|a| e.attr_str(a)).find_map(best_of_srcset));
        }
        if src.is_none() {
            // A lazy placeholder with the real <img> in a neighbouring <noscript>.
            let parent = dom.parent(id)?;
            src = self.noscript_src(id).or_else(|| self.sibling_noscript_src(parent));
        }
        let url = resolve(self.base, src?)?;
        let e = img.and_then(|i| dom.element(i));
        Some(Image {
            url,
            alt: e.and_then(|e| e.attr(&local_name!("alt"))).map(collapse_ws).filter(|a| !a.is_empty()),
            width: e.and_then(|e| dimension(e, &local_name!("width"))),
            height: e.and_then(|e| dimension(e, &local_name!("height"))),
            ..Image::default()
        })
    }

    /// The first usable image address inside `<noscript>` element `id` (none if `id` is
    /// something else).
    fn noscript_src(&self, id: NodeId) -> Option<&'a str> {
        let dom = self.dom;
        if !dom.is_tag(id, &local_name!("noscript")) {
            return None;
        }
        dom.descendants(id)
            .filter(|&n| dom.is_tag(n, &local_name!("img")))
            .find_map(|n| dom.element(n).and_then(img_src))
    }

    /// The first usable image address inside the `<noscript>` children of `parent`, found
    /// once per parent (see [`Builder::noscript_srcs`]).
    fn sibling_noscript_src(&self, parent: NodeId) -> Option<&'a str> {
        if let Some(&src) = self.noscript_srcs.borrow().get(&parent) {
            return src;
        }
        let src = self.dom.children(parent).find_map(|n| self.noscript_src(n));
        self.noscript_srcs.borrow_mut().insert(parent, src);
        src
    }

    /// An image met among a container's children: ends the text run and becomes a figure.
    /// The paragraph break happens whether or not images are kept, so that
    /// [`Options::images`](crate::Options::images) never changes the text.
    pub(super) fn image_in_run(&self, id: NodeId, run: &mut Run, out: &mut Vec<Block>) {
        if let Some(image) = self.image(id) {
            run.flush_into(out);
            if self.options.images {
                out.push(Block::Figure { image });
            }
        }
    }

    /// A `<figure>`: its image with caption and credit. The caption belongs to the figure
    /// block, never to the prose: with images off it goes with its image, so
    /// [`Options::images`](crate::Options::images) never changes `text`. A figure without an
    /// image (a quotation, a code listing, an embed) is read as ordinary content.
    pub(super) fn figure(&self, id: NodeId, out: &mut Vec<Block>) {
        let dom = self.dom;
        let Some(mut image) = self.image(id) else {
            self.container_children(id, out);
            return;
        };
        if !self.options.images {
            return;
        }
        let caption_node = dom
            .descendants(id)
            .find(|&n| dom.is_tag(n, &local_name!("figcaption")) && !self.selection.dropped.contains(n));
        (image.caption, image.credit) = caption_node.map(|c| self.caption_and_credit(c)).unwrap_or_default();
        out.push(Block::Figure { image });
    }

    /// Splits a caption element into the caption proper and the photo credit, which pages
    /// mark with a class such as `credit`, `copyright` or `photographer`.
    fn caption_and_credit(&self, caption: NodeId) -> (Option<String>, Option<String>) {
        let dom = self.dom;
        let credit = dom.descendants(caption).find(|&n| {
            dom.element(n).is_some_and(|e| {
                let names = format!("{} {}", e.class(), e.id()).to_ascii_lowercase();
                ["credit", "copyright", "photographer", "byline", "source", "attribution"]
                    .iter()
                    .any(|k| names.contains(k))
            })
        });
        let mut text = String::new();
        let mut walk = dom.descendants(caption);
        while let Some(n) = walk.next() {
            if Some(n) == credit {
                walk.skip_subtree(n);
                continue;
            }
            if let NodeData::Text(t) = &dom.node(n).data {
                text.push_str(t);
                text.push(' ');
            }
        }
        let some = |s: String| Some(s).filter(|s| !s.is_empty());
        (some(collapse_ws(&text)), credit.and_then(|c| some(collapse_ws(&dom.text_content(c)))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Input, Options, extract, render};

    const PROSE: &str = "<p>The council met on Tuesday to weigh the plan for the river, which floods \
        most springs and has cost the town dearly over the last ten years of repairs.</p>";

    fn page(inner: &str) -> String {
        format!("<html><body><article><h1>Floods</h1>{PROSE}{inner}{PROSE}</article></body></html>")
    }

    #[test]
    fn captions_and_credits_stay_with_their_figure() {
        let html = page(
            "<figure><img src='https://example.com/r.jpg'><figcaption>The river in May. \
             <span class='credit'>Photo: Jo Bloggs</span></figcaption></figure>",
        );
        let article = extract(Input::new(html.as_bytes()), &Options::default()).unwrap();
        assert!(!article.text.contains("river in May"), "caption in text: {}", article.text);
        assert!(!article.text.contains("Bloggs"), "credit in text: {}", article.text);
        assert_eq!(article.images[0].caption.as_deref(), Some("The river in May."));
        assert_eq!(article.images[0].credit.as_deref(), Some("Photo: Jo Bloggs"));
        assert!(render(&article, Format::Markdown).contains("*The river in May. Photo: Jo Bloggs*"));
        assert!(render(&article, Format::Html).contains("The river in May."));
        let without =
            extract(Input::new(html.as_bytes()), &Options { images: false, ..Options::default() }).unwrap();
        assert_eq!(without.text, article.text);
    }

    #[test]
    fn a_figure_without_an_image_is_content() {
        let html = page(
            "<figure><blockquote><p>We will rebuild the bridge before winter comes.</p></blockquote>\
             <figcaption>The mayor</figcaption></figure>",
        );
        let article = extract(Input::new(html.as_bytes()), &Options::default()).unwrap();
        assert!(article.text.contains("We will rebuild the bridge"), "{}", article.text);
    }

    #[test]
    fn srcset_picks_widest() {
        assert_eq!(best_of_srcset("a.jpg 320w, b.jpg 1024w, c.jpg 640w"), Some("b.jpg"));
        assert_eq!(best_of_srcset("a.jpg, b.jpg 2x"), Some("b.jpg"));
    }
}
