"""The check for a claim's ``relation_to`` (format 2): the actors its relation goes to.

A claim lists every actor it is about, subject first, so "the subject <relation> each
of the other actors" is often too much: a claim about US sanctions on Chinese companies
that trade with North Korea is about all three, yet the United States sanctions only
China. ``relation_to = ["china"]`` says so. Each problem is ``BRIEF021``, one line: a
target that is not one of the claim's other actors (or is one of its subjects, the first
actor or those ``relation_from`` names) is dropped (the rest kept); a
``relation_to`` that cannot be read takes the relation with it, since drawing the
relation to every actor instead would draw edges the claim does not state.
"""

from __future__ import annotations

from typing import Any

from ..core import diagnostics as d
from ..core.names import did_you_mean
from ..core.sanitize import quoted
from .grades import RELATION_DROPPED
from .relationlists import Problem, listed

#: What a target problem adds while other targets are left.
TARGET_DROPPED = "that target is dropped"


def relation_to_ok(
    values: dict[str, Any], table: dict[str, Any], path: str, problem: Problem, version: int
) -> None:
    """Check a claim's ``relation_to`` in *values* (after ``grades.relation_ok`` and
    ``relationfrom.relation_from_ok``): kept as a tuple of the claim's actors that are
    not its subjects, each once, or removed with the problems saying why; the relation
    goes too when none of it can be used.

    *table*: the claim as written, to tell a relation never stated from one already
    dropped with its own problem (then ``relation_to`` goes silently).
    """
    raw = listed(
        values,
        table,
        "relation_to",
        (path, version, problem),
        "to",
        "leave it out for every other actor",
    )
    if raw is None:
        return
    where = f"{path}.relation_to"
    kept = _targets(values, raw, where, problem)
    if kept:
        values["relation_to"] = kept
    else:
        values.pop("relation")


def _targets(
    values: dict[str, Any], raw: list[str], where: str, problem: Problem
) -> tuple[str, ...]:
    """The usable ids of *raw*, each once; a problem for each other one, saying whether
    the relation is kept (some are usable) or dropped (none is)."""
    actors: tuple[str, ...] = tuple(values.get("actors", ()))
    subjects: tuple[str, ...] = values.get("relation_from") or actors[:1]
    others = [a for a in dict.fromkeys(actors) if a not in subjects]
    kept = tuple(dict.fromkeys(a for a in raw if a in others))
    then = TARGET_DROPPED if kept else RELATION_DROPPED
    for i, ident in enumerate(raw):
        if ident in others:
            continue
        if ident in subjects:
            which = "one of the claim's subjects (relation_from)"
            if "relation_from" not in values:
                which = "the claim's subject (actors[0])"
            why = f"{ident!r} is {which}: a relation goes to others"
        else:
            hint = did_you_mean(ident, others) or f" (its other actors: {', '.join(others)})"
            why = f"{quoted(ident)} is not one of the claim's other actors{hint}"
        problem(d.RELATION, f"{where}[{i}]", f"{why}; {then}")
    return kept
