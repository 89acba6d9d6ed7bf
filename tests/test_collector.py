"""The cycle collector: off while brief starts and loads, on again for what runs on.

See ``brief.core.collector``. Each test leaves the collector as it found it: on, with
nothing frozen.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

import brief.cli.watch
from brief.core.collector import paused, resume
from brief.corpus.layers import Layer
from brief.store import open_store
from brief.tui import make_app
from tests.conftest import run


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()
    gc.unfreeze()


def test_paused_turns_the_collector_off_then_on_leaving_out_what_was_made() -> None:
    frozen = gc.get_freeze_count()
    with paused():
        assert not gc.isenabled()
        made: list[list[int]] = [[] for _ in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(made)


def test_paused_leaves_the_collector_off_when_it_was_off() -> None:
    gc.disable()
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_resume_leaves_a_running_collector_alone() -> None:
    resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_console_script_starts_with_the_collector_off() -> None:
    said = subprocess.run(
        [
            sys.executable,
            "-c",
            "import atexit, gc, sys\n"
            "atexit.register(lambda: sys.stderr.write(f'collecting={gc.isenabled()}'))\n"
            "sys.argv = ['brief', 'list', 'topics']\n"
            "from brief.cli.entry import main\n"
            "main()\n",
        ],
        capture_output=True,
        text=True,
    )
    assert said.returncode == 0, said.stderr
    assert "sanctions" in said.stdout
    assert said.stderr.endswith("collecting=False")


async def test_the_tui_turns_the_collector_on_once_its_first_screen_is_drawn() -> None:
    app = make_app(open_store([Layer(str(Path("briefs").resolve()), "bundled")]))
    gc.disable()  # as the console script starts
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0


def test_a_watch_turns_the_collector_on_once_it_has_drawn(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def sleep(seconds: float) -> None:  # the first wait for a change: stop there
        seen.append(gc.isenabled())
        raise KeyboardInterrupt

    clock = SimpleNamespace(**{n: getattr(time, n) for n in dir(time) if not n.startswith("_")})
    clock.sleep = sleep  # the watch's own, not every module's
    monkeypatch.setattr(brief.cli.watch, "time", clock)
    gc.disable()
    result = run("--no-bundled", "--corpus", str(mini), "show", "trade", "--watch")
    assert result.exit_code == 0, result.stderr
    assert "Who trades with whom." in result.stdout
    assert seen == [True]
