"""What ``relation_from`` and ``relation_to`` check alike (format 2): a list of actor ids
that only means something beside a ``relation``.

Each problem is ``BRIEF021``, one line naming the key. A list that cannot be read (not
an array of ids, or empty) takes the relation with it, since drawing the relation from
or to the default actors instead would draw edges the claim does not state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core import diagnostics as d
from .grades import RELATION_DROPPED, type_name

Problem = Callable[[str, str, str], None]


def listed(
    values: dict[str, Any],
    table: dict[str, Any],
    key: str,
    where: tuple[str, int, Problem],
    way: str,
    empty: str,
) -> list[str] | None:
    """The ids *values*' *key* lists (taken out of *values*), or None when there is
    nothing to check: no such key, or the problems said why it cannot be used.

    *where*: the claim's key path, the file's format version, and where problems go.
    *way*: ``from`` or ``to``, as the messages read; *empty*: what an empty list should
    have been instead. *table*: the claim as written, to tell a relation never stated
    from one already dropped with its own problem (then *key* goes silently).
    """
    if key not in values:
        return None
    raw = values.pop(key)
    path, version, problem = where
    at = f"{path}.{key}"
    if version < 2:
        problem(
            d.RELATION, at, f"'{key}' needs format 2 (write: format = 2 at the top of the file)"
        )
        return None
    if "relation" not in values:
        if "relation" not in table:
            message = f"'{key}' says who a relation goes {way}, but the claim states none"
            problem(d.RELATION, at, f"{message}; add a 'relation' or remove '{key}'")
        return None  # the relation was dropped, and its own problem says why
    if not isinstance(raw, list) or not all(isinstance(a, str) for a in raw):
        found = type_name(raw) if not isinstance(raw, list) else "an array of other values"
        drop(values, problem, at, f"expected an array of actor ids, found {found}")
        return None
    if not raw:
        drop(values, problem, at, f"an empty '{key}' names no one ({empty})")
        return None
    return raw


def drop(values: dict[str, Any], problem: Problem, where: str, message: str) -> None:
    """Take the claim's relation out, with the problem at *where* saying so."""
    values.pop("relation")
    problem(d.RELATION, where, f"{message}; {RELATION_DROPPED}")
