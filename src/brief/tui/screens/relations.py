"""The relations of an actor or a topic (``brief graph NAME``), and the claims behind one.

:class:`RelationsScreen` lists the edges by relation, each with how many claims state
it, how firm they are, their best grade and whether it is contested (in words); Enter
opens :class:`EdgeScreen`, the claims themselves, from which Enter on a claim reads it
on its topic's page. Both are places in the history (a
:class:`~brief.tui.history.Overlay`): ``[`` comes back to them, the focus on the same
link, and both read the corpus again when it changes.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from .. import text
from ..history import Overlay
from ..messages import OpenEdge
from ..relations import find_edge, graph_of
from ..widgets import FindBar, Jump, KeyBar, Page, Pane, TitleBar
from ..widgets.edgepage import edge_key, edge_page, relations_page
from .reading import ReadingScreen

if TYPE_CHECKING:
    from ...store import Store
    from ...views.graph import Edge, Graph
    from ...views.records import Briefing
    from ..app import BriefApp

#: Back and forward, as on the main screen: the relations screens are places too.
STEPS: list[BindingType] = [
    Binding("left_square_bracket,alt+left", "back", "Back", show=False, tooltip="back a place"),
    Binding("right_square_bracket,alt+right", "forward", "Forward", show=False, tooltip="forward"),
]


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


class OverlayScreen(ReadingScreen):
    """A relations screen: a place over the page, with its focus and scroll kept."""

    #: The links the focus goes to first (the first of them), when none is named.
    FIRST = "Jump"

    def __init__(self, store: Store, known: Collection[str], overlay: Overlay) -> None:
        super().__init__()
        self.store = store
        self._known = known
        self._overlay = overlay

    @property
    def brief(self) -> BriefApp:
        """The app, as what it is."""
        return self.app  # type: ignore[return-value]

    def as_overlay(self) -> Overlay:
        """Which screen this is, its focused link and its scroll offset as they are now."""
        focused = self.focused
        name = focused.name if isinstance(focused, Jump) else None
        return Overlay(self._overlay.of, self._overlay.edge, name, self.pane.scroll_y)

    def on_mount(self) -> None:
        self.refocus(self._overlay)

    def refocus(self, overlay: Overlay, now: bool = False) -> None:
        """Focus *overlay*'s link (by default the first) and scroll to where it was left;
        *now*: at once, not once the screen is done with its messages (after a redraw,
        before the focus Textual gives as the old page goes)."""
        named = [j for j in self.pane.query(Jump) if overlay.focus and j.name == overlay.focus]
        link = next(iter(named or self.pane.query(self.FIRST).results(Jump)), None)
        if now:
            self.set_focus(link or self.pane, scroll_visible=False)
        else:
            (link or self.pane).focus(scroll_visible=not overlay.scroll)
        if overlay.scroll:  # once laid out
            self.pane.call_after_refresh(self.pane.scroll_to, y=overlay.scroll, animate=False)

    async def redraw(self, page: Page) -> None:
        """Show *page* in place of the one shown, at the same offset and focus."""
        was = self.as_overlay()
        await self.pane.show(page, scroll=was.scroll)
        self.refocus(was, now=True)

    async def action_back(self) -> None:
        await self.brief.step(-1)

    async def action_forward(self) -> None:
        await self.brief.step(1)

    async def action_close(self) -> None:
        await self.brief.close_overlay()


class RelationsScreen(OverlayScreen):
    """The edges of a graph, by relation: Enter opens an edge's claims, Esc goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g", "close", "Back", tooltip="back to the page (g too)"),
        Binding("t", "contents", "Contents", tooltip="contents: jump to a relation"),
        *STEPS,
    ]

    def __init__(
        self,
        store: Store,
        view: Graph,
        heading: str,
        known: Collection[str],
        empty: str,
        overlay: Overlay | None = None,
    ) -> None:
        """*heading* names whose relations these are; *known* are every entry's id (what
        a claim may lead to); *empty* is said when *view* has no edge; *overlay* says whose
        they are, and the link to focus."""
        super().__init__(store, known, overlay or Overlay(None))
        self.view = view
        self.heading = heading
        self._empty = empty

    def compose(self) -> ComposeResult:
        yield TitleBar()
        page = relations_page(self.view, self.heading, self._empty, self._overlay.of)
        yield EdgeList(page, id="relations")
        yield KeyBar(self.app.size.width)

    @property
    def pane(self) -> Pane:
        return self.query_one("#relations", Pane)

    def on_mount(self) -> None:
        self.title = self.heading  # OverlayScreen.on_mount then gives the focus

    async def on_open_edge(self, message: OpenEdge) -> None:
        message.stop()
        await self.open(message.edge)

    async def open(self, edge: Edge) -> None:
        """Show the claims behind *edge*."""
        await self.brief.open_overlay(Overlay(self._overlay.of, edge_key(edge)))

    async def reread(self, store: Store, known: Collection[str]) -> bool:
        from ..relations import heading

        self.store, self._known = store, known
        view = graph_of(store, self._overlay.of)
        if view is None or (self._overlay.of is not None and self._overlay.of not in known):
            return False
        title, empty = heading(self.brief.names, self._overlay.of)
        if (view, title) != (self.view, self.heading):
            self.view, self.heading, self._empty, self.title = view, title, empty, title
            await self.redraw(relations_page(view, title, empty, self._overlay.of))
        return True


class EdgeScreen(OverlayScreen):
    """The claims behind one edge, each as its topic shows it; Enter on one reads it there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", tooltip="back"),
        Binding("slash", "find", "Find", tooltip="find in this page"),
        Binding("n", "find_step(1)", "Next", show=False, tooltip="next match of the last find"),
        Binding("N", "find_step(-1)", "Previous", show=False, tooltip="previous match"),
        Binding("t", "contents", "Contents", tooltip="contents: jump to a topic"),
        *STEPS,
    ]

    FIRST = ".edge-claim"

    def __init__(
        self,
        store: Store,
        view: Graph,
        edge: Edge,
        known: Collection[str],
        overlay: Overlay | None = None,
    ) -> None:
        super().__init__(store, known, overlay or Overlay(None, edge_key(edge)))
        self.view = view
        self.edge = edge
        self._briefings = self._read(store, edge, known)

    @staticmethod
    def _read(store: Store, edge: Edge, known: Collection[str]) -> dict[str, Briefing]:
        """The briefings of the topics of *edge*'s claims: how each claim reads."""
        topics = dict.fromkeys(c.topic for c in edge.claims)
        return {t: store.briefing(t) for t in topics if t in known}

    def _page(self) -> Page:
        return edge_page(self.view, self.edge, self._briefings, self._known, self._overlay.of)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        pane = Pane(self._page(), id="edge")
        yield pane
        yield FindBar(pane, id="findbar")
        yield KeyBar(self.app.size.width)

    @property
    def pane(self) -> Pane:
        return self.query_one("#edge", Pane)

    def on_mount(self) -> None:
        self.title = text.edge_sentence(self.view, self.edge, self._overlay.of)
        self.query_one(FindBar).display = False  # OverlayScreen.on_mount then gives the focus

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step":
            return self.pane.finding
        return True

    async def reread(self, store: Store, known: Collection[str]) -> bool:
        self.store, self._known = store, known
        view = graph_of(store, self._overlay.of)
        edge = find_edge(view, edge_key(self.edge)) if view is not None else None
        if view is None or edge is None:
            return False
        briefings = self._read(store, edge, known)
        if (view, edge, briefings) != (self.view, self.edge, self._briefings):
            self.view, self.edge, self._briefings = view, edge, briefings
            self.title = text.edge_sentence(view, edge, self._overlay.of)
            await self.redraw(self._page())
        return True
