"""Knock-ons: problems caused by a skipped file are grouped under it, the cause first."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import CORPORA, run


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The fixture corpus whose actors.toml has a syntax error; its topics name its actors."""
    root = tmp_path / "knockons"
    shutil.copytree(CORPORA / "knockons", root)
    return root


def test_validate_puts_the_cause_first_and_groups_its_knock_ons(broken: Path) -> None:
    result = run("--no-bundled", "validate", str(broken))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{broken}/actors.toml:7:18: TOML syntax error")
    assert lines[1] == f"  5 references to entries of the skipped file {broken}/actors.toml:"
    knock_ons = lines[2:7]
    assert all(line.startswith(f"    {broken}/topics/") for line in knock_ons)
    assert all("is in the skipped file" in line for line in knock_ons)
    assert lines[7:] == [
        f"{broken}/topics/theory.toml:18: claims[1].actors[1]: unknown actor 'brewery': "
        "the claim is kept without it [BRIEF010]"
    ]
    assert result.stderr == (
        "2 problems in 2 of 4 files, and 5 knock-ons (references to entries of skipped files)\n"
    )


def test_validate_json_names_each_knock_on_s_cause_and_counts_them_apart(broken: Path) -> None:
    data = json.loads(run("--no-bundled", "validate", "-f", "json", str(broken)).stdout)
    causes = [p["cause"] for p in data["problems"]]
    assert causes == [None, *[f"{broken}/actors.toml"] * 5, None]
    assert data["counts"] == {"problems": 2, "knock_ons": 5, "left_out": {}}  # claims kept
    assert data["summary"].startswith("2 problems in 2 of 4 files, and 5 knock-ons")


@pytest.mark.parametrize("cache", ["1", ""])
def test_run_time_warnings_count_the_knock_ons_in_one_line(broken: Path, cache: str) -> None:
    env = {"BRIEF_NO_CACHE": cache}
    for _ in range(2):  # without the cache; with it, built then read
        result = run("--no-bundled", "-c", str(broken), "show", "pump", "-f", "plain", env=env)
        assert result.exit_code == 0
        assert "The pump's handle was removed" in result.stdout  # the claims are kept
        warnings = result.stderr.splitlines()
        assert warnings[0].endswith("[BRIEF003] (file skipped)")
        assert warnings[1] == (
            f"brief: warning: 5 references to entries of the skipped file {broken}/actors.toml"
        )
        assert len(warnings) == 3 and "unknown actor 'brewery'" in warnings[2]
        assert "snow" not in result.stderr  # no line per knock-on


def test_a_claim_citing_a_source_of_a_skipped_file_is_a_knock_on(broken: Path) -> None:
    (broken / "actors.toml").write_text(
        (broken / "actors.toml").read_text().replace("John Snow\n", 'John Snow"\n')
    )
    (broken / "sources.toml").write_text((broken / "sources.toml").read_text() + "oops\n")
    result = run("--no-bundled", "validate", str(broken))
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{broken}/sources.toml:")
    assert lines[1] == f"  4 references to entries of the skipped file {broken}/sources.toml:"
    assert "source 'report' is in the skipped file" in lines[2]


def test_an_unknown_actor_says_the_claim_is_kept_without_it(broken: Path) -> None:
    result = run("--no-bundled", "-c", str(broken), "show", "theory", "-f", "plain")
    assert "unknown actor 'brewery': the claim is kept without it" in result.stderr
    assert "Cholera spreads through water fouled by sewage." in result.stdout


def test_an_unknown_actor_of_a_claim_left_out_does_not_say_it_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.toml").write_text(
        'format = 1\n[[claims]]\nid = "x"\ntopic = "nowhere"\nactors = ["nobody"]\n'
        'text = "T."\ncites = [{ source = "none" }]\n'
    )
    out = run("--no-bundled", "validate", str(root)).stdout
    assert "unknown actor 'nobody'" in out
    assert "kept" not in out


def test_many_warnings_are_cut_to_a_count(tmp_path: Path) -> None:
    """A file deleted that many others cite left a line per citing file on every
    command (2,541 in a trial); ten are shown, then how many more."""
    (tmp_path / "t.toml").write_text(
        'format = 1\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
    )
    for n in range(15):
        (tmp_path / f"c{n:02d}.toml").write_text(
            f'format = 1\n[[claims]]\nid = "c{n}"\ntopic = "t"\nactors = ["gone"]\ntext = "X."\n'
            'cites = ["nowhere"]\n'
        )
    result = run("--no-bundled", "-c", str(tmp_path), "show", "t", "-f", "plain")
    lines = result.stderr.splitlines()
    assert len(lines) == 11 and all(line.startswith("brief: warning: ") for line in lines)
    assert lines[-1] == "brief: warning: … and 5 more ('brief validate' lists them all)"
    assert "c00.toml" in lines[0] and "c09.toml" in lines[9]
    assert run("--no-bundled", "-c", str(tmp_path), "-q", "show", "t").stderr == ""


@pytest.fixture
def unread(mini: Path) -> Path:
    """The fixture corpus with topics/security.toml broken: its claim names china."""
    from .conftest import settle

    security = mini / "topics" / "security.toml"
    security.write_text(security.read_text() + "oops = [\n")
    settle(mini)
    return mini


@pytest.mark.parametrize("cache", ["", "1"], ids=["cache", "files"])
def test_a_briefing_says_a_file_that_could_not_be_read_names_its_entry(
    unread: Path, cache: str
) -> None:
    """Its claims cannot be parsed, so they cannot be counted as left out: the briefing
    of an entry the file names says so where they would be, in every format, from the
    files and from the cache (a new user's 'No claims yet.' read as true)."""
    base = ("--no-bundled", "--corpus", str(unread))
    env = {"BRIEF_NO_CACHE": cache}
    broken = f"{unread}/topics/security.toml"
    for _ in range(2):  # the second time from the cache, if there is one
        shown = run(*base, "show", "china", "--format", "plain", env=env)
        assert shown.exit_code == 0
        said = (
            f"The file {broken} could not be read, and names this actor: what it says of it "
            "is not here (see brief validate)"
        )  # the last lines, wrapped: a path longer than a line is cut as any word is
        assert "".join(shown.stdout.split()).endswith("".join(said.split()))
        data = json.loads(run(*base, "show", "china", "--format", "json", env=env).stdout)
        assert data["unread"] == [broken]
        marked = run(*base, "show", "china", "--format", "markdown", env=env).stdout
        assert "could not be read, and names this actor" in marked
    other = json.loads(run(*base, "show", "russia", "--format", "json", env=env).stdout)
    assert other["unread"] == []  # the file does not name russia
    (unread / "topics" / "security.toml").write_text(
        (unread / "topics" / "security.toml").read_text().replace("oops = [\n", "")
    )
    mended = json.loads(run(*base, "show", "china", "--format", "json", env=env).stdout)
    assert mended["unread"] == []


def test_a_briefing_with_no_claims_and_an_unread_file_does_not_say_none_yet(unread: Path) -> None:
    from brief.views.records import Briefing

    made = Briefing("actor", "a", "A", "", (), (), (), "", ())
    assert made.no_claims_line == "No claims yet."
    assert made._replace(unread=("x.toml",)).no_claims_line == "No claims to show."
