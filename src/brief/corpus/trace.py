"""The record of a load that the cache keeps, so that it can later re-read one file alone.

A load fills a :class:`Trace` only when asked to (the cache asks, to write its
tables): what each file gave (its checked entries) and its problems, by *phase*
(see :data:`PHASES`), and where every entry stands in load order. With that, an
edit to a few files can be applied to the cache without reading the others again.

Light on purpose: a warm start words a left-out entry's problem with
:data:`PHASES`, and the cache's warnings with :func:`warning_lines`, without
importing the loader, the parser or the schema (see tests/test_import_hygiene.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.diagnostics import Diagnostic
    from .schema import Checked

#: The phases of a load, in the order their problems are listed within one file:
#: ``local`` (the file alone: syntax, schema), ``place`` (ids clashing as entries are
#: merged), ``rejected`` (references of entries left out), ``related`` (topics'
#: related topics), ``refs`` (claims' topics, actors and citations), ``links``
#: (claims' links to claims) and ``names`` (names and aliases that clash).
PHASES = ("local", "place", "rejected", "related", "refs", "links", "names")

#: The kinds of entry in the order a file's entries are placed (``schema.KINDS``;
#: repeated here so that ordering needs no schema; tests/test_incremental.py checks they agree).
KIND_ORDER = ("topics", "actors", "sources", "claims")
_KIND_AT = {kind: n for n, kind in enumerate(KIND_ORDER)}

EntryOrd = tuple[str, int, int]
"""Where an entry stands in load order: its file's :func:`file_ord`, the place of its
kind in :data:`KIND_ORDER`, its place among its file's entries of that kind."""

EntryAt = int
"""Where an entry stands in one load, as one integer (:func:`entry_at`): its file's
place in :attr:`Trace.files`, then its kind's and its own, as :data:`EntryOrd` orders
them. Not a tuple (64 bytes; an integer this large takes 32): a cold build of 10,000
topics keeps 212,000, and peaked 4-5 MiB higher with tuples."""


def entry_at(file: int, kind: int, pos: int) -> EntryAt:
    """Where an entry stands in a load (:data:`EntryAt`): the *file*'s place in the
    load's :attr:`Trace.files`, its *kind*'s in :data:`KIND_ORDER`, its *pos* among the
    file's entries of that kind."""
    return (file << 32) | (kind << 28) | pos


def entry_at_parts(at: EntryAt) -> tuple[int, int, int]:
    """The inverse of :func:`entry_at`: ``(file, kind, pos)``."""
    return at >> 32, (at >> 28) & 0xF, at & 0x0FFFFFFF


@dataclass
class FileTrace:
    """What one file gave a load."""

    path: str
    """The file's path as read (relative to nothing: the cache stats it)."""
    name: str
    """Its display name, as problems name it (``label/rel``)."""
    layer: int
    """The number of its layer, in load order."""
    ord: str
    """Where the file stands in load order (see :func:`file_ord`)."""
    checked: Checked | None
    """None when nothing in the file could be used (unreadable, not TOML)."""
    problems: dict[str, list[Diagnostic]] = field(default_factory=dict)
    """The file's problems by phase (see :data:`PHASES`)."""
    prepared: object = None
    """What :attr:`Trace.prepare` made of its checked entries (None: nothing, as when
    nothing in the file could be used)."""


@dataclass
class Trace:
    """How a load went, file by file and entry by entry: what the cache keeps."""

    files: list[FileTrace] = field(default_factory=list)
    """Every file the load read, in load order."""
    seq: dict[str, dict[str, EntryAt]] = field(default_factory=dict)
    """For each kind, each entry in the corpus by id: where it stands in the load.

    An entry that replaces an earlier layer's keeps the earlier one's place."""
    orders: bool = True
    """Whether the load notes where every entry stands (:attr:`seq`): what a cache needs,
    and ``brief validate``, which reads the trace for quotes' source texts, does not."""
    prepare: Callable[[Checked], object] | None = None
    """Called on each usable file's checked entries in the process that read the file
    (a worker, on a large corpus: see ``parallel``), what it gives kept as the file's
    :attr:`FileTrace.prepared`: the work a cache does on each file alone, done where
    the cores are. A module's function, as workers are sent it by name."""


def file_ord(layer: int, rel: str) -> str:
    """A sort key for a file in load order: layers in turn, then the folder walk's order."""
    return f"{layer:04d}\x01{rel.replace('/', chr(0))}"


def unread_key(kind: str, path: str) -> str | None:
    """The top-level key that *path*, of an entry of *kind* left out, is under when that
    is not *kind*'s own: ``claim`` of ``claim[0]``, a table of a misspelt kind, which is
    not read (``schema.unread_path``); None for one of *kind*'s tables."""
    key = path.split("[", 1)[0]
    return key if key != kind else None


def entry_ord(file: str, kind: str, pos: int) -> EntryOrd:
    """A sort key for an entry in load order: its file, then kind and position in it."""
    return (file, _KIND_AT[kind], pos)


#: The most files with problems whose warnings are given their lines: each is read and
#: parsed again for them (at a build, and at each edit the cache takes in place); a
#: corpus with more gets its warnings without lines, as ``validate`` still gives them.
LINED_FILES = 64


def warning_lines(
    files: Sequence[tuple[str, Sequence[Diagnostic], bool]],
    lines: Callable[[Sequence[Diagnostic]], Sequence[int]] | None = None,
) -> list[str]:
    """A line per file: its first problem, and how many more (or that it was skipped).

    *files* are (name, problems, skipped), in load order; the cache words its
    warnings with this too, so a warm start says exactly what a cold one says.
    References to entries of a skipped file are not counted where they are, but in
    one line after that file's: ``41 references to entries of the skipped file F``.
    With *lines* (the line of each of a file's problems, 0 where not known: see
    ``where.problem_lines``), the problem told is the file's first by line, and it
    says its line as ``validate`` does: ``notes/a.toml:12: claims[0].dat: ...``; but
    for more than :data:`LINED_FILES` files with problems.
    """
    from .knockons import heading, split

    if sum(1 for _, problems, _ in files if problems) > LINED_FILES:
        lines = None
    skipped = {name for name, _, was_skipped in files if was_skipped}
    own: dict[str, list[Diagnostic]] = {}
    caused: dict[str, int] = {}
    for name, problems, _ in files:
        own[name], knock_ons = split(problems, skipped)
        for cause, found in knock_ons.items():
            caused[cause] = caused.get(cause, 0) + len(found)
    out: list[str] = []
    for name, _, was_skipped in files:
        problems = own[name]
        first = _first(problems, lines) if problems else ""  # a syntax error as FILE:24:8:
        if problems and was_skipped:
            what = "folder" if name.endswith("/") else "file"
            out.append(f"{first} ({what} skipped)")
        elif len(problems) == 1:
            out.append(first)
        elif problems:
            out.append(f"{first} (+{len(problems) - 1} more; see 'brief validate')")
        if caused.get(name):
            out.append(heading(caused[name], name))
    return out


def _first(
    problems: Sequence[Diagnostic], lines: Callable[[Sequence[Diagnostic]], Sequence[int]] | None
) -> str:
    """The first of a file's *problems* by line, with its line, where *lines* tells."""
    at = lines(problems) if lines is not None else ()
    known = [(line, i) for i, line in enumerate(at) if line]
    line, i = min(known) if known else (0, 0)
    return problems[i].at(line)
