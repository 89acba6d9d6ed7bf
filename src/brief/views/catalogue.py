"""Every entry of a corpus by its names: what a browser lists and filters.

Topics first, then actors, then sources, each in corpus order (the order the files
define them), so that a list drawn from it reads as ``brief list`` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ..core.kinds import Kind, kind_of

if TYPE_CHECKING:
    from ..core.index import Named

#: The kinds of entry, in the order a catalogue lists them.
ORDER: tuple[Kind, ...] = (Kind.TOPIC, Kind.ACTOR, Kind.SOURCE)


class EntryName(NamedTuple):
    """One topic, actor or source, by the names a reader may look it up by."""

    kind: Kind
    """``topic``, ``actor`` or ``source``."""
    id: str
    """The entry's id."""
    title: str
    """Its title (an actor's name)."""
    aliases: tuple[str, ...]
    """Its other names, as written (sources have none)."""


def catalogue(items: Iterable[Named]) -> tuple[EntryName, ...]:
    """*items* (in corpus order) as entry names, grouped by kind in :data:`ORDER`."""
    names = [
        EntryName(kind_of(item), item.id, item.title, tuple(getattr(item, "aliases", ())))
        for item in items
    ]
    return tuple(sorted(names, key=lambda e: ORDER.index(e.kind)))  # stable: corpus order kept
