"""A scrolling page of blocks with anchors, a table of contents and find-in-page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from ..messages import GoToAnchor
from .blocks import Block, Jump, Masthead

MAX_MATCHES = 1000
"""Find marks at most this many matches on a page and says "1,000+": a page whose text
repeats the query 100,000 times costs no more to search, mark and step through."""


@dataclass
class Page:
    """What a pane shows: its widgets, where anchors point, and its contents list."""

    widgets: list[Widget] = field(default_factory=list)
    anchors: dict[str, Widget] = field(default_factory=dict)
    """``claim:ID``, ``section:KEY``, ``row:KEY``, ``related``, ``sources`` -> a widget."""
    contents: list[tuple[str, Content]] = field(default_factory=list)
    """Anchor and label of each heading, in page order."""
    cells: list[int] = field(default_factory=list)
    """The cells of text each of *widgets* holds (0 when not known): what tells how
    many of them fill the first screen (see :meth:`first_screen`)."""

    def add(self, widget: Widget, anchor: str | None = None, cells: int | None = None) -> Widget:
        """Add *widget*; *cells*, the cells of text it holds, is a block's own when not given."""
        self.widgets.append(widget)
        if cells is None:
            cells = widget.base.cell_length if isinstance(widget, Block) else 0
        self.cells.append(cells)
        if anchor is not None:
            self.anchors.setdefault(anchor, widget)
        return widget

    def first_screen(self, width: int, height: int) -> int:
        """How many of the widgets, from the first, surely fill a screen of *width* by
        *height* cells: their text wrapped at the whole width, with no margins, takes
        at least *height* lines (so they take at least as many when drawn)."""
        rows = 0
        for n, cells in enumerate(self.cells, 1):
            rows += max(1, -(-cells // max(1, width)))
            if rows >= height:
                return n
        return len(self.widgets)

    def title(self, title: Content) -> None:
        """Add the page's title, pinned to the top of the pane (anchor ``top``)."""
        self.add(Masthead(title), "top")

    def heading(self, widget: Widget, anchor: str, label: Content) -> None:
        """Add a heading that the table of contents lists."""
        self.add(widget, anchor)
        self.contents.append((anchor, label))


class Pane(VerticalScroll):
    """A page of :class:`Block` widgets that can be searched and jumped around in."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "tab",
            "link(1)",
            "Next link",
            show=False,
            tooltip="next link; on a page scrolled away from the focus, the first in view",
        ),
        Binding(
            "shift+tab",
            "link(-1)",
            "Previous link",
            show=False,
            tooltip="previous link; on a page scrolled away from the focus, the last in view",
        ),
    ]

    @dataclass
    class Found(Message):
        """Find-in-page moved: match *current* (1-based, 0 for none) of *total*."""

        pane: Pane
        current: int
        total: int
        more: bool = False
        """Whether the page holds more matches than the *total* (:data:`MAX_MATCHES`) marked."""

    def __init__(
        self,
        page: Page | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
        room: tuple[int, int] | None = None,
    ) -> None:
        """*room*: at most the cells (width, height) the first page's text has at the
        first paint (the app's size when not given): what tells how much of it to draw
        then (see :meth:`compose`)."""
        super().__init__(id=id, classes=classes)
        self.page = page or Page()
        self._room = room
        self._query = ""
        self._last: tuple[str, int] = ("", -1)
        """The last find closed, and the match it was on: where ``n`` goes on from."""
        self._matches: list[tuple[Block, int]] = []
        """Each match as its block and its index among that block's matches."""
        self._spans: dict[Block, list[tuple[int, int]]] = {}
        self._current = -1
        self._more = False
        self._later: list[Widget] = []
        """The first page's widgets below the first screen, mounted once it is drawn."""

    def compose(self) -> ComposeResult:
        # The first page's first screenful is there for the first paint; the rest is
        # mounted right after it (every widget is styled and laid out before a paint).
        first = self.page.first_screen(*(self._room or self.app.size))
        self._later = self.page.widgets[first:]
        yield from self.page.widgets[:first]

    def on_mount(self) -> None:
        if self._later:
            self.call_after_refresh(self._mount_later, self.page)

    async def _mount_later(self, page: Page) -> None:
        later, self._later = self._later, []
        if later and page is self.page:
            await self.mount_all(later)

    async def show(
        self, page: Page, anchor: str | None = None, scroll: float = 0.0, same: bool = False
    ) -> None:
        """Replace the page, then scroll to *anchor* (or to offset *scroll*). With *same*
        (the page read again: the corpus changed, quotes shown), the link that had the
        focus keeps it, found by its name or its place; a trial's focus was lost at each
        edit."""
        held = self._focused_link() if same else None
        self._last = (self._query or self._last[0], -1)  # n: from this page's first match
        self._matches, self._spans, self._current = [], {}, -1
        self._later = []
        self.page = page
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(page.widgets)
        self.scroll_to(y=0, animate=False, immediate=True)
        if anchor is not None:
            self.call_after_refresh(self.scroll_to_anchor, anchor)
        elif scroll:
            self.call_after_refresh(self.scroll_to, y=scroll, animate=False)
        if held is not None:
            name, at = held
            links = self._links()
            named = [w for w in links if name and w.name == name]
            again = named[0] if named else links[at] if at < len(links) else None
            (again or self).focus(scroll_visible=False)
        if self._query:
            self.find(self._query)

    def _links(self) -> list[Jump]:
        """The page's links that can take the focus, in page order."""
        return [w for w in self.query(Jump) if w.focusable]

    def _focused_link(self) -> tuple[str | None, int] | None:
        """The link of this pane that has the focus, by its name and its place among the
        links (a link has no name when nothing else needs one)."""
        focused = self.screen.focused
        if not isinstance(focused, Jump) or self not in focused.ancestors:
            return None
        links = self._links()
        return focused.name, links.index(focused) if focused in links else 0

    def scroll_to_anchor(self, anchor: str) -> bool:
        """Scroll *anchor* to the top, and move the focus there (see :meth:`focus_near`)."""
        widget = self.page.anchors.get(anchor)
        if widget is None:
            return False
        self.scroll_to_widget(widget, top=True, animate=False, immediate=True)
        self.call_after_refresh(self.focus_near, widget)
        return True

    def focus_near(self, widget: Widget) -> None:
        """Focus the first link at or after *widget* if it is in view, else the pane.

        So that after a jump Tab goes on from where the reader now is, not from the
        link that was followed, and Enter never follows a link out of sight.
        """
        order = {node: n for n, node in enumerate(self.walk_children())}
        start = order.get(widget)
        if start is None:
            return
        after = (w for w in self.query(Jump) if order.get(w, -1) >= start and w.focusable)
        link = next(after, None)
        if link is not None and self._in_view(link):
            link.focus(scroll_visible=False)
        else:
            self.focus(scroll_visible=False)

    def _in_view(self, widget: Widget, covered: int = 0) -> bool:
        """Whether *widget* is in the scrolled window, from the layout alone (the screen's
        regions lag a scroll made in the same refresh), below its first *covered* lines."""
        top = 0
        for node in widget.ancestors_with_self:
            if node is self or not isinstance(node, Widget):
                break
            top += node.virtual_region.y
        bottom = top + widget.virtual_region.height
        return (
            self.scroll_y + covered <= top
            and bottom <= self.scroll_y + self.scrollable_content_region.height
        )

    def action_link(self, step: int) -> None:
        """Tab (*step* 1) or shift+Tab (-1) from the pane itself, or from a link scrolled
        out of view: to the first (last) link in view, not to the one after the focus,
        which would scroll the page back to where the focus was left. Else as Tab does
        everywhere."""
        backward = step < 0
        title = next(iter(self.query(Masthead)), None)  # pinned over the page's top lines
        covered = title.outer_size.height if title is not None else 0
        focused = self.screen.focused
        if focused is self or (isinstance(focused, Jump) and not self._in_view(focused, covered)):
            seen = [w for w in self._links() if self._in_view(w, covered)]
            if seen:
                (seen[-1] if backward else seen[0]).focus(scroll_visible=False)
                return
        if backward:
            self.screen.focus_previous()
        else:
            self.screen.focus_next()
        # a pane alone on its screen: round its links, with no stop on the pane itself,
        # where Enter does nothing
        if self.screen.focused is self and (links := self._links()):
            (links[-1] if backward else links[0]).focus()

    def on_go_to_anchor(self, message: GoToAnchor) -> None:
        message.stop()
        self.scroll_to_anchor(message.anchor)

    # find in page

    @property
    def finding(self) -> bool:
        """Whether ``n`` has matches to go to: those marked, or the last find's once it
        was closed (as in less and vim)."""
        return bool(self._matches or self._last[0])

    def find(self, query: str) -> int:
        """Mark the occurrences of *query* (any case), the first :data:`MAX_MATCHES` of
        them; return how many are marked.

        One scan of each block's text, stopped at the cap, so the work is linear in the
        text and bounded however often the query occurs.
        """
        for block in self._spans:
            block.mark([])
        self._query = query
        self._matches, self._spans, self._current, self._more = [], {}, -1, False
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for block in self.query(Block):
                spans = self._scan(pattern, block.base.plain, MAX_MATCHES - len(self._matches))
                if spans:
                    self._spans[block] = spans
                    self._matches += [(block, n) for n in range(len(spans))]
                if self._more:
                    break
        if self._matches:
            self._go(0)
        else:
            self.post_message(self.Found(self, 0, 0))
        return len(self._matches)

    def _scan(self, pattern: re.Pattern[str], text: str, room: int) -> list[tuple[int, int]]:
        """The spans of *pattern* in *text*, at most *room*; notes when there were more."""
        spans: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            if len(spans) == room:
                self._more = True
                break
            spans.append(match.span())
        return spans

    def find_step(self, delta: int) -> None:
        """Move to the next (``+1``) or previous (``-1``) match, wrapping around; with
        find closed, of the last find, from the match it was closed on (a trial's ``n``
        after Esc did nothing, where the keys' help says "next match of the last find")."""
        if not self._matches and self._last[0]:
            query, at = self._last
            if self.find(query) and at >= 0:
                self._go((at + delta) % len(self._matches))
            return
        if self._matches:
            self._go((self._current + delta) % len(self._matches))

    def clear_find(self) -> None:
        """Unmark the matches, remembering the query and the match reached, for ``n``."""
        last = (self._query, self._current)
        self.find("")
        self._last = last

    def _go(self, number: int) -> None:
        previous = self._matches[self._current][0] if self._current >= 0 else None
        self._current = number
        block, index = self._matches[number]
        if previous is not None and previous is not block:
            previous.mark(self._spans[previous])
        if previous is None:
            for other, spans in self._spans.items():
                other.mark(spans)
        block.mark(self._spans[block], index)
        self.scroll_to_center(block, animate=False)
        self.post_message(self.Found(self, number + 1, len(self._matches), self._more))
