"""A store over a corpus loaded in this process: a cold start, or no cache at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from ..core.errors import NotFound

if TYPE_CHECKING:
    from ..core.diagnostics import Diagnostic
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
    from .filerecord import FileRecord


class LiveStore:
    """A :class:`~brief.store.protocol.Store` over an index built in this process."""

    def __init__(
        self,
        index: Index,
        warnings: list[str],
        troubled: Sequence[FileRecord] = (),
        skipped: Sequence[str] = (),
        lost: Mapping[str, str] | None = None,
        layers: Sequence[Layer] = (),
        problems: Sequence[Diagnostic] = (),
        unread: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """*troubled* are the records of the files with problems (see ``filerecord.record_of``);
        *skipped* the names of the files skipped (``LoadResult.skipped``), *lost* the
        skipped file of each name they define (``LoadResult.lost``); *layers* those
        loaded, where sources' texts are read from; *problems* the load's, in order
        (``LoadResult.problems``); *unread* the ids each skipped file names
        (``LoadResult.unread``)."""
        self._index = index
        self.warnings = warnings
        self._troubled = troubled
        self._skipped = tuple(sorted(skipped))
        self._lost = lost or {}
        self._search: sqlite3.Connection | None = None
        self._layers = layers
        self._problems = problems
        self._unread = unread or {}
        self.unwritten: str | None = None
        """Why the cache of this load could not be written, if it could not (a
        read-only or full cache folder, one not brief's own); None when it was, or
        none was asked for."""

    def resolve(self, name: str) -> str:
        try:
            return self._find(name)
        except NotFound as missing:
            raise self._instead(missing) from None

    def _instead(self, missing: NotFound) -> NotFound:
        """What to raise for *missing* (``protocol.explained``)."""
        from .protocol import explained

        return explained(missing, self.left_out, self.skipped_file_of, self._claim_topic)

    def _claim_topic(self, name: str) -> str | None:
        claim = self._index.claims.get(name.strip())
        return None if claim is None else claim.topic

    def _find(self, name: str) -> str:
        return self._index.resolve(name).id

    def reached(self, name: str) -> tuple[str, str] | None:
        from ..core.names import normalise

        key = normalise(name)
        ident = self._index.names.get(key)
        if ident is not None:
            return ident, self._index.kind(ident).value
        return (key, "claim") if key in self._index.claims else None

    def resolve_as(self, name: str, kind: str) -> str:
        from ..core.kinds import Kind

        try:
            if kind == Kind.ACTOR:
                return self._index.resolve_actor(name).id
            if kind == Kind.TOPIC:
                return self._index.resolve_topic(name).id
            if kind == Kind.SOURCE:
                return self._index.resolve_source(name).id
        except NotFound as missing:
            raise self._instead(missing) from None
        raise ValueError(f"resolve_as takes an actor, a topic or a source, not {kind!r}")

    def resolve_tag(self, name: str) -> str:
        return self._index.resolve_tag(name)

    def suggest(self, name: str, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
        return self._index.suggest(name, kinds)

    def left_out(self, name: str) -> str | None:
        from ..core.names import normalise
        from .read import left_out

        return left_out(self._troubled, normalise(name))

    def problems_in(self, files: Collection[str] | None = None) -> list[str]:
        return [str(p) for p in self._problems if files is None or p.file in files]

    def skipped_file_of(self, name: str) -> str | None:
        from ..core.names import normalise

        return self._lost.get(normalise(name))

    def source_text(self, source: str) -> SourceText | None:
        from ..corpus.cited import source_text

        entry = self._index.sources.get(source)
        return None if entry is None else source_text(entry, self._layers)

    def briefing(self, ident: str) -> Briefing:
        from ..views.briefings import briefing
        from .codec import unread_naming, unread_not_naming

        made = briefing(self._index, ident, unread_naming(self._unread, ident))
        skipped = unread_not_naming(self._unread, ident)
        return made._replace(skipped=skipped) if skipped else made

    def graph(self, query: Query | None = None) -> Graph:
        from ..views.graph import graph

        try:
            return graph(self._index, query)
        except NotFound as missing:
            raise self._instead(missing) from None

    def index(self) -> Index:
        return self._index

    def entries_index(self) -> Index:
        return self._index

    def skipped(self) -> tuple[str, ...]:
        return self._skipped

    def catalogue(self) -> tuple[EntryName, ...]:
        from ..views.catalogue import catalogue

        corpus = self._index.corpus
        return catalogue((*corpus.topics, *corpus.actors, *corpus.sources))

    def compare(
        self, idents: Sequence[str], topics: tuple[str, ...] = (), diff_only: bool = False
    ) -> Comparison:
        from ..views.comparison import compare

        entries = [self._index.entry(ident) for ident in idents]
        return compare(self._index, entries, topics, diff_only)

    def filtered_index(self, tag: str | None, actor: str | None) -> Index:
        return self._index

    def conflicts(self, about: Sequence[str] = (), each: Sequence[str] = ()) -> Conflicts:
        from ..views.comparison import conflicts

        return conflicts(self._index, about, each)

    def claims(self, query: ClaimsQuery, keys: tuple[str, ...]) -> Claims:
        from ..views.claims import claims

        try:
            return claims(self._index, query, keys)
        except NotFound as missing:
            raise self._instead(missing) from None

    def timeline(
        self, ident: str | None = None, least: Minimum | None = None, quotes: bool = False
    ) -> Timeline:
        from ..views.timeline import timeline

        return timeline(self._index, ident, least, quotes)

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        actor: str | None = None,
        tag: str | None = None,
        topic: str | None = None,
    ) -> Results:
        from .search import memory_db, search

        if self._search is None:
            self._search = memory_db(self._index)  # built once, on the first search
        return search(self._search, query, limit=limit, actor=actor, tag=tag, topic=topic)

    def respelled(
        self,
        query: str,
        *,
        actor: str | None = None,
        tag: str | None = None,
        topic: str | None = None,
    ) -> str | None:
        from .search import memory_db, respelled

        if self._search is None:
            self._search = memory_db(self._index)
        return respelled(self._search, query, actor=actor, tag=tag, topic=topic)

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        from ..core.names import normalise

        start = normalise(prefix)
        if kinds == ("tag",):
            return sorted(k for k in self._index.by_tag if k.startswith(start))
        return sorted(
            key
            for key, ident in self._index.names.items()
            if key.startswith(start) and self._index.kind(ident) in kinds
        )
