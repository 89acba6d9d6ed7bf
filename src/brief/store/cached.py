"""A store read from a fresh cache file: no parsing, and no index unless asked for.

A warm ``brief show`` reads one name and one remembered briefing here. A briefing not
yet remembered is built from the few rows it shows (see ``read.neighbourhood``),
then remembered for the next run: building all of them up front took 27 of the 31
seconds a 10,000-topic corpus took to cache. ``compare`` and ``timeline NAME`` read
the same rows for the entries they name; the graph, the claims that state a relation
(``read.relations``); ``conflicts``, the claims that contradict or are contradicted
(``read.contested``); an unfiltered listing, the entries alone; and names and tags are
looked up in their tables (``lookup``); so are ``claims --topic/--actor/--source``.
The whole index is built only for what reads every claim (``claims`` unfiltered or by
``--tag`` or ``--by``, ``timeline`` of every claim, a filtered ``list``).

A cache may be damaged (a bad sector, a crash, a careless hand) in a way opening it
does not show. Any error reading it (SQLite's, a record whose checksum fails, a row
that should be there and is not) makes the store rebuild the cache from the files
once, silently, and answer that question and every later one from that load: never
a traceback, never text other than the files give.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..core.errors import NotFound
from . import briefingrecord, codec, sql
from .cachefile import connect_rw, generation, locked

if TYPE_CHECKING:
    from ..core.index import Index
    from ..corpus.layers import Layer
    from ..corpus.sourcetext import SourceText
    from ..views.catalogue import EntryName
    from ..views.claims import Claims
    from ..views.claims import Query as ClaimsQuery
    from ..views.comparison import Comparison, Conflicts
    from ..views.graph import Graph, Query
    from ..views.mingrade import Minimum
    from ..views.records import Briefing, Results
    from ..views.timeline import Timeline
    from .live import LiveStore

#: What reading a damaged cache raises: each means "rebuild it", never "stop".
UNUSABLE = (sqlite3.Error, codec.Corrupt, UnicodeError, MemoryError, OverflowError)

_Method = TypeVar("_Method", bound=Callable[..., Any])


def _or_rebuilt(method: _Method) -> _Method:
    """*method*, answered by a fresh load when the cache fails to give the answer."""

    @functools.wraps(method)
    def guarded(self: CachedStore, *args: Any, **kwargs: Any) -> Any:
        if self._fallback is None:
            try:
                return method(self, *args, **kwargs)
            except UNUSABLE:
                if self._reopened():
                    with contextlib.suppress(*UNUSABLE):
                        return method(self, *args, **kwargs)
        return getattr(self._rebuilt(), method.__name__)(*args, **kwargs)

    return cast("_Method", guarded)


class CachedStore:
    """A :class:`~brief.store.protocol.Store` over a cache file opened read-only."""

    unwritten: str | None = None
    """Always None: read from the cache, which was written (see ``Store.unwritten``)."""

    def __init__(
        self,
        con: sqlite3.Connection,
        path: str,
        generation: bytes,
        warnings: list[str],
        layers: Sequence[Layer] = (),
    ) -> None:
        self._con = con
        self._path = path
        self._generation = generation
        self._layers = layers
        self._index: Index | None = None
        self._fallback: LiveStore | None = None
        self.warnings = warnings

    def _reopened(self) -> bool:
        """Whether another process replaced the file we read with a fresh one, now open.

        A reader of a file renamed away may meet the new file's journal and take it for
        its own (SQLite's docs warn of renaming a database in use): that is not damage,
        and reading the file now in place answers the question.
        """
        from .cachefile import open_file

        opened = open_file(self._path)
        if opened is None or not opened.fresh or opened.generation == self._generation:
            if opened is not None:
                opened.con.close()
            return False
        with contextlib.suppress(sqlite3.Error):
            self._con.close()
        self._con, self._generation, self.warnings = opened.con, opened.generation, opened.warnings
        return True

    def _rebuilt(self) -> LiveStore:
        """The corpus loaded from its files, the cache rewritten from that load: once."""
        if self._fallback is None:
            from .build import build

            with contextlib.suppress(sqlite3.Error):
                self._con.close()
            self._fallback = build(self._layers, self._path)
        return self._fallback

    @_or_rebuilt
    def resolve(self, name: str) -> str:
        try:
            return self._find(name)
        except NotFound as missing:
            raise self._instead(missing) from None

    def _instead(self, missing: NotFound) -> NotFound:
        """What to raise for *missing* (``protocol.explained``)."""
        from .protocol import explained

        return explained(missing, self._left_out, self._skipped_file_of, self._claim_topic)

    def _claim_topic(self, name: str) -> str | None:
        row = self._con.execute(sql.TOPIC_OF_CLAIM, (name.strip(),)).fetchone()
        return None if row is None else str(row[0])

    def _find(self, name: str) -> str:
        from .lookup import resolve

        return resolve(self._con, name)  # raises NotFound with suggestions

    @_or_rebuilt
    def reached(self, name: str) -> tuple[str, str] | None:
        from ..core.names import normalise
        from .lookup import named

        found = named(self._con, name)
        if found is not None:
            return found
        key = normalise(name)
        return None if self._claim_topic(key) is None else (key, "claim")

    @_or_rebuilt
    def resolve_as(self, name: str, kind: str) -> str:
        """From the ``names`` table: no index, and no left-out or skipped-file reasons
        (as ``Index.resolve_actor``, which the filters of a query use)."""
        from .lookup import resolve_as

        try:
            return resolve_as(self._con, name, kind)
        except NotFound as missing:
            raise self._instead(missing) from None

    @_or_rebuilt
    def resolve_tag(self, name: str) -> str:
        from .lookup import resolve_tag

        return resolve_tag(self._con, name)

    @_or_rebuilt
    def suggest(self, name: str, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
        from .lookup import suggest

        return suggest(self._con, name, kinds)

    @_or_rebuilt
    def briefing(self, ident: str) -> Briefing:
        row = self._con.execute(sql.BRIEFING, (ident,)).fetchone()
        if row is None:
            return self._build_briefing(ident)
        made = briefingrecord.read_briefing(row[0])
        if made.id != ident:
            raise codec.Corrupt(f"the briefing of {made.id!r} stored as {ident!r}")
        return self._with_unread(made)

    def _with_unread(self, made: Briefing) -> Briefing:
        """*made* with the skipped files, those that name its entry apart (which the
        stored briefing does not keep: nearly every corpus has none, and a file skipped
        or mended makes the whole cache anew)."""
        row = self._con.execute(sql.UNREAD).fetchone()  # {} but for a corpus with skipped files
        if row is None:
            raise codec.Corrupt("no ids of skipped files")
        files = codec.read_unread(row[0])
        if not files:
            return made
        return made._replace(
            unread=codec.unread_naming(files, made.id),
            skipped=codec.unread_not_naming(files, made.id),
        )

    def _build_briefing(self, ident: str) -> Briefing:
        """Build a briefing from the rows it shows, and remember it for the next run."""
        from ..views.briefings import briefing
        from .read import indexed, neighbourhood

        made = briefing(indexed(neighbourhood(self._con, ident)), ident)
        blob = briefingrecord.briefing_blob(made)
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
        return self._with_unread(made)

    @_or_rebuilt
    def index(self) -> Index:
        if self._index is None:
            from .read import indexed, whole_corpus

            self._index = indexed(whole_corpus(self._con))
        return self._index

    @_or_rebuilt
    def entries_index(self) -> Index:
        """The whole index when built already; else the entries' rows alone, indexed."""
        if self._index is not None:
            return self._index
        from .read import entries_only, indexed

        return indexed(entries_only(self._con))

    @_or_rebuilt
    def skipped(self) -> tuple[str, ...]:
        from .read import skipped

        return skipped(self._con)

    @_or_rebuilt
    def catalogue(self) -> tuple[EntryName, ...]:
        """Read from the entry rows alone: no claims, no index (a browser opens faster)."""
        from ..views.catalogue import catalogue

        return catalogue(
            codec.named_of(kind, blob) for kind, blob in self._con.execute(sql.ALL_ENTRIES)
        )

    @_or_rebuilt
    def compare(
        self, idents: Sequence[str], topics: tuple[str, ...] = (), diff_only: bool = False
    ) -> Comparison:
        """From an index of the entries' claims and what they show (as a briefing's), or
        the whole index when it is built already."""
        from ..views.comparison import compare
        from .read import indexed, neighbourhood

        index = self._index
        if index is None:
            index = indexed(neighbourhood(self._con, *idents))
        return compare(index, [index.entry(ident) for ident in idents], topics, diff_only)

    @_or_rebuilt
    def filtered_index(self, tag: str | None, actor: str | None) -> Index:
        """From the rows the filter reaches (``read.filtered``), or the whole index when
        it is built already."""
        if self._index is not None:
            return self._index
        from .read import filtered, indexed

        return indexed(filtered(self._con, tag, actor))

    @_or_rebuilt
    def conflicts(self, about: Sequence[str] = (), each: Sequence[str] = ()) -> Conflicts:
        """From an index of the claims that contradict or are contradicted, and what they
        name (see ``read.contested``): only those around the entries named, when some
        are (``read.conflicting``: a pair kept touches one of *about*, or every one of
        *each*). Or from the whole index, when it is built already."""
        from ..views.comparison import conflicts
        from .read import conflicting, contested, indexed

        index = self._index
        if index is None:
            named = about or each
            if named:  # with every entry named, for what it leaves out
                index = indexed(conflicting(self._con, named, (*about, *each)))
            else:
                index = indexed(contested(self._con))
        return conflicts(index, about, each)

    @_or_rebuilt
    def claims(self, query: ClaimsQuery, keys: tuple[str, ...]) -> Claims:
        """From the claims the filters narrow the corpus to, and what they need around
        them (see ``narrow``); from the whole index when no filter given narrows
        it (``--unchecked`` or ``--min-grade`` alone), or when it is built already."""
        from ..views.claims import claims

        try:
            index = self._index
            if index is None:
                from .narrow import narrowed
                from .read import indexed

                query, part = narrowed(self._con, query)
                index = None if part is None else indexed(part)
            return claims(self.index() if index is None else index, query, keys)
        except NotFound as missing:
            raise self._instead(missing) from None

    @_or_rebuilt
    def timeline(
        self, ident: str | None = None, least: Minimum | None = None, quotes: bool = False
    ) -> Timeline:
        """One entry's from the rows its briefing reads (``read.neighbourhood``); every
        claim's from the dated claims and what they name, and the count of the others
        (``read.dated``). From the whole index when it is built already."""
        from ..views.timeline import timeline
        from .read import dated, indexed, neighbourhood

        if self._index is not None:
            return timeline(self._index, ident, least, quotes)
        if ident is not None:
            return timeline(indexed(neighbourhood(self._con, ident)), ident, least, quotes)
        corpus, undated = dated(self._con)
        return timeline(indexed(corpus), None, least, quotes, undated=undated)

    @_or_rebuilt
    def graph(self, query: Query | None = None) -> Graph:
        """From an index of the claims that state a relation and what they name (see
        ``read.relations``), not the whole corpus; the names *query* gives are looked up
        first, so that a miss is worded as the whole index words it."""
        from ..views.graph import graph
        from .lookup import graph_names
        from .read import indexed, relations

        if query is None:
            named: list[str] = []
        else:
            try:
                named = graph_names(self._con, query.names, query.topic)
            except NotFound as missing:
                raise self._instead(missing) from None
        return graph(indexed(relations(self._con, named)), query)

    @_or_rebuilt
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

    @_or_rebuilt
    def respelled(
        self,
        query: str,
        *,
        actor: str | None = None,
        tag: str | None = None,
        topic: str | None = None,
    ) -> str | None:
        from .search import respelled

        return respelled(self._con, query, actor=actor, tag=tag, topic=topic)

    @_or_rebuilt
    def source_text(self, source: str) -> SourceText | None:
        from ..core.model import Source
        from ..corpus.cited import source_text

        row = self._con.execute(sql.ENTRY, (source,)).fetchone()
        if row is None or row[0] != "source":
            return None
        entry = codec.named_of(row[0], row[2])
        return source_text(entry, self._layers) if isinstance(entry, Source) else None

    @_or_rebuilt
    def left_out(self, name: str) -> str | None:
        return self._left_out(name)

    def _left_out(self, name: str) -> str | None:
        from ..core.names import normalise
        from .read import left_out, troubled

        return left_out(troubled(self._con), normalise(name))

    @_or_rebuilt
    def problems_in(self, files: Collection[str] | None = None) -> list[str]:
        return self._problems_in(files)

    def _problems_in(self, files: Collection[str] | None) -> list[str]:
        from .read import problems_in

        return problems_in(self._con, files)

    @_or_rebuilt
    def skipped_file_of(self, name: str) -> str | None:
        return self._skipped_file_of(name)

    def _skipped_file_of(self, name: str) -> str | None:
        from ..core.names import normalise
        from .read import lost

        return lost(self._con).get(normalise(name))

    @_or_rebuilt
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
