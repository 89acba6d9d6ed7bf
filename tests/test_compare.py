"""`brief compare` and `brief conflicts`: grouping pinned on a small fixture corpus."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from brief.core.index import Index, Named, build_index
from brief.corpus.load import Layer, load
from brief.views.comparison import compare, conflicts

from .conftest import run

SHARED = """format = 1

[[claims]]
id = "trade-both-partners"
topic = "trade"
actors = ["china", "russia"]
text = "China and Russia both trade with North Korea."
cites = [{ source = "atlas", section = "Trade" }]

[[claims]]
id = "trade-all-three"
topic = "trade"
actors = ["china", "russia", "north-korea"]
text = "All three trade."
cites = [{ source = "ledger" }]
"""


@pytest.fixture
def corpus(mini: Path) -> Path:
    (mini / "shared.toml").write_text(SHARED)
    return mini


@pytest.fixture
def index(corpus: Path) -> Index:
    result = load([Layer(str(corpus), "c")])
    assert result.problems == ()
    return build_index(result.corpus)


def ids(points: Sequence[Any]) -> list[str]:
    return [p.id for p in points]


def test_shared_claims_appear_once_as_common_ground(index: Index) -> None:
    view = compare(index, [index.actors["china"], index.actors["russia"]])
    trade = next(r for r in view.rows if r.key == "trade")
    assert ids(trade.common) == ["trade-both-partners", "trade-all-three"]
    china, russia = trade.cells
    assert ids(china) == ["trade-china-partner", "trade-china-denies"]
    assert ids(russia) == ["trade-russia-small"]
    every = [*trade.common, *china, *russia]
    assert len(ids(every)) == len(set(ids(every)))  # nothing duplicated
    assert trade.verdict == "contested" and trade.conflicts == 1


def test_one_sided_topics_are_reported(index: Index) -> None:
    view = compare(index, [index.actors["china"], index.actors["russia"]])
    security = next(r for r in view.rows if r.key == "security")
    assert security.verdict == "only China"
    assert ids(security.cells[1]) == []


def test_contradictions_are_paired(index: Index) -> None:
    view = compare(index, [index.actors["china"], index.actors["russia"]])
    trade = next(r for r in view.rows if r.key == "trade")
    partner, denies = trade.cells[0]
    assert ids(partner.contested_by) == ["trade-china-denies"]
    assert ids(denies.contested_by) == ["trade-china-partner"]
    assert denies.contested_by[0].above  # the pair is shown in full once


def test_three_actors(index: Index) -> None:
    actors: list[Named] = [index.actors[a] for a in ("china", "russia", "north-korea")]
    view = compare(index, actors)
    trade = next(r for r in view.rows if r.key == "trade")
    # a claim about two of the three is shared, and names who it is about
    # corpus order: shared.toml is read before topics/trade.toml
    assert ids(trade.common) == ["trade-both-partners", "trade-all-three", "trade-china-partner"]
    assert trade.common[0].actors == ("China", "Russia")
    assert trade.common[1].actors == ()  # about all three: nothing to add
    assert trade.common[2].actors == ("China", "North Korea")
    assert len(trade.cells) == 3 and ids(trade.cells[2]) == []


def test_topic_filter_and_diff_only(index: Index) -> None:
    pair: list[Named] = [index.actors["china"], index.actors["russia"]]
    view = compare(index, pair, topics=("security",))
    assert [r.key for r in view.rows] == ["security"]
    view = compare(index, pair, diff_only=True)
    trade = next(r for r in view.rows if r.key == "trade")
    assert trade.common == () and trade.verdict == "contested"


def test_topics_side_by_side_actor_by_actor(index: Index) -> None:
    view = compare(index, [index.topics["trade"], index.topics["security"]])
    assert view.kind == "topics"
    assert [c.id for c in view.columns] == ["trade", "security"]
    china = next(r for r in view.rows if r.key == "china")
    assert ids(china.cells[1]) == ["security-buffer"]
    russia = next(r for r in view.rows if r.key == "russia")
    assert russia.verdict == "only Trade"


def test_topics_side_by_side_give_claims_of_no_actor_last(corpus: Path) -> None:
    """A trial's comparison of two topics led with "General", before every actor."""
    (corpus / "general.toml").write_text(
        'format = 1\n\n[[claims]]\nid = "trade-in-general"\ntopic = "trade"\n'
        'text = "Trade grew."\ncites = [{ source = "ledger" }]\n'
    )
    result = load([Layer(str(corpus), "c")])
    assert result.problems == ()
    index = build_index(result.corpus)
    view = compare(index, [index.topics["trade"], index.topics["security"]])
    assert [r.key for r in view.rows][-1] == ""  # General
    order = [a.id for a in index.corpus.actors]
    keys = [r.key for r in view.rows][:-1]
    assert keys == sorted(keys, key=order.index)


def test_conflicts_lists_each_pair_once(index: Index) -> None:
    view = conflicts(index)
    # the firmer claim first, though the link is written on the disputed one
    assert [(p.first.id, p.second.id) for p in view.pairs] == [
        ("trade-china-partner", "trade-china-denies")
    ]
    assert [r.title for r in view.references] == ["The Atlas Review", "The Ledger"]


def cli(corpus: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return run("--no-bundled", "-c", str(corpus), *args, env=env)


def test_cli_compare_plain(corpus: Path) -> None:
    result = cli(corpus, "compare", "PRC", "russia")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("China vs Russia\n===============\n\n")
    assert "  Security  only China  China 1 · Russia 0 · both 0\n" in out
    assert "  Trade     contested   China 2 · Russia 1 · both 2\n" in out
    assert "  Russia\n    (no claims on Russia)\n" in out
    assert out.count("China and Russia both trade with North Korea.") == 1


def test_cli_compare_errors(corpus: Path) -> None:
    result = cli(corpus, "compare", "china", "rusia")
    assert (result.exit_code, result.stderr) == (
        1,
        "brief: no topic, actor or source named 'rusia' (did you mean 'russia'?)\n",
    )
    result = cli(corpus, "compare", "china", "trade")
    assert result.exit_code == 2
    assert result.stderr == (
        "brief: compare actors with actors, topics with topics or sources with sources "
        "('china' is an actor, 'trade' is a topic)\n"
    )
    assert cli(corpus, "compare", "china").exit_code == 2
    assert cli(corpus, "compare", "china", "prc").exit_code == 2  # the same actor twice
    result = cli(corpus, "compare", "china", "russia", "--topic", "trad")
    assert result.exit_code == 1 and "did you mean 'trade'" in result.stderr


def test_cli_compare_json_and_markdown(corpus: Path) -> None:
    data = json.loads(cli(corpus, "compare", "china", "russia", "-f", "json").stdout)
    assert data["kind"] == "comparison" and data["of"] == "actors"
    assert [c["id"] for c in data["columns"]] == ["china", "russia"]
    trade = next(r for r in data["rows"] if r["key"] == "trade")
    assert [c["id"] for c in trade["common"]] == ["trade-both-partners", "trade-all-three"]
    md = cli(corpus, "compare", "china", "russia", "-f", "markdown").stdout
    assert "| Topic | China | Russia | Both | Verdict |" in md
    assert "| Trade | 2 | 1 | 2 | contested |" in md
    assert "### About both" in md and "*no claims on Russia*" in md


def test_cli_compare_terminal_side_by_side_and_stacked(corpus: Path) -> None:
    wide = cli(corpus, "compare", "china", "russia", "-f", "terminal", env={"COLUMNS": "120"})
    narrow = cli(corpus, "compare", "china", "russia", "-f", "terminal", env={"COLUMNS": "40"})
    strip = re.compile(r"\x1b\[[0-9;]*m")
    wide_lines = strip.sub("", wide.stdout).splitlines()
    narrow_lines = strip.sub("", narrow.stdout).splitlines()
    assert max(map(len, narrow_lines)) <= 40
    # side by side: one line holds both column headings; stacked: they are on lines of their own
    assert any("China" in line and "Russia" in line and "Topic" not in line for line in wide_lines)
    assert "China" in [line.strip() for line in narrow_lines]
    assert "Russia" in [line.strip() for line in narrow_lines]


def test_cli_conflicts(corpus: Path) -> None:
    result = cli(corpus, "conflicts")
    assert result.exit_code == 0
    assert result.stdout == (
        "Where the sources disagree\n"
        "==========================\n"
        "\n"
        "1. Trade\n"
        "  - China is the main trading partner. (China, North Korea) [1]\n"
        "    ! contradicts\n"
        "  - [disputed] China trades little. (China) [2]\n"
        "    Note: Customs data say otherwise.\n"
        "\n"
        "Sources\n"
        '  [1] The Atlas Review, "Trade" (A. Writer, 2024)\n'
        "  [2] The Ledger\n"
    )
    data = json.loads(cli(corpus, "conflicts", "-f", "json").stdout)
    assert [[c["id"] for c in pair] for pair in data["pairs"]] == [
        ["trade-china-partner", "trade-china-denies"]
    ]


def test_bundled_compare_china_russia() -> None:
    result = run("compare", "china", "russia")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Sanctions" in result.stdout and "About both" in result.stdout
    conflicts_out = run("conflicts").stdout
    assert "sanctions" in conflicts_out.lower()


def test_an_empty_column_under_shared_claims_says_alone() -> None:
    """Russia has no claim of its own on sanctions, but shares one with China."""
    out = run("compare", "china", "russia", "--topic", "sanctions").stdout
    assert "Sanctions: contested\n  About both\n" in out
    assert "  Russia\n    (nothing on Russia alone)\n" in out


def test_a_contradiction_makes_a_row_contested_even_with_one_actor_covered(corpus: Path) -> None:
    """China's two trade claims contradict each other; Japan has no claim at all."""
    (corpus / "japan.toml").write_text(
        'format = 1\n[[actors]]\nid = "japan"\nname = "Japan"\ndescription = "Japan."\n'
    )
    index = build_index(load([Layer(str(corpus), "c")]).corpus)
    view = compare(index, [index.actors["china"], index.actors["japan"]], ("trade",))
    (trade,) = view.rows
    assert trade.conflicts == 1 and trade.common == ()
    assert trade.verdict == "contested"


def test_bundled_compare_china_japan_sanctions_is_contested() -> None:
    out = run("compare", "china", "japan", "--topic", "sanctions", "-f", "json").stdout
    (row,) = json.loads(out)["rows"]
    assert row["conflicts"] >= 1 and row["verdict"] == "contested"


SECOND_CONFLICT = """format = 1

[[topics]]
id = "arms"
title = "Arms"
summary = "Weapons."

[[claims]]
id = "arms-russia-sells"
topic = "arms"
actors = ["russia"]
text = "Russia sells arms."
cites = [{ source = "ledger" }]

[[claims]]
id = "arms-russia-denies"
topic = "arms"
actors = ["russia"]
text = "Russia sells none."
cites = [{ source = "atlas", section = "Security Matters" }]
contradicts = ["arms-russia-sells"]
"""


def test_conflicts_are_ordered_by_topic_title_and_filtered(corpus: Path) -> None:
    (corpus / "zz-arms.toml").write_text(SECOND_CONFLICT)  # read last: corpus order is last
    index = build_index(load([Layer(str(corpus), "c")]).corpus)

    def firsts(view: Any) -> list[str]:
        return [p.first.id for p in view.pairs]

    # A < T; the firmer claim first (arms: a tie, so the one written first)
    assert firsts(conflicts(index)) == ["arms-russia-sells", "trade-china-partner"]
    assert firsts(conflicts(index, ["china"])) == ["trade-china-partner"]
    assert firsts(conflicts(index, ["russia", "china"])) == firsts(conflicts(index))
    assert firsts(conflicts(index, each=["arms"])) == ["arms-russia-sells"]
    assert firsts(conflicts(index, each=["ledger", "trade"])) == ["trade-china-partner"]
    assert firsts(conflicts(index, ["china"], ["arms"])) == []


def test_cli_conflicts_names_and_filters(corpus: Path) -> None:
    (corpus / "zz-arms.toml").write_text(SECOND_CONFLICT)
    whole = cli(corpus, "conflicts", "-f", "plain").stdout
    assert whole.index("1. Arms") < whole.index("2. Trade")
    china = cli(corpus, "conflicts", "prc", "-f", "plain")
    assert china.exit_code == 0 and "Arms" not in china.stdout and "1. Trade" in china.stdout
    only = cli(corpus, "conflicts", "--topic", "arms", "--actor", "russia", "--source", "atlas")
    assert only.exit_code == 0 and "1. Arms" in only.stdout and "Trade" not in only.stdout
    none = cli(corpus, "conflicts", "--topic", "security", "-f", "json")
    assert none.exit_code == 1 and json.loads(none.stdout)["pairs"] == []
    assert none.stderr == "brief: no contradictions touch 'security'\n"
    wrong = cli(corpus, "conflicts", "--source", "china")
    assert wrong.exit_code == 1 and "'china' is an actor, not a source" in wrong.stderr
    typo = cli(corpus, "conflicts", "--source", "atlass")
    assert typo.exit_code == 1
    assert typo.stderr == "brief: no source named 'atlass' (did you mean 'atlas'?)\n"


def test_two_topics_compare_every_actor_with_every_claim_that_names_it() -> None:
    """A claim counted only under its first actor left Russia with "Sanctions 0" while
    `brief claims --topic sanctions --actor russia` listed four."""
    topics = ("sanctions", "diplomacy")
    view = json.loads(run("compare", *topics, "-f", "json").stdout)
    rows = {row["key"]: row for row in view["rows"]}
    assert {"china", "russia", "north-korea"} <= set(rows)
    for actor, row in rows.items():
        if not actor:
            continue  # the claims that name no actor
        for topic, cell in zip(topics, row["cells"], strict=True):
            listed = json.loads(
                run("claims", "--topic", topic, "--actor", actor, "-f", "json").stdout
            )
            assert [p["id"] for p in cell] == [c["id"] for c in listed["claims"]], (actor, topic)
    assert len(rows["russia"]["cells"][0]) == 4


@pytest.mark.parametrize("width", range(36, 72, 2))
def test_the_overviews_counts_wrap_between_counts(width: int) -> None:
    """Plain text once split ``both`` from its ``0`` across two lines: the counts wrap at
    their dots, each number on the line of (the end of) its name, whatever the width."""
    wrapped: list[str] = []
    for compared in (("sanctions", "economy", "history"), ("china", "russia")):
        shown = run("compare", *compared, "-f", "plain", "--width", str(width)).stdout
        overview = shown.split("\n\n")[1].splitlines()
        # under the verdicts; narrower, under the title and verdict, 4 spaces in
        wrapped += [
            x.strip() for x in overview if x.startswith(" " * 4) and re.search(r"·|[0-9]$", x)
        ]
    assert wrapped  # the counts went under the verdicts
    for line in wrapped:
        assert not re.fullmatch(r"[0-9]+( ·)?", line), wrapped  # a number alone
        assert not re.search(r"[^0-9] ·", line), wrapped  # a name without its number
        assert re.search(r"[0-9]( ·)?$", line) or not re.search(r"[0-9]", line), wrapped


def test_an_actors_comparison_gives_its_topics_by_title_as_list_does() -> None:
    """Three trials read the overview's id order as no order ("Chinese and Russian
    investment" between "Human rights" and "Korean unification")."""
    shown = json.loads(run("compare", "china", "russia", "-f", "json").stdout)
    rows = [r["title"] for r in shown["rows"]]
    listed = [i["title"] for i in json.loads(run("list", "-f", "json").stdout)["items"]]
    assert rows == [t for t in listed if t in rows]
    assert rows[0] == "Chinese and Russian investment"
