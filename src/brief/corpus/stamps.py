"""Stamps of corpus folders and files: how the cache tells that anything changed.

Kept apart from the reader, which this module serves, because a warm start checks
every stamp and must not pay for the reader's imports (pathlib, the sanitiser).
"""

from __future__ import annotations

import os


class Stamps:
    """What a load saw of each folder and file, so that a cache can tell when anything changed.

    A folder's stamp is taken before it is listed and a file's from the very descriptor
    it was read through, so an edit made during the load shows as a change next time.
    """

    def __init__(self) -> None:
        self.folders: dict[str, int] = {}
        self.files: dict[str, tuple[int, int, int]] = {}
        self.digests: dict[str, bytes] = {}
        """Each file read whole: a digest of the bytes read (see :func:`digest`), so that a
        stamp too recent to trust can be trusted once the file is seen not to have changed
        (``store.cachefile.smudged``)."""

    def folder(self, path: str) -> None:
        self.folders[path] = stamp(path)[0]

    def file(self, path: str, info: os.stat_result | None = None) -> None:
        self.files[path] = stamp(path) if info is None else _stamp(info)

    def content(self, path: str, data: bytes) -> None:
        """Note the bytes of the file *path* as read (after its stamp was taken)."""
        self.digests[path] = digest(data)


def digest(data: bytes) -> bytes:
    """A digest of a file's bytes: BLAKE2b, 16 bytes (one in 2**128 to take an edit for none)."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).digest()


def _stamp(info: os.stat_result) -> tuple[int, int, int]:
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size)


def stamp(path: str) -> tuple[int, int, int]:
    """Modification time, change time (chmod too) and size; ``-1``s if it cannot be seen."""
    try:
        return _stamp(os.stat(path))
    except (OSError, ValueError):
        return (-1, -1, -1)
