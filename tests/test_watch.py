"""``--watch`` and the browser's live refresh: edit a corpus file, see the new output.

The watcher runs as a real process (``python -m brief``), as a reader runs it, and the
tests wait for what they expect with a deadline rather than sleeping fixed times.
Each corpus is dated back first (``settle``): the cache reads a file changed within
``cachefile.RACY_NS`` of a load as possibly changed (the racily-clean rule), so a
fresh copy would make the first seconds of a watch reopen the store on every poll.
That is correct but not what these tests look at; an edit then always moves a
file's time forward by a minute, whatever the file system's clock resolution.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from brief.corpus.layers import Layer
from brief.store import Watched, open_store
from brief.tui import make_app
from brief.tui.widgets import Block
from tests.conftest import run, settle

DEADLINE = 20.0
SUMMARY = "Who trades with whom."
EDITED = "Who trades with whom, and why."


class Watcher:
    """A ``brief ... --watch`` process, its output read as it comes."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        full = {**os.environ, "BRIEF_WATCH_INTERVAL": "0.05", **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "brief", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=full,
        )
        self.out = self._reader(self.proc.stdout)
        self.err = self._reader(self.proc.stderr)
        self.seen = {"out": "", "err": ""}

    @staticmethod
    def _reader(stream: IO[bytes] | None) -> queue.Queue[str]:
        got: queue.Queue[str] = queue.Queue()

        def pump() -> None:
            assert stream is not None
            for line in iter(stream.readline, b""):
                got.put(line.decode())

        threading.Thread(target=pump, daemon=True).start()
        return got

    def _drain(self) -> None:
        for name, got in (("out", self.out), ("err", self.err)):
            while not got.empty():
                self.seen[name] += got.get_nowait()

    def wait_for(self, text: str, where: str = "out", count: int = 1) -> str:
        """Wait until *text* has appeared *count* times on stdout (or stderr)."""
        end = time.monotonic() + DEADLINE
        while self.seen[where].count(text) < count:
            if time.monotonic() > end or self.proc.poll() is not None:
                self._drain()
                raise AssertionError(f"never saw {text!r} x{count}; got {self.seen!r}")
            time.sleep(0.02)
            self._drain()
        return self.seen[where]

    def interrupt(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=DEADLINE)
        time.sleep(0.1)  # the pumps reach the end of the pipes
        self._drain()
        return code

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def corpus(mini: Path) -> Path:
    settle(mini)
    return mini


@pytest.fixture
def watcher(corpus: Path) -> Iterator[list[Watcher]]:
    started: list[Watcher] = []
    yield started
    for each in started:
        each.stop()


def start(watchers: list[Watcher], corpus: Path, *args: str) -> Watcher:
    w = Watcher("--no-bundled", "--corpus", str(corpus), *args)
    watchers.append(w)
    return w


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))


def test_show_watch_prints_each_new_version_and_exits_0_on_ctrl_c(
    corpus: Path, watcher: list[Watcher]
) -> None:
    trade = corpus / "topics" / "trade.toml"
    w = start(watcher, corpus, "show", "trade", "--watch")
    w.wait_for(SUMMARY)
    edit(corpus / "topics" / "security.toml", "Buffers and borders.", "Borders.")
    edit(trade, SUMMARY, EDITED)
    out = w.wait_for(EDITED)
    # the edit to another topic did not change this output: no version for it
    assert out.count("--- brief: updated ") == 1
    assert out.index(SUMMARY) < out.index("--- brief: updated ") < out.index(EDITED)
    assert w.interrupt() == 0
    assert "Traceback" not in w.seen["err"] and "KeyboardInterrupt" not in w.seen["err"]


def test_an_invalid_edit_is_reported_and_the_watch_recovers(
    corpus: Path, watcher: list[Watcher]
) -> None:
    trade = corpus / "topics" / "trade.toml"
    good = trade.read_text()
    w = start(watcher, corpus, "show", "trade", "--watch")
    w.wait_for(SUMMARY)
    trade.write_text(good + "oops = [\n")
    err = w.wait_for("(still watching)", "err")
    assert f"brief: warning: {trade}:" in err and ": TOML syntax error" in err
    assert f"'trade' is defined in the skipped file {trade}" in err
    trade.write_text(good.replace(SUMMARY, EDITED))
    w.wait_for(EDITED)  # fixed: the output comes back
    assert w.proc.poll() is None
    assert w.interrupt() == 0


def test_json_watch_prints_one_document_a_line(corpus: Path, watcher: list[Watcher]) -> None:
    w = start(watcher, corpus, "show", "trade", "--watch", "--format", "json")
    w.wait_for(SUMMARY)
    edit(corpus / "topics" / "trade.toml", SUMMARY, EDITED)
    w.wait_for(EDITED)
    assert w.interrupt() == 0
    lines = w.seen["out"].splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["summary"] for d in docs] == [SUMMARY, EDITED]


@pytest.mark.parametrize("fmt", ["plain", "json"])
def test_a_watch_whose_reader_has_gone_ends_at_once_silently(corpus: Path, fmt: str) -> None:
    """``brief show trade --watch | head -1`` ends when head does, as ``brief show trade |
    head -1`` would (silently, status 1), not at a next change that may never come: the
    interval is an hour, so only noticing the pipe's hang-up while waiting ends it."""
    import select

    args = ["--no-bundled", "--corpus", str(corpus), "show", "trade", "--watch", "-f", fmt]
    proc = subprocess.Popen(
        [sys.executable, "-m", "brief", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "BRIEF_WATCH_INTERVAL": "3600"},
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        assert select.select([proc.stdout], [], [], DEADLINE)[0], "nothing was drawn"
        assert os.read(proc.stdout.fileno(), 4)  # what head reads, then it exits
        proc.stdout.close()
        assert proc.wait(timeout=DEADLINE) == 1
        assert proc.stderr.read() == b""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_compare_watch_redraws(corpus: Path, watcher: list[Watcher]) -> None:
    w = start(watcher, corpus, "compare", "china", "russia", "--watch")
    w.wait_for("China is the main trading partner.")
    edit(corpus / "topics" / "trade.toml", "the main trading partner", "the largest partner")
    w.wait_for("China is the largest partner.")
    assert w.interrupt() == 0


def test_graph_watch_redraws_when_a_relation_changes(
    tmp_path: Path, watcher: list[Watcher]
) -> None:
    corpus = tmp_path / "relations"
    shutil.copytree(Path(__file__).parent / "corpora" / "relations", corpus)
    settle(corpus)
    w = start(watcher, corpus, "graph", "united-states", "--watch")
    w.wait_for("pressures")
    assert "opposes" not in w.seen["out"]
    edit(corpus / "relations.toml", 'relation = "pressures"', 'relation = "opposes"')
    out = w.wait_for("opposes")
    assert out.index("pressures") < out.index("--- brief: updated ") < out.index("opposes")
    edit(corpus / "relations.toml", 'relation = "opposes"', 'relation = "opposez"')
    err = w.wait_for("did you mean 'opposes'", where="err")  # said, and the watch goes on
    assert "BRIEF021" in err and w.proc.poll() is None
    assert w.interrupt() == 0


@pytest.mark.parametrize("columns", [80, 40])
def test_a_terminal_gets_the_alternate_screen_and_it_back(corpus: Path, columns: int) -> None:
    import fcntl
    import pty
    import select
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {**os.environ, "BRIEF_WATCH_INTERVAL": "0.05"}
    env.pop("COLUMNS", None)
    args = ["--no-bundled", "--corpus", str(corpus), "show", "trade", "--watch"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "brief", *args], stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    seen = b""

    def read_until(text: bytes) -> None:
        nonlocal seen
        end = time.monotonic() + DEADLINE
        while text not in seen:
            assert time.monotonic() < end, seen
            if not select.select([leader], [], [], 0.1)[0]:
                continue
            try:
                seen += os.read(leader, 65536)
            except OSError:  # the other end closed
                assert text in seen, seen
                return

    try:
        read_until(b"Ctrl-C quits")
        assert seen.startswith(b"\x1b[?1049h")  # the alternate screen, as watch(1)
        # the status line fits the width, keeping how to quit
        status = "brief show trade · " + ("updated " if columns == 80 else "Ctrl-C quits\x1b")
        assert status.encode() in seen
        edit(corpus / "topics" / "trade.toml", SUMMARY, EDITED)
        read_until(EDITED.encode())
        proc.send_signal(signal.SIGINT)
        read_until(b"\x1b[?1049l")  # and back to the screen the reader had
        assert proc.wait(timeout=DEADLINE) == 0
        assert b"Traceback" not in seen
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)


def test_a_bad_interval_is_a_usage_error(corpus: Path) -> None:
    result = run(
        "--no-bundled",
        "--corpus",
        str(corpus),
        "show",
        "trade",
        "--watch",
        env={"BRIEF_WATCH_INTERVAL": "soon"},
    )
    assert result.exit_code == 2
    assert "BRIEF_WATCH_INTERVAL: expected seconds from 0.05 to 3600, got 'soon'" in result.stderr


# the freshness check itself


def quiet(watched: Watched) -> None:
    """Reopen until nothing changed: at most twice, as the generation is taken before
    opening (a cache this process updated reads as changed once more)."""
    for _ in range(2):
        if watched.changed():
            watched.reopen()
    assert not watched.changed()


@pytest.mark.parametrize("cache", [True, False])
def test_watched_says_changed_only_after_an_edit(corpus: Path, cache: bool) -> None:
    watched = Watched([Layer(str(corpus), "mini")], use_cache=cache)
    quiet(watched)
    trade = corpus / "topics" / "trade.toml"
    edit(trade, SUMMARY, EDITED)
    assert watched.changed()
    settle(corpus)  # out of the racy window: once read again, it is clean
    quiet(watched)
    assert watched.store.briefing("trade").summary == EDITED


def test_watched_notices_an_edit_another_process_applied_first(corpus: Path) -> None:
    layers = [Layer(str(corpus), "mini")]
    watched = Watched(layers)
    quiet(watched)
    edit(corpus / "topics" / "trade.toml", SUMMARY, EDITED)
    settle(corpus)
    open_store(layers)  # another 'brief show': the cache is fresh again, but newer
    assert watched.changed()
    assert watched.reopen().briefing("trade").summary == EDITED


# the browser


def _text(app: object) -> str:
    return "\n".join(b.base.plain for b in app.screen.query(Block))  # type: ignore[attr-defined]


async def _until(pilot: object, done: object) -> None:
    end = time.monotonic() + DEADLINE
    while not done():  # type: ignore[operator]
        assert time.monotonic() < end, "the browser never refreshed"
        await pilot.pause(0.05)  # type: ignore[attr-defined]


async def test_the_browser_refreshes_the_page_keeping_its_place(corpus: Path) -> None:
    watched = Watched([Layer(str(corpus), "mini")])
    app = make_app(watched.store, start="trade", watched=watched, every=0.05)
    app.animation_level = "none"
    trade = corpus / "topics" / "trade.toml"
    good = trade.read_text()
    async with app.run_test(size=(60, 12)) as pilot:
        reader = app.browser.reader
        reader.scroll_to(y=4, animate=False, immediate=True)
        await pilot.pause()
        assert reader.scroll_y == 4 and SUMMARY in _text(app)
        trade.write_text(good.replace("China trades little.", "China trades a little."))
        await _until(pilot, lambda: "China trades a little." in _text(app))
        await pilot.pause()
        assert reader.scroll_y == 4  # the same place on the new page
        trade.write_text(good + "oops = [\n")  # broken: the page says so, the count too
        await _until(pilot, lambda: "No longer in the corpus" in _text(app))
        assert "'trade' is defined in the skipped file mini/topics/trade.toml" in _text(app)
        assert app.sub_title == "1 topic · 3 actors · 2 sources · 1 file skipped (w)"
        assert app.warnings[0].startswith("mini/topics/trade.toml:")
        trade.write_text(good)  # fixed: the page comes back where it was
        await _until(pilot, lambda: "China trades little." in _text(app))
        await pilot.pause()
        assert app.sub_title == "2 topics · 3 actors · 2 sources"
        assert not app.warnings
        assert reader.scroll_y == 4


def test_a_show_without_watch_imports_no_watching(tmp_path: Path) -> None:
    """--watch costs a run without it nothing: its loop is imported only when asked for."""
    from tests.test_import_hygiene import warm_show

    said, mods = warm_show(tmp_path, "show", "sanctions")
    assert not said
    assert "brief.cli.reading" in mods
    assert {"brief.cli.watch", "brief.store.watching"} & mods == set()


@pytest.mark.parametrize("quiet", [False, True])
def test_quiet_leaves_the_corpus_warnings_out_of_a_watch(
    corpus: Path, watcher: list[Watcher], quiet: bool
) -> None:
    """``brief -q show X --watch`` as ``brief -q show X``: no warnings about other files
    (a new user's watch drew four lines of them above the briefing)."""
    (corpus / "broken.toml").write_text("format = 1\n[[topics]\n")
    settle(corpus)
    w = Watcher(
        *(["-q"] if quiet else []),
        "--no-bundled",
        "--corpus",
        str(corpus),
        "show",
        "trade",
        "--watch",
    )
    watcher.append(w)
    w.wait_for(SUMMARY)
    edit(corpus / "topics" / "trade.toml", SUMMARY, EDITED)
    w.wait_for(EDITED)  # a second version drawn: its warnings would be told by now
    assert w.interrupt() == 0
    assert ("brief: warning:" in w.seen["err"]) is not quiet
