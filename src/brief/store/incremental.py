"""Apply an edit to a few corpus files to the cache in place, instead of rebuilding it.

Rebuilding the cache of a 10,000-topic corpus takes seconds; re-reading the one file
that changed takes a millisecond. The edits applied here are the everyday ones:
claims added, removed or rewritten, a topic's summary or an actor's description
reworded. Only the rows those touch change: the file's claims, the links and
contradictions between them, their full-text rows, the topic rows that list their
actors, and the briefings that show any of them (forgotten, to be built again when
next shown).

An edit is applied only when it provably gives what a full load would give; it is
declined (and the cache rebuilt) when it could change anything beyond those rows:

- a file added or removed, or one that cannot be read or parsed, now or before;
- a topic, actor or source added, removed, renamed, re-aliased, re-tagged or moved,
  or a source's sections changed (names, tags and citations reach across files);
- an entry left out before or now for its own problems changing;
- a claim id defined more than once, before or after;
- a claim that names a topic, actor, source or claim that is not in the corpus, or
  a claim added or removed that others point at (problems whose wording depends on
  the whole corpus: "did you mean" suggestions are rationed across it).
"""

from __future__ import annotations

import marshal
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.model import Claim, Source
from ..corpus.layers import Layer
from ..corpus.parse import parse
from ..corpus.reader import read_bytes
from ..corpus.resolve import Sections as _Sections
from ..corpus.resolve import resolve_citation as _resolve_citation
from ..corpus.schema import Checked, check_document
from ..corpus.stamps import Stamps
from ..corpus.trace import PHASES, entry_ord
from .cache import Manifest, _generation, _Opened, connect_rw, locked
from .search import COLUMNS, actor_row, claim_row, source_row, topic_row
from .tables import (
    NAMED,
    checked_data,
    claim_from,
    entry_data,
    named_from,
    ord_key,
    pack,
    problems_data,
    raw_links,
    rejected_data,
    rows_in,
    unpack,
    warning_lines,
    write_claim_links,
)

#: Fields of a named entry that only its own briefing and search row show.
_PROSE = {"topics": 2, "actors": 2}  # summary, description


class Declined(Exception):
    """The edit is not one this module applies exactly: rebuild instead."""


def apply_edits(path: str, layers: Sequence[Layer], seen: _Opened) -> str:
    """Bring the cache at *path* up to date in place.

    *seen* is the cache as the caller opened it, with the folders and files it found
    changed. Says ``applied``; ``declined`` when the cache must be rebuilt; or
    ``raced`` when another process changed the cache first (its generation is not the
    one the caller read), and the caller should open it again and check it afresh.
    """
    with locked(path):
        con = connect_rw(path)
        try:
            con.execute("BEGIN IMMEDIATE")
            if _generation(con) != seen.generation:
                con.execute("ROLLBACK")
                return "raced"
            manifest, changed = seen.manifest, seen.files
            folders = _relist(manifest, seen.folders) if seen.folders else manifest[0]
            if folders is None:
                con.execute("ROLLBACK")
                return "declined"
            try:
                stamps = _Edit(con, layers).apply(changed)
            except Declined:
                con.execute("ROLLBACK")
                return "declined"
            files = tuple((p, *stamps.get(p, (m, c, s))) for p, m, c, s in manifest[1])
            meta = [
                ("manifest", marshal.dumps((folders, files))),
                ("generation", os.urandom(8)),
            ]
            con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta)
            warnings = marshal.dumps(warning_lines(con))
            con.execute("INSERT OR REPLACE INTO meta VALUES ('warnings', ?)", (warnings,))
            con.execute("COMMIT")
            return "applied"
        finally:
            con.close()


def _relist(manifest: Manifest, changed: list[str]) -> tuple[tuple[str, int], ...] | None:
    """Folder stamps taken afresh, if the changed folders hold the same files as before.

    Editors that save by writing a new file and renaming it over the old one touch
    the folder as well as the file. Anything less plain than that (a file or folder
    added or removed, a link) is left to a full load.
    """
    from ..corpus.stamps import stamp

    folders = dict(manifest[0])
    known = {os.path.normpath(f) for f in folders}
    for folder in changed:
        mtime = stamp(folder)[0]  # before listing, as a load takes it
        here = os.path.normpath(folder)
        try:
            listed = os.listdir(folder)
        except OSError:
            return None
        files = set()
        for name in listed:
            if name.startswith("."):
                continue
            if name.endswith(".toml"):
                files.add(name)  # a folder so named is no file of the manifest: declined
            elif os.path.isdir(os.path.join(folder, name)) and (
                os.path.normpath(os.path.join(folder, name)) not in known
            ):
                return None  # a new folder
        before = {f for f, *_ in manifest[1] if f.rpartition("/")[0] == here}
        if {os.path.join(here, name) for name in files} != before:
            return None
        folders[folder] = mtime
    return tuple(folders.items())


class _File:
    """One changed file: what the cache held for it, and what it holds now."""

    def __init__(self, path: str, row: tuple[Any, ...], layers: Sequence[Layer]) -> None:
        self.path = path
        self.key = os.fsencode(path)  # as the cache keeps file names (see tables.file_row)
        self.name, layer, ord_, local = row
        self.ord = bytes(ord_).decode("utf-8", "surrogatepass")
        old, self.problems, skipped = unpack(local)
        if old is None or old[0] or skipped:
            raise Declined("the file could not be used before")
        if any(p[0] == d.UNKNOWN_REF for found in self.problems.values() for p in found):
            raise Declined("its problems may carry rationed suggestions")
        self.old_entries: dict[str, list[tuple[Any, str]]] = old[1]
        old_rejected = old[2]
        self.stamps = Stamps()
        root = layers[layer].root
        data = read_bytes(path, root, self.name, self.stamps)
        doc = parse(data, self.name) if isinstance(data, bytes) else data
        if isinstance(doc, Diagnostic):
            raise Declined("the file cannot be read or parsed now")
        self.checked: Checked = check_document(doc, self.name)
        if self.checked.fatal:
            raise Declined("nothing in the file can be used now")
        if _plain(rejected_data(self.checked.rejected)) != old_rejected:
            raise Declined("the entries left out changed")
        self.prose: list[tuple[str, int, tuple[Any, ...]]] = []
        for kind in NAMED:
            old_rows = self.old_entries[kind]
            new_rows = [(entry_data(e), where) for e, where in self.checked.entries[kind]]
            if len(old_rows) != len(new_rows):
                raise Declined("topics, actors or sources were added or removed")
            for pos, ((before, w1), (after, w2)) in enumerate(zip(old_rows, new_rows, strict=True)):
                if w1 != w2 or _masked(kind, before) != _masked(kind, after):
                    raise Declined("a topic, actor or source changed beyond its prose")
                if tuple(before) != after:
                    self.prose.append((kind, pos, after))
        self.old_claims = [claim_from(data) for data, _ in self.old_entries["claims"]]
        self.new_claims: list[tuple[Claim, str, int]] = []
        for pos, (entry, where) in enumerate(self.checked.entries["claims"]):
            assert isinstance(entry, Claim)
            self.new_claims.append((entry, where, pos))


def _plain(value: Any) -> Any:
    return marshal.loads(marshal.dumps(value))


def _masked(kind: str, data: Sequence[Any]) -> tuple[Any, ...]:
    out = list(data)
    if kind in _PROSE:
        out[_PROSE[kind]] = None
    return tuple(out)


class _Edit:
    """The rows one set of changed files touches, worked out and then written."""

    def __init__(self, con: sqlite3.Connection, layers: Sequence[Layer]) -> None:
        self.con = con
        self.layers = layers

    def _in(self, sql: str, ids: Iterable[str]) -> list[Any]:
        return rows_in(self.con, sql, ids)

    def apply(self, changed: list[str]) -> dict[str, tuple[int, int, int]]:
        con = self.con
        files: list[_File] = []
        for path in changed:
            row = con.execute(
                "SELECT name, layer, ord, local FROM files WHERE path = ?", (os.fsencode(path),)
            ).fetchone()
            if row is None:
                raise Declined("a file the cache does not know")
            files.append(_File(path, row, self.layers))
        paths = {f.key for f in files}

        # Claim ids: each defined once, before and after, and only in these files.
        old_ids = [c.id for f in files for c in f.old_claims]
        new_ids = [c.id for f in files for c, _, _ in f.new_claims]
        if len(set(old_ids)) != len(old_ids) or len(set(new_ids)) != len(new_ids):
            raise Declined("a claim id defined twice")
        dirty = set(old_ids) | set(new_ids)
        for _ident, where in self._in(
            "SELECT id, path FROM raw_claims WHERE id IN ({marks})", dirty
        ):
            if where not in paths:
                raise Declined("a claim id also defined in another file")
        appeared_or_gone = set(old_ids) ^ set(new_ids)
        for where, claim, _ in self._in(
            "SELECT path, claim, target FROM links WHERE target IN ({marks})", appeared_or_gone
        ):
            if where not in paths or claim.startswith("\0"):
                raise Declined("a claim added or removed is pointed at")

        # The named entries new claims reach, and the claims they link to.
        wanted = {c.topic for f in files for c, _, _ in f.new_claims}
        wanted |= {a for f in files for c, _, _ in f.new_claims for a in c.actors}
        wanted |= {x.source for f in files for c, _, _ in f.new_claims for x in c.cites}
        kinds: dict[str, str] = {}
        sources: dict[str, _Sections] = {}
        for ident, kind, data in self._in(
            "SELECT id, kind, data FROM entries WHERE id IN ({marks})", wanted
        ):
            kinds[ident] = kind
            if kind == "source":
                source = named_from(kind, marshal.loads(data))
                assert isinstance(source, Source)
                sources[ident] = _Sections(source)
        targets = {
            t for f in files for c, _, _ in f.new_claims for t in (*c.contradicts, *c.supports)
        }
        outside = targets - dirty
        placed = {
            r[0] for r in self._in("SELECT id FROM raw_claims WHERE id IN ({marks})", outside)
        }
        was_kept = {r[0] for r in self._in("SELECT id FROM claims WHERE id IN ({marks})", outside)}

        # Resolve the new claims as the loader would: references, then links.
        refs_problems: dict[str, list[Diagnostic]] = {f.path: [] for f in files}
        resolved: dict[str, tuple[Claim, str, _File, int]] = {}
        for f in files:
            for claim, where, pos in f.new_claims:
                if kinds.get(claim.topic) != "topic" or any(
                    kinds.get(a) != "actor" for a in claim.actors
                ):
                    raise Declined("a claim names a topic or actor not in the corpus")
                if any(kinds.get(x.source) != "source" for x in claim.cites):
                    raise Declined("a claim cites a source not in the corpus")
                cites = [
                    _resolve_citation(
                        f.name, where, i, cite, sources, refs_problems[f.path], lambda r, p: ""
                    )
                    for i, cite in enumerate(claim.cites)
                ]
                if None in cites:
                    continue
                if any(c is not old for c, old in zip(cites, claim.cites, strict=True)):
                    claim = replace(claim, cites=tuple(c for c in cites if c is not None))
                resolved[claim.id] = (claim, where, f, pos)
        kept_now = set(resolved) | (was_kept - dirty)
        for ident, (claim, where, f, pos) in list(resolved.items()):
            for ref in (*claim.contradicts, *claim.supports):
                if ref not in set(new_ids) and ref not in placed:
                    raise Declined("a claim links to a claim not in the corpus")
            linked = replace(
                claim,
                contradicts=tuple(r for r in claim.contradicts if r in kept_now),
                supports=tuple(r for r in claim.supports if r in kept_now),
            )
            resolved[ident] = (linked, where, f, pos)

        # Claims elsewhere that link to these: their links are dropped or restored.
        restrip: dict[str, Claim] = {}
        referrers = self._in(
            "SELECT path, claim, target FROM links WHERE target IN ({marks})", dirty
        )
        by_path: dict[bytes, set[str]] = {}
        for where, claim, _ in referrers:
            if where not in paths and not claim.startswith("\0"):
                by_path.setdefault(where, set()).add(claim)
        current = {
            ident: claim_from(marshal.loads(data))
            for ident, data in self._in(
                "SELECT id, data FROM claims WHERE id IN ({marks})",
                {c for ids in by_path.values() for c in ids},
            )
        }
        for where, ids in by_path.items():
            (local,) = con.execute("SELECT local FROM files WHERE path = ?", (where,)).fetchone()
            raw = {data[0]: claim_from(data) for data, _ in unpack(local)[0][1]["claims"]}
            for ident in ids:
                now, written = current.get(ident), raw.get(ident)
                if now is None or written is None or now.file != written.file:
                    continue  # left out, or that file's copy is not the one in use

                def keep(target: str, linked: tuple[str, ...]) -> bool:
                    return target in resolved if target in dirty else target in linked

                restrip[ident] = replace(
                    now,
                    contradicts=tuple(t for t in written.contradicts if keep(t, now.contradicts)),
                    supports=tuple(t for t in written.supports if keep(t, now.supports)),
                )

        self._write(files, dirty, resolved, restrip, refs_problems)
        return {p: s for f in files for p, s in f.stamps.files.items()}

    def _write(
        self,
        files: list[_File],
        dirty: set[str],
        resolved: dict[str, tuple[Claim, str, _File, int]],
        restrip: dict[str, Claim],
        refs_problems: dict[str, list[Diagnostic]],
    ) -> None:
        con = self.con
        old_rows = {
            ident: (rowid, claim_from(marshal.loads(data)))
            for ident, rowid, data in self._in(
                "SELECT id, rowid, data FROM claims WHERE id IN ({marks})", dirty
            )
        }
        touched = {c for _, c in old_rows.values()}
        old_pairs = self._in("SELECT claim, other FROM contests WHERE claim IN ({marks})", dirty)
        neighbours = {other for _, other in old_pairs}

        # Out with the old rows of these claims...
        for rowid, claim in old_rows.values():
            con.execute("DELETE FROM search WHERE rowid = ?", (rowid,))
            con.executemany(
                "DELETE FROM claim_actors WHERE actor = ? AND claim = ?",
                ((a, claim.id) for a in claim.actors),
            )
            con.executemany(
                "DELETE FROM claim_sources WHERE source = ? AND claim = ?",
                ((x.source, claim.id) for x in claim.cites),
            )
        con.executemany(
            "DELETE FROM contests WHERE claim = ? AND other = ?",
            [p for a, b in old_pairs for p in ((a, b), (b, a))],
        )
        con.executemany("DELETE FROM claims WHERE id = ?", ((i,) for i in old_rows))
        for f in files:
            con.executemany(
                "DELETE FROM raw_claims WHERE id = ? AND path = ?",
                ((c.id, f.key) for c in f.old_claims),
            )
            con.execute("DELETE FROM links WHERE path = ?", (f.key,))

        # ...and in with the new.
        topics: set[str] = {c.topic for _, c in old_rows.values()}
        for claim, _, f, pos in resolved.values():
            seq = ord_key(entry_ord(f.ord, "claims", pos))
            con.execute(
                "INSERT INTO claims VALUES (?, ?, ?, ?)",
                (claim.id, seq, claim.topic, marshal.dumps(entry_data(claim))),
            )
            topics.add(claim.topic)
            touched.add(claim)
        for ident, claim in restrip.items():
            con.execute(
                "UPDATE claims SET data = ? WHERE id = ?", (marshal.dumps(entry_data(claim)), ident)
            )
            touched.add(claim)
        write_claim_links(con, (c for c, _, _, _ in resolved.values()))
        pairs = [
            p
            for c in (*(c for c, _, _, _ in resolved.values()), *restrip.values())
            for t in c.contradicts
            for p in ((c.id, t), (t, c.id))
        ]
        con.executemany("INSERT OR IGNORE INTO contests VALUES (?, ?)", pairs)
        neighbours |= {b for _, b in pairs}
        for f in files:
            con.executemany(
                "INSERT OR IGNORE INTO raw_claims VALUES (?, ?)",
                ((c.id, f.key) for c, _, _ in f.new_claims),
            )
            links = [
                link
                for c, _, _ in f.new_claims
                for link in raw_links(f.key, c.id, (*c.contradicts, *c.supports))
            ]
            for values, where in f.checked.rejected["claims"]:
                written = [*values.get("contradicts", ()), *values.get("supports", ())]
                links += raw_links(f.key, f"\0{where}", written)
            con.executemany("INSERT OR IGNORE INTO links VALUES (?, ?, ?)", links)

        # Topic, actor and source prose: the entry in use, when it is this file's.
        changed_named: set[str] = set()
        for f in files:
            for kind, pos, data in f.prose:
                row = con.execute("SELECT data FROM entries WHERE id = ?", (data[0],)).fetchone()
                before = tuple(f.old_entries[kind][pos][0])
                if row is not None and tuple(marshal.loads(row[0])) == before:
                    con.execute(
                        "UPDATE entries SET data = ? WHERE id = ?", (marshal.dumps(data), data[0])
                    )
                    changed_named.add(data[0])
                    if kind == "topics":
                        topics.add(data[0])
                    else:
                        self._search_row(data[0])

        # Full-text rows: the new claims, and topics whose list of actors may differ.
        titles = {
            ident: named_from("topic", marshal.loads(data))
            for ident, data in self._in(
                "SELECT id, data FROM entries WHERE id IN ({marks})",
                topics | {c.topic for c, _, _, _ in resolved.values()},
            )
        }
        for claim, _, _, _ in resolved.values():
            (rowid,) = con.execute("SELECT rowid FROM claims WHERE id = ?", (claim.id,)).fetchone()
            row = claim_row(claim, titles[claim.topic])  # type: ignore[arg-type]
            con.execute(
                f"INSERT INTO search (rowid, {COLUMNS}) VALUES (?{', ?' * 8})", (rowid, *row)
            )
        for topic in topics:
            self._search_row(topic)

        # Briefings that show any claim touched, or a claim contradicting one: forget them.
        shown = {c.id for c in touched} | neighbours
        for _ident, data in self._in("SELECT id, data FROM claims WHERE id IN ({marks})", shown):
            touched.add(claim_from(marshal.loads(data)))
        stale = set(changed_named)
        for claim in touched:
            stale.add(claim.topic)
            stale.update(claim.actors)
            stale.update(x.source for x in claim.cites)
        con.executemany("DELETE FROM briefings WHERE id = ?", ((i,) for i in stale))

        # Each file's own record: its entries now, and its problems phase by phase.
        for f in files:
            problems: dict[str, list[Any]] = {k: list(v) for k, v in f.problems.items()}
            fresh = problems_data({"local": f.checked.problems, "refs": refs_problems[f.path]})
            problems.update({"local": fresh.get("local", []), "refs": fresh.get("refs", [])})
            problems.pop("links", None)
            problems = {k: v for k, v in problems.items() if v and k in PHASES}
            count = sum(len(v) for v in problems.values())
            local = (checked_data(f.checked), problems, False)
            con.execute(
                "UPDATE files SET problems = ?, local = ? WHERE path = ?",
                (count, pack(local), f.key),
            )

    def _search_row(self, ident: str) -> None:
        """Write the full-text row of one topic, actor or source again."""
        con = self.con
        row = con.execute("SELECT rowid, kind, data FROM entries WHERE id = ?", (ident,)).fetchone()
        if row is None:
            return
        rowid, kind, data = row
        entry = named_from(kind, marshal.loads(data))
        con.execute("DELETE FROM search WHERE rowid = ?", (-rowid,))
        if kind == "topic":
            actors = {
                a
                for (blob,) in con.execute("SELECT data FROM claims WHERE topic = ?", (ident,))
                for a in marshal.loads(blob)[3]
            }
            values = topic_row(entry, actors)  # type: ignore[arg-type]
        else:
            values = actor_row(entry) if kind == "actor" else source_row(entry)  # type: ignore[arg-type]
        con.execute(
            f"INSERT INTO search (rowid, {COLUMNS}) VALUES (?{', ?' * 8})", (-rowid, *values)
        )
