"""Find and read corpus files without trusting the file system.

A corpus folder may hold links out of the folder, FIFOs (reading one blocks
forever), devices (``/dev/zero`` never ends), directories named ``x.toml``, folders
we may not list, files that vanish between listing and reading, files we may not
read, and names that are not UTF-8 or hold escape characters. This module turns each
of those into a :class:`~brief.diagnostics.Diagnostic` naming the file (made inert,
on one line) instead of a hang, a traceback or a silent gap. See docs/security.md.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator

from ..core.diagnostics import UNREADABLE, Diagnostic
from ..core.sanitize import inert_line
from .stamps import Stamps

#: Largest corpus file read, in bytes (1 MiB). A briefing note is a few KiB; this leaves
#: room, and bounds both memory and parse time. Documented in docs/format.md ("Limits").
MAX_FILE_BYTES = 1024 * 1024

_LINK_OUT = "a symbolic link that leaves the corpus folder or leads nowhere"
# O_NONBLOCK: opening a FIFO with no writer must not hang (it is refused after fstat).
# O_NOFOLLOW: a file swapped for a link after it was checked is refused, not followed.
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def display_name(label: str, rel: str) -> str:
    """The name a message uses for a file: its layer's label joined to its relative path.

    Made inert and kept on one line: a file name may hold escapes, newlines, or bytes
    that are not UTF-8 (shown as ``\\xff``).
    """
    return inert_line(f"{label}/{rel}" if label else rel)


def discover(
    root: str | os.PathLike[str], stamps: Stamps | None = None
) -> Iterator[tuple[str, str]]:
    """Yield ``(path, relative name)`` for every ``*.toml`` file under *root*, sorted.

    Hidden entries are skipped. Directories reached through links are entered only
    when they resolve inside *root*, and each real directory only once (no loops).
    Each folder walked is stamped in *stamps*, if given (the cache watches them).

    A folder that cannot be listed, or a link to a folder outside *root*, is yielded
    too (its name ending in ``/``), so that :func:`read_bytes` reports it rather than
    its files going missing without a word. Paths are strings: ``pathlib`` would cost
    a cold start 3 ms to import (it imports ``urllib.parse`` and ``ipaddress``).
    """
    top = os.path.normpath(os.fspath(root))
    try:
        real_root = os.path.realpath(top, strict=True)
    except (OSError, RuntimeError, ValueError):
        return
    yield from _Walk(real_root, stamps).folder(top, "")


class _Walk:
    """One walk of a corpus folder: its real root, the real folders seen, the stamps."""

    def __init__(self, real_root: str, stamps: Stamps | None) -> None:
        self.real_root = real_root
        self.stamps = stamps
        self.seen: set[str] = set()

    def folder(self, folder: str, rel: str) -> Iterator[tuple[str, str]]:
        """The files under *folder* (*rel* under the root), unless it was walked already."""
        if not self._first_visit(folder):
            return
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            if rel:  # the root itself was checked by the caller
                yield folder, f"{rel}/"
            return
        for entry in entries:
            if not entry.name.startswith("."):
                yield from self._entry(entry, f"{rel}/{entry.name}" if rel else entry.name)

    def _first_visit(self, folder: str) -> bool:
        try:
            real = os.path.realpath(folder)
        except (OSError, ValueError):  # pragma: no cover - realpath rarely fails
            return False
        if real in self.seen:
            return False
        self.seen.add(real)
        if self.stamps is not None:
            self.stamps.folder(folder)
        return True

    def _entry(self, entry: os.DirEntry[str], rel: str) -> Iterator[tuple[str, str]]:
        try:
            is_dir = entry.is_dir()  # follows links; the link target is checked below
        except OSError:
            is_dir = False
        if not is_dir:
            if entry.name.endswith(".toml") and not self._read_as_itself(entry):
                yield entry.path, rel
        elif _is_link(entry.path) and _target_inside(entry.path, self.real_root) is None:
            yield entry.path, f"{rel}/"  # a link out: read_bytes reports it
        else:
            yield from self.folder(entry.path, rel)

    def _read_as_itself(self, entry: os.DirEntry[str]) -> bool:
        """Whether *entry* is a link to a corpus file this walk reads under its own name
        (a ``.toml`` file inside the root, in no hidden folder): read once, as itself. A
        tester's ``inlink.toml -> ok.toml`` was read twice, and ``ok.toml`` blamed for
        the duplicate ids."""
        try:
            if not entry.is_symlink():  # known from the listing: no system call
                return False
        except OSError:  # pragma: no cover - a listing's type is known
            return False
        target = _target_inside(entry.path, self.real_root)
        if target is None or not target.endswith(".toml") or target == self.real_root:
            return False
        parts = os.path.relpath(target, self.real_root).split(os.sep)
        return not any(part.startswith(".") for part in parts)


def _is_link(path: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def _target_inside(path: str, real_root: str) -> str | None:
    """Where the link *path* leads, when that is inside *real_root*; else None."""
    try:
        target = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError, ValueError):  # dangling link, or a loop of links
        return None
    inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
    return target if inside else None


def read_bytes(
    path: str | os.PathLike[str],
    root: str | os.PathLike[str],
    name: str,
    stamps: Stamps | None = None,
) -> bytes | Diagnostic:
    """Read one corpus file safely, or say in one diagnostic why it cannot be read.

    Only a regular file of at most :data:`MAX_FILE_BYTES` is read. A link is followed
    only when it leads inside *root*. Every OS error becomes a diagnostic naming *name*.
    """
    path, root = os.fspath(path), os.fspath(root)
    fd = _open(path, root)
    if isinstance(fd, str):
        return _fail(fd, path, name, stamps)
    try:
        info = os.fstat(fd)
        if stamps is not None:
            stamps.file(path, info)
        read = _refusal(info, name) or _read_all(fd)
    except OSError as exc:
        read = why_not(exc)
    finally:
        os.close(fd)
    if not isinstance(read, bytes):
        return _fail(read, path, name, stamps)
    if stamps is not None:
        stamps.content(path, read)
    return read


_TOO_LARGE = f"larger than the {MAX_FILE_BYTES // 1024} KiB limit"


def _fail(why: str, path: str, name: str, stamps: Stamps | None) -> Diagnostic:
    if stamps is not None and path not in stamps.files:
        stamps.file(path)  # so that fixing it (chmod, a new target) is a change
    return Diagnostic(UNREADABLE, name, "", f"cannot read: {why}")


def _open(path: str, root: str) -> int | str:
    """A descriptor open on the file *path*, or why it cannot be opened."""
    try:
        target = path
        if _is_link(path):
            inside = _target_inside(path, os.path.realpath(root))
            if inside is None:
                return _LINK_OUT
            target = inside  # the real file: open it without following anything
        return os.open(target, _FLAGS)
    except FileNotFoundError:
        return "the file disappeared while reading the corpus"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        # ELOOP: O_NOFOLLOW met a link that was not there before
        return _LINK_OUT if exc.errno == errno.ELOOP else why_not(exc)
    except (ValueError, RuntimeError) as exc:  # a NUL in a name; a loop of links (3.10-3.12)
        return type(exc).__name__


def _refusal(info: os.stat_result, name: str) -> str | None:
    """Why the file opened, as *info* describes it, is not to be read; or None."""
    if stat.S_ISDIR(info.st_mode):  # see discover; or a file replaced by a folder
        return "a folder that cannot be listed" if name.endswith("/") else "a folder"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_FILE_BYTES:
        return _TOO_LARGE
    return None


def _read_all(fd: int) -> bytes | str:
    """Everything left in *fd*, or why not: it grew past the limit while we read it."""
    chunks: list[bytes] = []
    size = 0
    while chunk := os.read(fd, 65536):
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            return _TOO_LARGE
        chunks.append(chunk)
    return b"".join(chunks)


def why_not(exc: OSError) -> str:
    """An OS error in a few words: its description, without the file name it may carry."""
    return inert_line(exc.strerror or type(exc).__name__).lower()
