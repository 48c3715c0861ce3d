//! What schema.org types declare a page to be, read alike from JSON-LD and microdata.

/// What a page's structured data (JSON-LD, microdata) declares it to be. Unlike
/// `og:type`, which many CMSs set to `article` on every page, these types are chosen for the
/// page, so they can overrule its prose when telling articles from other pages.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Structured {
    /// An article type (news, blog post, report, review).
    pub(crate) article: bool,
    /// A forum thread or a question with its answers (`DiscussionForumPosting`, `QAPage`).
    pub(crate) discussion: bool,
    /// Something sold: a product or an offer, one or many.
    pub(crate) commerce: bool,
    /// Questions with their answers, written by the site (`FAQPage`).
    pub(crate) faq: bool,
    /// Whether the JSON-LD dates only the page (a `WebPage`'s `datePublished`), with no
    /// article or other item: CMSs stamp every page so, service pages as much as posts.
    pub(crate) page_dated: bool,
}

/// Whether a type names a written article (news, analysis, blog post, report), as
/// opposed to a product, recipe or forum post.
pub(super) fn is_news_or_blog(t: &str) -> bool {
    t.ends_with("Article") || matches!(t, "ReportageNews" | "BlogPosting" | "LiveBlogPosting" | "Report")
}
