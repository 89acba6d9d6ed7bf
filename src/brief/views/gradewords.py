"""Format 2's grades in words, the same in every renderer and the TUI.

A claim's grade joins its cited source's reliability and its own credibility in the
Admiralty (NATO) code's compact form, ``B2``, followed by an assessment's likelihood
and confidence in the words of ICD 203, who makes or alleges it, and when:
``B2 · likely · moderate confidence · by Fishers' Union · 2018/2020``.

Imports only the records, so that a cached briefing prints without the core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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


def badge_named(badge: str) -> str:
    """A badge as written (``B2``, ``B``, ``2``) in a line of words, as
    :func:`badge_words` says it: a lone letter or digit named (``credibility 2``), so
    that ``1 claim · reported · 2`` reads ``... · credibility 2``."""
    if len(badge) != 1:
        return badge
    return f"credibility {badge}" if badge.isdigit() else f"source {badge}"


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


#: What follows a quote its source's text does not hold, wherever it is shown.
NOT_FOUND = "(not found where cited in the source's text: brief validate says more)"


def quote_line(quote: Quote) -> str:
    """A quote as printed under its claim: ``“the exact words” [2, p. 4]``; a locator
    alone, ``[2, p. 4]``; marked when its source's text does not hold it
    (:data:`NOT_FOUND`)."""
    return " ".join(part for part in (*quote_parts(quote), quote_mark(quote)) if part)


def quote_mark(quote: Quote) -> str:
    """:data:`NOT_FOUND` for a quote its source's text does not hold; else empty."""
    return NOT_FOUND if quote.found is False else ""


def quote_parts(quote: Quote) -> tuple[str, str]:
    """A quote's words in quotation marks, and where they are (``[2, p. 4]``): what
    :func:`quote_line` joins, the second kept whole where a line is wrapped."""
    where = f", {quote.locator}" if quote.locator else ""
    said = f"\u201c{quote.text}\u201d" if quote.text is not None else ""
    return said, f"[{quote.ref}{where}]"


def unquoted(point: Point) -> Point:
    """*point* without its quotes, nor those of the claims shown under it."""
    contested = tuple(unquoted(c) for c in point.contested_by)
    supported = tuple(unquoted(c) for c in point.supported_by)
    grade = point.grade._replace(quotes=()) if point.grade and point.grade.quotes else point.grade
    if (
        grade is point.grade
        and all(a is b for a, b in zip(contested, point.contested_by, strict=True))
        and all(a is b for a, b in zip(supported, point.supported_by, strict=True))
    ):
        return point
    return point._replace(grade=grade, contested_by=contested, supported_by=supported)


def has_quotes(view: Briefing) -> bool:
    """Whether a claim *view* shows quotes its source, or says where in it (what
    ``--quotes`` would add)."""
    return any(p.grade is not None and p.grade.quotes for s in view.sections for p in s.points)


def without_quotes(view: Briefing) -> Briefing:
    """*view* without its claims' quotes: what ``show`` prints unless asked ``--quotes``."""
    sections = tuple(
        Section(s.key, s.title, tuple(unquoted(p) for p in s.points)) for s in view.sections
    )
    return view._replace(sections=sections)


def comparison_without_quotes(view: Comparison) -> Comparison:
    """*view* without its claims' quotes: what ``compare`` prints unless asked
    ``--quotes``, as ``show`` does."""
    from dataclasses import replace

    rows = tuple(
        replace(
            row,
            common=tuple(unquoted(p) for p in row.common),
            cells=tuple(tuple(unquoted(p) for p in cell) for cell in row.cells),
        )
        for row in view.rows
    )
    return replace(view, rows=rows)


#: Whether a source's text holds a quote: called with the source's id, the section
#: cited (None: the whole source) and the words; None when there is no text to look in
#: (``corpus.cited.QuoteFinder`` is one).
Finder = Callable[[str, "str | None", str], "bool | None"]


def checked_quotes(view: Briefing, found: Finder) -> Briefing:
    """*view* with each quote's ``found`` said by *found*, looked for in the source and
    section its reference names: what a briefing shows when it shows quotes, so that
    words its source does not hold are never shown as the source's."""
    cited = {r.number: (r.source, r.section) for r in view.references}
    sections = tuple(
        s._replace(points=tuple(_checked(p, cited, found) for p in s.points)) for s in view.sections
    )
    return view._replace(sections=sections)


def comparison_checked_quotes(view: Comparison, found: Finder) -> Comparison:
    """*view* with each quote's ``found`` said, as :func:`checked_quotes` says it."""
    from dataclasses import replace

    cited = {r.number: (r.source, r.section) for r in view.references}
    rows = tuple(
        replace(
            row,
            common=tuple(_checked(p, cited, found) for p in row.common),
            cells=tuple(tuple(_checked(p, cited, found) for p in cell) for cell in row.cells),
        )
        for row in view.rows
    )
    return replace(view, rows=rows)


def _checked(point: Point, cited: dict[int, tuple[str, str | None]], found: Finder) -> Point:
    grade = point.grade
    if grade is not None and grade.quotes:
        quotes = tuple(_looked_for(q, cited, found) for q in grade.quotes)
        grade = grade._replace(quotes=quotes)
    return point._replace(
        grade=grade,
        contested_by=tuple(_checked(p, cited, found) for p in point.contested_by),
        supported_by=tuple(_checked(p, cited, found) for p in point.supported_by),
    )


def _looked_for(quote: Quote, cited: dict[int, tuple[str, str | None]], found: Finder) -> Quote:
    if quote.text is None or quote.ref not in cited:
        return quote
    source, section = cited[quote.ref]
    return quote._replace(found=found(source, section, quote.text))


def timeline_checked_quotes(view: Timeline, found: Finder) -> Timeline:
    """*view* with each quote's ``found`` said, as :func:`checked_quotes` says it."""
    cited = {r.number: (r.source, r.section) for r in view.references}
    events = tuple(e._replace(point=_checked(e.point, cited, found)) for e in view.events)
    return view._replace(events=events)


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
