"""``brief list`` from the cache: an unfiltered listing (and ``list names``) reads the
entries' rows alone, never the claims, and prints what a load prints."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief.corpus.layers import bundled_root

from .conftest import CORPORA, same_warm_as_from_files, settle

LISTINGS = [
    ("topics",),
    ("actors",),
    ("sources",),
    ("tags",),
    ("names",),
    ("topics", "--long"),
    ("sources", "--long", "-f", "json"),
    ("names", "--long"),
    ("actors", "-f", "markdown"),
]


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """The bundled corpus, again, on top of itself (so ``--long`` marks overrides), and
    the mini corpus's topics without its sources and actors (so there are warnings, and
    a duplicate id, to print alike)."""
    dest = tmp_path / "notes"
    shutil.copytree(bundled_root(), dest)
    shutil.copytree(CORPORA / "mini" / "topics", dest / "mini")
    settle(dest)
    return dest


def listed_alike(notes: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """``brief list ARGS`` warm, without the whole corpus, prints what a load prints."""
    files = same_warm_as_from_files(("-c", str(notes), "list", *args), monkeypatch, whole=False)
    assert files.exit_code == 0 and files.stdout


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_an_unfiltered_listing_reads_the_entries_alone(
    notes: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    listed_alike(notes, args, monkeypatch)


FILTERED = [
    ("topics", "--tag", "China"),
    ("actors", "--actor", "russia"),
    ("topics", "--actor", "russia", "-f", "json"),
    ("sources", "--tag", "economy"),
    ("actors", "--tag", "economy", "--actor", "china"),
    ("tags", "--actor", "united-states"),
    ("topics", "--tag", "sanctions", "--long"),
]


@pytest.mark.parametrize("args", FILTERED, ids=" ".join)
def test_a_filtered_listing_reads_what_its_filter_reaches(
    notes: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The topics with the tag and all their claims, or the claims about the actor,
    and what they name: the load's listing, without the whole corpus."""
    listed_alike(notes, args, monkeypatch)


@pytest.mark.parametrize(
    "args", [("topics", "--tag", "no-such-tag"), ("actors", "--actor", "rusia")], ids=" ".join
)
def test_a_filter_that_names_nothing_is_worded_as_the_load_words_it(
    notes: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    command = ("-c", str(notes), "list", *args)
    files = same_warm_as_from_files(command, monkeypatch, whole=False)
    assert files.exit_code != 0 and files.stderr
