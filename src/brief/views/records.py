"""What a briefing or a listing contains, as plain immutable records.

Renderers (plain text, rich, Markdown, JSON, Textual) only lay these records out;
none of them decides which claims appear, in which order, with which citations.
That is decided once, in ``briefings``. This module imports nothing of the core so
that a cached briefing can be printed without loading the corpus.

The records are ``NamedTuple``s, not dataclasses: they are as immutable, and defining
them costs an eighth of the time at start-up, which a warm ``brief show`` pays on
every run (see benchmarks/). The model, built only on a cache miss, uses dataclasses.
"""

from __future__ import annotations

from typing import NamedTuple


class Reference(NamedTuple):
    """One numbered entry of a briefing's source list."""

    number: int
    source: str
    title: str
    section: str | None


class Point(NamedTuple):
    """A claim as a briefing shows it."""

    id: str
    text: str
    status: str
    note: str | None
    refs: tuple[int, ...]
    """Numbers into the briefing's references."""
    actors: tuple[str, ...]
    """Names of the actors to mention beside the text (those the heading does not imply)."""
    topic: str
    topic_title: str
    contested_by: tuple[Point, ...] = ()
    """Claims that contradict this one, each with its own citations."""
    above: bool = False
    """On a contradicting claim: it is shown in full earlier in the same briefing."""


class Section(NamedTuple):
    """A group of points under one heading (an actor or actors, or a topic)."""

    key: str
    title: str
    points: tuple[Point, ...]


class Link(NamedTuple):
    """Something a briefing points to: a related topic, say."""

    kind: str
    id: str
    title: str


class Briefing(NamedTuple):
    """Everything one ``brief show`` prints for a topic, an actor or a source."""

    kind: str
    id: str
    title: str
    summary: str
    facts: tuple[tuple[str, str], ...]
    """Short labelled facts shown under the title: aliases, tags, author, ..."""
    sections: tuple[Section, ...]
    related: tuple[Link, ...]
    references: tuple[Reference, ...]


class Row(NamedTuple):
    """One line of a listing."""

    id: str
    title: str
    detail: str


class Listing(NamedTuple):
    """What ``brief list`` prints: one kind of entry, filtered."""

    kind: str
    rows: tuple[Row, ...]


#: Marks around matched words in snippets; renderers turn them into highlights.
MARK_START, MARK_END = "\x02", "\x03"


class Hit(NamedTuple):
    """One search result: what matched, where to open it, and a snippet."""

    kind: str
    """``topic``, ``actor``, ``source`` or ``claim``."""
    id: str
    title: str
    """The topic's, actor's or source's title; for a claim, its topic's."""
    snippet: str
    """The matched text with each match between :data:`MARK_START` and :data:`MARK_END`."""
    opens: str
    """The id ``brief show`` opens for it (a claim opens its topic)."""
    score: float


class Results(NamedTuple):
    """What ``brief search`` prints."""

    query: str
    hits: tuple[Hit, ...]


def split_marks(snippet: str) -> list[tuple[str, bool]]:
    """*snippet* as ``(text, is_match)`` pieces, for renderers to highlight."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MARK_START)):
        if i == 0:
            pieces.append((part, False))
            continue
        match, _, rest = part.partition(MARK_END)
        pieces += [(match, True), (rest, False)]
    return [(text, hit) for text, hit in pieces if text]
