"""A claim's grade (format 2), decided once from the corpus: see ``gradewords`` for its words.

The reliability shown is that of the first source the claim cites that has one: a
badge names one source, and the first citation is the one the claim leans on most.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.index import Index
from ..core.model import Claim, Source
from .gradewords import RELIABILITY_WORDS
from .records import FactValue, Grade, Quote


def source_grades(source: Source) -> list[tuple[str, FactValue]]:
    """A source's format-2 facts: its reliability (``("B", "usually reliable")``, shown
    ``B, usually reliable``), publisher, when it was retrieved, its local text and the
    editor's note on it."""
    grade = source.reliability
    facts: list[tuple[str, FactValue]] = []
    if grade:
        facts.append(("reliability", (grade, RELIABILITY_WORDS[grade])))
    extra = (
        ("publisher", source.publisher),
        ("retrieved", source.retrieved),
        ("text", source.text),
        ("note", source.note),
    )
    return facts + [(k, v) for k, v in extra if v]


def grade_of(index: Index, claim: Claim, refs: Sequence[int]) -> Grade | None:
    """*claim*'s grade, its quotes numbered by *refs* (one per citation), and its
    citations' locators given without a quote; None if ungraded."""
    quotes = tuple(
        Quote(ref, cite.quote, cite.locator)
        for ref, cite in zip(refs, claim.cites, strict=True)
        if cite.quote is not None or cite.locator is not None
    )
    reliability = next(
        (r for c in claim.cites if (r := index.sources[c.source].reliability) is not None), None
    )
    own = (claim.credibility, claim.by, claim.date, claim.likelihood, claim.confidence)
    if reliability is None and not quotes and all(x is None for x in own):
        return None
    actor = index.actors.get(claim.by) if claim.by else None
    return Grade(
        reliability=reliability,
        credibility=claim.credibility,
        likelihood=claim.likelihood,
        confidence=claim.confidence,
        by=actor.name if actor is not None else claim.by,
        by_id=actor.id if actor is not None else None,
        date=claim.date,
        quotes=quotes,
    )
