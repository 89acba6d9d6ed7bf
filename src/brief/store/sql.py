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
CREATE TABLE tags (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE briefings (id TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE entries (id TEXT PRIMARY KEY, kind TEXT NOT NULL, seq BLOB NOT NULL,
    data BLOB NOT NULL);
CREATE TABLE claims (id TEXT PRIMARY KEY, seq BLOB NOT NULL, topic TEXT NOT NULL,
    data BLOB NOT NULL);
CREATE INDEX claims_by_topic ON claims (topic);
CREATE TABLE claim_actors (actor TEXT, claim TEXT, PRIMARY KEY (actor, claim)) WITHOUT ROWID;
CREATE TABLE claim_sources (source TEXT, claim TEXT, PRIMARY KEY (source, claim)) WITHOUT ROWID;
CREATE TABLE contests (claim TEXT, other TEXT, PRIMARY KEY (claim, other)) WITHOUT ROWID;
CREATE TABLE supporters (claim TEXT, other TEXT, PRIMARY KEY (claim, other)) WITHOUT ROWID;
CREATE INDEX supporters_by_other ON supporters (other);
CREATE TABLE files (path BLOB PRIMARY KEY, name TEXT NOT NULL, layer INTEGER NOT NULL,
    ord BLOB NOT NULL, problems INTEGER NOT NULL, local BLOB NOT NULL);
CREATE INDEX files_with_problems ON files (problems, ord);
CREATE TABLE raw_claims (id TEXT, path BLOB, PRIMARY KEY (id, path)) WITHOUT ROWID;
CREATE TABLE links (path BLOB, claim TEXT, target TEXT, PRIMARY KEY (path, claim, target))
    WITHOUT ROWID;
CREATE INDEX links_by_target ON links (target);
"""

#: The full-text table's columns, in the order of ``codec``'s search rows.
SEARCH_COLUMNS = ("kind", "id", "topic", "actors", "tags", "label", "title", "body")
_COLUMNS = ", ".join(SEARCH_COLUMNS)
_EACH = ", ".join("?" for _ in SEARCH_COLUMNS)

#: Only the title (names, aliases, tags) and the body (prose) are searched; the
#: other columns say what a hit is and filter it.
SEARCH_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5("
    + ", ".join(c if c in ("title", "body") else f"{c} UNINDEXED" for c in SEARCH_COLUMNS)
    + ", tokenize = 'porter unicode61 remove_diacritics 2')"
)

# -- connections and transactions ------------------------------------------------------

NO_SYNC = "PRAGMA synchronous = OFF"
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
INSERT_META = "INSERT INTO meta VALUES (?, ?)"
SET_META = "INSERT OR REPLACE INTO meta VALUES (?, ?)"

# -- names, tags, briefings --------------------------------------------------------------

ID_OF_NAME = "SELECT id, kind, checksum FROM names WHERE key = ?"
TOPIC_OF_CLAIM = "SELECT topic FROM claims WHERE id = ?"
INSERT_NAME = "INSERT INTO names VALUES (?, ?, ?, ?)"
INSERT_TAG = "INSERT INTO tags VALUES (?)"
TAGS_FROM = "SELECT key FROM tags WHERE key >= ? AND key < ? ORDER BY key"
NAMES_FROM = "SELECT key FROM names WHERE key >= ? AND key < ? AND kind IN ({marks}) ORDER BY key"
BRIEFING = "SELECT data FROM briefings WHERE id = ?"
REMEMBER_BRIEFING = "INSERT OR REPLACE INTO briefings VALUES (?, ?)"
FORGET_BRIEFING = "DELETE FROM briefings WHERE id = ?"

# -- topics, actors and sources ----------------------------------------------------------

INSERT_ENTRY = "INSERT INTO entries VALUES (?, ?, ?, ?)"
ENTRY = "SELECT kind, seq, data FROM entries WHERE id = ?"
ENTRY_DATA = "SELECT data FROM entries WHERE id = ?"
ENTRY_FOR_SEARCH = "SELECT rowid, kind, data FROM entries WHERE id = ?"
ENTRIES_IN = "SELECT id, kind, data FROM entries WHERE id IN ({marks})"
ENTRIES_DATA_IN = "SELECT id, data FROM entries WHERE id IN ({marks})"
ENTRIES_ORDERED_IN = "SELECT seq, kind, data FROM entries WHERE id IN ({marks})"
ALL_ENTRIES = "SELECT kind, data FROM entries ORDER BY seq"
ENTRY_ROWIDS = "SELECT id, rowid FROM entries"
SET_ENTRY = "UPDATE entries SET data = ? WHERE id = ?"

# -- claims and what links them ----------------------------------------------------------

INSERT_CLAIM = "INSERT INTO claims VALUES (?, ?, ?, ?)"
CLAIMS_OF_TOPIC = "SELECT id FROM claims WHERE topic = ?"
CLAIMS_OF_ACTOR = "SELECT claim FROM claim_actors WHERE actor = ?"
CLAIMS_OF_SOURCE = "SELECT claim FROM claim_sources WHERE source = ?"
CLAIM_DATA_OF_TOPIC = "SELECT data FROM claims WHERE topic = ?"
CLAIM_ROWID = "SELECT rowid FROM claims WHERE id = ?"
CLAIMS_KEPT_IN = "SELECT id FROM claims WHERE id IN ({marks})"
CLAIMS_DATA_IN = "SELECT id, data FROM claims WHERE id IN ({marks})"
CLAIMS_ROWS_IN = "SELECT id, rowid, data FROM claims WHERE id IN ({marks})"
CLAIMS_ORDERED_IN = "SELECT seq, data FROM claims WHERE id IN ({marks})"
ALL_CLAIMS = "SELECT data FROM claims ORDER BY seq"
CLAIM_ROWIDS = "SELECT id, rowid FROM claims"
SET_CLAIM = "UPDATE claims SET data = ? WHERE id = ?"
DELETE_CLAIM = "DELETE FROM claims WHERE id = ?"

INSERT_CLAIM_ACTOR = "INSERT OR IGNORE INTO claim_actors VALUES (?, ?)"
DELETE_CLAIM_ACTOR = "DELETE FROM claim_actors WHERE actor = ? AND claim = ?"
INSERT_CLAIM_SOURCE = "INSERT OR IGNORE INTO claim_sources VALUES (?, ?)"
DELETE_CLAIM_SOURCE = "DELETE FROM claim_sources WHERE source = ? AND claim = ?"
INSERT_CONTEST = "INSERT OR IGNORE INTO contests VALUES (?, ?)"
DELETE_CONTEST = "DELETE FROM contests WHERE claim = ? AND other = ?"
CONTESTING_IN = "SELECT other FROM contests WHERE claim IN ({marks})"
CONTESTS_IN = "SELECT claim, other FROM contests WHERE claim IN ({marks})"
#: ``supporters``: *claim* is supported by *other* (whose ``supports`` names it).
INSERT_SUPPORTER = "INSERT OR IGNORE INTO supporters VALUES (?, ?)"
DELETE_SUPPORTER = "DELETE FROM supporters WHERE claim = ? AND other = ?"
SUPPORTING_IN = "SELECT other FROM supporters WHERE claim IN ({marks})"
SUPPORTERS_OF_IN = "SELECT claim, other FROM supporters WHERE claim IN ({marks})"
SUPPORTED_BY_IN = "SELECT claim, other FROM supporters WHERE other IN ({marks})"

# -- files: each one's record, the claim ids it defines, the links as written ------------

INSERT_FILE = "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)"
FILE = "SELECT name, layer, ord, local FROM files WHERE path = ?"
FILE_RECORD = "SELECT local FROM files WHERE path = ?"
TROUBLED_RECORDS = "SELECT local FROM files WHERE problems > 0 ORDER BY ord"
TROUBLED_FILES = "SELECT name, local FROM files WHERE problems > 0 ORDER BY ord"
SET_FILE_RECORD = "UPDATE files SET problems = ?, local = ? WHERE path = ?"

INSERT_RAW_CLAIM = "INSERT OR IGNORE INTO raw_claims VALUES (?, ?)"
DELETE_RAW_CLAIM = "DELETE FROM raw_claims WHERE id = ? AND path = ?"
RAW_CLAIMS_IN = "SELECT id, path FROM raw_claims WHERE id IN ({marks})"
PLACED_CLAIMS_IN = "SELECT id FROM raw_claims WHERE id IN ({marks})"

INSERT_LINK = "INSERT OR IGNORE INTO links VALUES (?, ?, ?)"
DELETE_LINKS_OF_FILE = "DELETE FROM links WHERE path = ?"
LINKS_TO_IN = "SELECT path, claim, target FROM links WHERE target IN ({marks})"

# -- full-text search --------------------------------------------------------------------

INSERT_SEARCH = f"INSERT INTO search ({_COLUMNS}) VALUES ({_EACH})"
INSERT_SEARCH_AT = f"INSERT INTO search (rowid, {_COLUMNS}) VALUES (?, {_EACH})"
DELETE_SEARCH = "DELETE FROM search WHERE rowid = ?"

#: Weights of the columns in BM25: title, body (the key columns are not searched).
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
#: bm25() takes a weight for every column in order, the unindexed ones included.
_WEIGHTS = ", ".join(
    str(TITLE_WEIGHT if c == "title" else BODY_WEIGHT if c == "body" else 0.0)
    for c in SEARCH_COLUMNS
)
#: Equal scores in a stable order, the same with or without the cache.
_KIND_ORDER = "CASE kind WHEN 'topic' THEN 0 WHEN 'actor' THEN 1 WHEN 'source' THEN 2 ELSE 3 END"
_SNIPPET = f"snippet(search, {SEARCH_COLUMNS.index('body')}, '{{start}}', '{{end}}', '…', 16)"

#: The hits, best first: kind, id, topic, label, score, the body's length and rowid (for
#: :data:`SNIPPET`); ``{where}`` is ``SEARCH_MATCH`` and any filters below joined with
#: AND, each taking one argument, then the limit. No snippet here: SQLite would make
#: one for every row that matches, before the limit.
SEARCH = (
    f"SELECT kind, id, topic, label, bm25(search, {_WEIGHTS}) AS score, length(body), rowid "
    f"FROM search WHERE {{where}} ORDER BY score, {_KIND_ORDER}, id LIMIT ?"
)
#: One hit's snippet (the match expression, the rowid); ``{start}`` and ``{end}`` are
#: the marks around matched words (``views.records.MARK_START``, ``_END``).
SNIPPET = f"SELECT {_SNIPPET} FROM search WHERE search MATCH ? AND rowid = ?"
#: The start of one row's body (its first N characters, the rowid).
BODY_START = "SELECT substr(body, 1, ?) FROM search WHERE rowid = ?"
SEARCH_MATCH = "search MATCH ?"
SEARCH_BY_ACTOR = "(' ' || actors || ' ') LIKE ?"
SEARCH_BY_TAG = "(' ' || tags || ' ') LIKE ?"
SEARCH_BY_TOPIC = "topic = ?"
