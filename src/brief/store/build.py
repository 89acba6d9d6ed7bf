"""Building a cache file from a load of every file: what a cold start (or a rebuild) does.

The file holds the resolved corpus as tables (one row per topic, actor, source and
claim, with the links a briefing follows: claims by topic, actor and source;
contradictions both ways; who supports whom), the name table, full-text search, the warnings, and
what lets an edit be applied without reading every file again (see
``incremental``): each file's record (checked entries and problems by load phase),
every claim id each file defines, and every link between claims as written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from . import claimgroup, codec, filerecord, sql
from .cachefile import locked, new_generation, private_dir, private_file, prune, smudged
from .live import LiveStore

if TYPE_CHECKING:
    from ..core.diagnostics import Diagnostic
    from ..core.index import Index
    from ..core.model import Actor, Claim, Source, Topic
    from ..corpus.layers import Layer
    from ..corpus.load import LoadResult, OnFile
    from ..corpus.schema import Checked
    from ..corpus.stamps import Stamps
    from ..corpus.trace import EntryAt, FileTrace, Trace

#: The named kinds, by their name in a corpus and as the ``entries`` table keeps them.
NAMED = {"topics": "topic", "actors": "actor", "sources": "source"}


def build(
    layers: Sequence[Layer],
    path: str | None,
    on_file: OnFile | None = None,
    stamps: Stamps | None = None,
) -> LiveStore:
    """Load *layers* from their files, and write the cache to *path* if one is given.

    *on_file* is told the load's progress (see ``corpus.load.load``); *stamps*, if
    given, receives what the load saw of each file (for a watcher without a cache).
    """
    import time

    from ..core.collector import paused
    from ..corpus.stamps import Stamps
    from ..corpus.trace import Trace
    from .fileprep import prepare

    stamps = Stamps() if stamps is None else stamps
    trace = Trace(prepare=prepare)
    began = time.time_ns()  # before the first stamp: see cachefile.smudged
    with paused():  # as in the load: indexing and writing make no cycles either
        return _build(layers, path, on_file, stamps, trace, began)


def _build(
    layers: Sequence[Layer],
    path: str | None,
    on_file: OnFile | None,
    stamps: Stamps,
    trace: Trace,
    began: int,
) -> LiveStore:
    from ..core.index import build_index
    from ..corpus.load import load, tell_phase

    result = load(layers, stamps, trace, on_file)
    tell_phase(on_file, "indexing")
    index = build_index(result.corpus)
    troubled = [
        filerecord.record_of(t.checked, t.problems, False) for t in trace.files if t.problems
    ]
    paths = {t.name: (t.path, layers[t.layer].root) for t in trace.files}
    store = LiveStore(
        index,
        result.warnings(paths),
        troubled,
        result.skipped,
        result.lost,
        layers=layers,
        problems=result.problems,
        unread=result.unread,
    )
    if path is not None:
        # A read-only or full disk costs speed, never the answer; the store says why.
        tell_phase(on_file, "writing the cache")
        try:
            store.unwritten = write(path, stamps, trace, result, index, store.warnings, began)
        except OSError as exc:
            store.unwritten = f"{os.path.dirname(path)}: {exc.strerror or exc}".lower()
        except sqlite3.Error as exc:
            store.unwritten = f"{os.path.dirname(path)}: {exc}"
    return store


def write(
    path: str,
    stamps: Stamps,
    trace: Trace,
    result: LoadResult,
    index: Index,
    warnings: list[str],
    began: int = 0,
) -> str | None:
    """Write the cache of one load to a private file, then rename it to *path*; why it
    was not written, when the folder is not brief's to write in (None: written).

    *began* is when the load began (``time.time_ns()``): stamps not clearly older are
    smudged (see ``cachefile.smudged``). The temporary file is removed on every way
    out but the rename: a full disk, a folder where the cache should be, Ctrl-C.
    """
    folder = os.path.dirname(path)
    if not private_dir(folder, create=True):  # no cache rather than one others can change
        return f"{folder}: not a private folder of yours (0700) to keep it in"
    traced = {t.name for t in trace.files}
    early: dict[str, list[Diagnostic]] = {}
    for problem in result.problems:
        if problem.file not in traced:
            early.setdefault(problem.file, []).append(problem)
    tmp = f"{path}.{os.urandom(6).hex()}.tmp"
    tmp = os.path.join(folder, f".{os.path.basename(tmp)}")
    aside = f"{tmp[: -len('.tmp')]}.search.tmp"  # the search table, filled beside it
    os.close(private_file(tmp))
    try:
        os.close(private_file(aside))
        corpus = result.corpus
        meta = [
            ("warnings", codec.warnings_blob(warnings)),
            ("generation", new_generation()),
            ("early", filerecord.early_blob(early, result.skipped)),
            ("left_out", codec.left_out_blob(corpus.left_out, corpus.claims_left_out)),
            ("lost", codec.lost_blob(result.lost)),
            ("unread", codec.unread_blob(result.unread)),
        ]

        def manifest() -> bytes:
            # Made last, when the most recent files have had the longest to settle.
            made = smudged(stamps.folders, stamps.files, began, stamps.digests)
            return codec.manifest_blob(codec.manifest_of(*made))

        _fill(tmp, aside, result, trace, index, meta, manifest)
        with locked(path):
            os.replace(tmp, path)  # atomic: readers see the old file or the new one, whole
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}-journal")  # a crashed writer's, of the file just replaced
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # gone if renamed; else whatever stopped us left it
        with contextlib.suppress(OSError):
            os.unlink(aside)
    prune(path)
    return None


def _fill(
    tmp: str,
    aside: str,
    result: LoadResult,
    trace: Trace,
    index: Index,
    meta: list[tuple[str, bytes]],
    manifest: Callable[[], bytes],
) -> None:
    con = sqlite3.connect(tmp)
    try:
        # A private file that is renamed into place when whole: no journal, no fsync. A
        # file torn by a crash fails to open and is rebuilt, like any corrupt cache.
        con.execute(sql.PAGE_SIZE)  # before the first table
        con.execute(sql.NO_JOURNAL)
        con.execute(sql.NO_SYNC)
        write_all(con, result, trace, index, aside)
        con.executemany(sql.INSERT_META, [*meta, ("manifest", manifest())])
        con.commit()
    finally:
        con.close()


def write_all(
    con: sqlite3.Connection, result: LoadResult, trace: Trace, index: Index, aside: str
) -> None:
    """Fill the tables of a new cache file from one load; the search table meanwhile in
    the file *aside*, in a thread, then copied in (see ``search.Aside``)."""
    from .search import Aside

    con.executescript(sql.DDL)
    searched = Aside(aside, search_rows(index))
    try:
        _write_rest(con, result, trace, index)
        searched.copy_into(con)
    finally:
        searched.stop()


def _write_rest(con: sqlite3.Connection, result: LoadResult, trace: Trace, index: Index) -> None:
    files = sorted(trace.files, key=lambda t: t.ord)  # numbered in load order: see seq_key
    numbers = _seq_numbers(files, trace.files, trace.seq)
    unplaced = write_records(con, index, numbers, written(files), False)
    # Rows in key order, each table's b-tree appended to rather than split half-empty.
    con.executemany(
        sql.INSERT_CONTEST, sorted((a, b) for a, others in index.contested.items() for b in others)
    )
    con.executemany(
        sql.INSERT_SUPPORTER,
        sorted((a, b) for a, others in index.supported.items() for b in others),
    )
    skipped = set(result.skipped)
    con.executemany(
        sql.INSERT_FILE,
        ((n, *file_row(t, t.name in skipped)) for n, t in numbered(files)),
    )
    _write_raw(con, files, unplaced)
    kinds = {e.id: NAMED[k] for k in NAMED for e in getattr(index.corpus, k)}
    con.executemany(
        sql.INSERT_NAME,
        (
            (key, ident, kinds[ident], codec.name_check(key, ident, kinds[ident]))
            for key, ident in sorted(index.names.items())
        ),
    )
    make_indexes(con)


def numbered(files: Sequence[FileTrace]) -> Iterator[tuple[int, FileTrace]]:
    """Each file (in load order) with the number its row takes: its rowid, by which the
    cache's other rows name it, and the first part of its entries' ``seq``.

    Numbers go up in load order, :data:`codec.FILE_STRIDE` apart (and further from one
    layer to the next), so that a file added to a corpus folder later takes a number
    between its neighbours' (``added``).
    """
    return zip(codec.file_numbers([t.layer for t in files]), files, strict=True)


def make_indexes(con: sqlite3.Connection) -> None:
    """The indexes of a new cache file's tables, once their rows are in."""
    for statement in sql.INDEXES:
        con.execute(statement)


def _seq_numbers(
    files: Sequence[FileTrace], traced: Sequence[FileTrace], seq: dict[str, dict[str, EntryAt]]
) -> Callable[[str, str], int]:
    """Each entry's ``seq`` (see ``codec.seq_key``) from its place in the load
    (``corpus.trace.entry_at``: its file's place in *traced*, the trace's files in load
    order, then its kind's and its own); *files* are in the order rows number them."""
    from ..corpus.trace import entry_at_parts

    numbers = {id(t): n for n, t in numbered(files)}
    by_place = [numbers[id(t)] for t in traced]

    def at(kind: str, ident: str) -> int:
        file, place, pos = entry_at_parts(seq[kind][ident])
        return codec.seq_key(by_place[file], place, pos)

    return at


def written(files: Sequence[FileTrace]) -> dict[str, claimgroup.Written]:
    """Each usable file's claims as written, by its name, with its row's rowid (see
    :func:`numbered`) and their group as its reader made it, if it did
    (``fileprep``): the groups of claims (see ``claimgroup``).

    Names that are not unique (two layers of one label) cannot say which file wrote a
    claim (``Claim.file`` is a name): then each file's group holds its claims as
    written alone, and the claims as resolved go in groups of their own.
    """
    from .fileprep import Prepared

    out: dict[str, claimgroup.Written] = {}
    for n, t in numbered(files):
        if t.checked and not t.checked.fatal:
            found = [e for e, _ in t.checked.entries["claims"]]
            made = t.prepared.group if isinstance(t.prepared, Prepared) else None
            out[t.name] = (n, found, made)  # type: ignore[assignment]
    if len({t.name for t in files}) != len(files):
        out = {f"\0{n}": (n, claims, made) for n, claims, made in out.values()}
    return out


def search_rows(index: Index) -> Iterator[tuple[int, Topic | Actor | Source | Claim]]:
    """Each entry with the rowid its search row takes: a named entry's record's negated
    (``entries``, numbered as :func:`write_records` numbers them), a claim's as it is."""
    corpus = index.corpus
    named = (e for kind in NAMED for e in getattr(corpus, kind))
    return chain(((-n, e) for n, e in enumerate(named, 1)), enumerate(corpus.claims, 1))


def write_records(
    con: sqlite3.Connection,
    index: Index,
    seq: Callable[[str, str], int] | None,
    files: dict[str, claimgroup.Written] | None = None,
    search: bool = True,
) -> list[tuple[str, int]]:
    """The rows of every topic, actor, source and claim, what finds them, and search;
    the ids of claims written in *files* that are not kept in their group (see
    ``claimgroup.place_all``), each with its file's group.

    *seq* gives each entry's place in load order (its kind in the corpus, its id); the
    in-memory database of a search without a cache (``search.memory_db``) has none,
    nor *files* (each file's claims as written: see :func:`written`). Rowids are given
    here, in order, so that the search rows can be written at once; or elsewhere, with
    *search* False (see ``search.Aside``).
    """
    from ..core.model import STATUSES
    from .search import fill

    corpus = index.corpus
    named = [(kind, e) for kind in NAMED for e in getattr(corpus, kind)]
    at = seq or (lambda kind, ident: 0)
    con.executemany(
        sql.INSERT_ENTRY,
        (
            (n, e.id, NAMED[kind], at(kind, e.id), codec.entry_blob(e))
            for n, (kind, e) in enumerate(named, 1)
        ),
    )
    places = claimgroup.Places(len(corpus.claims))  # filled as the groups are written
    unplaced: list[tuple[str, int]] = []
    groups = claimgroup.place_all(corpus.claims, files or {}, places, unplaced)
    con.executemany(sql.INSERT_GROUP, groups)
    status = {s: codec.status_code(s) for s in STATUSES}
    con.executemany(
        sql.INSERT_CLAIM_AT,
        (
            (n, c.id, at("claims", c.id), c.topic, group, place, status[c.status])
            for n, (c, (group, place)) in enumerate(zip(corpus.claims, places, strict=True), 1)
        ),
    )
    write_claim_links(con, enumerate(corpus.claims, 1))
    con.executemany(sql.INSERT_TAG, sorted((t, i) for t, ids in index.by_tag.items() for i in ids))
    con.executemany(sql.INSERT_RELATED, sorted(related_rows(corpus.topics)))
    if search:
        fill(con, search_rows(index))
    return unplaced


def related_rows(topics: Iterable[Topic]) -> set[tuple[str, str]]:
    """``(topic, other)`` for each topic of *topics* that lists *other* as related: the
    rows that tell, without reading every topic, whether one is named by another."""
    return {(t.id, r) for t in topics for r in t.related if isinstance(r, str)}


def relate(con: sqlite3.Connection, entry: Topic | Actor | Source) -> None:
    """Make the ``related`` rows of *entry*, just written, its list as it is (a topic's:
    an actor or a source lists none)."""
    from ..core.model import Topic

    if isinstance(entry, Topic):
        con.execute(sql.DELETE_RELATED, (entry.id,))
        con.executemany(sql.INSERT_RELATED, related_rows([entry]))


def _write_raw(
    con: sqlite3.Connection, files: Sequence[FileTrace], unplaced: list[tuple[str, int]]
) -> None:
    """Every claim id each file defines, and every link between claims as written, the
    file named by its row's rowid (as ``write_all`` numbers them).

    A claim id whose ``claims`` row names its file's group is told there, and not again
    in ``raw_claims``: only the ids of claims left out, and of copies not in use, are
    (*unplaced*, as ``write_records`` gives them).
    """
    usable = [(n, t.checked) for n, t in numbered(files) if t.checked and not t.checked.fatal]
    con.executemany(sql.INSERT_RAW_CLAIM, sorted(set(unplaced)))
    con.executemany(sql.INSERT_LINK, sorted(x for n, c in usable for x in file_links(n, c)))


def file_row(t: FileTrace, skipped: bool) -> tuple[bytes, str, int, bytes, int, bytes]:
    """A file's row; paths are kept as bytes, as a file name need not be UTF-8."""
    from .fileprep import Prepared

    count = sum(len(found) for found in t.problems.values())
    if not count and not skipped and isinstance(t.prepared, Prepared):
        record = t.prepared.record  # as its reader made it: no problems, nothing else
    else:
        record = filerecord.file_record(t.checked, filerecord.problems_data(t.problems), skipped)
    return (os.fsencode(t.path), t.name, t.layer, codec.ord_key(t.ord), count, record)


def file_links(file: int, checked: Checked) -> list[tuple[int, str, str]]:
    """The links between claims a file's checked entries write, before any is dropped.

    So an edit can find who points at what. A rejected claim is named by its key path
    after a NUL, as it may have no id.
    """
    from ..core.model import Claim

    links: list[tuple[int, str, str]] = []
    for entry, _ in checked.entries["claims"]:
        assert isinstance(entry, Claim)
        links += _links(file, entry.id, (*entry.contradicts, *entry.supports))
    for values, where in checked.rejected["claims"]:
        targets = [*values.get("contradicts", ()), *values.get("supports", ())]
        links += _links(file, f"\0{where}", targets)
    return links


def _links(file: int, claim: str, targets: Iterable[Any]) -> Iterator[tuple[int, str, str]]:
    return ((file, claim, t) for t in targets if isinstance(t, str))


def write_claim_links(con: sqlite3.Connection, claims: Iterable[tuple[int, Claim]]) -> None:
    """The rows that find a claim by its actors and by its sources (each claim with its
    row's rowid); and, for the claims that have them, those stating a relation, its
    days (``codec.days``), who makes it (``by``) and its credibility."""
    by_actor: defaultdict[str, array[int]] = defaultdict(lambda: array("q"))  # 8 bytes a rowid
    by_source: defaultdict[str, array[int]] = defaultdict(lambda: array("q"))
    relations: list[tuple[str]] = []
    days: list[tuple[int, int, int]] = []
    makers: list[tuple[str, int]] = []
    graded: list[tuple[int, int]] = []
    for n, c in claims:  # a build's rowids come in order, so each list is in order
        for a in c.actors:
            by_actor[a].append(n)
        for x in c.cites:
            by_source[x.source].append(n)
        if c.relation is not None:
            relations.append((c.id,))
        if c.date is not None:
            days.append((n, *codec.days(c.date)))
        if c.by is not None:
            makers.append((c.by, n))
        if c.credibility is not None:
            graded.append((n, c.credibility))
    # in key order: appended to their tables' b-trees, not scattered through them; made
    # a row at a time (a sorted list of 400,000 pairs took 30 MB at 10,000 topics)
    con.executemany(sql.INSERT_CLAIM_ACTOR, _in_key_order(by_actor))
    con.executemany(sql.INSERT_CLAIM_SOURCE, _in_key_order(by_source))
    con.executemany(sql.INSERT_RELATION_CLAIM, relations)
    con.executemany(sql.INSERT_CLAIM_DAYS, days)
    con.executemany(sql.INSERT_CLAIM_MAKER, sorted(makers))
    con.executemany(sql.INSERT_CLAIM_GRADE, graded)


def _in_key_order(rowids: dict[str, array[int]]) -> Iterator[tuple[str, int]]:
    """``(key, rowid)`` pairs, sorted, from each key's rowids (each list in order)."""
    for key in sorted(rowids):
        for n in rowids[key]:
            yield key, n
