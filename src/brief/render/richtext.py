"""The pieces terminal output is built of: styles, hanging bullets, a claim, sources.

Corpus strings enter rich only as ``Text`` objects, never as markup strings (see
``terminal``, which lays whole views out of these pieces).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.containers import Lines
from rich.segment import Segment
from rich.text import Text

from ..views.gradewords import (
    LEGEND_HEADING,
    badge,
    badge_words,
    grade_words,
    key_groups,
    quote_mark,
    quote_parts,
)
from ..views.records import (
    Grade,
    Point,
    Quote,
    Reference,
)
from ..views.wording import (
    actors_words,
    counter_label,
    counter_text,
    reference_line,
    refs_label,
    support_label,
)

STATUS_STYLE = {
    "assessment": "cyan",
    "alleged": "yellow",
    "disputed": "bold red",
}


def make_console(**kwargs: object) -> Console:
    """A console that never interprets strings: no markup, no emoji, no highlighting."""
    return Console(markup=False, emoji=False, highlight=False, **kwargs)  # type: ignore[arg-type]


def status(point: Point) -> Text:
    """``[alleged]``, bracketed as in plain text: readable without colour too."""
    return status_word(point.status)


def status_word(status: str) -> Text:
    """``[alleged] `` for a claim of *status*, styled; empty for ``reported``."""
    if status == "reported":
        return Text()
    return Text.assemble((f"[{status}]", STATUS_STYLE.get(status, "")), " ")


_CODE = re.compile(r"\x1b\[[0-9;]*m")


def _line_end(line: str) -> str:
    """*line* without the spaces at its end, keeping the escape codes among them."""
    body, codes = line, ""
    while True:
        body = body.rstrip(" \t")
        start = body.rfind("\x1b[") if body.endswith("m") else -1
        if start < 0 or not _CODE.fullmatch(body, start):
            return body + codes
        body, codes = body[:start], body[start:] + codes


def strip_trailing(text: str) -> str:
    """*text* without spaces at the end of its lines: rich leaves them where it wraps and
    where it pads a table's cells, often among escape codes (which are kept)."""
    return "\n".join(_line_end(line) for line in text.split("\n"))


#: Stands in for a kept part's spaces while rich wraps it: one cell wide, and not a
#: space, so no line breaks at it. (rich breaks at any Unicode space, the no-break
#: space included.)
_MASK = "\ue000"


class Kept(Text):
    """Text with parts kept whole when it wraps, as plain text keeps them: a citation's
    ``[4, para 1]``, a grade's ``source B`` (``[4,`` and ``para 1]`` on two lines read as
    two things). Add them with :meth:`keep`; the rest wraps at its spaces as any text."""

    __slots__ = ("kept",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kept: list[tuple[int, int]] = []
        """Where the parts to keep whole are: (start, end) offsets in the text."""

    def keep(self, part: str, style: str = "") -> Kept:
        """Append *part*, never broken at its spaces."""
        start = len(self)
        self.append(part, style)
        self.kept.append((start, len(self)))
        return self

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        if not self.kept or _MASK in self.plain:  # a corpus that holds the stand-in: as is
            return super().wrap(console, width, **options)
        chars = list(self.plain)
        for start, end in self.kept:
            chars[start:end] = [_MASK if c == " " else c for c in chars[start:end]]
        masked = self.copy()
        masked.plain = "".join(chars)  # the same length: every style stays where it was
        lines = masked.wrap(console, width, **options)
        for line in lines:
            line.plain = line.plain.replace(_MASK, " ")
        return lines


class Hanging:
    """Bullets with a hanging indent: each body wrapped beside its bullet.

    A two-column ``Table.grid`` does the same but measures every cell twice over;
    for a briefing of fifty points that was most of the render time.
    """

    def __init__(
        self, rows: Sequence[tuple[Text, Sequence[RenderableType]]], indent: int = 0
    ) -> None:
        self.rows = rows
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gutter = self.indent + max((b.cell_len for b, _ in self.rows), default=0) + 1
        inner = options.update(width=max(options.max_width - gutter, 1), height=None)
        new_line = Segment.line()
        for bullet, body in self.rows:
            first = True
            for part in body:
                for line in console.render_lines(part, inner, pad=False, new_lines=False):
                    if first:
                        yield Segment(" " * self.indent)
                        yield from Text().append_text(bullet).render(console)  # keeps its style
                        yield Segment(" " * (gutter - self.indent - bullet.cell_len))
                        first = False
                    else:
                        yield Segment(" " * gutter)
                    yield from line
                    yield new_line


def bullets(rows: Sequence[tuple[Text, RenderableType]], indent: int = 0) -> Hanging:
    return Hanging(
        [(b, body.renderables if isinstance(body, Group) else [body]) for b, body in rows], indent
    )


def graded(grade: Grade) -> list[RenderableType]:
    """A claim's grade, the badge bold (``B2 · likely · moderate confidence``), and quotes."""
    words = grade_words(grade)
    line = Kept(style="dim")
    for i, word in enumerate(words):
        line.append(" · " if i else "")
        line.keep(word, style="bold cyan" if i == 0 and word == badge_words(grade) else "")
    quotes: list[RenderableType] = [_quote(q) for q in grade.quotes]
    return ([line] if words else []) + quotes


def _quote(quote: Quote) -> Text:
    """A quote in a line of its own, where it is (``[2, p. 4]``) kept whole."""
    said, where = quote_parts(quote)
    mark = quote_mark(quote)  # words the source's text does not hold: never in green
    kept = Kept(f"{said} " if said else "", style="italic yellow" if mark else "italic green")
    kept.keep(where)
    if mark:
        kept.append(f" {mark}", style="bold")
    return kept


def point(point: Point) -> RenderableType:
    body = Text.assemble(status(point), point.text)
    # each space unstyled: a line that wraps at it ends in no empty styled span (which
    # --color always wrote as "\x1b[3m\x1b[0m")
    if point.actors:
        body.append(" ").append(f"({actors_words(point)})", style="italic")
    if point.refs:
        body.append(" ").append(refs_label(point.refs), style="dim")
    parts: list[RenderableType] = [body]
    if point.grade is not None:  # the claim's own grade first, then why it is doubted
        parts += graded(point.grade)
    if point.note:
        parts.append(Text.assemble(("Note: ", "bold"), (point.note, "italic")))
    below = [
        (Text("⚡", style="red"), under(counter_label(o), "bold red", o))
        for o in point.contested_by
    ]
    below += [
        (Text("+", style="green"), under(support_label(o), "bold green", o))
        for o in point.supported_by
    ]
    if below:
        parts.append(bullets(below))
    return Group(*parts)


def under(label: str, style: str, other: Point) -> Text:
    """A claim shown under another (contradicting or supporting it), introduced by *label*."""
    text = Text.assemble((f"{label}: ", style), status(other), counter_text(other))
    if other.context:  # spaces unstyled: see point
        text.append(" ").append(f"({other.context})", style="italic")
    if other.refs:
        text.append(" ").append(refs_label(other.refs), style="dim")
    if other.grade is not None and badge(other.grade):
        kept = Kept()
        kept.append_text(text)
        kept.append(" ")
        text = kept.keep(badge_words(other.grade), style="bold cyan")
    return text


def grade_key(key: list[tuple[str, str]]) -> list[RenderableType]:
    """The key to the grades shown (``gradewords.legend``), under a heading; none
    shown, nothing."""
    if not key:
        return []
    # indented, two spaces after each mark, as in plain text; each group aligned apart
    rows = [[(Text(f"{m} ", style="bold cyan"), Text(w)) for m, w in g] for g in key_groups(key)]
    keys = (bullets(group, indent=2) for group in rows)
    return [Text(), Text(LEGEND_HEADING, style="bold"), *keys]


def references(refs: tuple[Reference, ...]) -> list[RenderableType]:
    if not refs:
        return []
    width = max(len(f"[{ref.number}]") for ref in refs)
    grid = bullets(
        [(Text(f"[{r.number}]".rjust(width), style="dim"), Text(reference_line(r))) for r in refs]
    )
    return [Text(), Text("Sources", style="bold"), grid]
