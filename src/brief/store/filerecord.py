"""A file's record in the cache: what an edit needs to re-read that file alone.

Each file's checked topics, actors and sources (as ``codec`` lays out an entry), what
it left out, and its problems by load phase (see ``corpus.trace.PHASES``), with the
problems of files no record holds (a missing corpus folder, say). Its claims as
written are not repeated here: they are the first records of the file's group of
claims (see ``claimgroup``), which :func:`read_file_record` is given with it. Read
only to apply an edit, to word the warnings again after one, or to say why a name was
left out: never on a warm show.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..core.unsafe import inert_record
from .codec import (
    BAD,
    Corrupt,
    EntryData,
    citation_data,
    claim_from,
    entry_data,
    pack,
    seal,
    unpack,
    unseal,
)

if TYPE_CHECKING:
    from ..core.diagnostics import Diagnostic
    from ..core.model import Claim
    from ..corpus.schema import Checked


# -- problems ------------------------------------------------------------------------------
#
# A problem: (code, file, where, message, cause), as Diagnostic takes them.

ProblemData = tuple[str, str, str, str, str]


def problems_data(problems: Mapping[str, Iterable[Diagnostic]]) -> dict[str, list[ProblemData]]:
    """Problems by phase as tuples; phases without any left out."""
    out = {
        phase: [(p.code, p.file, p.where, p.message, p.cause) for p in found]
        for phase, found in problems.items()
    }
    return {phase: found for phase, found in out.items() if found}


def problem_from(data: Sequence[str]) -> Diagnostic:
    """The problem a tuple of :func:`problems_data` holds."""
    from ..core.diagnostics import Diagnostic

    return Diagnostic(*data)


def problem_code(data: Sequence[str]) -> str:
    """The code of the problem a tuple of :func:`problems_data` holds."""
    return data[0]


def problem_where(data: Sequence[str]) -> str:
    """Where in its file a problem's tuple says it is."""
    return data[2]


# -- file records --------------------------------------------------------------------------
#
# (checked, problems by phase, skipped), compressed, where checked is None (nothing
# could be read) or (fatal, entries by kind as [(entry tuple, key path)], rejected by
# kind as [(values, key path)]): what an edit needs to re-read the file alone. The
# entries stored hold no claims (see the module's docstring).


class FileRecord:
    """One file's record, read back (see :func:`file_record`)."""

    __slots__ = ("_claims", "entries", "problems", "rejected", "skipped", "usable")

    def __init__(self, data: Any, claims: list[Claim] | None = None) -> None:
        """*claims*: the file's claims as written, when *data* does not hold them."""
        checked, problems, skipped = data
        self.usable: bool = checked is not None and not checked[0]
        """Something in the file could be used: it was read, parsed and not fatal."""
        self.entries: dict[str, list[tuple[EntryData, str]]] = {}
        """Its checked entries by kind, each as a tuple with its key path."""
        self.rejected: dict[str, list[tuple[dict[str, Any], str]]] = {}
        """Its entries left out by kind: their valid values and key path."""
        if checked is not None:
            self.entries = {kind: list(found) for kind, found in checked[1].items()}
            self.rejected = dict(checked[2])
        self.problems: dict[str, list[ProblemData]] = dict(problems)
        """Its problems by phase (see ``corpus.trace.PHASES``)."""
        self.skipped: bool = bool(skipped)
        """Nothing in it could be used."""

        self._claims = claims

    def claims(self) -> list[Claim]:
        """The claims the file defines, as written (before their references resolve)."""
        if self._claims is not None:
            return self._claims
        return [claim_from(data) for data, _ in self.entries.get("claims", ())]


def _checked_data(checked: Checked | None, claims: bool = True) -> tuple[Any, ...] | None:
    if checked is None:
        return None
    entries = {
        kind: [(entry_data(e), where) for e, where in found]
        for kind, found in checked.entries.items()
        if claims or kind != "claims"
    }
    return (checked.fatal, entries, _plain(checked.rejected))


def _plain(value: Any) -> Any:
    """*value* as marshal takes it: citations as :func:`codec.citation_data` lays them out."""
    from ..core.model import Citation

    if isinstance(value, Citation):
        return citation_data(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    return value


def file_record(
    checked: Checked | None, problems: Mapping[str, Sequence[ProblemData]], skipped: bool
) -> bytes:
    """A file's record as stored: compressed, as it repeats its entries and is rarely read.

    Without its claims: the file's group of claims holds them (see ``claimgroup``).
    """
    payload = marshal.dumps((_checked_data(checked, claims=False), dict(problems), skipped))
    return seal(zlib.compress(payload, 1))


def record_of(
    checked: Checked | None, problems: Mapping[str, Iterable[Diagnostic]], skipped: bool
) -> FileRecord:
    """The record :func:`read_file_record` would give for a file just loaded."""
    return FileRecord((_checked_data(checked), problems_data(problems), skipped))


def read_file_record(blob: bytes, claims: list[Claim] | None = None) -> FileRecord:
    """A file's record, read back; *claims* its claims as written (from its group), for
    an edit: what reads only its problems or what it left out need not give them."""
    try:
        data = inert_record(marshal.loads(zlib.decompress(unseal(blob))))
        return FileRecord(data, claims)
    except BAD as error:
        raise Corrupt(f"unreadable file record: {error}") from error


def same_rejected(record: FileRecord, checked: Checked) -> bool:
    """Whether *checked* leaves out exactly the entries *record* does."""
    return bool(marshal.loads(marshal.dumps(_plain(checked.rejected))) == record.rejected)


# -- problems found before any file ---------------------------------------------------


def early_blob(early: Mapping[str, Sequence[Diagnostic]], skipped: Iterable[str]) -> bytes:
    """Problems of files (or folders) that no file trace holds, and whether each was skipped."""
    gone = set(skipped)
    rows = [
        (name, problems_data({"": found}).get("", []), name in gone)
        for name, found in early.items()
    ]
    return pack(rows)


def read_early(blob: bytes) -> list[tuple[str, list[Diagnostic], bool]]:
    try:
        return [
            (name, [problem_from(p) for p in found], skipped)
            for name, found, skipped in unpack(blob)
        ]
    except BAD as error:
        raise Corrupt(f"unreadable early problems: {error}") from error
