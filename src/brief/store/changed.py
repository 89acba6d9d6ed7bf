"""What changed in a few corpus files since the cache was built, read as an edit needs it.

Each changed file is read, parsed and checked again, alone, and compared with the
record the cache keeps of it (see ``filerecord.FileRecord``). Anything an edit in place
cannot apply exactly raises :class:`Declined`, with the reason (see ``incremental``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.model import Claim
from ..corpus.layers import Layer
from ..corpus.parse import parse
from ..corpus.reader import read_bytes
from ..corpus.schema import Checked, check_document
from ..corpus.stamps import Stamps
from . import codec, filerecord
from .claimgroup import Group

#: The named kinds, as a corpus names them.
NAMED = ("topics", "actors", "sources")


class Declined(Exception):
    """The edit is not one this module applies exactly: rebuild instead."""


def relist(
    manifest: codec.Manifest, changed: list[str]
) -> tuple[dict[str, int], list[str], list[str]]:
    """Folder stamps taken afresh, and the files added to and removed from the changed
    folders.

    Editors that save by writing a new file and renaming it over the old one touch
    the folder as well as the file; adding or removing a file touches it too (see
    ``added``), and so does adding a folder (``brief new`` makes ``topics/`` in a new
    corpus), whose files are all added. A folder removed, or one added through a link,
    is left to a full load.
    """
    from ..corpus.stamps import stamp

    folders = codec.manifest_folders(manifest)
    known = {os.path.normpath(f) for f in folders}
    by_folder: dict[str, set[str]] = {}
    for path in codec.manifest_files(manifest):
        by_folder.setdefault(path.rpartition("/")[0], set()).add(path)
    added: list[str] = []
    removed: list[str] = []
    pending = list(changed)
    while pending:
        folder = pending.pop(0)
        mtime = stamp(folder)[0]  # before listing, as a load takes it
        here = os.path.normpath(folder)
        names, new = _corpus_files(folder, known)
        files = {os.path.join(here, name) for name in names}
        before = by_folder.get(here, set())
        added += sorted(files - before)
        removed += sorted(before - files)
        folders[folder] = mtime
        known.update(new)
        pending += new  # listed in turn: each file in them is added
    return folders, added, removed


def _corpus_files(folder: str, known: set[str]) -> tuple[set[str], list[str]]:
    """The names of the corpus files in *folder*, and the folders in it the cache does
    not know; declined if one of those is a link (a load enters it only when it leads
    inside the corpus, and only once)."""
    try:
        listed = os.listdir(folder)
    except OSError:
        raise Declined("a folder cannot be listed") from None
    files = {n for n in listed if n.endswith(".toml") and not n.startswith(".")}
    new = []  # a folder named x.toml is taken as a file: reading it declines the edit
    for name in sorted(listed):
        if name.startswith(".") or name in files:
            continue
        full = os.path.normpath(os.path.join(folder, name))
        if os.path.isdir(full) and full not in known:
            if os.path.islink(full):
                raise Declined("a folder was added through a link")
            new.append(full)
    return files, new


class ChangedFile:
    """One changed file: what the cache held for it, and what it holds now."""

    def __init__(
        self,
        path: str,
        row: tuple[Any, ...],
        group: Group,
        layers: Sequence[Layer],
        now: tuple[Checked, Stamps] | None = None,
    ) -> None:
        """*row* is the file's row (``sql.FILE``), *group* its group of claims.

        *now*: the file as it is, with its stamp, when already known: a file just added
        (see ``added``), whose row holds no entries, or one removed (nothing).
        """
        self.path = path
        self.key = os.fsencode(path)  # as the cache keeps file names (see build.file_row)
        self.name, layer, ord_, blob, self.ref = row
        """``ref``: its row's rowid, by which ``raw_claims``, ``links`` and the group of
        claims (``claimgroup``) name it."""
        self.ord = codec.ord_of(ord_)
        self.group = group
        """Its group of claims as the cache holds it."""
        self.record = filerecord.read_file_record(blob, group.as_written())
        _usable_before(self.record)
        if now is None:
            self.stamps = Stamps()
            self.checked = read_now(path, layers[layer].root, self.name, self.stamps)
        else:
            self.checked, self.stamps = now
        if not filerecord.same_rejected(self.record, self.checked):
            raise Declined("the entries left out changed")
        self.named = _named_changes(self.record, self.checked)
        """What changed among its topics, actors and sources (see ``added``)."""
        if any(self.named[1:]) and any(self.record.problems.get(p) for p in _PLACED_PHASES):
            # their key paths (``actors[7]``) and their wording follow the entries
            raise Declined("its topics, actors or sources changed while problems name them")
        self.old_claims = self.record.claims()
        self.new_claims: list[tuple[Claim, str, int]] = []
        for pos, (entry, where) in enumerate(self.checked.entries["claims"]):
            assert isinstance(entry, Claim)
            self.new_claims.append((entry, where, pos))


#: The phases of a load whose problems an edit keeps as they were (it finds those of the
#: others again): they name entries by place, and the place of none may change.
_PLACED_PHASES = ("place", "rejected", "related", "names")


def _usable_before(record: filerecord.FileRecord) -> None:
    if not record.usable or record.skipped:
        raise Declined("the file could not be used before")
    for found in record.problems.values():
        if any(filerecord.problem_code(p) == d.UNKNOWN_REF for p in found):
            raise Declined("its problems may carry rationed suggestions")


def read_now(path: str, root: str, name: str, stamps: Stamps) -> Checked:
    """The file *path* read, parsed and checked now; declined if it cannot be used."""
    data = read_bytes(path, root, name, stamps)
    doc = parse(data, name) if isinstance(data, bytes) else data
    if isinstance(doc, Diagnostic):
        raise Declined("the file cannot be read or parsed now")
    checked = check_document(doc, name)
    if checked.fatal:
        raise Declined("nothing in the file can be used now")
    return checked


class NamedChanges(NamedTuple):
    """What changed among one file's topics, actors and sources, matched by id."""

    prose: list[tuple[str, codec.EntryData, codec.EntryData]]
    """Those whose prose alone changed: kind, before, after."""
    added: list[tuple[str, Any, int]]
    """Those added: kind, entry, place among the file's entries of that kind."""
    removed: list[tuple[str, codec.EntryData]]
    """Those removed: kind, as they were."""
    moved: list[tuple[str, str, int]]
    """Those kept at another place: kind, id, new place (see ``added.move_entries``)."""
    renamed: list[tuple[str, codec.EntryData, Any]]
    """Entries whose names, tags, related topics or details changed, not their sections:
    kind, as they were, as they are (see ``added.rename_entries``)."""


def _named_changes(record: filerecord.FileRecord, checked: Checked) -> NamedChanges:
    """What changed among the file's topics, actors and sources (see :class:`NamedChanges`);
    declined if one changed beyond its prose, or an id is defined twice, before or now."""
    out = NamedChanges([], [], [], [], [])
    old_ids: list[str] = []
    new_ids: list[str] = []
    for kind in NAMED:
        old = {
            codec.entry_id(data): (pos, data) for pos, (data, _) in enumerate(record.entries[kind])
        }
        new = {e.id: (pos, e) for pos, (e, _) in enumerate(checked.entries[kind])}
        old_ids += [codec.entry_id(data) for data, _ in record.entries[kind]]
        new_ids += [e.id for e, _ in checked.entries[kind]]
        for ident, (pos, entry) in new.items():
            if ident not in old:
                out.added.append((kind, entry, pos))
                continue
            was, before = old[ident]
            after = codec.entry_data(entry)
            if codec.without_prose(kind, before) != codec.without_prose(kind, after):
                if not codec.renamed_only(kind, tuple(before), after):
                    raise Declined("a topic, actor or source changed beyond its prose")
                out.renamed.append((kind, tuple(before), entry))
            elif tuple(before) != after:
                out.prose.append((kind, tuple(before), after))
            if pos != was:
                out.moved.append((kind, ident, pos))
        out.removed.extend((kind, data) for ident, (_, data) in old.items() if ident not in new)
    if len(set(old_ids)) != len(old_ids) or len(set(new_ids)) != len(new_ids):
        raise Declined("a topic, actor or source id defined twice in one file")
    return out
