"""Every test gets a clean environment: no user corpus path, no colour settings, a temp home."""

from __future__ import annotations

import re
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from brief.cli import cli
from brief.corpus.layers import Layer
from brief.store import CachedStore, LiveStore, open_store

CORPORA = Path(__file__).parent / "corpora"

# A run started in the background by a shell without job control (`pytest ... &`)
# ignores Ctrl-C, and every process a test starts inherits that: the tests that press
# Ctrl-C on a real brief (a --watch, a slow load) need it as a terminal gives it.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("home")
    for var in ("BRIEF_PATH", "NO_COLOR", "FORCE_COLOR", "PAGER", "BRIEF_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def mini(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the small fixture corpus."""
    dest = tmp_path / "mini"
    shutil.copytree(CORPORA / "mini", dest)
    yield dest


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Invoke ``brief`` as a user would, with stdout and stderr kept apart."""
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def settle(root: Path, seconds: float = 60.0) -> None:
    """Date every file and folder under *root* *seconds* in the past.

    The cache re-reads a file whose time is not clearly older than the load that saw it
    (git's racily-clean rule), so a test that expects a warm cache right after writing
    its corpus dates the corpus back first.
    """
    import os
    import time

    then = time.time() - seconds
    for path in [root, *root.rglob("*")]:
        os.utime(path, (then, then))


def stores(corpus: Path) -> tuple[LiveStore, CachedStore]:
    """The corpus folder *corpus* as a store read from its files and one from the cache
    (the first open writes the cache, the second reads it)."""
    layers = [Layer(str(corpus), "notes")]
    live = open_store(layers)
    cached = open_store(layers)
    assert isinstance(live, LiveStore) and isinstance(cached, CachedStore)
    return live, cached


@pytest.fixture
def no_whole_corpus(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reading the whole corpus from the cache (what building the index needs) fails."""
    import sqlite3

    import brief.store.read

    def refused(con: sqlite3.Connection) -> None:
        raise AssertionError("the whole corpus was read from the cache")

    monkeypatch.setattr(brief.store.read, "whole_corpus", refused)
    yield


def same_warm_as_from_files(
    command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch, *, whole: bool = True
) -> Result:
    """``brief *command*`` from a warm cache prints exactly what it prints read from the
    files: the first run without a cache, the second writes it, the third must read it
    (a load from the files fails the test; so does reading the whole corpus back from
    the cache, unless *whole*). Returns the run from the files."""
    import brief.store.build
    import brief.store.read

    files = run(*command, env={"BRIEF_NO_CACHE": "1"})
    run(*command)  # writes the cache

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus was loaded from its files")

    def not_whole(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole corpus was read from the cache")

    monkeypatch.setattr(brief.store.build, "build", refused)
    if not whole:
        monkeypatch.setattr(brief.store.read, "whole_corpus", not_whole)
    warm = run(*command)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (
        files.exit_code,
        files.stdout,
        files.stderr,
    )
    return files


_LINE_AFTER_FILE = re.compile(r"^( *)(\S[^\n]*?\.toml):\d+: ", re.M)


def unlined(out: str) -> str:
    """``validate``'s plain output without the line each problem is at (``a.toml:12:``
    as ``a.toml:``): for tests of what the problems say. Their lines are pinned by
    tests/test_problem_lines.py and the validate snapshots."""
    return _LINE_AFTER_FILE.sub(r"\1\2: ", out)
