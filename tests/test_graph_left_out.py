"""``brief graph`` says what it cannot show, as every other view does.

A claim left out drew no edge and nothing said so (every other view has a left-out
line), and a picture whose relations were all dropped, their actors' file skipped for a
syntax error, said ``no relations in this corpus`` (a trial's finding).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from brief.corpus.layers import bundled_root

from .conftest import CORPORA, run

#: The test corpus leaves one claim out already (an unknown source); the fixture another.
LEFT_OUT = "2 claims of the corpus were left out (see brief validate)"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The relations test corpus, its first claim left out for a misspelt key."""
    dest = tmp_path / "relations"
    shutil.copytree(CORPORA / "relations", dest)
    path = dest / "relations.toml"
    text = path.read_text()
    old = 'relation = "sanctions"\n'
    assert old in text
    path.write_text(text.replace(old, old + 'confidance = "high"\n', 1))
    return dest


def _graph(corpus: Path, *args: str) -> str:
    result = run("--no-bundled", "--corpus", str(corpus), "graph", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["plain", "markdown", "html", "terminal"])
def test_every_picture_says_a_claim_was_left_out(corpus: Path, fmt: str) -> None:
    for _ in range(2):  # from the files, then from the cache they wrote
        said = " ".join(_graph(corpus, "-f", fmt).split())
        assert LEFT_OUT in said


def test_json_dot_and_mermaid_say_it_too(corpus: Path) -> None:
    data = json.loads(_graph(corpus, "-f", "json"))
    assert data["left_out"] == [{"kind": "corpus", "id": "", "claims": 2}]
    assert f"  // {LEFT_OUT}" in _graph(corpus, "-f", "dot").splitlines()
    assert f"  %% {LEFT_OUT}" in _graph(corpus, "-f", "mermaid").splitlines()
    clean = json.loads(run("--no-bundled", "--corpus", str(CORPORA / "relations"), "graph",
                           "-f", "json").stdout)  # fmt: skip
    assert clean["left_out"] == [{"kind": "corpus", "id": "", "claims": 1}]


def test_a_filter_names_its_own_entries_left_out_claims(corpus: Path) -> None:
    alone = run("--no-bundled", "--corpus", str(corpus), "graph", "un")  # its one relation
    assert alone.exit_code == 1
    said = "no relations match actor 'un'; 1 claim about United Nations was left out"
    assert said in alone.stderr
    data = json.loads(_graph(corpus, "--topic", "trade", "-f", "json"))
    assert data["left_out"] == []  # the claims left out are of another topic


def test_a_name_cannot_write_out_of_a_comment(corpus: Path) -> None:
    path = corpus / "relations.toml"
    path.write_text(path.read_text().replace('title = "Sanctions"', 'title = "S\\n  x -> y"', 1))
    dot = _graph(corpus, "--topic", "sanctions", "-f", "dot").splitlines()
    assert "  // 2 claims of the topic S   x -> y were left out (see brief validate)" in dot
    assert not any(line.startswith("  x ->") for line in dot)


def test_relations_dropped_with_their_actors_are_not_said_to_be_none(tmp_path: Path) -> None:
    corpus = tmp_path / "briefs"
    shutil.copytree(bundled_root(), corpus)
    actors = corpus / "actors.toml"
    actors.write_text(actors.read_text() + "oops = [\n")  # skipped: every actor with it
    result = run("--no-bundled", "--corpus", str(corpus), "graph")
    assert result.exit_code == 1
    assert "no relations in this corpus" not in result.stderr
    said = re.search(r"brief: no relations to draw; (\d+) relations were dropped for actors "
                     r"that could not be used \(see brief validate\)", result.stderr)  # fmt: skip
    problems = run("--no-bundled", "validate", str(corpus)).stdout
    assert said is not None and int(said[1]) == problems.count("[BRIEF021]") > 0


def test_a_name_cannot_write_a_mermaid_directive(corpus: Path) -> None:
    path = corpus / "relations.toml"
    hostile = "%%{init: {'theme': 'dark'}}%%"
    path.write_text(path.read_text().replace('title = "Sanctions"', f'title = "{hostile}"', 1))
    mermaid = _graph(corpus, "--topic", "sanctions", "-f", "mermaid")
    (line,) = [ln for ln in mermaid.splitlines() if "left out" in ln]
    assert line.startswith("  %% 2 claims of the topic ") and "{" not in line
    assert "%%{" not in mermaid


def test_the_count_of_relations_dropped_is_in_json_and_under_a_picture(tmp_path: Path) -> None:
    corpus = tmp_path / "briefs"
    shutil.copytree(bundled_root(), corpus)
    diplomacy = corpus / "topics" / "diplomacy.toml"  # one relation loses its subject
    text = diplomacy.read_text()
    assert 'relation = "supports"' in text
    diplomacy.write_text(text.replace('actors = ["china"', 'actors = ["chinaa"', 1))
    data = json.loads(_graph(corpus, "-f", "json"))
    assert data["edges"] and data["dropped"] >= 1
    plain = " ".join(_graph(corpus).split())
    assert f"{data['dropped']} relation" in plain and "dropped for actors" in plain
    assert json.loads(_graph(corpus, "china", "-f", "json"))["dropped"] == 0  # a filter
