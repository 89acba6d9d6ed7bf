"""32 processes at once through edits and rebuilds: no traceback, no other output.

Not timed, and bounded: a few rounds. Between rounds the corpus changes (an edit the
cache applies in place, a file added, which rebuilds it); in each round 32 processes
start together on the same cache, reading, remembering briefings, applying the edit
or rebuilding, and each one's output must be what a run without the cache gives.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROCESSES = 32
COMMANDS: list[tuple[str, ...]] = [
    ("show", "trade"),
    ("show", "china"),
    ("search", "trade"),
    ("list", "topics"),
]


def _run_all(corpus: Path, env: dict[str, str]) -> list[tuple[tuple[str, ...], int, str, str]]:
    procs = []
    for i in range(PROCESSES):
        command = COMMANDS[i % len(COMMANDS)]
        args = [sys.executable, "-m", "brief", "--no-bundled", "-c", str(corpus), *command]
        procs.append(
            (
                command,
                subprocess.Popen(
                    args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
                ),
            )
        )
    out = []
    for command, proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        out.append((command, proc.returncode, stdout, stderr))
    return out


def _expected(corpus: Path, env: dict[str, str]) -> dict[tuple[str, ...], tuple[int, str, str]]:
    got: dict[tuple[str, ...], tuple[int, str, str]] = {}
    for command in COMMANDS:
        done = subprocess.run(
            [sys.executable, "-m", "brief", "--no-bundled", "-c", str(corpus), *command],
            capture_output=True,
            text=True,
            env={**env, "BRIEF_NO_CACHE": "1"},
            timeout=300,
        )
        got[command] = (done.returncode, done.stdout, done.stderr)
    return got


def _settle(path: Path) -> None:
    """An mtime clearly in the past and new: the edit is seen, and not racily clean."""
    stamp = time.time_ns() - 30 * 10**9 - time.perf_counter_ns() % 10**9
    os.utime(path, ns=(stamp, stamp))
    os.utime(path.parent, ns=(stamp, stamp))


def test_32_processes_through_edits_and_rebuilds(mini: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "80"}
    trade = mini / "topics" / "trade.toml"
    edits: list[Callable[[], object]] = [
        lambda: None,  # the cold start: 32 processes building the cache at once
        lambda: trade.write_text(trade.read_text().replace("Who trades", "Who TRADES")),
        lambda: (mini / "topics" / "extra.toml").write_text(
            'format = 1\n[[topics]]\nid = "extra"\ntitle = "Extra"\nsummary = "New."\n'
        ),
        lambda: trade.write_text(trade.read_text().replace("Who TRADES", "Who trades")),
    ]
    for round_, edit in enumerate(edits):
        edit()
        _settle(trade)
        expected = _expected(mini, env)
        for command, code, stdout, stderr in _run_all(mini, env):
            assert "Traceback" not in stderr, (round_, command, stderr)
            assert (code, stdout, stderr) == expected[command], (round_, command, stderr)


def test_reader_of_a_replaced_cache_meets_the_new_ones_journal(mini: Path) -> None:
    """The race behind 'attempt to write a readonly database': a reader opened the old
    file, a rebuild renamed a new one in, and a writer's journal of the new file now
    sits beside the path. SQLite's docs warn of exactly this (renaming a database in
    use). The reader must neither fail nor rebuild: it reopens the file now in place."""
    from brief.corpus.layers import Layer
    from brief.store import CachedStore, cache_file, open_store
    from brief.store.build import build
    from brief.store.cachefile import connect_rw, open_file

    layers = [Layer(str(mini), str(mini))]
    build(layers, cache_file(layers))
    reader = open_store(layers)
    assert isinstance(reader, CachedStore)
    build(layers, cache_file(layers))  # a rebuild: a new file renamed over the old
    before = _generation(cache_file(layers), open_file)
    writer = connect_rw(cache_file(layers))  # as an edit or a remembered briefing writes
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM briefings")  # unsynced: its journal looks hot at once
    try:
        assert "Who trades with whom." in reader.briefing("trade").summary
        assert reader.resolve("commerce") == "trade"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert _generation(cache_file(layers), open_file) == before, "it rebuilt, not reopened"


def _generation(path: str, open_file: Callable[[str], Any]) -> bytes:
    opened = open_file(path)
    assert opened is not None
    opened.con.close()
    return bytes(opened.generation)
