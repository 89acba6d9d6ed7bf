"""``brief tui``: a Textual browser over the same views the CLI prints.

Only this package imports textual, and the CLI imports it only inside the ``tui``
command. Start it with :func:`make_app` (as ``brief tui`` and the tests do).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..faces import public_names

__all__ = [
    "BriefApp",
    "make_app",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py).
_WHERE = {
    "BriefApp": "app",
    "make_app": "app",
}


__getattr__ = public_names(__name__, _WHERE)


if TYPE_CHECKING:
    from .app import BriefApp, make_app
