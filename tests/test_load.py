from __future__ import annotations

from pathlib import Path

from brief.core.index import build_index
from brief.core.sanitize import inert, is_inert
from brief.corpus.load import Layer, LoadResult, layers_for, load


def _load(*roots: Path) -> LoadResult:
    return load([Layer(str(root), root.name) for root in roots])


def test_mini_corpus_loads_clean(mini: Path) -> None:
    result = _load(mini)
    assert result.problems == ()
    corpus = result.corpus
    assert [t.id for t in corpus.topics] == ["security", "trade"]  # files read sorted
    assert len(corpus.claims) == 4
    claim = next(c for c in corpus.claims if c.id == "trade-russia-small")
    # sections are matched loosely and stored in the source's own spelling
    assert claim.cites[0].section == "Trade"
    assert claim.cites[1].section is None


def test_index_reaches_actor_by_any_spelling(mini: Path) -> None:
    index = build_index(_load(mini).corpus)
    for name in ("North Korea", "north_korea", "NORTH-KOREA", "dprk", "Pyongyang"):
        assert index.resolve(name).id == "north-korea"
    assert index.resolve("commerce").id == "trade"
    assert index.resolve("The Atlas Review").id == "atlas"


def test_index_tables(mini: Path) -> None:
    index = build_index(_load(mini).corpus)
    assert index.by_tag["economy"] == ("security", "trade")
    assert index.by_actor["russia"] == ("trade-russia-small",)
    assert set(index.by_source["ledger"]) == {"trade-china-denies", "trade-russia-small"}
    # contradiction is symmetric even though only one side declares it
    assert index.contested["trade-china-partner"] == ("trade-china-denies",)
    assert index.contested["trade-china-denies"] == ("trade-china-partner",)
    assert index.supported["trade-china-partner"] == ("trade-russia-small",)


def test_later_layer_replaces_same_id(mini: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "trade.toml").write_text(
        'format = 1\n[[topics]]\nid = "trade"\ntitle = "Commerce, my way"\nsummary = "Mine."\n'
        '[[claims]]\nid = "trade-mine"\ntopic = "trade"\nactors = ["china"]\n'
        'text = "My own claim."\ncites = [{ source = "ledger" }]\n'
    )
    result = _load(mini, mine)
    assert result.problems == ()
    index = build_index(result.corpus)
    assert index.topics["trade"].title == "Commerce, my way"
    assert "trade-mine" in index.by_topic["trade"]  # added to the bundled topic
    assert "trade-china-partner" in index.by_topic["trade"]  # earlier claims kept


def test_brief_path_and_corpus_order(tmp_path: Path) -> None:
    env = {"BRIEF_PATH": f"{tmp_path / 'a'}:{tmp_path / 'b'}"}
    layers = layers_for(("c",), bundled=False, env=env)
    assert [layer.label for layer in layers] == [str(tmp_path / "a"), str(tmp_path / "b"), "c"]
    assert layers_for((), env={})[0].label == "[bundled]"


def test_one_broken_file_does_not_hide_the_rest(mini: Path) -> None:
    (mini / "broken.toml").write_text("format = 1\n[[topics]\n")
    result = _load(mini)
    assert [t.id for t in result.corpus.topics] == ["security", "trade"]
    assert result.skipped == ("mini/broken.toml",)
    assert len(result.warnings()) == 1


def test_unknown_actor_is_left_out_of_the_claim_not_the_claim(mini: Path) -> None:
    text = (mini / "topics/trade.toml").read_text()
    (mini / "topics/trade.toml").write_text(
        text.replace('actors = ["russia"]', 'actors = ["rusia"]')
    )
    result = _load(mini)
    claims = {c.id: c for c in result.corpus.claims}
    assert claims["trade-russia-small"].actors == () and "trade-china-partner" in claims
    assert [p.code for p in result.problems] == ["BRIEF010"]
    assert "did you mean 'russia'" in result.problems[0].message


def test_escape_sequences_are_made_visible_at_load(mini: Path) -> None:
    (mini / "evil.toml").write_text(
        'format = 1\n[[actors]]\nid = "evil"\nname = "E\\u001b[2Jvil\\u202e"\n'
        'description = "osc \\u001b]52;c;aGk=\\u0007 csi \\u009b31m"\n'
    )
    index = build_index(_load(mini).corpus)
    actor = index.actors["evil"]
    assert actor.name == "E\\x1b[2Jvil\\u202e"
    assert is_inert(actor.name) and is_inert(actor.description)
    assert "\x1b" not in actor.description and "\x9b" not in actor.description


def test_inert_keeps_newlines_and_ordinary_text() -> None:
    assert inert("a\nb\tc é 中") == "a\nb c é 中"
    assert inert("\r") == "\\x0d"


LEFT_OUT = """format = 1
[[topics]]
id = "t"
title = "T"
summary = ""

[[topics]]
id = "u"
title = "U"
summary = "S."

[[actors]]
id = "x"
name = "X"
description = ""

[[sources]]
id = "s"
title = "Src"
kind = "article"

[[sources]]
id = "bad"
title = ""
kind = "article"

[[claims]]
id = "by-topic"
text = "One."
topic = "t"
cites = [{ source = "s" }]

[[claims]]
id = "by-source"
text = "Two."
topic = "u"
cites = [{ source = "s" }, { source = "bad" }]

[[claims]]
id = "kept"
text = "Three."
topic = "u"
actors = ["x"]
cites = [{ source = "s" }]

[[claims]]
id = "own"
text = ""
topic = "t"
actors = ["x"]
cites = [{ source = "bad" }]
"""


def test_a_claim_left_out_with_its_topic_or_source_says_so(tmp_path: Path) -> None:
    # The summary counted them; now each claim missing has a line of its own, where
    # it is written. A claim left out for its own problems says nothing more.
    (tmp_path / "c").mkdir()
    (tmp_path / "c/a.toml").write_text(LEFT_OUT)
    result = _load(tmp_path / "c")
    assert [c.id for c in result.corpus.claims] == ["kept"]
    assert result.corpus.claims[0].actors == ()
    said = [f"{p.where}: {p.message} [{p.code}]" for p in result.problems if p.code == "BRIEF010"]
    assert said == [
        "claims[0].topic: topic 't' is left out for its own problems: "
        "claim 'by-topic' is left out with it [BRIEF010]",
        "claims[1].cites[1].source: source 'bad' is left out for its own problems: "
        "claim 'by-source' is left out with it [BRIEF010]",
        "claims[2].actors[0]: actor 'x' is left out for its own problems: "
        "claim 'kept' is kept without it [BRIEF010]",
    ]
    assert [p.where for p in result.problems if p.code != "BRIEF010"] == [
        "topics[0].summary",
        "actors[0].description",
        "sources[1].title",
        "claims[3].text",
    ]


def test_a_relation_dropped_for_an_actor_in_a_skipped_file_is_its_knock_on(
    tmp_path: Path,
) -> None:
    # It sat among the file's own problems, counted as one, naming no skipped file.
    (tmp_path / "c").mkdir()
    (tmp_path / "c/actors.toml").write_text(
        'format = 2\n[[actors]]\nid = "x"\nname = "X"\ndescription = "D."\n[[actors]\n'
    )
    claim = '[[claims]]\nid = "{}"\ntext = "T."\ntopic = "t"\nactors = {}\n'
    claim += 'relation = "shields"\ncites = [{{ source = "s" }}]\n'
    (tmp_path / "c/a.toml").write_text(
        'format = 2\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[actors]]\nid = "y"\nname = "Y"\ndescription = "D."\n'
        '[[sources]]\nid = "s"\ntitle = "S"\nkind = "article"\n'
        + claim.format("c1", '["x", "y"]')
        + claim.format("c2", '["nobody", "y"]')
    )
    relation = [p for p in _load(tmp_path / "c").problems if p.code == "BRIEF021"]
    assert [(p.where, p.cause) for p in relation] == [
        ("claims[0].relation", "c/actors.toml"),
        ("claims[1].relation", ""),  # an unknown actor is the file's own problem
    ]
    assert "its subject 'x' is in the skipped file c/actors.toml;" in relation[0].message
    assert "its subject 'nobody' cannot be used;" in relation[1].message
