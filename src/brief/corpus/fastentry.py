"""The record for an entry that is plainly right, made without the full check.

``schema`` checks each entry key by key, each value through its checker, then the rules
between a claim's keys, collecting every problem as it goes: about 30 us a claim, more
than parsing it. Nearly every entry of a corpus is right, and for those the work is
less: every key known, every required key there, every value of the expected type and
shape. :func:`plain_entry` tests just that, inline, and builds the record; for anything
else (a key it does not take, a value it does not accept, a rule between keys that
could fail) it gives None, and ``schema`` checks the entry in full, which words every
problem as it always has. So an entry either has no problem and the record the full
check would build, or goes the full way: the problems, their order and the records are
the same either way (tests/test_fastentry.py compares the two on every corpus the tests
know).

Keys whose checks are rarer or more involved (a claim's relation, dates and grades of
an assessment, a source's text path) are left to the full check.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable
from typing import Any, NamedTuple

from ..core.days import calendar_problem
from ..core.model import RELIABILITY, SOURCE_KINDS, STATUSES, Actor, Claim, Source, Topic
from ..core.names import ID_PATTERN
from .builders import BUILDERS, build_citation

_ID = ID_PATTERN.match
_intern = sys.intern
#: What a check below returns for a value it does not accept as plainly right.
_NO: Any = object()


def _text(raw: Any) -> Any:
    """``checkers.text``: a string, not blank, stripped."""
    if type(raw) is str:
        value = raw.strip()
        if value:
            return value
    return _NO


def _ident(raw: Any) -> Any:
    """``checkers.ident``: an id, stripped."""
    if type(raw) is str:
        value = raw.strip()
        if value.isascii() and _ID(value):
            return value
    return _NO


def _texts(raw: Any) -> Any:
    """``checkers.TEXTS``: an array of strings, none blank, each stripped."""
    if type(raw) is not list:
        return _NO
    out = []
    for item in raw:
        if type(item) is not str or not (value := item.strip()):
            return _NO
        out.append(value)
    return tuple(out)


def _ref(raw: Any) -> Any:
    """``checkers.ident`` for a reference to an entry: an id, stripped, and interned.

    A corpus names the same few topics, actors and sources over and over (at 10,000
    topics, 400,000 actor references to 1,500 actors): one string for each id keeps
    a large load some 40 MB smaller. Each reference already seen as written is looked
    up (see :data:`_REFS`), not checked again.
    """
    if type(raw) is not str:
        return _NO
    found = _REFS.get(raw)
    if found is None:
        found = _ident(raw)
        if found is not _NO:
            found = _intern(found)
            if len(_REFS) < _MOST_REFS:
                _REFS[raw] = found
    return found


#: Each reference as written that :func:`_ref` found right, with the id it gives.
_REFS: dict[str, str] = {}
#: The most kept in :data:`_REFS`: a reference is to a topic, actor or source.
_MOST_REFS = 65_536


def _ids(raw: Any) -> Any:
    """``checkers.IDS``: an array of ids, each stripped (and interned: see :func:`_ref`)."""
    if type(raw) is not list:
        return _NO
    out = []
    for item in raw:
        value = _ref(item)
        if value is _NO:
            return _NO
        out.append(value)
    return tuple(out)


def _choice(allowed: tuple[str, ...]) -> Callable[[Any], Any]:
    """``checkers.one_of``: one of *allowed*, stripped."""
    among = frozenset(allowed)

    def check(raw: Any) -> Any:
        if type(raw) is str and (value := raw.strip()) in among:
            return _intern(value)  # a claim's status: four words, 200,000 times
        return _NO

    return check


_DAY = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}\Z")


def _date(raw: Any) -> Any:
    """``checkers.date`` for a string: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, stripped."""
    if type(raw) is str and _DAY.match(value := raw.strip()) and not calendar_problem(value):
        return value
    return _NO


def _credibility(raw: Any) -> Any:
    """``grades.credibility``: an integer from 1 to 6."""
    return raw if type(raw) is int and 1 <= raw <= 6 else _NO


def _cite_1(cite: Any) -> Any:
    """``checkers._citation`` in format 1: a source, and maybe a section."""
    if type(cite) is not dict:
        return _NO
    source = _ref(cite.get("source"))
    section = cite.get("section")
    if section is not None:
        section = _text(section)
    if source is _NO or section is _NO or len(cite) != 1 + (section is not None):
        return _NO  # a part not plainly right, or a key a citation does not have
    return _shared_citation(source, section)


def _cite_2(cite: Any) -> Any:
    """``checkers._citation`` in format 2: also maybe a quote and a locator."""
    if type(cite) is not dict:
        return _NO
    source = _ref(cite.get("source"))
    parts = [cite.get(key) for key in _CITE_PARTS]
    if len(cite) != 1 + sum(part is not None for part in parts):
        return _NO  # a key a citation does not have
    checked = [None if part is None else _text(part) for part in parts]
    if source is _NO or _NO in checked:
        return _NO
    if checked[1] is None and checked[2] is None:
        return _shared_citation(source, checked[0])
    if checked[0] is not None:
        checked[0] = _intern(checked[0])  # the section (see _shared_citation)
    return build_citation(source, *checked)


#: Every citation made of a source and maybe a section alone, by the two (see below).
_CITATIONS: dict[tuple[str, str | None], Any] = {}
#: The most kept in :data:`_CITATIONS`: a corpus's sources have a few sections each.
_MOST_CITATIONS = 16_384


def _shared_citation(source: str, section: str | None) -> Any:
    """The citation of *source* (interned) at *section*, the same record each time.

    A corpus cites the same sections of its few sources over and over: one record for
    each (and one string for each section) keeps a large load smaller and lets a
    worker process send each once (``parallel``).
    """
    found = _CITATIONS.get((source, section))
    if found is None:
        if section is not None:
            section = _intern(section)
        found = build_citation(source, section, None, None)
        if len(_CITATIONS) < _MOST_CITATIONS:
            _CITATIONS[source, section] = found
            _ALONE[id(found)] = (found,)
    return found


def _cites(cite: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``checkers.cites``: at least one citation, each checked by *cite*."""

    def check(raw: Any) -> Any:
        if type(raw) is not list or not raw:
            return _NO
        if len(raw) == 1:  # nearly every claim: the tuple is shared, as its citation is
            made = cite(raw[0])
            if made is _NO:
                return _NO
            alone = _ALONE.get(id(made))  # a shared citation's, kept alive with it
            return alone if alone is not None and alone[0] is made else (made,)
        out = []
        for item in raw:
            made = cite(item)
            if made is _NO:
                return _NO
            out.append(made)
        return tuple(out)

    return check


#: A tuple of each shared citation alone, by the citation's id: a claim's ``cites``.
_ALONE: dict[int, tuple[Any]] = {}


# -- records a worker sent (see ``parallel``) ------------------------------------------


def received_citation(source: str, *rest: Any) -> Any:
    """A citation as a worker process sent it, shared as this process's own are (see
    :func:`_shared_citation`): each chunk of files a worker sends carries its own copy
    of every citation it names, which only the chunk shares. Called once a citation a
    chunk (pickle sends each object once), unlike a wrapper of each claim, which cost
    a load in workers 5% of its time (see ``parallel.CHUNK``)."""
    if rest[1:] == (None, None):  # a source and maybe a section alone: nearly all
        return _shared_citation(_intern(source), rest[0])
    return build_citation(_intern(source), *rest)


_CITE_PARTS = ("section", "quote", "locator")  # a Citation's fields after its source


class _Plan(NamedTuple):
    """How one kind's entries are taken in one format, when plainly right."""

    checks: dict[str, tuple[int, Callable[[Any], Any]]]
    """Each key taken: the record's field it fills (by position) and its check."""
    required: frozenset[str]
    """The keys every entry of the kind has."""
    blank: tuple[Any, ...]
    """The record's fields before any key fills them: their defaults."""
    build: Callable[..., Any]
    """Builds the record from its fields in order."""
    file_at: int
    """The position of the record's field ``file``."""


_Checks = dict[str, Callable[[Any], Any]]

_TOPIC: _Checks = {"id": _ident, "title": _text, "summary": _text, "aliases": _texts}
_TOPIC.update(tags=_texts, related=_ids)
_ACTOR: _Checks = {"id": _ident, "name": _text, "description": _text, "aliases": _texts}
_SOURCE: _Checks = {"id": _ident, "title": _text, "kind": _choice(SOURCE_KINDS), "author": _text}
_SOURCE.update(date=_date, url=_text, sections=_texts)
_CLAIM_1: _Checks = {"id": _ident, "text": _text, "topic": _ref, "actors": _ids}
_CLAIM_1.update(cites=_cites(_cite_1), status=_choice(STATUSES))
_CLAIM_1.update(contradicts=_ids, supports=_ids, note=_text)
#: The keys each kind's plain entries may have in format 1, with their checks.
_VERSION_1: dict[str, _Checks] = {
    "topics": _TOPIC,
    "actors": _ACTOR,
    "sources": _SOURCE,
    "claims": _CLAIM_1,
}
#: The same in format 2, with some of the keys format 2 adds.
_VERSION_2: dict[str, _Checks] = {
    "topics": _TOPIC,
    "actors": _ACTOR,
    "sources": {**_SOURCE, "reliability": _choice(RELIABILITY), "publisher": _text}
    | {"retrieved": _date, "note": _text},
    "claims": {**_CLAIM_1, "cites": _cites(_cite_2)} | {"credibility": _credibility, "by": _text},
}
_REQUIRED = {
    "topics": ("id", "title", "summary"),
    "actors": ("id", "name", "description"),
    "sources": ("id", "title", "kind"),
    "claims": ("id", "text", "topic", "cites"),
}
_CLASSES: dict[str, type] = {"topics": Topic, "actors": Actor, "sources": Source, "claims": Claim}


def _plan(kind: str, checks: _Checks) -> _Plan:
    cls = _CLASSES[kind]
    fields = dataclasses.fields(cls)
    names = [f.name for f in fields]
    blank = [None if f.default is dataclasses.MISSING else f.default for f in fields]
    if kind == "claims":
        blank[names.index("actors")] = ()  # optional in the format; the record has no default
    placed = {key: (names.index(key), check) for key, check in checks.items()}
    return _Plan(
        placed, frozenset(_REQUIRED[kind]), tuple(blank), BUILDERS[cls], names.index("file")
    )


_PLANS = {
    version: {kind: _plan(kind, checks) for kind, checks in plans.items()}
    for version, plans in ((1, _VERSION_1), (2, _VERSION_2))
}
_CLAIM = {name: at for at, name in enumerate(f.name for f in dataclasses.fields(Claim))}


def plain_entry(kind: str, table: Any, name: str, version: int) -> Any:
    """The record of the entry *table* (of *kind*, in the file *name* of format
    *version*) when it is plainly right; None when it needs the full check."""
    plan = _PLANS[2 if version >= 2 else 1][kind]
    if type(table) is not dict or not plan.required <= table.keys():
        return None
    checks = plan.checks
    fields = list(plan.blank)
    for key, raw in table.items():
        how = checks.get(key)
        if how is None:
            return None
        value = how[1](raw)
        if value is _NO:
            return None
        fields[how[0]] = value
    fields[plan.file_at] = name
    if kind == "claims" and not _claim_plain(fields, table):
        return None
    return plan.build(*fields)


def _claim_plain(fields: list[Any], table: dict[str, Any]) -> bool:
    """Whether a claim's keys keep the rules between them (``schema._check_claim``,
    ``grades.graded_claim_ok``) so plainly that nothing is to be said."""
    status, own = fields[_CLAIM["status"]], fields[_CLAIM["id"]]
    if status == "disputed" and fields[_CLAIM["note"]] is None:
        return False
    if status == "alleged" and fields[_CLAIM["by"]] is None and "credibility" in table:
        return False  # a graded alleged claim says who alleges it
    contradicts, supports = fields[_CLAIM["contradicts"]], fields[_CLAIM["supports"]]
    if not (contradicts or supports):
        return True
    return own not in contradicts and own not in supports and not set(contradicts) & set(supports)
