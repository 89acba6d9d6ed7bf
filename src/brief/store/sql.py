"""Every SQL statement the cache runs, and its tables, as named constants.

What the values in a row mean (the blobs, the order of a search row) is ``codec``'s
business; which rows are read and written is the caller's. Statements with an IN
list take it as ``{marks}`` (see ``read.rows_in``). Plain strings only: this module
is imported on the warm path.
"""

from __future__ import annotations

# -- the tables --------------------------------------------------------------------------

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE names (key TEXT PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL,
    checksum INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE tags (key TEXT, topic TEXT, PRIMARY KEY (key, topic)) WITHOUT ROWID;
CREATE TABLE briefings (id TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE entries (id TEXT PRIMARY KEY, kind TEXT NOT NULL, seq INTEGER NOT NULL,
    data BLOB NOT NULL);
CREATE TABLE claims (id TEXT NOT NULL, seq INTEGER NOT NULL, topic TEXT NOT NULL,
    grp INTEGER NOT NULL, at INTEGER NOT NULL, status INTEGER NOT NULL);
CREATE TABLE claim_groups (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE claim_actors (actor TEXT, claim INTEGER, PRIMARY KEY (actor, claim)) WITHOUT ROWID;
CREATE TABLE claim_sources (source TEXT, claim INTEGER, PRIMARY KEY (source, claim))
    WITHOUT ROWID;
CREATE TABLE relation_claims (claim TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE claim_days (claim INTEGER PRIMARY KEY, first INTEGER NOT NULL, last INTEGER NOT NULL);
CREATE TABLE claim_makers (maker TEXT, claim INTEGER, PRIMARY KEY (maker, claim)) WITHOUT ROWID;
CREATE TABLE claim_grades (claim INTEGER PRIMARY KEY, credibility INTEGER NOT NULL);
CREATE TABLE contests (claim TEXT, other TEXT, PRIMARY KEY (claim, other)) WITHOUT ROWID;
CREATE TABLE supporters (claim TEXT, other TEXT, PRIMARY KEY (claim, other)) WITHOUT ROWID;
CREATE TABLE files (path BLOB PRIMARY KEY, name TEXT NOT NULL, layer INTEGER NOT NULL,
    ord BLOB NOT NULL, problems INTEGER NOT NULL, local BLOB NOT NULL);
CREATE TABLE raw_claims (id TEXT, file INTEGER, PRIMARY KEY (id, file)) WITHOUT ROWID;
CREATE TABLE links (file INTEGER, claim TEXT, target TEXT, PRIMARY KEY (file, claim, target))
    WITHOUT ROWID;
CREATE TABLE related (topic TEXT, other TEXT, PRIMARY KEY (other, topic)) WITHOUT ROWID;
"""

#: The indexes, made once the rows are in (see ``build``): SQLite then builds each from a
#: sort, its pages full, where one filled row by row leaves them half empty.
#: ``claims_by_id`` is the claims' key (a claim id is unique).
INDEXES = (
    "CREATE UNIQUE INDEX claims_by_id ON claims (id)",
    "CREATE INDEX claims_by_topic ON claims (topic)",
    "CREATE INDEX supporters_by_other ON supporters (other)",
    "CREATE INDEX files_with_problems ON files (problems, ord)",
    "CREATE INDEX links_by_target ON links (target)",
)
#: Makes FTS5 write out the rows it holds in memory now, not when the transaction ends.
FLUSH_SEARCH = ("SAVEPOINT search", "RELEASE search")
#: While a build fills the search table it merges no segments (FTS5's ``automerge``,
#: 4 by default, merges as rows arrive): the rows go in some 0.2 s sooner at 10,000
#: topics, the pages the merges free are not left behind, and searches take as long.
#: The default is set again once the rows are in, for the edits that follow.
BULK_SEARCH = "INSERT INTO search (search, rank) VALUES ('automerge', 0)"
MERGING_SEARCH = "INSERT INTO search (search, rank) VALUES ('automerge', 4)"

#: FTS5 keeps its index in ordinary tables, its shadow tables (``search_data`` holds
#: the index's pages, ``search_idx`` finds them, ``search_docsize`` each row's size in
#: words, ``search_config`` its settings): a build fills them in a file of their own
#: while it writes the others (``search.aside``), then copies them in, whole.
SEARCH_SHADOWS = ("search_data", "search_idx", "search_docsize", "search_config")
#: The search rows as they are, before FTS5 indexes them (in the file aside only).
STAGED_DDL = "CREATE TABLE staged (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT)"
INSERT_STAGED = "INSERT INTO staged VALUES (?, ?, ?)"
INDEX_STAGED = "INSERT INTO search (rowid, title, body) SELECT rowid, title, body FROM staged"
ATTACH_ASIDE = "ATTACH DATABASE ? AS aside"
DETACH_ASIDE = "DETACH DATABASE aside"
COPY_SEARCH = tuple(
    statement
    for table in SEARCH_SHADOWS
    for statement in (
        f"DELETE FROM main.{table}",  # the rows a new table starts with
        f"INSERT INTO main.{table} SELECT * FROM aside.{table}",
    )
)

#: The full-text table holds no text of its own (``content=''``): only the index of the
#: title (names, aliases, tags) and the body (prose). What a hit is (its kind, id, topic
#: and label) is read from the ``claims`` and ``entries`` rows whose rowid it has
#: (claims' as they are, entries' negated), and what it shows (its label and snippet)
#: from their sealed records (see ``search``).
_TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"
SEARCH_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(title, body, content = '', {_TOKENIZE})"
)

# -- connections and transactions ------------------------------------------------------

NO_SYNC = "PRAGMA synchronous = OFF"
#: Pages of 16 KiB: a group of claims (``claimgroup``) is 1 to 3 KiB, and what is left of
#: a page that cannot take one more is lost; the smaller the page, the larger that share
#: (at 10,000 topics: 20 MB of pages for 16 MB of groups at 4 KiB, 18.8 MB at 8 KiB,
#: 16.5 MB at 16 KiB).
PAGE_SIZE = "PRAGMA page_size = 16384"
NO_JOURNAL = "PRAGMA journal_mode = OFF"
BEGIN = "BEGIN IMMEDIATE"
COMMIT = "COMMIT"
ROLLBACK = "ROLLBACK"

# -- meta: manifest, warnings, generation, problems found before any file, left out -----

META_TO_CHECK = "SELECT key, value FROM meta WHERE key IN ('manifest', 'warnings', 'generation')"
META_TO_READ = "SELECT key, value FROM meta WHERE key IN ('warnings', 'generation')"
GENERATION = "SELECT value FROM meta WHERE key = 'generation'"
EARLY = "SELECT value FROM meta WHERE key = 'early'"
LEFT_OUT = "SELECT value FROM meta WHERE key = 'left_out'"
LOST = "SELECT value FROM meta WHERE key = 'lost'"
UNREAD = "SELECT value FROM meta WHERE key = 'unread'"
INSERT_META = "INSERT INTO meta VALUES (?, ?)"
SET_META = "INSERT OR REPLACE INTO meta VALUES (?, ?)"

# -- names, tags, briefings --------------------------------------------------------------

ID_OF_NAME = "SELECT id, kind, checksum FROM names WHERE key = ?"
ACTOR_OF_NAME = "SELECT id FROM names WHERE key = ? AND kind = 'actor'"
ACTOR_IDS = "SELECT id FROM entries WHERE kind = 'actor'"
TOPIC_OF_CLAIM = "SELECT topic FROM claims WHERE id = ?"
INSERT_NAME = "INSERT INTO names VALUES (?, ?, ?, ?)"
INSERT_TAG = "INSERT OR IGNORE INTO tags VALUES (?, ?)"
TAGS_FROM = "SELECT DISTINCT key FROM tags WHERE key >= ? AND key < ? ORDER BY key"
#: For resolving a name or tag without the index, and the suggestions on a miss.
ALL_NAMES = "SELECT key, id, kind, checksum FROM names"
HAS_TAG = "SELECT 1 FROM tags WHERE key = ? LIMIT 1"
TOPICS_OF_TAG = "SELECT topic FROM tags WHERE key = ?"
ALL_TAGS = "SELECT DISTINCT key FROM tags"
NAMES_FROM = "SELECT key FROM names WHERE key >= ? AND key < ? AND kind IN ({marks}) ORDER BY key"
BRIEFING = "SELECT data FROM briefings WHERE id = ?"
REMEMBER_BRIEFING = "INSERT OR REPLACE INTO briefings VALUES (?, ?)"
FORGET_BRIEFING = "DELETE FROM briefings WHERE id = ?"
FORGET_BRIEFINGS = "DELETE FROM briefings"
NAMES_IN = "SELECT key FROM names WHERE key IN ({marks})"
DELETE_NAME = "DELETE FROM names WHERE key = ? AND id = ?"
DELETE_TAG = "DELETE FROM tags WHERE key = ? AND topic = ?"

# -- topics, actors and sources ----------------------------------------------------------

INSERT_ENTRY = "INSERT INTO entries (rowid, id, kind, seq, data) VALUES (?, ?, ?, ?, ?)"
ENTRY = "SELECT kind, seq, data FROM entries WHERE id = ?"
ENTRY_DATA = "SELECT data FROM entries WHERE id = ?"
ENTRY_ROW = "SELECT rowid, kind, data FROM entries WHERE id = ?"
ENTRIES_IN = "SELECT id, kind, data FROM entries WHERE id IN ({marks})"
ENTRIES_DATA_IN = "SELECT id, data FROM entries WHERE id IN ({marks})"
ACTOR_IDS = "SELECT id FROM entries WHERE kind = 'actor'"
ENTRIES_ORDERED_IN = "SELECT seq, kind, data FROM entries WHERE id IN ({marks})"
ALL_ENTRIES = "SELECT kind, data FROM entries ORDER BY seq"
SET_ENTRY = "UPDATE entries SET data = ? WHERE id = ?"
LAST_ENTRY = "SELECT max(rowid) FROM entries"
ENTRY_ROW_SEQ = "SELECT rowid, kind, seq, data FROM entries WHERE id = ?"
ENTRY_ROWID = "SELECT rowid FROM entries WHERE id = ?"
SET_ENTRY_SEQ = "UPDATE entries SET seq = ? WHERE id = ?"
DELETE_ENTRY = "DELETE FROM entries WHERE id = ?"
#: Which topics list another as related: what a topic removed must not be (``added``).
INSERT_RELATED = "INSERT OR IGNORE INTO related (topic, other) VALUES (?, ?)"
DELETE_RELATED = "DELETE FROM related WHERE topic = ?"
RELATED_TO = "SELECT topic FROM related WHERE other = ?"

# -- claims and what links them ----------------------------------------------------------

#: A claim's row names the group of claims that holds its record, and its place there
#: (see ``claimgroup``): ``grp`` and ``at``.
INSERT_CLAIM = "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)"
INSERT_CLAIM_AT = (
    "INSERT INTO claims (rowid, id, seq, topic, grp, at, status) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_GROUP = "INSERT OR REPLACE INTO claim_groups VALUES (?, ?)"
GROUP = "SELECT data FROM claim_groups WHERE id = ?"
GROUPS_IN = "SELECT id, data FROM claim_groups WHERE id IN ({marks})"
ALL_GROUPS = "SELECT id, data FROM claim_groups"
CLAIMS_OF_TOPIC = "SELECT id FROM claims WHERE topic = ?"
#: A claim's status is kept by its place in ``core.model.STATUSES`` (see ``codec``).
CLAIMS_OF_STATUS = "SELECT id FROM claims WHERE status = ?"
#: ``claim_days`` has a row for each claim with a date (``brief timeline`` shows it): the
#: first and last day it covers, as the numbers ``YYYYMMDD`` (see ``codec.days``); the
#: claims with no date, most of a corpus in format 1, take no room.
DATED_CLAIMS = "SELECT c.id FROM claim_days d JOIN claims c ON c.rowid = d.claim"
UNDATED_COUNT = "SELECT (SELECT count(*) FROM claims) - (SELECT count(*) FROM claim_days)"
CLAIMS_WITHIN = (
    "SELECT c.id FROM claim_days d JOIN claims c ON c.rowid = d.claim "
    "WHERE d.last >= ? AND d.first <= ?"
)
INSERT_CLAIM_DAYS = "INSERT OR REPLACE INTO claim_days VALUES (?, ?, ?)"
DELETE_CLAIM_DAYS = "DELETE FROM claim_days WHERE claim = ?"
#: ``claim_makers``: who makes or alleges each claim that says (``by``), as written.
CLAIM_MAKERS = (
    "SELECT m.maker, c.id FROM claim_makers m JOIN claims c ON c.rowid = m.claim ORDER BY c.seq"
)
#: ``claim_grades``: the credibility (1-6) of each claim that has one (format 2).
CLAIMS_CREDIBLE = (
    "SELECT c.id FROM claim_grades g JOIN claims c ON c.rowid = g.claim WHERE g.credibility <= ?"
)
INSERT_CLAIM_GRADE = "INSERT OR REPLACE INTO claim_grades VALUES (?, ?)"
DELETE_CLAIM_GRADE = "DELETE FROM claim_grades WHERE claim = ?"
ALL_SOURCES = "SELECT data FROM entries WHERE kind = 'source'"
CLAIMS_OF_SOURCES_IN = (
    "SELECT c.id FROM claim_sources s JOIN claims c ON c.rowid = s.claim "
    "WHERE s.source IN ({marks})"
)
INSERT_CLAIM_MAKER = "INSERT OR IGNORE INTO claim_makers VALUES (?, ?)"
DELETE_CLAIM_MAKER = "DELETE FROM claim_makers WHERE maker = ? AND claim = ?"
CLAIMS_OF_TOPICS_IN = "SELECT id FROM claims WHERE topic IN ({marks})"
#: ``claim_actors`` and ``claim_sources`` name a claim by its row's rowid (an integer of a
#: few bytes, not its id again).
CLAIMS_OF_ACTOR = (
    "SELECT c.id FROM claim_actors a JOIN claims c ON c.rowid = a.claim WHERE a.actor = ?"
)
CLAIMS_OF_SOURCE = (
    "SELECT c.id FROM claim_sources s JOIN claims c ON c.rowid = s.claim WHERE s.source = ?"
)
CLAIM_ROWID = "SELECT rowid FROM claims WHERE id = ?"
#: The groups (a file's number, where it is one) of the claims that name an entry.
GROUPS_OF_TOPIC = "SELECT grp FROM claims WHERE topic = ?"
GROUPS_OF_ACTOR = (
    "SELECT c.grp FROM claim_actors a JOIN claims c ON c.rowid = a.claim WHERE a.actor = ?"
)
GROUPS_OF_SOURCE = (
    "SELECT c.grp FROM claim_sources s JOIN claims c ON c.rowid = s.claim WHERE s.source = ?"
)
CLAIMS_KEPT_IN = "SELECT id FROM claims WHERE id IN ({marks})"
CLAIMS_DATA_IN = "SELECT id, grp, at FROM claims WHERE id IN ({marks})"
CLAIMS_ROWS_IN = "SELECT id, rowid, grp, at FROM claims WHERE id IN ({marks})"
CLAIMS_ORDERED_IN = "SELECT seq, grp, at FROM claims WHERE id IN ({marks})"
ALL_CLAIMS = "SELECT grp, at FROM claims ORDER BY seq"
SET_CLAIM = "UPDATE claims SET at = ? WHERE id = ?"
DELETE_CLAIM = "DELETE FROM claims WHERE id = ?"

INSERT_CLAIM_ACTOR = "INSERT OR IGNORE INTO claim_actors VALUES (?, ?)"
DELETE_CLAIM_ACTOR = "DELETE FROM claim_actors WHERE actor = ? AND claim = ?"
INSERT_CLAIM_SOURCE = "INSERT OR IGNORE INTO claim_sources VALUES (?, ?)"
DELETE_CLAIM_SOURCE = "DELETE FROM claim_sources WHERE source = ? AND claim = ?"
#: ``relation_claims``: the claims that state a relation (format 2's ``relation``), so
#: that ``brief graph`` reads them and no other.
INSERT_RELATION_CLAIM = "INSERT OR IGNORE INTO relation_claims VALUES (?)"
DELETE_RELATION_CLAIM = "DELETE FROM relation_claims WHERE claim = ?"
RELATION_CLAIMS = "SELECT claim FROM relation_claims"
INSERT_CONTEST = "INSERT OR IGNORE INTO contests VALUES (?, ?)"
DELETE_CONTEST = "DELETE FROM contests WHERE claim = ? AND other = ?"
CONTESTED = "SELECT DISTINCT claim FROM contests"
CONTESTING_IN = "SELECT other FROM contests WHERE claim IN ({marks})"
CONTESTS_IN = "SELECT claim, other FROM contests WHERE claim IN ({marks})"
#: ``supporters``: *claim* is supported by *other* (whose ``supports`` names it).
INSERT_SUPPORTER = "INSERT OR IGNORE INTO supporters VALUES (?, ?)"
DELETE_SUPPORTER = "DELETE FROM supporters WHERE claim = ? AND other = ?"
SUPPORTING_IN = "SELECT other FROM supporters WHERE claim IN ({marks})"
SUPPORTERS_OF_IN = "SELECT claim, other FROM supporters WHERE claim IN ({marks})"
SUPPORTED_BY_IN = "SELECT claim, other FROM supporters WHERE other IN ({marks})"

# -- files: each one's record, the claim ids it defines, the links as written ------------
#
# ``raw_claims`` and ``links`` name a file by its row's rowid (a path is long, and
# repeated for each of its claims).

INSERT_FILE = (
    "INSERT INTO files (rowid, path, name, layer, ord, problems, local) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
FILE = "SELECT name, layer, ord, local, rowid FROM files WHERE path = ?"
TROUBLED_RECORDS = "SELECT local FROM files WHERE problems > 0 ORDER BY ord"
TROUBLED_FILES = "SELECT name, local FROM files WHERE problems > 0 ORDER BY ord"
#: The same, with where each is (its path, its layer's number): read again for lines.
TROUBLED_FILES_AT = "SELECT name, local, path, layer FROM files WHERE problems > 0 ORDER BY ord"
SET_FILE_RECORD = "UPDATE files SET problems = ?, local = ? WHERE path = ?"
#: The numbers (rowids) of the files just before and after a place in load order, and
#: whether a number is taken: for a file added (see ``added``).
FILE_BEFORE = "SELECT rowid FROM files WHERE ord < ? ORDER BY ord DESC LIMIT 1"
FILE_AFTER = "SELECT rowid FROM files WHERE ord > ? ORDER BY ord LIMIT 1"
FILE_NUMBERED = "SELECT 1 FROM files WHERE rowid = ?"
DELETE_FILE = "DELETE FROM files WHERE rowid = ?"
DELETE_GROUP = "DELETE FROM claim_groups WHERE id = ?"

INSERT_RAW_CLAIM = "INSERT OR IGNORE INTO raw_claims VALUES (?, ?)"
DELETE_RAW_CLAIM = "DELETE FROM raw_claims WHERE id = ? AND file = ?"
#: ``raw_claims`` holds only what the ``claims`` rows do not tell: a claim's row whose
#: group is a file's (``grp`` above 0) says that file defines its id (see ``build``).
RAW_CLAIMS_IN = "SELECT id, file FROM raw_claims WHERE id IN ({marks})"
WRITTEN_CLAIMS_IN = "SELECT id, grp FROM claims WHERE id IN ({marks}) AND grp > 0"
PLACED_CLAIMS_IN = "SELECT id FROM raw_claims WHERE id IN ({marks})"

INSERT_LINK = "INSERT OR IGNORE INTO links VALUES (?, ?, ?)"
DELETE_LINKS_OF_FILE = "DELETE FROM links WHERE file = ?"
LINKS_TO_IN = "SELECT file, claim, target FROM links WHERE target IN ({marks})"

# -- full-text search --------------------------------------------------------------------

INSERT_SEARCH_AT = "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)"
SEARCH_ROW = "SELECT rowid FROM search WHERE rowid = ?"
#: A contentless table forgets a row given the very text it indexed (rowid, title, body).
DELETE_SEARCH = "INSERT INTO search (search, rowid, title, body) VALUES ('delete', ?, ?, ?)"

#: Weights of the columns in BM25: title, body.
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
#: Equal scores in a stable order, the same with or without the cache.
_KIND_ORDER = "CASE kind WHEN 'topic' THEN 0 WHEN 'actor' THEN 1 WHEN 'source' THEN 2 ELSE 3 END"
#: The topic a hit belongs to: a claim's, a topic's own id; none for an actor or source.
_TOPIC = "CASE WHEN c.id IS NOT NULL THEN c.topic WHEN e.kind = 'topic' THEN e.id END"

#: The hits, best first: kind, id, topic, score and rowid; ``{where}`` is
#: ``SEARCH_MATCH`` and any filters below joined with AND. Named parameters: ``match``,
#: ``limit`` and each filter's own. No snippet here (see ``search``).
SEARCH = (
    "SELECT kind, id, coalesce(topic, ''), score, row FROM ("
    "SELECT CASE WHEN c.id IS NULL THEN e.kind ELSE 'claim' END AS kind, "
    "coalesce(c.id, e.id) AS id, "
    f"{_TOPIC} AS topic, "
    f"bm25(search, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score, search.rowid AS row "
    "FROM search LEFT JOIN claims c ON c.rowid = search.rowid "
    "LEFT JOIN entries e ON e.rowid = -search.rowid "
    f"WHERE {{where}}) ORDER BY score, {_KIND_ORDER}, id LIMIT :limit"
)
SEARCH_MATCH = "search MATCH :match"
#: A claim naming the actor; the actor itself; a topic with a claim naming it. As IN
#: lists, which SQLite builds once per query (a correlated EXISTS ran once per hit: 0.9 s
#: for a common word at 10,000 topics, against 0.08 s).
SEARCH_BY_ACTOR = (
    "(CASE WHEN c.id IS NOT NULL "
    "THEN c.rowid IN (SELECT claim FROM claim_actors WHERE actor = :actor) "
    "WHEN e.kind = 'actor' THEN e.id = :actor "
    "WHEN e.kind = 'topic' THEN e.id IN (SELECT x.topic FROM claim_actors a JOIN claims x "
    "ON x.rowid = a.claim WHERE a.actor = :actor) "
    "ELSE 0 END)"
)
#: A topic with the tag (a normalised key), or a claim of one.
SEARCH_BY_TAG = f"EXISTS (SELECT 1 FROM tags WHERE key = :tag AND topic = ({_TOPIC}))"
SEARCH_BY_TOPIC = f"({_TOPIC}) = :topic"
#: The records of the hits shown, for their snippets (rowids as in the search table).
CLAIMS_BY_ROWID_IN = "SELECT rowid, grp, at FROM claims WHERE rowid IN ({marks})"
ENTRIES_BY_ROWID_IN = "SELECT -rowid, kind, data FROM entries WHERE rowid IN ({marks})"
#: A table of the texts of the hits shown, in memory, for their snippets (see ``search``).
SNIPPET_DDL = f"CREATE VIRTUAL TABLE snip USING fts5(title, body, {_TOKENIZE})"
#: The terms of the search index (stemmed, as FTS5 keeps them), for "did you mean".
SEARCH_TERMS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, search, row)"
)
SEARCH_TERMS = "SELECT term FROM temp.terms"
TERMS_IN = "SELECT term FROM temp.terms WHERE term IN ({marks})"
SEARCH_ANY = "SELECT 1 FROM search WHERE search MATCH ? LIMIT 1"
#: Words as the search index keeps them (stemmed: ``corosion`` -> ``coros``), in
#: memory: each word a row, its stem found by the row's rowid.
STEM_DDL = (
    f"CREATE VIRTUAL TABLE stem USING fts5(word, {_TOKENIZE});"
    "CREATE VIRTUAL TABLE stems USING fts5vocab(stem, instance)"
)
INSERT_STEM = "INSERT INTO stem (rowid, word) VALUES (?, ?)"
STEMS = "SELECT doc, term FROM stems"
#: Where a term of the search index is, read from the index itself: a term that is a
#: stem may not be one as a query (``corros`` is stemmed again, to ``corro``).
TERM_AT_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_at USING fts5vocab(main, search, instance)"
)
TERM_AT = (
    "SELECT CASE WHEN c.id IS NULL THEN e.kind ELSE 'claim' END, coalesce(c.id, e.id), "
    f"coalesce({_TOPIC}, ''), 0, t.doc, t.col FROM temp.term_at t "
    "LEFT JOIN claims c ON c.rowid = t.doc LEFT JOIN entries e ON e.rowid = -t.doc "
    "WHERE t.term = ? LIMIT 1"
)
INSERT_SNIPPET_TEXT = "INSERT INTO snip (rowid, title, body) VALUES (?, ?, ?)"
#: The title and the body of one text, each with the words a term matches marked by
#: ``\x02`` and ``\x03`` (the match expression).
HIGHLIGHTS = (
    "SELECT highlight(snip, 0, char(2), char(3)), highlight(snip, 1, char(2), char(3)) "
    "FROM snip WHERE snip MATCH ?"
)
#: One hit's snippet (the match expression, the rowid); ``{start}`` and ``{end}`` are
#: the marks around matched words (``views.records.MARK_START``, ``_END``).
SNIPPET = (
    "SELECT snippet(snip, 1, '{start}', '{end}', '…', 16) FROM snip "
    "WHERE snip MATCH ? AND rowid = ?"
)
#: A short hit's whole body, its matched words marked as :data:`SNIPPET` marks them.
WHOLE_BODY = (
    "SELECT highlight(snip, 1, '{start}', '{end}') FROM snip WHERE snip MATCH ? AND rowid = ?"
)
