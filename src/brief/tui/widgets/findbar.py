"""The find-in-page bar: type to mark matches, Enter or Down for the next, Up for the last."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label

from .pane import Pane


class FindBar(Horizontal):
    """Searches one :class:`Pane`; hidden until opened, and empty until then: its label,
    text box and hints are made when it is first opened, not on the first screen (each
    widget there is styled and laid out before the first paint)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", tooltip="close find"),
        Binding("down", "step(1)", "Next match", tooltip="next match (enter too)"),
        Binding("up", "step(-1)", "Previous match", tooltip="previous match"),
    ]

    def __init__(self, pane: Pane, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane = pane

    def _parts(self) -> ComposeResult:
        yield Label("Find:", id="find-label")
        yield Input(placeholder="text in this page", id="find-input", compact=True)
        yield Label("", id="find-count")
        yield Label("enter/↓ next · ↑ previous · esc", id="find-hint")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    async def open(self) -> None:
        self.display = True
        if not self.children:
            await self.mount_all(self._parts())
        self.input.focus()
        if self.input.value:
            self.pane.find(self.input.value)

    def action_close(self) -> None:
        self.pane.clear_find()
        if self.children:
            self.query_one("#find-count", Label).update("")
        self.display = False
        self.pane.focus()

    def action_step(self, delta: int) -> None:
        self.pane.find_step(delta)

    def show_count(self, current: int, total: int, *, more: bool = False) -> None:
        """Show "*current* of *total*", or "of 1,000+" when the pane stopped marking."""
        if not self.children:  # never opened: nothing to count into (``n`` with no find)
            return
        query = self.input.value
        of = f"{total:,}+" if more else f"{total:,}"
        label = "" if not query else "no matches" if not total else f"{current:,} of {of}"
        self.query_one("#find-count", Label).update(label)

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.pane.find(event.value)

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.pane.find_step(1)
