"""Apply an edit to a few corpus files to the cache in place, instead of rebuilding it.

Rebuilding the cache of a 10,000-topic corpus takes seconds; re-reading the one file
that changed takes a millisecond. The edits applied here are the everyday ones:
claims added, removed or rewritten, a topic's summary or an actor's description
reworded; files, topics, actors and sources added, removed or renamed (``added``). Only
the rows those touch change: the file's claims, the links, contradictions and
supports between them, their full-text rows, the topic rows that list their actors,
the briefings that show any of them, as a claim or under a claim it contradicts or
supports (forgotten, to be built again when next shown), and the counts
of claims left out (``Corpus.left_out``) where a claim of these files is left out, or
kept, now. Claims are resolved by the loader's own rules (``corpus.resolve``).

An edit is applied only when it provably gives what a full load would give; it is
declined (and the cache rebuilt) when it could change anything beyond those rows:

- a file that cannot be read or parsed, now or before; a folder removed, or one added
  through a link;
- a source's sections changed (citations reach across files); a topic, actor or source
  added, removed or renamed that ``added`` cannot apply exactly (names reach across
  files too);
- an entry left out before or now for its own problems changing;
- a claim id defined more than once, before or after (a claim left out for its own
  problems still takes its id);
- a claim that names a topic, actor, source or claim that is not in the corpus, or
  a claim added or removed that others point at (problems whose wording depends on
  the whole corpus: "did you mean" suggestions are rationed across it);
- a claim that links to a claim left out, or one others link to left out now or
  kept again (the links say they are dropped, in their own files' problems).
"""

from __future__ import annotations

import enum
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from ..core.diagnostics import Diagnostic
from ..core.model import Claim
from ..corpus.layers import Layer
from ..corpus.resolve import (
    Sections,
    drop_links,
    resolve_citations,
    say_left_out,
    with_citations,
)
from ..corpus.schema import Checked
from ..corpus.stamps import Stamps
from . import codec, sql
from .added import add_entries, add_file, move_entries, remove_entries, rename_entries
from .cachefile import Opened, connect_rw, generation, locked, new_generation, smudged
from .changed import ChangedFile, Declined, relist
from .claimgroup import Group, read_group
from .editwrite import EditWrite, Resolved
from .read import claims_at, rows_in, troubled, warning_lines


class Outcome(enum.Enum):
    """What became of an edit."""

    APPLIED = "applied"
    """The cache now holds what a full load of the files as they are would give."""
    DECLINED = "declined"
    """Not an edit this module applies exactly: the cache is unchanged, rebuild it."""
    RACED = "raced"
    """Another process changed the cache first: open it again and check it afresh."""


class Edited(NamedTuple):
    """The outcome of :func:`apply_edits`, and why when it was declined."""

    outcome: Outcome
    """Applied, declined or raced."""
    reason: str = ""
    """For a declined edit, what made it one (see the module's docstring)."""


def apply_edits(path: str, layers: Sequence[Layer], seen: Opened) -> Edited:
    """Bring the cache at *path* up to date in place, in one transaction.

    *seen* is the cache as the caller opened it, with the folders and files it found
    changed. Errors reading or writing the cache (``sqlite3.Error``, ``OSError``,
    ``codec.Corrupt``) propagate: the cache is unusable, and the caller rebuilds it.
    """
    with locked(path):
        con = connect_rw(path)
        try:
            con.execute(sql.BEGIN)
            edited = _apply(con, layers, seen)
            con.execute(sql.COMMIT if edited.outcome is Outcome.APPLIED else sql.ROLLBACK)
            return edited
        finally:
            con.close()  # rolls back what an error left half done


def _apply(con: sqlite3.Connection, layers: Sequence[Layer], seen: Opened) -> Edited:
    import time

    if generation(con) != seen.generation:
        return Edited(Outcome.RACED)
    began = time.time_ns()  # before the files are read again: see cachefile.smudged
    try:
        folders = codec.manifest_folders(seen.manifest)
        added: list[str] = []
        removed: list[str] = []
        if seen.folders:
            folders, added, removed = relist(seen.manifest, seen.folders)
        stamps = _Edit(con, layers).apply(seen.files, added, removed)
    except Declined as why:
        return Edited(Outcome.DECLINED, str(why))
    folders, stamps = smudged(folders, stamps, began)
    manifest = codec.manifest_with(seen.manifest, folders, stamps, added, removed)
    meta = [
        ("manifest", codec.manifest_blob(manifest)),
        ("generation", new_generation()),
    ]
    con.executemany(sql.SET_META, meta)
    con.execute(sql.SET_META, ("warnings", codec.warnings_blob(warning_lines(con, layers))))
    return Edited(Outcome.APPLIED)


class _Edit:
    """The rows one set of changed files touches, worked out, then written (``editwrite``)."""

    def __init__(self, con: sqlite3.Connection, layers: Sequence[Layer]) -> None:
        self.con = con
        self.layers = layers
        self.files: list[ChangedFile] = []
        self.refs: set[int] = set()
        self.new_ids: set[str] = set()
        self.dirty: set[str] = set()
        """Every claim id the changed files define, before or after."""
        self.resolved: dict[str, Resolved] = {}
        self.refs_problems: dict[str, list[Diagnostic]] = {}
        self._actor_ids: list[str] | None = None  # read when a new claim's 'by' needs them
        self._slips_sought = 0
        self.restrip: dict[str, Claim] = {}
        self.kinds: dict[str, str] = {}
        """The kind of each topic, actor and source the claims of these files name."""

    def _in(self, statement: str, ids: Iterable[str]) -> list[Any]:
        return rows_in(self.con, statement, ids)

    def apply(
        self, changed: list[str], added: list[str], removed: list[str]
    ) -> dict[str, tuple[int, int, int]]:
        """Apply the edit to *changed* files, files *added* and files *removed*; the new
        stamps."""
        for path in added:  # each with its row, as though there and empty (see ``added``)
            row, checked, stamps = add_file(self.con, path, self.layers)
            empty = Group(0, [])
            self.files.append(ChangedFile(path, row, empty, self.layers, (checked, stamps)))
        gone_paths = set(removed)  # a file removed is among those changed too
        self.files += [self._known(path) for path in changed if path not in gone_paths]
        gone = [self._known(path, (Checked(), Stamps())) for path in removed]  # now empty
        self.files += gone
        self.refs = {f.ref for f in self.files}
        self._named_entries()
        self._check_ids()
        self._resolve()
        self._relink_others()
        EditWrite(
            self.con,
            self.files,
            self.dirty,
            self.resolved,
            self.restrip,
            self.kinds,
            self.refs_problems,
        ).write()
        for f in gone:
            self.con.execute(sql.DELETE_FILE, (f.ref,))
            self.con.execute(sql.DELETE_GROUP, (f.ref,))
        return {p: s for f in self.files for p, s in f.stamps.files.items()}

    def _known(self, path: str, now: tuple[Checked, Stamps] | None = None) -> ChangedFile:
        """A file the cache knows, read again (or as it is *now*: removed, empty)."""
        row = self.con.execute(sql.FILE, (os.fsencode(path),)).fetchone()
        if row is None:
            raise Declined("a file the cache does not know")
        found = self.con.execute(sql.GROUP, (row[-1],)).fetchone()
        group = Group(0, []) if found is None else read_group(found[0])  # none: unusable
        return ChangedFile(path, row, group, self.layers, now)

    def _named_entries(self) -> None:
        """Topics, actors and sources removed, moved, renamed and added, in that order:
        names freed before they are taken again (``added``)."""
        files = self.files
        gone = [(kind, data, f.ref) for f in files for kind, data in f.named.removed]
        new = [(kind, entry, pos, f.ref) for f in files for kind, entry, pos in f.named.added]
        if gone:  # one added back in another file (a file renamed) is named as it was
            remove_entries(self.con, gone, {(kind, entry.id) for kind, entry, _, _ in new})
        move_entries(self.con, [(*m, f.ref) for f in files for m in f.named.moved])
        renamed = [r for f in files for r in f.named.renamed]
        if renamed:
            rename_entries(self.con, renamed)
        if new:
            add_entries(self.con, new)

    def _check_ids(self) -> None:
        """Claim ids: each defined once, before and after, and only in these files."""
        old_ids = [c.id for f in self.files for c in f.old_claims]
        new_ids = [c.id for f in self.files for c, _, _ in f.new_claims]
        if len(set(old_ids)) != len(old_ids) or len(set(new_ids)) != len(new_ids):
            raise Declined("a claim id defined twice")
        self.new_ids = set(new_ids)
        self.dirty = set(old_ids) | self.new_ids
        defined = self._in(sql.RAW_CLAIMS_IN, self.dirty)
        for _ident, where in defined + self._in(sql.WRITTEN_CLAIMS_IN, self.dirty):
            if where not in self.refs:
                raise Declined("a claim id also defined in another file")
        for where, claim, _ in self._in(sql.LINKS_TO_IN, set(old_ids) ^ self.new_ids):
            if where not in self.refs or claim.startswith("\0"):
                raise Declined("a claim added or removed is pointed at")
        if self.dirty & _left_out_claim_ids(self.con):
            raise Declined("a claim id also taken by a claim left out")

    def _named(self) -> tuple[dict[str, str], dict[str, Sections]]:
        """The kind of each named entry new claims reach; the sections of sources."""
        claims = [c for f in self.files for c, _, _ in f.new_claims]
        claims += [c for f in self.files for c in f.old_claims]  # to recount those left out
        wanted = {c.topic for c in claims}
        wanted |= {a for c in claims for a in c.actors}
        wanted |= {x.source for c in claims for x in c.cites}
        kinds: dict[str, str] = {}
        sources: dict[str, Sections] = {}
        for ident, kind, blob in self._in(sql.ENTRIES_IN, wanted):
            kinds[ident] = kind
            if kind == "source":
                sources[ident] = Sections(codec.named_of(kind, blob))  # type: ignore[arg-type]
        return kinds, sources

    def _resolve(self) -> None:
        """Resolve the new claims as the loader would: references, then links."""
        kinds, sources = self._named()
        self.kinds = kinds
        for f in self.files:
            problems = self.refs_problems[f.path] = []
            for claim, where, pos in f.new_claims:
                if claim.by is not None and kinds.get(claim.by) != "actor":
                    self._meant_actor(f.name, where, claim.by, problems)
                if kinds.get(claim.topic) != "topic" or any(
                    kinds.get(a) != "actor" for a in claim.actors
                ):
                    raise Declined("a claim names a topic or actor not in the corpus")
                if any(kinds.get(x.source) != "source" for x in claim.cites):
                    raise Declined("a claim cites a source not in the corpus")
                first = len(problems)
                cites = resolve_citations(f.name, where, claim.cites, sources, problems)
                if None in cites:
                    say_left_out(problems, first, claim.id)
                else:
                    resolved = with_citations(claim, cites)  # type: ignore[arg-type]
                    self.resolved[claim.id] = (resolved, where, f, pos)
        targets = {
            t for f in self.files for c, _, _ in f.new_claims for t in (*c.contradicts, *c.supports)
        }
        outside = targets - self.dirty
        was_kept = {r[0] for r in self._in(sql.CLAIMS_KEPT_IN, outside)}
        placed = {r[0] for r in self._in(sql.PLACED_CLAIMS_IN, outside)} | was_kept
        kept_now = set(self.resolved) | (was_kept - self.dirty)
        for ident, (claim, where, f, pos) in list(self.resolved.items()):
            if any(r not in self.new_ids and r not in placed for r in _links(claim)):
                raise Declined("a claim links to a claim not in the corpus")
            if any(r not in kept_now for r in _links(claim)):  # it says the link is dropped
                raise Declined("a claim links to a claim left out")
            self.resolved[ident] = (drop_links(claim, kept_now), where, f, pos)

    def _meant_actor(self, file: str, where: str, by: str, problems: list[Diagnostic]) -> None:
        """BRIEF022 for a new claim whose ``by`` means an actor it does not name by its
        id, as the loader tells it (``resolver.meant_actor``)."""
        from ..corpus.resolver import MAX_SUGGESTIONS, by_problem, meant_actor  # no id only

        def named(key: str) -> str | None:
            row = self.con.execute(sql.ACTOR_OF_NAME, (key,)).fetchone()
            return row[0] if row else None

        def ids() -> list[str]:  # read once an edit, and looked through a few times
            self._slips_sought += 1
            if self._slips_sought > MAX_SUGGESTIONS:
                return []
            if self._actor_ids is None:
                self._actor_ids = [ident for (ident,) in self.con.execute(sql.ACTOR_IDS)]
            return self._actor_ids

        ident = meant_actor(by, named, ids)
        if ident is not None:
            problems.append(by_problem(file, where, by, ident))

    def _relink_others(self) -> None:
        """Claims elsewhere that link to these: their links are dropped or restored."""
        links = self._in(sql.LINKS_TO_IN, self.dirty)
        # a link to a claim left out says so (``resolver.links``): a claim elsewhere that
        # links to one kept before and left out now, or back in, has a problem more, or
        # one fewer (those of these files are resolved again: see _resolve)
        pointed = {t for where, c, t in links if where not in self.refs and c[:1] != "\0"}
        before = {r[0] for r in self._in(sql.CLAIMS_KEPT_IN, pointed)} if pointed else set()
        if before != {t for t in pointed if t in self.resolved}:
            raise Declined("a claim pointed at is left out now, or back in")
        by_path: dict[int, set[str]] = {}
        for where, claim, _ in links:
            if where not in self.refs and not claim.startswith("\0"):
                by_path.setdefault(where, set()).add(claim)
        rows = self._in(sql.CLAIMS_DATA_IN, set().union(*by_path.values()))
        current = dict(
            zip((r[0] for r in rows), claims_at(self.con, [r[1:] for r in rows]), strict=True)
        )
        for where, ids in by_path.items():
            group = self.con.execute(sql.GROUP, (where,)).fetchone()
            if group is None:
                raise codec.Corrupt(f"no group of claims {where}")
            written = {c.id: c for c in read_group(group[0]).as_written()}
            for ident in ids:
                now, raw = current.get(ident), written.get(ident)
                if now is None or raw is None or now.file != raw.file:
                    continue  # left out, or that file's copy is not the one in use
                self.restrip[ident] = self._relinked(now, raw)

    def _relinked(self, now: Claim, written: Claim) -> Claim:
        """*now* with the links *written* has to claims kept: the edited ones as they are now."""
        linked = set(_links(now))
        kept = {
            t for t in _links(written) if (t in self.resolved if t in self.dirty else t in linked)
        }
        whole = replace(now, contradicts=written.contradicts, supports=written.supports)
        return drop_links(whole, kept)


#: The named kinds, as the ``entries`` table keeps them, in the order ``Tally`` takes them.
_KINDS = ("topic", "actor", "source")


def _links(claim: Claim) -> tuple[str, ...]:
    return (*claim.contradicts, *claim.supports)


def _left_out_claim_ids(con: sqlite3.Connection) -> set[str]:
    """The ids of the claims left out for their own problems: they still take their id."""
    return {
        values["id"]
        for record in troubled(con)
        for values, _ in record.rejected.get("claims", ())
        if isinstance(values.get("id"), str)
    }
