"""Check one parsed corpus document against the format and build model records.

Every problem is collected, not just the first, so ``brief validate`` can report
everything in one run. An entry with any problem is left out; the rest of the file
still loads. References between entries are checked later, on the merged corpus
(see ``load``), because an entry may point at one defined in another file.

Documents come from ``parse``, which has already made every key and string inert,
so values are kept as they are; keys quoted in messages are made inert again only
because a document built by hand (a test) may hold anything.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic, left_out_words
from ..core.model import (
    CONFIDENCES,
    FORMAT_VERSIONS,
    LIKELIHOODS,
    RELIABILITY,
    SOURCE_KINDS,
    STATUSES,
    Actor,
    Citation,
    Claim,
    Source,
    Topic,
)
from ..core.names import closest
from ..core.relations import NAMES as RELATIONS
from ..core.sanitize import inert, quoted
from . import grades
from .checkers import (
    CREDIBILITY,
    IDS,
    SLOW,
    TEXTS,
    Bad,
    adapt,
    cites,
    date,
    fast,
    ident,
    one_of,
    text,
)
from .fastentry import plain_entry
from .grades import type_name
from .relationfrom import relation_from_ok
from .relationto import relation_to_ok
from .trace import unread_key

Entry = Topic | Actor | Source | Claim
KINDS: tuple[str, ...] = ("topics", "actors", "sources", "claims")


@dataclass(frozen=True, slots=True)
class Field:
    """One key an entry may have: how its value is checked, and how the docs name it."""

    check: Callable[[Any], Any]
    """Takes the value as parsed; returns it as the record keeps it, or raises."""
    required: bool
    """Whether every entry of its kind must have it."""
    type: str
    """Its type in words, as the tables in docs/format.md give it (``array of topic ids``)."""
    choices: tuple[str, ...] = ()
    """The values it may take, when they are a fixed few (a status, a source kind)."""
    forgives: str = ""
    """What its check forgives in one of *choices* as written, beyond space around it:
    ``case`` (and runs of spaces between words: ``Very  Likely``), or ``separators``
    (case, and spaces, underscores and hyphens alike: ``Trades_With``). The JSON Schema
    (``jsonschema``) accepts the same."""


_ID, _STRING, _STRINGS = "id string", "string", "array of strings"

#: For each kind, its keys, in the order records take them and docs/format.md lists them.
#: docs/format.md's key tables are checked against this (tests/test_docs.py).
FIELDS: dict[str, dict[str, Field]] = {
    "topics": {
        "id": Field(ident, True, _ID),
        "title": Field(text, True, _STRING),
        "summary": Field(text, True, _STRING),
        "aliases": Field(TEXTS, False, _STRINGS),
        "tags": Field(TEXTS, False, _STRINGS),
        "related": Field(IDS, False, "array of topic ids"),
    },
    "actors": {
        "id": Field(ident, True, _ID),
        "name": Field(text, True, _STRING),
        "description": Field(text, True, _STRING),
        "aliases": Field(TEXTS, False, _STRINGS),
    },
    "sources": {
        "id": Field(ident, True, _ID),
        "title": Field(text, True, _STRING),
        "kind": Field(one_of(SOURCE_KINDS, "source kind"), True, _STRING, SOURCE_KINDS, "case"),
        "author": Field(text, False, _STRING),
        "date": Field(date, False, "string or TOML date"),
        "url": Field(text, False, _STRING),
        "sections": Field(TEXTS, False, _STRINGS),
        "reliability": Field(adapt(grades.reliability), False, _STRING, RELIABILITY, "case"),
        "publisher": Field(text, False, _STRING),
        "retrieved": Field(date, False, "string or TOML date"),
        "text": Field(adapt(grades.text_path), False, "path to a text file"),
        "note": Field(text, False, _STRING),
    },
    "claims": {
        "id": Field(ident, True, _ID),
        "text": Field(text, True, _STRING),
        "topic": Field(ident, True, "topic id"),
        "actors": Field(IDS, False, "array of actor ids"),
        "cites": Field(cites, True, "array of citations"),
        "status": Field(one_of(STATUSES, "status"), False, _STRING, STATUSES, "case"),
        "contradicts": Field(IDS, False, "array of claim ids"),
        "supports": Field(IDS, False, "array of claim ids"),
        "note": Field(text, False, _STRING),
        "credibility": Field(CREDIBILITY, False, "integer 1-6"),
        "by": Field(text, False, "actor id or string"),
        "date": Field(adapt(grades.claim_date), False, "date, year or range"),
        "likelihood": Field(adapt(grades.likelihood), False, _STRING, LIKELIHOODS, forgives="case"),
        "confidence": Field(adapt(grades.confidence), False, _STRING, CONFIDENCES, forgives="case"),
        # checked with the claim (grades.relation_ok): a bad one is dropped, the claim kept
        "relation": Field(grades.as_given, False, "relation", RELATIONS, forgives="separators"),
        # checked with its relation (relationto.relation_to_ok)
        "relation_to": Field(grades.as_given, False, "array of actor ids"),
        # checked with its relation (relationfrom.relation_from_ok)
        "relation_from": Field(grades.as_given, False, "array of actor ids"),
    },
}
_REQUIRED: dict[str, frozenset[str]] = {
    kind: frozenset(k for k, spec in fields.items() if spec.required)
    for kind, fields in FIELDS.items()
}
_RECORDS: dict[str, Callable[..., Entry]] = {
    "topics": Topic,
    "actors": Actor,
    "sources": Source,
    "claims": Claim,
}


@dataclass
class Checked:
    """What one file yields: its valid entries, by kind, and its problems."""

    entries: dict[str, list[tuple[Entry, str]]] = field(
        default_factory=lambda: {k: [] for k in KINDS}
    )
    """Valid entries by kind, each with its key path in the file (``claims[3]``)."""
    problems: list[Diagnostic] = field(default_factory=list)
    fatal: bool = False
    """True when nothing in the file could be used (syntax, format version)."""
    rejected: dict[str, list[tuple[dict[str, Any], str]]] = field(
        default_factory=lambda: {k: [] for k in KINDS}
    )
    """Entries left out, by kind: the values that were valid and the key path. Their
    references are still checked, so that one run of ``validate`` reports everything."""


def check_document(doc: dict[str, Any], name: str) -> Checked:
    """Validate one parsed document from the file *name*."""
    out = Checked()

    def problem(code: str, where: str, message: str) -> None:
        out.problems.append(Diagnostic(code, name, where, message))

    if not _check_format(doc, problem):
        out.fatal = True
        return out
    version = doc["format"]
    for key in doc:
        if key != "format" and key not in KINDS:
            _unknown_top_key(key, doc[key], out, problem, name, version)
    for kind in KINDS:
        if kind in doc:
            _check_kind(kind, doc[kind], out, problem, name, version)
    return out


def _unknown_top_key(
    key: str,
    value: Any,
    out: Checked,
    problem: Callable[[str, str, str], None],
    name: str,
    version: int,
) -> None:
    """Say that the top-level *key* is not read, and what that costs: its tables, when
    it holds an array of them (``[[claim]]``). Those of a kind misspelt (``claim`` for
    ``claims``) are entries of that kind left out: their values are kept with the
    entries rejected (:attr:`Checked.rejected`), at the key path ``claim[0]``, so that
    the summary counts them, and each claim is counted against the topic, actors and
    sources it names (``leftout.Tally``); their references are not checked
    (:func:`unread_path`), nor their quotes (none are kept)."""
    meant = closest(key, (*KINDS, "format"), limit=1)
    message = f"unknown key {quoted(key)}"
    if meant:
        message += f" (did you mean {meant[0]!r}?)"
    tables = value if isinstance(value, list) else []
    if tables and all(isinstance(table, dict) for table in tables):
        its = f"its {len(tables):,} tables are" if len(tables) != 1 else "its table is"
        message += f"; {its} not read"
        kind = misspelt_kind(key)
        if kind is not None:
            _left_out_unread(kind, tables, inert(key), out, name, version)
    problem(d.UNKNOWN_KEY, inert(key), message)


def misspelt_kind(key: str) -> str | None:
    """The kind of entry a top-level *key* that is none misspells (``claims`` for
    ``claim``), if it is closer to one than to anything else a file's top level holds."""
    meant = closest(key, (*KINDS, "format"), limit=1)
    return meant[0] if meant and meant[0] in KINDS and key not in KINDS else None


def _left_out_unread(
    kind: str, tables: list[Any], key: str, out: Checked, name: str, version: int
) -> None:
    """Keep *tables*, written under *key* for *kind*, as entries of *kind* left out,
    each with only its id (a link to it says it is left out, not unknown) and what names
    the entries it counts against (``leftout.Tally``)."""
    for i, table in enumerate(tables):
        values: dict[str, Any] = {}
        _check_entry(kind, table, f"{kind}[{i}]", _unheard, name, values, version)
        kept = {k: v for k, v in values.items() if k in ("id", "topic", "actors", "cites")}
        if "cites" in kept:  # the sources cited alone: no quote to check
            kept["cites"] = tuple(Citation(c.source) for c in kept["cites"])
        out.rejected[kind].append((kept, f"{key}[{i}]"))


def _unheard(code: str, where: str, message: str) -> None:
    """Takes the problems of a table that is not read: they are not told."""


def unread_path(kind: str, path: str) -> bool:
    """Whether *path*, of an entry of *kind* left out (:attr:`Checked.rejected`), is
    that of a table written under a misspelt kind (``claim[0]``), which is not read:
    its references are not checked."""
    return unread_key(kind, path) is not None


def _check_format(doc: dict[str, Any], problem: Callable[[str, str, str], None]) -> bool:
    """Whether *doc* says it is in a format this release reads; if not, says why."""
    version = doc.get("format")
    if "format" not in doc:
        newer = grades.format_2_key(doc)
        hint = f"format = 2, as the file uses {newer!r}" if newer else "format = 1"
        problem(d.FORMAT, "format", f"missing required key 'format' (add: {hint})")
        return False
    if isinstance(version, bool) or version not in FORMAT_VERSIONS:
        *older, newest = (str(v) for v in FORMAT_VERSIONS)
        known = f"formats {', '.join(older)} and {newest}" if older else f"format {newest}"
        problem(
            d.FORMAT,
            "format",
            f"unsupported format {inert(repr(version))} (this brief reads {known})",
        )
        return False
    return True


def _check_kind(
    kind: str,
    tables: Any,
    out: Checked,
    problem: Callable[[str, str, str], None],
    name: str,
    version: int = 1,
) -> None:
    """Check the array of tables *kind* of one document (format *version*) into *out*."""
    if not isinstance(tables, list):
        problem(
            d.WRONG_TYPE,
            kind,
            f"expected an array of tables ([[{kind}]]), found {type_name(tables)}",
        )
        return
    accepted = out.entries[kind]
    for i, table in enumerate(tables):
        # one string for each place in every file: 200,000 claims have some forty places
        path = sys.intern(f"{kind}[{i}]")
        plain = plain_entry(kind, table, name, version)
        if plain is not None:  # plainly right: the record the full check would build
            accepted.append((plain, path))
            continue
        values: dict[str, Any] = {}
        first = len(out.problems)
        entry = _check_entry(kind, table, path, problem, name, values, version)
        if entry is None:
            out.rejected[kind].append((values, path))
            _say_left_out(out.problems, first, kind, values.get("id"))
        else:
            accepted.append((entry, path))


def _say_left_out(problems: list[Diagnostic], first: int, kind: str, ident: object) -> None:
    """End each of an entry's *problems* (from *first* on) with its outcome (see
    :func:`left_out_words`). Each line then says what it cost where it is read (a
    ``show``'s warning, an editor's list), not only the summary; one that said the claim
    is kept without its relation would be wrong, and loses that."""
    words = left_out_words(kind, ident)
    kept = f"; {grades.RELATION_DROPPED}"
    for at in range(first, len(problems)):
        found = problems[at]
        problems[at] = replace(found, message=found.message.removesuffix(kept) + words)


def _check_entry(
    kind: str,
    table: Any,
    path: str,
    problem: Callable[[str, str, str], None],
    name: str,
    values: dict[str, Any],
    version: int = 1,
) -> Entry | None:
    """The record for *table*, or None; *values* is left holding every valid value."""
    if not isinstance(table, dict):
        problem(d.WRONG_TYPE, path, f"expected a table, found {type_name(table)}")
        return None
    fields = FIELDS[kind]
    ok = _keys_ok(kind, table, path, problem)
    if version < 2:
        ok = grades.format_1_ok(kind, table, path, problem) and ok
    for key, raw in table.items():
        spec = fields.get(key)
        if spec is None:
            continue
        check = spec.check
        value = fast(check, raw)
        if value is SLOW:
            try:
                value = check(raw)
            except Bad as bad:
                problem(bad.code, f"{path}.{key}{bad.sub}", bad.message)
                ok = False
                continue
        values[key] = value
    if kind == "claims":  # even when something else is wrong: report it all at once
        ok = _check_claim(values, path, problem, version, "status" in table) and ok
        grades.relation_ok(values, "actors" in table, path, problem, version)
        relation_from_ok(values, table, path, problem, version)
        relation_to_ok(values, table, path, problem, version)
    if not ok:
        return None
    if kind == "claims":
        values.setdefault("actors", ())  # optional in the format; the record has no default
    return _RECORDS[kind](**values, file=name)


def _keys_ok(
    kind: str, table: dict[str, Any], path: str, problem: Callable[[str, str, str], None]
) -> bool:
    """Whether *table* has every key *kind* requires and no other; if not, says why."""
    fields = FIELDS[kind]
    ok = True
    meant: dict[str, str] = {}  # a key a typo stands for: the typo
    if not table.keys() <= fields.keys():
        for key in table:
            if key not in fields:
                near = closest(key, fields, limit=1)
                if near:
                    meant.setdefault(near[0], key)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                problem(d.UNKNOWN_KEY, f"{path}.{inert(key)}", f"unknown key {quoted(key)}{hint}")
                ok = False
    missing = _REQUIRED[kind] - table.keys()
    for key in (k for k in fields if k in missing):  # in the order the docs list them
        # said first (at the table's line): it names the typo, said after it (a trial)
        typo = f" (is {quoted(meant[key])} a typo of it?)" if key in meant else ""
        problem(d.MISSING_KEY, path, f"missing required key {key!r}{typo}")
        ok = False
    return ok


def _check_claim(
    values: dict[str, Any],
    path: str,
    problem: Callable[[str, str, str], None],
    version: int = 1,
    status_written: bool = False,
) -> bool:
    """The rules between a claim's keys; *status_written*: the claim gives a status (if
    *values* has none, its problem is told, and no rule takes it for ``reported``)."""
    unknown = status_written and "status" not in values
    ok = version < 2 or grades.graded_claim_ok(values, path, problem, unknown)
    if values.get("status") == "disputed" and not values.get("note"):
        problem(d.DISPUTED_NO_NOTE, path, "a disputed claim needs a 'note' saying why")
        ok = False
    own = values.get("id")
    for key in ("contradicts", "supports"):
        if own in values.get(key, ()):
            problem(d.SELF_REFERENCE, f"{path}.{key}", f"claim {own!r} cannot {key[:-1]} itself")
            ok = False
    both = set(values.get("contradicts", ())) & set(values.get("supports", ()))
    for other in sorted(both):
        problem(d.SELF_REFERENCE, path, f"claim both contradicts and supports {other!r}")
        ok = False
    return ok
