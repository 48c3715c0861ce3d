//! `lede._lede`, the compiled half of the `lede` Python package: `extract`, `extract_text`,
//! `extract_many` and `LedeError`, over the core calls in [`core`].
//!
//! Every extraction runs with the GIL released, so other Python threads go on meanwhile,
//! and `extract_many` spreads a batch over rayon's threads. The Python-side docs and type
//! stubs live in `python/lede/`.

mod core;
mod pages;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

use lede_core::Format;

use crate::core::{Flags, Page};
use crate::pages::{Resolved, page};

pyo3::create_exception!(
    lede,
    LedeError,
    PyValueError,
    "The input is not a document Lede can read: binary data, or past a size, node or nesting limit."
);

/// Extracts the article from an HTML page (bytes, charset sniffed as the CLI does, or str).
///
/// Returns the article as a dict with the CLI's JSON keys (`format="json"`), or rendered as
/// `"text"`, `"markdown"` or `"html"`. A `content_type` of `text/plain` reads the input as a
/// pasted article, as `extract_text` does. Raises `LedeError` on input that is not a
/// document or passes a limit.
#[pyfunction]
#[pyo3(signature = (html, url=None, *, content_type=None, format="json", focus="balanced",
    images=true, links=true, tables=true, comments=false))]
#[expect(clippy::too_many_arguments, reason = "Python keyword arguments, mirroring the CLI's flags")]
fn extract<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<String>,
    content_type: Option<String>,
    format: &str,
    focus: &str,
    images: bool,
    links: bool,
    tables: bool,
    comments: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let flags = Flags { focus, images, links, tables, comments };
    let resolved = Resolved { html: html.clone(), url, content_type, text: false };
    one(py, &resolved, &flags, format)
}

/// Extracts the article from a pasted plain-text copy (title line, byline, paragraphs).
///
/// Returns a dict (`format="json"`) or the rendered string, as `extract` does.
#[pyfunction]
#[pyo3(signature = (text, url=None, *, format="json", focus="balanced",
    images=true, links=true, tables=true, comments=false))]
#[expect(clippy::too_many_arguments, reason = "Python keyword arguments, mirroring the CLI's flags")]
fn extract_text<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    url: Option<String>,
    format: &str,
    focus: &str,
    images: bool,
    links: bool,
    tables: bool,
    comments: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let flags = Flags { focus, images, links, tables, comments };
    let resolved = Resolved { html: text.clone(), url, content_type: None, text: true };
    one(py, &resolved, &flags, format)
}

/// Extracts many pages in parallel (`jobs` threads; default: one per core), with the GIL
/// released, and returns one result per item in input order.
///
/// An item is HTML as bytes or str, an `(html, url)` tuple, or a dict with `html` (or `text`
/// for a pasted copy) and optionally `url` and `content_type`. A page that fails does not
/// stop the batch: its slot holds the `LedeError` instance instead of a result.
#[pyfunction]
#[pyo3(signature = (items, jobs=None, *, format="json", focus="balanced",
    images=true, links=true, tables=true, comments=false))]
#[expect(clippy::too_many_arguments, reason = "Python keyword arguments, mirroring the CLI's flags")]
fn extract_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    format: &str,
    focus: &str,
    images: bool,
    links: bool,
    tables: bool,
    comments: bool,
) -> PyResult<Bound<'py, PyList>> {
    let flags = Flags { focus, images, links, tables, comments };
    let format = core::parse_format(format).map_err(PyValueError::new_err)?;
    let options = core::options(&flags).map_err(PyValueError::new_err)?;
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let resolved = items.try_iter()?.map(|item| Resolved::from_item(&item?)).collect::<PyResult<Vec<_>>>()?;
    let pages = resolved.iter().map(page).collect::<PyResult<Vec<Page<'_>>>>()?;
    let results = py.detach(|| {
        let work = || pages.par_iter().map(|p| core::run(p, &options, format)).collect::<Vec<_>>();
        match jobs {
            None => Ok(work()),
            Some(n) => rayon::ThreadPoolBuilder::new().num_threads(n).build().map(|pool| pool.install(work)),
        }
    });
    let results =
        results.map_err(|e| PyRuntimeError::new_err(format!("cannot start {jobs:?} threads: {e}")))?;
    let list = PyList::empty(py);
    for result in results {
        match result {
            Ok(out) => list.append(to_python(py, format, out)?)?,
            Err(message) => list.append(LedeError::new_err(message).into_value(py))?,
        }
    }
    Ok(list)
}

/// Extracts one page with the GIL released and converts the result.
fn one<'py>(
    py: Python<'py>,
    resolved: &Resolved<'py>,
    flags: &Flags<'_>,
    format: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let format = core::parse_format(format).map_err(PyValueError::new_err)?;
    let options = core::options(flags).map_err(PyValueError::new_err)?;
    let page = page(resolved)?;
    let out = py.detach(|| core::run(&page, &options, format)).map_err(LedeError::new_err)?;
    to_python(py, format, out)
}

/// A rendered article as a Python object: JSON becomes a dict through Python's own `json`,
/// so keys and values are exactly the CLI's; the other formats are strings.
fn to_python(py: Python<'_>, format: Format, out: String) -> PyResult<Bound<'_, PyAny>> {
    match format {
        Format::Json => {
            py.import(pyo3::intern!(py, "json"))?.getattr(pyo3::intern!(py, "loads"))?.call1((out,))
        }
        _ => Ok(PyString::new(py, &out).into_any()),
    }
}

/// The `lede._lede` module.
#[pymodule]
fn _lede(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_text, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add("LedeError", m.py().get_type::<LedeError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
