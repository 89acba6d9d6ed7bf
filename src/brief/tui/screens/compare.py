"""Compare two or more actors, topic by topic, as ``brief compare`` does."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Label, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from ...views.wording import MIN_COLUMN
from .. import text
from ..widgets import Block, FindBar, KeyBar, Page, Pane, TitleBar, comparison_page
from .reading import ReadingScreen

if TYPE_CHECKING:
    from ...store import Store
    from ...views.comparison import Comparison
    from ..app import BriefApp

#: Narrowest pane whose overview shows counts beside the verdicts (as ``brief compare``).
COUNTED = 60
HINT = "Tick two or more actors (Space) to compare them."


def _counted(width: int | None) -> bool:
    """Whether a pane *width* cells wide (None: not laid out yet) shows the counts."""
    return width is None or width >= COUNTED


class ActorList(SelectionList[str]):
    """A selection list that ticks on the keypress itself.

    Textual's own toggles whatever is highlighted when its ``OptionSelected`` message
    is handled, so ``space down space`` typed fast ticks the second item twice.
    """

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))

    def render_line(self, y: int) -> Strip:
        """Textual draws a ticked and an unticked box alike but for colour: an unticked
        box is drawn empty here, so the two differ in shape too (``▐X▌`` and ``▐ ▌``)."""
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if selection.value in self.selected or len(segments) < 2:
            return line
        inner = segments[1]
        segments[1] = Segment(" " * len(inner.text), inner.style, inner.control)
        return Strip(segments, line.cell_length)


class CompareScreen(ReadingScreen):
    """Actors to tick on the left; their comparison on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Close", tooltip="back to reading"),
        Binding("x", "diff_only", "Diff only", tooltip="differences only (or all again)"),
        Binding("slash", "find", "Find", tooltip="find in this page"),
        Binding("n", "find_step(1)", "Next", show=False, tooltip="next match of the last find"),
        Binding("N", "find_step(-1)", "Previous", show=False, tooltip="previous match"),
        Binding("t", "contents", "Contents", tooltip="contents: jump to a section"),
        Binding(
            "quotation_mark",
            "quotes",
            "Quotes",
            tooltip="each claim's quotes under it, or none (brief compare --quotes)",
        ),
    ]

    def __init__(
        self,
        store: Store,
        actors: Sequence[tuple[str, str]],
        known: Collection[str],
        first: str | None = None,
        ticked: Sequence[str] = (),
    ) -> None:
        """*actors* are the (id, name) of every actor, in corpus order; *known* every
        entry's id (what a heading may link to). The actors *ticked* (in the order they
        were ticked: the last comparison's) are ticked to begin with, else *first*."""
        super().__init__()
        self.store = store
        self._actors = tuple(actors)
        self._known = known
        self.first = first
        self.diff_only = False
        self._picked: list[str] = list(ticked) or ([first] if first else [])
        self._view: Comparison | None = None
        """The comparison shown, to lay out again for another width."""
        self._laid: list[str] = []
        """Its overview's lines as laid out for the pane's width (see ``_fit``)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        pane = Pane(id="comparison")
        with Horizontal(id="body"):
            with Vertical(id="pick"):
                yield Label("Actors  (space ticks)", classes="pick-title")
                actors = [
                    Selection(Content(name), ident, ident in self._picked)
                    for ident, name in self._actors
                ]
                yield ActorList(*actors, id="actors")
            yield pane
        yield FindBar(pane, id="findbar")
        yield KeyBar(self.app.size.width)

    @property
    def pane(self) -> Pane:
        return self.query_one("#comparison", Pane)

    @property
    def actors(self) -> ActorList:
        return self.query_one("#actors", ActorList)

    async def on_mount(self) -> None:
        self.title = "Compare actors"
        self.query_one(FindBar).display = False
        ids = [ident for ident, _ in self._actors]
        if self._picked and self._picked[-1] in ids:  # the cursor on the last ticked, not
            self.actors.highlighted = ids.index(self._picked[-1])  # the first of the list
        self.actors.focus()
        await self.refresh_comparison()

    async def pick(self, *ids: str) -> None:
        """Tick exactly *ids* (for tests and the command palette)."""
        self.actors.deselect_all()
        for ident in ids:
            self.actors.select(ident)
        await self.refresh_comparison()

    async def reread(self, store: Store, known: Collection[str]) -> bool:
        """The comparison read again (the corpus changed), at the same scroll: the actors
        as the corpus now has them, those ticked that are gone unticked."""
        from ...core.kinds import Kind

        self.store, self._known = store, known
        actors = tuple((e.id, e.title) for e in store.catalogue() if e.kind == Kind.ACTOR)
        if actors != self._actors:
            self._actors = actors
            here = {ident for ident, _ in actors}
            self._picked = [a for a in self._picked if a in here]
            at = self.actors.highlighted
            with self.actors.prevent(SelectionList.SelectedChanged):
                self.actors.clear_options()
                self.actors.add_options(
                    [Selection(Content(name), i, i in self._picked) for i, name in actors]
                )
            if at is not None and actors:
                self.actors.highlighted = min(at, len(actors) - 1)
        await self.refresh_comparison(scroll=self.pane.scroll_y)
        return True

    async def refresh_comparison(self, scroll: float = 0.0) -> None:
        """Rebuild the comparison of the ticked actors, in the order they were ticked
        (scrolled to *scroll*)."""
        picked = set(self.actors.selected)
        self._picked = [a for a in self._picked if a in picked]
        self._picked += [a for a in self.actors.selected if a not in self._picked]
        app: BriefApp = self.app  # type: ignore[assignment]
        app.compared = list(self._picked)  # ticked again when compare is opened next
        if len(self._picked) < 2:
            page = Page()
            page.add(Block(Content(HINT), classes="empty"))
            await self.pane.show(page)
            return
        self._view = self.store.compare(self._picked, diff_only=self.diff_only)
        await self._lay_out(scroll)

    async def _lay_out(self, scroll: float = 0.0) -> None:
        """Show the comparison read last, laid out for the pane's width."""
        view = self._view
        if view is None:
            return
        width = self.pane.scrollable_content_region.width or None
        stacked = (width or 0) < MIN_COLUMN * len(view.columns)
        note = "differences only" if self.diff_only else ""
        self._laid = self._overview(width)
        counted = _counted(width)
        if self.quotes:  # each looked for in its source's text as it is now
            from ...corpus.cited import QuoteFinder
            from ...views.gradewords import comparison_checked_quotes

            view = comparison_checked_quotes(view, QuoteFinder(self.store.source_text))
        page = comparison_page(
            view, self._known, stacked, counted=counted, note=note, width=width, quotes=self.quotes
        )
        await self.pane.show(page, scroll=scroll)
        self.call_after_refresh(self._fit)

    def _overview(self, width: int | None) -> list[str]:
        """The overview's lines, laid out for *width* (what tells whether a resize
        changed them)."""
        if self._view is None:
            return []
        return [line.plain for line in text.overview(self._view, _counted(width), width)]

    @on(SelectionList.SelectedChanged, "#actors")
    async def _ticked(self) -> None:
        await self.refresh_comparison()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Lay the comparison out for the pane's width, as the CLI does for the terminal's.

        Columns side by side when each gets ``MIN_COLUMN`` cells, else stacked; the
        overview's counts only from ``COUNTED`` cells, beside each verdict or under it
        (laid out again when the width changes that).
        """
        width = self.pane.scrollable_content_region.width
        if width and len(self._picked) > 1 and self._overview(width) != self._laid:
            self.call_later(self._lay_out, self.pane.scroll_y)
            return
        for columns in self.pane.query(".columns"):
            columns.set_class(width < MIN_COLUMN * len(columns.children), "-stacked")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step":
            return self.pane.finding
        return True

    async def draw_quotes(self) -> None:
        await self._lay_out(self.pane.scroll_y)

    async def action_diff_only(self) -> None:
        self.diff_only = not self.diff_only
        await self.refresh_comparison()
