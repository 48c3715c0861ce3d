//! Python arguments to [`Page`]s: which objects are accepted as a page and its details.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString, PyTuple};

use crate::core::Page;

/// A page's Python object and details, held so that its bytes can be borrowed, not copied,
/// while the GIL is released.
pub(crate) struct Resolved<'py> {
    /// The HTML or text: `bytes`, `bytearray` or `str`.
    pub(crate) html: Bound<'py, PyAny>,
    /// The page's address.
    pub(crate) url: Option<String>,
    /// The HTTP `Content-Type`.
    pub(crate) content_type: Option<String>,
    /// Whether `html` is a pasted plain-text copy.
    pub(crate) text: bool,
}

impl<'py> Resolved<'py> {
    /// One item of `extract_many`: HTML, an `(html, url)` tuple, or a dict with `html` or
    /// `text`, and optionally `url` and `content_type`.
    pub(crate) fn from_item(item: &Bound<'py, PyAny>) -> PyResult<Self> {
        if let Ok(tuple) = item.cast::<PyTuple>() {
            let (html, url) = tuple.extract::<(Bound<'py, PyAny>, Option<String>)>()?;
            return Ok(Resolved { html, url, content_type: None, text: false });
        }
        if let Ok(dict) = item.cast::<PyDict>() {
            let field = |name: &str| -> PyResult<Option<String>> {
                dict.get_item(name)?.filter(|v| !v.is_none()).map(|v| v.extract()).transpose()
            };
            let (html, text) = match (dict.get_item("html")?, dict.get_item("text")?) {
                (Some(html), None) => (html, false),
                (None, Some(text)) => (text, true),
                _ => {
                    return Err(PyTypeError::new_err(
                        "a dict item needs exactly one of the keys \"html\" and \"text\"",
                    ));
                }
            };
            return Ok(Resolved { html, url: field("url")?, content_type: field("content_type")?, text });
        }
        Ok(Resolved { html: item.clone(), url: None, content_type: None, text: false })
    }
}

/// The page for `resolved`, borrowing the bytes of a `bytes` object.
pub(crate) fn page<'a>(resolved: &'a Resolved<'_>) -> PyResult<Page<'a>> {
    let html = &resolved.html;
    let body = if let Ok(bytes) = html.cast::<PyBytes>() {
        Cow::Borrowed(bytes.as_bytes())
    } else if let Ok(string) = html.cast::<PyString>() {
        Cow::Owned(string.to_cow()?.into_owned().into_bytes())
    } else if let Ok(array) = html.cast::<PyByteArray>() {
        Cow::Owned(array.to_vec())
    } else {
        let kind = html.get_type().name()?;
        return Err(PyTypeError::new_err(format!("a page must be bytes or str, not {kind}")));
    };
    Ok(Page {
        body,
        url: resolved.url.clone(),
        content_type: resolved.content_type.clone(),
        text: resolved.text,
    })
}
