"""``brief timeline``: the dated claims of a topic, actor, source or the whole corpus, in order.

Claims are ordered by the first day their date covers, then by the last (of ``2020-01``
and ``2020``, which start alike, the shorter span comes first), then in corpus order;
see ``dates``. Undated claims are left out and
counted, so that a reader knows the line is not the whole story.
"""

from __future__ import annotations

from typing import NamedTuple

from ..core.index import Index
from ..core.kinds import Kind
from .briefings import Citations, make_point
from .dates import span
from .gradewords import unquoted
from .grading import grade_of
from .mingrade import Minimum
from .records import Point, Reference


class Event(NamedTuple):
    """One dated claim on a timeline."""

    date: str
    """Its date as written: ``2019-05``, ``1950/1953``."""
    point: Point
    """The claim as a briefing shows it (its grade without the date, which leads the line)."""


class Timeline(NamedTuple):
    """What ``brief timeline`` prints."""

    kind: str
    """``topic``, ``actor``, ``source``, or ``corpus`` for the whole corpus."""
    id: str
    """The entry's id; empty for the whole corpus."""
    title: str
    """The entry's title, or ``every topic`` for the whole corpus."""
    events: tuple[Event, ...]
    """The dated claims, earliest first."""
    undated: int
    """How many of its claims have no date and are left out."""
    references: tuple[Reference, ...]
    """The sources the events cite, numbered in order of first use."""
    left_out: int = 0
    """How many of the entry's claims (of every claim, for the whole corpus's) the
    corpus holds but could not use (for their own problems, or a reference that cannot
    be used): none of them is on the timeline."""
    minimum: str = ""
    """The minimum grade its claims were kept by (``--min-grade B3``); empty for none."""
    below: int = 0
    """How many dated claims that minimum left out: below it, or ungraded."""
    skipped: tuple[str, ...] = ()
    """The corpus files that could not be read: their dated claims are missing (see
    ``wording.skipped_line``)."""

    @property
    def no_events_line(self) -> str:
        """What a timeline with no event says: ``No dated claims.``, or, when a minimum
        grade left every dated claim out, ``No dated claims graded A1 or better (4
        below it or ungraded).``"""
        if self.minimum and self.below:
            return (
                f"No dated claims graded {self.minimum} or better "
                f"({self.below} below it or ungraded)."
            )
        return "No dated claims."

    @property
    def heading(self) -> str:
        """``Timeline: Harbour Expansion``."""
        return f"Timeline: {self.title}"

    @property
    def not_shown_line(self) -> str:
        """What the timeline has and does not show: ``2 undated claims not shown``
        (``views.wording.undated_line``); with a minimum grade that hid some of the
        dated ones, ``2 undated claims and 3 graded below C3 or ungraded not shown``
        (a trial's timeline hid three and said nothing: with none shown,
        :attr:`no_events_line` says it); empty when nothing is left out so."""
        from .wording import undated_line

        if not (self.events and self.minimum and self.below):
            return undated_line(self.undated)
        graded = f"graded below {self.minimum} or ungraded"
        if not self.undated:
            return f"{self.below} claim{'s' if self.below != 1 else ''} {graded} not shown"
        undated = f"{self.undated} undated claim{'s' if self.undated != 1 else ''}"
        return f"{undated} and {self.below} {graded} not shown"

    @property
    def missing(self) -> list[str]:
        """What the timeline ends by saying it is missing, a line each: ``2 claims of
        this topic were left out (see brief validate)`` (``of the corpus`` for the whole
        corpus's timeline), then the files that could not be read."""
        from .wording import left_out_line, skipped_line

        said = (left_out_line(self.left_out, self.kind), skipped_line(self.skipped))
        return [line for line in said if line]

    def by_date(self) -> list[tuple[str, list[Point]]]:
        """The events grouped under their dates, in order: one heading per date."""
        groups: list[tuple[str, list[Point]]] = []
        for event in self.events:
            if groups and groups[-1][0] == event.date:
                groups[-1][1].append(event.point)
            else:
                groups.append((event.date, [event.point]))
        return groups


def timeline(
    index: Index,
    ident: str | None = None,
    least: Minimum | None = None,
    quotes: bool = False,
    *,
    undated: int | None = None,
) -> Timeline:
    """The timeline of the topic, actor or source *ident*, or of every claim when None;
    only claims that meet *least*, when given; their quotes only when *quotes*.

    *undated*, when given, is how many claims have no date: for an index that holds
    only the dated ones and what they name (``store.read.dated``)."""
    if ident is None:
        kind, title, claims = "corpus", "every topic", list(index.corpus.claims)
    else:
        kind = index.kind(ident).value
        table = {"topic": index.by_topic, "actor": index.by_actor, "source": index.by_source}
        title, claims = index.entry(ident).title, index.claims_of(table[kind].get(ident, ()))
    order = {c.id: n for n, c in enumerate(index.corpus.claims)}
    dated = sorted(
        (c for c in claims if c.date is not None),
        key=lambda c: (*span(c.date or ""), order[c.id]),
    )
    every = len(dated)
    if least is not None:
        dated = [c for c in dated if least.met_by(grade_of(index, c, range(len(c.cites))))]
    refs = Citations(index)
    hide = (ident,) if kind == Kind.ACTOR.value and ident else ()
    events = []
    for claim in dated:
        point = make_point(
            index, refs, claim, hide, home=ident if ident and kind == "topic" else ""
        )
        if point.grade is not None:
            point = point._replace(grade=point.grade._replace(date=None))
        if not quotes:  # nor those of the claims under it
            point = unquoted(point)
        events.append(Event(claim.date or "", point))
    if undated is None:
        undated = sum(1 for c in claims if c.date is None)
    left_out = index.corpus.left_out.get(ident, 0) if ident else index.corpus.claims_left_out
    return Timeline(
        kind,
        ident or "",
        title,
        tuple(events),
        undated,
        refs.references(),
        left_out,
        str(least) if least is not None else "",
        every - len(dated),
    )
