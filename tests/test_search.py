"""`brief search`: ranking, stemming, filters, empty results, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief.core.index import Index, build_index
from brief.corpus.load import Layer, load
from brief.store.search import match_expression, memory_db, search

from .conftest import run


@pytest.fixture
def index(mini: Path) -> Index:
    (mini / "extra.toml").write_text(
        "format = 1\n"
        '[[topics]]\nid = "ports"\ntitle = "Ports and harbours"\nsummary = "Where ships dock."\n'
        'tags = ["economy"]\n'
        '[[claims]]\nid = "ports-mention"\ntopic = "ports"\nactors = ["russia"]\n'
        'text = "Trade through ports is growing, and harbours are busy."\n'
        'cites = [{ source = "ledger" }]\n'
    )
    result = load([Layer(str(mini), "m")])
    assert result.problems == ()
    return build_index(result.corpus)


def hits(
    index: Index,
    query: str,
    *,
    actor: str | None = None,
    tag: str | None = None,
    topic: str | None = None,
) -> list[tuple[str, str]]:
    found = search(memory_db(index), query, actor=actor, tag=tag, topic=topic)
    return [(h.kind, h.id) for h in found.hits]


def test_title_hit_outranks_body_hit(index: Index) -> None:
    found = hits(index, "harbours")
    assert found[0] == ("topic", "ports")  # in the title
    assert ("claim", "ports-mention") in found[1:]  # only in the body


def test_title_weight_beats_a_short_body(mini: Path) -> None:
    """A word in a long title outranks the same word in a short claim."""
    (mini / "extra.toml").write_text(
        "format = 1\n"
        '[[sources]]\nid = "yearbook"\ntitle = "The Annual Yearbook of Harbours and Coastal '
        'Shipping Lanes"\nkind = "report"\n'
        '[[claims]]\nid = "short"\ntopic = "trade"\nactors = ["russia"]\n'
        'text = "Harbours."\ncites = [{ source = "ledger" }]\n'
    )
    index = build_index(load([Layer(str(mini), "m")]).corpus)
    assert hits(index, "harbours")[:2] == [("source", "yearbook"), ("claim", "short")]


def test_equal_scores_come_in_a_stable_order(mini: Path) -> None:
    """Ties are broken by kind, then id, so the cache and a fresh load agree."""
    (mini / "extra.toml").write_text(
        "format = 1\n"
        + "".join(
            f'[[claims]]\nid = "{i}"\ntopic = "trade"\nactors = ["russia"]\n'
            f'text = "Same words."\ncites = [{{ source = "ledger" }}]\n'
            for i in ("c-2", "c-1", "c-3")
        )
    )
    index = build_index(load([Layer(str(mini), "m")]).corpus)
    assert hits(index, "same words") == [("claim", "c-1"), ("claim", "c-2"), ("claim", "c-3")]


def test_every_word_of_the_query_matters(index: Index) -> None:
    assert ("claim", "ports-mention") in hits(index, "ports busy")
    assert ("claim", "ports-mention") not in hits(index, "ports sleepy")


def test_stemming_and_prefixes(index: Index) -> None:
    assert ("claim", "ports-mention") in hits(index, "grow")  # growing
    assert ("topic", "ports") in hits(index, "harbour")  # harbours
    assert ("topic", "ports") in hits(index, "harb")  # the last word as a prefix
    assert ("actor", "north-korea") in hits(index, "dprk")  # aliases are searched


@pytest.mark.parametrize(
    "word", ["contaminated", "investment", "governments", "organization", "harbours"]
)
def test_every_start_of_a_word_finds_it(tmp_path: Path, word: str) -> None:
    """The last word is the start of a word however far it runs: a trial found
    "contaminated" with ``contam`` and nothing with ``contamina`` (FTS5 keeps words
    stemmed, ``contamin``, and looks a prefix up as typed)."""
    (tmp_path / "a.toml").write_text(
        "format = 1\n"
        '[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[actors]]\nid = "a"\nname = "A"\ndescription = "D."\n'
        '[[sources]]\nid = "s"\ntitle = "Src"\nkind = "report"\n'
        f'[[claims]]\nid = "c"\ntopic = "t"\nactors = ["a"]\ntext = "The {word} story."\n'
        'cites = [{ source = "s" }]\n'
    )
    con = memory_db(build_index(load([Layer(str(tmp_path), "m")]).corpus))
    for end in range(3, len(word) + 1):
        found = [h.id for h in search(con, f"story {word[:end]}").hits]
        assert found == ["c"], word[:end]


def test_a_short_hit_is_shown_whole_and_a_long_one_as_a_snippet(tmp_path: Path) -> None:
    """A trial saw "…scrutiny of its relationship with North…", one word short of the
    claim's end: a claim (a body of 240 characters or fewer) is shown whole."""
    from brief.store.search import WHOLE_CHARS
    from brief.views.records import MARK_END, MARK_START

    short = (
        "The accusations that China ignores the sanctions have brought increased "
        "scrutiny of its relationship with North Korea."
    )
    long = " ".join(["Sanctions were discussed at length in many meetings."] * 8)
    assert len(short) <= WHOLE_CHARS < len(long)
    (tmp_path / "a.toml").write_text(
        "format = 1\n"
        '[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[actors]]\nid = "a"\nname = "A"\ndescription = "D."\n'
        '[[sources]]\nid = "s"\ntitle = "Src"\nkind = "report"\n'
        f'[[claims]]\nid = "short"\ntopic = "t"\nactors = ["a"]\ntext = "{short}"\n'
        'cites = [{ source = "s" }]\n'
        f'[[claims]]\nid = "long"\ntopic = "t"\nactors = ["a"]\ntext = "{long}"\n'
        'cites = [{ source = "s" }]\n'
    )
    con = memory_db(build_index(load([Layer(str(tmp_path), "m")]).corpus))
    found = {h.id: h.snippet for h in search(con, "sanctions").hits}
    plain = {k: v.replace(MARK_START, "").replace(MARK_END, "") for k, v in found.items()}
    assert plain["short"] == short
    assert plain["long"].endswith("…") and len(plain["long"]) < len(long)


def test_filters(index: Index) -> None:
    # a topic row carries the actors its claims are about, so it matches --actor too
    assert set(hits(index, "trade", actor="russia")) == {
        ("topic", "trade"),
        ("claim", "trade-russia-small"),
        ("claim", "ports-mention"),
    }
    assert ("claim", "trade-china-partner") not in hits(index, "trade", actor="russia")
    assert all(k != "actor" for k, _ in hits(index, "china", tag="economy"))
    assert hits(index, "buffer", tag="military") == [
        ("topic", "security"),
        ("claim", "security-buffer"),
    ]
    assert hits(index, "buffer", tag="nonexistent") == []
    assert hits(index, "trade", topic="ports") == [("claim", "ports-mention")]


def test_query_syntax_is_text_not_fts_syntax(index: Index) -> None:
    for query in ['"', "AND", "a:b", "NEAR(", "*", "-x", "'; DROP TABLE search; --"]:
        search(memory_db(index), query)  # never an SQL or FTS error
    assert match_expression("  ") == ""
    assert match_expression("sanction china") == '"sanction" AND ("china" OR "china"*)'


def test_cli_search_plain_and_limit(mini: Path) -> None:
    result = run("--no-bundled", "-c", str(mini), "search", "trade", "-n", "2")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Trade (topic)") and lines[0].endswith("brief show trade")
    assert len([line for line in lines if "brief show" in line]) == 2


def test_cli_search_no_results_exit_1_with_names(mini: Path) -> None:
    result = run("--no-bundled", "-c", str(mini), "search", "trad", "zzz")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("brief: no results for 'trad zzz'")
    result = run("--no-bundled", "-c", str(mini), "search", "secrity")
    assert result.stderr == "brief: no results for 'secrity' (did you mean 'security'?)\n"


def test_cli_search_json(mini: Path) -> None:
    result = run("--no-bundled", "-c", str(mini), "search", "buffer", "-f", "json")
    data = json.loads(result.stdout)
    assert data["kind"] == "search" and data["query"] == "buffer"
    claim = next(h for h in data["hits"] if h["kind"] == "claim")
    assert (claim["id"], claim["opens"]) == ("security-buffer", "security")
    start, end = claim["highlights"][0]
    assert claim["snippet"][start:end] == "buffer"
    assert claim["snippet"] == "North Korea is a buffer state for China."


def test_cli_search_filters_resolve_names(mini: Path) -> None:
    ok = run("--no-bundled", "-c", str(mini), "search", "trade", "--actor", "Russia")
    assert ok.exit_code == 0 and "Russia's trade is small." in ok.stdout
    bad = run("--no-bundled", "-c", str(mini), "search", "trade", "--actor", "rusia")
    assert bad.exit_code == 1 and "did you mean 'russia'" in bad.stderr


def test_search_on_the_bundled_corpus() -> None:
    result = run("search", "sanction")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("Sanctions (topic)")


def test_one_huge_row_of_matches_does_not_hang_search(tmp_path: Path) -> None:
    """FTS5's snippet() is quadratic in the matches of one row: a 200 KB summary of one
    word took three minutes. Bounded now; a timeout (not a timing) catches a regression."""
    import os
    import subprocess
    import sys

    corpus = tmp_path / "huge"
    corpus.mkdir()
    summary = "w " * 100_000
    (corpus / "t.toml").write_text(
        f'format = 1\n[[topics]]\nid = "huge"\ntitle = "Huge"\nsummary = "{summary}"\n'
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # cold, then from the cache
        done = subprocess.run(
            [sys.executable, "-m", "brief", "--no-bundled", "-c", str(corpus), "search", "w"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("Huge (topic)")
        assert "w w w" in done.stdout


def test_query_words_are_counted_once_and_capped() -> None:
    from brief.store.search import MAX_QUERY_WORDS, query_words

    assert match_expression("china " * 4000) == '("china" OR "china"*)'
    many = " ".join(f"w{i}" for i in range(1000))
    words = query_words(many)
    assert len(words) == MAX_QUERY_WORDS and words[-1] == "w999"


def test_long_snippet_marks_the_words_around_the_first_match() -> None:
    from brief.store.search import long_snippet

    body = " ".join(f"word{i}" for i in range(100)) + " the sanctions bite " + "x " * 5000
    made = long_snippet(body, ["sanction"], "[", "]")
    assert "[sanctions]" in made and made.startswith("…") and made.endswith("…")
    assert made.count(" ") < 20


@pytest.mark.parametrize("no_cache", ["1", ""], ids=["files", "cache"])
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sanctons china", "sanctions china"),
        ("nuclear weapns", "nuclear weapons"),
        # two letters swapped: difflib finds 'lack' nearer 'tlak' than 'talk'
        ("tlak", "talks"),
        ("nuclear tlak", "nuclear talks"),
        ("nuclear tlaks", "nuclear talks"),  # the start of a word, against a stem
        # stems a query stems again (collaps -> collap): held against the typed word's
        # own stem, and found as written from the index ('colapse' was offered 'coal')
        ("colapse", "collapse"),
        ("respnse", "response"),
        ("increse", "increase"),
    ],
)
def test_cli_search_respells_a_word_that_matches_nothing(
    typed: str, meant: str, no_cache: str
) -> None:
    """A word of the query that matches nothing is offered the closest word of the
    corpus, as the corpus writes it, when the query so respelled finds something."""
    env = {"BRIEF_NO_CACHE": no_cache}
    for _ in range(2):  # the second run from the cache, if there is one
        missed = run("search", *typed.split(), env=env)
        assert (missed.exit_code, missed.stdout) == (1, "")
        assert missed.stderr == f"brief: no results for {typed!r} (did you mean {meant!r}?)\n"
    assert run("search", *meant.split(), env=env).exit_code == 0


def test_respelled_gives_nothing_it_cannot_stand_behind(index: Index) -> None:
    from brief.store.search import respelled

    con = memory_db(index)
    assert respelled(con, "trade") is None  # it finds something as it is
    assert respelled(con, "zzzzqq") is None  # nothing near enough
    assert respelled(con, "trad buffer") is None  # each word matches; together, nothing
    assert respelled(con, "secrity") == "security"


def test_a_respelled_search_is_offered_only_if_it_finds_something_with_the_filters() -> None:
    """``vetod --topic diplomacy``: 'vetoed' is in the corpus, not in that topic; it was
    offered, and searching it then said there were none in the topic."""
    assert run("search", "vetoed").exit_code == 0
    assert run("search", "vetoed", "--topic", "diplomacy").exit_code == 1
    missed = run("search", "vetod", "--topic", "diplomacy")
    assert (missed.exit_code, missed.stderr) == (1, "brief: no results for 'vetod'\n")
    offered = run("search", "nuclar", "--actor", "china")
    assert offered.stderr == "brief: no results for 'nuclar' (did you mean 'nuclear'?)\n"
    assert run("search", "nuclear", "--actor", "china").exit_code == 0


def test_a_search_of_several_words_is_not_offered_a_name_for_the_whole() -> None:
    """'sanctions xqzt' was offered 'sanctions' (a topic's id, near the whole query): a
    word dropped without a word said. One word still is offered names."""
    for typed in (("sanctions", "xqzt"), ("sanctions xqzt",)):
        missed = run("search", *typed)
        assert missed.stderr == "brief: no results for 'sanctions xqzt'\n"
    assert "did you mean 'history'" in run("search", "hi-story").stderr
    # nor, under a filter, a name: 'missle --topic military' was offered 'nuclear' (an
    # alias of that topic is 'missiles'), which the topic does not have either
    assert run("search", "missle", "--topic", "military").stderr == (
        "brief: no results for 'missle'\n"
    )
    assert "did you mean 'missiles'" in run("search", "missle").stderr
