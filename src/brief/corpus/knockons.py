"""Knock-ons: the problems a skipped file causes elsewhere, told apart from their cause.

When a file cannot be used (a syntax error, say), every reference to an entry it
defines fails too: one typo in ``actors.toml`` can give forty "unknown actor" lines
that bury the one line that matters. The loader words each such reference as a
knock-on of the skipped file (:func:`message`, :func:`problem`), finding the file's
ids by their ``id = "..."`` lines (:func:`ids_by_text`: it does not parse), and the
reports group them under their cause (:func:`cause_of`, :func:`heading`).

A knock-on is recognised by its ``Diagnostic.cause`` field, which the cache stores with
every problem, so that problems read back from the cache are recognised alike; the
wording is for people only. Light on purpose: the cache words its warnings with this.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from ..core.diagnostics import UNKNOWN_REF, Diagnostic

_HEADER = re.compile(rb"^[ \t]*\[\[[ \t]*(topics|actors|sources|claims)[ \t]*\]\]", re.M)
_ID_LINE = re.compile(rb"^[ \t]*id[ \t]*=[ \t]*[\"']([^\"'\r\n]+)[\"']", re.M)
_NAME_LINE = re.compile(
    rb"^[ \t]*(?:id|title|name)[ \t]*=[ \t]*[\"']([^\"'\r\n]+)[\"']"
    rb"|^[ \t]*aliases[ \t]*=[ \t]*\[([^\]\r\n]*)\]",
    re.M,
)
_ITEM = re.compile(rb"[\"']([^\"'\r\n]+)[\"']")
#: A quoted value shaped as an id (lowercase letters, digits, hyphens): what a file's
#: text may name an entry by (``topic = "trade"``, ``actors = ["china"]``).
_QUOTED_ID = re.compile(rb"[\"']([a-z0-9]+(?:-[a-z0-9]+)*)[\"']")
_NAMED = ("topics", "actors", "sources")
_MARK = " is in the skipped file "
#: What a claim kept without an actor, or a link to another claim, says of it.
KEPT_WITHOUT = "the claim is kept without it"


def ids_by_text(data: bytes) -> dict[str, set[str]]:
    """The ids a TOML file that could not be used defines, by kind (``actors``, ...).

    Found by their ``id = "..."`` lines, under the last ``[[kind]]`` header above each;
    an id above every header counts for every kind.
    """
    headers = [(m.start(), m.group(1).decode()) for m in _HEADER.finditer(data)]
    found: dict[str, set[str]] = {k: set() for k in ("topics", "actors", "sources", "claims")}
    for match in _ID_LINE.finditer(data):
        ident = match.group(1).decode("utf-8", "replace")
        kinds = [kind for start, kind in headers if start < match.start()]
        for kind in kinds[-1:] or list(found):
            found[kind].add(ident)
    return found


def named_by_text(data: bytes) -> frozenset[str]:
    """Every id a TOML file that could not be used names, as a quoted value anywhere in
    its text: the topics, actors and sources its claims would have been about (and
    more: any quoted word shaped as an id). A briefing of an entry it names says that
    the file may hold more of it (``views.wording.unread_line``)."""
    return frozenset(m.decode() for m in _QUOTED_ID.findall(data))


def names_by_text(data: bytes) -> set[str]:
    """The names (normalised) of the topics, actors and sources a TOML file that could
    not be used defines: their ids, titles, names and aliases written on one line.

    Found as :func:`ids_by_text` finds ids, under a ``[[topics]]``, ``[[actors]]`` or
    ``[[sources]]`` header (or above every header), so that ``brief show`` can say
    which skipped file meant to define a name it cannot find.
    """
    from ..core.names import normalise

    headers = [(m.start(), m.group(1).decode()) for m in _HEADER.finditer(data)]
    found: set[str] = set()
    for match in _NAME_LINE.finditer(data):
        kinds = [kind for start, kind in headers if start < match.start()]
        if kinds and kinds[-1] not in _NAMED:
            continue
        single, listed = match.group(1), match.group(2)
        values = [single] if single is not None else _ITEM.findall(listed)
        found.update(normalise(v.decode("utf-8", "replace")) for v in values)
    found.discard("")
    return found


def message(what: str, ref: str, file: str, kept: bool = False) -> str:
    """``actor 'x' is in the skipped file F``; with *kept*, that the claim is kept without it."""
    return f"{what} {ref!r}{_MARK}{file}" + (f": {KEPT_WITHOUT}" if kept else "")


def problem(
    file: str, where: str, what: str, ref: str, skipped: str, kept: bool = False
) -> Diagnostic:
    """The problem of a reference in *file* at *where* to *ref*, an entry of the skipped
    file *skipped*: worded by :func:`message`, its ``cause`` that file."""
    return Diagnostic(UNKNOWN_REF, file, where, message(what, ref, skipped, kept), skipped)


def cause_of(problem: Diagnostic, skipped: Collection[str]) -> str | None:
    """The skipped file *problem* is a knock-on of, if it is one (*skipped*: file names).

    Its ``cause``, when that file is among *skipped* (always, for a problem of one load).
    """
    return problem.cause if problem.cause and problem.cause in skipped else None


def heading(count: int, file: str) -> str:
    """``41 references to entries of the skipped file actors.toml``."""
    return f"{count} reference{'s' if count != 1 else ''} to entries of the skipped file {file}"


def is_heading(warning: str) -> bool:
    """Whether the warning line *warning* is a :func:`heading`: the knock-ons of a
    skipped file counted, not a file with problems of its own."""
    count, _, rest = warning.partition(" ")
    return count.isdigit() and rest.startswith(
        ("references to entries of the skipped file ", "reference to entries of the skipped file ")
    )


def split(
    problems: Iterable[Diagnostic], skipped: Collection[str]
) -> tuple[list[Diagnostic], dict[str, list[Diagnostic]]]:
    """*problems* of their own, and the knock-ons by the skipped file that caused them."""
    own: list[Diagnostic] = []
    knock_ons: dict[str, list[Diagnostic]] = {}
    for problem in problems:
        cause = cause_of(problem, skipped)
        if cause is None:
            own.append(problem)
        else:
            knock_ons.setdefault(cause, []).append(problem)
    return own, knock_ons
