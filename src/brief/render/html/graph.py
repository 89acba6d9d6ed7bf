"""``brief graph`` as HTML: each actor's relations grouped by kind, then the matrix.

The same lines the terminal draws (``render.graphs.lines``), as a reader of a page wants
them: a section per actor with its relations under each kind, every edge followed by
the claims that state it (status and grade in words, each claim linked to where its
topic's page shows it when the document is a page of an export), a contested edge
marked ⚠ and said to be contested; then the matrix as a table. Corpus text is escaped
(``page.esc``) and every id made safe (``page.anchor``).
"""

from __future__ import annotations

from ...core.relations import BY_NAME
from ...views.graph import SHORT, Edge, EdgeClaim, Graph, matrix
from ..graphs import CONTESTED_WORDS, details, heading, legend
from .page import anchor, esc
from .parts import Doc, link, status_word


def section_id(actor: str) -> str:
    """The id of *actor*'s section on a graph page: ``relations-china``."""
    return anchor("relations", actor)


def sections(view: Graph) -> frozenset[str]:
    """The actors with a section of their own (those with relations going from them)."""
    return frozenset(node.id for node, _ in view.outgoing())


def _claim(doc: Doc, claim: EdgeClaim) -> str:
    """One claim behind an edge: its status and grade, its text, its id (a link to it
    where the document allows)."""
    grade = f'<span class="grade">{esc(claim.grade)}</span> ' if claim.grade else ""
    contested = '<span class="contested">⚠ contested</span> ' if claim.contested else ""
    ident = f'<span class="ids">{esc(claim.id)}</span>'
    shown = link(doc.links.claim(claim.topic, claim.id), ident)
    return f"<li>{status_word(claim.status)}{grade}{contested}{esc(claim.text)} ({shown})</li>\n"


def _other(doc: Doc, view: Graph, other: str, here: frozenset[str]) -> str:
    """The actor at an edge's other end: a link to its section here, else to its page."""
    href = f"#{section_id(other)}" if other in here else doc.entry_href("actor", other)
    return link(href, esc(view.title_of(other)))


def _edge(doc: Doc, view: Graph, edge: Edge, other: str, here: frozenset[str]) -> str:
    said = " · ".join(p for p in details(edge).split(" · ") if p != "contested")
    flag = '<strong class="contested">⚠ contested</strong> · ' if edge.contested else ""
    claims = "".join(_claim(doc, c) for c in edge.claims)
    return (
        f'<li class="edge">{_other(doc, view, other, here)} '
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
            groups.setdefault(words, []).append(_edge(doc, view, edge, other, here))
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
        shown = "".join(_cell(cell, by_code) for cell in cells)
        rows.append(f'<tr><th scope="row">{name}</th>{shown}</tr>\n')
    return (
        '<h2 id="matrix">Matrix</h2>\n<table class="matrix">\n'
        f'<thead><tr><th scope="col">Rows act on columns</th>{head}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n"
        f'<p class="muted">{esc(legend(view))}; ! contested</p>\n'
    )


def _cell(cell: str, by_code: dict[str, str]) -> str:
    if not cell:
        return '<td class="none">·</td>'
    words = ", ".join(
        by_code[code.rstrip("!")] + (" (contested)" if code.endswith("!") else "")
        for code in cell.split("+")
    )
    kind = ' class="contested"' if "!" in cell else ""
    return f'<td{kind} title="{esc(words)}">{esc(cell)}</td>'


def graph_body(doc: Doc, view: Graph) -> str:
    """The whole graph: the heading, each actor's relations, the matrix, the legend."""
    out = [f"<h1>{esc(heading(view))}</h1>\n"]
    if not view.edges:
        out.append('<p class="muted"><em>No relations among actors in this corpus.</em></p>\n')
        return "".join(out)
    out.append(adjacency(doc, view))
    out.append(matrix_table(view))
    if any(e.contested for e in view.edges):
        out.append(f'<p class="muted">{esc(CONTESTED_WORDS.replace("!", "⚠", 1))}</p>\n')
    return "".join(out)
