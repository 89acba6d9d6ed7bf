"""The sidebar's entries and how a filter narrows them: plain data, no textual.

Kept apart from the widgets so the per-keystroke work is one cheap pass over
precomputed keys (substring tests on normalised names, aliases included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.kinds import Kind
from ..core.names import normalise
from ..views.catalogue import EntryName

#: The sidebar's groups, in order: kind, heading.
GROUPS: tuple[tuple[Kind, str], ...] = (
    (Kind.TOPIC, "Topics"),
    (Kind.ACTOR, "Actors"),
    (Kind.SOURCE, "Sources"),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One topic, actor or source as the sidebar lists it."""

    id: str
    """The entry's id: what choosing it opens."""
    kind: Kind
    """``topic``, ``actor`` or ``source``."""
    title: str
    """Its title (an actor's name)."""
    keys: str
    """Normalised id, title and aliases, one per line: what a filter is matched against."""


def entries(names: Sequence[EntryName]) -> list[Entry]:
    """The store's catalogue (``Store.catalogue``) as the sidebar lists it, in its order."""
    return [
        Entry(e.id, e.kind, e.title, "\n".join(map(normalise, (e.id, e.title, *e.aliases))))
        for e in names
    ]


def query_words(query: str) -> list[str]:
    """The normalised words of a filter query; empty words (punctuation only) dropped."""
    return [word for word in map(normalise, query.split()) if word]


def matching(items: Sequence[Entry], query: str) -> list[Entry]:
    """The entries every word of *query* occurs in (case and punctuation ignored)."""
    words = query_words(query)
    if not words:
        return list(items)
    if len(words) == 1:
        word = words[0]
        return [e for e in items if word in e.keys]
    return [e for e in items if all(w in e.keys for w in words)]
