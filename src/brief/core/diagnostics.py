"""Problems found in a corpus, and the exceptions that carry failures to the CLI edge.

Each problem has a stable code (documented in docs/format.md) so that users can
look it up and scripts can match on it.
"""

from __future__ import annotations

from dataclasses import dataclass

UNREADABLE = "BRIEF001"
ENCODING = "BRIEF002"
SYNTAX = "BRIEF003"
FORMAT = "BRIEF004"
UNKNOWN_KEY = "BRIEF005"
MISSING_KEY = "BRIEF006"
WRONG_TYPE = "BRIEF007"
BAD_VALUE = "BRIEF008"
DUPLICATE_ID = "BRIEF009"
UNKNOWN_REF = "BRIEF010"
UNKNOWN_SECTION = "BRIEF011"
NAME_CLASH = "BRIEF012"
DISPUTED_NO_NOTE = "BRIEF013"
SELF_REFERENCE = "BRIEF014"
TOO_COMPLEX = "BRIEF015"
NEEDS_FORMAT_2 = "BRIEF016"
QUOTE_NOT_FOUND = "BRIEF017"
TEXT_UNREADABLE = "BRIEF018"
ALLEGED_NO_BY = "BRIEF019"
NOT_ASSESSMENT = "BRIEF020"
RELATION = "BRIEF021"
BY_NAMES_ACTOR = "BRIEF022"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file, printed as one line."""

    code: str
    file: str
    """The file as the user would name it (relative to its corpus folder's parent)."""
    where: str
    """``line L, column C`` or a key path such as ``claims[3].actors[0]``; may be empty."""
    message: str
    cause: str = ""
    """The skipped file this problem is a knock-on of (a reference to an entry that file
    was meant to define), as the user would name it; "" for a problem of its own."""

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{where} {self.message} [{self.code}]"

    def at(self, line: int) -> str:
        """The problem as ``validate`` prints it, the file's line first, as compilers
        give it, for an editor's list of errors: ``notes/a.toml:12: claims[0].date: ...
        [BRIEF008]``; a syntax error's line and column in place of its ``line 24, column
        8`` (``notes/a.toml:24:8: TOML syntax error: ...``). As :meth:`__str__` where
        *line* is 0 (not known) and the problem gives none of its own."""
        own = line_column(self.where)
        if own is not None:
            return f"{self.file}:{own[0]}:{own[1]}: {self.message} [{self.code}]"
        if not line:
            return str(self)
        return f"{self.file}:{line}: {self.where}: {self.message} [{self.code}]"


def line_column(where: str) -> tuple[int, int] | None:
    """The line and column a problem gives as its place (``line 24, column 8``: a file
    that is not TOML, not UTF-8, or too complex to parse); None for a key path."""
    if not where.startswith("line "):
        return None
    line, sep, column = where[len("line ") :].partition(", column ")
    return (int(line), int(column)) if sep and line.isdigit() and column.isdigit() else None


def left_out_words(kind: str, ident: object) -> str:
    """What ends each problem of an entry of *kind* (``claims``) that is left out for
    its problems, with its id *ident* if it has a valid one (the checked values hold no
    other): ``; claim 'c1' is left out``, or ``; this claim is left out``."""
    from .kinds import SINGULAR

    singular = SINGULAR[kind]
    what = f"{singular} {ident!r}" if isinstance(ident, str) else f"this {singular}"
    return f"; {what} is left out"
