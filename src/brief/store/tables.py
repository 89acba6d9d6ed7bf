"""The loaded corpus as SQLite tables: what the cache file holds, and how it is read back.

One row per resolved topic, actor, source and claim (marshal-ed tuples), with the
links a briefing follows (claims by topic, actor and source; contradictions both
ways), so that one briefing is built from the few rows it shows rather than from the
whole corpus. Beside them, what lets an edit be applied without reading every file
again (see ``incremental``): each file's checked entries and problems by load
phase, every claim id each file defines, and every link between claims as written.

Rows are ordered by ``seq``, the entry's place in load order (see ``load.file_ord``),
so that anything built from a few rows lists them as the whole corpus would.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..core.model import Actor, Citation, Claim, Corpus, Source, Topic

if TYPE_CHECKING:  # the loader is imported only to write a cache, not to read one
    from ..core.index import Index
    from ..corpus.load import LoadResult
    from ..corpus.schema import Checked, Entry
    from ..corpus.trace import FileTrace, Trace

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE names (key TEXT PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE tags (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE briefings (id TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE entries (id TEXT PRIMARY KEY, kind TEXT NOT NULL, seq BLOB NOT NULL,
    data BLOB NOT NULL);
CREATE TABLE claims (id TEXT PRIMARY KEY, seq BLOB NOT NULL, topic TEXT NOT NULL,
    data BLOB NOT NULL);
CREATE INDEX claims_by_topic ON claims (topic);
CREATE TABLE claim_actors (actor TEXT, claim TEXT, PRIMARY KEY (actor, claim)) WITHOUT ROWID;
CREATE TABLE claim_sources (source TEXT, claim TEXT, PRIMARY KEY (source, claim)) WITHOUT ROWID;
CREATE TABLE contests (claim TEXT, other TEXT, PRIMARY KEY (claim, other)) WITHOUT ROWID;
CREATE TABLE files (path BLOB PRIMARY KEY, name TEXT NOT NULL, layer INTEGER NOT NULL,
    ord BLOB NOT NULL, problems INTEGER NOT NULL, local BLOB NOT NULL);
CREATE INDEX files_with_problems ON files (problems, ord);
CREATE TABLE raw_claims (id TEXT, path BLOB, PRIMARY KEY (id, path)) WITHOUT ROWID;
CREATE TABLE links (path BLOB, claim TEXT, target TEXT, PRIMARY KEY (path, claim, target))
    WITHOUT ROWID;
CREATE INDEX links_by_target ON links (target);
"""

#: The named kinds and how each is stored.
NAMED = {"topics": "topic", "actors": "actor", "sources": "source"}


# -- entries as tuples ---------------------------------------------------------------


def entry_data(entry: Entry) -> tuple[Any, ...]:
    """*entry* as a tuple for ``marshal``: ten times faster than pickling dataclasses."""
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


_CITES: dict[tuple[str, str | None], Citation] = {}


def _cite(pair: tuple[str, str | None]) -> Citation:
    """Equal citations as one shared object: a large corpus cites a few sections often."""
    found = _CITES.get(pair)
    if found is None:
        found = _CITES[pair] = Citation(*pair)
    return found


def claim_from(data: Sequence[Any]) -> Claim:
    i, text, topic, who, cites, *rest = data
    return Claim(i, text, topic, who, tuple(_cite(c) for c in cites), *rest)


def named_from(kind: str, data: Sequence[Any]) -> Topic | Actor | Source:
    if kind == "topic":
        return Topic(*data)
    return Actor(*data) if kind == "actor" else Source(*data)


def checked_data(checked: Checked | None) -> tuple[Any, ...] | None:
    """A file's checked entries as tuples; None for a file of which nothing was usable."""
    from ..corpus.schema import KINDS

    if checked is None:
        return None
    entries = {k: [(entry_data(e), where) for e, where in checked.entries[k]] for k in KINDS}
    return (checked.fatal, entries, rejected_data(checked.rejected))


def rejected_data(rejected: dict[str, list[tuple[dict[str, Any], str]]]) -> dict[str, Any]:
    """Entries left out, as marshal takes them: their citations as (source, section)."""
    return {k: [(_plain(values), where) for values, where in v] for k, v in rejected.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Citation):
        return (value.source, value.section)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    return value


def problems_data(problems: dict[str, list[Any]]) -> dict[str, list[tuple[str, str, str, str]]]:
    return {
        phase: [(p.code, p.file, p.where, p.message) for p in found]
        for phase, found in problems.items()
        if found
    }


def pack(record: Any) -> bytes:
    """A file's record, compressed: it repeats its entries, and is read only on an edit."""
    return zlib.compress(marshal.dumps(record), 1)


def unpack(blob: bytes) -> Any:
    return marshal.loads(zlib.decompress(blob))


def ord_key(ord_: str) -> bytes:
    """A load-order key as SQLite sorts it like Python: bytes, as file names need not be UTF-8."""
    return ord_.encode("utf-8", "surrogatepass")


# -- writing a whole load --------------------------------------------------------------


def write_all(con: sqlite3.Connection, result: LoadResult, trace: Trace, index: Index) -> None:
    """Fill the tables of a new cache file from one load."""
    from .search import fill as fill_search

    con.executescript(DDL)
    seq = trace.seq
    named_rows = [
        (e.id, NAMED[kind], ord_key(seq[kind][e.id]), marshal.dumps(entry_data(e)))
        for kind, table in (
            ("topics", result.corpus.topics),
            ("actors", result.corpus.actors),
            ("sources", result.corpus.sources),
        )
        for e in table
    ]
    con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", named_rows)
    con.executemany(
        "INSERT INTO claims VALUES (?, ?, ?, ?)",
        (
            (c.id, ord_key(seq["claims"][c.id]), c.topic, marshal.dumps(entry_data(c)))
            for c in result.corpus.claims
        ),
    )
    write_claim_links(con, result.corpus.claims)
    con.executemany(
        "INSERT OR IGNORE INTO contests VALUES (?, ?)",
        ((a, b) for a, others in index.contested.items() for b in others),
    )
    skipped = set(result.skipped)
    con.executemany(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)",
        (file_row(t, t.name in skipped) for t in trace.files),
    )
    raw: list[tuple[str, bytes]] = []
    links: list[tuple[bytes, str, str]] = []
    for t in trace.files:
        if t.checked is None or t.checked.fatal:
            continue
        key = os.fsencode(t.path)
        for entry, _ in t.checked.entries["claims"]:
            assert isinstance(entry, Claim)
            raw.append((entry.id, key))
            links += raw_links(key, entry.id, (*entry.contradicts, *entry.supports))
        for values, where in t.checked.rejected["claims"]:
            targets = [*values.get("contradicts", ()), *values.get("supports", ())]
            links += raw_links(key, f"\0{where}", targets)
    con.executemany("INSERT OR IGNORE INTO raw_claims VALUES (?, ?)", raw)
    con.executemany("INSERT OR IGNORE INTO links VALUES (?, ?, ?)", links)
    rowids = {(False, i): -r for i, r in con.execute("SELECT id, rowid FROM entries")}
    rowids.update({(True, i): r for i, r in con.execute("SELECT id, rowid FROM claims")})
    kinds = {e.id: NAMED[k] for k in NAMED for e in getattr(result.corpus, k)}
    con.executemany(
        "INSERT INTO names VALUES (?, ?, ?)",
        ((key, ident, kinds[ident]) for key, ident in index.names.items()),
    )
    con.executemany("INSERT INTO tags VALUES (?)", ((t,) for t in index.by_tag))
    fill_search(con, index, rowids)


def file_row(t: FileTrace, skipped: bool) -> tuple[bytes, str, int, bytes, int, bytes]:
    """A file's row; paths are kept as bytes, as a file name need not be UTF-8."""
    count = sum(len(found) for found in t.problems.values())
    local = (checked_data(t.checked), problems_data(t.problems), skipped)
    return (os.fsencode(t.path), t.name, t.layer, ord_key(t.ord), count, pack(local))


def raw_links(path: bytes, claim: str, targets: Iterable[Any]) -> Iterator[tuple[bytes, str, str]]:
    """Links as written (before any is dropped), so an edit can find who points at what.

    A rejected claim is named by its key path after a NUL, as it may have no id.
    """
    return ((path, claim, t) for t in targets if isinstance(t, str))


def write_claim_links(con: sqlite3.Connection, claims: Iterable[Claim]) -> None:
    claims = list(claims)
    con.executemany(
        "INSERT OR IGNORE INTO claim_actors VALUES (?, ?)",
        ((a, c.id) for c in claims for a in c.actors),
    )
    con.executemany(
        "INSERT OR IGNORE INTO claim_sources VALUES (?, ?)",
        ((x.source, c.id) for c in claims for x in c.cites),
    )


# -- reading back -------------------------------------------------------------------------


def _chunks(ids: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def rows_in(con: sqlite3.Connection, sql: str, ids: Iterable[str]) -> list[Any]:
    """*sql* (with ``{marks}`` for an IN list) run over *ids* in chunks SQLite accepts."""
    wanted = sorted(set(ids))
    out: list[Any] = []
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        out += con.execute(sql.format(marks=marks), chunk).fetchall()
    return out


def neighbourhood(con: sqlite3.Connection, ident: str) -> Corpus:
    """The part of the corpus the briefing of *ident* shows, in corpus order.

    Its claims, the claims that contradict them, and every topic, actor and source
    those name: a briefing built from an index of this corpus is the one the whole
    corpus gives.
    """
    row = con.execute("SELECT kind, seq, data FROM entries WHERE id = ?", (ident,)).fetchone()
    if row is None:
        raise KeyError(ident)
    kind = row[0]
    if kind == "topic":
        sql = "SELECT id FROM claims WHERE topic = ?"
    elif kind == "actor":
        sql = "SELECT claim FROM claim_actors WHERE actor = ?"
    else:
        sql = "SELECT claim FROM claim_sources WHERE source = ?"
    main = [r[0] for r in con.execute(sql, (ident,))]
    counters = [
        r[0] for r in rows_in(con, "SELECT other FROM contests WHERE claim IN ({marks})", main)
    ]
    claim_rows = rows_in(
        con, "SELECT seq, data FROM claims WHERE id IN ({marks})", [*main, *counters]
    )
    claim_rows.sort()
    claims = [claim_from(marshal.loads(data)) for _, data in claim_rows]
    wanted = {ident}
    for c in claims:
        wanted.add(c.topic)
        wanted.update(c.actors)
        wanted.update(x.source for x in c.cites)
    if kind == "topic":
        wanted.update(marshal.loads(row[2])[5])  # related topics, for their titles
    named = rows_in(con, "SELECT seq, kind, data FROM entries WHERE id IN ({marks})", wanted)
    named.sort()
    entries = [named_from(k, marshal.loads(data)) for _, k, data in named]
    return Corpus(
        tuple(e for e in entries if isinstance(e, Topic)),
        tuple(e for e in entries if isinstance(e, Actor)),
        tuple(e for e in entries if isinstance(e, Source)),
        tuple(claims),
    )


def whole_corpus(con: sqlite3.Connection) -> Corpus:
    """Every resolved entry, in corpus order: for commands that need the whole index."""
    named = [
        named_from(kind, marshal.loads(data))
        for kind, data in con.execute("SELECT kind, data FROM entries ORDER BY seq")
    ]
    return Corpus(
        tuple(e for e in named if isinstance(e, Topic)),
        tuple(e for e in named if isinstance(e, Actor)),
        tuple(e for e in named if isinstance(e, Source)),
        tuple(
            claim_from(marshal.loads(data))
            for (data,) in con.execute("SELECT data FROM claims ORDER BY seq")
        ),
    )


def warning_lines(con: sqlite3.Connection) -> list[str]:
    """The warnings of every file with problems, as ``LoadResult.warnings`` words them."""
    from ..core.diagnostics import Diagnostic
    from ..corpus.trace import PHASES
    from ..corpus.trace import warning_lines as lines

    early = marshal.loads(con.execute("SELECT value FROM meta WHERE key = 'early'").fetchone()[0])
    found: list[tuple[str, list[Diagnostic], bool]] = [
        (name, [Diagnostic(*p) for p in problems], skipped) for name, problems, skipped in early
    ]
    for name, blob in con.execute("SELECT name, local FROM files WHERE problems > 0 ORDER BY ord"):
        _, by_phase, skipped = unpack(blob)
        problems = [Diagnostic(*p) for phase in PHASES for p in by_phase.get(phase, ())]
        found.append((name, problems, skipped))
    return lines(found)


def left_out(
    records: Iterable[tuple[Any, dict[str, list[tuple[str, str, str, str]]]]], key: str
) -> str | None:
    """The first problem of an entry left out whose id normalises to *key*, as a line.

    *records* are each troubled file's checked data (see :func:`checked_data`) and its
    problems by phase: what a cache row holds, or a load's trace.
    """
    from ..core.diagnostics import Diagnostic
    from ..core.names import normalise
    from ..corpus.trace import PHASES

    for checked, by_phase in records:
        if checked is None:
            continue
        for found in checked[2].values():
            for values, where in found:
                ident = values.get("id")
                if not isinstance(ident, str) or normalise(ident) != key:
                    continue
                for phase in PHASES:
                    for p in by_phase.get(phase, ()):
                        if p[2] == where or p[2].startswith((f"{where}.", f"{where}[")):
                            return str(Diagnostic(*p))
    return None
