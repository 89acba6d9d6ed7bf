"""Paths brief prints about itself (issue 15): inert, and never an empty folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brief import __version__

from .conftest import run

# A folder name that sets the terminal's title (OSC 0) and holds a bidi override.
HOSTILE_NAME = "notes\x1b]0;owned\x07\u202e"
SHOWN = "notes\\x1b]0;owned\\x07\\u202e"


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    folder = tmp_path / HOSTILE_NAME
    folder.mkdir()
    return folder


def test_paths_shows_an_odd_corpus_folder_inert(odd: Path) -> None:
    result = run("--no-bundled", "-c", str(odd), "paths")
    assert result.exit_code == 0
    assert f"corpus: {odd.parent}/{SHOWN}\n" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_paths_shows_an_odd_config_path_inert(odd: Path) -> None:
    config = odd / "config.toml"
    config.write_text("format = \n")  # broken, so its path is printed twice
    result = run("paths", env={"BRIEF_CONFIG": str(config)})
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"config: {odd.parent}/{SHOWN}/config.toml  (broken: ")
    assert "\x1b" not in result.stdout


def test_version_shows_an_odd_corpus_folder_inert(odd: Path) -> None:
    expected = f"brief {__version__}\n  corpus: {odd.parent}/{SHOWN}\n"
    assert run("--no-bundled", "-c", str(odd), "--version").stdout == expected
    # The console script's own answer, without click, from BRIEF_PATH.
    env = {**os.environ, "BRIEF_PATH": str(odd)}
    script = [sys.executable, "-c", "from brief.cli.entry import main; main()", "--version"]
    fast = subprocess.run(script, env=env, capture_output=True, text=True, check=True)
    assert fast.stdout.endswith(f"  corpus: {odd.parent}/{SHOWN}\n")
    assert "\x1b" not in fast.stdout and "\u202e" not in fast.stdout


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["--corpus", "", "paths"], "brief: invalid value for '--corpus' / '-c'"),
        (["-c", "", "--version"], "brief: invalid value for '--corpus' / '-c'"),
        (["-c", "", "show", "sanctions"], "brief: invalid value for '--corpus' / '-c'"),
        (["validate", ""], "brief validate: invalid value for '[DIR]...'"),
        (["init", ""], "brief init: invalid value for '[DIR]'"),
        (["new", "topic", "x", "--into", ""], "brief new: invalid value for '--into'"),
    ],
)
def test_an_empty_folder_is_a_usage_error(args: list[str], where: str) -> None:
    """An empty folder name was taken as the root ("/") or the current folder."""
    done = subprocess.run(
        [sys.executable, "-m", "brief", *args], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"{where}: a folder name cannot be empty (see ")
    assert len(done.stderr.splitlines()) == 1


def test_an_empty_folder_in_the_config_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('corpus = [""]\n')
    result = run("list", env={"BRIEF_CONFIG": str(config)})
    assert (result.exit_code, result.stderr) == (
        1,
        f"brief: {config}: corpus: a folder path cannot be empty\n",
    )


def test_paths_says_when_the_cache_cannot_be_written(tmp_path: Path) -> None:
    """A trial's cache folder could not be written: every run read the whole corpus,
    and ``brief paths`` said only ``(not found)``."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    shown = run("paths", env={"XDG_CACHE_HOME": str(blocker)}).stdout
    line = next(x for x in shown.splitlines() if x.startswith("cache:"))
    assert line.endswith(
        f"  (cannot be written: {blocker} is not a folder; every run reads the corpus)"
    )
    fine = run("paths", env={"XDG_CACHE_HOME": str(tmp_path / "new" / "cache")}).stdout
    assert next(x for x in fine.splitlines() if x.startswith("cache:")).endswith("(not found)")
