"""How the cache lays out what it stores: with ``filerecord`` and ``briefingrecord``, the
only code that knows a record's fields.

Entries, search rows and the manifest are kept as tuples of plain values and
``marshal``-ed (ten times faster than pickling dataclasses); each file's record and its
problems are laid out in ``filerecord``, and a briefing in ``briefingrecord``, on top of
these. Everything else reads them through the functions here (and there), never by
position; a change of layout is a change here (or there) and of :data:`SCHEMA`, which
makes every older cache file be ignored.

Every stored record is *sealed* (:func:`pack`): a CRC-32 of its bytes goes before them,
and :func:`unpack` checks it before anything is decoded, so ``marshal`` (which Python
documents as unsafe on damaged or crafted data) only ever reads bytes this code wrote.
What is decoded is then made inert again (``core.unsafe.inert_record``): text read
from disk is no more trusted than text read from a corpus file.

A record that cannot be read back raises :class:`Corrupt`: the cache is then unusable,
and is rebuilt. Imported on the warm path: the model, the views and the loader are
imported only by the functions that need them.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Collection, Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, cast

from ..core.unsafe import inert_record

if TYPE_CHECKING:
    from ..core.model import Actor, Citation, Claim, Source, Topic
    from ..corpus.schema import Entry
    from ..views.records import Hit

#: Bump when what the cache stores changes shape; old files are then ignored.
SCHEMA = 43


class Corrupt(ValueError):
    """A stored record that cannot be read back: the cache is unusable, rebuild it."""


#: What reading a damaged or foreign record raises, before it is reported as Corrupt.
BAD = (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError, zlib.error)


def seal(payload: bytes) -> bytes:
    """*payload* with its CRC-32 in front, as every record is stored."""
    return zlib.crc32(payload).to_bytes(4, "big") + payload


def unseal(blob: object) -> bytes:
    """The payload of a sealed *blob*, once its checksum matches; else :class:`Corrupt`."""
    if not isinstance(blob, bytes) or len(blob) < 4:
        raise Corrupt("a record that is not a sealed blob")
    payload = blob[4:]
    if zlib.crc32(payload) != int.from_bytes(blob[:4], "big"):
        raise Corrupt("a record whose checksum does not match")
    return payload


def pack(value: Any) -> bytes:
    """A plain value (tuples, lists, dicts, strings, numbers) as stored: sealed marshal."""
    return seal(marshal.dumps(value))


def unpack(blob: object, *, text: bool = True) -> Any:
    """The value :func:`pack` stored in *blob*, checked first, its *text* made inert.

    *text* off only for what is never shown (the manifest's paths, compared with the
    files as they are).
    """
    payload = unseal(blob)
    try:
        value = marshal.loads(payload)
    except BAD as error:
        raise Corrupt(f"unreadable record: {error}") from error
    return inert_record(value) if text else value


def _tuple(blob: bytes, field: int | None = None, *, text: bool = True) -> tuple[Any, ...]:
    """The tuple in *blob*, or one *field* of it that is itself a tuple."""
    value = unpack(blob, text=text)
    try:
        return tuple(value if field is None else value[field])
    except BAD as error:
        raise Corrupt(f"unreadable record: {error}") from error


def name_check(key: str, ident: str, kind: str) -> int:
    """The checksum of a row of the ``names`` table, which holds no record to seal."""
    return zlib.crc32(f"{key}\0{ident}\0{kind}".encode("utf-8", "surrogatepass"))


# -- entries -------------------------------------------------------------------------------
#
# A topic:  (id, title, summary, aliases, tags, related, file)
# An actor: (id, name, description, aliases, file)
# A source: (id, title, kind, author, date, url, sections, file,
#            reliability, publisher, retrieved, text, note)
# A claim:  (id, text, topic, actors, cites, status, contradicts, supports, note, file,
#            credibility, by, date, likelihood, confidence, relation, relation_to,
#            relation_from),
#           each citation as (source, section) or, with a quote or locator, as
#           (source, section, quote, locator)

_ID = 0
_TOPIC_RELATED = 5
#: Fields of a named entry that only its own briefing and search row show.
_PROSE = {"topics": 2, "actors": 2}  # summary, description

EntryData = tuple[Any, ...]

#: A claim's fields in its tuple's order, as laid out above (read in one C call: a build
#: lays out every claim of the corpus).
_CLAIM_FIELDS = attrgetter(
    "id", "text", "topic", "actors", "cites", "status", "contradicts", "supports", "note",
    "file", "credibility", "by", "date", "likelihood", "confidence", "relation",
    "relation_to", "relation_from",
)  # fmt: skip
_CLAIM_CITES = 4


_Classes = tuple["type[Claim]", "type[Topic]", "type[Actor]"]
_CLASSES: _Classes | None = None


def _classes() -> _Classes:
    """The record classes, imported the first time a record is laid out or indexed: a
    warm start reads records and never needs them, and a build lays out 200,000."""
    global _CLASSES
    if _CLASSES is None:
        from ..core.model import Actor, Claim, Topic

        _CLASSES = (Claim, Topic, Actor)
    return _CLASSES


def entry_data(entry: Entry) -> EntryData:
    """*entry* as a tuple of plain values."""
    claim, topic, actor = _CLASSES or _classes()
    if isinstance(entry, claim):
        data: EntryData = _CLAIM_FIELDS(entry)
        cites = tuple([citation_data(c) for c in entry.cites])
        return (*data[:_CLAIM_CITES], cites, *data[_CLAIM_CITES + 1 :])
    if isinstance(entry, topic):
        return (entry.id, entry.title, entry.summary, entry.aliases, entry.tags,
                entry.related, entry.file)  # fmt: skip
    if isinstance(entry, actor):
        return (entry.id, entry.name, entry.description, entry.aliases, entry.file)
    entry = cast("Source", entry)  # the one kind left
    return (entry.id, entry.title, entry.kind, entry.author, entry.date, entry.url,
            entry.sections, entry.file, entry.reliability, entry.publisher, entry.retrieved,
            entry.text, entry.note)  # fmt: skip


def citation_data(cite: Citation) -> tuple[str | None, ...]:
    """A citation as stored: (source, section), with its quote and locator when it has one."""
    if cite.quote is None and cite.locator is None:
        return (cite.source, cite.section)
    return (cite.source, cite.section, cite.quote, cite.locator)


def entry_blob(entry: Entry) -> bytes:
    """A topic, actor or source as the ``entries`` table stores it (see :func:`data_blob`)."""
    return data_blob(entry_data(entry))


#: zlib's level for an entry's record: a summary or description compresses to about half,
#: and level 1 does nearly as well as 9 in a fraction of the time.
ENTRY_LEVEL = 1


def data_blob(data: EntryData) -> bytes:
    """An entry's tuple (see :func:`entry_data`) as stored: sealed, compressed marshal."""
    return seal(zlib.compress(marshal.dumps(data), ENTRY_LEVEL))


def _entry(blob: object) -> Any:
    """The value :func:`data_blob` stored in *blob*: checked, decoded, its text inert."""
    payload = unseal(blob)
    try:
        value = marshal.loads(zlib.decompress(payload))
    except BAD as error:
        raise Corrupt(f"unreadable record: {error}") from error
    return inert_record(value)


def read_data(blob: bytes) -> EntryData:
    """An entry's tuple, read back."""
    value = _entry(blob)
    if type(value) is not tuple:
        raise Corrupt("an entry that is not a record")
    return value


def entry_id(data: EntryData) -> str:
    """The id in an entry's tuple."""
    return str(data[_ID])


def without_prose(kind: str, data: EntryData) -> EntryData:
    """An entry's tuple of *kind* (``topics``...), blanking what only its briefing shows."""
    out = list(data)
    if kind in _PROSE:
        out[_PROSE[kind]] = None
    return tuple(out)


#: Fields of a topic, an actor or a source that ``added.rename_entries`` may change in
#: place: all but the id and the file, and a source's sections (which its citations
#: are resolved against): what names, tags, relates or tells of it, read when shown.
_NAMING = {
    "topics": (1, 2, 3, 4, 5),
    "actors": (1, 2, 3),
    "sources": (1, 2, 3, 4, 5, 8, 9, 10, 11, 12),
}


def renamed_only(kind: str, before: EntryData, after: EntryData) -> bool:
    """Whether *after* differs from *before* (of *kind*, ``topics``...) only in fields
    that name it, tag it, relate it or tell of it (see :data:`_NAMING`)."""
    fields = _NAMING.get(kind)
    if fields is None:
        return False
    keep = [i for i in range(len(before)) if i not in fields]
    return len(before) == len(after) and all(before[i] == after[i] for i in keep)


def topic_related(blob: bytes) -> tuple[str, ...]:
    """The related topics of a stored topic, without building it."""
    try:
        return tuple(read_data(blob)[_TOPIC_RELATED])
    except BAD as error:
        raise Corrupt(f"unreadable record: {error}") from error


_CITES: dict[tuple[str | None, ...], Citation] = {}


def _cite(pair: tuple[str | None, ...]) -> Citation:
    """Equal citations as one shared object: a large corpus cites a few sections often."""
    found = _CITES.get(pair)
    if found is None:
        from ..core.model import Citation

        found = _CITES[pair] = Citation(*pair)  # type: ignore[arg-type]
    return found


def claim_from(data: Sequence[Any]) -> Claim:
    """The claim a tuple of :func:`entry_data` holds (every field of it), built as the
    loader builds it (``corpus.builders``: a third of the time ``Claim`` takes, which
    reading 200,000 claims back spent 1.7 s in)."""
    from ..corpus.builders import build_claim

    try:
        i, text, topic, who, cites, *rest = data
        return build_claim(i, text, topic, who, tuple(map(_cite, cites)), *rest)  # type: ignore[no-any-return]
    except BAD as error:
        raise Corrupt(f"unreadable claim: {error}") from error


def named_from(kind: str, data: Sequence[Any]) -> Topic | Actor | Source:
    """The topic, actor or source (*kind*, singular) a tuple of :func:`entry_data` holds."""
    from ..core.model import Actor, Source, Topic

    record = Topic if kind == "topic" else Actor if kind == "actor" else Source
    # each kind has its own number of fields (entry_data stores them all): a mislabelled
    # or cut-short row shows
    if len(data) != len(record.__dataclass_fields__):
        raise Corrupt(f"a {kind} record of {len(data)} fields")
    try:
        return record(*data)
    except BAD as error:
        raise Corrupt(f"unreadable {kind}: {error}") from error


def named_of(kind: str, blob: bytes) -> Topic | Actor | Source:
    """A stored topic, actor or source (*kind*, singular)."""
    return named_from(kind, read_data(blob))


def topic_of(blob: bytes) -> Topic:
    """A stored topic."""
    return cast("Topic", named_of("topic", blob))


#: How far apart files are numbered in load order (see ``build.numbered``): a file added
#: later takes the number left free between its neighbours', if it is free.
FILE_STRIDE = 2
#: How far apart the last file of a layer and the first of the next are numbered: files
#: added at the end of a layer (your own corpus, before ``BRIEF_PATH``'s) have room.
LAYER_GAP = 1024


def file_numbers(layers: Sequence[int]) -> list[int]:
    """The numbers of files of the layers *layers* (one for each file, in load order):
    :data:`FILE_STRIDE` apart, and :data:`LAYER_GAP` more from one layer to the next."""
    out: list[int] = []
    number = 0
    for i, layer in enumerate(layers):
        number += FILE_STRIDE + (LAYER_GAP if i and layer != layers[i - 1] else 0)
        out.append(number)
    return out


def seq_key(file: int, kind: int, pos: int) -> int:
    """An entry's place in load order, as stored (``seq``): the number of its file's row
    (files are numbered in load order), its kind (``corpus.trace.KIND_ORDER``) and its
    place among the file's entries of that kind. An integer, not the load's own sort key
    (``corpus.trace.entry_at``): 4 to 6 bytes a row, not some 40."""
    return (file << 32) | (kind << 28) | pos


def status_code(status: str) -> int:
    """A claim's status as its row keeps it (``claims.status``): its place in
    ``core.model.STATUSES``, ``reported`` 0 (a byte a row, and none for the commonest),
    so that ``brief claims --status`` reads only the claims of that status."""
    from ..core.model import STATUSES

    return STATUSES.index(status)


def days(date: str) -> tuple[int, int]:
    """The first and last day a claim's *date* covers (``views.dates.span``), as its
    ``claim_days`` row keeps them: numbers ``YYYYMMDD``, which order as the days do."""
    from ..views.dates import span

    first, last = span(date)
    return day(first), day(last)


def day(text: str) -> int:
    """A day ``YYYY-MM-DD`` (``views.dates``) as ``claim_days`` keeps it: ``YYYYMMDD``."""
    return int(text.replace("-", ""))


def seq_file(seq: int) -> int:
    """The number of the file whose place a ``seq`` (:func:`seq_key`) gives."""
    return seq >> 32


def ord_key(ord_: str) -> bytes:
    """A load-order key as SQLite sorts it like Python: bytes, as file names need not be UTF-8."""
    return ord_.encode("utf-8", "surrogatepass")


def ord_of(key: bytes) -> str:
    """The inverse of :func:`ord_key`."""
    return bytes(key).decode("utf-8", "surrogatepass")


# -- meta: the manifest, the warnings --------------------------------------------------

#: Each folder with its mtime, each file with its mtime, ctime and size (see stamps):
#: what ``cachefile.changes`` compares with the files as they are.
Manifest = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int, int, int], ...]]


def manifest_of(folders: Mapping[str, int], files: Mapping[str, tuple[int, int, int]]) -> Manifest:
    """The manifest of a load's stamps (``Stamps.folders`` and ``Stamps.files``)."""
    return tuple(folders.items()), tuple((p, *seen) for p, seen in files.items())


def manifest_folders(manifest: Manifest) -> dict[str, int]:
    """Each folder's mtime."""
    return dict(manifest[0])


def manifest_files(manifest: Manifest) -> list[str]:
    """Every file it stamps."""
    return [path for path, *_ in manifest[1]]


def manifest_with(
    manifest: Manifest,
    folders: Mapping[str, int],
    files: Mapping[str, tuple[int, int, int]],
    added: Sequence[str] = (),
    removed: Sequence[str] = (),
) -> Manifest:
    """*manifest* with *folders* instead of its own, and new stamps for some *files*,
    among them the files *added*; without the files *removed*."""
    gone = set(removed)
    stamps = {p: files.get(p, (m, c, s)) for p, m, c, s in manifest[1] if p not in gone}
    stamps.update((p, files[p]) for p in added if p in files)
    return manifest_of(folders, stamps)


def manifest_blob(manifest: Manifest) -> bytes:
    return pack(manifest)


def read_manifest(blob: bytes) -> Manifest:
    try:
        folders, files = _tuple(blob, text=False)  # paths as they are, to stat them
        return tuple(folders), tuple(files)
    except BAD as error:
        raise Corrupt(f"unreadable manifest: {error}") from error


def warnings_blob(lines: Sequence[str]) -> bytes:
    return pack(list(lines))


def read_warnings(blob: bytes) -> list[str]:
    return list(_tuple(blob))


#: The key of :func:`left_out_blob` that counts every claim left out: no id is empty.
ALL_LEFT_OUT = ""


def left_out_blob(counts: Mapping[str, int], total: int = 0) -> bytes:
    """How many claims were left out, by the id of each topic, actor or source they name,
    and in all (*total*, under :data:`ALL_LEFT_OUT`, when there are any)."""
    return pack({**counts, ALL_LEFT_OUT: total} if total else dict(counts))


def read_left_out(blob: object) -> dict[str, int]:
    """The inverse of :func:`left_out_blob`."""
    value = unpack(blob)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and type(v) is int for k, v in value.items()
    ):
        raise Corrupt("unreadable counts of claims left out")
    return value


def lost_blob(files: Mapping[str, str]) -> bytes:
    """The skipped file of each name (normalised) it defines (``LoadResult.lost``)."""
    return pack(dict(files))


def read_lost(blob: object) -> dict[str, str]:
    """The inverse of :func:`lost_blob`."""
    value = unpack(blob)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise Corrupt("unreadable names of skipped files")
    return value


def unread_blob(files: Mapping[str, Collection[str]]) -> bytes:
    """Every id each skipped file's text names (``LoadResult.unread``)."""
    return pack({name: sorted(named) for name, named in files.items()})


def read_unread(blob: object) -> dict[str, frozenset[str]]:
    """The inverse of :func:`unread_blob`."""
    value = unpack(blob)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(i, str) for i in v)
        for k, v in value.items()
    ):
        raise Corrupt("unreadable ids of skipped files")
    if not value:
        return {}  # nearly every corpus: no skipped file
    from ..core.sanitize import inert_line

    return {inert_line(name): frozenset(named) for name, named in value.items()}  # shown


def unread_naming(files: Mapping[str, Collection[str]], ident: str) -> tuple[str, ...]:
    """The skipped files of *files* (as :func:`read_unread` gives them) whose text names
    *ident*, by name: what a briefing of that entry is missing (``Briefing.unread``)."""
    return tuple(sorted(name for name, named in files.items() if ident in named))


def unread_not_naming(files: Mapping[str, Collection[str]], ident: str) -> tuple[str, ...]:
    """The skipped files of *files* whose text does not name *ident*: what may still be
    missing from its briefing (``Briefing.skipped``)."""
    return tuple(sorted(name for name, named in files.items() if ident not in named))


# -- search text ---------------------------------------------------------------------------
#
# The full-text table indexes two columns of each topic, actor, source and claim: a
# title (names, aliases, tags; weighted) and a body (prose). It keeps neither: what a
# hit shows is made again from the entry's record, by the same functions.


def search_text(entry: Topic | Actor | Source | Claim) -> tuple[str, str]:
    """The title and body the full-text table indexes for *entry*."""
    claim, topic, actor = _CLASSES or _classes()
    if isinstance(entry, claim):
        return "", f"{entry.text} {entry.note}" if entry.note else entry.text
    if isinstance(entry, topic):
        return " ".join([entry.title, *entry.aliases, *entry.tags]), entry.summary
    if isinstance(entry, actor):
        return " ".join([entry.name, *entry.aliases]), entry.description
    entry = cast("Source", entry)  # the one kind left
    body = "; ".join(x for x in (entry.author or "", *entry.sections) if x)  # read as a list
    return entry.title, body


def label_of(entry: Topic | Actor | Source) -> str:
    """What a search hit on *entry* (or on a claim of a topic) is labelled with."""
    from ..core.model import Actor

    return entry.name if isinstance(entry, Actor) else entry.title


def hit_from(row: Sequence[Any]) -> Hit:
    """A hit from a row of ``sql.SEARCH`` with its snippet: kind, id, topic, label, snippet,
    score."""
    from ..views.records import Hit

    kind, ident, topic, title, snippet, score = row
    return Hit(kind, ident, title, snippet, topic if kind == "claim" else ident, -score)
