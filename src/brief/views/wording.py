"""Small wording and layout decisions shared by every renderer and the TUI, so all say the same."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.names import normalise
from .records import Link, Point, Reference, Row

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from .comparison import Comparison, ComparisonRow

#: Narrowest a side-by-side comparison column may be, in cells, before columns stack.
MIN_COLUMN = 36


def refs_label(refs: tuple[int, ...]) -> str:
    """``[1,3]`` for a point's citations."""
    return f"[{','.join(str(n) for n in refs)}]" if refs else ""


def link_label(link: Link) -> str:
    """A related entry as a reader types it: the title, with the id when they differ."""
    return link.title if normalise(link.title) == link.id else f"{link.title} ({link.id})"


def reference_label(ref: Reference) -> str:
    """``Title, "Section" (Author, Year)``, with what is known of author and year."""
    label = f'{ref.title}, "{ref.section}"' if ref.section else ref.title
    byline = ", ".join(x for x in (ref.author, ref.year) if x)
    return f"{label} ({byline})" if byline else label


def short(text: str, limit: int = 60) -> str:
    """The start of *text*, cut at a word, for pointing back at a claim shown above."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def counter_label(point: Point) -> str:
    """How a contradicting claim is introduced."""
    return "contradicted by the claim above" if point.above else "contradicted by"


def support_label(point: Point) -> str:
    """How a supporting claim is introduced."""
    return "supported by the claim above" if point.above else "supported by"


def counter_text(point: Point) -> str:
    """A contradicting (or supporting) claim's text: in full, or shortened when it is shown
    above."""
    return f"“{short(point.text)}”" if point.above else point.text


def comparison_title(view: Comparison) -> str:
    """``China vs Russia``."""
    return " vs ".join(c.title for c in view.columns)


def shared_label(view: Comparison) -> str:
    """The heading over claims about several of the actors compared.

    Not "common ground": a claim about two actors may be about a quarrel between them.
    """
    return "About both" if len(view.columns) == 2 else "About two or more of them"


def empty_cell(view: Comparison, column: Link, shared: bool = False) -> str:
    """What an empty column says, so gaps in the record are visible."""
    if view.kind != "actors":
        return f"no claims in {column.title}"
    return f"nothing on {column.title} alone" if shared else f"no claims on {column.title}"


def counts(view: Comparison, row: ComparisonRow) -> str:
    """``China 3 · Russia 0 · both 2`` for an overview line."""
    bits = [f"{c.title} {len(cell)}" for c, cell in zip(view.columns, row.cells, strict=True)]
    if view.kind == "actors":
        bits.append(f"{'both' if len(view.columns) == 2 else 'shared'} {row.shared}")
    return " · ".join(bits)


def layer_label(row: Row) -> str:
    """Where a listed entry comes from: ``notes`` or ``notes, overrides [bundled]``."""
    if not row.overrides:
        return row.layer
    return f"{row.layer}, overrides {', '.join(row.overrides)}"
