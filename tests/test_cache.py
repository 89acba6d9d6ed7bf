"""The persistent cache: never stale, rebuilt when broken, safe with concurrent starts."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from brief.corpus.layers import Layer
from brief.store import CachedStore, LiveStore, cache_file, open_cached, open_store

from .conftest import run


def layers(corpus: Path) -> list[Layer]:
    return [Layer(str(corpus), str(corpus))]  # as `--corpus DIR` names it


def show(corpus: Path, name: str = "trade") -> str:
    result = run("--no-bundled", "-c", str(corpus), "show", name)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def touch_later(path: Path) -> None:
    """Make sure a rewrite gets a new mtime even on coarse file systems."""
    stamp = path.stat().st_mtime_ns + 2_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_second_open_is_served_from_the_cache(mini: Path) -> None:
    first = open_store(layers(mini))
    assert isinstance(first, LiveStore)
    second = open_store(layers(mini))
    assert isinstance(second, CachedStore)
    assert second.briefing("trade") == first.briefing("trade")
    assert second.resolve("commerce") == "trade"
    assert second.index().topics.keys() == first.index().topics.keys()


def test_edited_file_is_seen_at_once(mini: Path) -> None:
    assert "Who trades with whom." in show(mini)
    path = mini / "topics/trade.toml"
    path.write_text(path.read_text().replace("Who trades with whom.", "Edited summary."))
    touch_later(path)
    assert "Edited summary." in show(mini)


def test_edit_with_same_size_and_new_mtime_is_seen(mini: Path) -> None:
    show(mini)
    path = mini / "topics/trade.toml"
    path.write_text(path.read_text().replace("Who trades", "Who TRADES"))
    touch_later(path)
    assert "Who TRADES with whom." in show(mini)


def test_added_file_is_seen_at_once(mini: Path) -> None:
    show(mini)
    (mini / "topics" / "new.toml").write_text(
        'format = 1\n[[topics]]\nid = "fresh"\ntitle = "Fresh"\nsummary = "New here."\n'
    )
    assert "New here." in show(mini, "fresh")


def test_added_file_in_a_new_folder_is_seen(mini: Path) -> None:
    show(mini)
    (mini / "deep" / "deeper").mkdir(parents=True)
    (mini / "deep" / "deeper" / "x.toml").write_text(
        'format = 1\n[[topics]]\nid = "deep"\ntitle = "Deep"\nsummary = "Down here."\n'
    )
    assert "Down here." in show(mini, "deep")


def test_removed_file_is_seen_at_once(mini: Path) -> None:
    show(mini, "security")
    (mini / "topics/security.toml").unlink()
    result = run("--no-bundled", "-c", str(mini), "show", "security")
    assert result.exit_code == 1


def test_warnings_survive_the_cache(mini: Path) -> None:
    (mini / "broken.toml").write_text("format = 1\n[[topics]\n")
    for _ in range(2):  # cold, then warm: the same warning both times
        result = run("--no-bundled", "-c", str(mini), "show", "trade")
        assert result.exit_code == 0
        assert result.stderr.count("broken.toml") == 1


def test_corrupt_cache_is_rebuilt_silently(mini: Path) -> None:
    expected = show(mini)
    path = Path(cache_file(layers(mini)))
    assert path.exists()
    path.write_bytes(b"this is not a database" * 100)
    assert open_cached(str(path)) is None
    result = run("--no-bundled", "-c", str(mini), "show", "trade")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")
    assert isinstance(open_cached(str(path)), CachedStore)  # and it was rewritten


def test_truncated_cache_is_rebuilt(mini: Path) -> None:
    expected = show(mini)
    path = Path(cache_file(layers(mini)))
    path.write_bytes(path.read_bytes()[:200])
    assert show(mini) == expected


def test_deleted_cache_is_rebuilt(mini: Path) -> None:
    expected = show(mini)
    Path(cache_file(layers(mini))).unlink()
    assert show(mini) == expected
    assert Path(cache_file(layers(mini))).exists()


def test_unwritable_cache_folder_still_answers(mini: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = run(
        "--no-bundled", "-c", str(mini), "show", "trade", env={"XDG_CACHE_HOME": str(blocker)}
    )
    assert result.exit_code == 0 and "Who trades with whom." in result.stdout


def test_no_cache_env_reads_the_files(mini: Path) -> None:
    """With ``BRIEF_NO_CACHE`` the files are read: no cache is written, none is read."""
    no_cache = {"BRIEF_NO_CACHE": "1"}
    args = ("--no-bundled", "-c", str(mini), "show", "trade")
    path = Path(cache_file(layers(mini)))
    result = run(*args, env=no_cache)
    assert result.exit_code == 0 and "Who trades with whom." in result.stdout
    assert not path.exists()  # nothing written

    show(mini)  # a cache, then emptied behind brief's back: only the files know "trade"
    con = sqlite3.connect(path)
    con.executescript(
        "DELETE FROM names; DELETE FROM entries; DELETE FROM claims; DELETE FROM briefings;"
    )
    con.close()
    written = path.stat().st_mtime_ns
    assert run(*args).exit_code == 1  # the cache, read
    result = run(*args, env=no_cache)
    assert result.exit_code == 0 and "Who trades with whom." in result.stdout  # the files
    assert path.stat().st_mtime_ns == written

    topic = mini / "topics/trade.toml"
    topic.write_text(topic.read_text().replace("Who trades with whom.", "Edited summary."))
    result = run(*args, env=no_cache)
    assert result.exit_code == 0 and "Edited summary." in result.stdout
    assert path.stat().st_mtime_ns == written  # the edit was read, and not cached


def test_different_layers_get_different_caches(mini: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    assert cache_file(layers(mini)) != cache_file([Layer(str(other), "o")])
    assert cache_file(layers(mini)) != cache_file([*layers(mini), Layer(str(other), "o")])


def test_two_processes_starting_at_once_both_succeed(mini: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "shared-cache")}
    cmd = [sys.executable, "-m", "brief", "--no-bundled", "-c", str(mini), "show", "trade"]
    for _ in range(3):
        procs = [
            subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(4)
        ]
        outs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
        assert len({out for out, _ in outs}) == 1 and b"Who trades with whom." in outs[0][0]
        assert all(err == b"" for _, err in outs)
        Path(cache_file(layers(mini))).unlink(missing_ok=True)  # race the cold start again
    leftovers = [p.name for p in (tmp_path / "shared-cache" / "brief").iterdir()]
    assert all(not name.endswith(".tmp") for name in leftovers), leftovers


def test_cache_is_fresh_after_many_quick_edits(mini: Path) -> None:
    path = mini / "topics/trade.toml"
    for i in range(3):
        path.write_text(path.read_text().replace(f"v{i - 1}" if i else "whom.", f"v{i}"))
        touch_later(path)
        time.sleep(0.01)
        assert f"v{i}" in show(mini)


def test_cache_tables_hold_the_corpus_as_loaded(mini: Path) -> None:
    from brief.corpus.load import load
    from brief.store.read import whole_corpus

    show(mini)
    con = sqlite3.connect(cache_file(layers(mini)))
    assert whole_corpus(con) == load(layers(mini)).corpus


def test_building_a_cache_removes_those_it_replaces(mini: Path) -> None:
    """A new version's cache replaces the old one's; caches unused for a month go."""
    path = Path(cache_file(layers(mini)))
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    same_layers = path.name.rsplit("-", 1)[0]
    old_version = folder / f"{same_layers}-00000000.sqlite"
    other = folder / "corpus-11111111-22222222.sqlite"
    stale = folder / "corpus-33333333-44444444.sqlite"
    orphan = folder / "corpus-55555555-66666666.sqlite.lock"
    for f in (old_version, Path(f"{old_version}.lock"), other, stale, orphan):
        f.write_bytes(b"")
    month_ago = time.time() - 40 * 86_400
    os.utime(stale, (month_ago, month_ago))
    show(mini)  # builds this layers' cache
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([path.name, f"{path.name}.lock", other.name])
