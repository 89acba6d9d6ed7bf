"""The ``brief`` command line (click), and the entry point that answers ``--version`` first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "cli",
    "main",
    "version_lines",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py).
_WHERE = {
    "cli": "group",
    "main": "group",
    "version_lines": "entry",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .entry import version_lines
    from .group import cli, main
