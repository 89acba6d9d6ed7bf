"""The pieces of HTML a briefing, a timeline or a comparison is made of.

A :class:`Doc` keeps what one document has used: element ids (each unique), where each
claim is shown (so that a contradiction links to it, and it back), and, per list of
sources, which citations point at each footnote (so that the footnote links back).
"""

from __future__ import annotations

from collections.abc import Iterable

from ...views.gradewords import (
    LEGEND_HEADING,
    badge,
    badge_words,
    briefing_key,
    grade_line,
    quote_line,
)
from ...views.records import Briefing, Link, Point, Reference, fact_text
from ...views.wording import (
    actors_words,
    counter_label,
    counter_text,
    link_label,
    reference_label,
    relation_notes,
    support_label,
)
from .page import Links, anchor, encode, esc, external


class Doc:
    """What one HTML document has placed so far: its ids, claims and citations."""

    def __init__(self, links: Links | None = None) -> None:
        self.links = links or Links()
        """Where links beyond this document go."""
        self.ids: set[str] = set()
        """Every element id given out."""
        self.claims: dict[str, str] = {}
        """Claim id to the element id of its first full showing in this document."""
        self.drawn: set[str] = set()
        """The claims drawn in full so far (the first showing holds the id)."""
        self.entries: dict[tuple[str, str], str] = {}
        """``(kind, id)`` of each briefing in this document to its element id."""
        self.scope = ""
        """The prefix of the current list of sources' ids (one per briefing shown)."""
        self.cited: dict[int, list[str]] = {}
        """Per footnote of the current list of sources, the ids of the citations of it."""

    def unique(self, wanted: str) -> str:
        """*wanted*, or ``wanted-2``, ``-3``...: an id not given out before."""
        ident, n = wanted, 1
        while ident in self.ids:
            n += 1
            ident = f"{wanted}-{n}"
        self.ids.add(ident)
        return ident

    def place(self, points: Iterable[Point]) -> None:
        """Claim ids for *points*, shown in full in this document, before drawing it, so a
        contradiction drawn before the claim it names can still link to it."""
        for point in points:
            if point.id not in self.claims:
                self.claims[point.id] = self.unique(anchor("claim", point.id))

    def begin(self, scope: str) -> None:
        """Start a new list of sources, its ids prefixed with *scope*."""
        self.scope, self.cited = scope, {}

    def claim_href(self, point: Point) -> str | None:
        """Where a link to *point* goes: here, else its topic's page, else nowhere."""
        here = self.claims.get(point.id)
        return f"#{here}" if here else self.links.claim(point.topic, point.id)

    def entry_href(self, kind: str, ident: str) -> str | None:
        here = self.entries.get((kind, ident))
        return f"#{here}" if here else self.links.entry(kind, ident)


def link(href: str | None, text: str) -> str:
    """*text* (HTML) as a link to *href* (escaped here), or as it is without one."""
    return f'<a href="{esc(href)}">{text}</a>' if href else text


def cites(doc: Doc, refs: tuple[int, ...]) -> str:
    """A claim's citations as footnote links, each with an id its footnote links back to."""
    if not refs:
        return ""
    marks = []
    for n in refs:
        back = doc.unique(f"{doc.scope}cite-{n}")
        doc.cited.setdefault(n, []).append(back)
        marks.append(f'<a href="#{doc.scope}ref-{n}" id="{back}">[{n}]</a>')
    return f'<sup class="cites">{"".join(marks)}</sup>'


def status(point: Point) -> str:
    """The status as a word (``reported`` goes without saying, as in every format)."""
    return "" if point.status == "reported" else status_word(point.status)


def status_word(word: str) -> str:
    """A status as a word in a box, marked ⚠ when disputed: read without colour."""
    mark = "⚠ " if word == "disputed" else ""
    return f'<span class="status status-{encode(word)}">{mark}{esc(word)}</span> '


def point_item(doc: Doc, point: Point) -> str:
    """A claim as a list item, with its note, grade, quotes and the claims against and for it."""
    placed = doc.claims.get(point.id)
    own = f' id="{placed}"' if placed and point.id not in doc.drawn else ""
    doc.drawn.add(point.id)  # shown in full twice in one document: the first keeps the id
    who = f' <span class="who">({esc(actors_words(point))})</span>' if point.actors else ""
    parts = [
        f'<li class="claim"{own}>{status(point)}{esc(point.text)}{who}{cites(doc, point.refs)}'
    ]
    if point.grade is not None and grade_line(point.grade):  # its own grade, then the note
        parts.append(f'<p class="grade-line">{esc(grade_line(point.grade))}</p>')
    for quote in point.grade.quotes if point.grade else ():
        label = "Quote" if quote.text is not None else "At"
        parts.append(f'<p class="quote"><em>{label}:</em> {esc(quote_line(quote))}</p>')
    if point.note:
        parts.append(f'<p class="note"><em>Note:</em> {esc(point.note)}</p>')
    under = [
        _under(doc, f"⚠ {counter_label(o).capitalize()}:", o, True) for o in point.contested_by
    ]
    under += [
        _under(doc, f"{support_label(o).capitalize()}:", o, False) for o in point.supported_by
    ]
    if under:
        parts.append(f'<ul class="related-claims">{"".join(under)}</ul>')
    return "".join(parts) + "</li>\n"


def _under(doc: Doc, label: str, other: Point, against: bool) -> str:
    """A claim shown under another, introduced by *label*, linked to where it is shown."""
    context = f' <span class="who">({esc(other.context)})</span>' if other.context else ""
    graded = f" {esc(badge_words(other.grade))}" if other.grade and badge(other.grade) else ""
    text = link(doc.claim_href(other), esc(counter_text(other)))
    kind = ' class="contested"' if against else ""
    return (
        f"<li><span{kind}>{esc(label)}</span> {status(other)}{text}{context}"
        f"{cites(doc, other.refs)}{graded}</li>"
    )


def points(doc: Doc, items: Iterable[Point]) -> str:
    """Claims as a list."""
    return f'<ul class="points">\n{"".join(point_item(doc, p) for p in items)}</ul>\n'


def footnotes(doc: Doc, refs: tuple[Reference, ...]) -> str:
    """The numbered sources, each linking back to every citation of it in this list."""
    if not refs:
        return ""
    items = []
    for ref in refs:
        ident = doc.unique(f"{doc.scope}ref-{ref.number}")
        backs = "".join(
            f'<a class="back" href="#{b}" aria-label="back to citation {i}">↩</a>'
            for i, b in enumerate(doc.cited.get(ref.number, ()), 1)
        )
        source = link(doc.links.entry("source", ref.source), esc(reference_label(ref)))
        if ref.url:
            source += f", {external(ref.url)}"
        items.append(f'<li id="{ident}" value="{ref.number}">{source}{backs}</li>\n')
    return f'<h2>Sources</h2>\n<ol class="footnotes">\n{"".join(items)}</ol>\n'


def grade_key(key: list[tuple[str, str]]) -> str:
    """The key to the grades shown (``gradewords.legend``), under a heading; none
    shown, nothing."""
    if not key:
        return ""
    items = "".join(f"<dt>{esc(mark)}</dt><dd>{esc(words)}</dd>" for mark, words in key)
    return f'<h2>{LEGEND_HEADING}</h2>\n<dl class="grades">{items}</dl>\n'


def _facts(view: Briefing) -> str:
    if not view.facts:
        return ""
    items = []
    for key, value in view.facts:
        shown = (
            external(value)
            if key == "url" and isinstance(value, str)
            else esc(fact_text(key, value))
        )
        items.append(f"<dt>{esc(key)}:</dt><dd>{shown}</dd>")
    return f'<dl class="facts">{"".join(items)}</dl>\n'


def _relations(doc: Doc, view: Briefing) -> str:
    """An actor's relations: each to the other actor (a link where the document allows),
    contested ones marked ⚠ and said so, each with the ids of its claims linked to them;
    in an export, a link to where the graph page shows them among all the others."""
    if not view.relations:
        return ""
    items = []
    for r in view.relations:
        mark = '<span class="contested">⚠</span> ' if r.contested else ""
        other = link(doc.entry_href("actor", r.other), esc(r.other_title))
        ids = ", ".join(
            link(
                f"#{doc.claims[c]}" if c in doc.claims else None,
                f'<span class="ids">{esc(c)}</span>',
            )
            for c in r.claims
        )
        items.append(f"<li>{mark}{esc(r.words)} {other}{esc(relation_notes(r))}: {ids}</li>\n")
    graph = doc.links.graph(view.id)
    among = f'<p><a href="{esc(graph)}">Among all the relations</a></p>\n' if graph else ""
    return f'<h2>Relations</h2>\n<ul class="relations">\n{"".join(items)}</ul>\n{among}'


def _related(doc: Doc, view: Briefing) -> str:
    if not view.related:
        return ""
    items = "".join(f"<li>{_entry_link(doc, x)}</li>" for x in view.related)
    return f"<h2>{esc(view.related_heading)}</h2>\n<ul>{items}</ul>\n"


def _entry_link(doc: Doc, entry: Link) -> str:
    return link(doc.entry_href(entry.kind, entry.id), esc(link_label(entry)))


def briefing(doc: Doc, view: Briefing, scope: str = "") -> str:
    """One briefing as an ``<article>``; *scope* prefixes its footnotes' ids."""
    doc.begin(scope)
    ident = doc.entries.get((view.kind, view.id)) or doc.unique(anchor(view.kind, view.id))
    parts = [f'<article id="{ident}" class="{esc(view.kind)}">\n<h1>{esc(view.title)}</h1>\n']
    if view.summary:
        parts.append(f'<p class="summary">{esc(view.summary)}</p>\n')
    parts += [_facts(view), _relations(doc, view)]
    for section in view.sections:
        parts.append(f"<h2>{esc(section.title)}</h2>\n{points(doc, section.points)}")
    if not view.sections:
        parts.append(f'<p class="muted"><em>{esc(view.no_claims_line)}</em></p>\n')
    parts += [_related(doc, view), footnotes(doc, view.references), grade_key(briefing_key(view))]
    parts += [f'<p class="left-out">{esc(line)}</p>\n' for line in view.missing]
    return "".join(parts) + "</article>\n"


def briefings(doc: Doc, views: Iterable[Briefing]) -> str:
    """Several briefings in one document, each claim and entry with an id to link to."""
    views = list(views)
    for view in views:
        doc.entries[(view.kind, view.id)] = doc.unique(anchor(view.kind, view.id))
        doc.place(p for s in view.sections for p in s.points)
    many = len(views) > 1
    return "".join(briefing(doc, view, f"b{n}-" if many else "") for n, view in enumerate(views, 1))
