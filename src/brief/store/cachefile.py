"""The cache file: where it lives, who may write it, and whether it is still fresh.

One SQLite file per set of corpus layers, under the platform's cache folder. It
never serves stale data: the load stamps every corpus folder (modification time,
taken before listing it) and file (modification time, change time and size, from
the descriptor it was read through), and :func:`changes` compares those stamps with
the files as they are now.

Several processes may start at once. Readers open the file read-only and see one
committed state. Writers take ``<cache>.lock`` (:func:`locked`): a rebuild writes a
private file and renames it into place under the lock, and in-place writes (an edit
applied, a briefing remembered) happen under it too, so no writer's journal is ever
left beside a file it does not belong to. Each state has a random *generation*: a
writer that finds another generation than the one it read from does nothing.

The cache is private to its user (see docs/security.md): its folder is made ``0700``
and its files ``0600`` whatever the umask, and a file or folder another user owns is
never read. Temporary files are removed on every way out of a build, and swept when
a build that crashed left one.

Racily clean files (git's word): a clock as coarse as one second (FAT, many network
and FUSE mounts) gives a file edited in the very second it was read the stamp it had.
So a file (or folder) whose modification time is not :data:`RACY_NS` older than the
load that stamped it gets a stamp no file has (:func:`smudged`), and is read again by
content next time: what git does with an index entry not older than the index.

Imported on the warm path: ``os``, ``sqlite3`` and ``zlib`` only.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from .. import __version__
from . import codec, sql

if TYPE_CHECKING:
    from ..corpus.layers import Layer

#: Cache files not written for this long are removed when another cache is built.
STALE_AFTER_DAYS = 30
#: A temporary file not written for this long was left by a build that died.
STALE_TEMP_SECONDS = 3600
#: A stamp this close to the load's start may not tell a later edit apart (see above):
#: FAT keeps two-second times, and a network mount's clock may be a little off.
RACY_NS = 3 * 10**9
#: The size a smudged stamp gives: no file has it, so the file is read again.
SMUDGED = -2


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/brief``, or ``~/.cache/brief`` (a relative setting is ignored,
    as the XDG Base Directory specification says)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "brief")


def _mine(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)  # no owners to compare on Windows
    return getuid is None or info.st_uid == getuid()


def private_dir(folder: str, create: bool = False) -> bool:
    """Whether *folder* is ours to keep a cache in: a real folder we own, ``0700``.

    *create* makes it (and its parents, as the umask says) when it is missing. A
    folder open to others is made ``0700`` only when it is brief's own
    (:func:`cache_dir`) or was made here; any other (``/tmp``, say, for a cache
    path given to ``build``) is left as it is, and not used.
    """
    try:
        made = create and not os.path.lexists(folder)
        if create:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except (OSError, ValueError):
        return False
    import stat

    if not stat.S_ISDIR(info.st_mode) or not _mine(info):
        return False
    if stat.S_IMODE(info.st_mode) & 0o077 and os.name == "posix":
        if not (made or os.path.abspath(folder) == os.path.abspath(cache_dir())):
            return False
        try:
            os.chmod(folder, 0o700)
        except OSError:
            return False
    return True


def private_file(path: str) -> int:
    """A new file at *path*, ``0600`` whatever the umask, created (never opened) here."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)  # a umask of 0277 would leave it unwritable
    return fd


def smudged(
    folders: dict[str, int],
    files: dict[str, tuple[int, int, int]],
    began_ns: int,
    digests: Mapping[str, bytes] | None = None,
) -> tuple[dict[str, int], dict[str, tuple[int, int, int]]]:
    """*folders* and *files* stamped by a load that began at *began_ns* (wall clock),
    those too recent to be trusted smudged so that the next run reads them again.

    With *digests* (``Stamps.digests``: the bytes each file gave the load), a file too
    recent at the start is kept as stamped if it has settled since: its time is now
    more than :data:`RACY_NS` old (an edit from now on gets a later one), its stamp is
    the same and its bytes are those the load read. So a large corpus written just
    before its first load (generated, unpacked, checked out) is not all read again by
    the next run: a load that long outlasts the window.
    """
    cutoff = began_ns - RACY_NS
    recent = {p: stamp for p, stamp in files.items() if stamp[0] >= cutoff}
    if digests and recent:
        import time

        settled_before = time.time_ns() - RACY_NS
        for path, stamp in list(recent.items()):
            if stamp[0] < settled_before and _same_bytes(path, stamp, digests.get(path)):
                del recent[path]
    return (
        {p: (SMUDGED if m >= cutoff else m) for p, m in folders.items()},
        {p: ((m, c, SMUDGED) if p in recent else (m, c, z)) for p, (m, c, z) in files.items()},
    )


def _same_bytes(path: str, stamp: tuple[int, int, int], digest: bytes | None) -> bool:
    """Whether the file *path* still has *stamp*, and bytes with *digest*."""
    if digest is None:
        return False
    from ..corpus.stamps import digest as digest_of

    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if (info.st_mtime_ns, info.st_ctime_ns, info.st_size) != stamp:
                return False
            return digest_of(file.read(stamp[2] + 1)) == digest
    except (OSError, ValueError):
        return False


def cache_file(layers: Sequence[Layer]) -> str:
    """The cache for exactly these layers, in this order, with this version of brief.

    Named ``corpus-<layers>-<version>.sqlite``, so that a new version of brief can tell
    (and remove) its predecessor's cache of the same layers.
    """
    key = "\0".join(f"{os.path.abspath(layer.root)}\0{layer.label}" for layer in layers)
    where = zlib.crc32(key.encode("utf-8", "surrogateescape"))
    what = zlib.crc32(f"{codec.SCHEMA}\0{__version__}".encode())
    return os.path.join(cache_dir(), f"corpus-{where:08x}-{what:08x}.sqlite")


def prune(path: str) -> None:
    """Remove caches *path* replaces, and any not written for ``STALE_AFTER_DAYS``.

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
        if other.startswith(".corpus-") and other.endswith(".tmp"):
            _sweep(os.path.join(folder, other))
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


def _sweep(path: str) -> None:
    """Remove a temporary file a build that died left (one still being written is not)."""
    import time

    with contextlib.suppress(OSError):
        if os.lstat(path).st_mtime < time.time() - STALE_TEMP_SECONDS:
            os.unlink(path)


def changes(manifest: codec.Manifest) -> tuple[list[str], list[str]]:
    """The folders (a file added, removed or renamed over) and the files that changed.

    The one cost of a warm start that grows with the corpus: a ``stat`` a file, written
    out here rather than through ``stamps.stamp`` (a fifth faster on 10,000 files, and
    the warm path does not import it). Unseen is ``-1``, as ``stamps.stamp`` says it.
    """
    folders, files = manifest  # as codec.Manifest lays them out
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
    return [path for path, mtime in folders if _mtime(path) != mtime], changed


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except (OSError, ValueError):
        return -1


@contextlib.contextmanager
def locked(path: str, wait: bool = True) -> Iterator[bool]:
    """Hold ``<path>.lock`` (yields False when *wait* is off and another process has it).

    ``flock`` where there is one; elsewhere (Windows) :func:`_locked_by_file`.
    """
    try:
        import fcntl
    except ImportError:
        with _locked_by_file(f"{path}.lck", wait) as held:
            yield held
        return
    fd = _lock_file(f"{path}.lock")
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _lock_file(path: str) -> int:
    try:
        return private_file(path)
    except FileExistsError:
        return os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))


#: A lock file older than this was left by a process that died holding it.
LOCK_STALE_SECONDS = 60


@contextlib.contextmanager
def _locked_by_file(path: str, wait: bool) -> Iterator[bool]:
    """A lock held by creating *path* exclusively, for systems without ``flock``.

    Waits up to :data:`LOCK_STALE_SECONDS`, then takes a lock that old as abandoned.
    """
    import time

    deadline = time.monotonic() + LOCK_STALE_SECONDS
    while True:
        try:
            os.close(private_file(path))
            break
        except FileExistsError:
            with contextlib.suppress(OSError):
                if os.stat(path).st_mtime < time.time() - LOCK_STALE_SECONDS:
                    os.unlink(path)  # abandoned
                    continue
            if not wait or time.monotonic() > deadline:
                yield False
                return
            time.sleep(0.01)
    try:
        yield True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


def connect_rw(path: str) -> sqlite3.Connection:
    """A connection for a short write under the lock: autocommit, no fsync (a cache)."""
    con = sqlite3.connect(path, timeout=5, isolation_level=None)
    con.execute(sql.NO_SYNC)
    return con


def generation(con: sqlite3.Connection) -> bytes:
    """The random id of the state *con* sees (see the module's docstring)."""
    row = con.execute(sql.GENERATION).fetchone()
    return bytes(row[0]) if row else b""


def new_generation() -> bytes:
    return os.urandom(8)


class Opened:
    """A cache file opened read-only, and what its manifest says has changed since."""

    def __init__(self, con: sqlite3.Connection, meta: dict[str, bytes], check: bool) -> None:
        if "generation" not in meta or "warnings" not in meta:
            raise codec.Corrupt("no generation or warnings")
        self.con = con
        """The read-only connection."""
        self.generation = bytes(meta["generation"])
        """The state it was opened in (see :func:`generation`)."""
        self.warnings = codec.read_warnings(meta["warnings"])
        """The load's warnings, as :class:`~brief.corpus.load.LoadResult` words them."""
        self.manifest: codec.Manifest = ((), ())
        """What the cache was built from (read only when *check* is on)."""
        self.folders: list[str] = []
        """Folders changed since (a file may have been added or removed)."""
        self.files: list[str] = []
        """Files changed since."""
        if check:
            if "manifest" not in meta:
                raise codec.Corrupt("no manifest")
            self.manifest = codec.read_manifest(meta["manifest"])
            try:
                self.folders, self.files = changes(self.manifest)
            except (ValueError, TypeError) as error:  # a manifest of another shape
                raise codec.Corrupt(f"unreadable manifest: {error}") from error

    @property
    def fresh(self) -> bool:
        """Nothing the cache was built from has changed."""
        return not self.folders and not self.files


def open_file(path: str, check: bool = True) -> Opened | None:
    """The cache at *path*, opened read-only; *check* compares its stamps with the files.

    None when there is no usable cache there: missing, corrupt, truncated, of
    another schema (a table or key missing), or not ours (see :func:`private_dir`).
    """
    try:
        if not _mine(os.stat(path)) or not private_dir(os.path.dirname(path)):
            return None
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        meta = dict(con.execute(sql.META_TO_CHECK if check else sql.META_TO_READ))
        return Opened(con, meta, check)
    except (sqlite3.Error, codec.Corrupt, UnicodeError):  # damaged: rebuilt
        con.close()
        return None
