"""When a claim is contested: the one rule ``brief graph``, ``show``'s relations and the
TUI's edge pages all apply.

A claim is contested when it is itself ``disputed``, or when a claim the corpus does not
already doubt contradicts it (either way). The corpus doubts a claim it marks
``disputed`` or grades doubtful or improbable (credibility 4 or 5): a contradiction by
such a claim is shown wherever contradictions are (``show``, ``conflicts``), but it
does not contest the claim it contradicts, so a fact-check contradicted only by the
claim it checks is not marked contested.
"""

from __future__ import annotations

from ..core.index import Index
from ..core.model import STATUSES, Claim

#: The credibility grades that say the corpus doubts a claim: 4 doubtful, 5 improbable.
DOUBTFUL_CREDIBILITY = frozenset({4, 5})


def doubted(claim: Claim) -> bool:
    """Whether the corpus itself doubts *claim*: ``disputed``, or graded credibility 4
    (doubtful) or 5 (improbable)."""
    return claim.status == "disputed" or claim.credibility in DOUBTFUL_CREDIBILITY


def contesting(index: Index, claim: Claim) -> tuple[str, ...]:
    """The ids of the claims that contest *claim*: those that contradict it (either way)
    and are not :func:`doubted`, in the order the index links them."""
    return tuple(
        other for other in index.contested.get(claim.id, ()) if not doubted(index.claims[other])
    )


def is_contested(index: Index, claim: Claim) -> bool:
    """Whether *claim* is contested: ``disputed``, or :func:`contesting` names a claim."""
    return claim.status == "disputed" or bool(contesting(index, claim))


def firmness(index: Index, claim: Claim) -> tuple[bool, str, int, int]:
    """Where *claim* goes in a pair of contradicting claims (``brief conflicts``), firmer
    first: one the corpus does not doubt before one it does, then the better grade
    (the reliability of the first source it cites that has one, A first, then its
    credibility, 1 first; ungraded last), then the firmer status (``reported`` first)."""
    reliability = next(
        (r for c in claim.cites if (r := index.sources[c.source].reliability) is not None), "Z"
    )
    credibility = claim.credibility if claim.credibility is not None else 9
    return doubted(claim), reliability, credibility, STATUSES.index(claim.status)
