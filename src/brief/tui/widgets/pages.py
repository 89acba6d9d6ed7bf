"""Lay a briefing or a comparison out as a :class:`Page` of blocks and links.

Only layout is decided here: which claims, in which order, with which citations
comes from the view records (``views``, ``comparison``), as for every CLI format.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import partial
from typing import TYPE_CHECKING

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget

from ...views.gradewords import (
    LEGEND_HEADING,
    briefing_key,
    comparison_key,
    comparison_without_quotes,
    without_quotes,
)
from ...views.records import Briefing, Link, Point, Reference
from ...views.wording import (
    comparison_title,
    empty_cell,
    left_out_line,
    row_kind,
    shared_label,
)
from .. import text
from ..history import Place
from ..messages import Follow, GoToAnchor, OpenRelation, ShowCitation
from .blocks import Block, Jump
from .pane import Page

if TYPE_CHECKING:  # annotations only: the comparison builder is loaded with its screen
    from ...views.comparison import Comparison


def entry_link(
    known: Collection[str], key: str, content: Content, classes: str, name: str | None = None
) -> Block:
    """A heading that opens entry *key*'s briefing, or plain text when *key* is no entry.

    *known* are the ids of every entry (the catalogue's); *name* names the link.
    """
    if key in known:
        return Jump(content, partial(Follow, Place(key)), classes=f"{classes} link", name=name)
    return Block(content, classes=classes)


def _points(page: Page, points: tuple[Point, ...], shown: set[str]) -> list[tuple[Widget, int]]:
    """Each point as a block, with its contradicting and supporting claims as links under
    it; and the cells of text it holds (see ``Page.add``)."""
    out: list[tuple[Widget, int]] = []
    for item in points:
        parts: list[Block] = [Block(text.point(item), classes="point")]
        under = [
            *((text.counter(o), o, "counter") for o in item.contested_by),
            *((text.support(o), o, "support") for o in item.supported_by),
        ]
        for content, other, classes in under:
            if other.id in shown:  # on this page: scroll to it
                anchor = f"claim:{other.id}"
                parts.append(Jump(content, partial(GoToAnchor, anchor), classes=classes))
            else:
                place = Place(other.topic, other.id)
                parts.append(Jump(content, partial(Follow, place), classes=classes))
        claim = Vertical(*parts, classes="claim")
        page.anchors.setdefault(f"claim:{item.id}", claim)
        out.append((claim, sum(p.base.cell_length for p in parts)))
    return out


def citing(points: list[Point], number: int) -> tuple[Point, ...]:
    """The points (counter-claims and supporting claims included) that cite reference
    *number*, each once."""
    found: dict[str, Point] = {}
    for item in points:
        for one in (item, *item.contested_by, *item.supported_by):
            if number in one.refs:
                found.setdefault(one.id, one)
    return tuple(found.values())


def _related(page: Page, title: str, links: tuple[Link, ...]) -> None:
    if not links:
        return
    page.heading(Block(Content(title), classes="heading"), "related", Content(title))
    for item in links:
        page.add(Jump(text.link(item), partial(Follow, Place(item.id)), classes="link"))


def _relations(page: Page, view: Briefing) -> None:
    """An actor's relations, near the top as ``brief show`` lists them; each opens the
    claims that state it."""
    if not view.relations:
        return
    label = Content.assemble("Relations", ("  g: by kind", "not bold not underline dim"))
    page.heading(Block(label, classes="heading"), "relations", Content("Relations"))
    for item in view.relations:
        opens = partial(OpenRelation, view.id, item)
        page.add(Jump(text.relation(item), opens, classes="relation"))


def _references(page: Page, refs: tuple[Reference, ...], points: list[Point]) -> None:
    if not refs:
        return
    page.heading(Block(Content("Sources"), classes="heading"), "sources", Content("Sources"))
    for ref in refs:

        def make(ref: Reference = ref) -> ShowCitation:
            return ShowCitation(ref, citing(points, ref.number))

        page.add(Jump(text.reference(ref), make, classes="reference"))


def _legend(page: Page, key: list[tuple[str, str]]) -> None:
    """The key to the grades shown (``gradewords.legend``), under a heading."""
    if not key:
        return
    label = Content(LEGEND_HEADING)
    page.heading(Block(label, classes="heading"), "grades", label)
    for mark, words in key:
        page.add(
            Block(Content.assemble((f"{mark}  ", "bold $text-accent"), words), classes="grade")
        )


def gone_page(ident: str, why: str) -> Page:
    """The page of an entry that was being read when an edit took it out of the corpus."""
    from ...core.unsafe import shown_line

    page = Page()
    page.title(Content(shown_line(ident)))
    page.add(Block(Content(f"No longer in the corpus: {shown_line(why)}"), classes="empty"))
    page.add(Block(Content("This page comes back when the file is fixed."), classes="empty"))
    return page


def briefing_page(view: Briefing, known: Collection[str], quotes: bool = False) -> Page:
    """A briefing: title, summary, facts, claims by section, related entries, sources;
    with *quotes*, each claim's quotes under it (``brief show --quotes``). A citation
    opened from the page marks the quotes in the section's text either way."""
    page = Page()
    page.title(Content(view.title))
    if view.summary:
        page.add(Block(Content(view.summary), classes="summary"))
    if view.facts:
        page.add(Block(text.facts(view.facts), classes="facts"))
    _relations(page, view)
    all_points = [p for s in view.sections for p in s.points]
    shown = {p.id for p in all_points}
    for section in (view if quotes else without_quotes(view)).sections:
        label = Content(section.title)
        anchor = f"section:{section.key}"
        page.heading(entry_link(known, section.key, label, "heading"), anchor, label)
        for widget, cells in _points(page, section.points, shown):
            page.add(widget, cells=cells)
    if not view.sections:
        page.add(Block(Content(view.no_claims_line), classes="empty"))
    _related(page, view.related_heading, view.related)
    _references(page, view.references, all_points)
    _legend(page, briefing_key(view))
    for line in view.missing:
        page.add(Block(Content(line), classes="left-out"))
    return page


def comparison_page(
    view: Comparison,
    known: Collection[str],
    stacked: bool,
    *,
    counted: bool = True,
    note: str = "",
    width: int | None = None,
    quotes: bool = False,
) -> Page:
    """A comparison: overview, then per row the shared claims and the columns; laid out
    for a pane *width* cells wide, if known (see ``text.overview``); with *quotes*, each
    claim's quotes under it (``brief compare --quotes``)."""
    page = Page()
    heading = Content(comparison_title(view))
    if note:
        heading = Content.assemble(heading, (f"  ({note})", "not bold"))
    page.title(heading)
    if not view.rows:
        page.add(Block(Content("Nothing to compare."), classes="empty"))
    for row, line in zip(view.rows, text.overview(view, counted, width), strict=True):
        page.add(Jump(line, partial(GoToAnchor, f"row:{row.key}"), classes="overview"))
    all_points = [
        p for row in view.rows for p in (*row.common, *(p for cell in row.cells for p in cell))
    ]
    shown = {p.id for p in all_points}
    # the points as drawn; a citation marks all_points' quotes in its text either way
    drawn = view if quotes else comparison_without_quotes(view)
    for row in drawn.rows:
        anchor = f"row:{row.key}"
        page.heading(
            entry_link(known, row.key, text.row_heading(row), "heading"), anchor, Content(row.title)
        )
        if row.common:
            page.add(Block(Content(shared_label(view)), classes="common"))
            for widget, cells in _points(page, row.common, shown):
                page.add(widget, cells=cells)
        columns: list[Widget] = []
        for column, cell in zip(view.columns, row.cells, strict=True):
            label = entry_link(known, column.id, Content(column.title), "column-title")
            if cell:
                body = [widget for widget, _ in _points(page, cell, shown)]
            else:
                body = [Block(Content(empty_cell(view, column, bool(row.common))), classes="empty")]
            columns.append(Vertical(label, *body, classes="column"))
        page.add(Horizontal(*columns, classes="columns -stacked" if stacked else "columns"))
        if row.left_out:
            line = Content(left_out_line(row.left_out, row_kind(view)))
            page.add(Block(line, classes="left-out"))
    _references(page, view.references, all_points)
    _legend(page, comparison_key(view))
    return page
