"""What ``brief validate`` reports, decided once: which problems, in which order, and the counts.

The plain and JSON renderers draw it; the command line adds only the exit code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.diagnostics import Diagnostic, line_column

if TYPE_CHECKING:
    from ..corpus.load import LoadResult
    from ..corpus.quotecheck import QuoteReport


class Located(NamedTuple):
    """A problem and where in its file it is, as :meth:`Validation.located` gives it."""

    problem: Diagnostic
    line: int
    """The line it is at, from 1; 0 where that is not known."""
    column: int
    """The column, from 1, of a problem that gives its own line and column (a syntax
    error: its ``where`` is ``line 24, column 8``); 0 for any other."""


class Validation(NamedTuple):
    """The problems found in the folders checked, and how many files were checked."""

    problems: tuple[Diagnostic, ...]
    """Every problem, causes first: each skipped file's problems followed by its
    knock-ons, then the others file by file in reading order, each file's from top to
    bottom."""
    files: int
    """How many corpus files were checked."""
    troubled: int
    """How many of them have problems of their own (not only knock-ons)."""
    causes: tuple[str, ...] = ()
    """In step with :attr:`problems`: the skipped file a problem is a knock-on of (a
    reference to an entry of that file), or "" for a problem of its own."""
    quotes_checked: int = 0
    """How many citation quotes were looked for in their source's text."""
    quotes_unchecked: int = 0
    """How many could not be: their source has no usable text."""
    left_out: tuple[tuple[str, int], ...] = ()
    """How many entries of each kind (``topics``...) the files checked define that are
    not in the corpus because of their problems, in the order a file holds the kinds;
    kinds with none left out are not listed."""
    beneath: int = 0
    """How many files of the active layers were read too, not reported on: a folder
    named to ``validate`` is checked on top of them (a progress display counts them)."""
    lines: tuple[int, ...] = ()
    """In step with :attr:`problems` (when given): the line of its file each is at,
    from 1, or 0 where that is not known (see ``corpus.where.problem_lines``)."""

    def at_lines(self, lines: Sequence[int]) -> Validation:
        """This report with *lines* (in step with :attr:`problems`; see
        :attr:`lines`), each file's problems ordered by them: a claim's keys are checked
        in the format's order, not as the file writes them, and a reader goes down the
        file. Problems with no line known keep their place at the top of the file's run,
        as :func:`validation` puts those with no place; knock-ons stay with their cause."""
        rows = list(
            zip(self.problems, self.causes or ("",) * len(self.problems), lines, strict=True)
        )
        ordered: list[tuple[Diagnostic, str, int]] = []
        for _, run in groupby(rows, key=lambda row: (row[0].file, row[1])):
            ordered += sorted(run, key=lambda row: row[2])  # stable: ties keep their order
        return self._replace(
            problems=tuple(p for p, _, _ in ordered),
            causes=tuple(c for _, c, _ in ordered) if self.causes else (),
            lines=tuple(n for _, _, n in ordered),
        )

    def located(self) -> list[Located]:
        """Each problem with its line (0 where not known), and the column of one that
        gives its own line and column (a syntax error): ``FILE:24:8:`` as compilers
        give it, for an editor's list of errors."""
        out = []
        for problem, line in zip(
            self.problems, self.lines or (0,) * len(self.problems), strict=True
        ):
            own = line_column(problem.where)
            out.append(Located(problem, line, 0) if own is None else Located(problem, *own))
        return out

    @property
    def knock_ons(self) -> int:
        """How many problems are knock-ons of skipped files."""
        return sum(1 for cause in self.causes if cause)

    @property
    def ok(self) -> bool:
        """No problems, and at least one file checked (none is almost always a wrong folder)."""
        return not self.problems and self.files > 0

    def caused_by(self, file: str) -> int:
        """How many problems are knock-ons of the skipped *file*."""
        return self.causes.count(file)

    @property
    def summary(self) -> str:
        """The closing line: ``3 problems in 2 of 9 files`` or ``ok: 9 files checked, ...``;
        knock-ons are counted apart: ``1 problem in 1 of 9 files, and 41 knock-ons ...``."""
        noun = "file" if self.files == 1 else "files"
        if self.problems:
            own = len(self.problems) - self.knock_ons
            count = f"{own:,} problem{'s' if own != 1 else ''}"
            where = (
                f"in {self.troubled:,} of {self.files:,} {noun}"
                if self.files
                else "(no corpus files found)"
            )
            if not self.knock_ons:
                return f"{count} {where}{self._left_out()}{self._after()}"
            knocks = f"{self.knock_ons:,} knock-on{'s' if self.knock_ons != 1 else ''}"
            return (
                f"{count} {where}, and {knocks} (references to entries of skipped files)"
                f"{self._left_out()}{self._after()}"
            )
        if not self.files:
            return "nothing to check: no .toml files in the corpus folders"
        return f"ok: {self.files:,} {noun} checked, no problems{self._after()}"

    def _after(self) -> str:
        """What every summary ends with: the quotes checked, then the files read beneath
        those checked (``; on top of 14 files of the active layers``); or nothing."""
        from .wording import counted

        beneath = f"; on top of {counted(self.beneath, 'file')} of the active layers"
        return self._quotes() + (beneath if self.beneath else "")

    def _left_out(self) -> str:
        """``; 1 topic and 3 claims left out until fixed``, or nothing when none are."""
        from ..core.kinds import SINGULAR

        parts = [f"{n:,} {SINGULAR[kind] if n == 1 else kind}" for kind, n in self.left_out]
        if not parts:
            return ""
        listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
        return f"; {listed} left out until fixed"

    def _quotes(self) -> str:
        """``; 3 quotes checked, 1 unchecked (no source text)``, or nothing without quotes."""
        if not self.quotes_checked and not self.quotes_unchecked:
            return ""
        noun = "quote" if self.quotes_checked == 1 else "quotes"
        unchecked = f", {self.quotes_unchecked:,} unchecked (no source text)"
        checked = f"; {self.quotes_checked:,} {noun} checked"
        return f"{checked}{unchecked if self.quotes_unchecked else ''}"


def validation(
    result: LoadResult, labels: Sequence[str] = (), quotes: QuoteReport | None = None
) -> Validation:
    """The report on *result*, keeping only the files of the layers labelled *labels*.

    With no *labels*, every file of every layer loaded is reported on. *quotes* adds
    the quote check's problems and counts (the quotes of the files reported on).
    """
    from ..corpus.knockons import split
    from ..corpus.layers import BUNDLED_LABEL
    from ..corpus.reader import display_name
    from ..corpus.schema import KINDS

    shown = [display_name("", label) for label in labels]  # as problems name their files
    found = (*result.problems, *(quotes.problems if quotes else ()))
    problems = [p for p in found if not shown or _within(p.file, shown)]
    files = [f for f in result.files if not shown or _within(f, shown)]
    order = {name: i for i, name in enumerate(result.files)}
    problems.sort(key=lambda p: (order.get(p.file, -1), _position(p.where)))
    own, knock_ons = split(problems, result.skipped)
    ordered: list[tuple[Diagnostic, str]] = []
    # a cause may be in a layer not reported on: its knock-ons are still grouped
    for cause in dict.fromkeys([*(p.file for p in own if p.file in knock_ons), *knock_ons]):
        ordered += [(p, "") for p in own if p.file == cause]
        ordered += [(p, cause) for p in knock_ons[cause]]
    ordered += [(p, "") for p in own if p.file not in knock_ons]
    # The bundled corpus's quotes were checked where it is made: its sources' texts are
    # not shipped, so here every one would count as unchecked, for every reader.
    bundled = [] if BUNDLED_LABEL in labels else [display_name("", BUNDLED_LABEL)]
    counted = [
        (c, u)
        for f, c, u in (quotes.by_file if quotes else ())
        if (not shown or _within(f, shown)) and not _within(f, bundled)
    ]
    checked, unchecked = sum(c for c, _ in counted), sum(u for _, u in counted)
    missing = [kind for file, kind in result.left_out_entries if not shown or _within(file, shown)]
    return Validation(
        tuple(p for p, _ in ordered),
        len(files),
        len({p.file for p in own}),
        tuple(cause for _, cause in ordered),
        checked,
        unchecked,
        tuple((kind, missing.count(kind)) for kind in KINDS if kind in missing),
        len(result.files) - len(files),
    )


def _position(where: str) -> tuple[Any, ...]:
    """Where a problem is, to list a file's problems from top to bottom.

    ``claims[10].actors[0]`` after ``claims[2]``, and the kinds in the order a file
    holds them; a line and column, or no place at all, first.
    """
    from ..corpus.schema import KINDS

    parts = [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", where) if x]
    head = where.split("[", 1)[0]
    return (KINDS.index(head) if head in KINDS else -1, *((isinstance(x, str), x) for x in parts))


def _within(name: str, labels: Sequence[str]) -> bool:
    return any(name == label or name.startswith(f"{label}/") for label in labels)
