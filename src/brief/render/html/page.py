"""The HTML document shell and the rules every piece of HTML follows.

Corpus text is untrusted: :func:`esc` escapes it (quotes too, so it is safe in an
attribute), :func:`anchor` makes an id from it that is safe in an ``id`` and a URL
fragment, and :func:`web_url` lets only an ``http``/``https`` address become a link.
The document carries a Content-Security-Policy that allows nothing but its own inline
stylesheet (by hash): no scripts, no fetches, no images, no forms, no ``<base>``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .style import CSS, CSS_SHA256

#: Characters kept as they are in an anchor or a file name; anything else is encoded.
_KEPT = re.compile(r"[^a-z0-9-]")
#: Longest encoded id kept whole in a file name (file systems allow 255 bytes).
_LONGEST = 120


def esc(text: str) -> str:
    """*text* as HTML text or attribute value: ``& < > " '`` escaped."""
    return html.escape(text, quote=True)


def encode(ident: str) -> str:
    """*ident* as ``[a-z0-9-_]`` only, one to one: any other character (``_`` included)
    becomes ``_hex_``, so two different ids never give the same name."""
    return _KEPT.sub(lambda m: f"_{ord(m.group()):x}_", ident) or "_"


def anchor(prefix: str, ident: str) -> str:
    """An element id for *ident*: ``claim-port-dues`` (safe in ``id=`` and after ``#``)."""
    return f"{prefix}-{encode(ident)}"


def page_name(kind: str, ident: str) -> str:
    """The export's file for an entry: ``topic-sanctions.html``; a long id is cut and
    given a digest of the whole, so names stay short and distinct."""
    name = encode(ident)
    if len(name) > _LONGEST:
        from hashlib import sha256

        name = f"{name[:64]}-{sha256(ident.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
    return f"{kind}-{name}.html"


def web_url(url: str) -> str | None:
    """*url* when it is an ``http`` or ``https`` address a link may point to; else None
    (``javascript:``, ``data:``, ``file:`` and relative addresses stay text)."""
    scheme, sep, rest = url.strip().partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest or url != url.strip():
        return None
    if any(c.isspace() or ord(c) < 0x20 for c in url):
        return None
    return url


def external(url: str) -> str:
    """*url* as a link when it is a web address (see :func:`web_url`), else as text."""
    target = web_url(url)
    if target is None:
        return esc(url)
    return (
        f'<a class="external" href="{esc(target)}" rel="noopener noreferrer nofollow">'
        f"{esc(url)}</a>"
    )


#: The Content-Security-Policy: the inline stylesheet (by its hash) and nothing else.
POLICY = f"default-src 'none'; style-src 'sha256-{CSS_SHA256}'; base-uri 'none'; form-action 'none'"


def document(title: str, body: str, nav: str = "") -> str:
    """A whole HTML5 document: *title* (escaped here) and *body* (HTML, escaped by its
    maker), with *nav* (HTML) above it."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="brief">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{nav}<main>\n{body}</main>\n</body>\n</html>\n"
    )


#: Where a link to an entry or a claim goes: its href, or None for no link.
EntryHref = Callable[[str, str], "str | None"]


#: The export's page of the relations among actors.
GRAPH = "graph.html"


class Links:
    """Where a document's links go beyond itself. A lone document (``--format html``)
    links nowhere else; an export's pages link to each other by relative file names."""

    def __init__(self, site: bool = False, graphed: frozenset[str] = frozenset()) -> None:
        self.site = site
        """Whether the document is a page of an export (``brief export``)."""
        self.graphed = graphed
        """The actors with a section of their own on the export's graph page."""

    def graph(self, actor: str) -> str | None:
        """Where the graph page shows *actor*'s relations; None outside an export."""
        if not self.site:
            return None
        return f"{GRAPH}#{anchor('relations', actor)}" if actor in self.graphed else GRAPH

    def entry(self, kind: str, ident: str) -> str | None:
        """The page of the topic, actor or source *ident*; None outside an export."""
        return page_name(kind, ident) if self.site else None

    def claim(self, topic: str, ident: str) -> str | None:
        """The claim *ident* where its topic's page shows it; None outside an export."""
        return f"{page_name('topic', topic)}#{anchor('claim', ident)}" if self.site else None
