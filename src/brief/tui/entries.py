"""The sidebar's entries and how a filter narrows them: plain data, no textual.

Kept apart from the widgets so the per-keystroke work is one cheap pass over
precomputed keys (substring tests on normalised names, aliases included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.index import Index
from ..core.names import normalise

#: The sidebar's groups, in order: kind, heading.
GROUPS: tuple[tuple[str, str], ...] = (
    ("topic", "Topics"),
    ("actor", "Actors"),
    ("source", "Sources"),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One topic, actor or source as the sidebar lists it."""

    id: str
    kind: str
    """``topic``, ``actor`` or ``source``."""
    title: str
    keys: str
    """Normalised id, title and aliases, one per line: what a filter is matched against."""


def entries(index: Index) -> list[Entry]:
    """Every entry of *index*, grouped by kind, each group in corpus order."""
    corpus = index.corpus
    out: list[Entry] = []
    for kind, items in (("topic", corpus.topics), ("actor", corpus.actors)):
        for item in items:
            names = (item.id, item.title, *item.aliases)
            out.append(Entry(item.id, kind, item.title, "\n".join(map(normalise, names))))
    for source in corpus.sources:
        keys = "\n".join((normalise(source.id), normalise(source.title)))
        out.append(Entry(source.id, "source", source.title, keys))
    return out


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
