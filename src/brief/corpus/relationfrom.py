"""The check for a claim's ``relation_from`` (format 2): the actors its relation goes from.

A claim's relation goes from its first actor unless ``relation_from`` names its
subjects: "China and Russia vetoed the new sanctions" states that each of them shields
North Korea, so ``relation_from = ["china", "russia"]`` draws an edge from each, and
none between the two (a subject is never a target). Each problem is ``BRIEF021``, one
line: a subject that is not one of the claim's actors is dropped (the rest kept); a
``relation_from`` that cannot be read takes the relation with it, since drawing it from
the first actor instead would leave out subjects the author named.
"""

from __future__ import annotations

from typing import Any

from ..core import diagnostics as d
from ..core.names import did_you_mean
from ..core.sanitize import quoted
from .grades import RELATION_DROPPED
from .relationlists import Problem, drop, listed

#: What a subject problem adds while other subjects are left.
SUBJECT_DROPPED = "that subject is dropped"


def relation_from_ok(
    values: dict[str, Any], table: dict[str, Any], path: str, problem: Problem, version: int
) -> None:
    """Check a claim's ``relation_from`` in *values* (after ``grades.relation_ok``, before
    ``relationto.relation_to_ok``): kept as a tuple of the claim's actors, each once, or
    removed with the problems saying why; the relation goes too when none of it can be
    used, or when every actor is a subject and no ``relation_to`` says who it goes to.

    *table*: the claim as written, to tell a relation never stated from one already
    dropped with its own problem (then ``relation_from`` goes silently).
    """
    raw = listed(
        values,
        table,
        "relation_from",
        (path, version, problem),
        "from",
        "leave it out for the first actor",
    )
    if raw is None:
        return
    where = f"{path}.relation_from"
    actors = tuple(dict.fromkeys(values.get("actors", ())))
    kept = _subjects(actors, raw, where, problem)
    if not kept:
        values.pop("relation")
    elif "relation_to" not in values and set(kept) >= set(actors):
        message = (
            "every actor of the claim is a subject, so the relation goes to no one "
            "(name its subjects only, or add 'relation_to')"
        )
        drop(values, problem, where, message)
    else:
        values["relation_from"] = kept


def _subjects(
    actors: tuple[str, ...], raw: list[str], where: str, problem: Problem
) -> tuple[str, ...]:
    """The ids of *raw* among *actors*, each once; a problem for each other one, saying
    whether the relation is kept (some are usable) or dropped (none is)."""
    kept = tuple(dict.fromkeys(a for a in raw if a in actors))
    then = SUBJECT_DROPPED if kept else RELATION_DROPPED
    for i, ident in enumerate(raw):
        if ident not in actors:
            hint = did_you_mean(ident, actors) or f" (its actors: {', '.join(actors)})"
            why = f"{quoted(ident)} is not one of the claim's actors{hint}"
            problem(d.RELATION, f"{where}[{i}]", f"{why}; {then}")
    return kept
