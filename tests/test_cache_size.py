"""What the cache keeps: no second copy of the text for search, and the same answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from brief.corpus.layers import Layer
from brief.store import CachedStore, LiveStore, cache_file, open_store

from .conftest import settle

LONG = " ".join(["Harbours and ports."] * 200)  # > search.SNIPPET_SQL_CHARS


def layers(corpus: Path) -> list[Layer]:
    return [Layer(str(corpus), str(corpus))]


def stores(corpus: Path) -> tuple[LiveStore, CachedStore]:
    live = open_store(layers(corpus))
    cached = open_store(layers(corpus))
    assert isinstance(live, LiveStore) and isinstance(cached, CachedStore)
    return live, cached


def extra(corpus: Path) -> None:
    """A topic with a long summary and a tag given twice, and a claim with a note."""
    (corpus / "extra.toml").write_text(
        "format = 1\n"
        '[[topics]]\nid = "ports"\ntitle = "Ports and harbours"\n'
        f'summary = "{LONG}"\n'
        'tags = ["Economy", "economy", "shipping"]\n'  # the same tag twice, once normalised
        '[[claims]]\nid = "ports-mention"\ntopic = "ports"\nactors = ["russia"]\n'
        'text = "Trade through ports is growing, and harbours are busy."\n'
        'note = "Ports: an editor\'s note on trade."\n'
        'cites = [{ source = "ledger" }]\n'
    )
    settle(corpus)  # not racily clean: the second open reads the cache as it is


QUERIES = [
    ("trade", {}),
    ("harbours", {}),
    ("ports trade", {}),
    ("trade", {"actor": "russia"}),
    ("trade", {"actor": "china"}),
    ("trade", {"tag": "economy"}),
    ("buffer", {"tag": "military"}),
    ("trade", {"topic": "ports"}),
    ("trade", {"topic": "trade", "actor": "russia", "tag": "economy"}),
    ("korea", {}),
]


def test_search_from_the_cache_is_search_from_the_files(mini: Path) -> None:
    """Ranks, labels, filters and snippets (FTS5's and the long body's) alike."""
    extra(mini)
    live, cached = stores(mini)
    for query, filters in QUERIES:
        want = live.search(query, limit=100, **filters)
        got = cached.search(query, limit=100, **filters)
        assert got == want, (query, filters)
    found = {h.id: h for h in cached.search("harbours", limit=100).hits}
    assert found["ports"].snippet.count("Harbours") >= 2  # the long body's own snippet
    assert found["ports"].title == "Ports and harbours"
    assert found["ports-mention"].title == "Ports and harbours"  # a claim: its topic's title
    assert [h.id for h in cached.search("trade", topic="ports").hits] == ["ports-mention"]


def test_the_search_table_keeps_no_copy_of_the_text(mini: Path) -> None:
    extra(mini)
    stores(mini)
    con = sqlite3.connect(cache_file(layers(mini)))
    try:
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_schema")}
        assert "search_content" not in tables  # contentless: the index alone
        assert con.execute("SELECT count(*) FROM search").fetchone()[0] > 0
        assert {r for r in con.execute("SELECT title, body FROM search")} == {(None, None)}
        # a tag given twice is kept once, and the cache was written at all
        tagged = con.execute("SELECT key, topic FROM tags WHERE topic = 'ports'").fetchall()
        assert sorted(tagged) == [("economy", "ports"), ("shipping", "ports")]
    finally:
        con.close()


def test_the_build_leaves_the_search_table_merging_as_edits_need(mini: Path) -> None:
    """A build fills the search table without merging its segments (see
    ``sql.BULK_SEARCH``), then sets FTS5's default again: the edits that follow merge."""
    extra(mini)
    stores(mini)
    con = sqlite3.connect(cache_file(layers(mini)))
    try:
        config = dict(con.execute("SELECT k, v FROM search_config"))
        assert config.get("automerge") == 4
        found = con.execute("SELECT count(*) FROM search WHERE search MATCH 'harbours'")
        assert found.fetchone()[0] == 2
    finally:
        con.close()


def test_a_search_row_whose_record_is_gone_rebuilds(mini: Path) -> None:
    """The index names a row the tables no longer hold: the cache is rebuilt, not trusted.

    And an edit applied after that damage does not index a row twice.
    """
    extra(mini)
    live, _ = stores(mini)
    path = cache_file(layers(mini))
    con = sqlite3.connect(path)
    con.execute("DELETE FROM claims WHERE id = 'ports-mention'")
    con.commit()
    con.close()
    cached = open_store(layers(mini))
    assert isinstance(cached, CachedStore)
    assert cached.search("busy", limit=100) == live.search("busy", limit=100)
    assert cached.index().claims.keys() == live.index().claims.keys()  # rebuilt from the files


def test_an_edit_after_a_lost_claim_row_rebuilds(mini: Path) -> None:
    extra(mini)
    stores(mini)
    con = sqlite3.connect(cache_file(layers(mini)))
    con.execute("DELETE FROM claims WHERE id = 'ports-mention'")
    con.commit()
    con.close()
    path = mini / "extra.toml"
    path.write_text(path.read_text().replace("are busy", "are very busy"))
    settle(mini)
    edited = open_store(layers(mini))  # the edit meets the damage: rebuilt instead
    fresh = open_store(layers(mini), use_cache=False)
    assert edited.search("busy", limit=100) == fresh.search("busy", limit=100)
    again = open_store(layers(mini))
    assert again.search("very busy", limit=100) == fresh.search("very busy", limit=100)


def test_the_search_index_copied_in_is_whole_and_every_shadow_table_is_copied(
    mini: Path,
) -> None:
    """A build fills the search table in a file of its own, in a thread, and copies
    FTS5's shadow tables in (``search.Aside``): FTS5 finds the index sound, and the
    tables copied are every shadow table FTS5 makes (a new one would be left empty)."""
    from brief.store import sql

    extra(mini)
    stores(mini)
    con = sqlite3.connect(cache_file(layers(mini)))
    try:
        con.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
        made = {
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'search_%'"
            )
        }
        assert made == set(sql.SEARCH_SHADOWS)
        assert con.execute("SELECT count(*) FROM search_docsize").fetchone()[0] > 0
    finally:
        con.close()
    assert not [
        p for p in Path(cache_file(layers(mini))).parent.iterdir() if p.name.endswith(".tmp")
    ]


def test_a_build_whose_search_fails_writes_no_cache_and_still_answers(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error in the thread that indexes: no cache (the next run builds again), the
    answer all the same, and no file left behind."""
    from brief.store import sql

    monkeypatch.setattr(sql, "INDEX_STAGED", "INSERT INTO no_such_table VALUES (1)")
    store = open_store(layers(mini))
    assert isinstance(store, LiveStore)
    assert store.search("trade", limit=5).hits  # searched in memory
    folder = Path(cache_file(layers(mini))).parent
    assert not Path(cache_file(layers(mini))).exists()
    assert not [p.name for p in folder.iterdir() if ".tmp" in p.name]


def test_a_build_that_fails_while_the_search_is_indexed_stops_the_thread(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from brief.store import build

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(build, "_write_rest", broken)
    store = open_store(layers(mini))
    assert isinstance(store, LiveStore)  # answered without a cache
    assert not [t for t in threading.enumerate() if t.name == "brief-search"]
    folder = Path(cache_file(layers(mini))).parent
    assert not [p.name for p in folder.iterdir() if ".tmp" in p.name]
