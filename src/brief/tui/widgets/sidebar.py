"""The sidebar: a filter box over a grouped list of every topic, actor and source."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from ..entries import GROUPS, Entry, matching
from ..history import Place
from ..messages import Follow


class OneLine(Content):
    """A list prompt that is always one line high.

    The entry list never wraps (``text-wrap: nowrap`` in app.tcss), so its height is
    known without measuring: laying out 10,000 entries then costs a third as much.
    """

    __slots__ = ()

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class FilterBox(Input):
    """The filter: Down moves into the list keeping it narrowed, Escape leaves it cleared."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.focus('entries')", "List", show=False, tooltip="go to the list"),
        Binding("escape", "leave", "Leave", tooltip="leave the filter, clearing it"),
    ]

    def action_leave(self) -> None:
        """Clear the filter and go to the list, the entry being read highlighted."""
        self.value = ""
        self.app.set_focus(self.screen.query_one("#entries"))


class Sidebar(Vertical):
    """Lists entries by group; typing in the filter narrows the list at once."""

    def __init__(self, items: list[Entry], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._list(items)
        self.shown: list[Entry] = []
        self.current: str | None = None
        """The entry being read (see :meth:`mark`): highlighted when the filter is empty."""

    def _list(self, items: list[Entry]) -> None:
        self._items = items
        self._options = {e.id: Option(OneLine(e.title), id=e.id) for e in items}
        """Built once per corpus: filtering only chooses which of these to show."""
        self._totals = {kind: sum(e.kind == kind for e in items) for kind, _ in GROUPS}

    def replace(self, items: list[Entry]) -> None:
        """List *items* instead (the corpus changed), narrowed by the filter as it is."""
        self._list(items)
        self.narrow(self.query_one("#filter", Input).value)

    def compose(self) -> ComposeResult:
        yield FilterBox(placeholder="Filter  (f)", id="filter")
        yield OptionList(*self._build(""), id="entries", markup=False)

    @property
    def entries(self) -> OptionList:
        return self.query_one("#entries", OptionList)

    def _build(self, query: str) -> list[Option]:
        """The options for *query*: the matching entries under their group headings."""
        self.shown = matching(self._items, query)
        options: list[Option] = []
        for kind, heading in GROUPS:
            group = [self._options[e.id] for e in self.shown if e.kind == kind]
            if not group:
                continue
            total = self._totals[kind]
            count = f"{len(group):,}" if len(group) == total else f"{len(group):,} of {total:,}"
            options.append(Option(Content.assemble(heading, (f" {count}", "dim")), disabled=True))
            options += group
        if not options:
            empty = "No matches" if query.strip() else "No entries"
            options.append(Option(Content(empty), disabled=True))
        return options

    def narrow(self, query: str) -> None:
        """Show the entries matching *query*, the first of them highlighted (with no
        query, the entry being read)."""
        options = self._build(query)
        entries = self.entries
        entries.set_options(options)
        entries.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)
        if not query.strip() and self.current is not None:
            self.mark(self.current)

    def mark(self, ident: str) -> None:
        """Highlight *ident* in the list, if it is shown, without opening it."""
        self.current = ident
        entries = self.entries
        with suppress(OptionDoesNotExist):
            entries.highlighted = entries.get_option_index(ident)

    @on(Input.Changed, "#filter")
    def _changed(self, event: Input.Changed) -> None:
        self.narrow(event.value)

    @on(Input.Submitted, "#filter")
    def _submitted(self, event: Input.Submitted) -> None:
        option = self.entries.highlighted_option
        if option is not None and option.id is not None:
            self.post_message(Follow(Place(option.id)))

    @on(OptionList.OptionSelected, "#entries")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(Follow(Place(event.option.id)))
