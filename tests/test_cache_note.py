"""A load whose cache cannot be written says so, when that costs time.

A trial's cache folder was read-only: every run read the 3,000-topic corpus again
(3.5 s, not 0.2 s) and nothing said why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import CORPORA, run

NOTE = "brief: note: the cache could not be written ("


def _show(cache: Path) -> str:
    env = {"XDG_CACHE_HOME": str(cache)}
    result = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "show", "trade", env=env)
    assert result.exit_code == 0 and "Trade" in result.stdout, result.stderr
    return result.stderr


def test_a_slow_load_says_its_cache_could_not_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("brief.cli.context.SLOW_LOAD", 0.0)  # every load counts as slow
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "brief").write_text("a file where the cache folder goes\n")
    said = [line for line in _show(cache).splitlines() if line.startswith(NOTE)]
    assert len(said) == 1 and f"{cache}/brief" in said[0]
    assert said[0].endswith("every run reads the corpus again (see 'brief paths')")
    assert not any(line.startswith(NOTE) for line in _quiet(cache).splitlines())


def _quiet(cache: Path) -> str:
    env = {"XDG_CACHE_HOME": str(cache)}
    return run(
        "-q", "--no-bundled", "--corpus", str(CORPORA / "mini"), "show", "trade", env=env
    ).stderr


def test_a_cache_written_or_a_fast_load_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    assert NOTE not in _show(cache)  # written
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "brief").write_text("x\n")
    assert NOTE not in _show(blocked)  # not written, but the corpus reads fast
    monkeypatch.setattr("brief.cli.context.SLOW_LOAD", 0.0)
    assert os.path.isdir(cache / "brief") and NOTE not in _show(cache)  # from the cache
