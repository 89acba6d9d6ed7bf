"""`brief compare SOURCE SOURCE`: what each source says, topic by topic, where they
agree and disagree; and supporting claims shown under the claims they support."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from brief.core.index import Index, build_index
from brief.corpus.load import Layer, load
from brief.views.comparison import compare

from .conftest import run

#: Two claims each source cites (shared), and a contradiction inside the atlas alone.
EXTRA = """format = 1

[[claims]]
id = "trade-both-cite"
topic = "trade"
actors = ["china"]
text = "China's trade grew."
cites = [{ source = "atlas", section = "Trade" }, { source = "ledger" }]

[[claims]]
id = "security-atlas-one"
topic = "security"
actors = ["russia"]
text = "Russia guards the border."
cites = [{ source = "atlas", section = "Security Matters" }]

[[claims]]
id = "security-atlas-two"
topic = "security"
actors = ["russia"]
text = "Russia leaves the border open."
cites = [{ source = "atlas", section = "Security Matters" }]
contradicts = ["security-atlas-one"]
"""


@pytest.fixture
def corpus(mini: Path) -> Path:
    (mini / "extra.toml").write_text(EXTRA)
    return mini


@pytest.fixture
def index(corpus: Path) -> Index:
    result = load([Layer(str(corpus), "c")])
    assert result.problems == ()
    return build_index(result.corpus)


def ids(points: Sequence[Any]) -> list[str]:
    return [p.id for p in points]


def cli(corpus: Path, *args: str) -> Result:
    return run("--no-bundled", "-c", str(corpus), *args)


def test_sources_side_by_side_topic_by_topic(index: Index) -> None:
    view = compare(index, [index.sources["atlas"], index.sources["ledger"]])
    assert view.kind == "sources"
    assert [(c.kind, c.id, c.title) for c in view.columns] == [
        ("source", "atlas", "The Atlas Review"),
        ("source", "ledger", "The Ledger"),
    ]
    assert [r.key for r in view.rows] == ["security", "trade"]  # corpus order
    trade = view.rows[1]
    # claims both cite are shared and shown once; each other claim in its source's column
    assert ids(trade.common) == ["trade-both-cite", "trade-russia-small"]
    atlas, ledger = trade.cells
    assert ids(atlas) == ["trade-china-partner"] and ids(ledger) == ["trade-china-denies"]
    # the ledger's claim contradicts the atlas's: the sources disagree
    assert (trade.verdict, trade.disagreements, trade.conflicts, trade.shared) == (
        "disagree",
        1,
        1,
        2,
    )
    assert trade.common[0].actors == ("China",)  # nothing is implied by a source heading


def test_a_contradiction_inside_one_source_is_contested_not_a_disagreement(index: Index) -> None:
    view = compare(index, [index.sources["atlas"], index.sources["ledger"]])
    security = view.rows[0]
    assert (security.verdict, security.conflicts, security.disagreements) == ("contested", 1, 0)
    assert ids(security.cells[1]) == []


def test_verdicts_only_agree_and_separate(corpus: Path) -> None:
    (corpus / "extra.toml").write_text(EXTRA.split('[[claims]]\nid = "security-atlas-one"')[0])
    index = build_index(load([Layer(str(corpus), "c")]).corpus)
    pair = [index.sources["atlas"], index.sources["ledger"]]
    (security,) = compare(index, list(pair), topics=("security",)).rows
    assert security.verdict == "only atlas"  # named by id: a source's title is long
    trade_file = corpus / "topics" / "trade.toml"
    trade_file.write_text(
        trade_file.read_text().replace('contradicts = ["trade-china-partner"]', "")
    )
    index = build_index(load([Layer(str(corpus), "c")]).corpus)
    pair = [index.sources["atlas"], index.sources["ledger"]]
    (trade,) = compare(index, list(pair), topics=("trade",)).rows
    assert trade.verdict == "agree"
    (trade,) = compare(index, list(pair), topics=("trade",), diff_only=True).rows
    assert trade.common == () and trade.verdict == "agree" and trade.shared == 2


def test_cli_compare_sources_plain(corpus: Path) -> None:
    result = cli(corpus, "compare", "atlas", "ledger", "--width", "100")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("The Atlas Review vs The Ledger\n")
    assert "  Security  contested  atlas 3 · ledger 0 · both 0\n" in out
    assert "  Trade     disagree   atlas 1 · ledger 1 · both 2\n" in out
    assert "Trade: disagree\n  Cited by both\n" in out
    assert "  The Ledger\n    (nothing from The Ledger)\n" in out


def test_cli_compare_sources_json_markdown_terminal(corpus: Path) -> None:
    data = json.loads(cli(corpus, "compare", "atlas", "ledger", "-f", "json").stdout)
    assert data["of"] == "sources"
    trade = data["rows"][1]
    assert (trade["verdict"], trade["disagreements"], trade["shared"]) == ("disagree", 1, 2)
    markdown = cli(corpus, "compare", "atlas", "ledger", "-f", "markdown").stdout
    assert "| Topic | atlas | ledger | Both | Verdict |\n" in markdown
    assert "### Cited by both\n" in markdown
    terminal = cli(corpus, "compare", "atlas", "ledger", "-f", "terminal", "--width", "100")
    assert "Cited by both" in terminal.stdout and "disagree" in terminal.stdout


def test_cli_compare_mixed_kinds_names_every_kind(corpus: Path) -> None:
    result = cli(corpus, "compare", "atlas", "china")
    assert (result.exit_code, result.stderr) == (
        2,
        "brief: compare actors with actors, topics with topics or sources with sources "
        "('atlas' is a source, 'china' is an actor)\n",
    )


def test_supporting_claim_is_shown_under_the_claim_it_supports(corpus: Path) -> None:
    """mini's trade-russia-small supports trade-china-partner, in every format."""
    plain = cli(corpus, "show", "trade", "-f", "plain").stdout
    assert (
        "  - China is the main trading partner. (with North Korea) [1]\n"
        "    ! contradicted by: [disputed] China trades little. (China) [2]\n"
        "    + supported by: [assessment] Russia's trade is small. (Russia) [1,2]\n"
    ) in plain
    markdown = cli(corpus, "show", "trade", "-f", "markdown").stdout
    assert "  - *Supported by:* **assessment** · Russia's trade is small. (Russia)" in markdown
    data = json.loads(cli(corpus, "show", "trade", "-f", "json").stdout)
    partner = next(c for c in data["sections"][0]["claims"] if c["id"] == "trade-china-partner")
    assert [p["id"] for p in partner["supported_by"]] == ["trade-russia-small"]
    assert partner["supported_by"][0]["refs"] == [1, 2]
    terminal = re.sub(r"\x1b\[[0-9;]*m", "", cli(corpus, "show", "trade", "-f", "terminal").stdout)
    assert "supported by: [assessment] Russia's trade is small." in terminal
    # shown under a claim in a comparison too, but not in the list of conflicts
    assert "+ supported by:" in cli(corpus, "compare", "china", "russia").stdout
    assert "supported by" not in cli(corpus, "conflicts").stdout
