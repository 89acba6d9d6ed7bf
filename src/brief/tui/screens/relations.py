"""The relations of an actor or a topic (``brief graph NAME``), and the claims behind one.

:class:`RelationsScreen` lists the edges by relation, each with how many claims state
it, how firm they are, their best grade and whether it is contested (in words); Enter
opens :class:`EdgeScreen`, the claims themselves, from which Enter on a claim reads it
on its topic's page.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header

from .. import text
from ..messages import OpenEdge
from ..widgets import FindBar, Jump, Pane
from ..widgets.edgepage import edge_page, relations_page
from .reading import ReadingScreen

if TYPE_CHECKING:
    from ...store import Store
    from ...views.graph import Edge, Graph


class EdgeList(Pane):
    """A pane of links where Up and Down move from one link to the next, as in a list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "step(1)", "Next", show=False, tooltip="next edge"),
        Binding("up", "step(-1)", "Previous", show=False, tooltip="previous edge"),
    ]

    def action_step(self, delta: int) -> None:
        links = list(self.query(Jump))
        if not links:
            return
        at = links.index(self.app.focused) if self.app.focused in links else -1
        if at < 0:
            links[0 if delta > 0 else -1].focus()
        elif 0 <= at + delta < len(links):
            links[at + delta].focus()
        elif delta < 0:
            self.scroll_home(animate=False)  # the title and counts above the first


class RelationsScreen(ReadingScreen):
    """The edges of a graph, by relation: Enter opens an edge's claims, Esc goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g", "app.pop_screen", "Back", tooltip="back to the page (g too)"),
        Binding("t", "contents", "Contents", tooltip="contents: jump to a relation"),
    ]

    def __init__(
        self, store: Store, view: Graph, heading: str, known: Collection[str], empty: str
    ) -> None:
        """*heading* names whose relations these are; *known* are every entry's id (what
        a claim may lead to); *empty* is said when *view* has no edge."""
        super().__init__()
        self.store = store
        self.view = view
        self.heading = heading
        self._known = known
        self._empty = empty

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield EdgeList(relations_page(self.view, self.heading, self._empty), id="relations")
        yield Footer()

    @property
    def pane(self) -> Pane:
        return self.query_one("#relations", Pane)

    def on_mount(self) -> None:
        self.title = self.heading
        first = next(iter(self.pane.query(Jump)), None)
        (first or self.pane).focus()

    def on_open_edge(self, message: OpenEdge) -> None:
        message.stop()
        self.open(message.edge)

    def open(self, edge: Edge) -> None:
        """Show the claims behind *edge*."""
        self.app.push_screen(EdgeScreen(self.store, self.view, edge, self._known))


class EdgeScreen(ReadingScreen):
    """The claims behind one edge, each as its topic shows it; Enter on one reads it there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", tooltip="back"),
        Binding("slash", "find", "Find", tooltip="find in this page"),
        Binding("n", "find_step(1)", "Next", show=False, tooltip="next match of the last find"),
        Binding("N", "find_step(-1)", "Previous", show=False, tooltip="previous match"),
        Binding("t", "contents", "Contents", tooltip="contents: jump to a topic"),
    ]

    def __init__(self, store: Store, view: Graph, edge: Edge, known: Collection[str]) -> None:
        super().__init__()
        self.store = store
        self.view = view
        self.edge = edge
        self._known = known

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        topics = dict.fromkeys(c.topic for c in self.edge.claims)
        briefings = {t: self.store.briefing(t) for t in topics if t in self._known}
        pane = Pane(edge_page(self.view, self.edge, briefings, self._known), id="edge")
        yield pane
        yield FindBar(pane, id="findbar")
        yield Footer()

    @property
    def pane(self) -> Pane:
        return self.query_one("#edge", Pane)

    def on_mount(self) -> None:
        self.title = text.edge_sentence(self.view, self.edge)
        self.query_one(FindBar).display = False
        first = next(iter(self.pane.query(".edge-claim").results(Jump)), None)
        (first or self.pane).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step":
            return self.pane.finding
        return True
