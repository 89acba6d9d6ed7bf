"""Find and read corpus files without trusting the file system.

A corpus folder may hold links out of the folder, FIFOs (reading one blocks
forever), devices (``/dev/zero`` never ends), directories named ``x.toml``, files
that vanish between listing and reading, and files we may not read. This module
turns each of those into a :class:`~brief.diagnostics.Diagnostic` instead of a hang
or a traceback.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .diagnostics import UNREADABLE, Diagnostic
from .sanitize import inert

#: Largest corpus file read, in bytes. A briefing note is a few KiB; this leaves room.
MAX_FILE_BYTES = 1024 * 1024


def display_name(label: str, rel: str) -> str:
    """The name a message uses for a file: its layer's label joined to its relative path."""
    return inert(f"{label}/{rel}" if label else rel)


def discover(root: Path, folders: list[str] | None = None) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, relative name)`` for every ``*.toml`` file under *root*, sorted.

    Hidden entries are skipped. Directories reached through links are entered only
    when they resolve inside *root*, and each real directory only once (no loops).
    Each folder walked is appended to *folders*, if given (the cache watches them).
    """
    try:
        real_root = root.resolve(strict=True)
    except OSError:
        return
    seen: set[str] = set()

    def walk(folder: Path, rel: str) -> Iterator[tuple[Path, str]]:
        try:
            real = os.path.realpath(folder)
        except OSError:  # pragma: no cover - realpath rarely fails
            return
        if real in seen:
            return
        seen.add(real)
        if folders is not None:
            folders.append(str(folder))
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_dir = entry.is_dir()  # follows links; the link target is checked below
            except OSError:
                is_dir = False
            if is_dir:
                if entry.is_symlink() and not _inside(Path(entry.path), real_root):
                    continue
                yield from walk(Path(entry.path), child_rel)
            elif entry.name.endswith(".toml"):
                yield Path(entry.path), child_rel

    yield from walk(root, "")


def _inside(path: Path, real_root: Path) -> bool:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling link, or a loop of links
        return False
    return target == real_root or real_root in target.parents


def read_bytes(path: Path, root: Path, name: str) -> bytes | Diagnostic:
    """Read one corpus file safely, or say in one diagnostic why it cannot be read."""

    def fail(why: str) -> Diagnostic:
        return Diagnostic(UNREADABLE, name, "", f"cannot read: {why}")

    try:
        if path.is_symlink() and not _inside(path, root.resolve()):
            return fail("a symbolic link that leaves the corpus folder or leads nowhere")
        # O_NONBLOCK: opening a FIFO with no writer must not hang; we reject it below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return fail("the file disappeared while reading the corpus")
    except PermissionError:
        return fail("permission denied")
    except OSError as exc:
        return fail(exc.strerror or type(exc).__name__)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return fail("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            return fail(f"larger than the {MAX_FILE_BYTES // 1024} KiB limit")
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_FILE_BYTES:  # it grew while we read it
                return fail(f"larger than the {MAX_FILE_BYTES // 1024} KiB limit")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        return fail(exc.strerror or type(exc).__name__)
    finally:
        os.close(fd)
