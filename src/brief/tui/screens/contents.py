"""The table of contents of the page being read: pick a heading to scroll to it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class ContentsScreen(ModalScreen[str | None]):
    """Lists a page's headings; Enter scrolls to one, Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,t", "dismiss(None)", "Close", tooltip="close the contents")
    ]

    def __init__(self, contents: list[tuple[str, Content]]) -> None:
        super().__init__()
        self.contents = contents

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Contents", classes="dialog-title")
            options = [Option(label, id=anchor) for anchor, label in self.contents]
            if not options:
                options = [Option(Content("This page has no sections."), disabled=True)]
            yield OptionList(*options, id="contents", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
