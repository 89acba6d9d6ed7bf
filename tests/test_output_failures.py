"""Every output failure is one line on stderr (or silence for a closed pipe) and a
documented exit code, never a traceback; the pager is waited for, even on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BRIEF = [sys.executable, "-m", "brief"]


def sh(script: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run *script* in bash with ``$BRIEF`` the command; its last line echoes a status."""
    full = {
        **os.environ,
        "BRIEF": " ".join(BRIEF),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "COLUMNS": "80",
        **env,
    }
    full.pop("PYTHONIOENCODING", None)
    full.update(env)
    # errors="replace": output in another encoding (latin-1's "·") is read, not fatal
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        errors="replace",
        env=full,
        timeout=60,
    )


@pytest.fixture
def big(tmp_path: Path) -> Path:
    """A corpus whose one briefing is far larger than a pipe's buffer (64 KiB)."""
    corpus = tmp_path / "big"
    corpus.mkdir()
    summary = "Word after word, a long summary. " * 12_000  # about 400 KB
    (corpus / "t.toml").write_text(
        f'format = 1\n[[topics]]\nid = "long"\ntitle = "Long"\nsummary = "{summary}"\n'
    )
    return corpus


def test_closed_stdout_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = sh('$BRIEF show sanctions >&-; echo "status $?"', tmp_path)
    assert done.stdout == "status 1\n"
    assert done.stderr == "brief: cannot write output: standard output is closed\n"


def test_full_disk_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = sh('$BRIEF show sanctions > /dev/full; echo "status $?"', tmp_path)
    assert done.stdout == "status 1\n"
    assert done.stderr == "brief: cannot write output: No space left on device\n"


def test_encoding_that_cannot_hold_the_text_gets_escapes(tmp_path: Path) -> None:
    done = sh('$BRIEF show china; echo "status $?"', tmp_path, PYTHONIOENCODING="latin-1")
    assert done.stdout.endswith("status 0\n") and "Traceback" not in done.stderr
    assert "\\u201c" in done.stdout  # a curly quote latin-1 has not, as an escape


def test_encoding_with_strict_errors_asked_for_is_one_line(tmp_path: Path) -> None:
    done = sh('$BRIEF show china; echo "status $?"', tmp_path, PYTHONIOENCODING="latin-1:strict")
    assert done.stdout.endswith("status 1\n")
    assert done.stderr.startswith("brief: cannot write output: the output encoding (latin-1)")
    assert done.stderr.count("\n") == 1


def test_version_into_a_closed_pipe_is_silent(tmp_path: Path) -> None:
    done = sh('$BRIEF --version | head -0; echo "status ${PIPESTATUS[0]}"', tmp_path)
    assert done.stdout == "status 1\n" and done.stderr == ""


def test_reader_going_away_is_silent_with_exit_1(tmp_path: Path, big: Path) -> None:
    """As Python's docs recommend for SIGPIPE (see brief.cli.entry)."""
    script = f'$BRIEF --no-bundled -c {big} show long | head -1; echo "status ${{PIPESTATUS[0]}}"'
    done = sh(script, tmp_path)
    assert done.stdout == "Long\nstatus 1\n"
    assert done.stderr == ""


def test_ctrl_c_while_importing_is_130_without_traceback(tmp_path: Path) -> None:
    """Ctrl-C in the first milliseconds lands in an import: here, click's."""
    code = (
        "import sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, *args):\n"
        "        if name == 'click':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "sys.argv[0] = 'brief'\n"
        "from brief.cli.entry import main\n"
        "main()\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", code, "show", "sanctions"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 130 and done.stderr == "" and done.stdout == ""


@pytest.mark.parametrize("module", ["brief.faces", "click"])
def test_ctrl_c_however_early_is_130_without_traceback(tmp_path: Path, module: str) -> None:
    """A trial's Ctrl-C 20-70 ms after start landed in the import of brief's own
    package, before any handler was in place: a traceback (``brief.faces``). Later, in
    click's import, Ctrl-C raises again (what has begun is undone) and is caught."""
    code = (
        "import os, signal, sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, *args):\n"
        f"        if name == {module!r}:\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "sys.argv[0] = 'brief'\n"
        "from brief.start import main\n"
        "main()\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", code, "show", "sanctions"], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr, done.stdout) == (130, "", "")


@pytest.mark.parametrize("ignored", [True, False])
def test_ctrl_c_raises_once_brief_runs_unless_ignored(ignored: bool) -> None:
    """Once a command runs, Ctrl-C raises (what it began is undone: a cache half
    written, an export) and exits 130; ``nohup`` and a shell's background jobs start a
    command with Ctrl-C ignored, and it stays ignored."""
    code = (
        "import os, signal, sys\n"
        f"if {ignored}: signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "import brief.start\n"
        "from brief.cli.entry import guarded\n"
        "def body():\n"
        "    try:\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    finally:\n"
        "        print('undone')\n"
        "guarded(body)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0 if ignored else 130, "undone\n", "")


def _slow_pager(tmp_path: Path) -> tuple[str, Path]:
    marker = tmp_path / "pager-read"
    script = tmp_path / "slowpager.py"
    script.write_text(
        "import sys, time\n"
        "time.sleep(1.5)\n"
        "data = sys.stdin.buffer.read()\n"
        f"open({str(marker)!r}, 'w').write(str(len(data)))\n"
    )
    return f"{sys.executable} {script}", marker


@pytest.mark.parametrize("spawn", ["posix_spawnp", "subprocess"])
def test_ctrl_c_while_the_pager_runs_waits_for_it(tmp_path: Path, big: Path, spawn: str) -> None:
    """brief must not exit while the pager owns the terminal (Ctrl-C is the pager's)."""
    pager, marker = _slow_pager(tmp_path)
    code = "import os, sys; sys.argv[0] = 'brief'\n"
    if spawn == "subprocess":  # as on Windows, where os has no posix_spawnp
        code += "del os.posix_spawnp\n"
    code += "from brief.cli.entry import main\nmain()\n"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--no-bundled", "-c", str(big), "--pager", "show", "long"],
        env={**os.environ, "PAGER": pager, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.8)  # the pager is running, and not reading yet
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert marker.exists(), "brief exited before its pager"
    assert int(marker.read_text()) > 300_000  # and the pager got the whole text
    assert proc.returncode == 0 and "Traceback" not in err
