"""The loader keeps what can be kept, and names what it could not, where it is missed.

One fixture corpus per way a claim used to vanish without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run

ACTORS = """format = 1

[[actors]]
id = "norway"
name = "Norway"
description = "A Nordic state."
aliases = ["kingdom of norway"]
"""

TOPIC = """format = 1

[[sources]]
id = "review"
title = "The Review"
kind = "report"

[[topics]]
id = "shipping"
title = "Arctic shipping"
summary = "Routes opening in the north."

[[claims]]
id = "shipping-open"
topic = "shipping"
actors = ["norway"]
text = "The route opens by 2030."
cites = [{ source = "review" }]
"""


def corpus(tmp_path: Path, actors: str) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "actors.toml").write_text(actors)
    (root / "shipping.toml").write_text(TOPIC)
    return root


@pytest.mark.parametrize("cache", ["", "1"])
def test_a_syntax_error_in_the_actors_file_keeps_the_claims_about_them(
    tmp_path: Path, cache: str
) -> None:
    root = corpus(tmp_path, ACTORS.replace('name = "Norway"', 'name = "Norway'))
    env = {"BRIEF_NO_CACHE": cache}
    result = run("--no-bundled", "-c", str(root), "show", "shipping", "-f", "plain", env=env)
    assert result.exit_code == 0
    assert "The route opens by 2030." in result.stdout
    assert "No claims yet" not in result.stdout
    assert "actors.toml" in result.stderr and "skipped" in result.stderr


def test_a_wrongly_typed_alias_leaves_out_the_actor_but_not_its_claims(tmp_path: Path) -> None:
    root = corpus(tmp_path, ACTORS.replace('aliases = ["kingdom of norway"]', 'aliases = "x"'))
    result = run("--no-bundled", "-c", str(root), "show", "shipping", "-f", "plain")
    assert "The route opens by 2030." in result.stdout
    assert "aliases: expected an array" in result.stderr


@pytest.mark.parametrize("name", ["norway", "Norway"])
def test_a_left_out_entry_is_explained_by_id_and_by_name(tmp_path: Path, name: str) -> None:
    root = corpus(tmp_path, ACTORS.replace('aliases = ["kingdom of norway"]', 'aliases = "x"'))
    result = run("--no-bundled", "-c", str(root), "show", name)
    assert result.exit_code == 1
    assert "was left out" in result.stderr and "aliases" in result.stderr


def test_a_left_out_entry_is_explained_by_alias(tmp_path: Path) -> None:
    broken = ACTORS.replace('description = "A Nordic state."\n', "")
    root = corpus(tmp_path, broken)
    for cache in ("1", ""):  # a fresh load, then the cache
        result = run(
            "--no-bundled",
            "-c",
            str(root),
            "show",
            "Kingdom of Norway",
            env={"BRIEF_NO_CACHE": cache},
        )
        assert result.exit_code == 1
        assert "was left out" in result.stderr
        assert "missing required key 'description'" in result.stderr


SKIPPED = "'{name}' is defined in the skipped file {file}, which could not be used"


@pytest.mark.parametrize("name", ["norway", "Norway", "Kingdom of Norway"])
def test_an_entry_of_a_skipped_file_is_explained_by_each_of_its_names(
    tmp_path: Path, name: str
) -> None:
    """The same one line without the cache, building it, and read back from it."""
    from .conftest import settle

    root = corpus(tmp_path, ACTORS.replace("format = 1", "format = 1\n[broken"))
    settle(root)
    said = []
    for cache in ("1", "", ""):  # a fresh load, then building the cache, then reading it
        for args in (("show", name), ("compare", name, "shipping")):
            result = run("--no-bundled", "-c", str(root), *args, env={"BRIEF_NO_CACHE": cache})
            assert result.exit_code == 1
            said.append(result.stderr.splitlines()[-1])
    why = SKIPPED.format(name=name, file=root / "actors.toml")
    expected = f"brief: {why} (see 'brief validate')"
    assert said == [expected] * 6


def test_a_truly_unknown_name_still_gets_suggestions_beside_a_skipped_file(
    tmp_path: Path,
) -> None:
    root = corpus(tmp_path, ACTORS.replace("format = 1", "format = 1\n[broken"))
    for cache in ("1", "", ""):
        result = run(
            "--no-bundled", "-c", str(root), "show", "shiping", env={"BRIEF_NO_CACHE": cache}
        )
        assert result.exit_code == 1
        last = result.stderr.splitlines()[-1]
        assert last == "brief: no topic, actor or source named 'shiping' (did you mean 'shipping'?)"
        assert "skipped file" not in last


def test_a_name_in_a_claim_of_a_skipped_file_is_not_taken_for_an_entry(tmp_path: Path) -> None:
    """Only topics, actors and sources are shown by name: a claim's id says nothing."""
    root = corpus(tmp_path, ACTORS + '\n[[claims]]\nid = "lost-claim"\ntext = "x\n')
    result = run("--no-bundled", "-c", str(root), "show", "lost-claim")
    assert result.exit_code == 1
    assert "skipped file" not in result.stderr.splitlines()[-1]
    shown = run("--no-bundled", "-c", str(root), "show", "norway")
    assert "is defined in the skipped" in shown.stderr
