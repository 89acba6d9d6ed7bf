"""What a cache build makes of each file alone, in the process that reads it.

A cold build on a large corpus reads its files in worker processes (``corpus.parallel``)
while the loading process, which alone can place entries and resolve references, sets
the pace. So the part of writing the cache that needs one file alone is done there
(``corpus.trace.Trace.prepare``): its claims as written, laid out and compressed as their
group (``claimgroup``), and its record as a file with no problems (``filerecord``). The
build uses them when they hold: the group when every claim of the file resolved to
exactly what it wrote (nearly every file), the record when the load found no problem in
the file; else it makes them again, as it did before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .claimgroup import written_group
from .filerecord import file_record

if TYPE_CHECKING:
    from ..corpus.schema import Checked


class Prepared(NamedTuple):
    """One file's share of the cache, made where it was read."""

    group: bytes
    """Its claims as written, as their group is stored (``claimgroup.group_blob``)."""
    record: bytes
    """Its record, as stored when the file has no problems (``filerecord.file_record``)."""


def prepare(checked: Checked) -> Prepared:
    """What the cache keeps of a usable file's *checked* entries, as far as they go alone."""
    group = written_group(entry for entry, _ in checked.entries["claims"])  # type: ignore[misc]  # claims
    return Prepared(group.blob(), file_record(checked, {}, False))
