"""``brief claims`` in a terminal: a table that keeps its columns to the width there is.

Wide (140 columns or more): id, status, grade, date, topic, actors, sources and the
claim; from 90, without actors and sources; from 60, id, status, grade and the claim;
narrower, id, grade and the claim (a status other than ``reported`` then opens the
claim, ``[disputed]``, as in plain text). A column no row fills (no claim graded or dated)
takes no room, and the claim's own words keep at least :func:`claim_room` columns: a
long id folds onto more lines (to no less than a third of the width), and when the
others would still leave the claim less, they go (sources, actors, topic, date, status,
grade, in that order). The claim's text wraps in its column (a word too long for it,
or text without spaces, folds). Corpus text enters rich only as ``Text``, never as
markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from .richtext import STATUS_STYLE, status_word

if TYPE_CHECKING:
    from ..views.claims import ClaimRow, Claims

#: From this width the table names each claim's actors and sources.
WIDE = 140
#: From this width it gives each claim's date and topic.
MEDIUM = 90
#: From this width it gives each claim's status.
NARROW = 60
#: The fewest columns the claim's text is given, where the terminal has them.
CLAIM_ROOM = 30
#: The narrowest an id's column is folded to.
MIN_ID = 12
#: The widest the actors and sources columns grow (their names wrap within).
LIST_WIDTH = 24
#: The columns between two of the table's (its padding).
GAP = 2
#: The columns that go first when the claim would have too little room, first first.
_LEAST_NEEDED = ("sources", "actors", "topic", "date", "status", "grade")


def _chosen(width: int) -> list[str]:
    if width >= WIDE:
        return ["id", "status", "grade", "date", "topic", "actors", "sources", "claim"]
    if width >= MEDIUM:
        return ["id", "status", "grade", "date", "topic", "claim"]
    if width >= NARROW:
        return ["id", "status", "grade", "claim"]
    return ["id", "grade", "claim"]


def _value(row: ClaimRow, column: str) -> str:
    if column in ("actors", "sources"):
        return ", ".join(getattr(row, column))
    if column == "claim":
        return row.text
    return str(getattr(row, column) or "")


def _columns(rows: tuple[ClaimRow, ...], width: int) -> tuple[list[str], dict[str, int]]:
    """The columns shown at *width*, and the width each but the claim's needs."""
    columns = [c for c in _chosen(width) if c in ("id", "claim") or any(_value(r, c) for r in rows)]
    needs = {
        c: max(cell_len(c), *(cell_len(_value(r, c)) for r in rows))
        for c in columns
        if c != "claim"
    }
    for column in ("actors", "sources"):
        if column in needs:
            needs[column] = min(needs[column], LIST_WIDTH)

    def room() -> int:  # an id may fold to a third of the width before a column goes
        folded = min(needs["id"], max(MIN_ID, width // 3)) + GAP
        return width - folded - sum(needs[c] + GAP for c in columns if c not in ("id", "claim"))

    for column in _LEAST_NEEDED:
        if room() >= claim_room(width):
            break
        if column in columns:
            columns.remove(column)
            del needs[column]
    return columns, needs


def claim_room(width: int) -> int:
    """The fewest columns the claim's text keeps at *width*: :data:`CLAIM_ROOM`, or a
    third of a narrower terminal."""
    return min(CLAIM_ROOM, width // 3)


def _cell(row: ClaimRow, column: str, columns: list[str]) -> Text:
    text = _value(row, column)
    if column == "claim" and "status" not in columns:
        # no status column here: the claim says it, bracketed as in plain text
        return status_word(row.status).append(text)
    if column == "id":
        return Text(text, style="green")
    if column == "status":
        return Text(text, style=STATUS_STYLE.get(text, ""))
    if column == "grade":
        return Text(text, style="bold cyan")
    if column in ("date", "actors", "sources"):
        return Text(text, style="dim")
    return Text(text)


def claims(view: Claims, width: int) -> RenderableType:
    """The claims as a table, its columns chosen by *width*."""
    table = Table(box=None, pad_edge=False, header_style="bold", expand=True)
    columns, needs = _columns(view.rows, width)
    others = sum(needs[c] + GAP for c in columns if c not in ("id", "claim"))
    for column in columns:
        if column == "claim":
            table.add_column(column, ratio=1, min_width=claim_room(width), overflow="fold")
        elif column == "id":  # folds rather than leave the claim too little room
            most = max(MIN_ID, width - others - claim_room(width) - GAP)
            table.add_column(column, width=min(needs[column], most), overflow="fold")
        elif column in ("actors", "sources"):
            table.add_column(column, width=needs[column], overflow="fold")
        else:
            table.add_column(column, no_wrap=True, width=needs[column])
    for row in view.rows:
        table.add_row(*(_cell(row, column, columns) for column in columns))
    return table
