"""Where commands read the corpus from: the SQLite cache, or a load in this process.

``open_store`` gives a :class:`Store`: a ``CachedStore`` over a fresh cache file, or a
``LiveStore`` over a load made in this process (which then writes the cache). The
modules, from the top: ``live`` and ``cached`` (the stores),
``build`` (a cache from a load), ``watching`` (a corpus kept open while it is
edited), ``incremental`` and ``changed`` (an edit applied in
place), ``read`` (rows back into a corpus), ``lookup`` (names and tags without the
index), ``search`` (full text), ``cachefile``
(where, locking, freshness), ``codec`` (every stored layout; ``claimgroup`` the claims',
``filerecord`` each file's) and ``sql`` (every statement).

Imports ``views``, ``corpus`` and ``core``; never click, rich or textual.

Opening is here, in the face, as every command does it first: one module fewer for
a warm start to import.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, overload

from ..faces import public_names

__all__ = [
    "CachedStore",
    "Corrupt",
    "Edited",
    "LiveStore",
    "Outcome",
    "Store",
    "Watched",
    "apply_edits",
    "cache_dir",
    "cache_file",
    "match_expression",
    "open_cached",
    "open_store",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py). None is named like a
# module of the package, which importing that module would replace (``store.build``,
# ``store.search`` are modules).
_WHERE = {
    "Store": "protocol",
    "LiveStore": "live",
    "CachedStore": "cached",
    "cache_file": "cachefile",
    "cache_dir": "cachefile",
    "Corrupt": "codec",
    "Outcome": "incremental",
    "Edited": "incremental",
    "apply_edits": "incremental",
    "match_expression": "search",
    "Watched": "watching",
}


__getattr__ = public_names(__name__, _WHERE)


if TYPE_CHECKING:
    from ..corpus.layers import Layer
    from ..corpus.load import OnFile
    from .cached import CachedStore
    from .cachefile import Opened, cache_dir, cache_file
    from .codec import Corrupt
    from .incremental import Edited, Outcome, apply_edits
    from .live import LiveStore
    from .protocol import Store
    from .search import match_expression
    from .watching import Watched

#: Past this many changed files, rebuilding is simpler than applying each edit.
MAX_EDITS = 20


@overload
def open_store(
    layers: Sequence[Layer], use_cache: bool = True, on_file: OnFile | None = None
) -> Store: ...


@overload
def open_store(
    layers: Sequence[Layer], use_cache: bool, on_file: OnFile | None, rebuild: Literal[False]
) -> Store | None: ...


def open_store(
    layers: Sequence[Layer],
    use_cache: bool = True,
    on_file: OnFile | None = None,
    rebuild: bool = True,
) -> Store | None:
    """The corpus of *layers*: from the cache, brought up to date if need be, else loaded.

    A cache that is missing, unreadable or corrupt is rebuilt silently; an edit to a
    few files is applied in place (see ``incremental``); anything else rebuilds it.
    *on_file* is told the progress of a load of every file, if one is made (see
    ``corpus.load.load``). Without *rebuild*, None where a load of every file would be
    made (no cache, or one an edit cannot bring up to date): for a caller that has a
    cheaper way than a rebuild to answer its one question.
    """
    if not use_cache:
        return _loaded(layers, None, on_file) if rebuild else None
    from .cachefile import cache_file, open_file

    path = cache_file(layers)
    opened = open_file(path)
    if opened is not None:
        if opened.fresh:
            return _cached(path, opened, layers)
        opened.con.close()
        if len(opened.files) <= MAX_EDITS:
            edited = _edited(path, layers, opened)
            if edited is not None:
                return edited
    return _loaded(layers, path, on_file) if rebuild else None


def _loaded(layers: Sequence[Layer], path: str | None, on_file: OnFile | None) -> LiveStore:
    from .build import build  # the loader: only for a cold start or a rebuild

    return build(layers, path, on_file)


def open_cached(path: str) -> CachedStore | None:
    """The store in *path* if it exists, is whole and nothing it covers has changed."""
    from .cachefile import open_file

    opened = open_file(path)
    if opened is None:
        return None
    if not opened.fresh:
        opened.con.close()
        return None
    return _cached(path, opened)


def _edited(path: str, layers: Sequence[Layer], opened: Opened) -> CachedStore | None:
    """The cache after the edits *opened* found, applied in place; None to rebuild it.

    Only errors that mean "this cache cannot be used" lead to a rebuild: SQLite's, the
    disk's, or a record that does not read back. Any other is a bug, and propagates.
    """
    import sqlite3

    from .cachefile import open_file
    from .codec import Corrupt
    from .incremental import Outcome, apply_edits

    try:
        outcome = apply_edits(path, layers, opened).outcome
    except (sqlite3.Error, OSError, Corrupt):
        return None
    if outcome is Outcome.DECLINED:
        return None
    # Just applied, the cache holds what this run saw: no need to look again. Raced,
    # another process brought it up to date, or not: look again.
    again = open_file(path, check=outcome is not Outcome.APPLIED)
    if again is None:
        return None
    if not again.fresh:
        again.con.close()
        return None
    return _cached(path, again, layers)


def _cached(path: str, opened: Opened, layers: Sequence[Layer] = ()) -> CachedStore:
    from .cached import CachedStore

    return CachedStore(opened.con, path, opened.generation, opened.warnings, layers)
