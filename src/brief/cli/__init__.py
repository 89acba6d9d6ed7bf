"""The ``brief`` command line (click), and the entry point that answers ``--version`` first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..faces import public_names

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


__getattr__ = public_names(__name__, _WHERE)


if TYPE_CHECKING:
    from .entry import version_lines
    from .group import cli, main
