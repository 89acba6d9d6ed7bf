"""Full-text search over the corpus with SQLite FTS5: ranked, stemmed, with snippets.

One FTS table holds a row per topic, actor, source and claim. Titles, names,
aliases and tags go in a column weighted well above body text (summaries, claim
texts, editor's notes), so a title hit outranks a body hit under BM25. The Porter
stemmer lets ``sanction`` find ``sanctions``; every word of the query must match.
The table is built into the cache file (see ``build``) or, without a cache, into
an in-memory database, by the same code. Its rows are ``codec``'s, its statements
``sql``'s.

Cost is bounded whatever the corpus holds. FTS5's ``snippet()`` takes time that grows
with the square of the matches in one row (a 200 KB summary repeating one word took
three minutes), so it is asked only for the hits shown, and only of a body of at most
:data:`SNIPPET_SQL_CHARS`; a longer body gets a snippet made here in one pass over its
first :data:`SNIPPET_SCAN_CHARS`. A query keeps its first :data:`MAX_QUERY_WORDS`
different words.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import codec, sql

if TYPE_CHECKING:
    from ..core.index import Index
    from ..core.model import Actor, Source, Topic
    from ..corpus.schema import Entry
    from ..views.records import Results


def fill(con: sqlite3.Connection, rows: Iterable[tuple[int, Entry]]) -> None:
    """Create the search table in *con* and index each (rowid, entry) of *rows*.

    Each rowid is the entry's record's (claims' as they are, entries' negated), so that
    an edit can replace one row, and a hit find its record, without a scan.
    """
    written = ((rowid, *codec.search_text(e)) for rowid, e in rows)
    _bulk(con, lambda: con.executemany(sql.INSERT_SEARCH_AT, written))


def _bulk(con: sqlite3.Connection, insert: Callable[[], object]) -> None:
    """Create the search table in *con* and *insert* its rows with FTS5 merging nothing
    meanwhile (``sql.BULK_SEARCH``); then write out what FTS5 holds in memory, and set
    its merging back for the edits that follow."""
    con.execute(sql.SEARCH_DDL)
    con.execute(sql.BULK_SEARCH)
    insert()
    for statement in sql.FLUSH_SEARCH:
        con.execute(statement)
    con.execute(sql.MERGING_SEARCH)


class Aside:
    """A search table filled with *rows* (see :func:`fill`) in the file *path*, in a
    thread, while a build writes the cache's other tables; then copied into the cache.

    The rows are first written here as they are, to a plain table (``sql.STAGED_DDL``);
    then the thread indexes them all with one statement. FTS5 spends that time in
    SQLite, tokenizing, and SQLite lets go of the GIL for the whole statement, so the
    two share both cores (at 10,000 topics the search rows took 1.3 s of a 3.7 s write;
    the thread's 0.9 s now runs beside the rest). A thread that inserted row by row
    waited for the GIL at every row, and made the build slower. FTS5's index is the
    rows of its shadow tables (``sql.SEARCH_SHADOWS``): copied whole into a table made
    as this one is, they are the same index. *path* is the caller's to remove.
    """

    def __init__(self, path: str, rows: Iterable[tuple[int, Entry]]) -> None:
        import threading

        self._failed: list[BaseException] = []
        self._con = con = sqlite3.connect(path, check_same_thread=False)  # then the thread's
        try:
            con.execute(sql.PAGE_SIZE)
            con.execute(sql.NO_JOURNAL)
            con.execute(sql.NO_SYNC)
            con.execute(sql.STAGED_DDL)
            staged = ((rowid, *codec.search_text(e)) for rowid, e in rows)
            con.executemany(sql.INSERT_STAGED, staged)
        except BaseException:
            con.close()
            raise
        self._path = path
        self._thread = threading.Thread(target=self._index, name="brief-search", daemon=True)
        self._thread.start()

    def _index(self) -> None:
        con = self._con
        try:
            _bulk(con, lambda: con.execute(sql.INDEX_STAGED))  # one statement: no GIL held
            con.commit()
        except BaseException as exc:  # raised by copy_into, in the thread that writes
            self._failed.append(exc)
        finally:
            con.close()

    def copy_into(self, into: sqlite3.Connection) -> None:
        """Wait for the index, then copy it into *into*'s database."""
        self._thread.join()
        if self._failed:
            raise self._failed[0]
        into.execute(sql.SEARCH_DDL)
        into.commit()  # a database is attached outside a transaction
        into.execute(sql.ATTACH_ASIDE, (self._path,))
        try:
            for statement in sql.COPY_SEARCH:
                into.execute(statement)
            into.commit()
        finally:
            into.execute(sql.DETACH_ASIDE)

    def stop(self) -> None:
        """Stop indexing (a build that failed, or was interrupted) and wait for the
        thread; after :meth:`copy_into`, nothing to do."""
        if self._thread.is_alive():
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed just now
                self._con.interrupt()  # the one call SQLite takes from another thread
        self._thread.join()


def memory_db(index: Index) -> sqlite3.Connection:
    """A throw-away database with the tables search reads, for runs without a cache."""
    from .build import make_indexes, write_records

    con = sqlite3.connect(":memory:")
    con.executescript(sql.DDL)
    write_records(con, index, None)
    make_indexes(con)
    return con


_WORD = re.compile(r"\w+", re.UNICODE)

#: Words of a query past this many (counting each once) are not searched for.
MAX_QUERY_WORDS = 16
#: A body longer than this gets its snippet from :func:`long_snippet`, not FTS5's.
SNIPPET_SQL_CHARS = 2_000
#: How much of a long body :func:`long_snippet` reads.
SNIPPET_SCAN_CHARS = 20_000
#: Words in a snippet, as FTS5's is asked for.
SNIPPET_WORDS = 16
#: A body this long or shorter (a claim, mostly) is shown whole: a trial saw
#: "…scrutiny of its relationship with North…", one word short of its end.
WHOLE_CHARS = 240


def query_words(query: str) -> list[str]:
    """The words of *query* that are searched for: each once, the first few, in order."""
    words = list(dict.fromkeys(_WORD.findall(query)))
    if len(words) > MAX_QUERY_WORDS:
        words = words[: MAX_QUERY_WORDS - 1] + words[-1:]  # the last is also a prefix
    return words


def match_expression(query: str, stems: Sequence[str] = ()) -> str:
    """An FTS5 query where every word must match, the last one also as a prefix, or as
    any of *stems* (see :func:`prefix_stems`).

    Words are quoted, so FTS5 syntax in a query (``AND``, ``*``, ``:``, quotes) is
    searched for as text and can never be a syntax error.
    """
    words = query_words(query)
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    last = [parts[-1], f"{parts[-1]}*", *(f'"{stem}"' for stem in stems)]
    parts[-1] = f"({' OR '.join(last)})"
    return " AND ".join(parts)


#: How far past a stem a word's start may run and still be taken for that stem's word
#: (``organizatio``, of ``organization``: ``organ``); and the shortest stem so taken.
#: Shorter ones find too much: ``vetod`` would find ``veto``.
STEM_REACH = 6
MIN_STEM = 5


def prefix_stems(con: sqlite3.Connection, word: str) -> list[str]:
    """The index's terms that a word starting with *word* may be stemmed to, and that
    *word* runs past: ``investme`` -> ``invest`` (of ``investment``). FTS5 keeps words
    stemmed and looks a prefix up as typed, so ``investme*`` alone finds nothing (a
    trial: ``contam`` found "contaminated", ``contamina`` nothing). A stem so found
    finds its other words too (``investing``), as the whole word ``investment`` does."""
    key = word.casefold()
    if len(key) <= MIN_STEM or not key.isalpha():
        return []
    heads = [key[:n] for n in range(max(MIN_STEM, len(key) - STEM_REACH), len(key))]
    con.execute(sql.SEARCH_TERMS_DDL)
    marks = ", ".join("?" * len(heads))
    return [str(t) for (t,) in con.execute(sql.TERMS_IN.format(marks=marks), heads)]


def search(
    con: sqlite3.Connection,
    query: str,
    *,
    limit: int = 10,
    actor: str | None = None,
    tag: str | None = None,
    topic: str | None = None,
) -> Results:
    """Ranked hits for *query* in the search table of *con*.

    *actor*, *tag* and *topic* are resolved ids or keys.
    """
    from ..views.records import Results

    words = query_words(query)
    stems = prefix_stems(con, words[-1]) if words else []
    expression = match_expression(query, stems)
    if not expression:
        return Results(query, ())
    where = [sql.SEARCH_MATCH]
    args: dict[str, object] = {"match": expression, "limit": limit}
    for name, value, test in (
        ("actor", actor, sql.SEARCH_BY_ACTOR),
        ("tag", tag, sql.SEARCH_BY_TAG),
        ("topic", topic, sql.SEARCH_BY_TOPIC),
    ):
        if value is not None:
            where.append(test)
            args[name] = value
    rows = con.execute(sql.SEARCH.format(where=" AND ".join(where)), args).fetchall()
    records = _records(con, rows)
    snippets = _snippets(records, expression, query_words(query))
    hits = []
    for kind, ident, topic, score, rowid in rows:
        label = codec.label_of(records[rowid][1])
        hits.append(codec.hit_from((kind, ident, topic, label, snippets[rowid], score)))
    return Results(query, tuple(hits))


def respelled(
    con: sqlite3.Connection,
    query: str,
    *,
    actor: str | None = None,
    tag: str | None = None,
    topic: str | None = None,
) -> str | None:
    """*query* with each word that matches nothing replaced by the closest word of the
    corpus, when that finds something (with the filters *actor*, *tag* and *topic*, as
    :func:`search` takes them): ``harvst famine`` -> ``harvest famine``. None when no
    word can be respelled so, or every word matches alone (only their combination finds
    nothing).

    The closest words are the search index's own terms (``fts5vocab``: stemmed, as
    FTS5 keeps them), each shown as a hit's text writes it (``harvest`` may be shown
    ``harvests``).
    """
    words = query_words(query)
    fixed, changed = [], False
    terms: list[str] = []  # read once, for the first word that matches nothing
    for n, word in enumerate(words):
        last = n == len(words) - 1  # the last word is also the start of a word
        alone = match_expression(word, prefix_stems(con, word)) if last else f'"{word}"'
        if con.execute(sql.SEARCH_ANY, (alone,)).fetchone():
            fixed.append(word)
            continue
        if not terms:
            con.execute(sql.SEARCH_TERMS_DDL)
            terms = [str(t) for (t,) in con.execute(sql.SEARCH_TERMS) if str(t).isalpha()]
        near = _near_terms(terms, word, stem(word))
        shown = next(filter(None, (_as_written(con, t) for t in near)), None)
        if shown is None:
            return None
        fixed.append(shown)
        changed = True
    if not changed:
        return None
    again = " ".join(fixed)
    return again if search(con, again, limit=1, actor=actor, tag=tag, topic=topic).hits else None


#: How alike a word and a term must be (``difflib``'s ratio) for one to be offered.
NEAR = 0.75
#: How alike a word and a term count when they are two neighbouring letters swapped
#: (``tnak``, ``tank``): difflib's ratio gives them 0.5, a typing slip, not a word apart.
SWAPPED = 0.9
#: ... and when the word's start is the term so swapped (``tlaks``, the stem ``talk``):
#: near, but below any term difflib finds as near (``fomrer``: ``former``, not ``form``).
SWAPPED_START = NEAR + 0.01


def stem(word: str) -> str | None:
    """*word* as the search index keeps it (stemmed: ``corosion`` -> ``coros``); None
    for a word of no letters."""
    return stems([word])[0]


def stems(words: Sequence[str]) -> list[str | None]:
    """Each of *words* as the search index keeps it (see :func:`stem`)."""
    out: list[str | None] = [None] * len(words)
    mem = sqlite3.connect(":memory:")
    try:
        mem.executescript(sql.STEM_DDL)
        mem.executemany(sql.INSERT_STEM, enumerate(words))
        for n, term in mem.execute(sql.STEMS):
            out[n] = out[n] or str(term)  # a word of one token: its first
    finally:
        mem.close()
    return out


def _near_terms(terms: list[str], word: str, stemmed: str | None = None) -> list[str]:
    """The *terms* (the search index's) most like *word*, best first: three at most.

    A term is a stem (``secur`` for ``security``): it is held against the word, against
    the word's own stem (*stemmed*: ``coros`` for ``corosion``, near ``corros``, where
    the whole word is not) and, five letters or longer, against as much of the word's
    start as it is long (``secri``), whichever is closer. (Shorter, too much is near:
    ``harm`` for ``harvst``.) Two neighbouring letters swapped count as near
    (:data:`SWAPPED`).
    """
    from difflib import SequenceMatcher

    from ..core.names import one_swap

    key = word.casefold()
    alike: dict[int, SequenceMatcher[str]] = {}  # by the length of the term
    scored = []
    for term in terms:
        if abs(len(term) - len(key)) > 3:
            continue
        best = 0.0
        if 4 <= len(term) < len(key) and one_swap(key[: len(term)], term):
            best = SWAPPED_START
        for typed in {key, key[: max(5, len(term))], stemmed or key}:
            if one_swap(typed, term):
                best = max(best, SWAPPED)
                continue
            matcher = alike.setdefault(len(typed), SequenceMatcher())
            matcher.set_seq2(typed)
            matcher.set_seq1(term)
            if matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR:
                best = max(best, matcher.ratio())
        if best >= NEAR:
            scored.append((-best, term))
    return [term for _, term in sorted(scored)[:3]]


def _as_written(con: sqlite3.Connection, term: str) -> str | None:
    """The word *term* (a stem) stands for, as the best hit for it writes it: in its
    title, else its body."""
    match = f'"{term}"'
    rows = con.execute(sql.SEARCH.format(where=sql.SEARCH_MATCH), {"match": match, "limit": 1})
    found = rows.fetchall()
    if not found:
        return _as_written_at(con, term)  # a stem that a query stems again
    entry, _ = _records(con, found)[found[0][-1]]
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute(sql.SNIPPET_DDL)
        mem.execute(sql.INSERT_SNIPPET_TEXT, (1, *codec.search_text(entry)))
        marked = mem.execute(sql.HIGHLIGHTS, (match,)).fetchone()
    finally:
        mem.close()
    for text in marked or ():
        _, start, rest = str(text).partition("\x02")
        word = rest.partition("\x03")[0]
        if start and word.isalpha():
            return word.casefold()
    return None


def _as_written_at(con: sqlite3.Connection, term: str) -> str | None:
    """The word *term* stands for, as the first entry the index has it in writes it,
    in the column it is in: for a stem no query reaches (``corros``, of ``corrosion``,
    which a query stems to ``corro``)."""
    con.execute(sql.TERM_AT_DDL)
    row = con.execute(sql.TERM_AT, (term,)).fetchone()
    if row is None or row[0] is None:
        return None
    entry, _ = _records(con, [row[:5]])[row[4]]
    title, body = codec.search_text(entry)
    found: list[str] = re.findall(r"[^\W\d_]+", title if row[5] == "title" else body)
    words = list(dict.fromkeys(found))
    for word, stemmed in zip(words, stems(words), strict=True):
        if stemmed == term:
            return word.casefold()
    return None


#: A hit's record, and what it is labelled by: itself, or a claim's topic.
_Record = tuple["Entry", "Topic | Actor | Source"]


def _records(con: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> dict[int, _Record]:
    """The record of each hit shown, by its rowid, checked against what the row says."""
    from .read import claims_at, rows_in

    places = rows_in(con, sql.CLAIMS_BY_ROWID_IN, [r[-1] for r in rows if r[-1] > 0])
    claims = dict(
        zip((r[0] for r in places), claims_at(con, [(n, at) for _, n, at in places]), strict=True)
    )
    named = {
        rowid: codec.named_of(kind, blob)
        for rowid, kind, blob in rows_in(
            con, sql.ENTRIES_BY_ROWID_IN, [-r[-1] for r in rows if r[-1] < 0]
        )
    }
    topics = {
        ident: codec.topic_of(blob)
        for ident, blob in rows_in(con, sql.ENTRIES_DATA_IN, {c.topic for c in claims.values()})
    }
    out: dict[int, _Record] = {}
    for kind, ident, topic, _, rowid in rows:
        entry = claims.get(rowid) if kind == "claim" else named.get(rowid)
        shown = topics.get(topic) if kind == "claim" else entry
        if entry is None or shown is None or entry.id != ident:  # the tables disagree
            raise codec.Corrupt(f"a search row ({rowid}) without its record")
        out[rowid] = (entry, shown)
    return out


def _snippets(records: dict[int, _Record], expression: str, words: list[str]) -> dict[int, str]:
    """The snippet of each hit shown, by its rowid.

    FTS5's ``snippet()`` needs the text, which the search table does not keep: the
    texts of the hits shown, made again from their records, go in a table of their
    own, in memory, where it makes the very snippet it would have made in the search
    table (it looks at one row alone).
    """
    from ..views.records import MARK_END, MARK_START

    texts = {rowid: codec.search_text(entry) for rowid, (entry, _) in records.items()}
    out = {
        rowid: long_snippet(body[:SNIPPET_SCAN_CHARS], words, MARK_START, MARK_END)
        for rowid, (_, body) in texts.items()
        if len(body) > SNIPPET_SQL_CHARS
    }
    short = [(rowid, *text) for rowid, text in texts.items() if rowid not in out]
    if short:
        mem = sqlite3.connect(":memory:")
        try:
            mem.execute(sql.SNIPPET_DDL)
            mem.executemany(sql.INSERT_SNIPPET_TEXT, short)
            made = sql.SNIPPET.format(start=MARK_START, end=MARK_END)
            whole = sql.WHOLE_BODY.format(start=MARK_START, end=MARK_END)
            for rowid, _, body in short:
                shown = whole if len(body) <= WHOLE_CHARS else made
                row = mem.execute(shown, (expression, rowid)).fetchone()
                if row is None:  # the record does not say what the index found
                    raise codec.Corrupt("a search row that does not match its record")
                out[rowid] = row[0]
        finally:
            mem.close()
    return out


def long_snippet(body: str, words: list[str], start: str, end: str) -> str:
    """A snippet of a long *body* in one pass: the words around the first that matches.

    Matching as the search does, roughly: a word of the body matches when it starts
    with a query word, ignoring case (``sanction`` finds ``sanctions``). With none in
    what is read, the body's first words.
    """
    wanted = tuple(w.casefold() for w in words)
    found = list(_WORD.finditer(body))
    first = next((i for i, m in enumerate(found) if m.group().casefold().startswith(wanted)), 0)
    low = max(0, min(first - 2, len(found) - SNIPPET_WORDS))
    shown = found[low : low + SNIPPET_WORDS]
    if not shown:
        return ""
    out, at = [], shown[0].start()
    for m in shown:
        out.append(body[at : m.start()])
        hit = m.group().casefold().startswith(wanted)
        out.append(f"{start}{m.group()}{end}" if hit else m.group())
        at = m.end()
    text = "".join(out)
    head = "…" if low > 0 else ""
    tail = "…" if low + SNIPPET_WORDS < len(found) or len(body) >= SNIPPET_SCAN_CHARS else ""
    return f"{head}{text}{tail}"
