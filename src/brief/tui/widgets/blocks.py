"""The paragraphs a page is made of: plain blocks, and blocks that are links."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import Static

MATCH_STYLE = "on $warning-muted"
CURRENT_STYLE = "bold $background on $warning"


class Block(Static):
    """A paragraph of literal text that find-in-page can mark."""

    def __init__(
        self, content: Content, *, classes: str | None = None, name: str | None = None
    ) -> None:
        """*name*, for a link, says which it is, so that the focus can be given back to it
        on a page drawn again (``claim:ID``)."""
        super().__init__(content, markup=False, classes=classes, name=name)
        self.base = content
        """The text as built, without find marks."""
        self.shown = content
        """The text as shown, with find marks."""

    def mark(self, spans: list[tuple[int, int]], current: int | None = None) -> None:
        """Show *spans* of the text as matches, the one at index *current* as the current one."""
        marks = [
            Span(start, end, CURRENT_STYLE if n == current else MATCH_STYLE)
            for n, (start, end) in enumerate(spans)
        ]
        content = self.base.add_spans(marks)  # one copy, not one per match
        self.shown = content
        self.update(content)


class Jump(Block, can_focus=True):
    """A block that leads somewhere: Enter or a click posts the message it was given."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "follow",
            "Follow",
            tooltip="on a link: follow it (a source [n] shows the section cited)",
        )
    ]

    def __init__(
        self,
        content: Content,
        message: Callable[[], Message],
        *,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(content, classes=classes, name=name)
        self._message = message

    def action_follow(self) -> None:
        self.post_message(self._message())

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_follow()


class Masthead(Vertical):
    """A page's title, pinned to the top of its pane (see app.tcss).

    An opaque band the width of the pane, the blank lines above and below the title
    included: the page scrolled under it never shows through around the title.
    """

    def __init__(self, title: Content) -> None:
        super().__init__(Block(title, classes="title"))
