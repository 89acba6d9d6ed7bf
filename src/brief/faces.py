"""How each layer package shows its public names without importing its modules first.

A package's ``__init__`` lists its names in ``__all__`` and, in a table, the module of
each; ``__getattr__ = public_names(__name__, table)`` (PEP 562) imports a module the
first time one of its names is asked for, and keeps the name on the package. Importing
one module of a package so never imports its siblings: start-up time is the product's
speed (see tests/test_import_hygiene.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any


def public_names(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for *package*: each name in *where* from its module."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(__import__(f"{package}.{module}", fromlist=[name]), name)
        setattr(sys.modules[package], name, value)  # asked for once, kept
        return value

    return __getattr__
