"""``--min-grade``: keeping the claims graded at least as well as asked (format 2).

A minimum is written as a grade is shown, ``B3``: a source reliability letter, a
credibility digit, or both. ``A`` is the best reliability and ``F`` the worst, ``1``
the best credibility and ``6`` the worst (the Admiralty / NATO code's order, where
``F`` and ``6`` say it cannot be judged, which meets no minimum but their own). A
claim meets ``B3`` when its reliability is ``A`` or ``B`` and its credibility ``1`` to
``3``; a claim without the grade a minimum names does not meet it.

Imports only the records, so that a cached briefing is filtered without the core.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .records import Briefing, Grade, Point, Section

_MINIMUM = re.compile(r"^([A-Fa-f])?([1-6])?$")


class Minimum(NamedTuple):
    """The worst grade still kept: ``B3`` keeps ``A1`` to ``B3``."""

    reliability: str | None
    """The worst reliability kept, ``A``-``F``; None to keep any (even none)."""
    credibility: int | None
    """The worst credibility kept, ``1``-``6``; None to keep any (even none)."""

    def __str__(self) -> str:
        return f"{self.reliability or ''}{self.credibility or ''}"

    def met_by(self, grade: Grade | None) -> bool:
        """Whether *grade* is at least this good (None, no grade, meets no minimum)."""
        if self.reliability is not None and (
            grade is None or grade.reliability is None or grade.reliability > self.reliability
        ):
            return False
        return self.credibility is None or (
            grade is not None
            and grade.credibility is not None
            and grade.credibility <= self.credibility
        )


def minimum(text: str) -> Minimum:
    """``B3``, ``b``, ``3`` as a :class:`Minimum`; ``ValueError`` saying why not."""
    found = _MINIMUM.match(text.strip())
    if not text.strip() or not found:
        raise ValueError(
            f"{text!r} is not a grade: a reliability A-F, a credibility 1-6, or both (B3)"
        )
    letter, digit = found.groups()
    return Minimum(letter.upper() if letter else None, int(digit) if digit else None)


def _renumber(point: Point, numbers: dict[int, int], shown: set[str]) -> Point:
    """*point* with its references renumbered by *numbers* (first use first), and the
    claims under it that point back at a claim above (``Point.above``) told in full
    when that claim is not among those *shown* above it: left out for its grade."""
    refs = tuple(numbers.setdefault(r, len(numbers) + 1) for r in point.refs)
    grade = point.grade
    if grade is not None and grade.quotes:
        quotes = tuple(q._replace(ref=numbers[q.ref]) for q in grade.quotes)
        grade = grade._replace(quotes=quotes)
    contested = tuple(_under(c, numbers, shown) for c in point.contested_by)
    supported = tuple(_under(c, numbers, shown) for c in point.supported_by)
    return point._replace(refs=refs, grade=grade, contested_by=contested, supported_by=supported)


def _under(point: Point, numbers: dict[int, int], shown: set[str]) -> Point:
    """A claim shown under another, renumbered; "the claim above" only if it still is."""
    under = _renumber(point, numbers, shown)
    return under._replace(above=False) if under.above and point.id not in shown else under


def at_least(view: Briefing, least: Minimum) -> Briefing:
    """*view* with only the claims that meet *least*; sources renumbered from 1 in the
    order the claims left cite them, and sections left empty dropped. A kept claim's
    counter-claims stay with it, whatever their grade: they say it is contested."""
    numbers: dict[int, int] = {}
    sections = []
    shown: set[str] = set()  # the claims kept so far: those above the next
    for section in view.sections:
        points = []
        for point in section.points:
            if least.met_by(point.grade):
                points.append(_renumber(point, numbers, shown))
                shown.add(point.id)
        if points:
            sections.append(Section(section.key, section.title, tuple(points)))
    by_number = {ref.number: ref for ref in view.references}
    references = tuple(by_number[old]._replace(number=new) for old, new in numbers.items())
    below = sum(len(s.points) for s in view.sections) - sum(len(s.points) for s in sections)
    return view._replace(
        sections=tuple(sections), references=references, minimum=str(least), below=below
    )


def kept(points: Iterable[Point], least: Minimum | None) -> list[Point]:
    """The *points* that meet *least* (all of them when None)."""
    return [p for p in points if least is None or least.met_by(p.grade)]
