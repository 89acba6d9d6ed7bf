"""Checks for the values format 2 adds: grades, claim dates and source text paths.

Each check takes a value as parsed and returns it as the record keeps it, or raises
``TypeError`` (a value of the wrong type) or ``ValueError`` (a value not allowed) with
the message to show; ``schema`` turns those into its problem codes. Kept apart from
``schema`` so that the format-1 checks read as they did.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from ..core import diagnostics as d
from ..core.days import calendar_problem, in_words
from ..core.model import CONFIDENCES, CREDIBILITY, LIKELIHOODS, RELIABILITY
from ..core.names import did_you_mean
from ..core.relations import BY_NAME as RELATIONS
from ..core.relations import relation_name
from ..core.sanitize import inert

#: The keys each kind gains in format 2; using one in a format-1 file is ``BRIEF016``.
FORMAT_2_KEYS: dict[str, tuple[str, ...]] = {
    "topics": (),
    "actors": (),
    "sources": ("reliability", "publisher", "retrieved", "text", "note"),
    "claims": ("credibility", "by", "date", "likelihood", "confidence"),
}
#: The keys a citation gains in format 2.
FORMAT_2_CITATION_KEYS: tuple[str, ...] = ("quote", "locator")
#: The keys of a claim's relation, which needs format 2 (``BRIEF021``).
RELATION_KEYS: tuple[str, ...] = ("relation", "relation_to", "relation_from")


def format_2_key(doc: dict[str, Any]) -> str | None:
    """The first key of *doc* (a parsed file) that only format 2 has, if any: what tells a
    file without ``format`` which to add."""
    for kind, keys in FORMAT_2_KEYS.items():
        entries = doc.get(kind)
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            for key in (*keys, *(RELATION_KEYS if kind == "claims" else ())):
                if key in entry:
                    return key
            cites = entry.get("cites") if kind == "claims" else None
            for cite in cites if isinstance(cites, list) else ():
                found = [k for k in FORMAT_2_CITATION_KEYS if isinstance(cite, dict) and k in cite]
                if found:
                    return found[0]
    return None


#: A day, month or year, and one written with slashes: ASCII digits only, as a source's
#: date (``checkers.date``) takes them (``\d`` takes ``١٩٥٣`` too).
_DAY = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$")
_SLASHED = re.compile(r"^[0-9]{4}/[0-9]{1,2}(?:/[0-9]{1,2})?$")


def type_name(value: Any) -> str:
    """What *value* is, as a problem words it (``an array``)."""
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number"}
    names.update({list: "an array", dict: "a table"})
    return names.get(type(value), type(value).__name__)


def _choices(allowed: tuple[str, ...]) -> str:
    return f"one of: {', '.join(allowed)}"


def reliability(value: Any) -> str:
    """A source's reliability letter, ``A`` to ``F``, in either case (``"c"`` is ``C``: a
    trial's lower-case letter left the source out, and every claim citing it)."""
    if not isinstance(value, str):
        raise TypeError(f"expected a string, found {type_name(value)}")
    text = value.strip()
    if text.upper() not in RELIABILITY:
        raise ValueError(f"unknown reliability {text!r} ({_choices(RELIABILITY)})")
    return text.upper()


def credibility(value: Any) -> int:
    """A claim's credibility, an integer from 1 to 6."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer from 1 to 6, found {type_name(value)}")
    if value not in CREDIBILITY:
        raise ValueError(f"credibility {value} is not 1 to 6")
    return value


def _term(allowed: tuple[str, ...], what: str) -> Any:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError(f"expected a string, found {type_name(value)}")
        text = " ".join(value.split()).lower()
        if text not in allowed:
            raise ValueError(f"unknown {what} {value.strip()!r} ({_choices(allowed)})")
        return text

    return check


likelihood = _term(LIKELIHOODS, "likelihood")
confidence = _term(CONFIDENCES, "confidence")


def with_time(value: datetime.datetime) -> str:
    """Why a date and time is not a date: what to write instead."""
    return (
        f"expected a date, found a date and time: write {value.date().isoformat()} "
        "(a time is not kept)"
    )


def _point(value: Any, alone: bool = True) -> str:
    """One date: a TOML date, a year as an integer, or ``YYYY[-MM[-DD]]`` as a string
    (a date and time is refused, as ``checkers.date`` refuses it); *alone*: not one end
    of a range (whose problem says what else the value may be)."""
    if isinstance(value, datetime.datetime):
        raise TypeError(with_time(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and _DAY.match(value.strip()):
        why = calendar_problem(value.strip())
        if why is not None:
            raise ValueError(why)
        return value.strip()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        forms = "YYYY, YYYY-MM, YYYY-MM-DD or a range A/B" if alone else "YYYY[-MM[-DD]]"
        iso = in_words(value) if isinstance(value, str) else None
        write = f": write {iso}" if iso else ""
        raise ValueError(f"{value!r} is not a date{write} ({forms})")
    raise TypeError(f"expected a date or a string, found {type_name(value)}")


def claim_date(value: Any) -> str:
    """When a claim's matter happened or held: one date, or a range ``start/end``."""
    if isinstance(value, str) and "/" in value:
        given = value.strip()
        if _SLASHED.match(given):  # 2021/3/23: a date written with slashes
            year, *rest = given.split("/")
            dashed = "-".join([year, *(f"{int(part):02d}" for part in rest)])
            raise ValueError(f"{given!r} is not a date: write {dashed} (A/B is a range)")
        start, _, end = given.partition("/")
        try:
            first, last = _point(start, False), _point(end, False)
        except ValueError as error:
            if all(_DAY.match(part.strip()) for part in (start, end)):
                raise  # a month or day the calendar has not: it names the date
            raise ValueError(f"{given!r} is not a range A/B: {error}") from None
        if last < first:
            raise ValueError(f"the range {value.strip()!r} ends before it starts")
        return f"{first}/{last}"
    return _point(value)


def text_path(value: Any) -> str:
    """A source text's path: relative, with ``/`` between folders, no NUL."""
    if not isinstance(value, str):
        raise TypeError(f"expected a string, found {type_name(value)}")
    text = value.strip()
    if not text:
        raise ValueError("must not be empty")
    if text.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", text) or "\x00" in text:
        raise ValueError(f"{text!r} must be a path relative to the corpus file")
    return text


def date_key(date: str) -> tuple[str, str]:
    """A claim date as (start, end), for sorting and filtering: ``1950/1953`` -> both ends."""
    start, _, end = date.partition("/")
    return start, end or start


def _needs_2(key: str) -> str:
    return f"{key!r} needs format 2 (write: format = 2 at the top of the file)"


def format_1_ok(
    kind: str, table: dict[str, Any], path: str, problem: Callable[[str, str, str], None]
) -> bool:
    """Whether a format-1 *table* keeps to format 1's keys; if not, says which format it needs."""
    ok = True
    for key in FORMAT_2_KEYS[kind]:
        if key in table:
            problem(d.NEEDS_FORMAT_2, f"{path}.{key}", _needs_2(key))
            ok = False
    cites = table.get("cites") if kind == "claims" else None
    for i, cite in enumerate(cites if isinstance(cites, list) else ()):
        for key in FORMAT_2_CITATION_KEYS:
            if isinstance(cite, dict) and key in cite:
                problem(d.NEEDS_FORMAT_2, f"{path}.cites[{i}].{key}", _needs_2(key))
                ok = False
    return ok


def graded_claim_ok(
    values: dict[str, Any],
    path: str,
    problem: Callable[[str, str, str], None],
    status_unknown: bool = False,
) -> bool:
    """The format-2 rules between a claim's keys: who alleges it, what only assessments have.

    A graded ``alleged`` claim (one using format 2's claim keys, or stating a
    ``relation``) without ``by`` is reported and kept: it still says something. An
    ungraded one is not, so that a format-1 file relabelled ``format = 2`` stays as
    valid as it was. With *status_unknown* (a status written wrong: its own problem
    says so), nothing here is said of it: a trial's ``"assesment"`` was also told "only
    an assessment has a likelihood (this claim is reported)".
    """
    if status_unknown:
        return True
    status = values.get("status", "reported")
    graded = any(key in values for key in (*FORMAT_2_KEYS["claims"], "relation"))
    if status == "alleged" and graded and not values.get("by"):
        problem(d.ALLEGED_NO_BY, path, "an alleged claim should say who alleges it ('by')")
    ok = True
    for key in ("likelihood", "confidence"):
        if key in values and status != "assessment":
            message = f"only an assessment has a {key} (this claim is {status})"
            problem(d.NOT_ASSESSMENT, f"{path}.{key}", f"{message}: {assessment_fix(key)}")
            ok = False
    return ok


def assessment_fix(key: str) -> str:
    """What to do about a *key* (``likelihood``, ``confidence``) on a claim that is not
    an assessment, as a file is written (``brief new`` says it as its options)."""
    return f'make it status = "assessment", or leave out its {key}'


def as_given(value: Any) -> Any:
    """A value kept as parsed, for a key checked with the rest of its entry."""
    return value


#: What a problem with a claim's relation adds: the relation goes, the claim stays.
RELATION_DROPPED = "the claim is kept without its relation"


def relation_ok(
    values: dict[str, Any],
    has_actors: bool,
    path: str,
    problem: Callable[[str, str, str], None],
    version: int,
) -> None:
    """Check a claim's ``relation`` in *values*, normalised in place (``Trades With`` ->
    ``trades-with``), or removed with a problem saying why (``BRIEF021``).

    A relation that cannot be used is dropped and the claim kept: the claim still says
    something sourced, and the problem says the relation went. *has_actors*: the claim
    gives ``actors`` (when they are not in *values*, they were wrong, and said so).
    """
    if "relation" not in values:
        return
    raw = values.pop("relation")
    where = f"{path}.relation"
    if version < 2:
        problem(d.RELATION, where, f"{_needs_2('relation')}; {RELATION_DROPPED}")
        return
    if not isinstance(raw, str):
        problem(d.RELATION, where, f"expected a string, found {type_name(raw)}; {RELATION_DROPPED}")
        return
    name = relation_name(raw)
    if name not in RELATIONS:
        hint = did_you_mean(name, RELATIONS) or f" (one of: {', '.join(RELATIONS)})"
        problem(
            d.RELATION, where, f"unknown relation {inert(raw.strip())!r}{hint}; {RELATION_DROPPED}"
        )
        return
    actors = values.get("actors", ())
    if has_actors and "actors" not in values:
        return  # its actors are wrong, and said so; the claim is left out
    if len(set(actors)) < 2:
        message = (
            f"relation {name!r} needs two actors or more: the subject first, then who it "
            f"{RELATIONS[name].verb}; {RELATION_DROPPED}"
        )
        problem(d.RELATION, where, message)
        return
    values["relation"] = name
