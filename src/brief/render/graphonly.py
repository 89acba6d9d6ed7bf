"""The formats only ``brief graph`` draws: Graphviz DOT and Mermaid.

``--format`` offers them to ``brief graph`` alone (``cli.context``); asked for any other
view, this renderer says so rather than drawing something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from ..views.claims import Claims
    from ..views.comparison import Comparison, Conflicts
    from ..views.graph import Graph
    from ..views.records import Briefing, Listing, Results
    from ..views.timeline import Timeline
    from ..views.validation import Validation


class GraphOnlyRenderer:
    """DOT (``dot``) or Mermaid (``mermaid``): a graph language, for ``brief graph`` only."""

    def __init__(self, name: str) -> None:
        self.name = name

    def graph(self, view: Graph) -> str:
        from .graphs import dot, mermaid

        return dot(view) if self.name == "dot" else mermaid(view)

    def _refuse(self) -> NoReturn:
        raise ValueError(f"format {self.name!r} draws only 'brief graph'")

    def briefings(self, views: Sequence[Briefing], several: bool = False) -> str:
        self._refuse()

    def listing(self, view: Listing) -> str:
        self._refuse()

    def comparison(self, view: Comparison) -> str:
        self._refuse()

    def conflicts(self, view: Conflicts) -> str:
        self._refuse()

    def results(self, view: Results) -> str:
        self._refuse()

    def validation(self, view: Validation) -> str:
        self._refuse()

    def claims(self, view: Claims) -> str:
        self._refuse()

    def timeline(self, view: Timeline) -> str:
        self._refuse()
