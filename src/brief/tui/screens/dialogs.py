"""Small dialogs: the help screen and the list of corpus warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    """Every key, by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Close", tooltip="close this help")
    ]

    def compose(self) -> ComposeResult:
        from ..keys import sections

        every = sections()
        with Vertical(id="dialog", classes="dialog wide"):
            yield Label("brief: keys", classes="dialog-title")
            width = max(len(key) for _, keys in every for key, _ in keys)
            with VerticalScroll():
                for where, keys in every:
                    yield Static(Content(where), classes="heading")
                    # two columns: a description that wraps stays under its first word
                    grid = Grid(classes="keys")
                    grid.styles.grid_columns = (width + 2, "1fr")
                    with grid:
                        for key, what in keys:
                            yield Static(Content(key), classes="key")
                            yield Static(Content(what), classes="what")
            yield Label("Esc closes.", classes="dialog-hint")


class WarningsScreen(ModalScreen[None]):
    """The corpus files that were skipped or had problems, one line each."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w", "dismiss", "Close", tooltip="close the warnings")
    ]

    def __init__(self, warnings: Sequence[str]) -> None:
        super().__init__()
        self.warnings = warnings

    def compose(self) -> ComposeResult:
        count = len(self.warnings)
        # a line a file, or one line for every knock-on of a skipped file: count the lines
        title = f"{count} corpus warning{'s' if count != 1 else ''}"
        with Vertical(id="dialog", classes="dialog wide"):
            yield Label(title if count else "No problems in the corpus", classes="dialog-title")
            with VerticalScroll(id="warnings"):
                for line in self.warnings:
                    yield Static(Content(line), classes="warning", markup=False)
            yield Label(
                "Run 'brief validate' for every problem.  Esc closes.", classes="dialog-hint"
            )
