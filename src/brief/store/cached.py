"""A store read from a fresh cache file: no parsing, and no index unless asked for.

A warm ``brief show`` reads one name and one remembered briefing here. A briefing not
yet remembered is built from the few rows it shows (see ``read.neighbourhood``),
then remembered for the next run: building all of them up front took 27 of the 31
seconds a 10,000-topic corpus took to cache.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.errors import NotFound
from . import codec, sql
from .cachefile import connect_rw, generation, locked

if TYPE_CHECKING:
    from ..core.index import Index
    from ..views.catalogue import EntryName
    from ..views.comparison import Comparison
    from ..views.records import Briefing, Results


class CachedStore:
    """A :class:`~brief.store.protocol.Store` over a cache file opened read-only."""

    def __init__(
        self, con: sqlite3.Connection, path: str, generation: bytes, warnings: list[str]
    ) -> None:
        self._con = con
        self._path = path
        self._generation = generation
        self._index: Index | None = None
        self.warnings = warnings

    def resolve(self, name: str) -> str:
        try:
            return self._find(name)
        except NotFound as missing:
            from .protocol import left_out_instead

            raise left_out_instead(name, missing, self.left_out) from None

    def _find(self, name: str) -> str:
        from ..core.names import normalise

        row = self._con.execute(sql.ID_OF_NAME, (normalise(name),)).fetchone()
        if row is not None:
            return str(row[0])
        return self.index().resolve(name).id  # raises NotFound with suggestions

    def briefing(self, ident: str) -> Briefing:
        row = self._con.execute(sql.BRIEFING, (ident,)).fetchone()
        if row is not None:
            return codec.read_briefing(row[0])
        return self._build_briefing(ident)

    def _build_briefing(self, ident: str) -> Briefing:
        """Build a briefing from the rows it shows, and remember it for the next run."""
        from ..core.index import build_index
        from ..views.briefings import briefing
        from .read import neighbourhood

        made = briefing(build_index(neighbourhood(self._con, ident)), ident)
        blob = codec.briefing_blob(made)
        # Best effort: a busy lock or a read-only folder only costs the next run time.
        with contextlib.suppress(OSError, sqlite3.Error), locked(self._path, wait=False) as held:
            if held:
                con = connect_rw(self._path)
                try:
                    con.execute(sql.BEGIN)
                    if generation(con) == self._generation:
                        con.execute(sql.REMEMBER_BRIEFING, (ident, blob))
                    con.execute(sql.COMMIT)
                finally:
                    con.close()
        return made

    def index(self) -> Index:
        if self._index is None:
            from ..core.index import build_index
            from .read import whole_corpus

            self._index = build_index(whole_corpus(self._con))
        return self._index

    def skipped(self) -> tuple[str, ...]:
        from .read import skipped

        return skipped(self._con)

    def catalogue(self) -> tuple[EntryName, ...]:
        """Read from the entry rows alone: no claims, no index (a browser opens faster)."""
        from ..views.catalogue import catalogue

        return catalogue(
            codec.named_of(kind, blob) for kind, blob in self._con.execute(sql.ALL_ENTRIES)
        )

    def compare(
        self, idents: Sequence[str], topics: tuple[str, ...] = (), diff_only: bool = False
    ) -> Comparison:
        from ..views.comparison import compare

        index = self.index()
        return compare(index, [index.entry(ident) for ident in idents], topics, diff_only)

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        actor: str | None = None,
        tag: str | None = None,
        topic: str | None = None,
    ) -> Results:
        from .search import search

        return search(self._con, query, limit=limit, actor=actor, tag=tag, topic=topic)

    def left_out(self, name: str) -> str | None:
        from ..core.names import normalise
        from .read import left_out, troubled

        return left_out(troubled(self._con), normalise(name))

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        from ..core.names import normalise

        start = normalise(prefix)
        end = start + "\U0010ffff"
        if kinds == ("tag",):
            rows = self._con.execute(sql.TAGS_FROM, (start, end))
        else:
            marks = ", ".join("?" for _ in kinds)
            rows = self._con.execute(sql.NAMES_FROM.format(marks=marks), (start, end, *kinds))
        return [str(key) for (key,) in rows]
