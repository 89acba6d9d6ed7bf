"""A persistent cache of the loaded corpus, so that a warm ``brief show`` reads one row.

Parsing TOML and building the index costs more than the whole start-up budget, so the
result is kept in one SQLite file per set of corpus layers, under the platform's cache
folder: the resolved corpus as tables (see ``tables``), the name table, full-text
search, the warnings the load produced, and each briefing once it has been shown
(built from the few rows it shows, then remembered: building all of them up front
took 27 of the 31 seconds a 10,000-topic corpus took to cache).

It never serves stale data: the load stamps every corpus folder (modification time,
taken before listing it) and file (modification time, change time and size, from the
descriptor it was read through), and a run that finds any of them changed first
brings the cache up to date. An edit to a few files is applied in place (see
``incremental``); anything else (a file added or removed, a topic renamed, a
problem whose wording depends on the whole corpus) rebuilds it. A cache that is
missing, unreadable or corrupt is rebuilt silently.

Several processes may start at once. Readers open the file read-only and see one
committed state. Writers take ``<cache>.lock``: a rebuild writes a private file and
renames it into place under the lock, and in-place writes (an edit applied, a
briefing remembered) happen under it too, so no writer's journal is ever left beside
a file it does not belong to. Each state has a random *generation*: a writer that
finds another generation than the one it read from does nothing.

The warm path imports only ``os``, ``sqlite3`` and ``marshal`` here; the loader,
tomllib and the model are imported only to rebuild, or to build a briefing not yet
remembered.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..core.errors import NotFound

if TYPE_CHECKING:
    from ..core.diagnostics import Diagnostic
    from ..core.index import Index
    from ..corpus.layers import Layer
    from ..corpus.load import LoadResult
    from ..corpus.stamps import Stamps
    from ..corpus.trace import Trace
    from ..views.records import Briefing

#: Bump when what the cache stores changes shape; old files are then ignored.
SCHEMA = 9

#: Each folder with its mtime, each file with its mtime, ctime and size (see stamps).
Manifest = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int, int, int], ...]]

#: Past this many changed files, rebuilding is simpler than applying each edit.
MAX_EDITS = 20


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/brief``, or ``~/.cache/brief``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "brief")


#: Cache files not written for this long are removed when another cache is built.
STALE_AFTER_DAYS = 30


def cache_file(layers: Sequence[Layer]) -> str:
    """The cache for exactly these layers, in this order, with this version of brief.

    Named ``corpus-<layers>-<version>.sqlite``, so that a new version of brief can tell
    (and remove) its predecessor's cache of the same layers.
    """
    key = "\0".join(f"{os.path.abspath(layer.root)}\0{layer.label}" for layer in layers)
    where = zlib.crc32(key.encode("utf-8", "surrogateescape"))
    what = zlib.crc32(f"{SCHEMA}\0{__version__}".encode())
    return os.path.join(cache_dir(), f"corpus-{where:08x}-{what:08x}.sqlite")


def _prune(path: str) -> None:
    """Remove caches this one replaces, and any not written for ``STALE_AFTER_DAYS``.

    A cache is a few kilobytes for the bundled corpus but hundreds of megabytes for a
    large one, and every set of layers (and every version of brief) gets its own.
    """
    import time

    folder, name = os.path.split(path)
    same_layers = name.rsplit("-", 1)[0] + "-"
    too_old = time.time() - STALE_AFTER_DAYS * 86_400
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for other in names:
        if not other.startswith("corpus-") or other.startswith(name):  # this one, its lock
            continue
        full = os.path.join(folder, other)
        owner = other.split(".sqlite", 1)[0] + ".sqlite"  # a lock or journal's database
        with contextlib.suppress(OSError):
            if other.startswith(same_layers):
                os.unlink(full)  # the same layers' cache from another version of brief
            elif other == owner and os.stat(full).st_mtime < too_old:
                os.unlink(full)
            elif other != owner and owner not in names:
                os.unlink(full)  # a lock left by a cache already removed


def changes(manifest: Manifest) -> tuple[list[str], list[str]]:
    """The folders (a file added, removed or renamed over) and the files that changed.

    The one cost of a warm start that grows with the corpus: a ``stat`` a file, written
    out here rather than through ``stamps.stamp`` (a fifth faster on 10,000 files).
    """
    from ..corpus.stamps import stamp

    folders, files = manifest
    changed = []
    stat = os.stat
    for path, mtime, ctime, size in files:
        try:
            info = stat(path)
        except (OSError, ValueError):
            if (mtime, ctime, size) != (-1, -1, -1):  # as stamps.stamp says "unseen"
                changed.append(path)
            continue
        if info.st_mtime_ns != mtime or info.st_ctime_ns != ctime or info.st_size != size:
            changed.append(path)
    return [path for path, mtime in folders if stamp(path)[0] != mtime], changed


@contextlib.contextmanager
def locked(path: str, wait: bool = True) -> Iterator[bool]:
    """Hold ``<path>.lock`` (yields False when *wait* is off and another process has it)."""
    import fcntl

    with open(f"{path}.lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def connect_rw(path: str) -> sqlite3.Connection:
    """A connection for a short write under the lock: autocommit, no fsync (a cache)."""
    con = sqlite3.connect(path, timeout=5, isolation_level=None)
    con.execute("PRAGMA synchronous = OFF")
    return con


class Store:
    """What commands read the corpus through: names, briefings, the index, warnings."""

    warnings: list[str]

    def resolve(self, name: str) -> str:
        """The id *name* reaches, or :class:`NotFound` with suggestions.

        A name no entry has, but that a file defines for an entry left out for its own
        problems, raises :class:`LeftOut` with that problem instead.
        """
        from ..core.errors import LeftOut

        try:
            return self._find(name)
        except NotFound:
            why = self.left_out(name)
            if why is None:
                raise
            raise LeftOut(name, why) from None

    def _find(self, name: str) -> str:
        raise NotImplementedError

    def briefing(self, ident: str) -> Briefing:
        raise NotImplementedError

    def index(self) -> Index:
        raise NotImplementedError

    def search_db(self) -> sqlite3.Connection:
        """A connection holding the full-text table (see ``search``)."""
        raise NotImplementedError

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        """Names (normalised) of entries of *kinds* that start like *prefix*, for the shell."""
        raise NotImplementedError

    def left_out(self, name: str) -> str | None:
        """Why an entry with the id *name* is not in the corpus, if a file defines one."""
        raise NotImplementedError


class LiveStore(Store):
    """A store over an index built in this process (a cold start, or no cache)."""

    def __init__(
        self, index: Index, warnings: list[str], troubled: list[tuple[Any, Any]] | None = None
    ) -> None:
        self._index = index
        self.warnings = warnings
        self._troubled = troubled or []

    def left_out(self, name: str) -> str | None:
        from ..core.names import normalise
        from .tables import left_out

        return left_out(self._troubled, normalise(name))

    def _find(self, name: str) -> str:
        return self._index.resolve(name).id

    def briefing(self, ident: str) -> Briefing:
        from ..views.briefings import briefing

        return briefing(self._index, ident)

    def index(self) -> Index:
        return self._index

    def search_db(self) -> sqlite3.Connection:
        from .search import memory_db

        return memory_db(self._index)

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        from ..core.names import normalise

        start = normalise(prefix)
        if kinds == ("tag",):
            return sorted(k for k in self._index.by_tag if k.startswith(start))
        return sorted(
            key
            for key, ident in self._index.names.items()
            if key.startswith(start) and _kind_of(self._index, ident) in kinds
        )


class CachedStore(Store):
    """A store read from a fresh cache file: no parsing, no index unless asked for."""

    def __init__(
        self, con: sqlite3.Connection, path: str, generation: bytes, warnings: list[str]
    ) -> None:
        self._con = con
        self._path = path
        self._generation = generation
        self._index: Index | None = None
        self.warnings = warnings

    def _find(self, name: str) -> str:
        from ..core.names import normalise

        row = self._con.execute("SELECT id FROM names WHERE key = ?", (normalise(name),)).fetchone()
        if row is not None:
            return str(row[0])
        return self.index().resolve(name).id  # raises NotFound with suggestions

    def briefing(self, ident: str) -> Briefing:
        from ..views.records import briefing_from_data

        row = self._con.execute("SELECT data FROM briefings WHERE id = ?", (ident,)).fetchone()
        if row is not None:
            data: tuple[Any, ...] = marshal.loads(row[0])
            return briefing_from_data(data)
        return self._build_briefing(ident)

    def _build_briefing(self, ident: str) -> Briefing:
        """Build a briefing from the rows it shows, and remember it for the next run."""
        from ..core.index import build_index
        from ..views.briefings import briefing
        from ..views.records import briefing_to_data
        from .tables import neighbourhood

        made = briefing(build_index(neighbourhood(self._con, ident)), ident)
        blob = marshal.dumps(briefing_to_data(made))
        # Best effort: a busy lock or a read-only folder only costs the next run time.
        with contextlib.suppress(OSError, sqlite3.Error), locked(self._path, wait=False) as held:
            if held:
                con = connect_rw(self._path)
                try:
                    con.execute("BEGIN IMMEDIATE")
                    if _generation(con) == self._generation:
                        con.execute("INSERT OR REPLACE INTO briefings VALUES (?, ?)", (ident, blob))
                    con.execute("COMMIT")
                finally:
                    con.close()
        return made

    def index(self) -> Index:
        if self._index is None:
            from ..core.index import build_index
            from .tables import whole_corpus

            self._index = build_index(whole_corpus(self._con))
        return self._index

    def search_db(self) -> sqlite3.Connection:
        return self._con

    def left_out(self, name: str) -> str | None:
        from ..core.names import normalise
        from .tables import left_out, unpack

        rows = self._con.execute("SELECT local FROM files WHERE problems > 0 ORDER BY ord")
        return left_out(((r[0], r[1]) for r in map(unpack, (b for (b,) in rows))), normalise(name))

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        from ..core.names import normalise

        start = normalise(prefix)
        end = start + "\U0010ffff"
        if kinds == ("tag",):
            sql, args = "SELECT key FROM tags WHERE key >= ? AND key < ?", [start, end]
        else:
            marks = ", ".join("?" for _ in kinds)
            sql = f"SELECT key FROM names WHERE key >= ? AND key < ? AND kind IN ({marks})"
            args = [start, end, *kinds]
        return [str(key) for (key,) in self._con.execute(sql + " ORDER BY key", args)]


def _kind_of(index: Index, ident: str) -> str:
    if ident in index.topics:
        return "topic"
    return "actor" if ident in index.actors else "source"


def _generation(con: sqlite3.Connection) -> bytes:
    row = con.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return bytes(row[0]) if row else b""


class _Opened:
    """A cache file opened read-only, and what its manifest says has changed since."""

    def __init__(self, con: sqlite3.Connection, meta: dict[str, bytes], check: bool) -> None:
        self.con = con
        self.generation = bytes(meta["generation"])
        self.warnings: list[str] = marshal.loads(meta["warnings"])
        self.folders: list[str] = []
        self.files: list[str] = []
        if check:
            self.manifest: Manifest = marshal.loads(meta["manifest"])
            self.folders, self.files = changes(self.manifest)

    @property
    def fresh(self) -> bool:
        return not self.folders and not self.files


def _open(path: str, check: bool = True) -> _Opened | None:
    """The cache at *path*, opened read-only; *check* compares its stamps with the files."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        keys = "('manifest', 'warnings', 'generation')" if check else "('warnings', 'generation')"
        meta = dict(con.execute(f"SELECT key, value FROM meta WHERE key IN {keys}"))
        return _Opened(con, meta, check)
    except Exception:  # corrupt, truncated, or from another schema: rebuild it
        con.close()
        return None


def open_cached(path: str) -> CachedStore | None:
    """The store in *path* if it exists, is whole and nothing it covers has changed."""
    opened = _open(path)
    if opened is None:
        return None
    if not opened.fresh:
        opened.con.close()
        return None
    return CachedStore(opened.con, path, opened.generation, opened.warnings)


def build(layers: Sequence[Layer], path: str | None) -> LiveStore:
    """Load *layers* from their files, and write the cache to *path* if one is given."""
    from ..core.index import build_index
    from ..corpus.load import load
    from ..corpus.stamps import Stamps
    from ..corpus.trace import Trace

    stamps = Stamps()
    trace = Trace()
    result = load(layers, stamps, trace)
    from .tables import checked_data, problems_data

    index = build_index(result.corpus)
    troubled = [
        (checked_data(t.checked), problems_data(t.problems)) for t in trace.files if t.problems
    ]
    store = LiveStore(index, result.warnings(), troubled)
    if path is not None:
        # A read-only or full disk costs speed, never the answer.
        with contextlib.suppress(OSError, sqlite3.Error):
            _write(path, stamps, trace, result, index, store.warnings)
    return store


def _write(
    path: str, stamps: Stamps, trace: Trace, result: LoadResult, index: Index, warnings: list[str]
) -> None:
    from .tables import problems_data, write_all

    manifest: Manifest = (
        tuple(stamps.folders.items()),
        tuple((p, *seen) for p, seen in stamps.files.items()),
    )
    traced = {t.name for t in trace.files}
    skipped = set(result.skipped)
    early: dict[str, list[Diagnostic]] = {}
    for problem in result.problems:
        if problem.file not in traced:
            early.setdefault(problem.file, []).append(problem)
    folder, name = os.path.split(path)
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    con = sqlite3.connect(tmp)
    try:
        # A private file that is renamed into place when whole: no journal, no fsync. A
        # file torn by a crash fails to open and is rebuilt, like any corrupt cache.
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        write_all(con, result, trace, index)
        meta = [
            ("manifest", marshal.dumps(manifest)),
            ("warnings", marshal.dumps(warnings)),
            ("generation", os.urandom(8)),
            (
                "early",
                marshal.dumps(
                    [
                        (n, problems_data({"local": found})["local"], n in skipped)
                        for n, found in early.items()
                    ]
                ),
            ),
        ]
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta)
        con.commit()
    finally:
        con.close()
    with locked(path):
        os.replace(tmp, path)  # atomic: readers see the old file or the new one, whole
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}-journal")  # a crashed writer's, of the file just replaced
    _prune(path)


def open_store(layers: Sequence[Layer], use_cache: bool = True) -> Store:
    """The corpus of *layers*: from the cache, brought up to date if need be, else loaded."""
    if not use_cache:
        return build(layers, None)
    path = cache_file(layers)
    opened = _open(path)
    if opened is not None:
        if opened.fresh:
            return CachedStore(opened.con, path, opened.generation, opened.warnings)
        opened.con.close()
        if len(opened.files) <= MAX_EDITS:
            from .incremental import apply_edits

            # Anything unreadable in the cache (a corrupt record, say) means a rebuild.
            with contextlib.suppress(Exception):
                outcome = apply_edits(path, layers, opened)
                # Just applied, the cache holds what this run saw: no need to look again.
                again = _open(path, check=outcome != "applied")
                if again is not None and again.fresh:
                    return CachedStore(again.con, path, again.generation, again.warnings)
    return build(layers, path)
