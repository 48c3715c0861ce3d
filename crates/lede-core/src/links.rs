//! Addresses found in a page (links, image sources, canonical and author URLs) resolved
//! against its base URL.

use url::Url;

/// Resolves `href` against `base`, whatever its scheme; without a base an absolute URL is
/// normalised and a relative one kept as written. `None` only for an empty or unjoinable
/// `href`. The body keeps links and images as the page wrote them.
pub(crate) fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    match base {
        Some(b) => b.join(href).ok().map(Into::into),
        // Without a base, keep a relative address as written rather than lose it.
        None => Some(Url::parse(href).map_or_else(|_| href.to_owned(), Into::into)),
    }
}

/// Like [`resolve`], but refuses `data:` and `javascript:` addresses: metadata reports
/// where something lives (a canonical page, an author, a lead image), and an inline
/// payload or a script is not a place.
pub(crate) fn resolve_fetchable(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.starts_with("data:") || href.starts_with("javascript:") {
        return None;
    }
    resolve(base, href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_addresses_join_the_base_or_stay_as_written() {
        let base = Url::parse("https://example.com/news/a.html").expect("test URL parses");
        assert_eq!(resolve(Some(&base), " b.jpg ").as_deref(), Some("https://example.com/news/b.jpg"));
        assert_eq!(resolve(None, "b.jpg").as_deref(), Some("b.jpg"));
        assert_eq!(resolve(None, "HTTPS://Example.com").as_deref(), Some("https://example.com/"));
        assert_eq!(resolve(Some(&base), "  "), None);
    }

    #[test]
    fn only_fetchable_addresses_refuse_inline_payloads_and_scripts() {
        for href in ["data:image/gif;base64,R0lGOD", " javascript:void(0)"] {
            assert!(resolve(None, href).is_some());
            assert_eq!(resolve_fetchable(None, href), None);
        }
        assert_eq!(resolve_fetchable(None, "/a").as_deref(), Some("/a"));
    }
}
