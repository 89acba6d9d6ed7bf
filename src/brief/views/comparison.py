"""What ``brief compare`` and ``brief conflicts`` contain, decided once, as plain data.

Actors are compared topic by topic: a claim about two or more of the compared
actors is shared (about both, which is not to say they agree) and appears once; a
claim about one of them goes in that actor's column; a topic only one of them is
covered in says so. Topics are compared actor by actor, each column holding that
topic's claims about the actor. Sources are compared topic by topic, as actors are: a
claim both cite is shared (they agree on it) and appears once; a claim one cites goes
in its column; a claim one cites that contradicts a claim another cites is a
disagreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.errors import UsageError
from ..core.index import Index, Named
from ..core.kinds import Kind, kind_of
from ..core.model import Actor, Claim, Source, Topic
from .briefings import Citations, make_point
from .catalogue import by_title
from .gradewords import unquoted
from .records import LeftOut, Link, Point, Reference, left_out_entries


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One topic of an actor comparison (or one actor of a topic comparison)."""

    key: str
    """The topic's id (or the actor's; empty for claims about no actor)."""
    title: str
    """Its title or name ("General" for no actor)."""
    verdict: str
    """``shared``, ``differ``, ``contested`` or ``only NAME``; comparing sources,
    ``disagree``, ``contested``, ``agree``, ``separate`` or ``only TITLE``."""
    common: tuple[Point, ...]
    """Claims about two or more of the compared actors (or cited by two or more of the
    compared sources), shown once."""
    cells: tuple[tuple[Point, ...], ...]
    """One tuple of points per compared column, in column order."""
    conflicts: int
    """How many contradiction pairs lie wholly inside this row."""
    shared: int = 0
    """How many claims are shared, including any ``--diff-only`` hides."""
    left_out: int = 0
    """How many claims of the row's topic (about its actor, comparing topics) the corpus
    has but could not use: the row says so (see ``wording.left_out_line``)."""
    disagreements: int = 0
    """Comparing sources: how many contradiction pairs set a claim of this row one compared
    source cites against a claim another cites (the other claim may be in another row)."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two or more actors (or topics) side by side."""

    kind: str
    """``actors``, ``topics`` or ``sources``: what the columns are."""
    columns: tuple[Link, ...]
    """The actors (or topics, or sources) compared, in the order asked for."""
    rows: tuple[ComparisonRow, ...]
    """A row per topic (by title) or actor (in corpus order, then "General" for claims of
    none) with claims about any of the columns."""
    references: tuple[Reference, ...]
    """The sources every point cites, in order of number."""


def compare(
    index: Index, entries: list[Named], topics: tuple[str, ...] = (), diff_only: bool = False
) -> Comparison:
    """Compare *entries*, all actors, all topics or all sources; *topics* narrows a
    comparison of actors or of sources."""
    if len(entries) < 2:
        raise UsageError("compare needs at least two different actors, topics or sources")
    if all(isinstance(e, Actor) for e in entries):
        return _actors(index, [e for e in entries if isinstance(e, Actor)], topics, diff_only)
    if all(isinstance(e, Source) for e in entries):
        from .sourcecompare import compare_sources

        return compare_sources(
            index, [e for e in entries if isinstance(e, Source)], topics, diff_only
        )
    if all(isinstance(e, Topic) for e in entries):
        if topics:
            raise UsageError("--topic narrows a comparison of actors or sources, not of topics")
        return _topics(index, [e for e in entries if isinstance(e, Topic)])
    kinds = ", ".join(f"{e.id!r} is {kind_of(e).with_article}" for e in entries)
    raise UsageError(
        f"compare actors with actors, topics with topics or sources with sources ({kinds})"
    )


def _verdict(names: list[str], cells: list[list[Point]], common: bool, conflicts: int) -> str:
    """One word for a row, so the overview can be read before the detail.

    A contradiction wins over everything: a row that holds one is ``contested`` even
    when one actor alone is covered (the pair is inside that actor's column).
    """
    if conflicts:
        return "contested"
    covered = [n for n, c in zip(names, cells, strict=True) if c]
    if not common and len(covered) == 1:
        return f"only {covered[0]}"
    return "shared" if common else "differ"


def count_conflicts(index: Index, claims: list[Claim]) -> int:
    """How many contradiction pairs lie wholly inside *claims*."""
    ids = {c.id for c in claims}
    pairs = {
        frozenset((c.id, other))
        for c in claims
        for other in index.contested.get(c.id, ())
        if other in ids
    }
    return len(pairs)


def _actors(
    index: Index, actors: list[Actor], topics: tuple[str, ...], diff_only: bool
) -> Comparison:
    compared = [a.id for a in actors]
    names = [a.name for a in actors]
    refs = Citations(index)
    # by title, as 'brief list' and the TUI's list give topics (three trials read the
    # overview's id order as no order: "Chinese and Russian investment" under "Human rights")
    shown = [t for t in index.corpus.topics if not topics or t.id in topics]
    topic_order = [t.id for t in by_title(shown)]
    rows = []
    for topic in topic_order:
        claims = [
            c for c in index.claims_of(index.by_topic[topic]) if set(c.actors) & set(compared)
        ]
        if not claims:
            continue
        shared = [c for c in claims if len(set(c.actors) & set(compared)) > 1]
        single = [c for c in claims if len(set(c.actors) & set(compared)) == 1]
        if diff_only and not single and not any(c.id in index.contested for c in shared):
            continue
        # Build points in the order they are shown, so "the claim above" is above.
        common: list[Point] = []
        for claim in shared:  # name the compared actors only when not all are in it
            if diff_only and claim.id not in index.contested:
                continue  # shared and uncontested: hidden; contested, it is a difference
            hide = compared if set(compared) <= set(claim.actors) else ()
            common.append(make_point(index, refs, claim, hide, home=topic))
        cells: list[list[Point]] = [[] for _ in actors]
        for column, actor in enumerate(compared):
            for claim in single:
                if actor in claim.actors:
                    cells[column].append(make_point(index, refs, claim, (actor,), home=topic))
        conflicts = count_conflicts(index, claims)
        rows.append(
            ComparisonRow(
                topic,
                index.topics[topic].title,
                _verdict(names, cells, bool(shared), conflicts),
                tuple(common),
                tuple(tuple(c) for c in cells),
                conflicts,
                len(shared),
                index.corpus.left_out.get(topic, 0),
            )
        )
    columns = tuple(Link(Kind.ACTOR.value, a.id, a.name) for a in actors)
    return Comparison(Kind.ACTOR.plural, columns, tuple(rows), refs.references())


def _topics(index: Index, topics: list[Topic]) -> Comparison:
    refs = Citations(index)
    by_subject: dict[str, list[list[Claim]]] = {}
    for column, topic in enumerate(topics):
        for claim in index.claims_of(index.by_topic[topic.id]):
            # in the row of every actor it names, as an actor's comparison counts it
            for subject in dict.fromkeys(claim.actors or ("",)):
                by_subject.setdefault(subject, [[] for _ in topics])[column].append(claim)
    order = {a.id: i for i, a in enumerate(index.corpus.actors)}
    rows = []
    names = [t.title for t in topics]
    # the actors in corpus order, then the claims of none ("General"): it led (a trial)
    for subject in sorted(by_subject, key=lambda s: order.get(s, len(order))):
        claim_cells = by_subject[subject]
        points = [
            [make_point(index, refs, c, (subject,), home=topic.id) for c in claims]
            for topic, claims in zip(topics, claim_cells, strict=True)
        ]
        conflicts = count_conflicts(index, [c for claims in claim_cells for c in claims])
        title = index.actors[subject].name if subject else "General"
        rows.append(
            ComparisonRow(
                subject,
                title,
                _verdict(names, points, False, conflicts),
                (),
                tuple(tuple(p) for p in points),
                conflicts,
                left_out=index.corpus.left_out.get(subject, 0),
            )
        )
    columns = tuple(Link(Kind.TOPIC.value, t.id, t.title) for t in topics)
    return Comparison(Kind.TOPIC.plural, columns, tuple(rows), refs.references())


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two claims that contradict each other, each with its own citations."""

    first: Point
    """The firmer claim (``views.contest.firmness``: not doubted, better graded, firmer
    status, then earlier in the corpus), whichever of the two names the other."""
    second: Point
    """The other claim."""
    within: tuple[Link, ...] = ()
    """The sources both claims cite: the pair is a source contradicting itself; empty
    for a disagreement between sources."""


@dataclass(frozen=True, slots=True)
class Conflicts:
    """Every contradiction in the corpus (or those a filter keeps): where the sources disagree."""

    pairs: tuple[Conflict, ...]
    """Each contradicting pair once, by the title of its first claim's topic (then the
    order of the corpus)."""
    references: tuple[Reference, ...]
    """The sources both sides cite, in order of number."""
    left_out: tuple[LeftOut, ...] = ()
    """The entries named (``brief conflicts NAME``, ``--topic`` ...) with claims left
    out, which no pair here weighs: what a reader would otherwise not know is missing."""
    skipped: tuple[str, ...] = ()
    """The corpus files that could not be read: contradictions among what they hold
    are missing (see ``wording.skipped_line``)."""

    @property
    def missing(self) -> list[str]:
        """What the list ends by saying it is missing, a line each: the claims left out,
        then the files that could not be read."""
        from .wording import skipped_line

        gone = [g.line for g in self.left_out]
        return gone + ([skipped_line(self.skipped)] if self.skipped else [])


def _touches(claim: Claim, ident: str) -> bool:
    """Whether *claim* is in topic *ident*, about actor *ident* or cites source *ident*."""
    return (
        claim.topic == ident
        or ident in claim.actors
        or any(cite.source == ident for cite in claim.cites)
    )


def _kept(pair: tuple[Claim, Claim], about: Sequence[str], each: Sequence[str]) -> bool:
    """A pair touching any entry of *about* (when given) and every entry of *each*."""
    if about and not any(_touches(c, ident) for ident in about for c in pair):
        return False
    return all(any(_touches(c, ident) for c in pair) for ident in each)


def conflicts(index: Index, about: Sequence[str] = (), each: Sequence[str] = ()) -> Conflicts:
    """Each contradicting pair once, the firmer claim first (``views.contest.firmness``),
    ordered by the title of that claim's topic (corpus order within a topic).

    *about* are ids of topics, actors or sources: a pair is kept when either claim
    touches any of them (``brief conflicts NAME...``). *each* are the ids the
    ``--topic``, ``--actor`` and ``--source`` filters name: a pair must touch all.
    """
    from .contest import firmness

    at = {c.id: i for i, c in enumerate(index.corpus.claims)}
    order = {t.id: i for i, t in enumerate(index.corpus.topics)}
    by_title = {t.id: (t.title.casefold(), order[t.id]) for t in index.corpus.topics}
    found: dict[frozenset[str], tuple[Claim, Claim]] = {}
    for claim in index.corpus.claims:
        for other_id in claim.contradicts:
            if other_id not in index.claims:
                continue  # an index of some pairs (``store.read.conflicting``): not one
            pair = sorted(
                (claim, index.claims[other_id]), key=lambda c: (*firmness(index, c), at[c.id])
            )
            found.setdefault(frozenset((claim.id, other_id)), (pair[0], pair[1]))
    kept = [p for p in found.values() if _kept(p, about, each)]
    kept.sort(key=lambda p: (by_title[p[0].topic], at[p[0].id], at[p[1].id]))
    refs = Citations(index)
    pairs = []
    for first, second in kept:
        # without counter-claims: in a list of conflicts the pair says it all; without
        # quotes, as no format of it shows them
        one = unquoted(make_point(index, refs, first, counters=False))
        two = unquoted(make_point(index, refs, second, counters=False))
        pairs.append(Conflict(one, two, _within(index, first, second)))
    return Conflicts(tuple(pairs), refs.references(), left_out_entries(index, (*about, *each)))


def _within(index: Index, first: Claim, second: Claim) -> tuple[Link, ...]:
    """The sources *first* and *second* both cite, in *first*'s order."""
    theirs = {c.source for c in second.cites}
    both = dict.fromkeys(c.source for c in first.cites if c.source in theirs)
    return tuple(Link(Kind.SOURCE.value, s, index.sources[s].title) for s in both)
