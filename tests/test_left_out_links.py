"""A link to a claim that is left out says so, wherever the claim is left out: for a
problem of its own, or written under a misspelt kind (``[[claim]]``), whose tables are
not read. A trial saw a ``supports`` link vanish without a word, and a ``contradicts``
link to a claim under ``[[claim]]`` called "unknown"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from brief.cli import cli

TOPIC = """format = 1

[[topics]]
id = "spill"
title = "Spill"
summary = "The spill."

[[claim]]
id = "early-low"
topic = "spill"
text = "Early estimates were low."
cites = [{ source = "log" }]

[[claims]]
id = "later-high"
topic = "spill"
text = "Later estimates were high."
cites = [{ source = "log" }]
contradicts = ["early-low"]

[[claims]]
id = "backs"
topic = "spill"
text = "Backs a claim left out."
cites = [{ source = "log" }]
supports = ["rumoured"]

[[claims]]
id = "rumoured"
topic = "spill"
text = "A claim of an unknown status."
cites = [{ source = "log" }]
status = "rumour"
"""

SOURCE = """format = 1

[[sources]]
id = "log"
title = "The log"
kind = "report"
"""


@pytest.fixture(params=["cache", "no cache"])
def corpus(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "notes"
    (root / "topics").mkdir(parents=True)
    (root / "topics" / "spill.toml").write_text(TOPIC)
    (root / "sources.toml").write_text(SOURCE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if request.param == "no cache":
        monkeypatch.setenv("BRIEF_NO_CACHE", "1")
    return root


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--no-bundled", "--corpus", str(root), *args])


def test_a_link_to_a_claim_left_out_says_it_is_dropped(corpus: Path) -> None:
    for _ in range(2):  # built, then from the cache (or loaded again)
        result = run(corpus, "validate")
        assert result.exit_code == 1
        assert (
            "spill.toml:26: claims[1].supports[0]: claim 'rumoured' is left out for its own "
            "problems: the link to it is dropped [BRIEF010]"
        ) in result.stdout
        assert (
            "spill.toml:19: claims[0].contradicts[0]: claim 'early-low' is left out for its "
            "own problems: the link to it is dropped [BRIEF010]"
        ) in result.stdout
        assert "unknown claim" not in result.stdout


def test_a_claim_under_a_misspelt_kind_is_found_and_said_to_be_left_out(corpus: Path) -> None:
    where = run(corpus, "where", "early-low")
    assert where.exit_code == 0
    assert where.stdout.strip().endswith("spill.toml:8")  # its [[claim]] header
    assert "is left out for its own problems" in where.stderr
    assert "unknown key 'claim' (did you mean 'claims'?)" in where.stderr
    shown = run(corpus, "show", "early-low")
    assert shown.exit_code == 1
    assert "'early-low' was left out:" in shown.stderr
    assert "its table is not read [BRIEF005]" in shown.stderr


def test_fixing_the_kind_brings_the_link_back(corpus: Path) -> None:
    run(corpus, "validate")  # a cache, when there is one, to apply the edit to
    topic = corpus / "topics" / "spill.toml"
    topic.write_text(topic.read_text().replace("[[claim]]", "[[claims]]"))
    result = run(corpus, "validate")
    assert "early-low" not in result.stdout
    shown = run(corpus, "show", "spill", "--format", "json")
    assert '"early-low"' in shown.stdout


def test_a_link_to_a_claim_left_out_with_its_source_says_it_is_dropped(corpus: Path) -> None:
    topic = corpus / "topics" / "spill.toml"
    text = topic.read_text().replace(
        'text = "Later estimates were high."\ncites = [{ source = "log" }]',
        'text = "Later estimates were high."\ncites = [{ source = "gone" }]',
    )
    topic.write_text(
        text + '\n[[claims]]\nid = "echo"\ntopic = "spill"\ntext = "Echoes."\n'
        'cites = [{ source = "log" }]\nsupports = ["later-high"]\n'
    )
    result = run(corpus, "validate")
    assert "claims[0].cites[0].source: unknown source 'gone'" in result.stdout
    assert (
        "claims[3].supports[0]: claim 'later-high' is left out: the link to it is dropped"
        " [BRIEF010]"
    ) in result.stdout
