"""The corpus as immutable records: what a loaded, validated corpus holds.

Everything here is plain data. Strings are already made inert by the loader
(see ``sanitize``), so renderers may print them as they are. This module imports
neither rich, textual nor click.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How firm a claim is. Order matters: it is the order the docs list them in.
STATUSES: tuple[str, ...] = ("reported", "assessment", "alleged", "disputed")
#: Kinds of source a corpus may cite.
SOURCE_KINDS: tuple[str, ...] = (
    "article",
    "report",
    "book",
    "statement",
    "dataset",
    "interview",
    "other",
)
#: The corpus format versions this release reads.
FORMAT_VERSIONS: tuple[int, ...] = (1,)


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject a briefing is written about."""

    id: str
    title: str
    summary: str
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    file: str = ""
    """The corpus file that defined it, for messages."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, organisation or person that claims are about."""

    id: str
    name: str
    description: str
    aliases: tuple[str, ...] = ()
    file: str = ""

    @property
    def title(self) -> str:
        """The name, under the attribute topics and sources use, so all three read alike."""
        return self.name


@dataclass(frozen=True, slots=True)
class Source:
    """A document that claims cite, with the sections they may cite."""

    id: str
    title: str
    kind: str
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sections: tuple[str, ...] = ()
    file: str = ""


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a claim comes from: a source and, if it has sections, one of them."""

    source: str
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement, tied to a topic, the actors it is about and its citations."""

    id: str
    text: str
    topic: str
    actors: tuple[str, ...]
    cites: tuple[Citation, ...]
    status: str = "reported"
    contradicts: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    note: str | None = None
    file: str = ""


@dataclass(frozen=True, slots=True)
class Corpus:
    """A merged, fully resolved corpus: every reference in it points at an entry in it."""

    topics: tuple[Topic, ...] = ()
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
