"""A persistent cache of the loaded corpus, so that a warm ``brief show`` reads one row.

Parsing TOML and building the index costs more than the whole start-up budget, so the
result is kept in one SQLite file per set of corpus layers, under the platform's cache
folder. It holds the name table, every briefing already built (as marshal-ed tuples),
the pickled corpus for the other commands, and the warnings the load produced.

It never serves stale data: the load stamps every corpus folder (modification time,
taken before listing it) and file (modification time, change time and size, from the
descriptor it was read through), and a run that finds any of them changed (a file
added, removed, edited or made readable) rebuilds it. A cache that is missing,
unreadable or corrupt is rebuilt silently. Builds write a private temporary file and
move it into place, so processes starting at once never see half a cache: each reads a
whole old one or a whole new one.

The warm path imports only ``os``, ``sqlite3`` and ``marshal`` here; the loader and
tomllib are imported only to rebuild.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import NotFound

if TYPE_CHECKING:
    from .index import Index
    from .layers import Layer
    from .load import LoadResult
    from .model import Corpus
    from .views import Briefing

#: Bump when what the cache stores changes shape; old files are then ignored.
SCHEMA = 6

#: Each folder with its mtime, each file with its mtime, ctime and size (see reader.Stamps).
Manifest = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int, int, int], ...]]

# Tables holding big values are ordinary rowid tables: in a WITHOUT ROWID table the
# B-tree's interior cells carry whole rows, and a lookup that compares its key with a
# 48 MB corpus row reads all of it (a warm show on 10,000 topics took 50 ms and 50 MiB).
_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE names (key TEXT PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE tags (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE briefings (id TEXT PRIMARY KEY, data BLOB NOT NULL);
"""


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/brief``, or ``~/.cache/brief``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "brief")


def cache_file(layers: Sequence[Layer]) -> str:
    """The cache for exactly these layers, in this order, with this version of brief."""
    key = "\0".join(f"{os.path.abspath(layer.root)}\0{layer.label}" for layer in layers)
    digest = zlib.crc32(f"{SCHEMA}\0{__version__}\0{key}".encode("utf-8", "surrogateescape"))
    return os.path.join(cache_dir(), f"corpus-{digest:08x}.sqlite")


def _fresh(manifest: Manifest) -> bool:
    """Whether every folder and file the cache was built from is as it was then."""
    from .stamps import stamp

    folders, files = manifest
    for path, mtime in folders:
        if stamp(path)[0] != mtime:
            return False
    return all(stamp(path) == (mtime, ctime, size) for path, mtime, ctime, size in files)


class Store:
    """What commands read the corpus through: names, briefings, the index, warnings."""

    warnings: list[str]

    def resolve(self, name: str) -> str:
        """The id *name* reaches, or :class:`NotFound` with suggestions."""
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


class LiveStore(Store):
    """A store over an index built in this process (a cold start, or no cache)."""

    def __init__(self, index: Index, warnings: list[str]) -> None:
        self._index = index
        self.warnings = warnings

    def resolve(self, name: str) -> str:
        return self._index.resolve(name).id

    def briefing(self, ident: str) -> Briefing:
        from .briefings import briefing

        return briefing(self._index, ident)

    def index(self) -> Index:
        return self._index

    def search_db(self) -> sqlite3.Connection:
        from .search import memory_db

        return memory_db(self._index)

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        from .names import normalise

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

    def __init__(self, con: sqlite3.Connection, warnings: list[str]) -> None:
        self._con = con
        self._index: Index | None = None
        self.warnings = warnings

    def resolve(self, name: str) -> str:
        from .names import normalise

        row = self._con.execute("SELECT id FROM names WHERE key = ?", (normalise(name),)).fetchone()
        if row is not None:
            return str(row[0])
        return self.index().resolve(name).id  # raises NotFound with suggestions

    def briefing(self, ident: str) -> Briefing:
        from .views import briefing_from_data

        row = self._con.execute("SELECT data FROM briefings WHERE id = ?", (ident,)).fetchone()
        if row is None:  # pragma: no cover - every entry's briefing is written
            raise NotFound(ident)
        data: tuple[Any, ...] = marshal.loads(row[0])
        return briefing_from_data(data)

    def index(self) -> Index:
        if self._index is None:
            from .index import build_index

            (blob,) = self._con.execute("SELECT value FROM meta WHERE key = 'corpus'").fetchone()
            self._index = build_index(corpus_from_data(marshal.loads(blob)))
        return self._index

    def search_db(self) -> sqlite3.Connection:
        return self._con

    def complete(self, prefix: str, kinds: tuple[str, ...]) -> list[str]:
        from .names import normalise

        start = normalise(prefix)
        end = start + "\U0010ffff"
        if kinds == ("tag",):
            sql, args = "SELECT key FROM tags WHERE key >= ? AND key < ?", [start, end]
        else:
            marks = ", ".join("?" for _ in kinds)
            sql = f"SELECT key FROM names WHERE key >= ? AND key < ? AND kind IN ({marks})"
            args = [start, end, *kinds]
        return [str(key) for (key,) in self._con.execute(sql + " ORDER BY key", args)]


def corpus_to_data(corpus: Corpus) -> tuple[Any, ...]:
    """*corpus* as nested tuples for ``marshal``: ten times faster than pickling dataclasses."""
    return (
        tuple(
            (t.id, t.title, t.summary, t.aliases, t.tags, t.related, t.file) for t in corpus.topics
        ),
        tuple((a.id, a.name, a.description, a.aliases, a.file) for a in corpus.actors),
        tuple(
            (s.id, s.title, s.kind, s.author, s.date, s.url, s.sections, s.file)
            for s in corpus.sources
        ),
        tuple(
            (
                c.id,
                c.text,
                c.topic,
                c.actors,
                tuple((x.source, x.section) for x in c.cites),
                c.status,
                c.contradicts,
                c.supports,
                c.note,
                c.file,
            )
            for c in corpus.claims
        ),
    )


def corpus_from_data(data: tuple[Any, ...]) -> Corpus:
    """The inverse of :func:`corpus_to_data`; equal citations become one shared object."""
    from .model import Actor, Citation, Claim, Corpus, Source, Topic

    topics, actors, sources, claims = data
    cited: dict[tuple[str, str | None], Citation] = {}

    def cite(pair: tuple[str, str | None]) -> Citation:
        found = cited.get(pair)
        if found is None:
            found = cited[pair] = Citation(*pair)
        return found

    return Corpus(
        tuple(Topic(*t) for t in topics),
        tuple(Actor(*a) for a in actors),
        tuple(Source(*s) for s in sources),
        tuple(
            Claim(i, text, topic, who, tuple(cite(c) for c in cites), *rest)
            for i, text, topic, who, cites, *rest in claims
        ),
    )


def _kind_of(index: Index, ident: str) -> str:
    if ident in index.topics:
        return "topic"
    return "actor" if ident in index.actors else "source"


def open_cached(path: str) -> CachedStore | None:
    """The store in *path* if it exists, is whole and nothing it covers has changed."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = dict(
            con.execute("SELECT key, value FROM meta WHERE key IN ('manifest', 'warnings')")
        )
        manifest: Manifest = marshal.loads(rows["manifest"])
        if not _fresh(manifest):
            con.close()
            return None
        warnings: list[str] = marshal.loads(rows["warnings"])
        return CachedStore(con, warnings)
    except Exception:  # corrupt, truncated, or from another schema: rebuild it
        con.close()
        return None


def build(layers: Sequence[Layer], path: str | None) -> LiveStore:
    """Load *layers* from their files, and write the cache to *path* if one is given."""
    from .index import build_index
    from .load import load
    from .stamps import Stamps

    stamps = Stamps()
    result = load(layers, stamps)
    manifest: Manifest = (
        tuple(stamps.folders.items()),
        tuple((path, *seen) for path, seen in stamps.files.items()),
    )
    index = build_index(result.corpus)
    store = LiveStore(index, result.warnings())
    if path is not None:
        # A read-only or full disk costs speed, never the answer.
        with contextlib.suppress(OSError, sqlite3.Error):
            _write(path, manifest, result, index, store.warnings)
    return store


def _write(
    path: str, manifest: Manifest, result: LoadResult, index: Index, warnings: list[str]
) -> None:
    from .briefings import briefing
    from .search import fill as fill_search
    from .views import briefing_to_data

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
        con.executescript(_TABLES)
        meta = [
            ("manifest", marshal.dumps(manifest)),
            ("warnings", marshal.dumps(warnings)),
            ("corpus", marshal.dumps(corpus_to_data(result.corpus))),
        ]
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta)
        con.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            ((key, ident, _kind_of(index, ident)) for key, ident in index.names.items()),
        )
        con.executemany("INSERT INTO tags VALUES (?)", ((t,) for t in index.by_tag))
        entries = [*index.topics, *index.actors, *index.sources]
        con.executemany(
            "INSERT INTO briefings VALUES (?, ?)",
            ((i, marshal.dumps(briefing_to_data(briefing(index, i)))) for i in entries),
        )
        fill_search(con, index)
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)  # atomic: readers see the old file or the new one, whole


def open_store(layers: Sequence[Layer], use_cache: bool = True) -> Store:
    """The corpus of *layers*: from the cache when it is fresh, else loaded (and cached)."""
    if not use_cache:
        return build(layers, None)
    path = cache_file(layers)
    return open_cached(path) or build(layers, path)
