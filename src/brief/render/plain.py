"""Plain text: for pipes, files and ``NO_COLOR``. No escape codes, no decoration to strip."""

from __future__ import annotations

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
    grade_words,
    key_groups,
    quote_mark,
    quote_parts,
    timeline_key,
)
from ..views.records import (
    Briefing,
    Grade,
    Listing,
    Point,
    Reference,
    Results,
    Row,
    fact_text,
    split_marks,
)
from ..views.wording import (
    actors_words,
    comparison_title,
    counter_label,
    counter_text,
    counts,
    empty_cell,
    layer_label,
    left_out_line,
    link_label,
    reference_line,
    refs_label,
    relation_label,
    row_kind,
    shared_label,
    support_label,
    within_label,
)
from .cells import cell_len, ljust, split_at

if TYPE_CHECKING:  # annotations only: the comparison builder loads the whole core
    from ..views.claims import ClaimRow, Claims
    from ..views.comparison import Comparison, ComparisonRow, Conflicts
    from ..views.graph import Graph
    from ..views.timeline import Timeline
    from ..views.validation import Validation

#: Widest plain text is laid out: long lines are hard to read, even on a wide screen.
MAX_WIDTH = 100


#: The fewest cells a wrapped line keeps for its words after its indent (at ``--width
#: 20``, 20 after an indent of 8 made lines of 28).
MIN_TEXT = 10


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Greedy word wrap with hanging indents, one paragraph per line of *text*.

    Not ``textwrap``: its word-splitting regex alone takes ~5 ms to compile at every
    start, more than all of a warm ``brief show`` spends rendering. Words longer than a
    line are cut, so nothing overflows *width*, unless an indent leaves it fewer than
    :data:`MIN_TEXT` cells for words (``--width 20`` under a deep indent).
    """
    width = max(width, len(rest) + MIN_TEXT)
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        indent = first if number == 0 else rest
        if paragraph.strip() and len(indent) + cell_len(paragraph.strip()) <= width:
            lines.append(indent + paragraph.strip())  # fits: keep its spacing (aligned columns)
            continue
        words = paragraph.split()
        if not words:
            lines.append(indent.rstrip() if number == 0 else "")
            continue
        lines += _fill(words, width, indent, rest)
    return lines


def _wrap_ending(
    text: str, ending: tuple[str, ...], width: int, first: str, rest: str
) -> list[str]:
    """*text* and then each part of *ending* (a citation's ``[4, para 1]``, a grade's
    ``source B``), wrapped as :func:`_wrap` wraps, but each part kept whole on one line,
    not broken at its spaces (``[4,`` and ``para 1]`` on two lines read as two things).
    Nothing at all gives no lines."""
    parts = [part for part in ending if part]
    whole = " ".join([text, *parts] if text else parts)
    if not whole:
        return []
    if "\n" in whole or len(first) + cell_len(whole) <= width:
        return _wrap(whole, width, first, rest)
    return _fill([*text.split(), *parts], max(width, len(rest) + MIN_TEXT), first, rest)


def hanging(text: str, width: int, first: str, rest: str) -> list[str]:
    """*text* wrapped to *width* cells, its first line after *first*, the others after
    *rest*: for what another module lays out as plain text (``graphs``' claims)."""
    return _wrap(text, width, first, rest)


def _fill(words: list[str], width: int, first: str, rest: str) -> list[str]:
    """*words* laid out in lines of at most *width* cells (wide characters count two)."""
    lines: list[str] = []
    line, used = first, len(first)
    fresh = True  # nothing but the indent on this line yet
    for word in words:
        size = cell_len(word)
        if not fresh and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if not fresh:
            lines.append(line)
            line, used = rest, len(rest)
        while used + size > width:  # a word longer than a line (or unspaced CJK): cut it
            head, word = split_at(word, width - used)
            lines.append(line + head)
            line, used, size = rest, len(rest), cell_len(word)
        line, used = line + word, used + size
        fresh = False
    lines.append(line)
    return lines


def _point(point: Point, width: int) -> list[str]:
    status = f"[{point.status}] " if point.status != "reported" else ""
    who = f" ({actors_words(point)})" if point.actors else ""
    lines = _wrap_ending(
        f"{status}{point.text}{who}", (refs_label(point.refs),), width, "  - ", "    "
    )
    if point.grade is not None:  # the claim's own grade first, then why it is doubted
        lines += _graded(point.grade, width)
    if point.note:
        lines += _wrap(f"Note: {point.note}", width, "    ", "      ")
    for other in point.contested_by:
        lines += _under(f"! {counter_label(other)}", other, width)
    for other in point.supported_by:
        lines += _under(f"+ {support_label(other)}", other, width)
    return lines


def _under(label: str, other: Point, width: int) -> list[str]:
    """A claim shown under another (contradicting or supporting it), introduced by *label*."""
    status = f"[{other.status}] " if other.status != "reported" else ""
    context = f" ({other.context})" if other.context else ""
    graded = badge_words(other.grade) if other.grade and badge(other.grade) else ""
    text = f"{label}: {status}{counter_text(other)}{context}"
    return _wrap_ending(text, (refs_label(other.refs), graded), width, "    ", "      ")


def _graded(grade: Grade, width: int) -> list[str]:
    """A claim's grade line and, when asked for, its quotes (format 2)."""
    lines = _grade_line(grade, width)
    for quote in grade.quotes:
        said, where = quote_parts(quote)
        mark = quote_mark(quote).split()
        lines += _wrap_ending(said, (where, *mark), width, "    ", "      ")
    return lines


def _grade_line(grade: Grade, width: int) -> list[str]:
    """A grade's line (``source B · likely · 2018/2020``), its badge kept whole."""
    first, *rest = grade_words(grade) or [""]
    badge = f"{first} ·" if rest else first
    return _wrap_ending("", (badge, *" · ".join(rest).split()), width, "    ", "      ")


def _relations(view: Briefing, width: int) -> list[str]:
    """An actor's relations, under a heading; a contested one marked ``!``."""
    lines = ["", "Relations"] if view.relations else []
    for relation in view.relations:
        mark = "! " if relation.contested else "  "
        lines += _wrap(relation_label(relation), width, mark, "    ")
    return lines


def briefing(view: Briefing, width: int = 80) -> str:
    """The whole briefing as text lines wrapped to *width*."""
    lines = _heading(view.title, width)
    if view.summary:
        lines += _wrap(view.summary, width, "", "")
    if view.facts:
        lines.append("")
    for label, value in view.facts:
        lines += _wrap(f"{label}: {fact_text(label, value)}", width, "", "  ")
    lines += _relations(view, width)
    for section in view.sections:
        lines += ["", section.title]
        for point in section.points:
            lines += _point(point, width)
    if not view.sections:
        lines += ["", *_wrap(view.no_claims_line, width, "", "")]
    if view.related:
        related = ", ".join(link_label(x) for x in view.related)
        lines += ["", *_wrap(f"{view.related_heading}: {related}", width, "", "  ")]
    lines += references(view.references, width)
    lines += _legend(briefing_key(view), width)
    for line in view.missing:
        lines += ["", *_wrap(line, width, "", "")]
    return "\n".join(lines) + "\n"


def _legend(key: list[tuple[str, str]], width: int) -> list[str]:
    """The key to the grades shown (``gradewords.legend``), under a heading; none
    shown, nothing."""
    if not key:
        return []
    lines = ["", LEGEND_HEADING]
    for group in key_groups(key):
        room = max(cell_len(mark) for mark, _ in group)  # each group's words in a column
        for mark, words in group:
            lines += _wrap(words, width, f"  {ljust(mark, room)}  ", " " * (room + 4))
    return lines


def listing(view: Listing) -> str:
    """One id per line: made for grep, fzf and xargs.

    Long, ``id<TAB>title<TAB>layer``; names, ``name<TAB>kind<TAB>id`` (and the layer,
    long). A field never holds a tab or a newline.
    """
    from ..core.sanitize import inert_line  # a tag may hold a newline; only listings need this

    def fields(row: Row) -> list[str]:
        if view.kind == "names":
            return [row.id, row.kind, row.reaches, *([row.layer] if view.long else [])]
        if view.long and view.kind != "tags":
            return [row.id, row.title, layer_label(row)]
        return [row.id]

    return "".join(
        "\t".join(inert_line(field) for field in fields(row)) + "\n" for row in view.rows
    )


def references(refs: tuple[Reference, ...], width: int) -> list[str]:
    """The numbered sources under a heading (none: nothing), as every view lists them."""
    lines = ["", "Sources"] if refs else []
    for ref in refs:
        indent = " " * (len(str(ref.number)) + 5)
        lines += _wrap(reference_line(ref), width, f"  [{ref.number}] ", indent)
    return lines


def _heading(title: str, width: int) -> list[str]:
    """*title* wrapped to *width*, underlined as long as its longest line."""
    lines = _wrap(title, width, "", "") or [title]
    return [*lines, "=" * min(max(cell_len(line) for line in lines), width)]


def comparison(view: Comparison, width: int = 80) -> str:
    """An overview line per row, then each row's shared claims and columns in turn."""
    title = comparison_title(view)
    lines = [*_heading(title, width), ""]
    if not view.rows:
        lines.append("Nothing to compare: no claims on these.")
    name_width = min(max((cell_len(r.title) for r in view.rows), default=0), 32)
    verdict_width = min(max((cell_len(r.verdict) for r in view.rows), default=0), 28)
    narrow = name_width + 4 + 20 > width  # no room for the counts beside the titles
    for row in view.rows:
        head = f"  {ljust(row.title, name_width)}  {ljust(row.verdict, verdict_width)}"
        tail = counts(view, row)
        if narrow or cell_len(head.rstrip()) > width:  # the title, then verdict and counts
            lines += _wrap(row.title, width, "  ", "    ")
            lines += _wrap(row.verdict, width, "    ", "    ")
            lines += _wrap_counts(tail.split(" · "), width, "    ")
        elif cell_len(head) + 2 + cell_len(tail) <= width:
            lines.append(f"{head}  {tail}")
        else:  # too long for one line: the counts go under the verdict, still aligned
            lines.append(head.rstrip())
            lines += _wrap_counts(tail.split(" · "), width, " " * (name_width + 4))
    for row in view.rows:
        lines += _row(view, row, width)
    lines += references(view.references, width)
    lines += _legend(comparison_key(view), width)
    return "\n".join(lines) + "\n"


def _wrap_counts(parts: list[str], width: int, indent: str) -> list[str]:
    """``China 3 · Russia 0 · both 2`` wrapped at its dots, each count kept whole with
    its name (``both`` and ``2`` on different lines read as two things); a count longer
    than a line is wrapped as words, its number kept with the last of them. At least 20
    cells beside *indent*, as ``_wrap``."""
    width = max(width, len(indent) + 20)
    lines: list[str] = []
    line = ""
    for part in parts:
        joined = f"{line} · {part}" if line else part
        if line and cell_len(indent) + cell_len(joined) > width:
            lines.append(f"{indent}{line} ·")
            joined = part
        line = joined
        if cell_len(indent) + cell_len(line) > width:  # one count longer than a line
            *words, last, number = line.split()
            glued = [*words, f"{last}\u00a0{number}"]  # no break before the number
            *done, line = [x.replace("\u00a0", " ") for x in _fill(glued, width, indent, indent)]
            lines += done
            line = line[len(indent) :]
    return [*lines, f"{indent}{line}"] if line else lines


def _row(view: Comparison, row: ComparisonRow, width: int) -> list[str]:
    """One row of a comparison in detail: its shared claims, each column, what was left out."""
    lines = ["", *_wrap(f"{row.title}: {row.verdict}", width, "", "  ")]
    if row.common:
        lines.append(f"  {shared_label(view)}")
        for point in row.common:
            lines += ["  " + line for line in _point(point, width - 2)]
    for column, cell in zip(view.columns, row.cells, strict=True):
        lines += _wrap(column.title, width, "  ", "  ")
        if not cell:
            lines += _wrap(
                f"({empty_cell(view, column, bool(row.common))})", width, "    ", "     "
            )
        for point in cell:
            lines += ["  " + line for line in _point(point, width - 2)]
    if row.left_out:
        lines += _wrap(left_out_line(row.left_out, row_kind(view)), width, "  ", "  ")
    return lines


def conflicts(view: Conflicts, width: int = 80) -> str:
    """Each contradicting pair, both sides with their sources."""
    lines = ["Where the sources disagree", "=" * min(26, width)]
    if not view.pairs:
        lines.append("No contradictions are recorded in this corpus.")
    for n, pair in enumerate(view.pairs, 1):
        lines += ["", *_wrap(pair.first.topic_title, width, f"{n}. ", " " * len(f"{n}. "))]
        if pair.within:
            lines += _wrap(f"({within_label(pair)})", width, "   ", "    ")
        for side in (pair.first, pair.second):
            status = f"[{side.status}] " if side.status != "reported" else ""
            who = f" ({', '.join(side.actors)})" if side.actors else ""
            ending = (refs_label(side.refs),)
            lines += _wrap_ending(f"{status}{side.text}{who}", ending, width, "  - ", "    ")
            if side.grade is not None:  # as show, without quotes
                lines += _grade_line(side.grade, width)
            if side.note:  # as show: why a disputed claim is doubted
                lines += _wrap(f"Note: {side.note}", width, "    ", "      ")
            if side is pair.first:
                lines.append("    ! contradicts")
    if view.missing:
        lines.append("")
    for line in view.missing:
        lines += _wrap(line, width, "", "")
    lines += references(view.references, width)
    lines += _legend(conflicts_key(view), width)
    return "\n".join(lines) + "\n"


def results(view: Results, width: int = 80) -> str:
    """Each hit: what it is, the command that opens it, and the snippet that matched."""
    lines: list[str] = []
    for hit in view.hits:
        what = f"{hit.title} ({hit.kind})" if hit.kind != Kind.CLAIM else f"claim in {hit.title}"
        command = f"brief show {hit.opens}"
        gap = max(2, width - cell_len(what) - len(command))
        if gap + cell_len(what) + len(command) <= width:
            lines.append(f"{what}{' ' * gap}{command}")
        else:  # the title wraps; the command stays whole, to be copied
            lines += [*_wrap(what, width, "", "  "), f"  {command}"]
        text = "".join(part for part, _ in split_marks(hit.snippet))
        if text.strip():  # a hit on a title alone has no snippet: no blank line for it
            lines += _wrap(text, width, "  ", "  ")
    return "\n".join(lines) + ("\n" if lines else "")


def validation(view: Validation) -> str:
    """Each problem on a line of its own, made for grep and editors' error lists; the
    knock-ons of a skipped file indented under a line that counts them."""
    from ..corpus.knockons import heading

    lines = []
    cause = ""
    causes = view.causes or [""] * len(view.problems)
    for (problem, line, _), caused in zip(view.located(), causes, strict=True):
        if caused and caused != cause:
            lines.append(f"  {heading(view.caused_by(caused), caused)}:")
        cause = caused
        lines.append(f"{'    ' if caused else ''}{problem.at(line)}")
    return "".join(f"{line}\n" for line in lines)


def claims(view: Claims) -> str:
    """One claim per line, tab-separated, no header: id, status, grade, topic, actors,
    sources, date and text, or the fields ``--fields`` chose, in its order (lists joined
    by commas; an empty field is empty; a yes or no ``true`` or ``false``). Made for
    cut, sort, awk -F'\\t' and fzf; a field never holds a tab or a newline."""
    from ..core.sanitize import inert_line

    def fields(row: ClaimRow) -> list[str]:
        if view.chosen:
            return [_field(getattr(row, key)) for key in view.fields]
        return [
            row.id,
            row.status,
            row.grade,
            row.topic,
            ",".join(row.actors),
            ",".join(row.sources),
            row.date or "",
            row.text,
        ]

    return "".join("\t".join(inert_line(f) for f in fields(row)) + "\n" for row in view.rows)


def _field(value: object) -> str:
    """A field of a piped row: a list joined by commas, nothing for none, a yes or no
    as ``true`` or ``false`` (as JSON writes them)."""
    if isinstance(value, tuple):
        return ",".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def timeline(view: Timeline, width: int = 80) -> str:
    """The dates in order, each with its claims as a briefing shows them, then the sources."""
    lines = _heading(view.heading, width)
    if not view.events:
        lines += ["", *_wrap(view.no_events_line, width, "", "")]
    for date, points in view.by_date():
        lines += ["", date]
        for point in points:
            lines += _point(point, width)
    if view.not_shown_line:
        lines += ["", f"({view.not_shown_line})"]
    for line in view.missing:
        lines += ["", *_wrap(line, width, "", "")]
    lines += references(view.references, width)
    lines += _legend(timeline_key(view), width)
    return "\n".join(lines) + "\n"


class PlainRenderer:
    """Plain text wrapped to *width* cells (``get_renderer`` gives the terminal's, at
    most :data:`MAX_WIDTH`, unless ``--width`` says otherwise)."""

    def __init__(self, width: int) -> None:
        self.width = width

    def briefings(self, views: Sequence[Briefing], several: bool = False) -> str:
        return "\n".join(briefing(view, self.width) for view in views)

    def listing(self, view: Listing) -> str:
        return listing(view)

    def comparison(self, view: Comparison) -> str:
        return comparison(view, self.width)

    def conflicts(self, view: Conflicts) -> str:
        return conflicts(view, self.width)

    def results(self, view: Results) -> str:
        return results(view, self.width)

    def validation(self, view: Validation) -> str:
        return validation(view)

    def claims(self, view: Claims) -> str:
        return claims(view)

    def timeline(self, view: Timeline) -> str:
        return timeline(view, self.width)

    def graph(self, view: Graph) -> str:
        from .graphs import plain

        return plain(view, self.width)
