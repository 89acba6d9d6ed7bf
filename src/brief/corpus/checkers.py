"""The value checkers of the corpus format: each takes a value as parsed, returns it as
a record keeps it, or raises :class:`Bad` saying what is wrong with it.

``schema`` names one for each key of each kind (``FIELDS``); a value that is plainly
right skips the checker (:func:`fast`), which then only words the problems.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from ..core import diagnostics as d
from ..core.days import calendar_problem, in_words
from ..core.model import Citation
from ..core.names import did_you_mean, is_id, normalise
from ..core.sanitize import inert, quoted
from . import grades
from .grades import FORMAT_2_CITATION_KEYS, type_name, with_time


class Bad(Exception):
    """A value that cannot be used; carries its code, key path suffix and message."""

    def __init__(self, code: str, message: str, sub: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.sub = code, message, sub


def text(value: Any) -> str:
    """A string that is not blank, stripped."""
    if not isinstance(value, str):
        raise Bad(d.WRONG_TYPE, f"expected a string, found {type_name(value)}")
    if not value.strip():
        raise Bad(d.BAD_VALUE, "must not be empty")
    return value.strip()


def ident(value: Any) -> str:
    """An id: lowercase letters, digits, hyphens."""
    given = text(value)
    if not is_id(given):
        # a name where an id goes (a trial's actors = ["Louis XVI"]): where ids are found
        # (not a guess at it: a second trial's 'Port Authority' had the id 'portauth')
        named = "\\" not in given and is_id(normalise(given))
        hint = ": a file names an entry by its id, which 'brief list' gives" if named else ""
        raise Bad(
            d.BAD_VALUE, f"{quoted(given)} is not an id (lowercase letters, digits, hyphens{hint})"
        )
    return given


def array(item: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    """A check of an array, each element checked by *item*."""

    def check(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Bad(d.WRONG_TYPE, f"expected an array, found {type_name(value)}")
        out = []
        for i, element in enumerate(value):
            try:
                out.append(item(element))
            except Bad as bad:
                raise Bad(bad.code, bad.message, f"[{i}]{bad.sub}") from None
        return tuple(out)

    return check


def one_of(allowed: tuple[str, ...], what: str) -> Callable[[Any], str]:
    """A check of a string among *allowed* (lower-case words, a *what*: ``status``),
    forgiving its case and runs of spaces (``"Reported"``), as a grade's terms are
    forgiven: a claim is not left out for a capital letter."""
    folded = {choice.lower(): choice for choice in allowed}

    def check(value: Any) -> str:
        given = text(value)
        if given in allowed:
            return given
        found = folded.get(" ".join(given.split()).lower())
        if found is None:
            hint = did_you_mean(given, allowed) or f" (one of: {', '.join(allowed)})"
            raise Bad(d.BAD_VALUE, f"unknown {what} {quoted(given)}{hint}")
        return found

    return check


def date(value: Any) -> str:
    """A date (TOML's, or ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as an ISO string.

    A TOML date and time is refused, not cut to its date: its time would be lost.
    """
    if isinstance(value, datetime.datetime):
        raise Bad(d.WRONG_TYPE, with_time(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str):
        given = text(value)
        parts = given.split("-")
        digits = all(p.isdigit() and p.isascii() for p in parts)
        if (
            digits
            and len(parts) <= 3
            and len(parts[0]) == 4
            and all(len(p) == 2 for p in parts[1:])
        ):
            why = calendar_problem(given)
            if why is not None:
                raise Bad(d.BAD_VALUE, why)
            return given
        write = f": write {iso}" if (iso := in_words(given)) else ""
        raise Bad(
            d.BAD_VALUE, f"{quoted(given)} is not a date{write} (YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    if isinstance(value, int) and not isinstance(value, bool):  # a year, but not 4 digits
        raise Bad(d.BAD_VALUE, f"{value} is not a year (YYYY, or a date as a string)")
    raise Bad(d.WRONG_TYPE, f"expected a date or a string, found {type_name(value)}")


def _citation(value: Any) -> Citation:
    if not isinstance(value, dict):
        raise Bad(
            d.WRONG_TYPE,
            f"expected a table {{ source = ..., section = ... }}, found {type_name(value)}",
        )
    for key in value:
        if key not in _CITATION_KEYS:
            raise Bad(
                d.UNKNOWN_KEY,
                f"unknown key {quoted(key)}{did_you_mean(key, _CITATION_KEYS)}",
                f".{inert(key)}",
            )
    if "source" not in value:
        raise Bad(d.MISSING_KEY, "missing required key 'source'")
    source = _key(ident, value, "source")
    section = _key(text, value, "section") if "section" in value else None
    if len(value) == 1 or (section is not None and len(value) == 2):
        return Citation(source, section)
    extra = {k: _key(text, value, k) for k in FORMAT_2_CITATION_KEYS if k in value}
    return Citation(source, section, **extra)


def _key(check: Callable[[Any], Any], table: dict[str, Any], key: str) -> Any:
    """``check(table[key])``, a problem naming *key*."""
    try:
        return check(table[key])
    except Bad as bad:
        raise Bad(bad.code, bad.message, f".{key}") from None


_CITATION_KEYS = ("source", "section", *FORMAT_2_CITATION_KEYS)


def cites(value: Any) -> tuple[Citation, ...]:
    """A claim's citations: an array of at least one."""
    found: tuple[Citation, ...] = array(_citation)(value)
    if not found:
        raise Bad(d.BAD_VALUE, "needs at least one citation")
    return found


TEXTS = array(text)
IDS = array(ident)


def adapt(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A check from ``grades`` (raising TypeError or ValueError) as this module's checks."""

    def adapted(value: Any) -> Any:
        try:
            return check(value)
        except TypeError as exc:
            raise Bad(d.WRONG_TYPE, str(exc)) from None
        except ValueError as exc:
            raise Bad(d.BAD_VALUE, str(exc)) from None

    return adapted


CREDIBILITY = adapt(grades.credibility)


def fast(check: Callable[[Any], Any], value: Any) -> Any:
    """The checked value when *value* is plainly right, else :data:`SLOW`.

    Hundreds of thousands of values go through here on a large corpus; the common,
    valid shapes are accepted inline, and anything else goes to the full checker,
    which also words the problem.
    """
    if check is CREDIBILITY and type(value) is int and 1 <= value <= 6:
        return value
    if (check is text or check is ident) and type(value) is str:
        stripped = value.strip()
        if stripped and (check is text or is_id(stripped)):
            return stripped
        return SLOW
    if (check is not IDS and check is not TEXTS) or type(value) is not list:
        return SLOW
    if not all(type(x) is str for x in value):
        return SLOW
    items = tuple(x.strip() for x in value)
    if all(items) and (check is TEXTS or all(is_id(x) for x in items)):
        return items
    return SLOW


#: What :func:`fast` returns for a value the full checker must see.
SLOW = object()
