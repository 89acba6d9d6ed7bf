"""How the cache stores claims: the claims of one file together, compressed, once.

A claim's record (``codec.entry_data``) is some 270 bytes of mostly text, which
compresses poorly alone and well beside its neighbours. So the claims are kept by
file, in one sealed, compressed record per file (the ``claim_groups`` table, its rowid
the file's), and a claim's row says which group holds it and where (``grp``, ``at``).

A group is ``(written, records)``: its first *written* records are the file's claims
as written (checked, before their references resolve: what an edit needs to re-read
the file alone, which the file's own record therefore does not repeat); after them,
the resolved claims that differ from what the file wrote (a citation's section
resolved, a link to a claim left out dropped). A claim resolved to exactly what was
written (nearly all) is its written record: no second copy. A search without a cache
(``search.memory_db``) has no files: its groups hold resolved claims alone.

Each claim's record is marshalled alone, and the group is the list of those bytes,
marshalled and compressed: reading a group decodes only the claims taken out of it
(``conflicts`` reads a sixth of the claims, from nearly every group). Like every
record, a group is sealed (``codec.seal``) and checked before it is decoded; a claim
is made inert as it is taken out.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..core.unsafe import inert_record
from .codec import BAD, Corrupt, EntryData, claim_from, entry_data, seal, unseal

if TYPE_CHECKING:
    from ..core.model import Claim

#: zlib's level: 2 compresses claims nearly as well as 9 (they repeat words, ids and
#: field layouts), in a fraction of the time; at 10,000 topics, 0.3 MB smaller than 1
#: and no slower.
LEVEL = 2


class Group:
    """One group of claims, read back (see the module's docstring)."""

    __slots__ = ("records", "written")

    def __init__(self, written: int, records: list[bytes]) -> None:
        self.written = written
        """How many of *records*, from the first, are the file's claims as written."""
        self.records = records
        """Each claim's record, marshalled: see :meth:`claim`."""

    def claim(self, at: int) -> Claim:
        """The claim at *at*, made inert; :class:`~.codec.Corrupt` if there is none."""
        if not 0 <= at < len(self.records):
            raise Corrupt(f"no claim {at} in a group of {len(self.records)}")
        try:
            data = marshal.loads(self.records[at])
        except BAD as error:
            raise Corrupt(f"unreadable claim: {error}") from error
        if type(data) is not tuple:
            raise Corrupt("a claim that is not a record")
        return claim_from(inert_record(data))

    def as_written(self) -> list[Claim]:
        """The file's claims as written, in its order."""
        return [self.claim(at) for at in range(self.written)]

    def place(self, data: EntryData, at: int | None = None) -> int:
        """Where resolved *data* is kept: its written record when equal, else a record of
        its own, at *at* when that is one (it replaces a resolved record there)."""
        record = marshal.dumps(data)
        for i in range(self.written):  # by value: equal records may marshal differently
            if self.records[i] == record or marshal.loads(self.records[i]) == data:
                return i
        if at is not None and self.written <= at < len(self.records):
            self.records[at] = record
            return at
        self.records.append(record)
        return len(self.records) - 1

    def blob(self) -> bytes:
        """The group as stored."""
        return group_blob(self.written, self.records)


def group_blob(written: int, records: Sequence[bytes]) -> bytes:
    """A group as stored: sealed, compressed marshal."""
    return seal(zlib.compress(marshal.dumps((written, list(records))), LEVEL))


def read_group(blob: object) -> Group:
    """A group, read back: checked, then decoded (its text made inert as taken out)."""
    try:
        written, records = marshal.loads(zlib.decompress(unseal(blob)))
        if type(written) is not int or type(records) is not list or written > len(records):
            raise ValueError("not a group")
        if not all(type(r) is bytes for r in records):
            raise ValueError("a claim that is not a record")
        return Group(written, records)
    except BAD as error:
        raise Corrupt(f"unreadable group of claims: {error}") from error


def written_group(claims: Iterable[Claim]) -> Group:
    """The group of a file that wrote *claims* (checked, in its order)."""
    records = [marshal.dumps(entry_data(c)) for c in claims]
    return Group(len(records), records)


Written = tuple[int, Sequence["Claim"], bytes | None]
"""A file's group number, its claims as written, and their group as stored, if made
already (``fileprep``): what :func:`place_all` places resolved claims in."""


class Places:
    """Where each of a corpus's claims is kept, in corpus order: its group's number and
    its place there (``grp`` and ``at`` of its ``claims`` row).

    Two arrays of machine integers: a list of pairs took 62 bytes a claim (12 MB at
    10,000 topics), at the peak of a cold build's memory; these take 16.
    """

    __slots__ = ("at", "group")

    def __init__(self, count: int = 0) -> None:
        self.group = array("q", bytes(8 * count))
        """Each claim's group number."""
        self.at = array("q", bytes(8 * count))
        """Each claim's place in its group."""

    def __len__(self) -> int:
        return len(self.group)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.group, self.at, strict=True)


def place_all(
    claims: Sequence[Claim],
    written: Mapping[str, Written],
    places: Places,
    unplaced: list[tuple[str, int]] | None = None,
) -> Iterator[tuple[int, bytes]]:
    """Place resolved *claims* (in corpus order) in the groups of the files that wrote them.

    Yields each group's row (its number and blob) in turn, so that only one group is
    held at a time, and fills *places* (made for as many claims) with where each claim
    is kept (its group's number, its place there), by the time the last is given.
    *written* gives each file (by name) its group's number, its claims as written and
    their group if made already: given back as it is when every claim of the file
    resolved to exactly what it wrote (the same object). A claim of a file it does not
    name (every claim, in ``search.memory_db``) goes in a group of that file name, with
    no claims as written, numbered -1, -2 and so on: a group numbered as a file's row
    (above 0) is that file's, and holds what it wrote.

    *unplaced*, if given, receives ``(id, group)`` for each claim id a file wrote that
    no claim of that file in *claims* has (left out, or a duplicate whose other copy is
    in use): the few ids a cache keeps apart (``raw_claims``), found here rather than by
    a table of every claim's group (17 MB at the peak of a cold build of 10,000 topics).
    """
    by_file: defaultdict[str, array[int]] = defaultdict(lambda: array("q"))  # 8 bytes an index
    for i, claim in enumerate(claims):
        by_file[claim.file].append(i)
    group_of, at_of = places.group, places.at
    for name, (n, found, made) in written.items():
        group: Group | None = None if made is not None else written_group(found)
        ids: dict[str, tuple[int, Claim]] = {}
        for at, c in enumerate(found):
            ids.setdefault(c.id, (at, c))
        taken, indices = 0, by_file.pop(name, ())
        for i in indices:
            was = ids.get(claims[i].id)
            taken += was is not None
            group_of[i] = n
            if group is None and was is not None and was[1] is claims[i]:
                at_of[i] = was[0]  # resolved to what was written: in the group made
                continue
            if group is None:
                group = written_group(found)
            at_of[i] = _place(group, was, claims[i])
        if unplaced is not None and taken < len(ids):  # most files: every id taken
            used = {claims[i].id for i in indices}
            unplaced += ((ident, n) for ident in ids if ident not in used)
        yield n, group.blob() if group is not None else made  # type: ignore[misc]  # made
    for n, indices in enumerate(by_file.values(), 1):  # files not in *written*, in order
        group = Group(0, [])
        for i in indices:
            group_of[i], at_of[i] = -n, _place(group, None, claims[i])
        yield -n, group.blob()


def _place(group: Group, written: tuple[int, Claim] | None, claim: Claim) -> int:
    """Where resolved *claim* goes in *group*, given the claim of its id as written."""
    if written is not None and written[1] is claim:  # resolved to what was written
        return written[0]
    data = entry_data(claim)
    if written is not None and marshal.loads(group.records[written[0]]) == data:
        return written[0]
    group.records.append(marshal.dumps(data))
    return len(group.records) - 1


def records_of(groups: Mapping[int, Group]) -> list[tuple[int, bytes]]:
    """Each group's row: its number and blob."""
    return [(n, g.blob()) for n, g in groups.items()]
