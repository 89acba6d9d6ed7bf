"""``brief claims`` in a terminal: a table that keeps its columns to the width there is.

Wide (140 columns or more): id, status, grade, date, topic, actors, sources and the
claim; from 90, without actors and sources; from 60, id, status, grade and the claim;
narrower, id, grade and the claim: the claim's own words keep room to be read. The
claim's text wraps in its column; ids never wrap. Corpus text enters rich only as
``Text``, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from ..views.claims import ClaimRow, Claims

#: From this width the table names each claim's actors and sources.
WIDE = 140
#: From this width it gives each claim's date and topic.
MEDIUM = 90
#: From this width it gives each claim's status.
NARROW = 60

_STATUS_STYLE = {"assessment": "cyan", "alleged": "yellow", "disputed": "bold red"}


def _columns(width: int) -> tuple[str, ...]:
    if width >= WIDE:
        return ("id", "status", "grade", "date", "topic", "actors", "sources", "claim")
    if width >= MEDIUM:
        return ("id", "status", "grade", "date", "topic", "claim")
    if width >= NARROW:
        return ("id", "status", "grade", "claim")
    return ("id", "grade", "claim")


def _cell(row: ClaimRow, column: str) -> Text:
    if column == "id":
        return Text(row.id, style="green")
    if column == "status":
        return Text(row.status, style=_STATUS_STYLE.get(row.status, ""))
    if column == "grade":
        return Text(row.grade, style="bold cyan")
    if column == "date":
        return Text(row.date or "", style="dim")
    if column in ("actors", "sources"):
        return Text(", ".join(getattr(row, column)), style="dim")
    return Text(row.text if column == "claim" else str(getattr(row, column)))


def claims(view: Claims, width: int) -> RenderableType:
    """The claims as a table, its columns chosen by *width*."""
    table = Table(box=None, pad_edge=False, header_style="bold", expand=True)
    columns = _columns(width)
    for column in columns:
        if column == "claim":
            table.add_column(column, ratio=1, min_width=16)
        elif column in ("actors", "sources"):
            table.add_column(column, max_width=24, overflow="fold")
        else:
            table.add_column(column, no_wrap=True, overflow="fold")
    for row in view.rows:
        table.add_row(*(_cell(row, column) for column in columns))
    return table
