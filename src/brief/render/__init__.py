"""Renderers: each lays out the same view records for one destination.

``plain`` (pipes, ``NO_COLOR``), ``terminal`` (rich), ``markdown``, ``jsondoc`` and
``html`` (a package, which also makes ``brief export``'s pages), each a
:class:`Renderer` (``renderer``: one method per kind of view); ``get_renderer`` picks
one by name and ``output`` writes and pages; ``progress`` shows a long load's progress
on stderr. Only ``terminal`` and ``progress`` (once it shows) import rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..faces import public_names

__all__ = [
    "Draw",
    "FileProgress",
    "Renderer",
    "destination",
    "emit",
    "get_renderer",
    "page",
    "render",
    "terminal_width",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py).
_WHERE = {
    "Renderer": "renderer",
    "get_renderer": "renderer",
    "terminal_width": "renderer",
    "Draw": "output",
    "destination": "output",
    "render": "output",
    "emit": "output",
    "page": "output",
    "FileProgress": "progress",
}


__getattr__ = public_names(__name__, _WHERE)


if TYPE_CHECKING:
    from .output import Draw, destination, emit, page, render
    from .progress import FileProgress
    from .renderer import Renderer, get_renderer, terminal_width
