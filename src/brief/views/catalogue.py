"""Every entry of a corpus by its names: what a browser lists and filters.

Topics first, then actors, then sources, each by title as ``brief list`` orders them
(:func:`by_title`, which the listings use too), so that a list drawn from it reads
as ``brief list`` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from ..core.kinds import Kind, kind_of
from ..core.names import natural_key

if TYPE_CHECKING:
    from ..core.index import Named

#: The kinds of entry, in the order a catalogue lists them.
ORDER: tuple[Kind, ...] = (Kind.TOPIC, Kind.ACTOR, Kind.SOURCE)


class Titled(Protocol):
    """Anything listed by its title: a topic, actor or source, or its :class:`EntryName`."""

    @property
    def title(self) -> str: ...


T = TypeVar("T", bound=Titled)


def by_title(entries: Iterable[T]) -> list[T]:
    """*entries* in the order ``brief list`` lists them: by title, case folded and numbers
    as numbers (``Zulu 9`` before ``Zulu 10``); equal titles in the order given."""
    return sorted(entries, key=lambda e: natural_key(e.title))


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
    """*items* (in corpus order) as entry names, grouped by kind in :data:`ORDER`, each
    kind :func:`by_title`."""
    names = [
        EntryName(kind_of(item), item.id, item.title, tuple(getattr(item, "aliases", ())))
        for item in items
    ]
    return tuple(e for kind in ORDER for e in by_title(n for n in names if n.kind is kind))
