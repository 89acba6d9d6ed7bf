"""The main screen: the sidebar, the reading pane and the find bar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content

from ...core.kinds import Kind
from ...views.gradewords import has_quotes
from ..entries import entries
from ..history import History, Overlay, Place, Stop
from ..messages import Follow
from ..widgets import (
    Block,
    FindBar,
    KeyBar,
    Page,
    Pane,
    Sidebar,
    TitleBar,
    briefing_page,
    gone_page,
)
from .reading import ReadingScreen

#: Below this many columns the list and the page do not fit side by side: the list is
#: hidden until asked for (``s``, ``f``, ``esc``), and then takes the whole width.
TINY = 60
#: The fewest columns the list and the page's edges take beside the page's text, from
#: ``TINY`` columns on (app.tcss: a list 24 wide or more, its border, the pane's
#: padding): the page's first paint draws what fills the rest (tests/test_tui.py
#: checks that the page's text never has more).
BESIDE = 28

if TYPE_CHECKING:
    from ...store import Store
    from ...views.catalogue import EntryName
    from ...views.records import Briefing
    from ..app import BriefApp


class BrowseScreen(ReadingScreen):
    """Pick an entry on the left, read its briefing on the right, follow its links."""

    # The footer shows them in this order: at 40 columns only the first few fit.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s",
            "toggle_list",
            "List",
            tooltip=f"hide or show the list (below {TINY} columns: list or page)",
        ),
        Binding("slash", "find", "Find", tooltip="find in this page"),
        Binding("n", "find_step(1)", "Next", show=False, tooltip="next match of the last find"),
        Binding("N", "find_step(-1)", "Previous", show=False, tooltip="previous match"),
        Binding("t", "contents", "Contents", tooltip="contents: jump to a section"),
        Binding("left_square_bracket,alt+left", "back", "Back", tooltip="back to the page before"),
        Binding(
            "right_square_bracket,alt+right", "forward", "Forward", show=False, tooltip="forward"
        ),
        Binding("f", "filter", "Filter", show=False, tooltip="filter the list"),
        Binding("c", "compare", "Compare", tooltip="compare actors (the one being read is ticked)"),
        Binding(
            "quotation_mark",
            "quotes",
            "Quotes",
            tooltip="each claim's quotes under it, or none (brief show --quotes)",
        ),
        Binding(  # not in the footer: an actor's page says so where it lists its relations
            "g",
            "relations",
            "Relations",
            show=False,
            tooltip="relations of the actor or topic being read, by kind",
        ),
        Binding("escape", "to_list", "List", show=False, tooltip="back to the list"),
    ]

    def __init__(
        self, store: Store, catalogue: Sequence[EntryName], start: str | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.history = History()
        self._start = start
        self._entries = entries(catalogue)
        self._known = frozenset(e.id for e in self._entries)
        self._kinds = {e.id: e.kind for e in self._entries}
        self._list: bool | None = None
        """Whether the reader asked for the list shown; None: as the width decides."""
        self._tiny: bool | None = None
        self._shown: Briefing | None = None
        """The briefing on the page, to tell whether a change to the corpus changed it."""
        self._scrolled = 0.0
        """Where the page was scrolled to when an edit took its entry out of the corpus."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        start = self._start if self._start in self._known else None
        if start is None and self._entries:
            start = self._entries[0].id
        if start is None:
            first = Page()
            first.add(Block(Content("This corpus is empty."), classes="empty"))
        else:  # composed, not mounted later: the first paint shows it
            self.history.go(Place(start))
            self._shown = self.store.briefing(start)
            first = self._page(self._shown)
        width, height = self.app.size
        room = (width - BESIDE if width >= TINY else width, height - 2)  # the bars
        reader = Pane(first, id="reader", room=room)
        with Horizontal(id="body"):
            yield Sidebar(self._entries, id="sidebar")
            yield reader
        yield FindBar(reader, id="findbar")
        yield KeyBar(self.app.size.width)

    @property
    def pane(self) -> Pane:
        return self.query_one("#reader", Pane)

    @property
    def reader(self) -> Pane:
        return self.pane

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    def on_mount(self) -> None:
        self.query_one(FindBar).display = False
        if self.current is not None:
            self.sidebar.mark(self.current)
        self._lay_out()
        if self._start is None and self.list_shown:
            self.sidebar.entries.focus()
        else:
            self.reader.focus()

    # the list beside the page, or (narrow) instead of it

    @property
    def tiny(self) -> bool:
        return self.app.size.width < TINY

    @property
    def list_shown(self) -> bool:
        return not self.tiny if self._list is None else self._list

    def _lay_out(self) -> None:
        """Show or hide the list; below ``TINY`` columns, the list or the page."""
        shown = self.list_shown
        self.set_class(not shown, "-list-hidden")
        self.set_class(shown and self.tiny, "-list-only")
        focused = self.focused
        if focused is None:
            return
        if not shown and self.sidebar in focused.ancestors_with_self:
            self.reader.focus()
        elif shown and self.tiny and self.reader in focused.ancestors_with_self:
            self.sidebar.entries.focus()

    def show_list(self, shown: bool | None) -> None:
        """Show the list (True), hide it (False), or leave it to the width (None)."""
        self._list = shown
        self._lay_out()

    def on_resize(self) -> None:
        if self._tiny is not None and self._tiny != self.tiny:
            self._list = None  # across the threshold, the width decides again
        self._tiny = self.tiny
        self._lay_out()

    async def open(self, place: Place, left: tuple[Overlay, ...] = ()) -> None:
        """Open *place*, remembering where the reader was (with *left*, the relations
        screens that were open over the page, now closed)."""
        if place.ident not in self._known:
            return
        if self.current == place.ident:  # the same page: only scroll
            if place.anchor or left:
                self.history.go(place, self.reader.scroll_y, left=left)
            if place.anchor:
                self.reader.scroll_to_anchor(f"claim:{place.anchor}")
            elif not left:
                self.reader.scroll_home(animate=False)
        else:
            self.history.go(place, self.reader.scroll_y, left=left)
            await self.show_stop(Stop(place))
        self.refresh_bindings()

    async def show_stop(self, stop: Stop) -> None:
        """Show the page of *stop*, at its scroll offset (or its claim)."""
        place = stop.place
        view = self.store.briefing(place.ident)
        self._shown = view
        anchor = f"claim:{place.anchor}" if place.anchor and not stop.scroll else None
        await self.reader.show(self._page(view), anchor, stop.scroll)
        self.sidebar.mark(place.ident)

    async def corpus_changed(self, store: Store, catalogue: Sequence[EntryName]) -> None:
        """Read from *store* now (its files changed): the list, and the page being read
        again if it changed, at the same scroll offset; a page whose entry is gone says so."""
        self.store = store
        listed = entries(catalogue)
        relisted = listed != self._entries
        if relisted:
            self._entries, self._known = listed, frozenset(e.id for e in listed)
            self.sidebar.replace(listed)
        ident = self.current
        if ident is None:
            return
        if ident not in self._known:
            if self._shown is not None:
                self._shown, self._scrolled = None, self.reader.scroll_y
            await self.reader.show(gone_page(ident, _why_gone(store, ident)))
            return
        view = store.briefing(ident)
        if view != self._shown or relisted:  # the links depend on what is listed
            scroll = self.reader.scroll_y if self._shown is not None else self._scrolled
            self._shown = view
            await self.reader.show(self._page(view), scroll=scroll, same=True)
        self.sidebar.mark(ident)

    def _page(self, view: Briefing) -> Page:
        """The page of *view*, its claims' quotes under them only if the reader asked
        (each looked for in its source's text as it is now: see ``checked_quotes``)."""
        if self.quotes and has_quotes(view):
            from ...corpus.cited import QuoteFinder
            from ...views.gradewords import checked_quotes

            view = checked_quotes(view, QuoteFinder(self.store.source_text))
        return briefing_page(view, self._known, self.quotes)

    async def draw_quotes(self) -> None:
        if self._shown is not None and self.current is not None:
            await self.reader.show(self._page(self._shown), scroll=self.reader.scroll_y, same=True)

    @property
    def current(self) -> str | None:
        """The id of the entry being read."""
        return self.history.current.place.ident if self.history.current else None

    async def on_follow(self, message: Follow) -> None:
        message.stop()
        await self.open(message.place)
        if self.tiny:
            self.show_list(None)  # the page, in place of the list
        self.reader.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.history.can_back or None
        if action == "forward":
            return self.history.can_forward or None
        if action == "find_step":
            return self.reader.finding
        if action == "relations":
            return self._relations()
        if action == "quotes":  # shown where a page has quotes to show (format 2)
            return self._shown is not None and has_quotes(self._shown)
        return True

    # actions

    async def action_back(self) -> None:
        app: BriefApp = self.app  # type: ignore[assignment]
        await app.step(-1)

    async def action_forward(self) -> None:
        app: BriefApp = self.app  # type: ignore[assignment]
        await app.step(1)

    def action_filter(self) -> None:
        self.show_list(True)
        self.query_one("#filter").focus()

    def action_to_list(self) -> None:
        self.show_list(True)
        self.sidebar.entries.focus()

    def action_toggle_list(self) -> None:
        self.show_list(not self.list_shown)
        if self.list_shown:
            self.sidebar.entries.focus()
        else:
            self.reader.focus()

    def _relations(self) -> bool:
        """Whether the entry being read has relations to show: an actor or a topic."""
        kind = self._kinds.get(self.current or "")
        return kind in (Kind.ACTOR, Kind.TOPIC)

    async def action_relations(self) -> None:
        if self._relations():
            app: BriefApp = self.app  # type: ignore[assignment]
            await app.open_relations(self.current)

    def action_compare(self) -> None:
        from .compare import CompareScreen

        actors = [e for e in self._entries if e.kind == Kind.ACTOR]
        first = self.current if any(a.id == self.current for a in actors) else None
        app: BriefApp = self.app  # type: ignore[assignment]
        here = {a.id for a in actors}
        ticked = [a for a in app.compared if a in here]  # as compare was left last
        listed = [(a.id, a.title) for a in actors]
        self.app.push_screen(CompareScreen(self.store, listed, self._known, first, ticked))


def _why_gone(store: Store, ident: str) -> str:
    """Why no entry has the id *ident* now, as ``brief show`` would say it."""
    from ...core.errors import NotFound

    try:
        return f"{ident!r} now names {store.resolve(ident)!r}"
    except NotFound as exc:
        return str(exc)
