"""HTML: one self-contained document per command, to open in a browser, mail or print.

The same view records as every format, drawn as HTML5 (see ``parts`` for briefings and
``page`` for the document and its rules): styles inline, no scripts, nothing fetched,
corpus text escaped everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...core.kinds import Kind
from ...views.gradewords import comparison_key, conflicts_key, grade_line, timeline_key
from ...views.records import Briefing, Listing, Point, Results, split_marks
from ...views.wording import (
    column_name,
    comparison_title,
    empty_cell,
    has_shared,
    layer_label,
    left_out_line,
    row_kind,
    rows_label,
    shared_count_label,
    shared_label,
    within_label,
)
from . import parts
from .page import Links, document, esc

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from ...views.claims import Claims
    from ...views.comparison import Comparison, ComparisonRow, Conflict, Conflicts
    from ...views.graph import Graph
    from ...views.timeline import Timeline
    from ...views.validation import Validation


def table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    """A table: *header* (escaped here), *rows* of HTML cells; columns in *numeric* align right."""
    num = ' class="num"'
    head = "".join(
        f'<th scope="col"{num if i in numeric else ""}>{esc(h)}</th>' for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>\n"
        for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def listing_body(view: Listing, doc: parts.Doc) -> str:
    """``brief list`` as a table; in an export, each entry links to its page."""
    if view.kind == "names":
        rows = [
            [
                f'<span class="ids">{esc(r.id)}</span>',
                esc(r.kind),
                parts.link(doc.entry_href(r.kind, r.reaches), esc(r.title)),
                f'<span class="ids">{esc(r.reaches)}</span>',
                esc(r.layer),
            ]
            for r in view.rows
        ]
        return table(["Name", "Kind", "Reaches", "Id", "Layer"], rows, set())
    kind = view.kind[:-1] if view.kind in ("topics", "actors", "sources") else ""
    header = ["Title", "Id", "Detail", *(["From"] if view.long else [])]
    rows = []
    for r in view.rows:
        title = parts.link(doc.entry_href(kind, r.id), esc(r.title)) if kind else esc(r.title)
        row = [title, f'<span class="ids">{esc(r.id)}</span>', esc(r.detail)]
        rows.append(row + ([esc(layer_label(r))] if view.long else []))
    return table(header, rows, set())


def listing(view: Listing) -> str:
    title = view.kind.capitalize()
    return document(title, f"<h1>{esc(title)}</h1>\n{listing_body(view, parts.Doc())}")


def comparison(view: Comparison) -> str:
    """An overview table, then a section per row with its shared claims and each column."""
    doc = parts.Doc()
    doc.place(p for row in view.rows for cell in (row.common, *row.cells) for p in cell)
    title = comparison_title(view)
    header = [rows_label(view), *(column_name(view, c) for c in view.columns)]
    if has_shared(view):
        header.append(shared_count_label(view).capitalize())
    rows = []
    for n, row in enumerate(view.rows, 1):
        cells = [parts.link(f"#row-{n}", esc(row.title)), *(str(len(c)) for c in row.cells)]
        cells += [str(row.shared)] if has_shared(view) else []
        rows.append([*cells, esc(row.verdict)])
    numeric = set(range(1, len(header)))
    body = [f"<h1>{esc(title)}</h1>\n", table([*header, "Verdict"], rows, numeric)]
    body += [_row(doc, view, row, n) for n, row in enumerate(view.rows, 1)]
    body += [parts.footnotes(doc, view.references), parts.grade_key(comparison_key(view))]
    return document(title, "".join(body))


def _row(doc: parts.Doc, view: Comparison, row: ComparisonRow, n: int) -> str:
    out = [
        f'<section id="{doc.unique(f"row-{n}")}">\n<h2>{esc(row.title)}: {esc(row.verdict)}</h2>\n'
    ]
    if row.common:
        out.append(f"<h3>{esc(shared_label(view))}</h3>\n{parts.points(doc, row.common)}")
    for column, cell in zip(view.columns, row.cells, strict=True):
        out.append(f"<h3>{esc(column.title)}</h3>\n")
        if not cell:
            out.append(
                f'<p class="muted"><em>{esc(empty_cell(view, column, bool(row.common)))}</em></p>\n'
            )
        else:
            out.append(parts.points(doc, cell))
    if row.left_out:
        out.append(f'<p class="left-out">{esc(left_out_line(row.left_out, row_kind(view)))}</p>\n')
    return "".join(out) + "</section>\n"


def conflicts_body(view: Conflicts, doc: parts.Doc) -> str:
    """Each pair as a section, its two claims linked to each other (and, in an export, to
    where their topics' pages show them)."""
    out = ["<h1>Where the sources disagree</h1>\n"]
    if not view.pairs:
        out.append('<p class="muted"><em>No contradictions are recorded in this corpus.</em></p>\n')
    for n, pair in enumerate(view.pairs, 1):
        first, second = doc.unique(f"pair-{n}-a"), doc.unique(f"pair-{n}-b")
        out += [
            f'<section class="pair" id="{doc.unique(f"pair-{n}")}">\n',
            f"<h2>{n}. {esc(pair.first.topic_title)}</h2>\n{_within(pair)}",
            '<ul class="points">\n',
            _side(doc, pair.first, first, second, "contradicts the next claim"),
            _side(doc, pair.second, second, first, "contradicted by the claim above"),
            "</ul>\n</section>\n",
        ]
    out += [f'<p class="left-out">{esc(line)}</p>\n' for line in view.missing]
    out += [parts.footnotes(doc, view.references), parts.grade_key(conflicts_key(view))]
    return "".join(out)


def _side(doc: parts.Doc, side: Point, mine: str, theirs: str, words: str) -> str:
    """One claim of a pair, linking to the other (*theirs*) and to its topic's page."""
    who = f' <span class="who">({esc(", ".join(side.actors))})</span>' if side.actors else ""
    home = doc.links.claim(side.topic, side.id)
    shown = f' <a href="{esc(home)}">in {esc(side.topic_title)}</a>' if home else ""
    said = ""
    if side.grade is not None and grade_line(side.grade):  # as show, without quotes
        said = f'<p class="grade-line">{esc(grade_line(side.grade))}</p>'
    if side.note:  # as show: why a disputed claim is doubted
        said += f'<p class="note"><em>Note:</em> {esc(side.note)}</p>'
    return (
        f'<li class="claim" id="{mine}">{parts.status(side)}{esc(side.text)}{who}'
        f'{parts.cites(doc, side.refs)}{shown} <a class="contested" href="#{theirs}">⚠ {words}</a>'
        f"{said}</li>\n"
    )


def _within(pair: Conflict) -> str:
    """A line saying the pair is one source contradicting itself; "" between sources."""
    if not pair.within:
        return ""
    said = within_label(pair)
    return f'<p class="within"><em>{esc(said[:1].upper() + said[1:])}</em></p>\n'


def results(view: Results) -> str:
    items = []
    for hit in view.hits:
        what = (
            f"{esc(hit.title)} ({esc(hit.kind)})"
            if hit.kind != Kind.CLAIM
            else f"claim in {esc(hit.title)}"
        )
        snippet = "".join(
            f"<mark>{esc(t)}</mark>" if m else esc(t) for t, m in split_marks(hit.snippet)
        )
        items.append(
            f'<li>{what}: {snippet} <span class="ids">brief show {esc(hit.opens)}</span></li>\n'
        )
    title = f"Search: {view.query}"
    return document(title, f'<h1>{esc(title)}</h1>\n<ul class="points">\n{"".join(items)}</ul>\n')


def validation(view: Validation) -> str:
    """The problems as a list (those another problem caused grouped under it), then the
    closing line."""
    from ...corpus.knockons import heading

    items, cause = [], ""
    causes = view.causes or [""] * len(view.problems)
    for (p, line, column), caused in zip(view.located(), causes, strict=True):
        if caused and caused != cause:
            items.append(
                f'<li class="muted">{esc(heading(view.caused_by(caused), caused))}:</li>\n'
            )
        cause = caused
        where = f" {esc(p.where)}:" if p.where and not column else ""
        indent = ' class="caused"' if caused else ""
        at = f"{esc(p.file)}:{line}" if line else esc(p.file)
        at += f":{column}" if column else ""
        items.append(
            f'<li{indent}><span class="ids">{at}</span>:{where} {esc(p.message)} '
            f"({esc(p.code)})</li>\n"
        )
    body = (
        f"<h1>Validation</h1>\n<ul>\n{''.join(items)}</ul>\n<p><em>{esc(view.summary)}</em></p>\n"
    )
    return document("Validation", body)


def claims(view: Claims) -> str:
    """A table: one row per claim, its lists joined by commas."""
    header = ["Claim", "Status", "Grade", "Topic", "Actors", "Sources", "Date", "Text"]
    rows = [  # the columns in the order of the piped rows (``claimtable.ALL``)
        [
            f'<span class="ids">{esc(r.id)}</span>',
            parts.status_word(r.status),
            esc(r.grade),
            esc(r.topic),
            esc(", ".join(r.actors)),
            esc(", ".join(r.sources)),
            esc(r.date or ""),
            esc(r.text),
        ]
        for r in view.rows
    ]
    where = f"<p><em>Filters: {esc(view.described)}.</em></p>\n" if view.filters else ""
    return document("Claims", f"<h1>Claims</h1>\n{where}{table(header, rows, set())}")


def timeline(view: Timeline) -> str:
    """A heading per date, its claims under it as a briefing lists them, then the sources."""
    doc = parts.Doc()
    doc.place(e.point for e in view.events)
    body = [f"<h1>{esc(view.heading)}</h1>\n"]
    if not view.events:
        body.append(f'<p class="muted"><em>{esc(view.no_events_line)}</em></p>\n')
    for date, points in view.by_date():
        body.append(f"<h2>{esc(date)}</h2>\n{parts.points(doc, points)}")
    if view.not_shown_line:
        body.append(f'<p class="left-out">{esc(view.not_shown_line)}.</p>\n')
    body += [f'<p class="left-out">{esc(line)}</p>\n' for line in view.missing]
    body += [parts.footnotes(doc, view.references), parts.grade_key(timeline_key(view))]
    return document(view.heading, "".join(body))


class HtmlRenderer:
    """One HTML5 document per output, self-contained and inert."""

    def briefings(self, views: Sequence[Briefing], several: bool = False) -> str:
        title = " · ".join(v.title for v in views)
        return document(title, parts.briefings(parts.Doc(), views))

    def listing(self, view: Listing) -> str:
        return listing(view)

    def comparison(self, view: Comparison) -> str:
        return comparison(view)

    def conflicts(self, view: Conflicts) -> str:
        doc = parts.Doc(Links())
        return document("Where the sources disagree", conflicts_body(view, doc))

    def results(self, view: Results) -> str:
        return results(view)

    def validation(self, view: Validation) -> str:
        return validation(view)

    def claims(self, view: Claims) -> str:
        return claims(view)

    def timeline(self, view: Timeline) -> str:
        return timeline(view)

    def graph(self, view: Graph) -> str:
        from ..graphs import heading
        from .graph import graph_body

        return document(heading(view), graph_body(parts.Doc(), view))
