"""Files, topics, actors and sources added, removed, moved or renamed, applied in place.

``brief new topic`` writes a file, ``brief new actor`` adds an actor to one; a writer
starts a note by hand, or deletes one. At 10,000 topics a rebuild for any of these took
12 to 16 s, where an edit in place takes a fraction of one.

A file added gets its row first, holding no entries, as though it had always been there
and empty; a file removed is read as empty; each is then edited as any file is
(``incremental``). Here, topics, actors and sources added to a file get their rows,
names, tags and full-text rows; those removed lose them; those renamed (or given other
aliases, tags or details) have them rewritten; those moved within their file get their
new place in load order. Claims are applied as any edit's are.

Names reach across the corpus: one added may answer a reference elsewhere that had no
answer, change a "did you mean", or clash; one removed may leave a reference without
one. So this is done only when it provably changes nothing but rows of its own, and
the briefings are all forgotten (to be built again as they are shown), as a topic can
be a related or tagged topic of others. Otherwise the edit is declined and the cache
rebuilt:

- a file added has problems of its own, or entries left out (an entry added to a file
  that is left out is declined by ``changed``, as any change to those left out is);
- it lies in no corpus folder, or in more than one; or no number between its
  neighbours' in load order is free (see ``build.numbered``);
- an id added is in use, or taken by an entry left out; a name or alias added also
  names another entry;
- a topic added lists a related topic not in the corpus;
- an entry removed is not the one in use, or has one of an earlier layer under it; a
  claim of another file, a related topic, an entry left out or a count of claims left
  out names it;
- the corpus has a skipped file, or a problem that a name could change: an unknown
  reference or section, a duplicate id, a name clash, a relation.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence, Set
from typing import Any

from ..core import diagnostics as d
from ..core.names import normalise
from ..corpus.layers import Layer
from ..corpus.reader import display_name
from ..corpus.schema import Checked
from ..corpus.stamps import Stamps
from ..corpus.trace import KIND_ORDER, file_ord
from . import codec, filerecord, sql
from .build import NAMED, relate
from .changed import Declined, read_now
from .read import rows_in, troubled

#: Problems whose wording, or very presence, a new id or name could change.
_CROSS_FILE = frozenset(
    {d.DUPLICATE_ID, d.UNKNOWN_REF, d.UNKNOWN_SECTION, d.NAME_CLASH, d.RELATION}
)

#: A topic, actor or source removed: its kind (``topics``), its data as the file's record
#: held it (``codec.entry_data``), and the number of its file.
Gone = tuple[str, tuple[Any, ...], int]

#: A topic, actor or source added: its kind (``topics``), the entry, its place among its
#: file's entries of that kind, and the number of its file (see ``build.numbered``).
New = tuple[str, Any, int, int]


def add_file(
    con: sqlite3.Connection, path: str, layers: Sequence[Layer]
) -> tuple[tuple[Any, ...], Checked, Stamps]:
    """Write the row of the file *path*, added to a corpus folder, holding no entries;
    that row (as ``sql.FILE`` reads it), the file as read now, and its stamp.

    Raises :class:`~brief.store.changed.Declined` when the file cannot be added in place
    (see the module's docstring); its entries are added as those of any file are
    (:func:`add_entries`).
    """
    number, rel = _layer_of(path, layers)
    name = display_name(layers[number].label, rel)
    key = codec.ord_key(file_ord(number, rel))
    ref = _free_number(con, key)
    stamps = Stamps()
    checked = read_now(path, layers[number].root, name, stamps)
    if checked.problems or any(checked.rejected.values()):
        raise Declined("the file added has problems of its own")
    empty = filerecord.file_record(Checked(), {}, False)
    con.execute(sql.INSERT_FILE, (ref, os.fsencode(path), name, number, key, 0, empty))
    return (name, number, key, empty, ref), checked, stamps


def add_entries(con: sqlite3.Connection, new: Sequence[New]) -> None:
    """Write the rows of topics, actors and sources added to files (each with the number
    of its file): entry, names, tags and full-text row; and forget every briefing.

    Raises :class:`~brief.store.changed.Declined` when that would not give what a load
    gives (see the module's docstring).
    """
    _corpus_untroubled(con, {e.id for _, e, _, _ in new})
    names = _names_free(con, new)
    _related_known(con, new)
    _write_named(con, new, names)
    con.execute(sql.FORGET_BRIEFINGS)


def rename_entries(con: sqlite3.Connection, renamed: Sequence[tuple[str, Any, Any]]) -> None:
    """Rewrite topics, actors and sources whose names, aliases, tags, related topics or
    details changed (kind, as they were, as they are: see ``codec.renamed_only``):
    entry, names, tags and full-text row; forget every briefing. Their ids stay, and
    what names them by id with them; a source's sections stay, and the citations
    resolved against them.

    One whose file's copy is not the one in use (a later layer's is) changes nothing.
    Declined as an addition is: a new name that names another entry, a related topic
    that is not there, a corpus with problems that names could change.
    """
    _corpus_untroubled(con, set())
    live = []
    for kind, before, entry in renamed:
        row = con.execute(sql.ENTRY_ROW, (entry.id,)).fetchone()
        if row is not None and tuple(codec.read_data(row[2])) == tuple(before):
            live.append((kind, codec.named_from(NAMED[kind], before), entry, row[0]))
    for _, old, _, rowid in live:  # old names out first: they may move between these
        con.execute(sql.DELETE_SEARCH, (-rowid, *codec.search_text(old)))
        con.executemany(sql.DELETE_NAME, ((key, old.id) for key in _keys(old)))
        con.executemany(sql.DELETE_TAG, ((tag, old.id) for tag in _tags(old)))
    new = [(kind, entry, 0, 0) for kind, _, entry, _ in live]
    names = _names_free(con, new, ids_in_use=True)
    _related_known(con, new)
    for _, _, entry, rowid in live:
        con.execute(sql.SET_ENTRY, (codec.entry_blob(entry), entry.id))
        relate(con, entry)
        con.execute(sql.INSERT_SEARCH_AT, (-rowid, *codec.search_text(entry)))
        con.executemany(sql.INSERT_TAG, ((tag, entry.id) for tag in _tags(entry)))
    _write_names(con, names, {entry.id: NAMED[kind] for kind, _, entry, _ in live})
    con.execute(sql.FORGET_BRIEFINGS)


def _keys(entry: Any) -> set[str]:
    """The names (normalised) an entry gives: its id, title (or name) and aliases."""
    keys = {normalise(n) for n in (entry.id, entry.title, *getattr(entry, "aliases", ()))}
    return keys - {""}


def _tags(entry: Any) -> set[str]:
    """An entry's tags, normalised as the ``tags`` table keeps them."""
    return {normalise(t) for t in getattr(entry, "tags", ())}


def remove_entries(
    con: sqlite3.Connection, gone: Sequence[Gone], back: Set[tuple[str, str]] = frozenset()
) -> None:
    """Delete the rows of topics, actors and sources removed from files (each with the
    number of its file): entry, names, tags and full-text row; forget every briefing.

    Declined unless the entry in use was the file's own, with no other layer's under it,
    and nothing else names it: a claim of another file, a related topic, a claim left
    out (which still has its references checked), a count of claims left out. What
    names an entry that comes back in the same edit (*back*: kind and id, added to
    another file, as a file renamed or moved does) names it still, and may.
    """
    ids = {codec.entry_id(data) for _, data, _ in gone}
    staying = {i for kind, data, _ in gone if (kind, i := codec.entry_id(data)) in back}
    _corpus_untroubled(con, set(), ids)
    (blob,) = con.execute(sql.LEFT_OUT).fetchone()
    if (ids - staying) & codec.read_left_out(blob).keys():
        raise Declined("a topic, actor or source removed is named by a claim left out")
    for _, data, ref in gone:
        row = con.execute(sql.ENTRY_ROW_SEQ, (codec.entry_id(data),)).fetchone()
        if row is None or codec.read_data(row[3]) != tuple(data):
            raise Declined("a topic, actor or source removed is not the one in use")
        if codec.seq_file(row[2]) != ref:
            raise Declined("a topic, actor or source removed is defined in an earlier layer too")
    _unnamed_elsewhere(con, gone, ids, staying)
    for kind, data, _ in gone:
        entry = codec.named_from(NAMED[kind], data)
        (rowid,) = con.execute(sql.ENTRY_ROWID, (entry.id,)).fetchone()
        con.execute(sql.DELETE_SEARCH, (-rowid, *codec.search_text(entry)))
        con.execute(sql.DELETE_ENTRY, (entry.id,))
        con.execute(sql.DELETE_RELATED, (entry.id,))
        con.executemany(sql.DELETE_NAME, ((key, entry.id) for key in _keys(entry)))
        con.executemany(sql.DELETE_TAG, ((tag, entry.id) for tag in _tags(entry)))
    con.execute(sql.FORGET_BRIEFINGS)


def move_entries(con: sqlite3.Connection, moved: Sequence[tuple[str, str, int, int]]) -> None:
    """Give topics, actors and sources kept at another place in their file (kind, id,
    place, file number) their place in load order: ``seq``, when it is their file's.

    An entry that replaced one of an earlier layer keeps that one's place, as a load
    keeps it (``corpus.load._place``): its ``seq`` names the earlier file, and stays.
    """
    for kind, ident, pos, ref in moved:
        row = con.execute(sql.ENTRY_ROW_SEQ, (ident,)).fetchone()
        if row is not None and codec.seq_file(row[2]) == ref:
            seq = codec.seq_key(ref, KIND_ORDER.index(kind), pos)
            con.execute(sql.SET_ENTRY_SEQ, (seq, ident))


def _unnamed_elsewhere(
    con: sqlite3.Connection, gone: Sequence[Gone], ids: set[str], staying: set[str]
) -> None:
    """Declined if a claim of a file not edited, or a related topic, names one of *ids*
    (but those *staying*: see :func:`remove_entries`)."""
    refs = {ref for _, _, ref in gone}
    gone = [g for g in gone if codec.entry_id(g[1]) not in staying]
    for kind, data, _ in gone:
        statement = {"topics": sql.GROUPS_OF_TOPIC, "actors": sql.GROUPS_OF_ACTOR}.get(
            kind, sql.GROUPS_OF_SOURCE
        )
        if any(grp not in refs for (grp,) in con.execute(statement, (codec.entry_id(data),))):
            raise Declined("a topic, actor or source removed is named by a claim of another file")
    topics = {codec.entry_id(data) for kind, data, _ in gone if kind == "topics"}
    for topic in topics:
        if any(other not in ids for (other,) in con.execute(sql.RELATED_TO, (topic,))):
            raise Declined("a topic removed is a related topic of another")


def _layer_of(path: str, layers: Sequence[Layer]) -> tuple[int, str]:
    """The number of the one layer *path* lies in, and its name there (``topics/a.toml``)."""
    here = os.path.normpath(path)
    found = []
    for number, layer in enumerate(layers):
        root = os.path.normpath(layer.root)
        if here.startswith(root.rstrip(os.sep) + os.sep):
            found.append((number, os.path.relpath(here, root).replace(os.sep, "/")))
    if len(found) != 1:
        raise Declined("a file added lies in no corpus folder, or in more than one")
    return found[0]


def _free_number(con: sqlite3.Connection, key: bytes) -> int:
    """The number for a file at *key* in load order: halfway between the files before and
    after it (so that there is room on both sides for more), or past the last file."""
    before = con.execute(sql.FILE_BEFORE, (key,)).fetchone()
    after = con.execute(sql.FILE_AFTER, (key,)).fetchone()
    low = before[0] if before else 0
    number = (low + after[0]) // 2 if after is not None else low + codec.FILE_STRIDE
    if number <= low:
        raise Declined("no number is free between the added file's neighbours")
    if con.execute(sql.FILE_NUMBERED, (number,)).fetchone() is not None:
        raise Declined("the added file's number is taken")
    return number


def _corpus_untroubled(
    con: sqlite3.Connection, ids: set[str], named: Set[str] = frozenset()
) -> None:
    """Declined if a problem elsewhere could change with names added or removed, an id
    in *ids* is taken by an entry left out, or one left out names an id in *named*."""
    if filerecord.read_early(con.execute(sql.EARLY).fetchone()[0]):
        raise Declined("the corpus has a problem outside its files")
    for record in troubled(con):
        if record.skipped:
            raise Declined("the corpus has a skipped file")
        for found in record.problems.values():
            if any(filerecord.problem_code(p) in _CROSS_FILE for p in found):
                raise Declined("the corpus has a problem that a new name could change")
        for kind in NAMED:
            for values, _ in record.rejected.get(kind, ()):
                if values.get("id") in ids:
                    raise Declined("an id the added file defines is taken by an entry left out")
        if named and not named.isdisjoint(_named_by(record.rejected)):
            raise Declined("a topic, actor or source removed is named by an entry left out")


def _named_by(rejected: dict[str, list[tuple[dict[str, Any], str]]]) -> set[str]:
    """The ids the entries left out of a file name (their references are still checked)."""
    out: set[str] = set()
    for values, _ in rejected.get("claims", ()):
        out.add(str(values.get("topic")))
        out.update(str(a) for a in values.get("actors", ()) or ())
        for cite in values.get("cites", ()) or ():
            source = cite.get("source") if isinstance(cite, dict) else getattr(cite, "source", cite)
            out.add(str(source))
    for values, _ in rejected.get("topics", ()):
        out.update(str(r) for r in values.get("related", ()) or ())
    return out


def _names_free(
    con: sqlite3.Connection, new: Sequence[New], ids_in_use: bool = False
) -> dict[str, str]:
    """Each name (normalised) of the new entries, with the id it names; declined if one
    is defined twice, names two entries or is already in use (their own names are out
    of the table by now). Their ids must be new too, unless *ids_in_use* (a rename)."""
    ids = [e.id for _, e, _, _ in new]
    if len(set(ids)) != len(ids):
        raise Declined("the added file defines an id twice")
    if not ids_in_use and rows_in(con, sql.ENTRIES_IN, ids):
        raise Declined("an id the added file defines is in use")
    names: dict[str, str] = {}
    for _, entry, _, _ in new:
        if not all(normalise(alias) for alias in getattr(entry, "aliases", ())):
            raise Declined("an alias of no letter or digit")  # a problem of its own
        for key in _keys(entry):
            if names.setdefault(key, entry.id) != entry.id:
                raise Declined("a new name names two entries")
    if rows_in(con, sql.NAMES_IN, names):
        raise Declined("a new name is already in use")
    return names


def _related_known(con: sqlite3.Connection, new: Sequence[New]) -> None:
    """Declined if a new topic lists a related topic that is not in the corpus."""
    topics = {e.id for kind, e, _, _ in new if kind == "topics"}
    wanted = {r for kind, e, _, _ in new if kind == "topics" for r in e.related} - topics
    known = {ident for ident, kind, _ in rows_in(con, sql.ENTRIES_IN, wanted) if kind == "topic"}
    if wanted - known:
        raise Declined("a topic the added file defines lists a related topic not in the corpus")


def _write_named(con: sqlite3.Connection, new: Sequence[New], names: dict[str, str]) -> None:
    """The rows of the new topics, actors and sources: entry, names, tags, search."""
    (last,) = con.execute(sql.LAST_ENTRY).fetchone()
    kinds = {}
    for rowid, (kind, entry, pos, ref) in enumerate(new, (last or 0) + 1):
        kinds[entry.id] = NAMED[kind]
        seq = codec.seq_key(ref, KIND_ORDER.index(kind), pos)
        con.execute(sql.INSERT_ENTRY, (rowid, entry.id, NAMED[kind], seq, codec.entry_blob(entry)))
        relate(con, entry)
        con.execute(sql.INSERT_SEARCH_AT, (-rowid, *codec.search_text(entry)))
        con.executemany(sql.INSERT_TAG, ((tag, entry.id) for tag in _tags(entry)))
    _write_names(con, names, kinds)


def _write_names(con: sqlite3.Connection, names: dict[str, str], kinds: dict[str, str]) -> None:
    """The ``names`` rows of *names* (each with the id it names, of kind ``kinds[id]``)."""
    con.executemany(
        sql.INSERT_NAME,
        (
            (key, ident, kinds[ident], codec.name_check(key, ident, kinds[ident]))
            for key, ident in names.items()
        ),
    )
