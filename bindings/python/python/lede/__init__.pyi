"""Type stubs for the ``lede`` package (the compiled ``lede._lede`` module)."""

from typing import Any, Iterable, Literal, Mapping, Optional, Tuple, Union, overload

__version__: str

Focus = Literal["balanced", "precision", "recall"]
Page = Union[bytes, bytearray, str]
Item = Union[Page, Tuple[Page, Optional[str]], Mapping[str, Any]]

class LedeError(ValueError):
    """The input is not a document Lede can read: binary data, or past a size, node or
    nesting limit."""

@overload
def extract(
    html: Page,
    url: Optional[str] = None,
    *,
    content_type: Optional[str] = None,
    format: Literal["json"] = "json",
    focus: Focus = "balanced",
    images: bool = True,
    links: bool = True,
    tables: bool = True,
    comments: bool = False,
) -> dict[str, Any]: ...
@overload
def extract(
    html: Page,
    url: Optional[str] = None,
    *,
    content_type: Optional[str] = None,
    format: Literal["text", "markdown", "html", "pasted"],
    focus: Focus = "balanced",
    images: bool = True,
    links: bool = True,
    tables: bool = True,
    comments: bool = False,
) -> str: ...
@overload
def extract_text(
    text: Page,
    url: Optional[str] = None,
    *,
    format: Literal["json"] = "json",
    focus: Focus = "balanced",
    images: bool = True,
    links: bool = True,
    tables: bool = True,
    comments: bool = False,
) -> dict[str, Any]: ...
@overload
def extract_text(
    text: Page,
    url: Optional[str] = None,
    *,
    format: Literal["text", "markdown", "html", "pasted"],
    focus: Focus = "balanced",
    images: bool = True,
    links: bool = True,
    tables: bool = True,
    comments: bool = False,
) -> str: ...
@overload
def extract_many(
    items: Iterable[Item],
    jobs: Optional[int] = None,
    *,
    format: Literal["json"] = "json",
    focus: Focus = "balanced",
    images: bool = True,
    links: bool = True,
    tables: bool = True,
    comments: bool = False,
) -> list[Union[dict[str, Any], LedeError]]: ...
@overload
def extract_many(
    items: Iterable[Item],
    jobs: Optional[int] = None,
    *,
    format: Literal["text", "markdown", "html", "pasted"],
    focus: Focus = "balanced",
    images: bool = True,
    links: bool = True,
    tables: bool = True,
    comments: bool = False,
) -> list[Union[str, LedeError]]: ...
