"""The top line of every screen: the command palette's icon, the title and the counts."""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.widget import Widget

#: Cells the icon takes at the left (as Textual's header lays it out), and the cells kept
#: free at the right, so that the title is centred where the header centres it.
ICON_CELLS = 8
RIGHT_CELLS = 10


class TitleBar(Widget):
    """What Textual's ``Header`` shows (an icon that opens the command palette; the
    screen's or app's title and sub-title, as ``App.format_title`` words them, centred),
    drawn by one widget instead of four.

    The first screen is drawn sooner for it: every widget on it is styled, laid out
    and rendered before the first paint, and the header's title, set from a watcher
    once mounted, cost a second pass. Titles are plain text (``Content``, no markup).
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, icon: str = "≡", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.icon = icon

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._retitle, init=False)
            self.watch(owner, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def title_content(self, room: int | None = None) -> Content:
        """The title and sub-title shown: the screen's when it has them, else the app's.

        With *room* (cells) too few for both, and no title of the screen's own (only
        the app's name), the sub-title alone (``12 topics · 8 actors …``, what a
        narrow terminal needs more than the name it was started by).
        """
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        both = app.format_title(title, sub_title)
        if room is not None and both.cell_length > room and sub_title and screen.title is None:
            return Content.styled(sub_title, "dim")
        return both

    def render(self) -> Content:
        width = self.size.width
        room = max(0, width - ICON_CELLS - RIGHT_CELLS)
        title = self.title_content(room)
        if title.cell_length > room:  # narrow: the margin kept for centring goes too
            room = max(0, width - ICON_CELLS - 1)
        title = title.truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        icon = Content(f" {self.icon}")
        icon = icon.pad_right(max(0, ICON_CELLS - icon.cell_length))
        return Content.assemble(icon, " " * left, title).truncate(width)

    async def on_click(self, event: Click) -> None:
        """A click on the icon opens the command palette, as the header's does."""
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
