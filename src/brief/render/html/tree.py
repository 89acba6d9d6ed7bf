"""Writing an export's pages into a folder, and nowhere else, so that Ctrl-C cannot leave
a half-written site that looks finished.

The pages are first written whole into a hidden folder inside the target; only then
are they renamed into place (each rename is atomic), the index last and the marker
file after it, with Ctrl-C held off meanwhile. The marker says the folder is an
export and lists its pages, so that a later export may replace them (and remove those
whose entries have gone) without touching anything else in the folder.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

#: The marker file: its first line says what wrote the folder, the rest are its pages.
MARKER = ".brief-export"
_HEADER = "brief export: the files below are written by brief and replaced by its next export"
#: The staging folder's prefix (hidden: a half-written site is not a site).
_STAGING = ".brief-export-partial-"


class ExportRefused(Exception):
    """The folder cannot be written: it holds other files, or is not a folder."""


def previous_pages(target: Path) -> list[str] | None:
    """The pages a previous export wrote in *target*, or None if none did."""
    try:
        lines = (target / MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or lines[0] != _HEADER:
        return None
    return [name for name in lines[1:] if _plain(name)]


def _plain(name: str) -> bool:
    """Whether *name* is a file name of this folder: no separator, not ``.``/``..``."""
    return bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name


def check_target(target: Path, force: bool) -> list[str]:
    """Why *target* cannot take an export (raised), else the pages a previous one left."""
    if target.exists() and not target.is_dir():
        raise ExportRefused(f"{target}: not a folder")
    if not target.exists():
        return []
    previous = previous_pages(target)
    if previous is not None:
        return previous
    others = [p for p in target.iterdir() if not p.name.startswith(_STAGING)]
    if others and not force:
        raise ExportRefused(
            f"{target}: the folder is not empty and not a previous export "
            "(use --force to write into it anyway)"
        )
    return []


@contextlib.contextmanager
def _held_interrupt() -> Iterator[None]:
    """Ctrl-C waits until the block ends, then acts (in the main thread only)."""
    try:
        previous = signal.getsignal(signal.SIGINT)
        caught: list[int] = []
        signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    except ValueError:  # not the main thread: nothing to hold
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def _move(staged: Path, final: Path) -> None:
    """Rename *staged* to *final*; an error names *final*, not the staging folder."""
    try:
        os.replace(staged, final)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(final)) from None


def write_tree(pages: Iterable[tuple[str, str]], target: Path, force: bool = False) -> int:
    """Write *pages* (file name and text, as they come; the index last) into the folder
    *target*; the number of pages written. Raises :class:`ExportRefused` when *target*
    holds files that are not a previous export's, unless *force*."""
    previous = check_target(target, force)
    made = not target.exists()
    target.mkdir(parents=True, exist_ok=True)
    try:
        return _write(pages, target, previous)
    except BaseException:
        if made:  # a folder this export made, left empty by what stopped it: gone too
            with contextlib.suppress(OSError):
                target.rmdir()
        raise


def _write(pages: Iterable[tuple[str, str]], target: Path, previous: list[str]) -> int:
    """:func:`write_tree`'s work, into the folder *target* that is there, holding the
    pages of the *previous* export, if any."""
    staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=target))
    names: list[str] = []
    try:
        for name, text in pages:  # each written as it comes: one page held at a time
            if not _plain(name) or name == MARKER or name.startswith(_STAGING):
                raise ValueError(f"an export's pages must be plain file names: {name!r}")
            if (staging / name).exists():
                raise ValueError(f"two pages of the export are named {name!r}")
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
            names.append(name)
        marker = "\n".join([_HEADER, *names]) + "\n"
        (staging / MARKER).write_text(marker, encoding="utf-8")
        with _held_interrupt():
            for name in [*names, MARKER]:
                _move(staging / name, target / name)
            for gone in set(previous) - set(names):
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    (target / gone).unlink()
    finally:
        for left in staging.iterdir():
            left.unlink()
        staging.rmdir()
    return len(names)
