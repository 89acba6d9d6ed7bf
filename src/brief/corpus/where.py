"""Where each entry is written: every file and line that defines a name, in every layer.

The loader keeps no line numbers (TOML parsers give none), and an author wants to
reach entries the loader left out too (to fix them), so this reads the files itself:
each file is parsed for its entries' names, and each entry's line is the line of its
``[[kind]]`` header. A file that cannot be parsed is searched for ``id = "..."`` lines,
so that the entry one is fixing can still be found.

For authoring commands only (``brief where``, ``edit``, ``new``, and the lines
``validate`` gives its problems: :func:`problem_lines`): never on the path of ``show``,
``list`` or ``search``. Looking for given names, it parses only the files
whose text could hold one of them (see :func:`may_name`): every file is read, but on a
large corpus nearly none is parsed.

Which definition a name reaches is not decided here for ``brief where`` and ``brief
edit``: the loaded corpus has decided it (the loader's merge, a later layer's entry
replacing an earlier one of its id; then ``core.index``'s names, ids over titles over
aliases, topics over actors over sources), and :func:`standings` is given its answer and
says where every other definition stands against it (:func:`to_edit`: which ``edit``
opens).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from ..core.diagnostics import Diagnostic
from ..core.errors import NotFound
from ..core.kinds import SINGULAR
from ..core.names import closest, normalise
from .layers import BUNDLED_LABEL, Layer
from .parse import parse
from .reader import discover, display_name, read_bytes
from .schema import KINDS, misspelt_kind

Suggest = Callable[[str, tuple[str, ...]], Iterable[str]]
"""The ids of entries (of some kinds, singular; any for none) whose names look like a
name not found: ``Store.suggest``."""

_HEADER = re.compile(rb"^[ \t]*\[\[[ \t]*(topics|actors|sources|claims)[ \t]*\]\]", re.M)
#: Any array of tables' header, of a kind misspelt too (``[[claim]]``).
_ANY_HEADER = re.compile(rb"^[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]", re.M)
_ID_LINE = re.compile(rb"^[ \t]*id[ \t]*=[ \t]*[\"']([^\"'\r\n]*)[\"']", re.M)
_NAME_LINE = re.compile(rb"^[ \t]*(?:title|name)[ \t]*=[ \t]*[\"']([^\"'\r\n]*)[\"']", re.M)
_ALIASES = re.compile(rb"^[ \t]*aliases[ \t]*=[ \t]*\[([^\]]*)\]", re.M)
_QUOTED = re.compile(rb"[\"']([^\"'\r\n]*)[\"']")


class Definition(NamedTuple):
    """One entry as one file writes it."""

    kind: str
    """``topic``, ``actor``, ``source`` or ``claim``."""
    id: str
    """Its id as written."""
    names: frozenset[str]
    """Every name that reaches it, normalised: id, title (an actor's name), aliases."""
    path: str
    """The file's path on disk."""
    line: int
    """The line its ``[[kind]]`` header is on, counted from 1."""
    file: str
    """The file as messages name it (its layer's label, then its relative path)."""
    layer: int
    """The number of its layer, in load order (later layers win)."""
    bundled: bool
    """Whether it is in the corpus shipped with brief (read-only: copy it to edit it)."""
    root: str
    """Its layer's folder."""
    rel: str
    """Its path relative to that folder."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def definitions(layers: Sequence[Layer], near: Sequence[str] = ()) -> Iterator[Definition]:
    """Every entry every file of *layers* defines, in load order.

    With *near* (normalised names, or ids), only those of the files whose text could
    hold one of them (see :func:`may_name`): among them, every entry one of them
    names, and every id that begins with one.
    """
    for number, layer in enumerate(layers):
        for path, rel in discover(layer.root):
            data = read_bytes(path, layer.root, rel)
            if not isinstance(data, bytes) or (near and not may_name(data, near)):
                continue
            name = display_name(layer.label, rel)
            common = (path, name, number, layer.label == BUNDLED_LABEL, layer.root, rel)
            yield from _in_file(data, common)


def may_name(data: bytes, keys: Sequence[str]) -> bool:
    """Whether the file *data* could give an entry a name (or id) holding one of *keys*.

    A key is normalised (``core.names.normalise``): the words of case-folded text (runs
    of letters and digits) joined by hyphens. A name written plainly in a file is a
    whole string, so each of its words is a whole word of the file's case-folded text
    (folding goes letter by letter): a file without every word of a key, whole, cannot
    name it. A name written with a TOML escape or a line continuation could: a file
    with a backslash, or that is not UTF-8, is always searched. False is sure; True
    only means "parse it and see".
    """
    if b"\\" in data:
        return True
    if data.isascii():  # folding ASCII is lowering it; a key that is not ASCII is not here
        low = data.lower()
        return any(_all_in(low, _words(k, True)) for k in keys if k.isascii())
    try:
        text = data.decode("utf-8").casefold()
    except UnicodeDecodeError:
        return True
    return any(_all_in(text, _words(k, False)) for k in keys)


def _all_in(text: Any, words: list[tuple[Any, re.Pattern[Any]]]) -> bool:
    """Whether every word is in *text*, whole: looked for as it is first (fast), then
    whole only where it is there at all."""
    return all(w in text for w, _ in words) and all(p.search(text) for _, p in words)


@functools.lru_cache(maxsize=64)
def _words(key: str, ascii: bool) -> list[tuple[Any, re.Pattern[Any]]]:
    """Each word of *key*, and a pattern that finds it whole (between anything but
    letters and digits), as bytes of ASCII or as text."""
    if ascii:
        return [
            (w, re.compile(rb"(?<![a-z0-9])%s(?![a-z0-9])" % re.escape(w)))
            for w in (word.encode() for word in key.split("-"))
        ]
    return [(w, re.compile(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])")) for w in key.split("-")]


def _in_file(data: bytes, common: tuple[Any, ...]) -> Iterator[Definition]:
    headers: dict[str, list[int]] = {}  # the lines of [[key]] headers, by key
    for match in _ANY_HEADER.finditer(data):
        at = data.count(b"\n", 0, match.start()) + 1
        headers.setdefault(match.group(1).decode(), []).append(at)
    doc = parse(data, common[1])
    if isinstance(doc, Diagnostic):
        yield from _by_text(data, common)
        return
    for key, tables in doc.items():
        # an entry written under a misspelt kind ([[claim]]) is one left out, of that kind
        kind = key if key in KINDS else misspelt_kind(key)
        if kind is None or not isinstance(tables, list):
            continue
        lines = headers.get(key, [])
        lines = lines if len(lines) == len(tables) else []
        for i, table in enumerate(tables):
            if not isinstance(table, dict) or not isinstance(table.get("id"), str):
                continue
            ident = table["id"]
            line = lines[i] if lines else _line_of_id(data, ident)
            yield _make(SINGULAR[kind], ident, _names(table), line, common)


def _make(
    kind: str, ident: str, names: frozenset[str], line: int, common: tuple[Any, ...]
) -> Definition:
    path, file, layer, bundled, root, rel = common
    return Definition(kind, ident, names, path, line, file, layer, bundled, root, rel)


def _by_text(data: bytes, common: tuple[Any, ...]) -> Iterator[Definition]:
    """The entries of a file that cannot be parsed, found by their ``id = "..."`` lines,
    with the title (or name) and aliases their table writes on lines of their own."""
    headers = [(m.start(), m.group(1).decode()) for m in _HEADER.finditer(data)]
    for match in _ID_LINE.finditer(data):
        ident = match.group(1).decode("utf-8", "replace")
        kinds = [kind for start, kind in headers if start < match.start()]
        kind = SINGULAR[kinds[-1]] if kinds else "entry"
        line = data.count(b"\n", 0, match.start()) + 1
        header = _header_before(data, match.start())
        names = {normalise(ident), *_written_names(data, match.start(), headers)} - {""}
        yield _make(kind, ident, frozenset(names), header or line, common)


def _written_names(data: bytes, at: int, headers: list[tuple[int, str]]) -> Iterator[str]:
    """The names (title or name, aliases) the table holding offset *at* writes plainly."""
    start = max((s for s, _ in headers if s < at), default=0)
    end = min((s for s, _ in headers if s > at), default=len(data))
    block = data[start:end]
    found = [m.group(1) for m in _NAME_LINE.finditer(block)]
    for aliases in _ALIASES.finditer(block):
        found += [m.group(1) for m in _QUOTED.finditer(aliases.group(1))]
    return (normalise(name.decode("utf-8", "replace")) for name in found)


def _header_before(data: bytes, offset: int) -> int:
    found = [m.start() for m in _HEADER.finditer(data, 0, offset)]
    return data.count(b"\n", 0, found[-1]) + 1 if found else 0


def _line_of_id(data: bytes, ident: str) -> int:
    for match in _ID_LINE.finditer(data):
        if match.group(1).decode("utf-8", "replace") == ident:
            return _header_before(data, match.start()) or data.count(b"\n", 0, match.start()) + 1
    return 1


def _names(table: dict[str, Any]) -> frozenset[str]:
    names = [table.get("id"), table.get("title"), table.get("name")]
    aliases = table.get("aliases")
    if isinstance(aliases, list):
        names += aliases
    return frozenset(normalise(n) for n in names if isinstance(n, str) and normalise(n))


def find(
    layers: Sequence[Layer],
    name: str,
    kinds: Sequence[str] = (),
    suggest: Suggest | None = None,
) -> list[Definition]:
    """Every definition of the entry *name* reaches, the winning layer's first.

    *name* is an id, a title or an alias, as ``show`` takes it; *kinds* (singular)
    narrows the search. Raises :class:`NotFound`, with suggestions, when nothing has
    that name: those *suggest* gives for it and *kinds* (by default, the entries of
    the closest names every file gives, which means parsing every file).
    """
    return find_all(layers, [(name, kinds)], suggest)[0]


def find_all(
    layers: Sequence[Layer],
    wanted: Sequence[tuple[str, Sequence[str]]],
    suggest: Suggest | None = None,
) -> list[list[Definition]]:
    """What :func:`find` gives for each (name, kinds) of *wanted*, from one reading of
    the files; :class:`NotFound` for the first name not found."""
    keys = [normalise(name) for name, _ in wanted]
    near = list(definitions(layers, [k for k in keys if k])) if any(keys) else []
    return [
        _found(layers, name, kinds, key, near, suggest)
        for (name, kinds), key in zip(wanted, keys, strict=True)
    ]


def _found(
    layers: Sequence[Layer],
    name: str,
    kinds: Sequence[str],
    key: str,
    near: list[Definition],
    suggest: Suggest | None,
) -> list[Definition]:
    """:func:`find`'s answer for *name* (normalised: *key*), from the definitions *near* it."""
    found = [d for d in near if key and key in d.names and (not kinds or d.kind in kinds)]
    if not found:
        raise _not_found(layers, name, kinds, suggest)
    ident = _winner(found, key).id
    same = [d for d in found if d.id == ident]
    return sorted(same, key=lambda d: -d.layer)  # stable: a layer's own files in order


def _not_found(
    layers: Sequence[Layer], name: str, kinds: Sequence[str], suggest: Suggest | None
) -> NotFound:
    """What to raise when no file defines an entry (of *kinds*) named *name*: the error
    with the entries of the closest names (see :func:`find`)."""
    if suggest is not None:
        close = tuple(suggest(name, tuple(kinds)))
    else:
        every = [d for d in definitions(layers) if not kinds or d.kind in kinds]
        ids = {n: d.id for d in reversed(every) for n in d.names}  # the first's
        close = tuple(dict.fromkeys(ids[n] for n in closest(name, ids, limit=6)))[:3]
    what = " or ".join(kinds) if kinds else "topic, actor, source or claim"
    return NotFound(name, close, what)


def _winner(found: list[Definition], key: str) -> Definition:
    """The definition *key* reaches: one with that id first, then the last layer's."""
    by_id = [d for d in found if normalise(d.id) == key]
    return max(by_id or found, key=lambda d: d.layer)


#: Where a definition of a name stands (:attr:`Standing.state`), as ``brief where`` tells it.
IN_USE = "in use"
"""The entry the name reaches, as this file writes it: what ``show`` shows."""
OVERRIDDEN = "overridden"
"""An earlier definition of an entry whose later one (in use) gives the name too."""
SKIPPED = "skipped"
"""In a file skipped for its problems: not in use until the file is fixed."""
LEFT_OUT = "left out"
"""Left out for its own problems: not in use until it is fixed."""
REPLACED = "replaced"
"""Overridden by a later definition of its id (:attr:`Standing.by`) that does not give
the name: the entry is in use, the name is not its."""
CLASH = "clash"
"""In use, and giving the name, but the name reaches another entry (a name clash)."""
TAKEN = "taken"
"""Left out because another kind's entry, the one the name reaches, has its id."""
CLAIM = "claim"
"""A claim whose id the name is, where the name reaches a topic, actor or source."""
UNUSED = "unused"
"""Not in use, for no reason the files and the load's problems tell."""


class Standing(NamedTuple):
    """A definition of a name, and where it stands against the entry the name reaches."""

    definition: Definition
    state: str
    """:data:`IN_USE`, :data:`OVERRIDDEN`, :data:`SKIPPED`, :data:`LEFT_OUT`,
    :data:`REPLACED`, :data:`CLASH`, :data:`TAKEN`, :data:`CLAIM` or :data:`UNUSED`."""
    by: Definition | None = None
    """For :data:`REPLACED` and :data:`OVERRIDDEN`, the definition in use of the same
    entry."""


def standings(
    layers: Sequence[Layer],
    name: str,
    reached: tuple[str, str] | None,
    skipped: Collection[str],
    left_out: Callable[[str], str | None],
    suggest: Suggest | None = None,
) -> list[Standing]:
    """Every definition that gives *name* (as its id, title or alias), each with where
    it stands: the one in use first, then the earlier definitions of its entry, then the
    others, each group latest layer first.

    What the name reaches is not decided here but given: *reached* is the id and kind
    of the entry the loaded corpus resolves *name* to (``Store.reached``: ``show``'s
    answer), None for none. *skipped* are the files skipped whole, by name;
    *left_out* gives, for an id, the first problem of an entry of that id left out for
    its own problems (``Store.left_out``). Raises :class:`NotFound` (with the entries
    *suggest* gives) when no file gives the name.

    The files are read once for the name; once more, for the ids of the entries that
    give it without being reached, to find those entries' later definitions (only then:
    mostly, every definition found is of the entry reached).
    """
    key = normalise(name)
    found = [d for d in definitions(layers, [key]) if key in d.names] if key else []
    if not found:
        raise _not_found(layers, name, (), suggest)
    found.sort(key=lambda d: -d.layer)  # stable: a layer's own files in order
    target = (reached[1], reached[0]) if reached is not None else None
    problems = {ident: left_out(ident) for ident in dict.fromkeys(d.id for d in found)}
    judge = _Judge(key, target, skipped, problems)
    others = {(d.kind, d.id) for d in found} - {target}
    every = _every_definition(layers, others) if others else {}
    if target is not None:
        every[target] = [d for d in found if (d.kind, d.id) == target]
    # each entry's definition in use: the first of the latest layer not left out
    judge.placed = {
        entry: next((d for d in written if judge.pending(d) is None), None)
        for entry, written in every.items()
    }
    return sorted(map(judge.state, found), key=judge.rank)  # stable: latest layer first


def to_edit(found: Sequence[Standing], reached: tuple[str, str] | None) -> Definition | None:
    """The definition ``brief edit`` opens, of those :func:`standings` *found* for a
    name that reaches *reached* (as given to it): the one in use, what ``brief where``
    lists first; but a later layer's definition of the same entry waiting to be fixed
    (in a skipped file, or left out for its own problems) before it, as that one is the
    entry once fixed. When the name reaches nothing, the first waiting to be fixed
    (latest layer first). None when none is either, each overridden by a later
    definition of its id (:data:`REPLACED`, :data:`OVERRIDDEN`): an edit of one would
    change nothing in use, and a bundled one copied would be a second of its id.
    """
    target = (reached[1], reached[0]) if reached is not None else None
    candidates = [
        s.definition
        for s in found
        if s.state not in (REPLACED, OVERRIDDEN)
        and (target is None or (s.definition.kind, s.definition.id) == target)
    ]
    # found gives the one in use first: of one layer, it wins
    return max(candidates, key=lambda d: d.layer, default=None)


class _Judge:
    """Where each definition of the name *key* stands, the entry *target* (kind, id)
    reached by it (None: none), given the files *skipped* and the first problem of an
    entry left out of each id (*problems*), and each entry's definition in use
    (:attr:`placed`)."""

    def __init__(
        self,
        key: str,
        target: tuple[str, str] | None,
        skipped: Collection[str],
        problems: Mapping[str, str | None],
    ) -> None:
        self.key, self.target, self.skipped, self.problems = key, target, skipped, problems
        self.placed: dict[tuple[str, str], Definition | None] = {}

    def pending(self, d: Definition) -> str | None:
        """:data:`SKIPPED` or :data:`LEFT_OUT` for a definition that is either, else None."""
        if d.file in self.skipped:
            return SKIPPED
        why = self.problems.get(d.id)
        return LEFT_OUT if why is not None and why.startswith(f"{d.file}: ") else None

    def state(self, d: Definition) -> Standing:
        """Where the definition *d* stands."""
        entry = (d.kind, d.id)
        winner = self.placed.get(entry)
        why = self.pending(d)
        if why is not None:
            return Standing(d, why)
        if entry == self.target:
            return Standing(d, IN_USE) if d == winner else Standing(d, OVERRIDDEN, winner)
        if winner is not None and winner != d:
            if self.key in winner.names:
                return Standing(d, OVERRIDDEN, winner)  # the one in use gives the name too
            return Standing(d, REPLACED, winner)
        if self.target is None:
            return Standing(d, UNUSED)
        if d.kind != "claim" and d.id == self.target[1]:
            return Standing(d, TAKEN)  # ids are one namespace: the other kind's is in use
        return Standing(d, CLAIM if d.kind == "claim" else CLASH)

    def rank(self, s: Standing) -> int:
        """The one in use first, then the earlier definitions of its entry, then others."""
        if s.state == IN_USE:
            return 0
        return 1 if (s.definition.kind, s.definition.id) == self.target else 2


def _every_definition(
    layers: Sequence[Layer], entries: Collection[tuple[str, str]]
) -> dict[tuple[str, str], list[Definition]]:
    """Every definition of each of *entries* (kind and id), latest layer first."""
    keys = sorted({normalise(ident) for _, ident in entries} - {""})
    out: dict[tuple[str, str], list[Definition]] = {entry: [] for entry in entries}
    for d in definitions(layers, keys):
        if (d.kind, d.id) in out:
            out[(d.kind, d.id)].append(d)
    for written in out.values():
        written.sort(key=lambda d: -d.layer)
    return out


_ENTRY_PATH = re.compile(r"^(topics|actors|sources|claims)\[(\d+)\](?:\.([A-Za-z0-9_-]+))?")


def problem_lines(
    problems: Sequence[Diagnostic], paths: Mapping[str, tuple[str, str]]
) -> tuple[int, ...]:
    """The line of its file each of *problems* is at, counted from 1 (0 where that is
    not known): what an editor's list of errors jumps to.

    A problem at an entry's key (``claims[3].actors[0]``) is at the line that key is
    written on in the entry's table, or else (a key missing) at the entry's ``[[claims]]``
    header; one at ``format``, at the ``format`` line. *paths* gives each file's path,
    and its layer's folder, by the name problems give it: a file is read as the loader
    reads it (``reader.read_bytes``: no larger than a corpus file may be, no link out of
    its folder). A file's lines are known only where its tables are all written as
    ``[[kind]]`` headers (not as inline arrays), one header to each entry. A problem at
    a top-level key (``claim``, for ``[[claim]]`` tables) is at its first header.
    """
    found: dict[str, _Lines | None] = {}
    out = []
    for problem in problems:
        if problem.file not in found:
            found[problem.file] = _lines_of(paths.get(problem.file))
        lines = found[problem.file]
        out.append(lines.at(problem.where) if lines is not None else 0)
    return tuple(out)


class _Lines:
    """Where a file's entries and keys are written: its ``[[kind]]`` headers' lines by
    kind, each a table of its entries, in order."""

    def __init__(self, text: str, headers: dict[str, list[int]]) -> None:
        self.lines = text.split("\n")
        self.headers = headers
        self.starts = sorted(n for found in headers.values() for n in found)

    def at(self, where: str) -> int:
        if where == "format":  # its line, or the first where it is missing
            return self._key_line("format", 1, len(self.lines) + 1) or 1
        match = _ENTRY_PATH.match(where)
        if match is None:
            return self._top_line(where)
        kind, index, key = match.group(1), int(match.group(2)), match.group(3)
        if index >= len(self.headers[kind]):
            return 0
        header = self.headers[kind][index]
        after = [n for n in self.starts if n > header]
        end = after[0] if after else len(self.lines) + 1
        return (self._key_line(key, header + 1, end) if key else 0) or header

    def _top_line(self, key: str) -> int:
        """The line of the first table header of the top-level *key* (``[[claim]]``, or
        ``[claim]``), or of its ``key =`` before any table; 0 for none (a key written
        otherwise, or a problem of no key)."""
        if not key or "." in key or "[" in key:
            return 0
        name = rf"(?:{re.escape(key)}|\"{re.escape(key)}\")"
        header = re.compile(rf"^[ \t]*\[\[?[ \t]*{name}[ \t]*\]")
        written = re.compile(rf"^[ \t]*{name}[ \t]*=")
        tables = False  # past the first table header: a key = line is the table's
        for n, line in enumerate(self.lines, 1):
            if header.match(line):
                return n
            tables = tables or line.lstrip().startswith("[")
            if not tables and written.match(line):
                return n
        return 0

    def _key_line(self, key: str, start: int, end: int) -> int:
        """The first of lines *start* to *end* (not included) that sets *key*, or 0."""
        written = re.compile(rf"^[ \t]*(?:{re.escape(key)}|\"{re.escape(key)}\")[ \t]*=")
        for n in range(start, end):
            if written.match(self.lines[n - 1]):
                return n
        return 0


def _lines_of(where: tuple[str, str] | None) -> _Lines | None:
    """The lines of the file at *where* (its path and its layer's folder), when its
    entries can be told apart by header."""
    if where is None:
        return None
    path, root = where
    data = read_bytes(path, root, path)
    if isinstance(data, Diagnostic):
        return None  # it has a problem of its own, which says so
    doc = parse(data, path)
    if isinstance(doc, Diagnostic):
        return None  # its problem gives its own line and column
    headers: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for match in _HEADER.finditer(data):
        headers[match.group(1).decode()].append(data.count(b"\n", 0, match.start()) + 1)
    for kind in KINDS:
        tables = doc.get(kind, [])
        if not isinstance(tables, list) or len(tables) != len(headers[kind]):
            headers[kind] = []  # not one header to each entry: lines unknown
    return _Lines(data.decode("utf-8", "replace"), headers)
