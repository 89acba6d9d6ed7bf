"""``show --min-grade`` keeps what it shows under a claim true to the page it prints.

A trial's briefing said "contradicted by the claim above" of a claim the minimum had
hidden, and a supporting claim kept its number from before the sources were renumbered.
"""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import CORPORA, run

CORPUS = """format = 2

[[topics]]
id = "port"
title = "Port"
summary = "S."

[[sources]]
id = "weak"
title = "Weak Paper"
kind = "article"

[[sources]]
id = "strong"
title = "Strong Report"
kind = "report"

[[claims]]
id = "rumour"
topic = "port"
text = "The port will close."
credibility = 5
cites = [{ source = "weak" }]

[[claims]]
id = "fact"
topic = "port"
text = "The port stays open."
credibility = 1
contradicts = ["rumour"]
cites = [{ source = "strong" }]

[[claims]]
id = "echo"
topic = "port"
text = "Traffic is steady."
credibility = 2
supports = ["fact"]
cites = [{ source = "strong" }]
"""


def _show(tmp_path: Path, *args: str) -> list[str]:
    (tmp_path / "a.toml").write_text(CORPUS)
    result = run("--no-bundled", "--corpus", str(tmp_path), "show", "port", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def test_a_claim_hidden_by_the_minimum_is_not_the_claim_above(tmp_path: Path) -> None:
    every = _show(tmp_path)
    assert any("contradicted by the claim above" in line for line in every)  # as written
    shown = _show(tmp_path, "--min-grade", "2")
    assert not any("The port will close." in line and line.startswith("  - ") for line in shown)
    assert not any("the claim above" in line for line in shown)
    assert "    ! contradicted by: The port will close. [2] credibility 5" in shown
    assert "  [2] Weak Paper" in shown  # the number it is shown with is its source's


def test_a_supporting_claim_is_renumbered_with_the_sources(tmp_path: Path) -> None:
    shown = _show(tmp_path, "--min-grade", "2")
    assert "  [1] Strong Report" in shown
    assert "    + supported by: Traffic is steady. [1] credibility 2" in shown


def test_the_page_says_how_many_claims_the_minimum_hid(tmp_path: Path) -> None:
    """Nothing said that a page was shorter for its minimum (a trial)."""
    shown = _show(tmp_path, "--min-grade", "2")
    assert shown[-1] == "1 claim graded below 2, or ungraded, is not shown (--min-grade 2)"
    assert not any("not shown" in line for line in _show(tmp_path))
    markdown = run("--no-bundled", "--corpus", str(tmp_path), "show", "port", "--min-grade",
                   "2", "-f", "markdown").stdout  # fmt: skip
    assert "*1 claim graded below 2, or ungraded, is not shown (--min-grade 2)*" in markdown


def test_a_timeline_says_how_many_dated_claims_the_minimum_hid() -> None:
    """A trial's ``timeline --min-grade C3`` showed two events and hid three, unsaid."""
    base = ("--no-bundled", "--corpus", str(CORPORA / "analyst"), "timeline")
    every = run(*base).stdout
    shown = run(*base, "--min-grade", "B2").stdout
    assert "not shown" not in every
    assert "(4 claims graded below B2 or ungraded not shown)" in shown.splitlines()
    assert json.loads(run(*base, "--min-grade", "B2", "-f", "json").stdout)["below"] == 4
    assert json.loads(run(*base, "-f", "json").stdout)["below"] == 0
