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


def left_out_words(kind: str, ident: object) -> str:
    """What ends each problem of an entry of *kind* (``claims``) that is left out for
    its problems, with its id *ident* if it has a valid one (the checked values hold no
    other): ``; claim 'c1' is left out``, or ``; this claim is left out``."""
    from .kinds import SINGULAR

    singular = SINGULAR[kind]
    what = f"{singular} {ident!r}" if isinstance(ident, str) else f"this {singular}"
    return f"; {what} is left out"
