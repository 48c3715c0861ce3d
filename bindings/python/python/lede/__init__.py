"""Lede: turn news and web pages into clean, structured articles.

>>> import lede
>>> article = lede.extract(b"<html>...</html>", url="https://example.com/a")
>>> article["title"], article["text"]

``extract`` takes a page's HTML as bytes (the charset is sniffed as the ``lede`` CLI does)
or str; ``extract_text`` takes a pasted plain-text copy; ``extract_many`` extracts a batch
in parallel with the GIL released. The default ``format="json"`` returns the article as a
dict with the same keys and values as the CLI's JSON; ``"text"``, ``"markdown"`` and
``"html"`` return the rendered string.

Every call is bounded in memory and time by the core's limits (32 MiB of input, 2,000,000
DOM nodes, nesting 1,024 deep): a page past one raises ``LedeError``, a ``ValueError``,
rather than hanging a worker.
"""

from lede._lede import LedeError, __version__, extract, extract_many, extract_text

__all__ = ["LedeError", "__version__", "extract", "extract_many", "extract_text"]
