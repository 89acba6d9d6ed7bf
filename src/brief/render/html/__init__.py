"""HTML: a self-contained, inert document per command, and the pages of ``brief export``.

``renderer`` (the :class:`HtmlRenderer`, one document per output), ``parts`` (a
briefing's pieces: claims, footnotes, contradictions), ``page`` (the document, its
policy, and the rules for ids, file names and links), ``style`` (the stylesheet),
``site`` (an export's pages) and ``tree`` (writing them to a folder). Imported only
when HTML is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...faces import public_names

__all__ = ["HtmlRenderer", "site_pages", "write_tree"]

_WHERE = {
    "HtmlRenderer": "renderer",
    "site_pages": "site",
    "write_tree": "tree",
}

__getattr__ = public_names(__name__, _WHERE)

if TYPE_CHECKING:
    from .renderer import HtmlRenderer
    from .site import site_pages
    from .tree import write_tree
