"""``brief graph`` as HTML: the matrix, then each actor's relations grouped by kind.

The matrix first (after the picture, on the export's page), each of its codes a link to
the edge it stands for; then the same lines the terminal draws (``render.graphs.lines``),
as a reader of a page wants them: a section per actor with its relations under each
kind, every edge followed by the claims that state it (status, grade and date in words,
its citations as footnote links, each claim linked to where its topic's page shows it
when the document is a page of an export), a contested edge marked ⚠ and said to be
contested; then the sources as footnotes, as ``show`` lists them. Corpus text is
escaped (``page.esc``) and every id made safe (``page.anchor``).
"""

from __future__ import annotations

from ...core.relations import BY_NAME
from ...views.graph import SHORT, Edge, EdgeClaim, Graph, matrix
from ...views.wording import contester_label
from ..graphs import details, heading, legend, notes
from .page import anchor, esc
from .parts import Doc, cites, footnotes, link, status_word


def section_id(actor: str) -> str:
    """The id of *actor*'s section on a graph page: ``relations-china``."""
    return anchor("relations", actor)


def edge_id(actor: str, kind: str, other: str) -> str:
    """The id of the entry, in *actor*'s section, of its relation *kind* to *other* (a
    symmetric relation has one in each of its actors' sections)."""
    return anchor("edge", f"{actor}.{kind}.{other}")  # ids hold no dot: one to one


def sections(view: Graph) -> frozenset[str]:
    """The actors with a section of their own (those with relations going from them)."""
    return frozenset(node.id for node, _ in view.outgoing())


def _claim(doc: Doc, claim: EdgeClaim) -> str:
    """One claim behind an edge: its status and grade, its text, its id (a link to it
    where the document allows)."""
    grade = f'<span class="grade">{esc(claim.grade)}</span> ' if claim.grade else ""
    by = f'<span class="by">by {esc(claim.by)}</span> ' if claim.by else ""
    date = by + (f'<span class="date">{esc(claim.date)}</span> ' if claim.date else "")
    contested = _contested(doc, claim)
    ident = f'<span class="ids">{esc(claim.id)}</span>'
    shown = link(doc.links.claim(claim.topic, claim.id), ident)
    said = f"{esc(claim.text)}{cites(doc, claim.refs)}"
    return f"<li>{status_word(claim.status)}{grade}{date}{contested}{said} ({shown})</li>\n"


def _contested(doc: Doc, claim: EdgeClaim) -> str:
    """``⚠ contested`` and why (``views.wording.contest_reason``): ``disputed``, and each
    claim that contests it, in short and linked to it where the document allows."""
    if not claim.contested:
        return ""
    why = ["disputed"] if claim.status == "disputed" else []
    if claim.contested_by:
        linked = (
            link(doc.links.claim(c.topic, c.id), esc(contester_label(c)))
            for c in claim.contested_by
        )
        why.append("contradicted by " + ", ".join(linked))
    return f'<span class="contested">⚠ contested ({"; ".join(why)})</span> '


def _other(doc: Doc, view: Graph, other: str, here: frozenset[str]) -> str:
    """The actor at an edge's other end: a link to its section here, else to its page."""
    href = f"#{section_id(other)}" if other in here else doc.entry_href("actor", other)
    return link(href, esc(view.title_of(other)))


def _edge(doc: Doc, view: Graph, edge: Edge, mine: tuple[str, str], here: frozenset[str]) -> str:
    """*edge* as *mine* (``(actor, other)``) lists it in the actor's section, with an id
    the matrix links to."""
    said = " · ".join(p for p in details(edge).split(" · ") if p != "contested")
    flag = '<strong class="contested">⚠ contested</strong> · ' if edge.contested else ""
    claims = "".join(_claim(doc, c) for c in edge.claims)
    ident = doc.unique(edge_id(mine[0], edge.kind, mine[1]))
    return (
        f'<li class="edge" id="{ident}">{_other(doc, view, mine[1], here)} '
        f'<span class="detail">({flag}{esc(said)})</span>\n'
        f'<ul class="edge-claims">\n{claims}</ul></li>\n'
    )


def adjacency(doc: Doc, view: Graph) -> str:
    """A section per actor with relations going from it: under each relation, the actors
    it goes to, each with its claims."""
    here = sections(view)
    out = []
    for node, rows in view.outgoing():
        ident = doc.unique(section_id(node.id))
        title = link(doc.entry_href("actor", node.id), esc(node.title))
        groups: dict[str, list[str]] = {}
        for words, edge, other in rows:
            groups.setdefault(words, []).append(_edge(doc, view, edge, (node.id, other), here))
        kinds = "".join(
            f'<dt>{esc(words)}</dt>\n<dd><ul class="edges">\n{"".join(items)}</ul></dd>\n'
            for words, items in groups.items()
        )
        out.append(
            f'<section class="relations" id="{ident}">\n<h2>{title}</h2>\n'
            f'<dl class="edges">\n{kinds}</dl>\n</section>\n'
        )
    return "".join(out)


def matrix_table(view: Graph) -> str:
    """The matrix: a row and a column per actor, the row's relations to the column in
    two-letter codes (each code's relation in its ``title``), ``!`` after a contested one."""
    if len(view.nodes) < 2:
        return ""
    here = sections(view)
    by_code = {code: BY_NAME[name].words for name, code in SHORT.items()}
    head = "".join(f'<th scope="col">{esc(n.title)}</th>' for n in view.nodes)
    rows = []
    for node, cells in zip(view.nodes, matrix(view), strict=True):
        name = link(f"#{section_id(node.id)}" if node.id in here else None, esc(node.title))
        shown = "".join(
            _cell(cell, by_code, (node.id, column.id))
            for cell, column in zip(cells, view.nodes, strict=True)
        )
        rows.append(f'<tr><th scope="row">{name}</th>{shown}</tr>\n')
    return (
        '<h2 id="matrix">Matrix</h2>\n<table class="matrix">\n'
        f'<thead><tr><th scope="col">Rows act on columns</th>{head}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n"
        f'<p class="muted">{esc(legend(view))}; ! contested</p>\n'
    )


def _cell(cell: str, by_code: dict[str, str], where: tuple[str, str]) -> str:
    """A cell of the matrix: each code a link to the entry of its edge in the row's
    section (*where* is ``(row, column)``)."""
    if not cell:
        return '<td class="none">·</td>'
    words = ", ".join(
        by_code[code.rstrip("!")] + (" (contested)" if code.endswith("!") else "")
        for code in cell.split("+")
    )
    kind_of = {code: name for name, code in SHORT.items()}
    codes = "+".join(
        link(f"#{edge_id(where[0], kind_of[code.rstrip('!')], where[1])}", esc(code))
        for code in cell.split("+")
    )
    kind = ' class="contested"' if "!" in cell else ""
    return f'<td{kind} title="{esc(words)}">{codes}</td>'


def graph_body(doc: Doc, view: Graph, picture: str = "") -> str:
    """The whole graph: the heading, *picture* (HTML; the export's drawing), the matrix,
    each actor's relations with their claims, what the marks mean, the sources."""
    out = [f"<h1>{esc(heading(view))}</h1>\n"]
    if not view.edges:
        none = (
            "No relations to draw." if view.dropped else "No relations among actors in this corpus."
        )
        out.append(f'<p class="muted"><em>{none}</em></p>\n')
        out += [f'<p class="left-out">{esc(line)}</p>\n' for line in view.missing]
        return "".join(out)
    doc.begin("")
    out += [picture, matrix_table(view), adjacency(doc, view)]
    for line in notes(view):  # the contested mark is ⚠ here
        out.append(f'<p class="muted">{esc(line.replace("!", "⚠", 1))}</p>\n')
    out.append(footnotes(doc, view.references))
    return "".join(out)
