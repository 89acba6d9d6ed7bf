"""The bottom line of every screen: its keys, as Textual's ``Footer`` shows them, closer
together where the terminal is narrow."""

from __future__ import annotations

from textual.events import Resize
from textual.widgets import Footer

#: Below this many columns the keys are drawn without the space between them: at 80
#: columns, the reading screen's keys with the palette's cut "Quotes" to "Qu".
ROOMY_KEYS = 100


class KeyBar(Footer):
    """Textual's footer, compact (one space between keys) below :data:`ROOMY_KEYS`
    columns, so that a screen's keys and the palette's fit an 80-column terminal."""

    def __init__(self) -> None:
        super().__init__(compact=True)  # until its width is known: the first paint fits

    def on_resize(self, event: Resize) -> None:
        self.compact = event.size.width < ROOMY_KEYS
