"""The cache is private, refuses what it does not own, cleans up after itself, and is
never racily clean (an edit in the same second as the cache was written is seen)."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from brief.corpus.layers import Layer
from brief.store import cache_dir, cache_file, open_store
from brief.store.cachefile import locked, prune

from .conftest import run


def layers(corpus: Path) -> list[Layer]:
    return [Layer(str(corpus), str(corpus))]


def show(corpus: Path, name: str = "trade") -> str:
    result = run("--no-bundled", "-c", str(corpus), "show", name)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_cache_is_private_whatever_the_umask(mini: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        show(mini)
        show(mini)  # remembers a briefing: an in-place write, with its journal
    finally:
        os.umask(old)
    folder = Path(cache_dir())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    made = list(folder.iterdir())
    assert made
    for path in made:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_cache_not_owned_is_refused(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache file of another owner is never read (here: we pretend to be someone else)."""
    show(mini)
    path = cache_file(layers(mini))
    con = sqlite3.connect(path)
    con.execute("UPDATE briefings SET data = x'00'")  # would be rebuilt anyway; mark it
    con.execute("DELETE FROM names")
    con.commit()
    con.close()
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    store = open_store(layers(mini))
    assert type(store).__name__ == "LiveStore"  # not the cache, and none written
    assert "Who trades with whom." in store.briefing("trade").summary


def test_cache_folder_open_to_others_is_not_used(mini: Path) -> None:
    show(mini)
    folder = Path(cache_dir())
    folder.chmod(0o777)
    try:
        assert type(open_store(layers(mini))).__name__ == "CachedStore"  # ours: made private
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        folder.chmod(0o700)


def test_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache_dir() == os.path.join(os.path.expanduser("~"), ".cache", "brief")


def test_temp_file_is_removed_when_the_cache_cannot_be_written(mini: Path) -> None:
    path = Path(cache_file(layers(mini)))
    path.mkdir(parents=True)  # the cache path is a folder: the rename fails
    show(mini)
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert path.is_dir()


def test_temp_file_is_removed_on_ctrl_c(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brief.store import build

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_store(layers(mini))
    assert [p.name for p in Path(cache_dir()).iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temp_files_are_swept(mini: Path) -> None:
    folder = Path(cache_dir())
    folder.mkdir(parents=True, mode=0o700)
    old = folder / ".corpus-0-0.sqlite.1234.tmp"
    old.write_bytes(b"x" * 100)
    long_ago = time.time() - 2 * 86400
    os.utime(old, (long_ago, long_ago))
    fresh = folder / ".corpus-0-0.sqlite.5678.tmp"  # another process's build in progress
    fresh.write_bytes(b"x")
    prune(cache_file(layers(mini)))
    assert not old.exists() and fresh.exists()


class _Coarse:
    """A stat result as a file system with 1-second timestamps gives it."""

    def __init__(self, info: os.stat_result) -> None:
        self._info = info
        self.st_mtime_ns = info.st_mtime_ns // 10**9 * 10**9
        self.st_ctime_ns = self.st_mtime_ns  # as if changed in the same second

    def __getattr__(self, name: str) -> Any:
        return getattr(self._info, name)


def test_edit_in_the_same_second_is_seen(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git's racily clean entries: a file not older than the cache's own write time is
    checked again by content, however coarse the file system's clock."""
    real_stat, real_fstat = os.stat, os.fstat
    monkeypatch.setattr(os, "stat", lambda *a, **k: _Coarse(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: _Coarse(real_fstat(fd)))
    path = mini / "topics/trade.toml"
    now = int(time.time())
    os.utime(path, (now, now))
    assert "Who trades with whom." in show(mini)
    path.write_text(path.read_text().replace("Who trades", "Who TRADES"))  # same size
    os.utime(path, (now, now))
    assert "Who TRADES with whom." in show(mini)


def test_lock_works_without_fcntl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where there is no fcntl (Windows), the lock is a file created exclusively."""
    monkeypatch.setitem(sys.modules, "fcntl", None)
    path = str(tmp_path / "c.sqlite")
    with locked(path) as held:
        assert held
        with locked(path, wait=False) as again:
            assert not again
    with locked(path, wait=False) as after:
        assert after


def test_cache_works_without_fcntl(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fcntl", None)
    assert "Who trades with whom." in show(mini)
    assert "Who trades with whom." in show(mini)
    assert type(open_store(layers(mini))).__name__ == "CachedStore"


def test_a_shared_folder_is_neither_used_nor_changed(mini: Path, tmp_path: Path) -> None:
    """A cache path in a folder other than brief's own that others may enter (``/tmp``,
    given to ``build`` by a script): the folder keeps its mode and gets no cache."""
    from brief.store.build import build

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    try:
        store = build(layers(mini), str(shared / "c.sqlite"))
        assert "Who trades with whom." in store.briefing("trade").summary
        assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
        assert list(shared.iterdir()) == []
    finally:
        shared.chmod(0o700)


def test_a_folder_made_for_the_cache_is_private(mini: Path, tmp_path: Path) -> None:
    from brief.store.build import build

    old = os.umask(0o022)
    try:
        build(layers(mini), str(tmp_path / "new" / "deeper" / "c.sqlite"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new" / "deeper").stat().st_mode) == 0o700
    assert (tmp_path / "new" / "deeper" / "c.sqlite").exists()
