"""The help screen's list of keys, made from the ``BINDINGS`` it describes.

Each section names the classes whose bindings it lists, so a key added to a class
appears in the help without a second copy to keep (tests/test_tui_layout.py checks
that every class with bindings is in a section). A binding's ``tooltip`` is its
line in the help, its ``description`` the footer's word. Keys Textual binds itself
(the palette, Tab, the list's arrows) are listed from :data:`TEXTUAL_KEYS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.app import App
from textual.binding import Binding

if TYPE_CHECKING:
    from textual.dom import DOMNode

#: Textual's names for keys, as a reader knows them.
KEY_NAMES = {
    "escape": "esc",
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "quotation_mark": '"',
}

#: Keys bound by Textual rather than by us, by section: (key, what it does).
TEXTUAL_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "Anywhere": (
        ("ctrl+p", "command palette: go to any topic, actor or source; compare; relations; theme"),
        ("tab / shift+tab", "move between the filter, the list, the page and its links"),
        ("ctrl+q", "quit, even in a text box"),
        ("ctrl+c", "copy the text selected (with the mouse, or in a text box); it does not quit"),
    ),
    "List": (("up / down, enter", "move; open the briefing"),),
    "Reading": (
        ("home / end", "the top or the foot of the page"),
        ("pageup / pagedown", "a screen up or down"),
    ),
    "Compare": (("space", "tick or untick an actor"),),
    "Relations": (("enter", "show the claims behind an edge"),),
}


#: Quit and help: the app's keys, which every reading screen binds again, first. A
#: footer lists a screen's keys before the app's, and a narrow one (48 columns) cut these
#: off. The help lists them once, under the app.
APP_KEYS = (
    Binding("q", "app.quit", "Quit", tooltip="quit (in a text box, q types a q)"),
    Binding("question_mark", "app.help", "Help", tooltip="this help: every key"),
)


class Section(NamedTuple):
    """A group of keys in the help: where they work."""

    title: str
    """Where the keys work: ``Anywhere``, ``Reading``, ..."""
    keys: tuple[tuple[str, str], ...]
    """Each key (as shown) and what it does."""


def key_label(keys: str) -> str:
    """``left_square_bracket,alt+left`` as ``[ / alt+left``."""
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def lines(cls: type[DOMNode]) -> tuple[tuple[str, str], ...]:
    """The help's lines for the ``BINDINGS`` *cls* itself declares (not those it inherits,
    nor :data:`APP_KEYS` but for the app)."""
    out = []
    for binding in vars(cls).get("BINDINGS", ()):
        assert isinstance(binding, Binding), f"{cls.__name__}: bind keys with Binding(...)"
        if binding in APP_KEYS and not issubclass(cls, App):
            continue  # the app's, repeated to put it first in a footer
        out.append((key_label(binding.key), binding.tooltip or binding.description.lower()))
    return tuple(out)


def bound_classes() -> tuple[tuple[str, tuple[type[DOMNode], ...]], ...]:
    """Each section's title and the classes whose bindings it lists, in the help's order."""
    from .app import BriefApp
    from .screens.browse import BrowseScreen
    from .screens.citation import CitationScreen
    from .screens.compare import CompareScreen
    from .screens.contents import ContentsScreen
    from .screens.dialogs import HelpScreen, WarningsScreen
    from .screens.reading import ReadingScreen
    from .screens.relations import EdgeList, EdgeScreen, RelationsScreen
    from .widgets.blocks import Jump
    from .widgets.findbar import FindBar
    from .widgets.pane import Pane
    from .widgets.sidebar import FilterBox

    return (
        ("Anywhere", (BriefApp,)),
        ("Filter", (FilterBox,)),
        ("List", ()),
        ("Reading", (ReadingScreen, BrowseScreen, Pane, Jump)),
        ("Find", (FindBar,)),
        ("Compare", (CompareScreen,)),
        ("Relations", (RelationsScreen, EdgeList)),
        ("Claims of a relation", (EdgeScreen,)),
        ("Source dialog", (CitationScreen,)),
        ("Other dialogs", (ContentsScreen, HelpScreen, WarningsScreen)),
    )


def sections() -> tuple[Section, ...]:
    """Every key, by where it works: the bindings, then the keys Textual binds."""
    return tuple(
        Section(
            title,
            tuple(line for cls in classes for line in lines(cls)) + TEXTUAL_KEYS.get(title, ()),
        )
        for title, classes in bound_classes()
    )
