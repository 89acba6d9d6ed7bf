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

from collections.abc import Callable
from typing import Any

from ..core import diagnostics as d
from ..core.names import did_you_mean
from ..core.sanitize import inert
from .grades import RELATION_DROPPED

Problem = Callable[[str, str, str], None]
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
    if "relation_to" not in values:
        return
    raw = values.pop("relation_to")
    where = f"{path}.relation_to"
    if version < 2:
        message = "'relation_to' needs format 2 (write: format = 2 at the top of the file)"
        problem(d.RELATION, where, message)
        return
    if "relation" not in values:
        if "relation" not in table:
            message = "'relation_to' says who a relation goes to, but the claim states none"
            problem(d.RELATION, where, f"{message}; add a 'relation' or remove 'relation_to'")
        return  # the relation was dropped, and its own problem says why
    if not isinstance(raw, list) or not all(isinstance(a, str) for a in raw):
        found = type(raw).__name__ if not isinstance(raw, list) else "an array of other values"
        message = f"expected an array of actor ids, found {found}"
        _drop(values, problem, where, message)
        return
    if not raw:
        message = "an empty 'relation_to' names no one (leave it out for every other actor)"
        _drop(values, problem, where, message)
        return
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
            why = f"{inert(ident)!r} is not one of the claim's other actors{hint}"
        problem(d.RELATION, f"{where}[{i}]", f"{why}; {then}")
    return kept


def _drop(values: dict[str, Any], problem: Problem, where: str, message: str) -> None:
    values.pop("relation")
    problem(d.RELATION, where, f"{message}; {RELATION_DROPPED}")
