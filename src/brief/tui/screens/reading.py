"""What every screen with a reading pane does alike: find, contents, citations."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.screen import Screen

from ..keys import APP_KEYS
from ..messages import ShowCitation
from ..widgets import FindBar, Pane

if TYPE_CHECKING:
    from collections.abc import Collection

    from textual.binding import BindingType

    from ...store import Store
    from ..app import BriefApp
    from ..history import Overlay


class ReadingScreen(Screen[None]):
    """A screen whose :attr:`pane` shows a page that can be searched and cited from.

    Subclasses keep their own ``BINDINGS`` (their order is the footer's) and point
    ``find``, ``find_step`` and ``contents`` at these actions.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*APP_KEYS]  # first in every footer (keys.py)

    store: Store

    @property
    def pane(self) -> Pane:
        raise NotImplementedError

    def as_overlay(self) -> Overlay | None:
        """Which relations screen this is, as a place in the history, with its focus
        and scroll as they are now; None for a screen that is not one."""
        return None

    async def draw_quotes(self) -> None:
        """Draw the page again from the view it shows (the reader asked for quotes, or
        for none), at the same scroll."""

    async def action_quotes(self) -> None:
        """Show each claim's quotes under it, or none (``brief show --quotes``), on this
        screen and the others: a reading preference, kept while the app runs."""
        app: BriefApp = self.app  # type: ignore[assignment]
        app.quotes = not app.quotes
        await self.draw_quotes()

    @property
    def quotes(self) -> bool:
        """Whether the reader asked for each claim's quotes under it."""
        return bool(getattr(self.app, "quotes", False))

    async def reread(self, store: Store, known: Collection[str]) -> bool:
        """Read what a relations screen shows from *store* again (the corpus changed);
        False when it is no longer in the corpus."""
        return True

    def on_show_citation(self, message: ShowCitation) -> None:
        from .citation import CitationScreen

        message.stop()
        self.app.push_screen(CitationScreen(self.store, message.reference, message.points))

    def on_pane_found(self, message: Pane.Found) -> None:
        bar = self.query_one(FindBar)
        bar.show_count(message.current, message.total, more=message.more)
        if not bar.display and message.current:  # n with find closed: where it is, briefly
            of = f"{message.total:,}+" if message.more else f"{message.total:,}"
            self.app.clear_notifications()  # one at a time, however fast n is pressed
            self.app.notify(f"{message.current:,} of {of}", timeout=2)

    async def action_find(self) -> None:
        await self.query_one(FindBar).open()

    def action_find_step(self, delta: int) -> None:
        self.pane.find_step(delta)

    def action_contents(self) -> None:
        from .contents import ContentsScreen

        def chosen(anchor: str | None) -> None:
            if anchor is not None:
                self.pane.scroll_to_anchor(anchor)

        self.app.push_screen(ContentsScreen(self.pane.page.contents), chosen)
