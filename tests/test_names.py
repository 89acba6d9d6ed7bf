from __future__ import annotations

import pytest

from brief.core.names import closest, did_you_mean, is_id, normalise


@pytest.mark.parametrize("name", ["North Korea", "north_korea", "NORTH-KOREA", " north  korea "])
def test_normalise_folds_case_and_separators(name: str) -> None:
    assert normalise(name) == "north-korea"


def test_normalise_keeps_non_ascii_letters() -> None:
    assert normalise("Côte d'Ivoire") == "côte-d-ivoire"


@pytest.mark.parametrize("value", ["china", "north-korea", "a1", "2024-report"])
def test_ids_accepted(value: str) -> None:
    assert is_id(value)


@pytest.mark.parametrize("value", ["China", "north_korea", "-x", "x-", "a--b", "", "é"])
def test_ids_rejected(value: str) -> None:
    assert not is_id(value)


def test_closest_suggests_typos_and_prefixes() -> None:
    pool = ["china", "chile", "russia", "sanctions"]
    assert closest("chna", pool)[0] == "china"
    assert "sanctions" in closest("sanction", pool)
    assert closest("zzzz", pool) == ()


def test_closest_finds_a_word_inside_names() -> None:
    pool = ["north-korea", "south-korea", "history", "korean-unification"]
    assert closest("korea", pool)[:2] == ("north-korea", "south-korea")
    assert closest("Korea", pool, limit=2) == ("north-korea", "south-korea")


def test_two_neighbouring_letters_swapped_are_suggested() -> None:
    # 'osa' and 'oas' are too short for the similarity cutoff to find each other
    assert did_you_mean("osa", ["oas", "egypt", "israel"]) == " (did you mean 'oas'?)"
    assert closest("isreal", ["israel", "ireland"])[0] == "israel"
    assert closest("oas", ["soa", "ao"]) == ()  # not neighbours: no suggestion


def test_another_number_of_a_series_is_no_suggestion() -> None:
    # the id of a deleted source, numbered as its neighbours: 'source-491' is another
    # source, not a misspelling of it
    pool = ["source-491", "source-901", "source-092", "topic-0042"]
    assert closest("source-091", pool) == ()  # 'source-901': two digits swapped, as alike
    assert did_you_mean("source-091", pool) == ""
    # the same number with other zeros, and letters mistyped around it, still are
    assert closest("topic-42", ["topic-0042", "topic-0043"]) == ("topic-0042",)
    assert closest("sourse-091", ["source-091", "source-491"])[0] == "source-091"
    # two neighbouring letters swapped still are
    assert closest("soruce-091", ["source-091"]) == ("source-091",)
    # a letter too many: the source of that number, not its neighbours in the series
    assert closest("source-001x", ["source-001", "source-401", "source-400"]) == ("source-001",)
    # a year written short is the same year (a trial: 'tass-86' for 'tass-1986'), but
    # two digits that end another number are not
    assert did_you_mean("tass-86", ["tass-1986", "pravda-1986"]) == " (did you mean 'tass-1986'?)"
    assert closest("source-91", ["source-491", "source-991"]) == ()
