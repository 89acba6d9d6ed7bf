"""What ``brief compare`` contains for two or more sources: what each says, topic by topic.

A row per topic any of the sources is cited in. A claim two or more of them cite is
shared (they agree on it) and appears once, above the columns; a claim one of them
cites goes in that source's column. A contradiction between a claim one source cites
and a claim another cites is a disagreement: the row's verdict says so first.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.index import Index
from ..core.kinds import Kind
from ..core.model import Claim, Source
from .briefings import Citations, make_point
from .catalogue import by_title
from .comparison import Comparison, ComparisonRow, count_conflicts
from .records import Link, Point


def _cited_by(claim: Claim, compared: set[str]) -> set[str]:
    """Which of the *compared* sources *claim* cites."""
    return {cite.source for cite in claim.cites} & compared


def _disagreements(index: Index, claims: Iterable[Claim], compared: set[str]) -> int:
    """Contradiction pairs setting a claim of *claims* that one compared source cites
    against a claim (anywhere) that another cites."""
    pairs = set()
    for claim in claims:
        mine = _cited_by(claim, compared)
        for other in index.contested.get(claim.id, ()):
            theirs = _cited_by(index.claims[other], compared)
            if any(a != b for a in mine for b in theirs):
                pairs.add(frozenset((claim.id, other)))
    return len(pairs)


def _verdict(
    names: list[str], cells: list[list[Point]], common: bool, conflicts: int, disagree: int
) -> str:
    """One word for a row: a disagreement between the sources wins, then any contradiction."""
    if disagree:
        return "disagree"
    if conflicts:
        return "contested"
    covered = [n for n, c in zip(names, cells, strict=True) if c]
    if not common and len(covered) == 1:
        return f"only {covered[0]}"
    return "agree" if common else "separate"


def compare_sources(
    index: Index, sources: list[Source], topics: tuple[str, ...] = (), diff_only: bool = False
) -> Comparison:
    """*sources* side by side, topic by topic; *topics* narrows it to those topics.

    With *diff_only*, claims the sources share are hidden unless something contradicts
    them, and rows left with no difference are dropped.
    """
    compared = {s.id for s in sources}
    names = [s.id for s in sources]  # titles are long: the overview names sources by id
    refs = Citations(index)
    rows = []
    shown = [t for t in index.corpus.topics if not topics or t.id in topics]
    for topic in (t.id for t in by_title(shown)):  # as compare of actors: by title
        claims = [c for c in index.claims_of(index.by_topic[topic]) if _cited_by(c, compared)]
        shared = [c for c in claims if len(_cited_by(c, compared)) > 1]
        single = [c for c in claims if len(_cited_by(c, compared)) == 1]
        if not claims or (
            diff_only and not single and not any(c.id in index.contested for c in shared)
        ):
            continue
        # Points are made in the order they are shown, so "the claim above" is above.
        common = [
            make_point(index, refs, c, home=topic)
            for c in shared
            if not diff_only or c.id in index.contested
        ]
        cells: list[list[Point]] = [[] for _ in sources]
        for column, source in enumerate(sources):
            for claim in single:
                if source.id in _cited_by(claim, compared):
                    cells[column].append(make_point(index, refs, claim, home=topic))
        conflicts = count_conflicts(index, claims)
        disagree = _disagreements(index, claims, compared)
        rows.append(
            ComparisonRow(
                topic,
                index.topics[topic].title,
                _verdict(names, cells, bool(shared), conflicts, disagree),
                tuple(common),
                tuple(tuple(c) for c in cells),
                conflicts,
                len(shared),
                left_out=index.corpus.left_out.get(topic, 0),
                disagreements=disagree,
            )
        )
    columns = tuple(Link(Kind.SOURCE.value, s.id, s.title) for s in sources)
    return Comparison(Kind.SOURCE.plural, columns, tuple(rows), refs.references())
