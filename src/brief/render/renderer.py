"""What every output format draws, and the one place a format is chosen by name.

A :class:`Renderer` has one method per kind of view, with the same signature in
every format (``plain``, ``terminal``, ``markdown``, ``json``, ``html``; ``dot`` and ``mermaid``
draw only the graph). :func:`get_renderer`
imports only the chosen format's module, and so rich only for a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from ..corpus.config import GRAPH_FORMATS

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from ..views.claims import Claims
    from ..views.comparison import Comparison, Conflicts
    from ..views.graph import Graph
    from ..views.records import Briefing, Listing, Results
    from ..views.timeline import Timeline
    from ..views.validation import Validation

#: The formats :func:`get_renderer` knows (``auto`` is resolved before, by ``output``).
NAMES = ("plain", "terminal", "markdown", "json", "html", "dot", "mermaid")
#: The formats only ``brief graph`` draws (``--format`` refuses them elsewhere).
GRAPH_ONLY = GRAPH_FORMATS


class Renderer(Protocol):
    """Draws views as text for one destination. Every method returns the whole output."""

    def briefings(self, views: Sequence[Briefing], several: bool = False) -> str:
        """One or more briefings (``brief show`` takes several names), in order;
        *several*: more than one name was asked for, whatever was found (JSON gives an
        array then, even of one briefing: its shape is the question's, not the
        answer's)."""
        ...

    def listing(self, view: Listing) -> str:
        """What ``brief list`` prints."""
        ...

    def comparison(self, view: Comparison) -> str:
        """What ``brief compare`` prints."""
        ...

    def conflicts(self, view: Conflicts) -> str:
        """What ``brief conflicts`` prints."""
        ...

    def results(self, view: Results) -> str:
        """What ``brief search`` prints."""
        ...

    def validation(self, view: Validation) -> str:
        """What ``brief validate`` prints on stdout (its closing line goes to stderr)."""
        ...

    def claims(self, view: Claims) -> str:
        """What ``brief claims`` prints."""
        ...

    def timeline(self, view: Timeline) -> str:
        """What ``brief timeline`` prints."""
        ...

    def graph(self, view: Graph) -> str:
        """What ``brief graph`` prints: the relations among actors."""
        ...


def get_renderer(name: str, width: int | None = None, colour: bool = True) -> Renderer:
    """The renderer for format *name*, laying out to *width* (default: the terminal's,
    and for plain text at most ``plain.MAX_WIDTH``; a *width* given is kept as given);
    the terminal's without colour when *colour* is False."""
    if name == "plain":
        from .plain import MAX_WIDTH, PlainRenderer

        return PlainRenderer(min(terminal_width(), MAX_WIDTH) if width is None else width)
    width = terminal_width() if width is None else width
    if name == "terminal":
        from .terminal import TerminalRenderer

        return TerminalRenderer(width, colour)
    if name == "markdown":
        from .markdown import MarkdownRenderer

        return MarkdownRenderer()
    if name == "json":
        from .jsondoc import JsonRenderer

        return JsonRenderer()
    if name == "html":
        from .html.renderer import HtmlRenderer

        return HtmlRenderer()
    if name in GRAPH_ONLY:
        from .graphonly import GraphOnlyRenderer

        return GraphOnlyRenderer(name)
    raise ValueError(f"unknown format {name!r} (expected one of {', '.join(NAMES)})")


def terminal_width() -> int:
    """``COLUMNS``, else the terminal's width, else 80 (``shutil`` would cost 1 ms to import)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
        if columns > 0:
            return columns
    except ValueError:
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
