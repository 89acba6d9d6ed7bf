"""Format 2's grades in words, the same in every renderer and the TUI.

A claim's grade joins its cited source's reliability and its own credibility in the
Admiralty (NATO) code's compact form, ``B2``, followed by an assessment's likelihood
and confidence in the words of ICD 203, who makes or alleges it, and when:
``B2 · likely · moderate confidence · by Fishers' Union · 2018/2020``.

Imports only the records, so that a cached briefing prints without the core.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING

from .records import Briefing, Grade, Point, Quote, Section

if TYPE_CHECKING:
    from .comparison import Comparison, Conflicts
    from .timeline import Timeline

#: What each reliability grade means (the Admiralty / NATO code), as a source's facts say it.
RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

#: What each letter and digit of a badge means, as a briefing's key to its grades says it.
LEGEND_WORDS = {
    "A": "source completely reliable",
    "B": "source usually reliable",
    "C": "source fairly reliable",
    "D": "source not usually reliable",
    "E": "source unreliable",
    "F": "source's reliability cannot be judged",
    "1": "claim confirmed by other sources",
    "2": "claim probably true",
    "3": "claim possibly true",
    "4": "claim doubtful",
    "5": "claim improbable",
    "6": "claim's truth cannot be judged",
}

#: What each likelihood term of an assessment means (ICD 203), as the key says it.
LIKELIHOOD_WORDS = {
    "almost no chance": "1-5% probability",
    "very unlikely": "5-20% probability",
    "unlikely": "20-45% probability",
    "roughly even chance": "45-55% probability",
    "likely": "55-80% probability",
    "very likely": "80-95% probability",
    "almost certain": "95-99% probability",
}

#: What each confidence of an assessment means, as the key says it: how well the
#: judgement is founded, not how probable it is (the US intelligence community's
#: usual wording of the three levels, shortened).
CONFIDENCE_WORDS = {
    "low confidence": "scant or questionable information",
    "moderate confidence": "credible information, not well corroborated",
    "high confidence": "good information from several sources",
}

#: The heading of a briefing's key to the grades it shows.
LEGEND_HEADING = "Grades"


def badge(grade: Grade) -> str:
    """The Admiralty code: ``B2``; ``B`` or ``2`` when only one is known; "" for neither."""
    return f"{grade.reliability or ''}{grade.credibility or ''}"


def badge_words(grade: Grade) -> str:
    """The badge in a line of words: a lone letter or digit is named, so it reads."""
    if grade.reliability and grade.credibility:
        return badge(grade)
    if grade.reliability:
        return f"source {grade.reliability}"
    return f"credibility {grade.credibility}" if grade.credibility else ""


def grade_words(grade: Grade) -> list[str]:
    """The grade as words, each a part of the line: ``["B2", "likely", "moderate
    confidence", "by Fishers' Union", "2018/2020"]``; badge and dates as written (a
    source's reliability alone reads ``source B``, a credibility alone ``credibility 2``)."""
    parts = [badge_words(grade), grade.likelihood or ""]
    parts.append(f"{grade.confidence} confidence" if grade.confidence else "")
    parts += [f"by {grade.by}" if grade.by else "", grade.date or ""]
    return [p for p in parts if p]


def grade_line(grade: Grade) -> str:
    """:func:`grade_words` joined by `` · ``; empty when there is nothing to say."""
    return " · ".join(grade_words(grade))


def quote_line(quote: Quote) -> str:
    """A quote as printed under its claim: ``“the exact words” [2, p. 4]``; a locator
    alone, ``[2, p. 4]``."""
    return " ".join(part for part in quote_parts(quote) if part)


def quote_parts(quote: Quote) -> tuple[str, str]:
    """A quote's words in quotation marks, and where they are (``[2, p. 4]``): what
    :func:`quote_line` joins, the second kept whole where a line is wrapped."""
    where = f", {quote.locator}" if quote.locator else ""
    said = f"\u201c{quote.text}\u201d" if quote.text is not None else ""
    return said, f"[{quote.ref}{where}]"


def _point(point: Point) -> Point:
    contested = tuple(_point(c) for c in point.contested_by)
    grade = point.grade._replace(quotes=()) if point.grade and point.grade.quotes else point.grade
    if grade is point.grade and all(
        a is b for a, b in zip(contested, point.contested_by, strict=True)
    ):
        return point
    return point._replace(grade=grade, contested_by=contested)


def has_quotes(view: Briefing) -> bool:
    """Whether a claim *view* shows quotes its source, or says where in it (what
    ``--quotes`` would add)."""
    return any(p.grade is not None and p.grade.quotes for s in view.sections for p in s.points)


def without_quotes(view: Briefing) -> Briefing:
    """*view* without its claims' quotes: what ``show`` prints unless asked ``--quotes``."""
    sections = tuple(
        Section(s.key, s.title, tuple(_point(p) for p in s.points)) for s in view.sections
    )
    return view._replace(sections=sections)


def comparison_without_quotes(view: Comparison) -> Comparison:
    """*view* without its claims' quotes: what ``compare`` prints unless asked
    ``--quotes``, as ``show`` does."""
    from dataclasses import replace

    rows = tuple(
        replace(
            row,
            common=tuple(_point(p) for p in row.common),
            cells=tuple(tuple(_point(p) for p in cell) for cell in row.cells),
        )
        for row in view.rows
    )
    return replace(view, rows=rows)


def legend(points: Iterable[Point]) -> list[tuple[str, str]]:
    """The key to the grades *points* show, with the claims shown contradicting or
    supporting them (a source's page shows other sources' claims so): each letter and
    digit their badges use, once, with what it means (``("B", "source usually
    reliable")``), letters first; then each likelihood their assessments use, in the
    scale's order (``("likely", "55-80% probability")``), then each confidence, low to
    high (``("moderate confidence", "information credible ...")``). Empty when they show
    none (format 1)."""
    letters: set[str] = set()
    digits: set[int] = set()
    terms: set[str] = set()
    for point in _with_linked(points):
        if point.grade is not None:
            if point.grade.reliability:
                letters.add(point.grade.reliability)
            if point.grade.credibility:
                digits.add(point.grade.credibility)
            if point.grade.likelihood:
                terms.add(point.grade.likelihood)
            if point.grade.confidence:
                terms.add(f"{point.grade.confidence} confidence")
    marks = [*sorted(letters), *(str(x) for x in sorted(digits))]
    key = [(x, LEGEND_WORDS.get(x, "")) for x in marks]
    key += [(x, LIKELIHOOD_WORDS[x]) for x in LIKELIHOOD_WORDS if x in terms]
    return key + [(x, CONFIDENCE_WORDS[x]) for x in CONFIDENCE_WORDS if x in terms]


def key_groups(key: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """*key* (see :func:`legend`) as the groups a layout aligns apart: its letters and
    digits, its likelihoods, its confidences (a long term beside the one-letter marks
    would push their words away)."""
    grades = [row for row in key if len(row[0]) == 1]
    sure = [row for row in key if row[0] in CONFIDENCE_WORDS]
    terms = [row for row in key if row not in grades and row not in sure]
    return [group for group in (grades, terms, sure) if group]


def briefing_key(view: Briefing) -> list[tuple[str, str]]:
    """The key to the grades a briefing shows (see :func:`legend`)."""
    return legend(p for section in view.sections for p in section.points)


def conflicts_key(view: Conflicts) -> list[tuple[str, str]]:
    """The key to the grades ``brief conflicts`` shows: both sides of every pair."""
    return legend(p for pair in view.pairs for p in (pair.first, pair.second))


def comparison_key(view: Comparison) -> list[tuple[str, str]]:
    """The key to the grades a comparison shows: each row's shared claims and cells."""
    return legend(p for row in view.rows for p in chain(row.common, *row.cells))


def timeline_key(view: Timeline) -> list[tuple[str, str]]:
    """The key to the grades a timeline shows."""
    return legend(event.point for event in view.events)


def _with_linked(points: Iterable[Point]) -> Iterator[Point]:
    for point in points:
        yield point
        yield from _with_linked(point.contested_by)
        yield from _with_linked(point.supported_by)
