"""The commands by name, each module imported only when one of its commands is wanted.

``brief show`` needs the reading commands, not the authoring ones (which import the
editor's machinery) nor the analysis ones: importing every command module cost a warm
``brief show`` about 2 ms of its ~50. Listing the commands (help, completion, a
mistyped name's suggestion) imports them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _collections_abc import dict_items, dict_keys, dict_values

    import click

#: Each command's name and the module (in this package) that defines it in ``COMMANDS``.
#: ``tests/test_cli.py`` checks this table against the modules.
WHERE: dict[str, str] = {
    "show": "reading",
    "list": "reading",
    "compare": "reading",
    "search": "reading",
    "conflicts": "reading",
    "tui": "reading",
    "claims": "analysis",
    "timeline": "analysis",
    "source": "analysis",
    "graph": "graph",
    "paths": "admin",
    "validate": "admin",
    "help": "admin",
    "init": "authoring",
    "new": "authoring",
    "edit": "authoring",
    "where": "authoring",
    "schema": "authoring",
    "completion": "shell",
    "export": "publish",
}
MODULES: tuple[str, ...] = tuple(dict.fromkeys(WHERE.values()))


class LazyCommands(dict[str, "click.Command"]):
    """A group's ``commands``, filled a module at a time as names are asked for.

    Asking for one name (``get``, ``[]``, ``in``) imports only its module; anything
    that lists them (iterating, ``keys``, ``items``, ``len``) imports them all.
    """

    def __init__(self) -> None:
        super().__init__()
        self._pending = dict(WHERE)

    def _load(self, name: str) -> None:
        module = self._pending.get(name)
        if module is None:
            return
        found = __import__(f"{__package__}.{module}", fromlist=["COMMANDS"])
        for command in found.COMMANDS:
            super().__setitem__(command.name, command)
        self._pending = {n: m for n, m in self._pending.items() if m != module}

    def load_all(self) -> None:
        """Import every command module."""
        for module in MODULES:
            names = [n for n, m in self._pending.items() if m == module]
            if names:
                self._load(names[0])

    def get(self, name: str, default: click.Command | None = None) -> click.Command | None:  # type: ignore[override]
        self._load(name)
        return super().get(name, default)

    def __getitem__(self, name: str) -> click.Command:
        self._load(name)
        return super().__getitem__(name)

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self._load(name)
        return super().__contains__(name)

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return super().__iter__()

    def __len__(self) -> int:
        self.load_all()
        return super().__len__()

    def keys(self) -> dict_keys[str, click.Command]:
        self.load_all()
        return super().keys()

    def values(self) -> dict_values[str, click.Command]:
        self.load_all()
        return super().values()

    def items(self) -> dict_items[str, click.Command]:
        self.load_all()
        return super().items()
