"""``brief tui``: the Textual application.

The app reads the corpus through a :class:`~brief.store.Store`, as every command
does: the screens ask it for the catalogue, briefings and comparisons, and draw the
same view records the CLI prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..core.collector import resume
from ..core.kinds import Kind
from ..views.wording import counted
from .commands import GoToProvider
from .history import Overlay, Place
from .keys import APP_KEYS
from .messages import Follow, OpenRelation
from .screens.browse import TINY, BrowseScreen

if TYPE_CHECKING:
    from ..store import Store, Watched


def make_app(
    store: Store, start: str | None = None, watched: Watched | None = None, every: float = 0.5
) -> BriefApp:
    """The app as ``brief tui`` starts it: over *store*, open on the entry *start* (an id).

    With *watched* (whose store is *store*), the app checks every *every* seconds
    whether the corpus files changed, and if so reads the page being read again.
    """
    return BriefApp(store, start=start, watched=watched, every=every)


#: From this many columns the list is wider and the page's lines no longer.
ROOMY = 160


class BriefApp(App[None]):
    """Browse a corpus: a filtered list of entries, briefings with links, comparisons."""

    CSS_PATH = "app.tcss"
    TITLE = "brief"
    COMMANDS = App.COMMANDS | {GoToProvider}
    # App declares it as an instance attribute, so it cannot be a ClassVar here. Below
    # TINY columns the list hides (see BrowseScreen); below 100 it is narrower; from
    # ROOMY on it is wider, and the page's lines stop at a width that reads (app.tcss).
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-tiny"),
        (TINY, "-narrow"),
        (100, "-wide"),
        (ROOMY, "-roomy"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        *APP_KEYS,
        Binding("d", "toggle_theme", "Theme", show=False, tooltip="dark / light theme"),
        # Not in the footer: the title bar says "N files skipped (w)" when there are any.
        Binding(
            "w",
            "warnings",
            "Warnings",
            show=False,
            tooltip="corpus warnings (when files had problems)",
        ),
    ]

    def __init__(
        self,
        store: Store,
        *,
        start: str | None = None,
        watched: Watched | None = None,
        every: float = 0.5,
    ) -> None:
        super().__init__()
        self.store = store
        self.watched = watched
        """What tells whether the corpus files changed (None: they are not watched)."""
        self._every = every
        self._checking = False
        self.catalogue = store.catalogue()
        """Every entry by its names, read once: the sidebar, the palette and the links use it."""
        self.known = frozenset(e.id for e in self.catalogue)
        """The ids of every entry: what a link may lead to."""
        self.names = {e.id: (e.kind, e.title) for e in self.catalogue}
        """The kind and title of every entry, by id."""
        self.warnings = list(store.warnings)
        self.start = start
        self.quotes = False
        """Whether claims show their quotes under them (``"``), on every screen."""
        self.compared: list[str] = []
        """The actors ticked when compare was last left, in the order they were ticked."""
        self.sub_title = " · ".join(self._counts(store.skipped()))

    def _counts(self, skipped: tuple[str, ...]) -> list[str]:
        """The header's words: how many entries of each kind, and what was skipped."""
        bits = [
            counted(sum(e.kind == kind for e in self.catalogue), kind)
            for kind in (Kind.TOPIC, Kind.ACTOR, Kind.SOURCE)
        ]
        if skipped:
            bits.append(f"{_skipped_words(skipped)} (w)")
        elif self.warnings:
            bits.append(f"{counted(len(self.warnings), 'warning')} (w)")
        return bits

    def get_default_screen(self) -> Screen[None]:
        return BrowseScreen(self.store, self.catalogue, self.start)

    def on_mount(self) -> None:
        # the first screen drawn: the cycle collector on (brief starts with it off)
        self.call_after_refresh(resume)
        self._tell_warnings()
        if self.watched is not None:
            self.set_interval(self._every, self._poll)

    def _tell_warnings(self) -> None:
        """A notice of the files with problems, in the header's words: a trial read "1
        file skipped" above "2 corpus files had problems" and wondered which was right."""
        if not self.warnings:
            return
        from ..corpus.knockons import is_heading

        skipped = self.store.skipped()
        # each skipped file has its warning, and its knock-ons a line of their own
        others = sum(not is_heading(w) for w in self.warnings) - len(skipped)
        if not skipped:
            said = f"{counted(len(self.warnings), 'corpus file')} had problems"
        elif others > 0:
            said = f"{_skipped_words(skipped)}, and {counted(others, 'other file')} with problems"
        else:
            said = _skipped_words(skipped)
        self.notify(f"{said}. Press w to see them.", severity="warning", markup=False)

    # the corpus edited while it is read

    def _poll(self) -> None:
        """Check, in a thread, whether the corpus files changed (a ``stat`` of each: on
        a large corpus, tens of milliseconds the screen does not wait for)."""
        if not self._checking:
            self._checking = True
            self.run_worker(self._check, thread=True, group="watch", exit_on_error=False)

    def _check(self) -> None:
        try:
            assert self.watched is not None
            if self.watched.changed():
                self.call_from_thread(self.corpus_changed)  # type: ignore[arg-type]  # textual's typing of an async callable
        finally:
            self._checking = False

    async def corpus_changed(self) -> None:
        """Read the corpus again: the header's counts, the warnings, the list, and the
        page being read (at the same scroll offset)."""
        assert self.watched is not None
        store = self.watched.reopen()
        before = self.warnings
        self.store = store
        self.catalogue = store.catalogue()
        self.known = frozenset(e.id for e in self.catalogue)
        self.warnings = list(store.warnings)
        self.sub_title = " · ".join(self._counts(store.skipped()))
        self.names = {e.id: (e.kind, e.title) for e in self.catalogue}
        await self.browser.corpus_changed(store, self.catalogue)
        from .navigation import corpus_changed

        await corpus_changed(self)
        if self.warnings != before:
            self._tell_warnings()
        self.refresh_bindings()

    @property
    def browser(self) -> BrowseScreen:
        """The main screen (always at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, BrowseScreen)
        return screen

    async def go_to(self, ident: str, anchor: str | None = None) -> None:
        """Close whatever is open over the main screen and open *ident*'s briefing."""
        from .navigation import go_to

        await go_to(self, Place(ident, anchor))

    # places: back and forward, and the relations screens over the page

    async def step(self, delta: int) -> None:
        """Back (``-1``) or forward (``+1``) a place, the relations screens included."""
        from .navigation import step

        await step(self, delta)

    async def open_overlay(self, overlay: Overlay) -> None:
        """Open a relations screen over what is shown, as a new place."""
        from .navigation import open_overlay

        await open_overlay(self, overlay)

    async def close_overlay(self) -> None:
        """Close the relations screen on top (Esc), back a place."""
        from .navigation import close_overlay

        await close_overlay(self)

    async def on_follow(self, message: Follow) -> None:
        """A link followed outside the main screen (compare view, relations, dialogs)."""
        await self.go_to(message.place.ident, message.place.anchor)
        if self.browser.tiny:
            self.browser.show_list(None)  # the page, in place of the list

    def has_relations(self, ident: str | None) -> bool:
        """Whether *ident* is an actor or a topic: what has relations to show."""
        kind = self.names.get(ident or "", (None, ""))[0]
        return kind in (Kind.ACTOR, Kind.TOPIC)

    async def open_relations(self, ident: str | None = None) -> None:
        """Show the relations of the actor or topic *ident* (of every actor, for None)."""
        await self.open_overlay(Overlay(ident))

    async def on_open_relation(self, message: OpenRelation) -> None:
        """One of an actor's relations chosen on its page: the claims that state it."""
        from .relations import GONE, relation_overlay

        message.stop()
        overlay = relation_overlay(self, message.actor, message.relation)
        if overlay is None:  # the page is older than the corpus: say so rather than nothing
            self.notify(GONE, severity="warning")
        else:
            await self.open_overlay(overlay)

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
        current = self.browser.current if screen is self.browser else None
        if self.has_relations(current):
            kind = self.names[current or ""][0]
            yield SystemCommand(
                "Relations",
                f"The relations of the {kind} being read, by kind (g)",
                lambda: self.open_relations(current),
            )
        yield SystemCommand(
            "All relations", "Every relation among actors, by kind", self.open_relations
        )
        yield SystemCommand("Keys", "Every key binding", self.action_help)
        if self.warnings:
            yield SystemCommand(
                "Corpus warnings", "Files skipped or with problems", self.action_warnings
            )
        for command in super().get_system_commands(screen):
            # Textual's own "Keys" opens a side panel no key closes (a trial): ours lists
            # every binding; its "hide" stays, for a panel opened some other way
            if command.title == "Keys" and not command.help.startswith("Hide"):
                continue
            yield command


def _skipped_words(skipped: tuple[str, ...]) -> str:
    """``1 file and 1 folder skipped``: what a load skipped (a folder's name ends in /)."""
    folders = sum(name.endswith("/") for name in skipped)
    gone = [counted(len(skipped) - folders, "file")] if len(skipped) > folders else []
    gone += [counted(folders, "folder")] if folders else []
    return f"{' and '.join(gone)} skipped"
