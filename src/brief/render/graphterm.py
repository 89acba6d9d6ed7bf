"""``brief graph`` in a terminal: the matrix when it fits the width, then each actor's
relations (the lines of ``graphs.lines``, in colour). Readable without colour: a
contested edge is marked ``!`` and says so in words."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..views.graph import Graph, matrix
from .cells import cell_len
from .graphs import heading, legend, lines, notes

#: The fewest cells an actor's name is cut to in the matrix's first column, where the
#: width has no room for the longest whole (with room, names are whole: a trial saw
#: "Suez Canal Author…" at 140 columns).
NAME_LIMIT = 18


def _name(text: str, limit: int) -> str:
    return text if cell_len(text) <= limit else text[: limit - 1] + "…"


def _cells(view: Graph) -> tuple[list[list[str]], int]:
    """The matrix's cells, and the columns all but the names take (the rows' numbers,
    the cells, one column between each)."""
    cells = matrix(view)
    cell = max(2, *(len(c) for row in cells for c in row))
    number = len(str(len(view.nodes))) + 1  # "12 " before a name
    return cells, number + len(view.nodes) * (cell + 1)


def matrix_width(view: Graph) -> int:
    """The fewest columns the matrix of *view* is drawn in (its names cut to
    :data:`NAME_LIMIT`); 0 when it has no matrix (fewer than two actors)."""
    if len(view.nodes) < 2:
        return 0
    longest = max(cell_len(n.title) for n in view.nodes)
    return _cells(view)[1] + min(longest, NAME_LIMIT)


def _matrix(view: Graph, width: int) -> RenderableType | None:
    """The matrix, rows acting on columns (numbered as the rows), or None when it would
    be wider than *width*."""
    if not 0 < matrix_width(view) <= width:
        return None
    cells, taken = _cells(view)
    room = width - taken  # what the names may take
    longest = max(cell_len(n.title) for n in view.nodes)
    limit = min(longest, max(NAME_LIMIT, room))
    table = Table(box=None, show_header=True, pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column("", no_wrap=True)
    for i in range(1, len(view.nodes) + 1):
        table.add_column(str(i), justify="left", no_wrap=True, header_style="bold")
    for i, (node, row) in enumerate(zip(view.nodes, cells, strict=True), 1):
        shown = [
            Text(c, style="bold red" if "!" in c else "cyan") if c else Text("·", style="dim")
            for c in row
        ]
        table.add_row(Text(f"{i} {_name(node.title, limit)}", style="bold"), *shown)
    words = Text(f"rows act on columns: {legend(view)}", style="dim")
    return Group(table, words)


def graph(view: Graph, width: int) -> RenderableType:
    """The heading, the matrix if it fits, then each actor's relations (with their
    claims, and then the sources, when ``--long``)."""
    parts: list[RenderableType] = [Text(heading(view), style="bold reverse")]
    grid = _matrix(view, width)
    if grid is not None:
        parts += [Text(), grid]
    elif matrix_width(view):  # a trial, at 80 and 120 columns, never learnt there was one
        need = matrix_width(view)
        said = f"(the matrix of who acts on whom needs {need} columns; this has {width})"
        parts += [Text(), Text(said, style="dim")]
    for line in lines(view, width):
        parts.append(Text.assemble(*((text, style) for text, style in line)))
    if notes(view):
        parts += [Text(), *(Text(line, style="dim") for line in notes(view))]
    if view.long:
        from .richtext import references

        parts += references(view.references)
    return Group(*parts)
