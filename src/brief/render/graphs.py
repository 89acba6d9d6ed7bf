"""``brief graph`` in every text format: the lines a reader reads (plain and terminal),
Markdown, JSON, Graphviz DOT and Mermaid.

Corpus text is untrusted, and DOT and Mermaid are languages: every id and label is
quoted and escaped here, so that no name can close a string, add a statement or an
attribute, or reach a renderer as markup (tests/test_relations.py feeds the hostile
corpus through both).
"""

from __future__ import annotations

import json
from typing import Any

from ..core.relations import BY_NAME, NAMES
from ..views.gradewords import badge_named
from ..views.graph import SHORT, Edge, EdgeClaim, Graph
from ..views.wording import contest_reason, edge_details
from .cells import cell_len, ljust

#: What a contested edge is marked with, in the gutter of the lines and in the matrix.
CONTESTED_MARK = "!"
CONTESTED_WORDS = (
    "! contested: a claim behind it is disputed, or contradicted by a claim that is"
    " neither disputed nor graded doubtful or improbable (credibility 4 or 5)"
)

#: A piece of a line, with its style for the terminal ("" for none).
Piece = tuple[str, str]


def safe_id(ident: str) -> str:
    """An id as the loader allows it (lowercase letters, digits, hyphens), whatever was
    read back: what is put unquoted in a comment or a code span."""
    return "".join(ch for ch in ident if ch.isascii() and (ch.isalnum() or ch == "-"))


def heading(view: Graph) -> str:
    """``Relations: 5 actors, 9 relations``, with the filters when there are any. A
    symmetric relation is one relation, listed under both of its actors: :func:`notes`
    says so."""
    nodes, edges = len(view.nodes), len(view.edges)
    counts = (
        f"{nodes} actor{'s' if nodes != 1 else ''}, {edges} relation{'s' if edges != 1 else ''}"
    )
    where = f" ({view.described})" if view.filters else ""
    return f"Relations{where}: {counts}"


def notes(view: Graph) -> list[str]:
    """The lines under the picture: what ``!`` means when an edge is contested, what the
    grade after an edge is, which relations are listed twice (the symmetric ones,
    under each of their actors), and what no edge can show (``Graph.missing``). Each is
    one line; plain text wraps it."""
    out = [CONTESTED_WORDS] if any(e.contested for e in view.edges) else []
    if any(e.grade for e in view.edges):
        out.append(
            "grade after an edge: the best among its claims (source reliability A-F,"
            " credibility 1-6; A and 1 best)"
        )
    both = [k for k in NAMES if any(e.kind == k and e.symmetric for e in view.edges)]
    if both:
        kinds = ", ".join(BY_NAME[k].words for k in both)
        out.append(f"{kinds}: symmetric, listed under both actors")
    return out + view.missing


def details(edge: Edge) -> str:
    """``2 claims · 1 reported, 1 alleged · B2 · contested``, worded as the TUI words it
    (``views.wording.edge_details``)."""
    return edge_details(edge)


def lines(view: Graph, width: int) -> list[list[Piece]]:
    """Each actor's relations, grouped by relation, one line each and *width* cells at
    most: the details go under the line when they do not fit beside it."""
    out: list[list[Piece]] = []
    for node, rows in view.outgoing():
        out += [[], [(node.title, "bold")]]
        kind_width = max(len(words) for words, _, _ in rows)
        name_width = max(cell_len(view.title_of(other)) for _, _, other in rows)
        for words, edge, other in rows:
            gutter = f" {CONTESTED_MARK} " if edge.contested else "   "
            mark = "bold red" if edge.contested else ""
            first: list[Piece] = [(gutter, mark), (words.ljust(kind_width), "cyan"), ("  ", "")]
            name = view.title_of(other)
            said = details(edge)
            used = 3 + kind_width + 2 + name_width
            if used + 2 + len(said) <= width:
                out.append([*first, (ljust(name, name_width), ""), ("  ", ""), (said, "dim")])
            else:
                out.append([*first, (name, "")])
                out += [[("     ", ""), (part, "dim")] for part in _wrap(said, width - 5)]
            if view.long:
                out += [line for claim in edge.claims for line in claim_lines(claim, width)]
    return out


def claim_details(claim: EdgeClaim) -> str:
    """What is said of a claim behind an edge: ``B2 · by Fishers' Union · 1962-10-22``
    (whether it is contested, and why, is :func:`contested_line`)."""
    by = f"by {claim.by}" if claim.by else ""
    return " · ".join(x for x in (badge_named(claim.grade), by, claim.date) if x)


def contested_line(claim: EdgeClaim) -> str:
    """Why a claim behind an edge is contested (``views.wording.contest_reason``):
    ``contested: disputed``, ``contested: contradicted by “…” (id)``; "" when it is not."""
    return f"contested: {contest_reason(claim)}" if claim.contested else ""


def claim_lines(claim: EdgeClaim, width: int) -> list[list[Piece]]:
    """A claim under its edge (``brief graph --long``): its status and text with its
    citations' numbers (``[1,2]``), then its grade, date and id, wrapped to *width*."""
    from ..views.wording import refs_label
    from .plain import hanging

    status = f"[{claim.status}] " if claim.status != "reported" else ""
    said = f"{status}{claim.text} {refs_label(claim.refs)}".rstrip()
    out: list[list[Piece]] = [[(line, "")] for line in hanging(said, width, "     - ", "       ")]
    ident = " · ".join(x for x in (claim_details(claim), claim.id) if x)
    more = hanging(ident, width, "       ", "       ")
    why = contested_line(claim)
    more += hanging(why, width, "       ", "         ") if why else []
    return out + [[(line, "dim")] for line in more]


def _wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* cells, broken at ``·`` first, then at spaces."""
    out: list[str] = []
    for part in text.split(" · "):
        if out and len(out[-1]) + 3 + len(part) <= width:
            out[-1] += " · " + part
            continue
        line = ""
        for word in part.split(" "):
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return out


def legend(view: Graph) -> str:
    """The codes of the relations the matrix shows, in words."""
    present = {e.kind for e in view.edges}
    kinds = [k for k in NAMES if k in present]
    return ", ".join(f"{SHORT[k]} {BY_NAME[k].words}" for k in kinds)


def plain(view: Graph, width: int) -> str:
    """The heading, then each actor's relations (see :func:`lines`), then the notes."""
    from .plain import hanging

    title = heading(view)
    text = [title, "=" * min(len(title), width)]
    text += ["".join(piece for piece, _ in line).rstrip() for line in lines(view, width)]
    if notes(view):
        text += ["", *(ln for note in notes(view) for ln in hanging(note, width, "", "  "))]
    if view.long:
        from .plain import references

        text += references(view.references, width)
    return "\n".join(text) + "\n"


# -- Markdown ------------------------------------------------------------------------------


def markdown(view: Graph) -> str:
    """A heading per actor, a bullet per relation, under it a bullet per claim with its
    citations' numbers (``[1,2]``), its grade, date and id; then the sources, as a
    briefing lists them."""
    from ..views.wording import refs_label
    from .markdown import escape, references

    text = [f"# {escape(heading(view))}", ""]
    for node, rows in view.outgoing():
        text += [f"## {escape(node.title)}", ""]
        for words, edge, other in rows:
            flag = "**contested** · " if edge.contested else ""
            said = " · ".join(p for p in details(edge).split(" · ") if p != "contested")
            text.append(f"- *{words}* {escape(view.title_of(other))}: {flag}{said}")
            for claim in edge.claims:
                status = f"*{claim.status}* " if claim.status != "reported" else ""
                more = claim_details(claim)
                why = contested_line(claim)
                text.append(
                    f"  - {status}{escape(claim.text)} {escape(refs_label(claim.refs))}"
                    f"{' · ' + escape(more) if more else ''} (`{safe_id(claim.id)}`)"
                    f"{'; ' + escape(why) if why else ''}"
                )
        text.append("")
    marks = [  # no ``!`` in Markdown: a contested edge says so in bold
        f"*{escape(line.removeprefix(CONTESTED_MARK + ' '))}*" for line in notes(view)
    ]
    for mark in marks:  # a paragraph each
        text += [mark, ""]
    return "\n".join(text + references(view.references))


# -- JSON ----------------------------------------------------------------------------------


def _claim_data(claim: EdgeClaim) -> dict[str, Any]:
    """A claim behind an edge: its fields, each citation as ``show`` gives a reference,
    and the ids of the claims that contest it."""
    return {
        **claim._asdict(),
        "cites": [ref._asdict() for ref in claim.cites],
        "contested_by": [c.id for c in claim.contested_by],
    }


def json_data(view: Graph, version: int) -> dict[str, Any]:
    """Nodes and edges; each edge lists its claims (with their citations and date), with
    their ids also on their own; then the sources cited, numbered."""
    return {
        "version": version,
        "kind": "graph",
        "filters": dict(view.filters),
        "nodes": [node._asdict() for node in view.nodes],
        "edges": [
            {
                "subject": e.subject,
                "relation": e.kind,
                "object": e.object,
                "symmetric": e.symmetric,
                "claim_ids": list(e.claim_ids),
                "claims": [_claim_data(c) for c in e.claims],
                "firmness": e.firmness,
                "grade": e.grade,
                "contested": e.contested,
            }
            for e in view.edges
        ],
        "references": [ref._asdict() for ref in view.references],
        "left_out": [{"kind": g.kind, "id": g.id, "claims": g.claims} for g in view.left_out],
        "dropped": view.dropped,
        "skipped": list(view.skipped),
    }


def dumps_graph(view: Graph, version: int) -> str:
    return json.dumps(json_data(view, version), ensure_ascii=False, indent=2) + "\n"


# -- Graphviz DOT --------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """*text* as a DOT quoted string: backslashes and quotes escaped, line breaks and other
    control characters as spaces, so nothing in it can end the string or start an
    escape sequence Graphviz would interpret (``\\N``, ``\\l``)."""
    cleaned = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(view: Graph) -> str:
    """A ``digraph``: a node per actor (labelled by name), an edge per relation labelled
    with its words and number of claims, its claim ids in a ``claims`` attribute; a
    symmetric edge has ``dir=none``, a contested one is dashed and red."""
    out = ["digraph relations {", "  node [shape=box];"]
    for node in view.nodes:
        out.append(f"  {dot_string(node.id)} [label={dot_string(node.title)}];")
    for edge in view.edges:
        n = len(edge.claims)
        attributes = [
            ("label", f"{edge.words} ({n})"),
            ("relation", edge.kind),
            ("claims", ",".join(edge.claim_ids)),
            ("firmness", edge.firmness),
        ]
        if edge.grade:
            attributes.append(("grade", edge.grade))
        if edge.symmetric:
            attributes.append(("dir", "none"))
        if edge.contested:
            attributes += [("style", "dashed"), ("color", "red"), ("contested", "true")]
        said = ", ".join(f"{key}={dot_string(value)}" for key, value in attributes)
        out.append(f"  {dot_string(edge.subject)} -> {dot_string(edge.object)} [{said}];")
    out += [f"  // {_comment(line)}" for line in view.missing]
    out.append("}")
    return "\n".join(out) + "\n"


# -- Mermaid -------------------------------------------------------------------------------

#: What a quoted Mermaid label must not hold as it is: the quote that ends it, ``#`` that
#: starts an entity code and ``;`` that ends one, what HTML labels read as markup
#: (``<``, ``>``, ``&``), the edge label's ``|``, the backtick of a Markdown string,
#: ``%`` of a ``%%`` comment or directive, brackets and braces that delimit shapes, and
#: the backslash. Letters (any script), digits, spaces and other punctuation are safe
#: inside the quotes (Mermaid's flowchart syntax, "Special characters that break syntax").
_MERMAID_UNSAFE = frozenset('"#;<>&|`%[]{}\\')


def mermaid_text(text: str) -> str:
    """*text* for a Mermaid label in double quotes: what could end the label or be read
    as markup (:data:`_MERMAID_UNSAFE`), and every character ``str.isprintable`` rejects
    (line breaks, controls, bidi marks), as an entity code (``#35;``); the rest as it is,
    so ``opposes (2) !`` reads as written."""
    return "".join(
        f"#{ord(ch)};" if ch in _MERMAID_UNSAFE or not ch.isprintable() else ch for ch in text
    )


def mermaid(view: Graph) -> str:
    """A ``flowchart LR``: nodes ``n1``, ``n2``... (ids never come from the corpus),
    labelled by name; an arrow per directed relation, a line per symmetric one, dotted
    when contested; a ``%%`` comment after each edge lists its claim ids."""
    ids = {node.id: f"n{i}" for i, node in enumerate(view.nodes, 1)}
    out = ["flowchart LR"]
    for node in view.nodes:
        out.append(f'  {ids[node.id]}["{mermaid_text(node.title)}"]')
    for edge in view.edges:
        if edge.contested:
            link = "-.-" if edge.symmetric else "-.->"
        else:
            link = "---" if edge.symmetric else "-->"
        label = mermaid_text(f"{edge.words} ({len(edge.claims)})")
        if edge.contested:
            label += " !"
        out.append(f'  {ids[edge.subject]} {link}|"{label}"| {ids[edge.object]}')
        out.append(f"  %% claims: {', '.join(safe_id(c) for c in edge.claim_ids)}")
    # entity codes as in a label: a %%{...}%% in a name would be read as a directive
    out += [f"  %% {mermaid_text(line)}" for line in view.missing]
    return "\n".join(out) + "\n"


def _comment(line: str) -> str:
    """*line* for a DOT ``//`` comment, which ends at the end of its line: a name in it
    that holds a line break or another unprintable character cannot end the comment
    and write into the graph."""
    return "".join(ch if ch.isprintable() else " " for ch in line)
