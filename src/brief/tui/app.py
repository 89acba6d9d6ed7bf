"""``brief tui``: the Textual application.

The app owns the index and the corpus warnings; the screens draw the same view
records the CLI prints (``views.briefing``, ``comparison.compare``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..core.index import Index
from ..core.kinds import Kind
from .commands import GoToProvider
from .history import Place
from .messages import Follow
from .screens.browse import BrowseScreen

if TYPE_CHECKING:
    from ..store import Store


def make_app(
    source: Index | Store, warnings: Sequence[str] | None = None, start: str | None = None
) -> BriefApp:
    """The app as ``brief tui`` starts it, over a store (or an index already built).

    *warnings* are the corpus's, one line per file with problems: by default a
    store's own, none for an index. *start* is the id of the entry to open first.
    """
    if isinstance(source, Index):
        return BriefApp(source, warnings=warnings or (), start=start)
    index = source.index()
    return BriefApp(index, warnings=source.warnings if warnings is None else warnings, start=start)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class BriefApp(App[None]):
    """Browse a corpus: a filtered list of entries, briefings with links, comparisons."""

    CSS_PATH = "app.tcss"
    TITLE = "brief"
    COMMANDS = App.COMMANDS | {GoToProvider}
    # App declares it as an instance attribute, so it cannot be a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("d", "toggle_theme", "Theme", show=False),
        Binding("w", "warnings", "Warnings"),
    ]

    def __init__(
        self, index: Index, *, warnings: Sequence[str] = (), start: str | None = None
    ) -> None:
        super().__init__()
        self.index = index
        self.warnings = list(warnings)
        self.start = start
        # TODO: count skipped files from the store, not from the wording of its warnings
        # (needs the Store to say which files it skipped).
        skipped = sum(line.endswith("(file skipped)") for line in self.warnings)
        bits = [
            _plural(len(index.topics), Kind.TOPIC),
            _plural(len(index.actors), Kind.ACTOR),
            _plural(len(index.sources), Kind.SOURCE),
        ]
        if skipped:
            bits.append(f"{_plural(skipped, 'file')} skipped (w)")
        elif self.warnings:
            bits.append(f"{_plural(len(self.warnings), 'warning')} (w)")
        self.sub_title = " · ".join(bits)

    def get_default_screen(self) -> Screen[None]:
        return BrowseScreen(self.index, self.start)

    def on_mount(self) -> None:
        if self.warnings:
            self.notify(
                f"{_plural(len(self.warnings), 'corpus file')} had problems. Press w to see them.",
                severity="warning",
                markup=False,
            )

    @property
    def browser(self) -> BrowseScreen:
        """The main screen (always at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, BrowseScreen)
        return screen

    async def go_to(self, ident: str, anchor: str | None = None) -> None:
        """Close whatever is open over the main screen and open *ident*'s briefing."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.browser.open(Place(ident, anchor))
        self.browser.reader.focus()

    async def on_follow(self, message: Follow) -> None:
        """A link followed outside the main screen (compare view, dialogs)."""
        await self.go_to(message.place.ident, message.place.anchor)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "warnings":
            return bool(self.warnings)
        return True

    def action_help(self) -> None:
        from .screens.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_warnings(self) -> None:
        from .screens.dialogs import WarningsScreen

        if not isinstance(self.screen, WarningsScreen):
            self.push_screen(WarningsScreen(self.warnings))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_compare(self) -> None:
        self.browser.action_compare()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand("Compare actors", "Set actors side by side", self.action_compare)
        yield SystemCommand("Keys", "Every key binding", self.action_help)
        if self.warnings:
            yield SystemCommand(
                "Corpus warnings", "Files skipped or with problems", self.action_warnings
            )
        yield from super().get_system_commands(screen)
