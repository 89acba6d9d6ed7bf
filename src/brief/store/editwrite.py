"""Write an edit :mod:`~brief.store.incremental` has worked out: the rows it touches.

``incremental`` decides whether an edit can be applied in place and resolves its claims
as a load would; :class:`EditWrite` then writes what that gives, in the transaction
``incremental`` opened: the claims and their links, contradictions and supports, the
full-text rows, the prose of entries reworded, the counts of claims left out, each
file's record, and the briefings to build again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from ..core.diagnostics import Diagnostic
from ..core.model import Claim
from ..corpus.trace import KIND_ORDER, PHASES
from . import claimgroup, codec, filerecord, read, sql
from .build import file_links, relate, write_claim_links
from .changed import ChangedFile
from .claimgroup import written_group
from .read import claims_at, rows_in

#: A claim resolved as a load resolves it, with its key path, file and place there.
Resolved = tuple[Claim, str, ChangedFile, int]


class EditWrite:
    """The rows of one worked-out edit, written."""

    def __init__(
        self,
        con: sqlite3.Connection,
        files: list[ChangedFile],
        dirty: set[str],
        resolved: dict[str, Resolved],
        restrip: dict[str, Claim],
        kinds: dict[str, str],
        refs_problems: dict[str, list[Diagnostic]],
    ) -> None:
        self.con = con
        self.files = files
        """The changed files, read again."""
        self.dirty = dirty
        """Every claim id the changed files define, before or after."""
        self.resolved = resolved
        """The new claims kept, by id, resolved and with their links to claims kept."""
        self.restrip = restrip
        """Claims of other files whose links to these change, by id, as they are now."""
        self.kinds = kinds
        """The kind of each topic, actor and source the claims of these files name."""
        self.refs_problems = refs_problems
        """The reference problems of each changed file, by its path."""
        self.recounted: set[str] = set()
        """The entries whose count of claims left out the edit changed."""

    def _in(self, statement: str, ids: Iterable[str]) -> list[Any]:
        return rows_in(self.con, statement, ids)

    def _recount(self) -> None:
        """Count the claims left out again: those of these files, before and after.

        An edit leaves out no claim of its own beyond one whose citation cannot be used
        (anything else is declined): the count of each entry such a claim names
        changes, and the count of all (``codec.ALL_LEFT_OUT``).
        """
        from ..corpus.leftout import Tally

        kept = {r[0] for r in self._in(sql.CLAIMS_KEPT_IN, self.dirty)}
        tallies = []
        for claims in (
            [c for f in self.files for c in f.old_claims if c.id not in kept],
            [c for f in self.files for c, _, _ in f.new_claims if c.id not in self.resolved],
        ):
            tally = Tally(*({i for i, k in self.kinds.items() if k == kind} for kind in _KINDS))
            for claim in claims:
                tally.claim(claim.topic, claim.actors, claim.cites)
            tallies.append({**tally.counts, codec.ALL_LEFT_OUT: tally.claims})  # as stored
        before, after = tallies
        self.recounted = {i for i in {*before, *after} if before.get(i) != after.get(i)}
        if not self.recounted:
            return
        (blob,) = self.con.execute(sql.LEFT_OUT).fetchone()
        counts = codec.read_left_out(blob)
        for ident in self.recounted:
            counts[ident] = counts.get(ident, 0) - before.get(ident, 0) + after.get(ident, 0)
        now = {i: n for i, n in counts.items() if n > 0}
        self.con.execute(sql.SET_META, ("left_out", codec.left_out_blob(now)))

    def write(self) -> None:
        """Write every row the edit touches."""
        self._recount()
        touched, neighbours = self._remove_old()
        touched |= self._insert_new()
        neighbours |= self._contests() | self._supporters()
        named = self._write_prose()
        self._write_search()
        self._forget_briefings(touched, neighbours, named)
        self._write_records()

    def _remove_old(self) -> tuple[set[Claim], set[str]]:
        """Out with the old rows of these claims; the claims and their contestants."""
        con = self.con
        rows = self._in(sql.CLAIMS_ROWS_IN, self.dirty)
        found = claims_at(con, [(n, at) for _, _, n, at in rows])
        old = {row[0]: (row[1], claim) for row, claim in zip(rows, found, strict=True)}
        old_pairs = self._in(sql.CONTESTS_IN, self.dirty)
        backing = {
            *self._in(sql.SUPPORTERS_OF_IN, self.dirty),
            *self._in(sql.SUPPORTED_BY_IN, self.dirty),
        }
        for rowid, claim in old.values():
            con.execute(sql.DELETE_SEARCH, (rowid, *codec.search_text(claim)))
            con.executemany(sql.DELETE_CLAIM_ACTOR, ((a, rowid) for a in claim.actors))
            con.executemany(sql.DELETE_CLAIM_SOURCE, ((x.source, rowid) for x in claim.cites))
            con.execute(sql.DELETE_RELATION_CLAIM, (claim.id,))
            con.execute(sql.DELETE_CLAIM_DAYS, (rowid,))
            con.execute(sql.DELETE_CLAIM_GRADE, (rowid,))
            if claim.by is not None:
                con.execute(sql.DELETE_CLAIM_MAKER, (claim.by, rowid))
        con.executemany(sql.DELETE_CONTEST, [p for a, b in old_pairs for p in ((a, b), (b, a))])
        con.executemany(sql.DELETE_SUPPORTER, backing)
        con.executemany(sql.DELETE_CLAIM, ((i,) for i in old))
        for f in self.files:
            con.executemany(sql.DELETE_RAW_CLAIM, ((c.id, f.ref) for c in f.old_claims))
            con.execute(sql.DELETE_LINKS_OF_FILE, (f.ref,))
        claims = {c for _, c in old.values()}
        # the claims shown with these under them: their contestants, and those they support
        shown_with = {other for _, other in old_pairs} | {c for c, o in backing if o in self.dirty}
        return claims, shown_with

    def _insert_new(self) -> set[Claim]:
        """In with the new rows: claims, relinked claims, claim ids and links as written."""
        con = self.con
        groups = {f.ref: written_group(c for c, _, _ in f.new_claims) for f in self.files}
        rowids = []
        for claim, _, f, pos in self.resolved.values():
            seq = codec.seq_key(f.ref, KIND_ORDER.index("claims"), pos)
            at = groups[f.ref].place(codec.entry_data(claim))
            row = (claim.id, seq, claim.topic, f.ref, at, codec.status_code(claim.status))
            rowids.append((con.execute(sql.INSERT_CLAIM, row).lastrowid or 0, claim))
        rows = self._in(sql.CLAIMS_DATA_IN, self.restrip)
        groups.update(read.groups(con, {n for _, n, _ in rows if n not in groups}))
        for ident, n, at in rows:
            placed = groups[n].place(codec.entry_data(self.restrip[ident]), at)
            con.execute(sql.SET_CLAIM, (placed, ident))
        con.executemany(sql.INSERT_GROUP, claimgroup.records_of(groups))
        write_claim_links(con, rowids)
        for f in self.files:
            told = ((c.id, f.ref) for c, _, _ in f.new_claims if c.id not in self.resolved)
            con.executemany(sql.INSERT_RAW_CLAIM, told)  # the others: by their claims' rows
            con.executemany(sql.INSERT_LINK, file_links(f.ref, f.checked))
        return {c for c, _, _, _ in self.resolved.values()} | set(self.restrip.values())

    def _contests(self) -> set[str]:
        """Contradictions both ways of the claims written; the claims they contest."""
        pairs = [
            p
            for c in (*(c for c, _, _, _ in self.resolved.values()), *self.restrip.values())
            for t in c.contradicts
            for p in ((c.id, t), (t, c.id))
        ]
        self.con.executemany(sql.INSERT_CONTEST, pairs)
        return {b for _, b in pairs}

    def _supporters(self) -> set[str]:
        """Who supports whom, for the claims written; the claims they support."""
        rows = [
            (t, c.id)
            for c in (*(c for c, _, _, _ in self.resolved.values()), *self.restrip.values())
            for t in c.supports
        ]
        self.con.executemany(sql.INSERT_SUPPORTER, rows)
        return {t for t, _ in rows}

    def _write_prose(self) -> set[str]:
        """Topic, actor and source prose, where the entry in use is this file's."""
        changed: set[str] = set()
        for f in self.files:
            for _, before, after in f.named.prose:
                ident = codec.entry_id(after)
                row = self.con.execute(sql.ENTRY_ROW, (ident,)).fetchone()
                if row is None or codec.read_data(row[2]) != before:
                    continue  # a later layer's entry is the one in use
                rowid, kind, blob = row
                old = codec.search_text(codec.named_of(kind, blob))
                self.con.execute(sql.DELETE_SEARCH, (-rowid, *old))
                self.con.execute(sql.SET_ENTRY, (codec.data_blob(after), ident))
                entry = codec.named_from(kind, after)
                relate(self.con, entry)
                new = codec.search_text(entry)
                self.con.execute(sql.INSERT_SEARCH_AT, (-rowid, *new))
                changed.add(ident)
        return changed

    def _write_search(self) -> None:
        """Full-text rows of the new claims (what a hit is, and its filters, are read from
        the tables: a topic's row holds no list of its claims' actors to write again)."""
        for claim, _, _, _ in self.resolved.values():
            (rowid,) = self.con.execute(sql.CLAIM_ROWID, (claim.id,)).fetchone()
            if self.con.execute(sql.SEARCH_ROW, (rowid,)).fetchone() is not None:
                # a row the index kept for a record the tables lost: damage, not an edit
                raise codec.Corrupt(f"a search row ({rowid}) already indexed")
            self.con.execute(sql.INSERT_SEARCH_AT, (rowid, *codec.search_text(claim)))

    def _forget_briefings(self, touched: set[Claim], contested: set[str], named: set[str]) -> None:
        """Briefings that show any claim touched, or a claim it contradicts or supports."""
        shown = {c.id for c in touched} | contested
        rows = self._in(sql.CLAIMS_DATA_IN, shown)
        touched |= set(claims_at(self.con, [(n, at) for _, n, at in rows]))
        stale = set(named) | self.recounted
        for claim in touched:
            stale.add(claim.topic)
            stale.update(claim.actors)
            stale.update(x.source for x in claim.cites)
        self.con.executemany(sql.FORGET_BRIEFING, ((i,) for i in stale))

    def _write_records(self) -> None:
        """Each file's own record: its entries now, and its problems phase by phase."""
        for f in self.files:
            problems = dict(f.record.problems)
            fresh = filerecord.problems_data(
                {"local": f.checked.problems, "refs": self.refs_problems[f.path]}
            )
            problems.update({"local": fresh.get("local", []), "refs": fresh.get("refs", [])})
            problems.pop("links", None)
            problems = {k: v for k, v in problems.items() if v and k in PHASES}
            count = sum(len(v) for v in problems.values())
            record = filerecord.file_record(f.checked, problems, False)
            self.con.execute(sql.SET_FILE_RECORD, (count, record, f.key))


#: The named kinds, as the ``entries`` table keeps them, in the order ``Tally`` takes them.
_KINDS = ("topic", "actor", "source")
