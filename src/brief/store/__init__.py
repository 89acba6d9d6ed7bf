"""Where commands read the corpus from: the SQLite cache, or a load in this process.

Imports ``views``, ``corpus`` and ``core``; never click, rich or textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "CachedStore",
    "LiveStore",
    "Store",
    "cache_dir",
    "cache_file",
    "match_expression",
    "open_store",
    "search",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py).
_WHERE = {
    "Store": "cache",
    "LiveStore": "cache",
    "CachedStore": "cache",
    "open_store": "cache",
    "cache_file": "cache",
    "cache_dir": "cache",
    "match_expression": "search",
    "search": "search",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .cache import CachedStore, LiveStore, Store, cache_dir, cache_file, open_store
    from .search import match_expression, search
