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

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.index import Index

#: A fact's value: one text, or a list of them (aliases, tags, sections).
FactValue = str | tuple[str, ...]


def fact_text(label: str, value: FactValue) -> str:
    """A fact's value as one line: a list joined with commas (a source's sections,
    headings that may hold commas, with semicolons)."""
    if isinstance(value, str):
        return value
    return ("; " if label == "sections" else ", ").join(value)


class Reference(NamedTuple):
    """One numbered entry of a briefing's source list."""

    number: int
    """What the points cite it by: ``[number]``, counted from 1 in order of first use."""
    source: str
    """The source's id."""
    title: str
    """The source's title."""
    section: str | None
    """The section of the source cited, or None for the whole source."""
    author: str | None = None
    """The source's author, when known."""
    year: str | None = None
    """The year of the source's date, when known."""
    publisher: str | None = None
    """Who published the source (format 2), when known: a citation names it after the
    author, as a journalist's does."""
    url: str | None = None
    """Where the source is, when the corpus says (its ``url``, as written): a briefing
    sent on keeps the way to its sources."""


class Quote(NamedTuple):
    """A citation's quote (format 2), as ``show --quotes`` prints it under its claim; or
    where in its section a citation points, when it gives a locator and no quote."""

    ref: int
    """The number of the reference it quotes."""
    text: str | None
    """The exact words quoted; None for a locator alone (``p. 214``)."""
    locator: str | None
    """Where in the section: ``p. 4``, ``para 2``; None when not given."""
    found: bool | None = None
    """Whether the source's text holds the words, as ``brief validate`` looks for them:
    False is a quote the text does not hold (``BRIEF017``), shown marked; None when not
    looked for (no words, a source with no text to look in, or a view not checked:
    see ``gradewords.checked_quotes``)."""


class Grade(NamedTuple):
    """How far to trust a claim, and who says it when (format 2); see ``views.grading``."""

    reliability: str | None
    """The reliability (``A``-``F``) of the first source it cites that has one."""
    credibility: int | None
    """The claim's credibility, ``1``-``6``."""
    likelihood: str | None
    """An assessment's likelihood, one of the seven ICD 203 terms."""
    confidence: str | None
    """An assessment's confidence: ``low``, ``moderate`` or ``high``."""
    by: str | None
    """Who makes or alleges it, as shown: an actor's name, or the text written."""
    by_id: str | None
    """The actor id ``by`` names, when it names one."""
    date: str | None
    """When its matter happened or held: a date, a year or ``start/end``."""
    quotes: tuple[Quote, ...] = ()
    """Its citations' quotes, only when asked for (``show --quotes``)."""


class Point(NamedTuple):
    """A claim as a briefing shows it."""

    id: str
    """The claim's id (an anchor to scroll to)."""
    text: str
    """The claim itself."""
    status: str
    """How firm it is: ``reported``, ``assessment``, ``alleged`` or ``disputed``."""
    note: str | None
    """The author's note on it, if any."""
    refs: tuple[int, ...]
    """Numbers into the briefing's references."""
    actors: tuple[str, ...]
    """Names of the actors to mention beside the text (those the heading does not imply)."""
    topic: str
    """The id of the topic the claim belongs to."""
    topic_title: str
    """That topic's title."""
    contested_by: tuple[Point, ...] = ()
    """Claims that contradict this one, each with its own citations."""
    above: bool = False
    """On a contradicting claim: it is shown in full earlier in the same briefing."""
    context: str = ""
    """On a contradicting claim: who it is about and, when it belongs to another topic
    than the one it is shown under, that topic (``China, in Sanctions``); may be empty."""
    grade: Grade | None = None
    """Its grades, author and date (format 2); None for a claim with none of them."""
    supported_by: tuple[Point, ...] = ()
    """Claims that support this one (their ``supports`` names it), each with its own
    citations, shown after its contradicting claims; ``above`` and ``context`` as there."""
    actor_ids: tuple[str, ...] = ()
    """The ids of the actors in :attr:`actors`, in the same order (JSON gives both)."""
    beside: bool = False
    """Whether :attr:`actors` are the others beside the actor the claim is shown under
    (``with`` them, in a briefing grouped by actor), not every actor it is about
    (``about`` them: a timeline, a source's claims)."""


class Section(NamedTuple):
    """A group of points under one heading (an actor or actors, or a topic)."""

    key: str
    """The id of the actor or topic the heading names; empty for "General"."""
    title: str
    """The heading."""
    points: tuple[Point, ...]
    """The claims under it, in the order shown."""


class Link(NamedTuple):
    """Something a briefing points to: a related topic, say."""

    kind: str
    """What it points to: ``topic``, ``actor`` or ``source`` (see ``core.kinds``)."""
    id: str
    """The id it opens."""
    title: str
    """Its title or name."""


class Relation(NamedTuple):
    """One relation of an actor, as its briefing lists it near the top (format 2)."""

    words: str
    """How it reads from this actor: ``shields``, ``shielded by``, ``trades with``."""
    kind: str
    """The relation's name (``shields``; see ``core.relations``)."""
    other: str
    """The id of the actor at its other end."""
    other_title: str
    """That actor's name."""
    claims: tuple[str, ...]
    """The ids of the claims that state it, in corpus order."""
    contested: bool
    """Whether one of those claims is contested (``views.contest``): disputed, or
    contradicted by a claim the corpus does not doubt."""


class Briefing(NamedTuple):
    """Everything one ``brief show`` prints for a topic, an actor or a source."""

    kind: str
    """``topic``, ``actor`` or ``source`` (see ``core.kinds``)."""
    id: str
    """The entry's id."""
    title: str
    """Its title (an actor's name)."""
    summary: str
    """The paragraph under the title: a summary, a description or a source's byline."""
    facts: tuple[tuple[str, FactValue], ...]
    """Short labelled facts shown under the title: aliases, tags, author, ...; a fact
    that is a list (aliases, tags, a source's sections) is a tuple, shown joined
    (:func:`fact_text`) and given as a list in JSON."""
    sections: tuple[Section, ...]
    """The claims, grouped under headings; empty when there are none yet."""
    related: tuple[Link, ...]
    """Entries to go on to: a topic's related topics, the topics an actor or source is in."""
    related_heading: str
    """What :attr:`related` is headed: ``Related topics`` or ``Topics``."""
    references: tuple[Reference, ...]
    """The sources the points cite, in order of number."""
    left_out: int = 0
    """How many claims of this topic (about this actor, citing this source) the corpus
    has but could not use, for their own problems or a topic or citation that cannot
    be used: the briefing ends by saying so (see ``wording.left_out_line``)."""
    relations: tuple[Relation, ...] = ()
    """An actor's relations (format 2's ``relation``), its own first, then those others
    state to it; listed under the facts. Empty for a topic or a source."""
    minimum: str = ""
    """The minimum grade its claims were kept by (``show --min-grade B3``), as written;
    empty when none was given (see ``mingrade.at_least``)."""
    below: int = 0
    """How many of its claims that minimum left out: below it, or ungraded."""
    unread: tuple[str, ...] = ()
    """The corpus files that could not be read whose text names this entry (its id, as
    a quoted value): what they say of it is missing, and the briefing ends by saying so
    (see ``wording.unread_line``)."""
    skipped: tuple[str, ...] = ()
    """The other corpus files that could not be read: what they define is missing from
    the corpus, so this page's claims may be shown without an actor or source of theirs
    (a trial's actors.toml, skipped for a syntax error, put every claim under
    "General" and nothing on the page said why). See ``wording.skipped_line``."""

    @property
    def missing(self) -> list[str]:
        """What the page ends by saying it is missing, a line each: the claims a
        minimum grade hid (:attr:`below`), its claims left out (:attr:`left_out`), the
        files that could not be read that name it (:attr:`unread`), and the others
        (:attr:`skipped`)."""
        from .wording import below_line, left_out_line, skipped_line, unread_line

        shown = any(s.points for s in self.sections)  # else no_claims_line says it
        said = (
            below_line(self.minimum, self.below) if shown else "",
            left_out_line(self.left_out, self.kind),
            unread_line(self.unread, self.kind),
            skipped_line(self.skipped),
        )
        return [line for line in said if line]

    @property
    def no_claims_line(self) -> str:
        """What a briefing with no claims to show says: ``No claims yet.``; ``No claims
        to show.`` when some were left out (the line after it says how many); or, when
        a minimum grade left every one out, ``No claims graded A1 or better (5 below it
        or ungraded).``"""
        if self.minimum and self.below:
            return f"No claims graded {self.minimum} or better ({self.below} below it or ungraded)."
        return "No claims to show." if self.left_out or self.unread else "No claims yet."


class Row(NamedTuple):
    """One line of a listing."""

    id: str
    """The id (or, listing tags, the normalised tag): what piped output prints."""
    title: str
    """The title or name."""
    detail: str
    """A short description: a topic's tags, an actor's description, a source's kind, ..."""
    layer: str = ""
    """The label of the layer that defines it (``[bundled]`` or a corpus folder), when
    the listing is long or lists names; empty otherwise."""
    overrides: tuple[str, ...] = ()
    """The labels of earlier layers that define an entry with the same id, which this
    one replaces (a long listing only)."""
    kind: str = ""
    """Listing names: the kind of entry the name reaches (``topic``, ``actor``, ``source``)."""
    reaches: str = ""
    """Listing names: the id of the entry the name reaches."""


class Listing(NamedTuple):
    """What ``brief list`` prints: one kind of entry, filtered."""

    kind: str
    """``topics``, ``actors``, ``sources``, ``tags`` or ``names``."""
    rows: tuple[Row, ...]
    """The entries by title (case folded, numbers as numbers); tags and names by name."""
    long: bool = False
    """Whether to show the layer each entry comes from (``brief list --long``)."""


#: Marks around matched words in snippets; renderers turn them into highlights.
MARK_START, MARK_END = "\x02", "\x03"


class Hit(NamedTuple):
    """One search result: what matched, where to open it, and a snippet."""

    kind: str
    """``topic``, ``actor``, ``source`` or ``claim``."""
    id: str
    """The id of what matched (a claim's own id)."""
    title: str
    """The topic's, actor's or source's title; for a claim, its topic's."""
    snippet: str
    """The matched text with each match between :data:`MARK_START` and :data:`MARK_END`."""
    opens: str
    """The id ``brief show`` opens for it (a claim opens its topic)."""
    score: float
    """How well it matched: higher is better (only the order is meaningful)."""


class Results(NamedTuple):
    """What ``brief search`` prints."""

    query: str
    """The words searched for, as typed."""
    hits: tuple[Hit, ...]
    """The results, best first."""


class LeftOut(NamedTuple):
    """An entry a query named that has claims the corpus holds but could not use."""

    kind: str
    """``topic``, ``actor`` or ``source``; ``corpus`` for every claim (no entry named)."""
    id: str
    """Its id; empty for the corpus."""
    name: str
    """How a line names it: a topic's title, an actor's name, a source's id."""
    claims: int
    """How many of its claims (of the topic, about the actor, citing the source) were
    left out, for their own problems or for a reference that cannot be used."""

    @property
    def line(self) -> str:
        """``2 claims about China were left out (see brief validate)``
        (``wording.left_out_of``)."""
        from .wording import left_out_of

        return left_out_of(self.kind, self.name, self.claims)


def left_out_entries(index: Index, named: Sequence[str]) -> tuple[LeftOut, ...]:
    """Each entry of *named* (ids), once, with claims left out; when none is named (a
    view of every claim), the corpus, as kind ``corpus``, if any claim was left out."""
    if not named:
        total = index.corpus.claims_left_out
        return (LeftOut("corpus", "", "the corpus", total),) if total else ()
    out = []
    for ident in dict.fromkeys(named):
        count = index.corpus.left_out.get(ident, 0)
        if count:
            kind, entry = index.kind(ident).value, index.entry(ident)
            name = entry.id if kind == "source" else entry.title
            out.append(LeftOut(kind, ident, name, count))
    return tuple(out)


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
