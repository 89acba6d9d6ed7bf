"""HTML: a self-contained, inert document per command, and the pages of ``brief export``.

``renderer`` (the :class:`HtmlRenderer`, one document per output), ``parts`` (a
briefing's pieces: claims, footnotes, contradictions), ``graph`` (the relations among
actors), ``page`` (the document, its policy, and the rules for ids, file names and
links), ``style`` (the stylesheet), ``site`` (an export's pages), ``svg`` (Graphviz's
picture, drawn and sanitised) and ``tree`` (writing them to a folder). Imported only
when HTML is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...faces import public_names

__all__ = ["Drawn", "HtmlRenderer", "draw", "sanitise", "site_pages", "write_tree"]

_WHERE = {
    "Drawn": "site",
    "HtmlRenderer": "renderer",
    "draw": "svg",
    "sanitise": "svg",
    "site_pages": "site",
    "write_tree": "tree",
}

__getattr__ = public_names(__name__, _WHERE)

if TYPE_CHECKING:
    from .renderer import HtmlRenderer
    from .site import Drawn, site_pages
    from .svg import draw, sanitise
    from .tree import write_tree
