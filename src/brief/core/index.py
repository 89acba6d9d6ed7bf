"""The in-memory index: every way a reader reaches an entry, built once from a corpus.

Lookups by id, by name and alias (normalised), by tag, by actor, by topic and by
source, and the contradiction graph made symmetric. Immutable once built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .errors import NotFound, WrongKind
from .kinds import Kind
from .model import Actor, Claim, Corpus, Source, Topic
from .names import closest, normalise

Named = Topic | Actor | Source


def _freeze(table: dict[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({key: tuple(ids) for key, ids in table.items()})


@dataclass(frozen=True, slots=True)
class Index:
    """Read-only views over one corpus. Build it with :func:`build_index`."""

    corpus: Corpus
    topics: Mapping[str, Topic]
    actors: Mapping[str, Actor]
    sources: Mapping[str, Source]
    claims: Mapping[str, Claim]
    names: Mapping[str, str]
    """Normalised id, title/name or alias -> the id it reaches."""
    by_tag: Mapping[str, tuple[str, ...]]
    """Normalised tag -> topic ids."""
    by_topic: Mapping[str, tuple[str, ...]]
    """Topic id -> claim ids, in corpus order."""
    by_actor: Mapping[str, tuple[str, ...]]
    """Actor id -> claim ids."""
    by_source: Mapping[str, tuple[str, ...]]
    """Source id -> claim ids."""
    contested: Mapping[str, tuple[str, ...]]
    """Claim id -> the claims that contradict it, in either direction."""
    supported: Mapping[str, tuple[str, ...]]
    """Claim id -> the claims that support it."""

    def entry(self, ident: str) -> Named:
        """The topic, actor or source with this exact id."""
        return self.topics.get(ident) or self.actors.get(ident) or self.sources[ident]

    def kind(self, ident: str) -> Kind:
        """Whether the entry with this exact id is a topic, an actor or a source."""
        if ident in self.topics:
            return Kind.TOPIC
        return Kind.ACTOR if ident in self.actors else Kind.SOURCE

    def resolve(self, name: str) -> Named:
        """The entry a reader means by *name*, or :class:`NotFound` with suggestions."""
        ident = self.names.get(normalise(name))
        if ident is None:
            raise NotFound(name, self.suggest(name))
        return self.entry(ident)

    def resolve_actor(self, name: str) -> Actor:
        """Like :meth:`resolve`, for a name that must be an actor."""
        return self.actors[self._resolve_in(name, self.actors, Kind.ACTOR)]

    def resolve_topic(self, name: str) -> Topic:
        """Like :meth:`resolve`, for a name that must be a topic."""
        return self.topics[self._resolve_in(name, self.topics, Kind.TOPIC)]

    def resolve_source(self, name: str) -> Source:
        """Like :meth:`resolve`, for a name that must be a source."""
        return self.sources[self._resolve_in(name, self.sources, Kind.SOURCE)]

    def _resolve_in(self, name: str, table: Mapping[str, object], what: Kind) -> str:
        ident = self.names.get(normalise(name))
        if ident is not None and ident not in table:  # a name of another kind: say so
            raise WrongKind(name, self.kind(ident).value, what.value)
        if ident is None:
            keys = [k for k, v in self.names.items() if v in table]
            found = tuple(dict.fromkeys(self.names[k] for k in closest(name, keys, limit=6)))
            raise NotFound(name, found[:3], what=what.value)
        return ident

    def resolve_tag(self, name: str) -> str:
        """The normalised tag a reader means, or :class:`NotFound` with the closest tags."""
        key = normalise(name)
        if key not in self.by_tag:
            raise NotFound(name, closest(name, self.by_tag), what="tag")
        return key

    def suggest(self, name: str, kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Ids of the entries (of *kinds*, ``topic``...; any for none) whose names look
        most like *name*, each once: three at most."""
        keys = (
            [k for k, i in self.names.items() if self.kind(i).value in kinds]
            if kinds
            else self.names
        )
        out: list[str] = []
        for key in closest(name, keys, limit=6):
            ident = self.names[key]
            if ident not in out:
                out.append(ident)
        return tuple(out[:3])

    def claims_of(self, ids: tuple[str, ...]) -> list[Claim]:
        return [self.claims[i] for i in ids]


def _names(corpus: Corpus) -> dict[str, str]:
    """Normalised name -> id. Ids win over names, names over aliases, earlier over later."""
    names: dict[str, str] = {}
    entries: list[Named] = [*corpus.topics, *corpus.actors, *corpus.sources]
    for entry in entries:
        names.setdefault(normalise(entry.id), entry.id)
    for entry in entries:
        names.setdefault(normalise(entry.title), entry.id)
    for entry in entries:
        for alias in getattr(entry, "aliases", ()):
            if key := normalise(alias):
                names.setdefault(key, entry.id)
    names.pop("", None)
    return names


def _by_tag(corpus: Corpus) -> dict[str, list[str]]:
    by_tag: dict[str, list[str]] = {}
    for topic in corpus.topics:
        for tag in topic.tags:
            by_tag.setdefault(normalise(tag), []).append(topic.id)
    return by_tag


def _links(corpus: Corpus) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The contradiction graph, made symmetric, and who supports whom."""
    contested: dict[str, list[str]] = {}
    supported: dict[str, list[str]] = {}
    for claim in corpus.claims:
        for other in claim.contradicts:
            for a, b in ((claim.id, other), (other, claim.id)):
                if b not in contested.setdefault(a, []):
                    contested[a].append(b)
        for other in claim.supports:
            supported.setdefault(other, []).append(claim.id)
    return contested, supported


def build_index(corpus: Corpus) -> Index:
    """Index *corpus*. Ids win over names, names over aliases, earlier over later."""
    by_topic: dict[str, list[str]] = {t.id: [] for t in corpus.topics}
    by_actor: dict[str, list[str]] = {a.id: [] for a in corpus.actors}
    by_source: dict[str, list[str]] = {s.id: [] for s in corpus.sources}
    for claim in corpus.claims:
        by_topic[claim.topic].append(claim.id)
        for actor in claim.actors:
            by_actor[actor].append(claim.id)
        for source in dict.fromkeys(c.source for c in claim.cites):
            by_source[source].append(claim.id)
    contested, supported = _links(corpus)

    return Index(
        corpus=corpus,
        topics=MappingProxyType({t.id: t for t in corpus.topics}),
        actors=MappingProxyType({a.id: a for a in corpus.actors}),
        sources=MappingProxyType({s.id: s for s in corpus.sources}),
        claims=MappingProxyType({c.id: c for c in corpus.claims}),
        names=MappingProxyType(_names(corpus)),
        by_tag=_freeze(_by_tag(corpus)),
        by_topic=_freeze(by_topic),
        by_actor=_freeze(by_actor),
        by_source=_freeze(by_source),
        contested=_freeze(contested),
        supported=_freeze(supported),
    )
