"""Build briefings and listings from the index: what each one contains, decided once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..core.index import Index
from ..core.kinds import Kind
from ..core.model import Actor, Claim, Source, Topic
from ..core.names import natural_key
from ..core.relations import BY_NAME, RELATIONS
from .catalogue import by_title
from .contest import is_contested
from .grading import grade_of, source_grades
from .listings import with_layer
from .records import (
    Briefing,
    FactValue,
    Link,
    Listing,
    Point,
    Reference,
    Relation,
    Row,
    Section,
)


class Citations:
    """Numbers citations in order of first use, and remembers which claims were shown."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.numbers: dict[tuple[str, str | None], int] = {}
        self.shown: set[str] = set()

    def of(self, claim: Claim) -> tuple[int, ...]:
        """The number of each of *claim*'s citations, in its order (what its quotes are
        numbered by); shown under the claim as :func:`rising` puts them."""
        out = []
        for cite in claim.cites:
            key = (cite.source, cite.section)
            out.append(self.numbers.setdefault(key, len(self.numbers) + 1))
        return tuple(out)

    def references(self) -> tuple[Reference, ...]:
        out = []
        for (source, section), n in self.numbers.items():
            entry = self.index.sources[source]
            year = entry.date[:4] if entry.date else None
            out.append(
                Reference(
                    n, source, entry.title, section, entry.author, year, entry.publisher, entry.url
                )
            )
        return tuple(out)


def rising(numbers: Iterable[int]) -> tuple[int, ...]:
    """Citation numbers as a claim shows them: each once, rising (``[1,2]``, never
    ``[2,1]``, whatever order the claim cites its sources in)."""
    return tuple(sorted(set(numbers)))


def _names(index: Index, actor_ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(index.actors[a].name for a in actor_ids)


def make_point(
    index: Index,
    refs: Citations,
    claim: Claim,
    hide: Iterable[str] = (),
    counters: bool = True,
    home: str = "",
) -> Point:
    """*claim* as shown, naming its actors but those in *hide*, with its counter-claims
    and the claims that support it (neither when not *counters*).

    *home* is the topic the claim is shown under, if the heading says so: a
    counter-claim (or supporting claim) from another topic names its topic; with no
    *home*, every one does.
    """
    hidden = set(hide)
    shown = tuple(a for a in claim.actors if a not in hidden)
    own = refs.of(claim)  # before the counters, so a claim's own sources come first
    refs.shown.add(claim.id)
    contested = index.contested.get(claim.id, ()) if counters else ()
    contested_by = tuple(_counter(index, refs, index.claims[other], home) for other in contested)
    # after the counters: citation numbers rise in the order the lines are shown
    supporting = index.supported.get(claim.id, ()) if counters else ()
    supported_by = tuple(_counter(index, refs, index.claims[other], home) for other in supporting)
    return Point(
        id=claim.id,
        text=claim.text,
        status=claim.status,
        note=claim.note,
        refs=rising(own),
        actors=_names(index, shown),
        topic=claim.topic,
        topic_title=index.topics[claim.topic].title,
        contested_by=contested_by,
        grade=grade_of(index, claim, own),
        supported_by=supported_by,
        actor_ids=shown,
        beside=len(shown) < len(claim.actors),  # one of its actors heads where it is shown
    )


def _counter(index: Index, refs: Citations, claim: Claim, home: str) -> Point:
    """A claim shown under another, contradicting or supporting it: who and where it is."""
    actors = _names(index, claim.actors[:1])
    topic_title = index.topics[claim.topic].title
    elsewhere = (f"in {topic_title}",) if claim.topic != home else ()
    numbers = refs.of(claim)
    return Point(
        id=claim.id,
        text=claim.text,
        status=claim.status,
        note=claim.note,
        refs=rising(numbers),
        actors=actors,
        topic=claim.topic,
        topic_title=topic_title,
        above=claim.id in refs.shown,
        context=", ".join((*actors, *elsewhere)),
        grade=grade_of(index, claim, numbers),
        actor_ids=claim.actors[:1],
    )


def briefing(index: Index, ident: str, unread: tuple[str, ...] = ()) -> Briefing:
    """The briefing for the topic, actor or source with id *ident*; *unread*, the files
    that could not be read whose text names it (see ``Briefing.unread``)."""
    entry = index.entry(ident)
    if isinstance(entry, Topic):
        made = topic_briefing(index, entry)
    elif isinstance(entry, Actor):
        made = actor_briefing(index, entry)
    else:
        made = source_briefing(index, entry)
    return made._replace(unread=unread) if unread else made


def topic_briefing(index: Index, topic: Topic) -> Briefing:
    """A topic's claims grouped by their subject, the first actor each claim names.

    Grouping by the whole actor set would scatter a topic over near-identical
    headings (``China``, ``China & North Korea``, ...); the other actors are shown
    beside each claim instead.
    """
    groups: dict[str, list[Claim]] = {}
    for claim in index.claims_of(index.by_topic.get(topic.id, ())):
        groups.setdefault("".join(claim.actors[:1]), []).append(claim)
    # Points are made in the order they are shown, so that citation numbers rise down
    # the page and "the claim above" is above, whatever order the files list claims in.
    refs = Citations(index)
    sections = tuple(
        Section(
            key,
            index.actors[key].name if key else "General",
            tuple(
                make_point(index, refs, claim, claim.actors[:1], home=topic.id) for claim in claims
            ),
        )
        for key, claims in groups.items()
    )
    facts: list[tuple[str, FactValue]] = []
    if topic.aliases:
        facts.append(("aliases", tuple(topic.aliases)))
    if topic.tags:
        facts.append(("tags", tuple(topic.tags)))
    related = tuple(Link(Kind.TOPIC.value, r, index.topics[r].title) for r in topic.related)
    return Briefing(
        Kind.TOPIC.value,
        topic.id,
        topic.title,
        topic.summary,
        tuple(facts),
        sections,
        related,
        "Related topics",
        refs.references(),
        index.corpus.left_out.get(topic.id, 0),
    )


def _by_topic(
    index: Index, claims: list[Claim], refs: Citations, hide: tuple[str, ...]
) -> tuple[Section, ...]:
    groups: dict[str, list[Point]] = {}
    order = _topic_order(index.corpus.topics)
    for claim in sorted(claims, key=lambda c: order[c.topic]):
        groups.setdefault(claim.topic, []).append(make_point(index, refs, claim, hide))
    return tuple(Section(t, index.topics[t].title, tuple(points)) for t, points in groups.items())


#: The last corpus's topics and each one's place among them (see :func:`_topic_order`).
_ORDER: list[tuple[tuple[Topic, ...], dict[str, int]]] = []


def _topic_order(topics: tuple[Topic, ...]) -> dict[str, int]:
    """Each topic's place among *topics* by title, as ``list`` and ``compare`` give them
    (a trial read the corpus's file order as no order): made once for a corpus, not once
    a page (an export of 2,000 actors and sources over 10,000 topics made it 2,000 times)."""
    if not _ORDER or _ORDER[0][0] is not topics:
        _ORDER[:] = [(topics, {t.id: i for i, t in enumerate(by_title(topics))})]
    return _ORDER[0][1]


def _topics_of(sections: tuple[Section, ...]) -> tuple[Link, ...]:
    """The topics of an actor's or source's sections, to go on to."""
    return tuple(Link(Kind.TOPIC.value, s.key, s.title) for s in sections)


def relations(index: Index, actor: str, claims: Iterable[Claim]) -> tuple[Relation, ...]:
    """The relations *claims* state between *actor* and others: what it does (a symmetric
    one included) in vocabulary order, then what is done to it; each by the other's name."""
    found: dict[tuple[int, str, str], list[Claim]] = {}
    for claim in claims:
        if claim.relation is None or actor not in claim.actors:
            continue
        kind = BY_NAME[claim.relation]
        if actor in claim.subjects:
            others, key = claim.targets, (0, kind.words)
        elif actor in claim.targets:
            others, key = claim.subjects, (0 if kind.symmetric else 1, kind.passive)
        else:
            continue  # about this actor, but the relation goes to others
        for other in others:
            if other != actor:
                found.setdefault((*key, other), []).append(claim)
    order = {r.words: i for i, r in enumerate(RELATIONS)} | {
        r.passive: i for i, r in enumerate(RELATIONS)
    }
    keys = sorted(found, key=lambda k: (k[0], order[k[1]], natural_key(index.actors[k[2]].name)))
    out = []
    for side, words, other in keys:
        stated = found[side, words, other]
        contested = any(is_contested(index, c) for c in stated)
        ids = tuple(dict.fromkeys(c.id for c in stated))
        name = stated[0].relation or ""
        out.append(Relation(words, name, other, index.actors[other].name, ids, contested))
    return tuple(out)


def actor_briefing(index: Index, actor: Actor) -> Briefing:
    """An actor's claims across all topics, grouped by topic, and its relations."""
    refs = Citations(index)
    claims = index.claims_of(index.by_actor.get(actor.id, ()))
    sections = _by_topic(index, claims, refs, (actor.id,))
    facts = (("aliases", tuple(actor.aliases)),) if actor.aliases else ()
    return Briefing(
        Kind.ACTOR.value,
        actor.id,
        actor.name,
        actor.description,
        facts,
        sections,
        _topics_of(sections),
        "Topics",
        refs.references(),
        index.corpus.left_out.get(actor.id, 0),
        relations(index, actor.id, claims),
    )


def source_briefing(index: Index, source: Source) -> Briefing:
    """What one source says, grouped by topic."""
    refs = Citations(index)
    claims = index.claims_of(index.by_source.get(source.id, ()))
    sections = _by_topic(index, claims, refs, ())
    facts: list[tuple[str, FactValue]] = [("kind", source.kind)]
    facts += [
        (k, v)
        for k, v in (("author", source.author), ("date", source.date), ("url", source.url))
        if v
    ]
    if source.sections:
        facts.append(("sections", tuple(source.sections)))
    facts += source_grades(source)
    return Briefing(
        Kind.SOURCE.value,
        source.id,
        source.title,
        "",  # no byline over the facts: they say the same
        tuple(facts),
        sections,
        _topics_of(sections),
        "Topics",
        refs.references(),
        index.corpus.left_out.get(source.id, 0),
    )


def listing(
    index: Index,
    kind: str,
    tag: str | None = None,
    actor: str | None = None,
    layers: Sequence[str] | None = None,
    defined: Mapping[tuple[str, str], Sequence[int]] | None = None,
) -> Listing:
    """List *kind*, keeping what the claims about *actor* in topics tagged *tag* touch.

    *tag* is a normalised tag and *actor* an actor id, both already resolved. Entries
    are listed by title (case folded, numbers as numbers), tags by name. Given the
    *layers*' labels, in load order, the listing is long: each row names the layer its
    entry comes from and, from *defined* (``(kind, id)`` to the numbers of the layers
    defining it), the earlier layers' entries it replaces.
    """
    corpus = index.corpus
    topic_ids = [t.id for t in corpus.topics]
    if tag is not None:
        topic_ids = list(index.by_tag.get(tag, ()))
    claims = [c for t in topic_ids for c in index.claims_of(index.by_topic[t])]
    if actor is not None:
        claims = [c for c in claims if actor in c.actors]
        topic_ids = list(dict.fromkeys(c.topic for c in claims))
    filtered = tag is not None or actor is not None

    if kind == "tags":
        counts: dict[str, int] = {}
        for t in topic_ids:
            for name in index.topics[t].tags:
                counts[name] = counts.get(name, 0) + 1
        rows = [
            Row(name, name, f"{n} topic{'s' if n != 1 else ''}")
            for name, n in sorted(counts.items())
        ]
        return Listing(kind, tuple(rows), long=layers is not None)
    entries: list[Topic | Actor | Source]
    if kind == "topics":
        entries = [index.topics[t] for t in topic_ids]
    elif kind == "actors":
        keep = {a for c in claims for a in c.actors} if filtered else None
        entries = [a for a in corpus.actors if keep is None or a.id in keep]
    elif kind == "sources":
        keep = {s.source for c in claims for s in c.cites} if filtered else None
        entries = [s for s in corpus.sources if keep is None or s.id in keep]
    else:
        raise ValueError(f"unknown listing kind {kind!r}")
    entries = by_title(entries)
    rows = [_row(entry) for entry in entries]
    if layers is not None:
        rows = [
            with_layer(row, entry.file, kind[:-1], layers, defined or {})
            for row, entry in zip(rows, entries, strict=True)
        ]
    return Listing(kind, tuple(rows), long=layers is not None)


def _row(entry: Topic | Actor | Source) -> Row:
    if isinstance(entry, Topic):
        return Row(entry.id, entry.title, ", ".join(entry.tags))
    if isinstance(entry, Actor):
        return Row(entry.id, entry.name, entry.description)
    return Row(entry.id, entry.title, ", ".join(x for x in (entry.kind, entry.author) if x))
