"""The bottom line of every screen: its keys, as Textual's ``Footer`` shows them, closer
together where the terminal is narrow."""

from __future__ import annotations

from textual.events import Resize
from textual.widgets import Footer

#: Below this many columns the keys are drawn without the space between them, and
#: without the palette's ``^p`` at the right: at 80 columns, the reading screen's keys
#: with the palette's cut "Quotes" to "Qu" (and, a link focused, to "Q").
ROOMY_KEYS = 100


class KeyBar(Footer):
    """Textual's footer, compact (one space between keys) and without the palette's key
    below :data:`ROOMY_KEYS` columns, so that a screen's keys fit an 80-column terminal
    (ctrl+p still opens the palette, as the title bar's icon does; the help lists it)."""

    def __init__(self, width: int) -> None:
        # laid out for the terminal's *width* before the first paint (then on each resize)
        roomy = width >= ROOMY_KEYS
        super().__init__(compact=not roomy, show_command_palette=roomy)

    def on_resize(self, event: Resize) -> None:
        roomy = event.size.width >= ROOMY_KEYS
        self.compact = not roomy
        self.show_command_palette = roomy
