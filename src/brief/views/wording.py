"""Small wording and layout decisions shared by every renderer and the TUI, so all say the same."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.names import normalise
from .gradewords import badge_named
from .records import Link, Point, Reference, Relation, Row

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from collections.abc import Sequence

    from .comparison import Comparison, ComparisonRow, Conflict
    from .graph import Contester, Edge, EdgeClaim

#: Narrowest a side-by-side comparison column may be, in cells, before columns stack.
MIN_COLUMN = 36


def counted(n: int, word: str) -> str:
    """``1 topic``, ``2,038 topics``: *n* of *word*, with a thousands separator."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def actors_words(point: Point) -> str:
    """``with China, Russia``: the actors a point names, beside the one it is shown
    under; ``about China, Russia``: every actor it is about, where none heads it (a
    trial read "Smit Salvage refloated the ship (with Smit Salvage, ...)" in a timeline).
    Empty when it names none."""
    if not point.actors:
        return ""
    return f"{'with' if point.beside else 'about'} {', '.join(point.actors)}"


def refs_label(refs: tuple[int, ...]) -> str:
    """``[1,3]`` for a point's citations."""
    return f"[{','.join(str(n) for n in refs)}]" if refs else ""


def link_label(link: Link) -> str:
    """A related entry as a reader types it: the title, with the id when they differ."""
    return link.title if normalise(link.title) == link.id else f"{link.title} ({link.id})"


def reference_label(ref: Reference) -> str:
    """``Title, "Section" (Author, Publisher, Year)``, with what is known of them."""
    label = f'{ref.title}, "{ref.section}"' if ref.section else ref.title
    byline = ", ".join(x for x in (ref.author, ref.publisher, ref.year) if x)
    return f"{label} ({byline})" if byline else label


def reference_line(ref: Reference) -> str:
    """:func:`reference_label`, then the source's address, when it has one: what a
    text's list of sources gives (HTML links the address instead)."""
    label = reference_label(ref)
    return f"{label}, {ref.url}" if ref.url else label


def short(text: str, limit: int = 60) -> str:
    """The start of *text*, cut at a word, for pointing back at a claim shown above."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def counter_label(point: Point) -> str:
    """How a contradicting claim is introduced."""
    return "contradicted by the claim above" if point.above else "contradicted by"


def doubted_counter_label(point: Point) -> str:
    """How a contradicting claim the corpus doubts is introduced where contested claims
    are marked (``views.contest``): it is shown, but does not contest the claim."""
    credibility = point.grade.credibility if point.grade is not None else None
    if point.status == "disputed":
        why = "disputed"
    else:
        why = "graded improbable" if credibility == 5 else "graded doubtful"
    who = "the claim above" if point.above else "a claim"
    return f"contradicted by {who} ({why}, so it does not contest this one)"


def support_label(point: Point) -> str:
    """How a supporting claim is introduced."""
    return "supported by the claim above" if point.above else "supported by"


def counter_text(point: Point) -> str:
    """A contradicting (or supporting) claim's text: in full, or shortened when it is shown
    above."""
    return f"“{short(point.text)}”" if point.above else point.text


def within_label(pair: Conflict) -> str:
    """What a pair of ``brief conflicts`` says when one source contradicts itself:
    ``within one source: Title``; "" for a pair between sources."""
    if not pair.within:
        return ""
    noun = "one source" if len(pair.within) == 1 else "the same sources"
    return f"within {noun}: {'; '.join(s.title for s in pair.within)}"


def comparison_title(view: Comparison) -> str:
    """``China vs Russia``."""
    return " vs ".join(c.title for c in view.columns)


def shared_label(view: Comparison) -> str:
    """The heading over claims about several of the actors compared (or cited by several
    of the sources compared).

    Not "common ground": a claim about two actors may be about a quarrel between them.
    """
    if view.kind == "sources":
        return "Cited by both" if len(view.columns) == 2 else "Cited by two or more of them"
    return "About both" if len(view.columns) == 2 else "About two or more of them"


def rows_label(view: Comparison) -> str:
    """What a comparison's rows are: ``Topic`` (comparing actors or sources) or ``Actor``."""
    return "Actor" if view.kind == "topics" else "Topic"


def has_shared(view: Comparison) -> bool:
    """Whether the rows count shared claims (actors and sources; topics share none)."""
    return view.kind != "topics"


def shared_count_label(view: Comparison) -> str:
    """The overview's heading over the count of shared claims: ``both`` or ``shared``."""
    return "both" if len(view.columns) == 2 else "shared"


def empty_cell(view: Comparison, column: Link, shared: bool = False) -> str:
    """What an empty column says, so gaps in the record are visible."""
    if view.kind == "sources":
        return f"nothing from {column.title} alone" if shared else f"nothing from {column.title}"
    if view.kind != "actors":
        return f"no claims in {column.title}"
    return f"nothing on {column.title} alone" if shared else f"no claims on {column.title}"


def column_name(view: Comparison, column: Link) -> str:
    """A column as the overview and the verdicts name it: its title, or a source's id
    (a source's title is often a sentence)."""
    return column.id if view.kind == "sources" else column.title


def counts(view: Comparison, row: ComparisonRow) -> str:
    """``China 3 · Russia 0 · both 2`` for an overview line."""
    bits = [
        f"{column_name(view, c)} {len(cell)}"
        for c, cell in zip(view.columns, row.cells, strict=True)
    ]
    if has_shared(view):
        bits.append(f"{shared_count_label(view)} {row.shared}")
    return " · ".join(bits)


#: Whose claims a left-out line counts, by the kind of entry it ends.
_WHOSE = {"topic": "of this topic", "actor": "about this actor", "source": "citing this source"}
_WHOSE["corpus"] = "of the corpus"


def left_out_line(count: int, kind: str) -> str:
    """``2 claims of this topic were left out (see brief validate)``; "" for none.

    *kind* is the kind of the entry (``topic``, ``actor``, ``source``) whose claims
    the corpus has but could not use (see ``Briefing.left_out``).
    """
    if not count:
        return ""
    noun = "claim" if count == 1 else "claims"
    were = "was" if count == 1 else "were"
    return f"{count} {noun} {_WHOSE[kind]} {were} left out (see brief validate)"


def unread_line(files: Sequence[str], kind: str) -> str:
    """``The file notes/apollo.toml could not be read, and names this topic: what it says
    of it is not here (see brief validate)``; "" for none. A briefing says it where the
    file's claims would be (see ``Briefing.unread``): its words cannot be parsed, so
    only that the file names the entry is known."""
    if not files:
        return ""
    this = f"this {kind}"
    if len(files) == 1:
        return (
            f"The file {files[0]} could not be read, and names {this}: what it says of it "
            "is not here (see brief validate)"
        )
    return (
        f"{len(files)} files that could not be read name {this}: {', '.join(files)}; what "
        "they say of it is not here (see brief validate)"
    )


def below_line(minimum: str, below: int) -> str:
    """``2 claims graded below B2, or ungraded, are not shown (--min-grade B2)``; "" for
    none: what ``show --min-grade`` hid, said where the page ends (a trial saw a page
    shorter by a third, and nothing said so)."""
    if not (minimum and below):
        return ""
    noun, verb = ("claim", "is") if below == 1 else ("claims", "are")
    shown = f"{verb} not shown (--min-grade {minimum})"
    return f"{below} {noun} graded below {minimum}, or ungraded, {shown}"


def skipped_line(files: Sequence[str]) -> str:
    """``The file ./actors.toml could not be read: what it defines is missing, and claims
    here may be shown without an actor or source from it (see brief validate)``; "" for
    none. Said by every briefing of a corpus with a skipped file (but for a file that
    names the entry: :func:`unread_line` says more of that)."""
    if not files:
        return ""
    if len(files) == 1:
        return (
            f"The file {files[0]} could not be read: what it defines is missing, and claims "
            "here may be shown without an actor or source from it (see brief validate)"
        )
    return (
        f"{len(files)} files could not be read: {', '.join(files)}; what they define is "
        "missing, and claims here may be shown without an actor or source from them (see "
        "brief validate)"
    )


#: Whose claims a left-out line of ``brief conflicts`` counts, by the kind of entry.
_OF = {"topic": "of the topic", "actor": "about", "source": "citing", "corpus": "of"}


def left_out_of(kind: str, name: str, count: int) -> str:
    """``2 claims of the topic Sanctions were left out (see brief validate)``: the claims
    of an entry named elsewhere than its own briefing (``brief conflicts NAME``)."""
    noun = "claim" if count == 1 else "claims"
    were = "was" if count == 1 else "were"
    return f"{count} {noun} {_OF[kind]} {name} {were} left out (see brief validate)"


def dropped_line(count: int) -> str:
    """``5 relations were dropped for actors that could not be used (see brief
    validate)``: the relations no picture of them can draw (``Graph.dropped``)."""
    noun, were = ("relation", "was") if count == 1 else ("relations", "were")
    return f"{count} {noun} {were} dropped for actors that could not be used (see brief validate)"


def undated_line(count: int) -> str:
    """What a timeline says of the claims it cannot place: ``84 undated claims not
    shown``; "" for none. Not "left out", which says a claim could not be loaded."""
    if not count:
        return ""
    return f"{count} undated claim{'s' if count != 1 else ''} not shown"


def row_kind(view: Comparison) -> str:
    """The kind of entry a comparison's rows are: topics for actors and sources, actors for
    topics."""
    return "actor" if view.kind == "topics" else "topic"


def layer_label(row: Row) -> str:
    """Where a listed entry comes from: ``notes`` or ``notes, overrides [bundled]``."""
    if not row.overrides:
        return row.layer
    return f"{row.layer}, overrides {', '.join(row.overrides)}"


def relation_label(relation: Relation) -> str:
    """An actor's relation as its briefing lists it: ``shields North Korea (1 claim)``,
    ``trades with China (2 claims, contested)``."""
    return f"{relation.words} {relation.other_title}{relation_notes(relation)}"


def relation_notes(relation: Relation) -> str:
    """What :func:`relation_label` says after the other actor's name: how many claims
    state it and whether it is contested, `` (1 claim)``, `` (2 claims, contested)``."""
    n = len(relation.claims)
    notes = [f"{n} claim{'s' if n != 1 else ''}"]
    notes += ["contested"] if relation.contested else []
    return f" ({', '.join(notes)})"


def edge_details(edge: Edge) -> str:
    """An edge of ``brief graph`` in short: ``2 claims · 1 reported, 1 alleged · B2 ·
    contested`` (the grade and ``contested`` only when they apply)."""
    n = len(edge.claims)
    parts = [f"{n} claim{'s' if n != 1 else ''}", edge.firmness]
    if edge.grade:
        parts.append(badge_named(edge.grade))
    if edge.contested:
        parts.append("contested")
    return " · ".join(parts)


def contester_label(contester: Contester) -> str:
    """A claim that contests another, in short: ``“Trade with Russia is…” (claim-id)``."""
    return f"“{short(contester.text, 50)}” ({contester.id})"


def contest_reason(claim: EdgeClaim) -> str:
    """Why a claim behind an edge is contested: ``disputed``, ``contradicted by “…” (id)``
    for each claim that contests it, or both (``disputed; contradicted by …``); "" when
    it is not contested."""
    parts = ["disputed"] if claim.status == "disputed" else []
    if claim.contested_by:
        parts.append("contradicted by " + ", ".join(map(contester_label, claim.contested_by)))
    return "; ".join(parts)
