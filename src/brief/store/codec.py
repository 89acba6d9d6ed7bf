"""How the cache lays out what it stores: the only module that knows a record's fields.

Entries, briefings and the rest are kept as tuples of plain values and ``marshal``-ed
(ten times faster than pickling dataclasses). Everything else reads them through the
functions here, never by position; a change of layout is a change here and of
:data:`SCHEMA`, which makes every older cache file be ignored.

A record that cannot be read back raises :class:`Corrupt`: the cache is then unusable,
and is rebuilt. Imported on the warm path: the model, the views and the loader are
imported only by the functions that need them.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from ..core.diagnostics import Diagnostic
    from ..core.model import Actor, Citation, Claim, Source, Topic
    from ..corpus.schema import Checked, Entry
    from ..views.records import Briefing, Hit, Point

#: Bump when what the cache stores changes shape; old files are then ignored.
SCHEMA = 9


class Corrupt(ValueError):
    """A stored record that cannot be read back: the cache is unusable, rebuild it."""


#: What reading a damaged or foreign record raises, before it is reported as Corrupt.
_BAD = (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError, zlib.error)


def _load(blob: bytes) -> Any:
    try:
        return marshal.loads(blob)
    except _BAD as error:
        raise Corrupt(f"unreadable record: {error}") from error


def _tuple(blob: bytes, field: int | None = None) -> tuple[Any, ...]:
    """The tuple in *blob*, or one *field* of it that is itself a tuple."""
    try:
        value = marshal.loads(blob)
        return tuple(value if field is None else value[field])
    except _BAD as error:
        raise Corrupt(f"unreadable record: {error}") from error


# -- entries -------------------------------------------------------------------------------
#
# A topic:  (id, title, summary, aliases, tags, related, file)
# An actor: (id, name, description, aliases, file)
# A source: (id, title, kind, author, date, url, sections, file)
# A claim:  (id, text, topic, actors, cites, status, contradicts, supports, note, file),
#           each citation as (source, section)

_ID = 0
_TOPIC_RELATED = 5
_CLAIM_ACTORS = 3
#: Fields of a named entry that only its own briefing and search row show.
_PROSE = {"topics": 2, "actors": 2}  # summary, description

EntryData = tuple[Any, ...]


def entry_data(entry: Entry) -> EntryData:
    """*entry* as a tuple of plain values."""
    from ..core.model import Actor, Claim, Topic

    if isinstance(entry, Claim):
        cites = tuple((c.source, c.section) for c in entry.cites)
        return (entry.id, entry.text, entry.topic, entry.actors, cites, entry.status,
                entry.contradicts, entry.supports, entry.note, entry.file)  # fmt: skip
    if isinstance(entry, Topic):
        return (entry.id, entry.title, entry.summary, entry.aliases, entry.tags,
                entry.related, entry.file)  # fmt: skip
    if isinstance(entry, Actor):
        return (entry.id, entry.name, entry.description, entry.aliases, entry.file)
    return (entry.id, entry.title, entry.kind, entry.author, entry.date, entry.url,
            entry.sections, entry.file)  # fmt: skip


def entry_blob(entry: Entry) -> bytes:
    """*entry* as stored in the ``entries`` and ``claims`` tables."""
    return marshal.dumps(entry_data(entry))


def data_blob(data: EntryData) -> bytes:
    """An entry's tuple (see :func:`entry_data`) as stored."""
    return marshal.dumps(data)


def read_data(blob: bytes) -> EntryData:
    """An entry's tuple, read back."""
    return _tuple(blob)


def entry_id(data: EntryData) -> str:
    """The id in an entry's tuple."""
    return str(data[_ID])


def without_prose(kind: str, data: EntryData) -> EntryData:
    """An entry's tuple of *kind* (``topics``...), blanking what only its briefing shows."""
    out = list(data)
    if kind in _PROSE:
        out[_PROSE[kind]] = None
    return tuple(out)


def claim_actors(blob: bytes) -> tuple[str, ...]:
    """The actors of a stored claim, without building it."""
    return _tuple(blob, _CLAIM_ACTORS)


def topic_related(blob: bytes) -> tuple[str, ...]:
    """The related topics of a stored topic, without building it."""
    return _tuple(blob, _TOPIC_RELATED)


_CITES: dict[tuple[str, str | None], Citation] = {}


def _cite(pair: tuple[str, str | None]) -> Citation:
    """Equal citations as one shared object: a large corpus cites a few sections often."""
    found = _CITES.get(pair)
    if found is None:
        from ..core.model import Citation

        found = _CITES[pair] = Citation(*pair)
    return found


def claim_from(data: Sequence[Any]) -> Claim:
    """The claim a tuple of :func:`entry_data` holds."""
    from ..core.model import Claim

    try:
        i, text, topic, who, cites, *rest = data
        return Claim(i, text, topic, who, tuple(_cite(c) for c in cites), *rest)
    except _BAD as error:
        raise Corrupt(f"unreadable claim: {error}") from error


def claim_of(blob: bytes) -> Claim:
    """A stored claim."""
    return claim_from(_load(blob))


def named_from(kind: str, data: Sequence[Any]) -> Topic | Actor | Source:
    """The topic, actor or source (*kind*, singular) a tuple of :func:`entry_data` holds."""
    from ..core.model import Actor, Source, Topic

    try:
        if kind == "topic":
            return Topic(*data)
        return Actor(*data) if kind == "actor" else Source(*data)
    except _BAD as error:
        raise Corrupt(f"unreadable {kind}: {error}") from error


def named_of(kind: str, blob: bytes) -> Topic | Actor | Source:
    """A stored topic, actor or source (*kind*, singular)."""
    return named_from(kind, _load(blob))


def topic_of(blob: bytes) -> Topic:
    """A stored topic."""
    return cast("Topic", named_of("topic", blob))


def ord_key(ord_: str) -> bytes:
    """A load-order key as SQLite sorts it like Python: bytes, as file names need not be UTF-8."""
    return ord_.encode("utf-8", "surrogatepass")


def ord_of(key: bytes) -> str:
    """The inverse of :func:`ord_key`."""
    return bytes(key).decode("utf-8", "surrogatepass")


# -- problems ------------------------------------------------------------------------------
#
# A problem: (code, file, where, message), as Diagnostic takes them.

ProblemData = tuple[str, str, str, str]


def problems_data(problems: Mapping[str, Iterable[Diagnostic]]) -> dict[str, list[ProblemData]]:
    """Problems by phase as tuples; phases without any left out."""
    out = {
        phase: [(p.code, p.file, p.where, p.message) for p in found]
        for phase, found in problems.items()
    }
    return {phase: found for phase, found in out.items() if found}


def problem_from(data: Sequence[str]) -> Diagnostic:
    """The problem a tuple of :func:`problems_data` holds."""
    from ..core.diagnostics import Diagnostic

    return Diagnostic(*data)


def problem_code(data: Sequence[str]) -> str:
    """The code of the problem a tuple of :func:`problems_data` holds."""
    return data[0]


def problem_where(data: Sequence[str]) -> str:
    """Where in its file a problem's tuple says it is."""
    return data[2]


# -- file records --------------------------------------------------------------------------
#
# (checked, problems by phase, skipped), compressed, where checked is None (nothing
# could be read) or (fatal, entries by kind as [(entry tuple, key path)], rejected by
# kind as [(values, key path)]): what an edit needs to re-read the file alone.


class FileRecord:
    """One file's record, read back (see :func:`file_record`)."""

    __slots__ = ("entries", "problems", "rejected", "skipped", "usable")

    def __init__(self, data: Any) -> None:
        checked, problems, skipped = data
        self.usable: bool = checked is not None and not checked[0]
        """Something in the file could be used: it was read, parsed and not fatal."""
        self.entries: dict[str, list[tuple[EntryData, str]]] = {}
        """Its checked entries by kind, each as a tuple with its key path."""
        self.rejected: dict[str, list[tuple[dict[str, Any], str]]] = {}
        """Its entries left out by kind: their valid values and key path."""
        if checked is not None:
            self.entries = {kind: list(found) for kind, found in checked[1].items()}
            self.rejected = dict(checked[2])
        self.problems: dict[str, list[ProblemData]] = dict(problems)
        """Its problems by phase (see ``corpus.trace.PHASES``)."""
        self.skipped: bool = bool(skipped)
        """Nothing in it could be used."""

    def claims(self) -> list[Claim]:
        """The claims the file defines, as written (before their references resolve)."""
        return [claim_from(data) for data, _ in self.entries.get("claims", ())]


def _checked_data(checked: Checked | None) -> tuple[Any, ...] | None:
    if checked is None:
        return None
    entries = {
        kind: [(entry_data(e), where) for e, where in found]
        for kind, found in checked.entries.items()
    }
    return (checked.fatal, entries, _plain(checked.rejected))


def _plain(value: Any) -> Any:
    """*value* as marshal takes it: citations as (source, section)."""
    from ..core.model import Citation

    if isinstance(value, Citation):
        return (value.source, value.section)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    return value


def file_record(
    checked: Checked | None, problems: Mapping[str, Sequence[ProblemData]], skipped: bool
) -> bytes:
    """A file's record as stored: compressed, as it repeats its entries and is rarely read."""
    return zlib.compress(marshal.dumps((_checked_data(checked), dict(problems), skipped)), 1)


def record_of(
    checked: Checked | None, problems: Mapping[str, Iterable[Diagnostic]], skipped: bool
) -> FileRecord:
    """The record :func:`read_file_record` would give for a file just loaded."""
    return FileRecord((_checked_data(checked), problems_data(problems), skipped))


def read_file_record(blob: bytes) -> FileRecord:
    """A file's record, read back."""
    try:
        return FileRecord(marshal.loads(zlib.decompress(blob)))
    except _BAD as error:
        raise Corrupt(f"unreadable file record: {error}") from error


def same_rejected(record: FileRecord, checked: Checked) -> bool:
    """Whether *checked* leaves out exactly the entries *record* does."""
    return bool(marshal.loads(marshal.dumps(_plain(checked.rejected))) == record.rejected)


# -- meta: the manifest, warnings, problems found before any file --------------------------

#: Each folder with its mtime, each file with its mtime, ctime and size (see stamps).
Manifest = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int, int, int], ...]]


def manifest_blob(manifest: Manifest) -> bytes:
    return marshal.dumps(manifest)


def read_manifest(blob: bytes) -> Manifest:
    folders, files = _tuple(blob)
    return tuple(folders), tuple(files)


def manifest_with(
    manifest: Manifest,
    folders: tuple[tuple[str, int], ...],
    files: Mapping[str, tuple[int, int, int]],
) -> Manifest:
    """*manifest* with *folders* instead of its own, and new stamps for some *files*."""
    return folders, tuple((p, *files.get(p, (m, c, s))) for p, m, c, s in manifest[1])


def warnings_blob(lines: Sequence[str]) -> bytes:
    return marshal.dumps(list(lines))


def read_warnings(blob: bytes) -> list[str]:
    return list(_tuple(blob))


Early = list[tuple[str, list[ProblemData], bool]]


def early_blob(early: Mapping[str, Sequence[Diagnostic]], skipped: Iterable[str]) -> bytes:
    """Problems of files (or folders) that no file trace holds, and whether each was skipped."""
    gone = set(skipped)
    rows = [
        (name, problems_data({"": found}).get("", []), name in gone)
        for name, found in early.items()
    ]
    return marshal.dumps(rows)


def read_early(blob: bytes) -> list[tuple[str, list[Diagnostic], bool]]:
    try:
        return [
            (name, [problem_from(p) for p in found], skipped)
            for name, found, skipped in _load(blob)
        ]
    except _BAD as error:
        raise Corrupt(f"unreadable early problems: {error}") from error


# -- briefings -----------------------------------------------------------------------------


def _point_data(p: Point) -> tuple[Any, ...]:
    contested = tuple(_point_data(c) for c in p.contested_by)
    return (p.id, p.text, p.status, p.note, p.refs, p.actors, p.topic, p.topic_title,
            contested, p.above)  # fmt: skip


def _point_from(d: Sequence[Any]) -> Point:
    from ..views.records import Point

    ident, text, status, note, refs, actors, topic, topic_title, contested, above = d
    return Point(ident, text, status, note, refs, actors, topic, topic_title,
                 tuple(_point_from(c) for c in contested), above)  # fmt: skip


def briefing_blob(b: Briefing) -> bytes:
    """*b* as nested tuples of plain values, as the ``briefings`` table keeps it."""
    return marshal.dumps(
        (
            b.kind,
            b.id,
            b.title,
            b.summary,
            b.facts,
            tuple((s.key, s.title, tuple(_point_data(p) for p in s.points)) for s in b.sections),
            tuple((x.kind, x.id, x.title) for x in b.related),
            tuple((r.number, r.source, r.title, r.section) for r in b.references),
        )
    )


def read_briefing(blob: bytes) -> Briefing:
    """The inverse of :func:`briefing_blob`."""
    from ..views.records import Briefing, Link, Reference, Section

    try:
        kind, ident, title, summary, facts, sections, related, references = marshal.loads(blob)
        return Briefing(
            kind,
            ident,
            title,
            summary,
            tuple(tuple(f) for f in facts),
            tuple(Section(k, t, tuple(_point_from(p) for p in ps)) for k, t, ps in sections),
            tuple(Link(*x) for x in related),
            tuple(Reference(*r) for r in references),
        )
    except _BAD as error:
        raise Corrupt(f"unreadable briefing: {error}") from error


# -- search rows ---------------------------------------------------------------------------
#
# A row of the full-text table, in the order of ``sql.SEARCH_COLUMNS``: kind, id,
# topic, actors, tags (for filters), label (shown), title (weighted), body.

SearchRow = tuple[str, str, str, str, str, str, str, str]


def topic_row(t: Topic, actors: Iterable[str]) -> SearchRow:
    from ..core.names import normalise

    title = " ".join([t.title, *t.aliases, *t.tags])
    tags = " ".join(normalise(x) for x in t.tags)
    return ("topic", t.id, t.id, " ".join(sorted(set(actors))), tags, t.title, title, t.summary)


def actor_row(a: Actor) -> SearchRow:
    return ("actor", a.id, "", a.id, "", a.name, " ".join([a.name, *a.aliases]), a.description)


def source_row(s: Source) -> SearchRow:
    body = "; ".join(x for x in (s.author or "", *s.sections) if x)  # read as a list
    return ("source", s.id, "", "", "", s.title, s.title, body)


def claim_row(c: Claim, topic: Topic) -> SearchRow:
    from ..core.names import normalise

    body = f"{c.text} {c.note}" if c.note else c.text
    tags = " ".join(normalise(x) for x in topic.tags)
    return ("claim", c.id, c.topic, " ".join(c.actors), tags, topic.title, "", body)


def named_row(kind: str, entry: Topic | Actor | Source, actors: Iterable[str] = ()) -> SearchRow:
    """The search row of a topic (with the actors of its claims), actor or source."""
    if kind == "topic":
        return topic_row(entry, actors)  # type: ignore[arg-type]
    return actor_row(entry) if kind == "actor" else source_row(entry)  # type: ignore[arg-type]


def hit_from(row: Sequence[Any]) -> Hit:
    """A hit from a row of ``sql.SEARCH``: kind, id, topic, label, snippet, score."""
    from ..views.records import Hit

    kind, ident, topic, title, snippet, score = row
    return Hit(kind, ident, title, snippet, topic if kind == "claim" else ident, -score)
