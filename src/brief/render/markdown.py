"""Markdown: a briefing to paste into a document. Corpus text is escaped, never live."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.kinds import Kind
from ..views.gradewords import (
    LEGEND_HEADING,
    badge,
    badge_words,
    briefing_key,
    comparison_key,
    conflicts_key,
    grade_line,
    quote_line,
    timeline_key,
)
from ..views.records import Briefing, Listing, Point, Reference, Results, fact_text, split_marks
from ..views.wording import (
    actors_words,
    column_name,
    comparison_title,
    counter_label,
    counter_text,
    empty_cell,
    has_shared,
    layer_label,
    left_out_line,
    link_label,
    reference_line,
    refs_label,
    relation_label,
    row_kind,
    rows_label,
    shared_count_label,
    shared_label,
    support_label,
    within_label,
)

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from ..views.claims import Claims
    from ..views.comparison import Comparison, ComparisonRow, Conflicts
    from ..views.graph import Graph
    from ..views.timeline import Timeline
    from ..views.validation import Validation

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# What can open a block at the start of a line once _SPECIAL has done its work (which
# covers #, >, *, _, |, `, ~ and <): a list item (-, +, 1. or 1)), a rule (---) or a
# setext underline (=, -). Leading spaces are dropped: 1-3 of them still open these,
# four open a code block, and a paragraph's leading spaces are not shown anyway.
_BLOCK_START = re.compile(r" *(?:([-+=])|(\d{1,9})([.)]))?")


def escape(text: str) -> str:
    """Escape Markdown syntax so corpus text (links, emphasis, HTML) stays plain text.

    The result is one line, and whatever it starts with cannot open a block (a list,
    a heading, a rule, a quote, code), so it is as safe at the start of a line or of a
    list item as within one.
    """
    return _BLOCK_START.sub(_inert_start, _inline(text), count=1)


def paragraphs(text: str) -> str:
    """*text* escaped (see :func:`escape`), its paragraphs kept apart: a summary may have
    several, and ``-f markdown`` ran them into one (a trial; plain and HTML kept them)."""
    parts = (part.strip() for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(escape(part) for part in parts if part)


#: What ends a paragraph in corpus text: a line with nothing on it.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _inline(text: str) -> str:
    """Escaped for the middle of a line only: a fragment of a longer text (a snippet)."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _inert_start(match: re.Match[str]) -> str:
    marker, digits, delimiter = match.groups()
    if marker:
        return f"\\{marker}"
    return f"{digits}\\{delimiter}" if digits else ""


def _status(point: Point) -> str:
    return f"**{point.status}** · " if point.status != "reported" else ""


def _point(point: Point) -> list[str]:
    who = f" ({escape(actors_words(point))})" if point.actors else ""
    lines = [f"- {_status(point)}{escape(point.text)}{who} {escape(refs_label(point.refs))}"]
    if point.grade is not None and grade_line(point.grade):  # its own grade, then the note
        lines.append(f"  - {escape(grade_line(point.grade))}")
    for quote in point.grade.quotes if point.grade else ():
        label = "Quote" if quote.text is not None else "At"
        lines.append(f"  - *{label}:* {escape(quote_line(quote))}")
    if point.note:
        lines.append(f"  - *Note:* {escape(point.note)}")
    lines += [_under(f"⚠ *{counter_label(o).capitalize()}:*", o) for o in point.contested_by]
    lines += [_under(f"*{support_label(o).capitalize()}:*", o) for o in point.supported_by]
    return lines


def _under(label: str, other: Point) -> str:
    """A claim shown under another (contradicting or supporting it), introduced by *label*."""
    context = f" ({escape(other.context)})" if other.context else ""
    graded = f" {escape(badge_words(other.grade))}" if other.grade and badge(other.grade) else ""
    return (
        f"  - {label} {_status(other)}{escape(counter_text(other))}{context} "
        f"{escape(refs_label(other.refs))}{graded}"
    )


def briefing(view: Briefing) -> str:
    lines = [f"# {escape(view.title)}", ""]
    if view.summary:
        lines += [paragraphs(view.summary), ""]
    if view.facts:
        facts = (f"*{k}:* {escape(fact_text(k, v))}" for k, v in view.facts)
        lines += [" · ".join(facts), ""]
    if view.relations:
        lines += ["## Relations", ""]
        lines += [f"- {escape(relation_label(r))}" for r in view.relations]
        lines.append("")
    for section in view.sections:
        lines += [f"## {escape(section.title)}", ""]
        for point in section.points:
            lines += _point(point)
        lines.append("")
    if not view.sections:
        lines += [f"*{escape(view.no_claims_line)}*", ""]
    if view.related:
        lines += [f"## {view.related_heading}", ""]
        lines += [f"- {escape(link_label(x))}" for x in view.related]
        lines.append("")
    lines += references(view.references)
    lines += _legend(briefing_key(view))
    lines += [line for said in view.missing for line in (f"*{escape(said)}*", "")]
    return "\n".join(lines)


def _legend(key: list[tuple[str, str]]) -> list[str]:
    """The key to the grades shown (``gradewords.legend``), under a heading; none
    shown, nothing."""
    if not key:
        return []
    items = (f"- **{escape(mark)}** {escape(words)}" for mark, words in key)
    return [f"## {LEGEND_HEADING}", "", *items, ""]


def listing(view: Listing) -> str:
    lines = [f"# {view.kind.capitalize()}", ""]
    for row in view.rows:
        if view.kind == "names":
            reaches = f"the {row.kind} **{escape(row.title)}** ({escape(row.reaches)})"
            lines.append(f"- {escape(row.id)} → {reaches}, from {escape(row.layer)}")
            continue
        detail = f" — {escape(row.detail)}" if row.detail else ""
        # no code spans: corpus text holding a backtick would break out of one
        name = (
            f"**{escape(row.title)}** ({escape(row.id)})" if row.title != row.id else escape(row.id)
        )
        layer = f" — from {escape(layer_label(row))}" if view.long and row.layer else ""
        lines.append(f"- {name}{detail}{layer}")
    return "\n".join(lines) + "\n"


def references(refs: tuple[Reference, ...]) -> list[str]:
    """The numbered sources under a heading (none: nothing), as every view lists them."""
    if not refs:
        return []
    return ["## Sources", "", *(f"{r.number}. {escape(reference_line(r))}" for r in refs), ""]


def comparison(view: Comparison) -> str:
    """An overview table, then a section per row with its shared claims and each column."""
    lines = [f"# {escape(comparison_title(view))}", ""]
    header = [rows_label(view), *(escape(column_name(view, c)) for c in view.columns)]
    if has_shared(view):
        header.append(shared_count_label(view).capitalize())
    lines += ["| " + " | ".join([*header, "Verdict"]) + " |", "|" + "---|" * (len(header) + 1)]
    for row in view.rows:
        cells = [escape(row.title), *(str(len(c)) for c in row.cells)]
        if has_shared(view):
            cells.append(str(row.shared))
        lines.append("| " + " | ".join([*cells, escape(row.verdict)]) + " |")
    lines.append("")
    for row in view.rows:
        lines += _row(view, row)
    return "\n".join(lines + references(view.references) + _legend(comparison_key(view)))


def _row(view: Comparison, row: ComparisonRow) -> list[str]:
    """One row of a comparison in detail: its shared claims, each column, what was left out."""
    lines = [f"## {escape(row.title)}: {escape(row.verdict)}", ""]
    if row.common:
        lines += [f"### {shared_label(view)}", ""]
        for point in row.common:
            lines += _point(point)
        lines.append("")
    for column, cell in zip(view.columns, row.cells, strict=True):
        lines += [f"### {escape(column.title)}", ""]
        if not cell:
            lines.append(f"*{escape(empty_cell(view, column, bool(row.common)))}*")
        for point in cell:
            lines += _point(point)
        lines.append("")
    if row.left_out:
        lines += [f"*{left_out_line(row.left_out, row_kind(view))}*", ""]
    return lines


def conflicts(view: Conflicts) -> str:
    lines = ["# Where the sources disagree", ""]
    if not view.pairs:
        lines += ["*No contradictions are recorded in this corpus.*", ""]
    for n, pair in enumerate(view.pairs, 1):
        lines += [f"## {n}. {escape(pair.first.topic_title)}", ""]
        if pair.within:
            said = within_label(pair)
            lines += [f"*{escape(said[:1].upper() + said[1:])}*", ""]
        for side in (pair.first, pair.second):
            who = f" ({escape(', '.join(side.actors))})" if side.actors else ""
            lines.append(
                f"- {_status(side)}{escape(side.text)}{who} {escape(refs_label(side.refs))}"
            )
            if side.grade is not None and grade_line(side.grade):  # as show, without quotes
                lines.append(f"  - {escape(grade_line(side.grade))}")
            if side.note:  # as show: why a disputed claim is doubted
                lines.append(f"  - *Note:* {escape(side.note)}")
            if side is pair.first:  # as every other format says it (a trial missed it)
                lines.append("  - **contradicts the next claim**")
        lines.append("")
    for line in view.missing:
        lines += [f"*{escape(line)}*", ""]
    return "\n".join(lines + references(view.references) + _legend(conflicts_key(view)))


def results(view: Results) -> str:
    lines = [f"# Search: {escape(view.query)}", ""]
    for hit in view.hits:
        what = (
            f"{escape(hit.title)} ({hit.kind})"
            if hit.kind != Kind.CLAIM
            else (f"claim in {escape(hit.title)}")
        )
        snippet = "".join(
            f"**{_inline(t)}**" if m else _inline(t) for t, m in split_marks(hit.snippet)
        )
        lines.append(f"- {what}: {snippet} (`brief show {hit.opens}`)")
    return "\n".join(lines) + "\n"


def validation(view: Validation) -> str:
    """The problems as a list, then the closing line."""
    from ..corpus.knockons import heading

    lines = ["# Validation", ""]
    cause = ""
    for p, caused in zip(view.problems, view.causes or [""] * len(view.problems), strict=True):
        if caused and caused != cause:
            lines.append(f"  - {escape(heading(view.caused_by(caused), caused))}:")
        cause = caused
        where = f" {escape(p.where)}:" if p.where else ""
        indent = "    " if caused else ""
        lines.append(f"{indent}- {escape(p.file)}:{where} {escape(p.message)} ({p.code})")
    return "\n".join([*lines, "", f"*{escape(view.summary)}*", ""])


def claims(view: Claims) -> str:
    """A table: one row per claim, its lists joined by commas."""
    lines = ["# Claims", ""]
    if view.filters:
        lines += [f"*Filters: {escape(view.described)}.*", ""]
    lines += [  # the columns in the order of the piped rows (``claimtable.ALL``)
        "| Claim | Status | Grade | Topic | Actors | Sources | Date | Text |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in view.rows:
        cells = (
            row.id,
            row.status,
            row.grade,
            row.topic,
            ", ".join(row.actors),
            ", ".join(row.sources),
            row.date or "",
            row.text,
        )
        lines.append("| " + " | ".join(escape(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def timeline(view: Timeline) -> str:
    """A heading per date, its claims under it as a briefing lists them, then the sources."""
    lines = [f"# {escape(view.heading)}", ""]
    if not view.events:
        lines += [f"*{escape(view.no_events_line)}*", ""]
    for date, points in view.by_date():
        lines += [f"## {escape(date)}", ""]
        for point in points:
            lines += _point(point)
        lines.append("")
    if view.not_shown_line:
        lines += [f"*{escape(view.not_shown_line)}.*", ""]
    for line in view.missing:
        lines += [f"*{escape(line)}*", ""]
    return "\n".join(lines + references(view.references) + _legend(timeline_key(view)))


class MarkdownRenderer:
    """Markdown, unwrapped: the document it is pasted into lays it out."""

    def briefings(self, views: Sequence[Briefing], several: bool = False) -> str:
        return "\n".join(briefing(view) for view in views)

    def listing(self, view: Listing) -> str:
        return listing(view)

    def comparison(self, view: Comparison) -> str:
        return comparison(view)

    def conflicts(self, view: Conflicts) -> str:
        return conflicts(view)

    def results(self, view: Results) -> str:
        return results(view)

    def validation(self, view: Validation) -> str:
        return validation(view)

    def claims(self, view: Claims) -> str:
        return claims(view)

    def timeline(self, view: Timeline) -> str:
        return timeline(view)

    def graph(self, view: Graph) -> str:
        from .graphs import markdown

        return markdown(view)
