"""Listings: by title, with the layer each entry comes from, and every name in use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run

OVERRIDE = """format = 1

[[actors]]
id = "china"
name = "China (as I see it)"
description = "My own China."

[[actors]]
id = "item-10"
name = "item 10"
description = "The tenth."
aliases = ["tenth"]

[[actors]]
id = "item-9"
name = "Item 9"
description = "The ninth."
"""


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "actors.toml").write_text(OVERRIDE)
    return root


def test_lists_are_sorted_by_title_case_folded_and_natural(notes: Path) -> None:
    result = run("--no-bundled", "-c", str(notes), "list", "actors")
    assert result.stdout.split() == ["china", "item-9", "item-10"]


def test_the_bundled_topics_are_listed_by_title() -> None:
    data = json.loads(run("list", "topics", "-f", "json").stdout)
    titles = [item["title"] for item in data["items"]]
    assert titles == sorted(titles, key=str.casefold)
    assert len(titles) > 3


def test_long_names_the_layer_and_marks_an_override(notes: Path) -> None:
    result = run("-c", str(notes), "list", "actors", "--long")
    lines = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    assert lines["china"] == f"China (as I see it)\t{notes}, overrides [bundled]"
    assert lines["item-9"] == f"Item 9\t{notes}"
    assert lines["russia"] == "Russia\t[bundled]"


def test_long_in_json_gives_layer_and_overrides(notes: Path) -> None:
    data = json.loads(run("-c", str(notes), "list", "actors", "-l", "-f", "json").stdout)
    items = {item["id"]: item for item in data["items"]}
    assert items["china"]["layer"] == str(notes)
    assert items["china"]["overrides"] == ["[bundled]"]
    assert items["russia"] == {**items["russia"], "layer": "[bundled]", "overrides": []}
    plain = json.loads(run("-c", str(notes), "list", "actors", "-f", "json").stdout)
    assert "layer" not in plain["items"][0]  # only --long adds it


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
def test_long_draws_the_layer_in_every_format(notes: Path, fmt: str) -> None:
    result = run("-c", str(notes), "list", "actors", "-l", "-f", fmt, "-w", "300")
    china = next(line for line in result.stdout.splitlines() if "as I see it" in line)
    assert "overrides" in china and "bundled" in china
    russia = next(line for line in result.stdout.splitlines() if "Russia" in line)
    assert "bundled" in russia and "overrides" not in russia


def test_list_names_piped_is_name_kind_id(notes: Path) -> None:
    result = run("-c", str(notes), "list", "names")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["tenth", "actor", "item-10"] in rows
    assert ["dprk", "actor", "north-korea"] in rows
    assert all(len(row) == 3 for row in rows)
    names = [row[0] for row in rows]
    assert names.index("item-9") < names.index("item-10")  # natural order


def test_list_names_long_and_json_name_the_layer(notes: Path) -> None:
    result = run("-c", str(notes), "list", "names", "--long")
    assert f"tenth\tactor\titem-10\t{notes}" in result.stdout.splitlines()
    assert "dprk\tactor\tnorth-korea\t[bundled]" in result.stdout.splitlines()
    data = json.loads(run("-c", str(notes), "list", "names", "-f", "json").stdout)
    china = next(item for item in data["items"] if item["name"] == "china")
    assert china == {
        "name": "china",
        "kind": "actor",
        "id": "china",
        "title": "China (as I see it)",
        "layer": str(notes),
    }


def test_list_names_refuses_filters() -> None:
    result = run("list", "names", "--tag", "china")
    assert result.exit_code == 2
    assert "do not apply" in result.stderr
