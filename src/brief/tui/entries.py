"""The sidebar's entries and how a filter narrows them: plain data, no textual.

Kept apart from the widgets so the per-keystroke work is one cheap pass over
precomputed keys (substring tests on normalised names, aliases included).
"""

from __future__ import annotations

import re
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
        found = [e for e in items if word in e.keys]
    else:
        found = [e for e in items if all(w in e.keys for w in words)]
    if found or sum(map(len, words)) < MIN_LOOSE:
        return found
    # none: each word's letters in order, as a name half remembered is typed (a
    # trial's `krus` for Khrushchev found nothing, where `brief show` suggested it)
    loose = [_in_order(w) for w in words]
    return [e for e in items if all(p.search(e.keys) for p in loose)]


#: The fewest letters a filter needs before, finding nothing as typed, it takes its
#: letters in order with others between (``krus``: Khrushchev); fewer match too much.
MIN_LOOSE = 4


def _in_order(word: str) -> re.Pattern[str]:
    """What finds the letters of *word* in their order in one line of an entry's keys,
    the first at the start of a word of it (``krus``: ``nikita-khrushchev``)."""
    first, *rest = (re.escape(c) for c in word)
    return re.compile(r"(?<![^\W_])" + first + "".join(f"[^\n]*?{c}" for c in rest))
