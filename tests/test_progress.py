"""A long load's progress on stderr: in a terminal only, after a second, never changing a load."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.cli import cli
from brief.corpus.layers import Layer, bundled_root
from brief.corpus.load import load
from brief.corpus.stamps import Stamps
from brief.corpus.trace import Trace
from brief.render import progress
from brief.render.progress import FileProgress

from .conftest import CORPORA, run, settle

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _layers(name: str, tmp_path: Path) -> list[Layer]:
    if name == "bundled":
        return [Layer(str(bundled_root()), "[bundled]")]
    copy = tmp_path / name
    shutil.copytree(CORPORA / name, copy)
    (copy / "unlisted").mkdir()  # a folder that cannot be listed: reported, in its place
    (copy / "unlisted").chmod(0)
    # a missing layer between two: its problem keeps its place among the others
    return [Layer(str(copy), "low"), Layer(str(tmp_path / "gone"), "gone"), Layer(str(copy), "hi")]


@pytest.mark.parametrize("name", ["bundled", "mini", "hostile"])
def test_a_load_told_its_progress_is_the_same_load(name: str, tmp_path: Path) -> None:
    layers = _layers(name, tmp_path)
    told: list[tuple[int, int]] = []
    stamps, trace = Stamps(), Trace()
    quiet_stamps, quiet_trace = Stamps(), Trace()
    with_progress = load(layers, stamps, trace, on_file=lambda d, t: told.append((d, t)))
    without = load(layers, quiet_stamps, quiet_trace)
    assert with_progress == without
    assert list(stamps.folders) == list(quiet_stamps.folders)
    assert list(stamps.files) == list(quiet_stamps.files)
    assert [t.name for t in trace.files] == [t.name for t in quiet_trace.files]
    total = len(without.files)
    assert told == [(n, total) for n in range(total + 1)]  # (0, total) first, then each file
    if name != "bundled":
        assert "gone/" in without.skipped


def test_nothing_shows_before_the_threshold_and_rich_is_not_imported() -> None:
    code = (
        "import io, sys\n"
        "from brief.render.progress import FileProgress\n"
        "class T(io.StringIO):\n    def isatty(self): return True\n"
        "now = [0.0]\n"
        "out = T()\n"
        "shown = FileProgress(out, after=1.0, clock=lambda: now[0])\n"
        "now[0] = 0.9\n"
        "shown(5, 100)\n"
        "shown.close()\n"
        "assert out.getvalue() == '', out.getvalue()\n"
        "assert 'rich' not in sys.modules\n"
        "now[0] = 1.5\n"
        "shown(6, 100)\n"
        "assert 'rich' in sys.modules\n"
        "shown.close()\n"
        "assert '6/100' in out.getvalue(), out.getvalue()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_quick_load_that_ends_shows_nothing() -> None:
    now = [0.0]
    out = Terminal()
    with FileProgress(out, after=1.0, clock=lambda: now[0]) as shown:
        shown(0, 3)
        now[0] = 2.0
        shown(3, 3)  # done by the time it would show: nothing to show
    assert out.getvalue() == ""


def test_progress_shows_rate_and_count() -> None:
    now = [0.0]
    out = Terminal()
    with FileProgress(out, after=1.0, clock=lambda: now[0]) as shown:
        shown(0, 4000)
        now[0] = 2.0
        shown(1000, 4000)
    written = _ANSI.sub("", out.getvalue())
    assert "reading the corpus" in written
    assert "1000/4000 files" in written and "500/s" in written


def _in_a_terminal(monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    """What ``brief ARGS`` writes to a stderr that is a terminal, with no threshold."""
    monkeypatch.setattr(progress, "AFTER", 0.0)
    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    cli.main(list(args), prog_name="brief", standalone_mode=False)
    return _ANSI.sub("", stderr.getvalue())


@pytest.mark.parametrize("command", [("validate",), ("list", "topics")])
def test_a_load_in_a_terminal_shows_its_progress(
    monkeypatch: pytest.MonkeyPatch,
    mini: Path,
    command: tuple[str, ...],
) -> None:
    written = _in_a_terminal(monkeypatch, "--no-bundled", "-c", str(mini), *command)
    total = len(list(mini.rglob("*.toml")))
    assert "reading the corpus" in written and f"/{total} files" in written


def test_a_warm_start_in_a_terminal_shows_no_progress(
    monkeypatch: pytest.MonkeyPatch, mini: Path
) -> None:
    settle(mini)
    assert run("--no-bundled", "-c", str(mini), "list", "topics").exit_code == 0  # builds
    written = _in_a_terminal(monkeypatch, "--no-bundled", "-c", str(mini), "list", "topics")
    assert "reading the corpus" not in written


@pytest.mark.parametrize(("command", "said"), [(("validate",), ["ok: "]), (("list", "topics"), [])])
def test_piped_stderr_gets_no_progress(
    monkeypatch: pytest.MonkeyPatch, mini: Path, command: tuple[str, ...], said: list[str]
) -> None:
    monkeypatch.setattr(progress, "AFTER", 0.0)
    shown = run("--no-bundled", "-c", str(mini), *command)
    assert shown.exit_code == 0
    lines = shown.stderr.splitlines()
    assert [line[: len(start)] for line, start in zip(lines, said, strict=False)] == said
    assert len(lines) == len(said)  # only what the command says, no progress line


def test_once_every_file_is_read_a_spinner_says_what_is_being_done() -> None:
    now = [0.0]
    out = Terminal()
    with FileProgress(out, after=1.0, clock=lambda: now[0]) as shown:
        shown(0, 4000)
        now[0] = 2.0
        shown(1000, 4000)
        shown.phase("indexing")  # before every file is read: still the bar
        assert "indexing" not in _ANSI.sub("", out.getvalue())
        now[0] = 3.0
        shown(4000, 4000)  # the cache is written after this: no count left to show
        finishing = _ANSI.sub("", out.getvalue())
        shown.phase("writing the cache")
        said = _ANSI.sub("", out.getvalue())
    assert "4,000 files read; finishing" in finishing
    assert "4000/4000" not in finishing  # not a full bar that seems stuck
    assert "4,000 files read; writing the cache" in said


def test_a_build_tells_its_phases_in_order(tmp_path: Path) -> None:
    """What follows the reading of the files is named, part by part, to a listener."""
    from brief.store.build import build

    told: list[str] = []

    class Listener:
        def __call__(self, done: int, total: int) -> None:
            pass

        def phase(self, what: str) -> None:
            told.append(what)

    build(_layers("mini", tmp_path), str(tmp_path / "cache" / "c.sqlite"), Listener())
    assert told == ["checking references", "indexing", "writing the cache"]
    told.clear()
    build(_layers("mini", tmp_path / "again"), None, Listener())  # no cache to write
    assert told == ["checking references", "indexing"]


def test_an_export_in_a_terminal_shows_its_pages_written(
    monkeypatch: pytest.MonkeyPatch, mini: Path, tmp_path: Path
) -> None:
    """An export of 10,000 topics wrote for 38 s with nothing on the screen."""
    site = tmp_path / "site"
    written = _in_a_terminal(monkeypatch, "--no-bundled", "-c", str(mini), "export", str(site))
    entries = len(list(site.glob("topic-*.html")) + list(site.glob("actor-*.html")))
    entries += len(list(site.glob("source-*.html")))
    assert "writing the export" in written and f"/{entries} entry pages" in written
    assert f"{entries:,} entry pages written; finishing" in written
    assert written.rstrip().endswith(f"(open {site / 'index.html'})")


def test_a_piped_export_shows_no_progress(
    monkeypatch: pytest.MonkeyPatch, mini: Path, tmp_path: Path
) -> None:
    monkeypatch.setattr(progress, "AFTER", 0.0)
    shown = run("--no-bundled", "-c", str(mini), "export", str(tmp_path / "site"))
    assert shown.exit_code == 0, shown.stderr
    assert shown.stderr.startswith("brief: wrote ") and len(shown.stderr.splitlines()) == 1
