"""Rich output for a terminal: colour and layout that fold down to 40 columns.

Corpus strings enter rich only as ``Text`` objects, never as markup strings, so
``[link=...]`` or ``[/]`` in a corpus shows as what it is. Styles use the terminal's
own palette (bold, dim, named colours) so they read on dark and light themes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..core.kinds import Kind
from ..views.gradewords import (
    briefing_key,
    comparison_key,
    conflicts_key,
    grade_line,
    timeline_key,
)
from ..views.records import (
    Briefing,
    Listing,
    Point,
    Results,
    fact_text,
    split_marks,
)
from ..views.wording import (
    MIN_COLUMN,
    column_name,
    comparison_title,
    empty_cell,
    has_shared,
    layer_label,
    left_out_line,
    link_label,
    refs_label,
    relation_label,
    row_kind,
    rows_label,
    shared_count_label,
    shared_label,
    within_label,
)
from .richtext import (
    bullets,
    grade_key,
    graded,
    make_console,
    point,
    references,
    status,
    strip_trailing,
)

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from ..views.claims import Claims
    from ..views.comparison import Comparison, ComparisonRow, Conflicts
    from ..views.graph import Graph
    from ..views.timeline import Timeline
    from ..views.validation import Validation


def briefing(view: Briefing) -> RenderableType:
    """The briefing as one renderable."""
    parts: list[RenderableType] = [Text(view.title, style="bold reverse"), Text()]
    if view.summary:
        parts.append(Text(view.summary))
    if view.summary and view.facts:  # apart, as plain text sets them
        parts.append(Text())
    if view.facts:  # a long value wraps under itself, not under its label
        facts = [
            (Text(f"{k}:", style="bold dim"), Text(fact_text(k, v), style="dim"))
            for k, v in view.facts
        ]
        parts.append(bullets(facts))
    if view.relations:  # contested in colour, and in words
        parts += [Text(), Text("Relations", style="bold magenta underline")]
        lines = [
            (Text("!" if r.contested else "•", style="bold red" if r.contested else ""),
             Text(relation_label(r), style="red" if r.contested else ""))
            for r in view.relations
        ]  # fmt: skip
        parts.append(bullets(lines))
    for section in view.sections:
        parts += [Text(), Text(section.title, style="bold magenta underline")]
        parts.append(bullets([(Text("•"), point(p)) for p in section.points]))
    if not view.sections:
        parts += [Text(), Text(view.no_claims_line, style="italic")]
    if view.related:
        title = Text(f"{view.related_heading}:", style="bold")
        related = Text(", ".join(link_label(x) for x in view.related), style="green")
        parts += [Text(), bullets([(title, related)])]
    parts += references(view.references)
    parts += grade_key(briefing_key(view))
    for line in view.missing:
        parts += [Text(), Text(line, style="yellow")]
    return Group(*parts)


#: Narrower than this, a long listing leaves out its descriptions, and names their titles.
WIDE_LISTING = 80
#: Narrower than this, a listing gives each description under its title.
NARROW_LISTING = 60


def _names(view: Listing, wide: bool) -> RenderableType:
    """Every name in use: what it reaches, and (with room) that entry's title."""
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    headers = ("name", "kind", "id", *(("title",) if wide else ()), "layer")
    for header in headers:
        table.add_column(header, style="green" if header == "name" else None, overflow="fold")
    for row in view.rows:
        cells = (row.id, row.kind, row.reaches, *((row.title,) if wide else ()), row.layer)
        table.add_row(*(Text(x) for x in cells))
    return table


def listing(view: Listing, width: int = 100) -> RenderableType:
    """A table; long, a layer column too (the descriptions only when there is room).

    Narrower than :data:`NARROW_LISTING`, each entry's description goes under its title,
    dim, in one column: three columns there squeezed titles and tags to a word a line, each
    cut short with an ellipsis (a trial, at 40 columns).
    """
    wide = width >= WIDE_LISTING
    if view.kind == "names":
        return _names(view, wide)
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    long = view.long and view.kind != "tags"
    table.add_column("tag" if view.kind == "tags" else "id", style="green", no_wrap=True)
    detail = {"topics": "tags", "actors": "description", "sources": "kind, author"}
    described = wide or not long
    under = described and view.kind != "tags" and width < NARROW_LISTING
    if view.kind != "tags":
        title = "name" if view.kind == "actors" else "title"
        table.add_column(title, overflow="fold", ratio=1 if under else None)
    if described and not under:
        table.add_column(detail.get(view.kind, "used by"), style="dim", overflow="fold")
    if long:
        table.add_column("layer", overflow="fold")
    for row in view.rows:
        cells = [Text(row.id)]
        if under:  # a topic's tags say what they are; a description or a source's kind does
            said = f"tags: {row.detail}" if view.kind == "topics" and row.detail else row.detail
            cells.append(Text.assemble(row.title, *(("\n", (said, "dim")) if said else ())))
        elif view.kind != "tags":
            cells.append(Text(row.title))
        if described and not under:
            cells.append(Text(row.detail))
        if long:
            cells.append(Text(layer_label(row), style="bold" if row.overrides else ""))
        table.add_row(*cells)
    return table


VERDICT_STYLE = {
    "contested": "bold red",
    "disagree": "bold red",
    "shared": "green",
    "agree": "green",
    "differ": "yellow",
    "separate": "yellow",
}


def _points(points: tuple[Point, ...], empty: str) -> RenderableType:
    if not points:
        return Text(empty, style="dim italic")
    return bullets([(Text("•"), point(p)) for p in points])


def _overview(view: Comparison, width: int) -> RenderableType:
    """A line per row: its title, the counts (on a wide enough terminal) and its verdict."""
    if not view.rows:
        return Text("Nothing to compare.", style="italic")
    overview = Table(box=None, pad_edge=False, header_style="bold")
    counted = width >= 60  # on a narrow terminal the overview keeps only the verdicts
    shared = counted and has_shared(view)
    overview.add_column(rows_label(view), ratio=1)
    for column in view.columns if counted else ():
        overview.add_column(Text(column_name(view, column)), justify="right", no_wrap=True)
    if shared:
        overview.add_column(shared_count_label(view), justify="right", no_wrap=True)
    overview.add_column("", no_wrap=True)
    for row in view.rows:
        cells = [Text(row.title)]
        cells += [Text(str(len(c))) for c in row.cells] if counted else []
        cells += [Text(str(row.shared))] if shared else []
        cells.append(Text(row.verdict, style=VERDICT_STYLE.get(row.verdict, "dim")))
        overview.add_row(*cells)
    return overview


def _row(view: Comparison, row: ComparisonRow, side_by_side: bool) -> list[RenderableType]:
    """One row in detail: heading, shared claims, then the columns side by side or stacked."""
    heading = Text.assemble(
        (row.title, "bold magenta underline"),
        "  ",
        (row.verdict, VERDICT_STYLE.get(row.verdict, "dim")),
    )
    parts: list[RenderableType] = [Text(), heading]
    if row.common:
        parts += [Text(shared_label(view), style="bold green"), _points(row.common, "")]
    bodies = [
        _points(cell, empty_cell(view, column, bool(row.common)))
        for column, cell in zip(view.columns, row.cells, strict=True)
    ]
    if side_by_side:
        table = Table(box=None, pad_edge=False, header_style="bold", expand=True)
        for column in view.columns:
            table.add_column(Text(column.title), ratio=1)
        table.add_row(*bodies)
        parts.append(table)
    else:
        for column, body in zip(view.columns, bodies, strict=True):
            parts += [Text(column.title, style="bold"), body]
    if row.left_out:
        parts.append(Text(left_out_line(row.left_out, row_kind(view)), style="yellow"))
    return parts


def comparison(view: Comparison, width: int = 80) -> RenderableType:
    """Overview table, then per row: shared claims, then the columns side by side or stacked."""
    parts: list[RenderableType] = [Text(comparison_title(view), style="bold reverse"), Text()]
    parts.append(_overview(view, width))
    side_by_side = width >= MIN_COLUMN * len(view.columns)
    for row in view.rows:
        parts += _row(view, row, side_by_side)
    parts += references(view.references)
    parts += grade_key(comparison_key(view))
    return Group(*parts)


def conflicts(view: Conflicts, width: int = 80) -> RenderableType:
    parts: list[RenderableType] = [Text("Where the sources disagree", style="bold reverse")]
    if not view.pairs:
        parts += [Text(), Text("No contradictions are recorded in this corpus.", style="italic")]
    for n, pair in enumerate(view.pairs, 1):
        parts += [Text(), Text(f"{n}. {pair.first.topic_title}", style="bold magenta")]
        if pair.within:
            parts.append(Text(f"   ({within_label(pair)})", style="yellow"))
        rows: list[tuple[Text, RenderableType]] = []
        for side in (pair.first, pair.second):
            body = Text.assemble(status(side), side.text)
            if side.actors:
                body.append(" ").append(f"({', '.join(side.actors)})", style="italic")
            body.append(f" {refs_label(side.refs)}", style="dim")
            said: list[RenderableType] = [body]
            if side.grade is not None and grade_line(side.grade):  # as show (no quotes)
                said += graded(side.grade)
            if side.note:  # as show: why a disputed claim is doubted
                said.append(Text.assemble(("Note: ", "bold"), (side.note, "italic")))
            rows.append((Text("•"), Group(*said) if len(said) > 1 else body))
        parts.append(bullets(rows[:1]))
        parts.append(Text("  ⚡ contradicts", style="bold red"))
        parts.append(bullets(rows[1:]))
    if view.missing:
        parts.append(Text())
    for line in view.missing:
        parts.append(Text(line, style="yellow"))
    parts += references(view.references)
    parts += grade_key(conflicts_key(view))
    return Group(*parts)


def results(view: Results, width: int = 80) -> RenderableType:
    """Each hit: what it is and the command that opens it, then the matched snippet."""
    parts: list[RenderableType] = []
    for hit in view.hits:
        head = Table.grid(padding=(0, 1), expand=True)
        head.add_column(ratio=1)
        head.add_column(no_wrap=True, justify="right", style="green")
        if hit.kind == Kind.CLAIM:
            what = Text.assemble(("claim in ", "dim"), (hit.title, "bold"))
        else:
            what = Text.assemble((hit.title, "bold"), (f" ({hit.kind})", "dim"))
        head.add_row(what, f"brief show {hit.opens}")
        snippet = Text()
        for part, match in split_marks(hit.snippet):
            snippet.append(part, style="bold yellow" if match else "")
        parts += [head, Padding(snippet, (0, 0, 0, 2))]
    return Group(*parts)


def validation(view: Validation) -> RenderableType:
    """Each problem: where, in bold, then what is wrong and its code."""
    from ..corpus.knockons import heading

    lines = []
    cause = ""
    for p, caused in zip(view.problems, view.causes or [""] * len(view.problems), strict=True):
        if caused and caused != cause:
            lines.append(Text(f"  {heading(view.caused_by(caused), caused)}:", style="italic"))
        cause = caused
        where = f" {p.where}:" if p.where else ""
        lines.append(
            Text.assemble(
                "    " if caused else "",
                (f"{p.file}:{where}", "bold"),
                f" {p.message} ",
                (f"[{p.code}]", "dim"),
            )
        )
    return Group(*lines)


def timeline(view: Timeline) -> RenderableType:
    """Each date in bold, its claims under it as a briefing shows them, then the sources."""
    parts: list[RenderableType] = [Text(view.heading, style="bold reverse")]
    if not view.events:
        parts += [Text(), Text(view.no_events_line, style="italic")]
    for date, points in view.by_date():
        parts += [Text(), Text(date, style="bold magenta")]
        parts.append(bullets([(Text("•"), point(p)) for p in points]))
    if view.not_shown_line:
        parts += [Text(), Text(f"({view.not_shown_line})", style="dim italic")]
    for line in view.missing:
        parts += [Text(), Text(line, style="yellow")]
    return Group(*parts, *references(view.references), *grade_key(timeline_key(view)))


class TerminalRenderer:
    """Rich, in colour (or, with *colour* False, its layout alone: no escape codes),
    laid out to the terminal's width."""

    def __init__(self, width: int, colour: bool = True) -> None:
        self.width = width
        self.colour = colour

    def _print(self, parts: Sequence[RenderableType]) -> str:
        # colour was chosen already (--color, -f terminal or auto): NO_COLOR has had its say
        console = make_console(
            file=io.StringIO(),
            force_terminal=True,
            no_color=False,
            width=self.width,
            **({} if self.colour else {"color_system": None}),
        )
        for i, part in enumerate(parts):
            if i:
                console.print()
            console.print(part)
        return strip_trailing(console.file.getvalue())  # type: ignore[attr-defined]

    def briefings(self, views: Sequence[Briefing], several: bool = False) -> str:
        return self._print([briefing(view) for view in views])

    def listing(self, view: Listing) -> str:
        return self._print([listing(view, self.width)])

    def comparison(self, view: Comparison) -> str:
        return self._print([comparison(view, self.width)])

    def conflicts(self, view: Conflicts) -> str:
        return self._print([conflicts(view, self.width)])

    def results(self, view: Results) -> str:
        return self._print([results(view, self.width)])

    def validation(self, view: Validation) -> str:
        return self._print([validation(view)]) if view.problems else ""

    def claims(self, view: Claims) -> str:
        from .claimtable import claims

        return self._print([claims(view, self.width)])

    def timeline(self, view: Timeline) -> str:
        return self._print([timeline(view)])

    def graph(self, view: Graph) -> str:
        from .graphterm import graph

        return self._print([graph(view, self.width)])
