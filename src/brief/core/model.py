"""The corpus as immutable records: what a loaded, validated corpus holds.

Everything here is plain data. Strings are already made inert by the loader
(see ``sanitize``), so renderers may print them as they are. This module imports
neither rich, textual nor click.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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
FORMAT_VERSIONS: tuple[int, ...] = (1, 2)
#: A source's reliability, the Admiralty (NATO) code: A completely reliable ... F cannot be judged.
RELIABILITY: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
#: A claim's credibility, the Admiralty (NATO) code: 1 confirmed ... 6 cannot be judged.
CREDIBILITY: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
#: An assessment's likelihood: the seven terms of ICD 203, least likely first.
LIKELIHOODS: tuple[str, ...] = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)
#: An assessment's confidence, kept apart from its likelihood (ICD 203).
CONFIDENCES: tuple[str, ...] = ("low", "moderate", "high")


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject a briefing is written about."""

    id: str
    """Its id: lowercase letters, digits and hyphens; shared with actors and sources."""
    title: str
    """The briefing's heading."""
    summary: str
    """A few sentences for a reader in a hurry."""
    aliases: tuple[str, ...] = ()
    """Other names a reader might type for it."""
    tags: tuple[str, ...] = ()
    """Free labels, for ``brief list --tag``."""
    related: tuple[str, ...] = ()
    """Ids of related topics."""
    file: str = ""
    """The corpus file that defined it, for messages."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, organisation or person that claims are about."""

    id: str
    """Its id; shared with topics and sources."""
    name: str
    """Its display name (``North Korea``)."""
    description: str
    """One line saying who this is."""
    aliases: tuple[str, ...] = ()
    """Other names a reader might type for it."""
    file: str = ""
    """The corpus file that defined it, for messages."""

    @property
    def title(self) -> str:
        """The name, under the attribute topics and sources use, so all three read alike."""
        return self.name


@dataclass(frozen=True, slots=True)
class Source:
    """A document that claims cite, with the sections they may cite."""

    id: str
    """Its id; shared with topics and actors."""
    title: str
    """The source's own title."""
    kind: str
    """What it is: one of :data:`SOURCE_KINDS`."""
    author: str | None = None
    """Who wrote it, when known."""
    date: str | None = None
    """When it appeared: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    url: str | None = None
    """Where it is, shown as text and never opened."""
    sections: tuple[str, ...] = ()
    """The headings claims may cite; when there are any, every citation names one."""
    file: str = ""
    """The corpus file that defined it, for messages."""
    reliability: str | None = None
    """Format 2: how reliable the source is, ``A`` to ``F`` (:data:`RELIABILITY`)."""
    publisher: str | None = None
    """Format 2: who published it."""
    retrieved: str | None = None
    """Format 2: when the copy cited was read, as :attr:`date` is written."""
    text: str | None = None
    """Format 2: a local copy of its text, relative to the corpus file, for quote checks."""
    note: str | None = None
    """Format 2: an editor's note on the source: why it is graded so, what it is for."""


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a claim comes from: a source and, if it has sections, one of them."""

    source: str
    """The id of the source cited."""
    section: str | None = None
    """The section cited, spelled as the source spells it; None if the source has none."""
    quote: str | None = None
    """Format 2: the exact words of the source that back the claim."""
    locator: str | None = None
    """Format 2: where in the section: a page, a paragraph, a minute."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement, tied to a topic, the actors it is about and its citations."""

    id: str
    """Its id, unique among claims (claims have their own namespace)."""
    text: str
    """The statement itself."""
    topic: str
    """The id of the topic whose briefing it belongs to."""
    actors: tuple[str, ...]
    """Ids of the actors it is about, subject first; empty for a general claim."""
    cites: tuple[Citation, ...]
    """Where it comes from: at least one citation."""
    status: str = "reported"
    """How firm it is: one of :data:`STATUSES`."""
    contradicts: tuple[str, ...] = ()
    """Ids of claims it contradicts (shown both ways)."""
    supports: tuple[str, ...] = ()
    """Ids of claims it backs up."""
    note: str | None = None
    """An editor's note; every ``disputed`` claim has one saying why."""
    file: str = ""
    """The corpus file that defined it, for messages."""
    credibility: int | None = None
    """Format 2: how credible the information is, ``1`` to ``6`` (:data:`CREDIBILITY`)."""
    by: str | None = None
    """Format 2: who makes or alleges it: an actor id or a short text."""
    date: str | None = None
    """Format 2: when what it says happened or held: a date, a year, or ``1950/1953``."""
    likelihood: str | None = None
    """Format 2, assessments only: one of :data:`LIKELIHOODS`."""
    confidence: str | None = None
    """Format 2, assessments only: one of :data:`CONFIDENCES`."""
    relation: str | None = None
    """Format 2: the relation it states, from each actor of :attr:`subjects` to each actor
    of :attr:`targets`: one of ``core.relations.NAMES`` (``shields``); None for a claim
    that states none."""
    relation_to: tuple[str, ...] = ()
    """Format 2: the actors its relation goes to, each one of its actors and none of its
    subjects (``("china",)``); empty for every other actor, or when it states none."""
    relation_from: tuple[str, ...] = ()
    """Format 2: the actors its relation goes from, each one of its actors (``("china",
    "russia")``); empty for its first actor alone, or when it states none."""

    @property
    def subjects(self) -> tuple[str, ...]:
        """The actors its relation goes from, each once: :attr:`relation_from` when
        given, else its first actor; () without a relation."""
        if self.relation is None:
            return ()
        return self.relation_from or self.actors[:1]

    @property
    def targets(self) -> tuple[str, ...]:
        """The actors its relation goes to, each once: :attr:`relation_to` when given,
        else every actor that is not a subject; () without a relation."""
        if self.relation is None:
            return ()
        if self.relation_to:
            return self.relation_to
        subjects = self.subjects
        return tuple(a for a in dict.fromkeys(self.actors) if a not in subjects)


@dataclass(frozen=True, slots=True)
class Corpus:
    """A merged, fully resolved corpus: every reference in it points at an entry in it."""

    topics: tuple[Topic, ...] = ()
    """Every topic, in load order (an entry replaced by a later layer keeps its place)."""
    actors: tuple[Actor, ...] = ()
    """Every actor, in load order."""
    sources: tuple[Source, ...] = ()
    """Every source, in load order."""
    claims: tuple[Claim, ...] = ()
    """Every claim, in load order."""
    left_out: Mapping[str, int] = field(default_factory=dict, hash=False)
    """For a topic, actor or source (by id), how many claims naming it (as their topic,
    an actor or a cited source) were left out: for their own problems, a topic or a
    citation that cannot be used, or a duplicate id. Entries with none are absent."""
    claims_left_out: int = 0
    """How many claims of the corpus's files were left out in all, for the same reasons:
    what a view of every claim (``brief claims``, a timeline of every topic) says it
    misses."""
