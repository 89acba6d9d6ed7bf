"""Finding and naming: what a reader who types the wrong thing is told, and empty results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run


def test_a_name_where_a_command_goes_suggests_show() -> None:
    result = run("sanctions")
    assert result.exit_code == 2
    assert "Did you mean 'brief show sanctions'?" in result.stderr


def test_a_name_close_to_a_command_suggests_show_first(tmp_path: Path) -> None:
    """A trial's ``brief credit``, a topic's id, was offered the command 'edit' alone."""
    (tmp_path / "a.toml").write_text(
        'format = 1\n[[topics]]\nid = "credit"\ntitle = "Credit"\nsummary = "S."\n'
    )
    result = run("--no-bundled", "--corpus", str(tmp_path), "credit")
    assert result.exit_code == 2
    said = "No such command 'credit'. Did you mean 'brief show credit' (or the command 'edit')?"
    assert said in result.stderr


def test_a_mistyped_command_still_suggests_the_command() -> None:
    result = run("shw")
    assert "Did you mean 'show'?" in result.stderr and "brief show" not in result.stderr


def test_an_unknown_word_where_a_command_goes_suggests_nothing() -> None:
    result = run("zzzz")
    assert result.exit_code == 2 and "Did you mean" not in result.stderr


def test_help_command_as_in_git() -> None:
    top = run("help")
    assert top.exit_code == 0 and top.stdout == run("--help").stdout
    show = run("help", "show")
    assert show.exit_code == 0 and show.stdout == run("show", "--help").stdout
    assert show.stdout.splitlines()[0].endswith(" show [OPTIONS] NAMES...")
    wrong = run("help", "shw")
    assert wrong.exit_code == 2 and "Did you mean 'show'?" in wrong.stderr


def test_list_kind_typo_suggests_the_kind() -> None:
    result = run("list", "topcs")
    assert result.exit_code == 2 and "Did you mean 'topics'?" in result.stderr


def test_list_takes_a_kind_in_the_singular_as_new_names_it() -> None:
    """A trial's ``brief list actor`` was refused (``brief new actor`` is singular)."""
    for kind in ("topic", "actor", "source", "tag", "name"):
        assert run("list", kind).stdout == run("list", f"{kind}s").stdout, kind


def test_list_claims_names_the_command_that_lists_them() -> None:
    """A trial's ``brief list claims`` was refused without a word of ``brief claims``."""
    for kind in ("claims", "claim"):
        result = run("list", kind)
        assert result.exit_code == 2
        assert "claims are listed by a command of their own: brief claims" in result.stderr


def test_format_typo_suggests_the_format() -> None:
    assert "Did you mean 'json'?" in run("list", "-f", "jsn").stderr


def test_did_you_mean_matches_words_inside_names() -> None:
    result = run("show", "korea")
    assert result.exit_code == 1
    assert "did you mean 'north-korea', 'south-korea'" in result.stderr


def test_show_prints_the_names_it_knows_and_reports_the_others() -> None:
    result = run("show", "sanctions", "nope", "zilch", "-f", "plain")
    assert result.exit_code == 1
    assert result.stdout.startswith("Sanctions\n=========\n")
    assert result.stderr == (
        "brief: no topic, actor or source named 'nope'\n"
        "brief: no topic, actor or source named 'zilch'\n"
    )


def test_a_search_emptied_by_its_filter_says_so() -> None:
    assert run("search", "nuclear").exit_code == 0
    result = run("search", "nuclear", "--topic", "human-rights")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "brief: no results for 'nuclear' in topic 'human-rights'"
        " (there are some without the filter)\n"
    )
    assert "did you mean" not in result.stderr


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("search", "zzzzz"), "hits"),
        (("list", "topics", "--tag", "economy", "--actor", "japan"), "items"),
    ],
)
def test_empty_results_one_rule_json_prints_a_document(args: tuple[str, ...], key: str) -> None:
    text = run(*args, "-f", "plain")
    assert text.exit_code == 1 and text.stdout == "" and text.stderr.startswith("brief: no ")
    data = run(*args, "-f", "json")
    assert data.exit_code == 1
    assert json.loads(data.stdout)[key] == []


def test_conflicts_without_any_exits_1_with_an_empty_document(mini: Path) -> None:
    (mini / "topics" / "trade.toml").write_text(
        (mini / "topics" / "trade.toml")
        .read_text()
        .replace('contradicts = ["trade-china-partner"]', "")
    )
    result = run("--no-bundled", "-c", str(mini), "conflicts", "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["pairs"] == []
    assert result.stderr == "brief: no contradictions are recorded in this corpus\n"


def test_no_bundled_without_a_corpus_says_so() -> None:
    result = run("--no-bundled", "list")
    assert result.exit_code == 1
    assert "brief: warning: no corpus: --no-bundled" in result.stderr
    assert "brief: no topics" in result.stderr


def test_a_claim_id_where_an_entry_goes_names_its_topic() -> None:
    """A new user copied a claim's id from `brief new claim` into `brief show`."""
    for env in ({"BRIEF_NO_CACHE": "1"}, {}, {}):  # loaded, building the cache, cached
        result = run("show", "sanctions-china-accused-of-ignoring", env=env)
        assert result.exit_code == 1
        assert result.stderr == (
            "brief: 'sanctions-china-accused-of-ignoring' is a claim, in the topic "
            "'sanctions': 'brief show sanctions' shows it "
            "('brief edit sanctions-china-accused-of-ignoring' opens it)\n"
        )


def test_the_words_of_one_name_unquoted_are_told_to_be_quoted() -> None:
    """A tester's ``brief show north korea`` was told of 'north' and 'korea' apart,
    each with its own suggestions."""
    result = run("show", "north", "korea")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        "'north' and 'korea' are the words of one name, 'north-korea': "
        "quote them, brief show 'north korea'"
    ) in result.stderr
    first = run("show", "united", "states", "of", "america")  # one word names an entry
    assert first.exit_code == 2 and first.stdout == ""
    assert "are the words of one name, 'united-states'" in first.stderr
    apart = run("show", "norht", "korea")  # no name together: each told, as before
    assert apart.exit_code == 1 and "named 'norht'" in apart.stderr
