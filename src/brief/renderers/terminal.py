"""Rich output for a terminal: colour and layout that fold down to 40 columns.

Corpus strings enter rich only as ``Text`` objects, never as markup strings, so
``[link=...]`` or ``[/]`` in a corpus shows as what it is. Styles use the terminal's
own palette (bold, dim, named colours) so they read on dark and light themes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..views import Briefing, Listing, Point
from .common import (
    counter_context,
    counter_label,
    counter_text,
    link_label,
    reference_label,
    refs_label,
)

STATUS_STYLE = {
    "assessment": "cyan",
    "alleged": "yellow",
    "disputed": "bold red",
}


def make_console(**kwargs: object) -> Console:
    """A console that never interprets strings: no markup, no emoji, no highlighting."""
    return Console(markup=False, emoji=False, highlight=False, **kwargs)  # type: ignore[arg-type]


def _status(point: Point) -> Text:
    if point.status == "reported":
        return Text()
    return Text.assemble((point.status, STATUS_STYLE.get(point.status, "")), " ")


def _bullets(rows: Sequence[tuple[Text, RenderableType]], indent: int = 0) -> Table:
    grid = Table.grid(padding=(0, 1))
    if indent:
        grid.add_column(width=indent)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for bullet, body in rows:
        grid.add_row(*([""] if indent else []), bullet, body)
    return grid


def _point(point: Point, topic: str) -> RenderableType:
    body = Text.assemble(_status(point), point.text)
    if point.actors:
        body.append(f" (with {', '.join(point.actors)})", style="italic")
    body.append(f" {refs_label(point.refs)}", style="dim")
    parts: list[RenderableType] = [body]
    if point.note:
        parts.append(Text.assemble(("Note: ", "bold"), (point.note, "italic")))
    counters = []
    for other in point.contested_by:
        text = Text.assemble(
            (f"{counter_label(other)}: ", "bold red"), _status(other), counter_text(other)
        )
        context = counter_context(other, topic)
        if context:
            text.append(f" ({context})", style="italic")
        text.append(f" {refs_label(other.refs)}", style="dim")
        counters.append((Text("⚡", style="red"), text))
    if counters:
        parts.append(_bullets(counters))
    return Group(*parts)


def briefing(view: Briefing) -> RenderableType:
    """The briefing as one renderable."""
    parts: list[RenderableType] = [Text(view.title, style="bold reverse"), Text()]
    if view.summary:
        parts.append(Text(view.summary))
    if view.facts:
        facts = Text(style="dim")
        for i, (label, value) in enumerate(view.facts):
            facts.append(("\n" if i else "") + f"{label}: ", style="bold dim")
            facts.append(value)
        parts.append(facts)
    topic = view.id if view.kind == "topic" else ""
    for section in view.sections:
        parts += [Text(), Text(section.title, style="bold magenta underline")]
        parts.append(_bullets([(Text("•"), _point(p, topic)) for p in section.points]))
    if not view.sections:
        parts += [Text(), Text("No claims yet.", style="italic")]
    if view.related:
        title = "Related topics: " if view.kind == "topic" else "Topics: "
        related = Text(title, style="bold")
        related.append(", ".join(link_label(x) for x in view.related), style="green")
        parts += [Text(), related]
    if view.references:
        parts += [Text(), Text("Sources", style="bold")]
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="dim", justify="right")
        grid.add_column(ratio=1)
        for ref in view.references:
            grid.add_row(f"[{ref.number}]", Text(reference_label(ref)))
        parts.append(grid)
    return Group(*parts)


def listing(view: Listing) -> RenderableType:
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("id", style="green", no_wrap=True)
    if view.kind != "tags":
        table.add_column("name" if view.kind == "actors" else "title")
    table.add_column("", style="dim")
    for row in view.rows:
        cells = [Text(row.id)]
        if view.kind != "tags":
            cells.append(Text(row.title))
        cells.append(Text(row.detail))
        table.add_row(*cells)
    return table
