"""``brief claims`` in a terminal: a table where every column fits, and below that, each
claim as a card.

From 140 columns: id, status, grade, topic, actors, sources, date and the claim (the
order of the tab-separated rows ``claims`` prints into a pipe). A
column no row fills (no claim graded or dated) takes no room, and the claim's own words
keep at least :func:`claim_room` columns: a long id folds onto more lines (to no less
than a third of the width), and when the others would still leave the claim less, they
go (sources, actors, topic, date, status, grade, in that order), named on a last line
(``Not shown at this width: actors, sources``). The claim's text wraps in its column (a
word too long for it, or text without spaces, folds).

Narrower, a table would fold ids mid-word, squeeze the claim's text into a third of the
width and leave columns out (a trial at 120 columns: the claim in 36, no actors or
sources), so each claim is drawn as a card (see :func:`cards`): its id, grade and date
on a line, its words under it at nearly the whole width, then its topic, actors and
sources (``in sanctions · about china · citing why-china``). Nothing is left out.
Corpus text enters rich only as ``Text``, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .richtext import STATUS_STYLE, status_word

if TYPE_CHECKING:
    from ..views.claims import ClaimRow, Claims

#: From this width the claims are a table, with every column; narrower, cards.
WIDE = 140
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


#: Every column, in the order the table gives them: the tab-separated rows' order (a
#: trial wrote ``cut -f`` from what the terminal showed).
ALL = ("id", "status", "grade", "topic", "actors", "sources", "date", "claim")


def _value(row: ClaimRow, column: str) -> str:
    if column in ("actors", "sources"):
        return ", ".join(getattr(row, column))
    if column == "claim":
        return row.text
    return str(getattr(row, column) or "")


def _columns(rows: tuple[ClaimRow, ...], width: int) -> tuple[list[str], dict[str, int]]:
    """The columns shown at *width*, and the width each but the claim's needs."""
    columns = [c for c in ALL if c in ("id", "claim") or any(_value(r, c) for r in rows)]
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
    """The claims as a table, its columns chosen by *width*; as cards below :data:`WIDE`."""
    if width < WIDE:
        return cards(view)
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
    unshown = [c for c in ALL if c not in columns and any(_value(r, c) for r in view.rows)]
    if not unshown:
        return table
    # said where it is missed: a reader would not know the table holds more
    note = f"Not shown at this width: {', '.join(unshown)} (-f plain or json gives every column)."
    return Group(table, Text(), Text(note, style="dim"))


def cards(view: Claims) -> RenderableType:
    """Each claim as a card, a blank line between two: its id, grade and date; its
    words (a status other than ``reported`` opening them, as in plain text); then
    its topic, actors and sources (``in sanctions · about china, russia · citing
    why-china``)."""
    parts: list[RenderableType] = []
    for row in view.rows:
        if parts:
            parts.append(Text())
        head = Text(overflow="fold")
        head.append(row.id, style="green")
        if row.grade:
            head.append(f"  {row.grade}", style="bold cyan")
        if row.date:
            head.append(f"  {row.date}", style="dim")
        where = [f"in {row.topic}"]
        where += [f"about {', '.join(row.actors)}"] if row.actors else []
        where += [f"citing {', '.join(row.sources)}"] if row.sources else []
        body = Group(
            Text.assemble(status_word(row.status), row.text, overflow="fold"),
            Text(" · ".join(where), style="dim", overflow="fold"),
        )
        parts += [head, Padding(body, (0, 0, 0, 2))]
    return Group(*parts)
