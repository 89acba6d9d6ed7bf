"""A corpus kept open while its files are edited: ``--watch`` and the browser's refresh.

:meth:`Watched.changed` is cheap enough to ask a few times a second. It is the cache's
own freshness check (``cachefile.open_file``: one ``stat`` of each file and folder the
cache was built from, compared with the stamps it keeps) and a look at the cache's
generation, so that an edit another process applied to the cache first (a ``brief
show`` in another pane) is noticed too. No corpus file is read until one changed; then
:meth:`Watched.reopen` opens the store as every command does: the edit applied in
place, or the cache rebuilt.

The generation is taken *before* the store is opened: a change made meanwhile costs
one more reopening, never a missed one.

Files stamped less than ``cachefile.RACY_NS`` before a load read as changed until
they are older (the racily-clean rule, see ``cachefile``): for those few seconds after
an edit, each poll opens the store again (the edit applied in place, that file read
again), and the caller compares what it would draw with what it drew.

Without a usable cache (``BRIEF_NO_CACHE``, or a cache folder that cannot be written)
the load's own stamps are kept here, smudged by the same rule, and compared the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..corpus.layers import Layer
    from ..corpus.load import OnFile
    from .codec import Manifest
    from .protocol import Store


class Watched:
    """The corpus of some layers, and whether its files changed since it was opened."""

    def __init__(
        self, layers: Sequence[Layer], use_cache: bool = True, on_file: OnFile | None = None
    ) -> None:
        """Open the corpus of *layers* (from the cache unless *use_cache* is off);
        *on_file* is told the progress of this first load of every file, if one is made
        (not of later ones: a progress display is over by then)."""
        from .cachefile import cache_file

        self._layers = list(layers)
        self._on_file = on_file
        self._path: str | None = cache_file(self._layers) if use_cache else None
        self._generation = b""
        self._manifest: Manifest | None = None
        self.store: Store = self.reopen()
        """The corpus as last opened."""
        self._on_file = None

    def reopen(self) -> Store:
        """Open the corpus again (after :meth:`changed` said so): the new :attr:`store`."""
        if self._path is not None:
            from . import open_store

            before = _generation(self._path)
            store = open_store(self._layers, True, self._on_file)
            if before is not None or _generation(self._path) is not None:
                self._generation = before or b""
                self.store = store
                return store
            self._path = None  # no cache can be kept: watch the load's own stamps
        self.store = self._loaded()
        return self.store

    def _loaded(self) -> Store:
        import time

        from ..corpus.stamps import Stamps
        from .build import build
        from .cachefile import smudged
        from .codec import manifest_of

        stamps = Stamps()
        began = time.time_ns()
        store = build(self._layers, None, self._on_file, stamps)
        self._manifest = manifest_of(*smudged(stamps.folders, stamps.files, began))
        return store

    def changed(self) -> bool:
        """Whether a corpus file or folder (or the cache) changed since :attr:`store`
        was opened: a ``stat`` of each, nothing read."""
        from .cachefile import changes, open_file

        if self._path is None:
            assert self._manifest is not None
            folders, files = changes(self._manifest)
            return bool(folders or files)
        opened = open_file(self._path)
        if opened is None:
            return True  # removed, or damaged: opening the store again rebuilds it
        try:
            return not opened.fresh or opened.generation != self._generation
        finally:
            opened.con.close()


def _generation(path: str) -> bytes | None:
    """The generation of the cache at *path*, None if there is no usable one."""
    from .cachefile import open_file

    opened = open_file(path, check=False)
    if opened is None:
        return None
    opened.con.close()
    return opened.generation
