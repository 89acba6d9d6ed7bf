"""``brief graph``: the relations among actors, decided once as nodes and edges.

A claim with a ``relation`` (format 2) states it from each of its subjects (those its
``relation_from`` names, or else ``actors[0]``) to the actors its ``relation_to`` names,
or else to each of its other actors; every claim
stating the same relation between the same two actors makes one edge, so every edge is
a set of sourced claims. A symmetric relation
(``trades-with``) makes one edge whichever of the two is written first. Only claims of
the loaded corpus take part: a claim left out, or in a skipped file, is in no edge.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..core.errors import NotFound, WrongKind
from ..core.index import Index
from ..core.kinds import Kind
from ..core.model import STATUSES, Claim
from ..core.names import natural_key
from ..core.relations import BY_NAME, NAMES
from .contest import contesting
from .mingrade import Minimum
from .records import LeftOut, Reference, left_out_entries


class Contester(NamedTuple):
    """A claim that contests a claim behind an edge."""

    id: str
    """Its id."""
    text: str
    """The claim itself."""
    topic: str
    """The id of its topic (where it is read)."""


class EdgeClaim(NamedTuple):
    """One claim behind an edge."""

    id: str
    """The claim's id (``brief claims`` and ``show`` find it by its topic)."""
    text: str
    """The claim itself."""
    topic: str
    """The id of its topic."""
    status: str
    """How firm it is: ``reported``, ``assessment``, ``alleged`` or ``disputed``."""
    grade: str
    """Its badge (``B2``, ``views.gradewords.badge``); empty when ungraded."""
    contested: bool
    """Whether it is contested (``views.contest``): ``disputed``, or contradicted by a
    claim the corpus does not doubt."""
    date: str | None = None
    """When its matter happened or held (a date, a year or ``start/end``); None if not said."""
    cites: tuple[Reference, ...] = ()
    """Each of its citations, in the claim's order, numbered into
    :attr:`Graph.references` as ``show`` numbers them (source, section, title, author,
    year)."""
    contested_by: tuple[Contester, ...] = ()
    """The claims that contest it (``views.contest.contesting``), in the order the
    corpus links them; empty for one contested only because it is ``disputed``."""
    by: str | None = None
    """Who makes or alleges it (format 2's ``by``), as shown: an actor's name or the
    text written; None if not said."""

    @property
    def refs(self) -> tuple[int, ...]:
        """Its citations' numbers as shown under it: each once, rising (``[1,2]``)."""
        from .briefings import rising

        return rising(c.number for c in self.cites)


class Edge(NamedTuple):
    """One relation between two actors, and the claims that state it."""

    subject: str
    """The id of the actor the relation goes from (for a symmetric one, the first by name)."""
    kind: str
    """The relation (``shields``), one of ``core.relations.NAMES``."""
    object: str
    """The id of the actor it goes to."""
    symmetric: bool
    """Whether it reads the same both ways (drawn without an arrow)."""
    claims: tuple[EdgeClaim, ...]
    """The claims stating it, in corpus order."""
    firmness: str
    """How firm those claims are, firmest status first: ``reported``, ``2 reported,
    1 alleged``."""
    grade: str
    """The best badge among them (``B2``); empty when none is graded."""
    contested: bool
    """Whether any of its claims is contested (``views.contest``)."""

    @property
    def words(self) -> str:
        """The relation as a sentence reads it: ``trades with``."""
        return BY_NAME[self.kind].words

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """The ids of its claims, in order."""
        return tuple(c.id for c in self.claims)


class Node(NamedTuple):
    """An actor in the picture."""

    id: str
    """The actor's id."""
    title: str
    """Its name."""


class Graph(NamedTuple):
    """What ``brief graph`` prints."""

    nodes: tuple[Node, ...]
    """The actors the edges join, by name."""
    edges: tuple[Edge, ...]
    """The edges, by subject's name, relation (in vocabulary order), then object's name."""
    filters: tuple[tuple[str, str], ...] = ()
    """Each filter given, resolved (``("actor", "china")``), in a fixed order."""
    references: tuple[Reference, ...] = ()
    """The sources the edges' claims cite, numbered in order of first use as the edges
    are listed (``show``'s numbering)."""
    long: bool = False
    """Whether to list each edge's claims under it in plain text and in a terminal
    (``brief graph --long``); the other formats always list them."""
    left_out: tuple[LeftOut, ...] = ()
    """The actors and topic named with claims left out, or the corpus when none is
    named: claims no edge can show (see ``records.left_out_entries``)."""
    dropped: int = 0
    """How many claims of the corpus lost the relation they state, an actor of it not
    usable (``BRIEF021``): kept, but drawing no edge. Counted from the corpus's problems
    by the command, for a picture of the whole corpus (0 with a filter)."""

    skipped: tuple[str, ...] = ()
    """The corpus files that could not be read: relations they state are missing (see
    ``wording.skipped_line``). Set by the command."""

    @property
    def missing(self) -> list[str]:
        """What the picture cannot show, a line each: the claims left out, the
        relations dropped, the files that could not be read."""
        from .wording import dropped_line, skipped_line

        said = [gone.line for gone in self.left_out]
        said += [dropped_line(self.dropped)] if self.dropped else []
        return said + ([skipped_line(self.skipped)] if self.skipped else [])

    @property
    def described(self) -> str:
        """The filters in words: ``actor 'china', relation 'shields'``."""
        return ", ".join(f"{key} {value!r}" for key, value in self.filters)

    def title_of(self, ident: str) -> str:
        """The name of the actor *ident* (its id when not a node)."""
        return next((n.title for n in self.nodes if n.id == ident), ident)

    def outgoing(self) -> list[tuple[Node, list[tuple[str, Edge, str]]]]:
        """Each actor with the edges going from it, as ``(words, edge, other)``: a
        symmetric edge goes from both of its actors. Actors with none are left out."""
        out: list[tuple[Node, list[tuple[str, Edge, str]]]] = []
        for node in self.nodes:
            lines = [
                (edge.words, edge, edge.object if edge.subject == node.id else edge.subject)
                for edge in self.edges
                if edge.subject == node.id or (edge.symmetric and edge.object == node.id)
            ]
            if lines:
                order = {name: i for i, name in enumerate(NAMES)}
                lines.sort(key=lambda ln: (order[ln[1].kind], natural_key(self.title_of(ln[2]))))
                out.append((node, lines))
        return out


class Query(NamedTuple):
    """What ``brief graph`` was asked for, as typed."""

    names: tuple[str, ...] = ()
    """Actors (edges touching any of them) or topics (claims of any of them)."""
    relations: tuple[str, ...] = ()
    """Only edges of these relations (all, when empty)."""
    topic: str | None = None
    """Only claims of this topic (as a topic among *names*)."""
    min_grade: Minimum | None = None
    """Only claims graded at least this well (see ``mingrade``)."""


#: The kinds of entry a graph draws, and a query may name.
_DRAWN = (Kind.TOPIC.value, Kind.ACTOR.value)


def _resolved(index: Index, query: Query) -> tuple[set[str], set[str], list[tuple[str, str]]]:
    """The actors and topics *query* names, and the filters in words."""
    actors: set[str] = set()
    topics: set[str] = set()
    said: list[tuple[str, str]] = []
    for name in query.names:
        try:
            entry = index.resolve(name)
        except NotFound:  # a graph has no sources: none is named, none offered
            raise NotFound(name, index.suggest(name, _DRAWN), "topic or actor") from None
        kind = index.kind(entry.id)
        if kind is Kind.ACTOR:
            actors.add(entry.id)
            said.append(("actor", entry.id))
        elif kind is Kind.TOPIC:
            topics.add(entry.id)
            said.append(("topic", entry.id))
        else:
            raise WrongKind(name, kind.value, "actor or topic")
    if query.topic is not None:
        topic = index.resolve_topic(query.topic).id
        topics.add(topic)
        said.append(("topic", topic))
    if query.relations:
        said.append(("relation", ",".join(dict.fromkeys(query.relations))))
    if query.min_grade is not None:
        said.append(("min-grade", str(query.min_grade)))
    return actors, topics, said


def _pairs(claim: Claim) -> Iterable[tuple[str, str]]:
    """The (subject, object) pairs *claim* relates: each of its subjects (its
    ``relation_from``, or its first actor) to each of its targets (its ``relation_to``,
    or every other actor)."""
    targets = claim.targets
    for subject in claim.subjects:
        for other in targets:
            yield subject, other


def graph(index: Index, query: Query | None = None) -> Graph:
    """The relations *query* keeps (all, without one); raises NotFound (WrongKind) for a
    name that reaches no actor or topic."""
    query = query or Query()
    from .gradewords import badge
    from .grading import grade_of

    actors, topics, said = _resolved(index, query)
    title = {a.id: a.name for a in index.corpus.actors}
    grouped: dict[tuple[str, str, str], list[EdgeClaim]] = {}
    for claim in index.corpus.claims:
        if claim.relation is None or (topics and claim.topic not in topics):
            continue
        if query.relations and claim.relation not in query.relations:
            continue
        grade = grade_of(index, claim, range(1, len(claim.cites) + 1))
        if query.min_grade is not None and not query.min_grade.met_by(grade):
            continue
        against = tuple(
            Contester(o, index.claims[o].text, index.claims[o].topic)
            for o in contesting(index, claim)
        )
        row = EdgeClaim(
            claim.id,
            claim.text,
            claim.topic,
            claim.status,
            badge(grade) if grade is not None else "",
            claim.status == "disputed" or bool(against),
            claim.date,
            contested_by=against,
            by=grade.by if grade is not None else None,
        )
        symmetric = BY_NAME[claim.relation].symmetric
        for subject, other in _pairs(claim):
            if actors and subject not in actors and other not in actors:
                continue
            if symmetric and natural_key(title[other]) < natural_key(title[subject]):
                subject, other = other, subject
            grouped.setdefault((subject, claim.relation, other), []).append(row)
    order = {name: i for i, name in enumerate(NAMES)}
    keys = sorted(
        grouped, key=lambda k: (natural_key(title[k[0]]), order[k[1]], natural_key(title[k[2]]))
    )
    edges, references = _cited(index, tuple(_edge(key, tuple(grouped[key])) for key in keys))
    joined = {a for e in edges for a in (e.subject, e.object)}
    nodes = sorted((Node(a, title[a]) for a in joined), key=lambda n: natural_key(n.title))
    named = [ident for key, ident in said if key in ("actor", "topic")]
    left_out = left_out_entries(index, named)
    return Graph(tuple(nodes), edges, tuple(said), references, left_out=left_out)


def _cited(index: Index, edges: tuple[Edge, ...]) -> tuple[tuple[Edge, ...], tuple[Reference, ...]]:
    """*edges* with their claims' citations numbered as ``show`` numbers them (in order of
    first use, as the edges are listed; ``briefings.Citations``), and the references."""
    from .briefings import Citations

    numbering = Citations(index)
    numbers = {c.id: numbering.of(index.claims[c.id]) for e in edges for c in e.claims}
    references = numbering.references()
    by_number = {r.number: r for r in references}

    def cited(claim: EdgeClaim) -> EdgeClaim:
        return claim._replace(cites=tuple(by_number[n] for n in numbers[claim.id]))

    return tuple(e._replace(claims=tuple(map(cited, e.claims))) for e in edges), references


def _edge(key: tuple[str, str, str], claims: tuple[EdgeClaim, ...]) -> Edge:
    subject, kind, other = key
    counts = {s: sum(c.status == s for c in claims) for s in STATUSES}
    present = [(s, n) for s, n in counts.items() if n]
    firmness = ", ".join(f"{n} {s}" for s, n in present) if len(claims) > 1 else claims[0].status
    graded = [c.grade for c in claims if c.grade]
    best = min(graded, key=_badge_order) if graded else ""
    return Edge(
        subject,
        kind,
        other,
        BY_NAME[kind].symmetric,
        claims,
        firmness,
        best,
        any(c.contested for c in claims),
    )


def _badge_order(badge: str) -> tuple[str, str]:
    """A badge's place, best first: reliability then credibility (``B2`` before ``C1``);
    a missing half counts as worst."""
    letter = badge[0] if badge[:1].isalpha() else "Z"
    digit = badge[-1] if badge[-1:].isdigit() else "9"
    return letter, digit


#: Each relation in two letters, for the matrix.
SHORT: dict[str, str] = {
    "supports": "su",
    "opposes": "op",
    "pressures": "pr",
    "sanctions": "sa",
    "shields": "sh",
    "depends-on": "de",
    "trades-with": "tr",
    "allied-with": "al",
}


def matrix(view: Graph) -> list[list[str]]:
    """The relations as a table, a row and a column per node in order: the cell of row A,
    column B holds the codes (:data:`SHORT`) of what A does to B in the vocabulary's
    order, joined by ``+``, with ``!`` after a contested one; a symmetric relation fills
    both cells; "" for none."""
    at = {node.id: i for i, node in enumerate(view.nodes)}
    order = {name: i for i, name in enumerate(NAMES)}
    cells: list[list[list[tuple[int, str]]]] = [[[] for _ in view.nodes] for _ in view.nodes]
    for edge in view.edges:
        code = (order[edge.kind], SHORT[edge.kind] + ("!" if edge.contested else ""))
        row, column = at[edge.subject], at[edge.object]
        cells[row][column].append(code)
        if edge.symmetric:
            cells[column][row].append(code)
    return [["+".join(code for _, code in sorted(codes)) for codes in row] for row in cells]
