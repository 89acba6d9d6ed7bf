"""Small dialogs: the help screen and the list of corpus warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Anywhere",
        (
            ("q", "quit"),
            ("?", "this help"),
            ("ctrl+p", "command palette: go to any topic, actor or source"),
            ("d", "dark / light theme"),
            ("w", "corpus warnings (when files were skipped)"),
            ("tab / shift+tab", "move between the list, the page and its links"),
        ),
    ),
    (
        "List",
        (
            ("f", "filter the list (type to narrow, Down to the list, Esc clears)"),
            ("up / down, enter", "move, open the briefing"),
            ("esc", "back to the list from the page"),
        ),
    ),
    (
        "Page",
        (
            ("tab, enter", "next link, follow it (topics, actors, contradicting claims)"),
            ("enter on a source [n]", "show the source and the section cited"),
            ("[ / ]", "back / forward (also alt+left / alt+right)"),
            ("t", "contents: jump to a section"),
            ("/", "find in this page; enter or ↓ next, ↑ previous, esc closes; then n / N"),
            ("c", "compare actors"),
        ),
    ),
    (
        "Compare",
        (
            ("space", "tick or untick an actor"),
            ("x", "differences only"),
            ("esc", "back to reading"),
        ),
    ),
)


class HelpScreen(ModalScreen[None]):
    """Every key, by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog wide"):
            yield Label("brief: keys", classes="dialog-title")
            width = max(len(key) for _, keys in KEYS for key, _ in keys)
            with VerticalScroll():
                for where, keys in KEYS:
                    yield Static(Content(where), classes="heading")
                    lines = [
                        Content.assemble((key.ljust(width), "bold $text-accent"), "  ", what)
                        for key, what in keys
                    ]
                    yield Static(Content("\n").join(lines), classes="keys")
            yield Label("Esc closes.", classes="dialog-hint")


class WarningsScreen(ModalScreen[None]):
    """The corpus files that were skipped or had problems, one line each."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,w", "dismiss", "Close")]

    def __init__(self, warnings: Sequence[str]) -> None:
        super().__init__()
        self.warnings = warnings

    def compose(self) -> ComposeResult:
        count = len(self.warnings)
        title = f"{count} corpus file{'s' if count != 1 else ''} with problems"
        with Vertical(id="dialog", classes="dialog wide"):
            yield Label(title if count else "No problems in the corpus", classes="dialog-title")
            with VerticalScroll(id="warnings"):
                for line in self.warnings:
                    yield Static(Content(line), classes="warning", markup=False)
            yield Label(
                "Run 'brief validate' for every problem.  Esc closes.", classes="dialog-hint"
            )
