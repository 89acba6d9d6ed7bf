"""The command palette's "go to": every topic, actor and source, by name, alias or id."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .entries import Entry, entries

if TYPE_CHECKING:
    from .app import BriefApp


#: How many entries the palette lists before anything is typed.
DISCOVER = 100


class GoToProvider(Provider):
    """Go to any entry. Titles enter the palette as literal Content, never as markup."""

    async def startup(self) -> None:
        app: BriefApp = self.app  # type: ignore[assignment]
        self._entries = entries(app.catalogue)
        self._aliases = {e.id: e.aliases for e in app.catalogue}

    def _command(self, entry: Entry) -> Callable[[], Awaitable[None]]:
        app: BriefApp = self.app  # type: ignore[assignment]
        return partial(app.go_to, entry.id)

    @staticmethod
    def _help(entry: Entry) -> str:
        # ids are plain ``a-z0-9-`` (the loader checks), so this string holds no markup
        return f"{entry.kind} · {entry.id}"

    async def discover(self) -> Hits:
        # Before anything is typed: the first entries only, so a huge corpus opens fast.
        for entry in self._entries[:DISCOVER]:
            yield DiscoveryHit(
                Content(f"Go to {entry.kind}: ").stylize("dim") + Content(entry.title),
                self._command(entry),
                text=entry.title,
                help=self._help(entry),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        fuzzy = matcher.fuzzy_search
        for entry in self._entries:
            score, offsets = fuzzy.match(query, entry.title)
            display = Content(entry.title)
            for alias in (*self._aliases[entry.id], entry.id):  # the id too, as `show` takes
                alias_score, _ = fuzzy.match(query, alias)
                if alias_score > score:
                    score, offsets = alias_score, ()
                    display = Content.assemble(entry.title, (f" ({alias})", "dim"))
            if score <= 0:
                continue
            for offset in offsets:
                display = display.stylize(matcher.match_style, offset, offset + 1)
            yield Hit(
                score,
                Content(f"Go to {entry.kind}: ").stylize("dim") + display,
                self._command(entry),
                text=entry.title,
                help=self._help(entry),
            )
