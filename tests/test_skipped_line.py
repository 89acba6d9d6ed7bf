"""Every briefing says when a corpus file could not be read, where what it held is missed.

A trial's actors.toml had a syntax error: it was skipped, every topic's claims went under
"General" without their actors, and nothing on stdout, in the export or in the TUI said
why (stderr did, which a page saved to a file or a published site does not keep).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from brief.corpus.layers import bundled_root

from .conftest import run
from .test_tui import SIZE, make_app, page

SAID = "could not be read: what it defines is missing, and claims here may be shown"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the bundled corpus whose actors.toml cannot be parsed."""
    corpus = tmp_path / "briefs"
    shutil.copytree(bundled_root(), corpus)
    actors = corpus / "actors.toml"
    actors.write_text(actors.read_text() + "oops = [\n")
    return corpus


def _flat(text: str) -> str:
    """*text* without its white space: a path longer than a line is cut to fit it (how
    long a test's folder is, pytest's run number decides)."""
    return "".join(text.split())


def _show(corpus: Path, *args: str) -> str:
    result = run("--no-bundled", "--corpus", str(corpus), "show", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_topic_page_says_the_actors_file_could_not_be_read(broken: Path) -> None:
    for _ in range(2):  # from the files, then from the cache they wrote
        plain = _flat(_show(broken, "sanctions"))
        assert _flat(f"The file {broken}/actors.toml {SAID} without an actor or source") in plain
    for fmt in ("markdown", "html", "terminal"):
        said = " ".join(_show(broken, "sanctions", "-f", fmt).split())
        assert SAID in said.replace("&#x27;", "'"), fmt
    doc = json.loads(_show(broken, "sanctions", "-f", "json"))
    assert doc["skipped"] == [f"{broken}/actors.toml"] and doc["unread"] == []


def test_a_file_that_names_the_entry_is_said_once_and_more_precisely(broken: Path) -> None:
    (broken / "actors.toml").write_text((Path(bundled_root()) / "actors.toml").read_text())
    security = broken / "topics" / "security.toml"
    security.write_text(security.read_text() + "oops = [\n")
    doc = json.loads(_show(broken, "china", "-f", "json"))
    assert doc["unread"] == [f"{broken}/topics/security.toml"] and doc["skipped"] == []
    other = json.loads(_show(broken, "sanctions", "-f", "json"))  # a topic it does not name
    assert other["skipped"] == [f"{broken}/topics/security.toml"]


def test_a_whole_corpus_says_nothing() -> None:
    doc = json.loads(run("show", "sanctions", "-f", "json").stdout)
    assert doc["skipped"] == []
    assert "could not be read" not in run("show", "sanctions").stdout


def test_the_export_says_it_on_its_front_page_and_each_page(broken: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = run("--no-bundled", "--corpus", str(broken), "export", str(site))
    assert done.exit_code == 0, done.stderr
    front = (site / "index.html").read_text()
    # named within its corpus folder: a published site does not say where that is here
    assert "The file briefs/actors.toml could not be read: what it defines is missing" in front
    entry = (site / "topic-sanctions.html").read_text().replace("&#x27;", "'")
    assert SAID in entry and "The file briefs/actors.toml could not be read" in entry
    assert not [p.name for p in site.glob("*.html") if str(tmp_path) in p.read_text()]
    # the pages of the whole corpus too; the relations page said there were none
    missing = "could not be read: what it defines is missing from this site"
    for name in ("conflicts.html", "graph.html"):
        assert missing in (site / name).read_text(), name
    graph = (site / "graph.html").read_text()
    assert "No relations to draw." in graph and "No relations among actors" not in graph
    assert "relations were dropped for actors that could not be used" in graph


async def test_the_tui_page_says_it(broken: Path) -> None:
    app = make_app(broken, start="sanctions")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(SAID in " ".join(t.split()) for t in page(app))


@pytest.mark.parametrize("command", [("conflicts",), ("timeline",), ("graph", "--long")])
def test_the_views_of_the_whole_corpus_say_it_too(broken: Path, command: tuple[str, ...]) -> None:
    """A trial's `timeline`, `conflicts` and `graph` said only that 3 claims were left
    out, where a skipped file held six more: saved to a file, the report looked whole."""
    base = ("--no-bundled", "--corpus", str(broken), *command)
    shown = run(*base)  # a picture with no edge left says it where it says so (stderr)
    plain = _flat(shown.stdout or shown.stderr)
    assert _flat(f"The file {broken}/actors.toml {SAID}") in plain
    doc = json.loads(run(*base, "-f", "json").stdout)
    assert doc["skipped"] == [f"{broken}/actors.toml"]
    whole = json.loads(run(command[0], "-f", "json").stdout)
    assert whole["skipped"] == []
