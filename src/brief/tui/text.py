"""How view records become Textual :class:`~textual.content.Content`.

Corpus strings enter only as literal text (``Content(...)``, ``Content.assemble``
with plain strings), never through ``Content.from_markup``: ``[@click=app.quit]``
in a claim stays ten visible characters and no action. Styles name theme variables
so they read on dark and light themes. The wording comes from ``views.wording``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content

from ..views.gradewords import badge, badge_words, grade_line, quote_line, quote_mark
from ..views.records import FactValue, Link, Point, Reference, fact_text
from ..views.wording import (
    actors_words,
    counter_label,
    counter_text,
    counts,
    doubted_counter_label,
    edge_details,
    link_label,
    reference_line,
    refs_label,
    relation_label,
    support_label,
)

if TYPE_CHECKING:  # annotations only: the comparison builder is loaded with its screen
    from ..views.comparison import Comparison, ComparisonRow
    from ..views.graph import Edge, EdgeClaim, Graph
    from ..views.records import Relation

STATUS_STYLE = {
    "assessment": "$text-accent",
    "alleged": "$text-warning",
    "disputed": "bold $text-error",
}
VERDICT_STYLE = {
    "contested": "bold $text-error",
    "disagree": "bold $text-error",
    "shared": "$text-success",
    "agree": "$text-success",
    "differ": "$text-warning",
    "separate": "$text-warning",
}


def status(point: Point) -> Content:
    """``disputed `` in its colour; nothing for a plainly reported claim."""
    if point.status == "reported":
        return Content()
    return Content.assemble((point.status, STATUS_STYLE.get(point.status, "")), " ")


def point(point: Point) -> Content:
    """A claim: status, text, the other actors it names, its citations, its grade, the
    quotes its view holds (the screen leaves them out unless asked: ``"``) and its note."""
    parts: list[str | Content | tuple[str, str]] = [status(point), point.text]
    if point.actors:
        parts.append((f" ({actors_words(point)})", "italic"))
    if point.refs:
        parts.append((f" {refs_label(point.refs)}", "dim"))
    if point.grade is not None and grade_line(point.grade):  # format 2, as `brief show`
        parts += ["\n", (grade_line(point.grade), "$text-accent")]
    for quote in point.grade.quotes if point.grade is not None else ():
        # words the source's text does not hold: never in the colour of a quote
        style = "italic $text-warning" if quote_mark(quote) else "italic $text-success"
        parts += ["\n", (quote_line(quote), style)]
    if point.note:
        parts += ["\n", ("Note: ", "bold"), (point.note, "italic")]
    return Content.assemble(*parts)


def counter(other: Point) -> Content:
    """A contradicting claim, introduced as the CLI introduces it."""
    return _under(f"⚡ {counter_label(other)}: ", "bold $text-error", other)


def doubted_counter(other: Point) -> Content:
    """A contradicting claim the corpus doubts, under a claim whose contest it does not
    make (a relation's edge page): dimmer than :func:`counter`, and saying why."""
    return _under(f"⚡ {doubted_counter_label(other)}: ", "bold $text-warning", other)


def support(other: Point) -> Content:
    """A supporting claim, introduced as the CLI introduces it."""
    return _under(f"+ {support_label(other)}: ", "bold $text-success", other)


def _under(label: str, style: str, other: Point) -> Content:
    parts: list[str | Content | tuple[str, str]] = [
        (label, style),
        status(other),
        counter_text(other),
    ]
    if other.context:
        parts.append((f" ({other.context})", "italic"))
    if other.refs:
        parts.append((f" {refs_label(other.refs)}", "dim"))
    if other.grade is not None and badge(other.grade):  # last, as the CLI puts it
        parts.append((f" {badge_words(other.grade)}", "bold $text-accent"))
    return Content.assemble(*parts)


def facts(pairs: tuple[tuple[str, FactValue], ...]) -> Content:
    """``aliases: a, b`` lines under a title."""
    parts: list[str | tuple[str, str]] = []
    for i, (label, value) in enumerate(pairs):
        parts += ["\n" if i else "", (f"{label}: ", "bold"), fact_text(label, value)]
    return Content.assemble(*parts)


def link(item: Link) -> Content:
    """A followable entry: ``→ Nuclear weapons (nuclear)``."""
    return Content.assemble(("→ ", "dim"), link_label(item))


def reference(ref: Reference) -> Content:
    """``[1] Title, "Section"``."""
    return Content.assemble((f"[{ref.number}] ", "dim"), reference_line(ref))


def overview(view: Comparison, counted: bool = True, width: int | None = None) -> list[Content]:
    """The comparison's overview, a line a row: title, verdict and (if *counted*) counts.

    In a pane *width* cells wide, a row whose counts do not fit beside its verdict has
    them under it, wrapped at their dots, each kept whole (as ``brief compare`` lays
    them out): left to wrap by themselves, they ran on to the pane's left edge.
    """
    titles = [Content(row.title) for row in view.rows]
    title_width = min(max((t.cell_length for t in titles), default=0), 40)
    verdict_width = max((len(row.verdict) for row in view.rows), default=0)
    # too narrow for a verdict beside its title: each under its title, indented
    under = width is not None and title_width + 2 + verdict_width > width
    lines = []
    for row, title in zip(view.rows, titles, strict=True):
        pad = "\n  " if under else " " * (max(title_width - title.cell_length, 0) + 2)
        style = VERDICT_STYLE.get(row.verdict, "dim")
        tail = counts(view, row) if counted else ""
        verdict = row.verdict if under else row.verdict.ljust(verdict_width)
        said = f"  {tail}" if tail else ""
        if tail and width is not None and title_width + cell_len(verdict + said) + 2 > width:
            indent = title_width + 2 if title_width + 2 + MIN_COUNTS <= width and not under else 4
            verdict = row.verdict  # the counts under it, not after it
            said = "".join(f"\n{' ' * indent}{line}" for line in _at_dots(tail, width - indent))
        lines.append(Content.assemble(title.stylize("bold"), pad, (verdict, style), (said, "dim")))
    return lines


#: The fewest cells a comparison's counts are given beside the indent that sets them
#: under their verdict; in a narrower pane they are indented less.
MIN_COUNTS = 24


def _at_dots(counted: str, room: int) -> list[str]:
    """*counted* (``China 3 · Russia 0 · both 2``) in lines of at most *room* cells,
    broken only at its dots, each line but the last ending with one."""
    lines: list[str] = []
    line = ""
    for part in counted.split(" · "):
        joined = f"{line} · {part}" if line else part
        if line and cell_len(joined) > room:
            lines.append(f"{line} ·")
            joined = part
        line = joined
    return [*lines, line]


def row_heading(row: ComparisonRow) -> Content:
    """A comparison row's heading: its title and verdict."""
    return Content.assemble(
        (row.title, "bold underline"), "  ", (row.verdict, VERDICT_STYLE.get(row.verdict, "dim"))
    )


def _contested(said: str) -> Content:
    """*said* with its last ``contested`` in the error colour (the word says it too)."""
    at = said.rfind("contested")
    if at < 0:
        return Content(said)
    return Content(said).stylize("bold $text-error", at, at + len("contested"))


def relation(item: Relation) -> Content:
    """An actor's relation as ``brief show`` lists it: ``shields North Korea (2 claims,
    contested)``."""
    label = relation_label(item)
    return _contested(label) if item.contested else Content(label)


def edge_sentence(view: Graph, edge: Edge, first: str | None = None) -> str:
    """``China shields North Korea``; a symmetric relation from the actor *first* when it
    is one of its two (``United Kingdom allied with France`` on the UK's screens)."""
    one, other = edge.subject, edge.object
    if edge.symmetric and first == other:
        one, other = other, one
    return f"{view.title_of(one)} {edge.words} {view.title_of(other)}"


def edge_details_line(edge: Edge) -> Content:
    """``2 claims · 1 reported, 1 alleged · B2 · contested``, ``contested`` in its colour."""
    return _contested(edge_details(edge)) if edge.contested else Content(edge_details(edge))


def edge(view: Graph, item: Edge, first: str | None = None) -> Content:
    """An edge in a list: its sentence (see :func:`edge_sentence` for *first*), and under
    it how many claims state it, how firm they are, the best grade and whether it is
    contested."""
    return Content.assemble(
        (edge_sentence(view, item, first), "bold"), "\n", edge_details_line(item).stylize("dim")
    )


def edge_claim(claim: EdgeClaim, shown: Point | None) -> Content:
    """A claim behind an edge: its status (always, ``reported`` too) and whether it is
    contested, then the claim as its topic shows it (see :func:`point`)."""
    head: list[str | tuple[str, str]] = [(claim.status, STATUS_STYLE.get(claim.status, "bold"))]
    if claim.contested:
        head += [" · ", ("contested", "bold $text-error")]
    if shown is None:  # not on its topic's page (cannot happen for a loaded claim)
        grade = f"\n{claim.grade}" if claim.grade else ""
        return Content.assemble(*head, "\n", claim.text, (grade, "$text-accent"))
    return Content.assemble(*head, "\n", point(shown._replace(status="reported")))
