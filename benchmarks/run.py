"""Time brief against its targets: one row per target, as a ratio to a comparison
command timed in the same run (interleaved, medians), so the machine's speed cancels out.

    python benchmarks/run.py            # full run (generates the 10,000-topic corpus once)
    python benchmarks/run.py --quick    # fewer runs, smaller scale corpus (1,000 topics)

Run it with the interpreter of the environment brief is installed in. Rows print as
they finish; the last line counts passes. Exit status 0 when every target passes.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
BRIEF = [PY, "-m", "brief"]
BIN = Path(PY).parent / "brief"
if BIN.exists():  # the console script, as a user runs it
    BRIEF = [str(BIN)]

Cmd = Sequence[str]


def run_once(cmd: Cmd, env: dict[str, str], tty: bool = False) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one whole-process run."""
    if tty:  # a real terminal on stdout, so brief takes its terminal path
        leader, follower = pty.openpty()
        # 30 lines of 100 columns: a briefing taller than that goes through the pager.
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=follower, stderr=subprocess.DEVNULL)
        os.close(follower)
        while True:
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:
                break
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        os.close(leader)
    else:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss


#: Escape sequences a terminal app writes, to find its text in what it drew.
ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: title, hyperlinks
    rb"|\x1b[PX^_].*?\x1b\\"  # DCS and other strings
    rb"|\x1b[@-Z\\-_]",  # the rest of the two-character ones
    re.S,
)


def first_paint(cmd: Cmd, marker: str, env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from starting the full-screen app *cmd* in a terminal (30 x 100) until
    *marker* is on its screen; then the app is killed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(  # Textual draws on stderr
        cmd, env=env, stdin=follower, stdout=follower, stderr=follower, start_new_session=True
    )
    os.close(follower)
    drawn = b""
    try:
        while time.perf_counter() - start < timeout:
            if not select.select([leader], [], [], 0.5)[0]:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
            if marker.encode() in ESCAPES.sub(b"", drawn):
                return time.perf_counter() - start
        shown = ESCAPES.sub(b"", drawn)[-200:]
        raise SystemExit(f"{' '.join(cmd)} never showed {marker!r} (last drawn: {shown!r})")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(leader)


def paint_row(
    name: str,
    cmd: Cmd,
    marker: str,
    base: Cmd,
    base_marker: str,
    target: float,
    runs: int,
    env: dict[str, str],
) -> Row:
    """Interleave first paints of *cmd* and *base*; compare medians."""
    ours, theirs = [], []
    for round_ in range(runs + 2):  # two rounds of warm-up
        mine, other = first_paint(cmd, marker, env), first_paint(base, base_marker, env)
        if round_ >= 2:
            ours.append(mine * 1000)
            theirs.append(other * 1000)
    return Row(name, statistics.median(ours), statistics.median(theirs), target, "ms")


class Row:
    def __init__(self, name: str, value: float, base: float, target: float, unit: str) -> None:
        self.name, self.value, self.base, self.target, self.unit = name, value, base, target, unit

    @property
    def ratio(self) -> float:
        return self.value / self.base if self.base else float("inf")

    @property
    def ok(self) -> bool:
        return self.ratio <= self.target

    def __str__(self) -> str:
        mark = "pass" if self.ok else "FAIL"
        return (
            f"| {self.name} | {self.value:.1f} {self.unit} | {self.base:.1f} {self.unit} | "
            f"{self.ratio:.2f}x | <= {self.target:.2f}x | {mark} |"
        )


def compare(
    name: str,
    cmd: Cmd,
    base: Cmd,
    target: float,
    runs: int,
    env: dict[str, str],
    *,
    before: Callable[[], None] | None = None,
    tty: bool = False,
    memory: bool = False,
    base_env: dict[str, str] | None = None,
) -> Row:
    """Interleave *cmd* and *base* runs; compare medians of time (or of peak RSS)."""
    ours, theirs = [], []
    for _ in range(2):  # warm-up: caches, page cache
        if before:
            before()
        run_once(cmd, env, tty)
        run_once(base, base_env or env)
    for _ in range(runs):
        if before:
            before()
        ours.append(run_once(cmd, env, tty))
        theirs.append(run_once(base, base_env or env))
    pick = 1 if memory else 0
    scale = 1 / 1024 if memory else 1000
    value = statistics.median(r[pick] for r in ours) * scale
    basis = statistics.median(r[pick] for r in theirs) * scale
    return Row(name, value, basis, target, "MiB" if memory else "ms")


def medians(cmds: Sequence[Cmd], runs: int, env: dict[str, str]) -> list[float]:
    """Interleave *cmds* (one run of each in turn, after two rounds of warm-up); the
    median wall time of each, in ms."""
    times: list[list[float]] = [[] for _ in cmds]
    for round_ in range(runs + 2):
        for i, cmd in enumerate(cmds):
            elapsed = run_once(cmd, env)[0]
            if round_ >= 2:
                times[i].append(elapsed * 1000)
    return [statistics.median(t) for t in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 1,000-topic corpus")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument(
        "--scale-dir",
        type=Path,
        default=None,
        help="where the generated corpus lives (default: a temp folder)",
    )
    args = parser.parse_args()
    runs = args.runs or (7 if args.quick else 21)
    topics = 1_000 if args.quick else 10_000

    work = Path(tempfile.mkdtemp(prefix="brief-bench-"))
    cache = work / "cache"
    env = {k: v for k, v in os.environ.items() if k not in ("BRIEF_PATH", "NO_COLOR", "PAGER")}
    env.update(XDG_CACHE_HOME=str(cache), XDG_CONFIG_HOME=str(work / "config"), COLUMNS="100")
    click_import = [PY, "-c", "import click"]
    rich_import = [PY, "-c", "import rich.console, rich.table, rich.panel, click"]
    rows: list[Row] = []

    def report(row: Row) -> None:
        rows.append(row)
        print(row, flush=True)

    print(
        f"python {sys.version.split()[0]} on {os.uname().sysname} {os.uname().machine}, "
        f"{os.cpu_count()} cores; {runs} interleaved runs per row, medians\n"
    )
    print("| target | brief | comparison | ratio | target | result |")
    print("| --- | --- | --- | --- | --- | --- |")

    show = [*BRIEF, "show", "sanctions"]
    report(
        compare("show sanctions, piped (warm) vs import click", show, click_import, 1.2, runs, env)
    )
    report(
        compare(
            "show sanctions, terminal (warm) vs import rich+click",
            show,
            rich_import,
            1.15,
            runs,
            env,
            tty=True,
        )
    )
    report(
        compare("--version vs import click", [*BRIEF, "--version"], click_import, 1.10, runs, env)
    )
    report(compare("--help vs import click", [*BRIEF, "--help"], click_import, 1.10, runs, env))
    complete_env = {
        **env,
        "_BRIEF_COMPLETE": "bash_complete",
        "COMP_WORDS": "brief show sanc",
        "COMP_CWORD": "2",
    }
    report(
        compare(
            "completing a topic name vs import click",
            BRIEF,
            click_import,
            1.2,
            runs,
            complete_env,
            base_env=env,
        )
    )

    # The TUI's first paint with its list filled: the list's last heading ("Sources 12")
    # is on the screen. Against the smallest Textual app, drawing one line of text.
    sources = subprocess.run(
        [*BRIEF, "list", "sources", "--format", "json"], env=env, capture_output=True, text=True
    )
    heading = f"Sources {len(json.loads(sources.stdout)['items'])}"
    tui_env = {**env, "TERM": "xterm-256color"}
    minimal_app = [
        PY,
        "-c",
        "from textual.app import App\n"
        "from textual.widgets import Static\n"
        "class Minimal(App):\n"
        "    def compose(self):\n"
        "        yield Static('ready to read')\n"
        "Minimal().run()",
    ]
    report(
        paint_row(
            "tui first paint, list filled (warm) vs a minimal Textual app",
            [*BRIEF, "tui"],
            heading,
            minimal_app,
            "ready to read",
            1.3,
            max(5, runs // 2),
            tui_env,
        )
    )

    def clear_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    report(
        compare(
            "show sanctions, cold (no cache) vs import click",
            show,
            click_import,
            2.0,
            runs,
            env,
            before=clear_cache,
        )
    )
    report(
        compare(
            "peak RSS of show sanctions, piped vs import click",
            show,
            click_import,
            1.3,
            runs,
            env,
            memory=True,
        )
    )

    big = args.scale_dir or work / "big"
    if not (big / "topics").is_dir():
        print(f"\n(generating a {topics:,}-topic corpus in {big} ...)", flush=True)
        subprocess.run(
            [PY, str(HERE / "generate.py"), str(big), "--topics", str(topics)], check=True
        )
    scale = [*BRIEF, "--no-bundled", "--corpus", str(big)]
    one = [*scale, "show", "topic-00042"]
    parse_only = [
        PY,
        "-c",
        (
            "import gc, pathlib, sys, tomllib\n"
            "gc.disable()\n"
            f"for p in pathlib.Path({str(big)!r}).rglob('*.toml'):\n"
            "    tomllib.loads(p.read_bytes().decode())"
        ),
    ]
    few = max(3, runs // 7)
    report(
        compare(
            f"cold build of {topics:,} topics (show ONE, no cache) vs tomllib parse only",
            one,
            parse_only,
            0.5,
            few,
            env,
            before=clear_cache,
        )
    )
    clear_cache()
    _, peak = run_once(one, env)  # builds the scale corpus's cache, for the rows below
    report(Row(f"peak RSS of the cold build of {topics:,} topics", peak / 1024, 200, 1.0, "MiB"))
    corpus_bytes = sum(p.stat().st_size for p in big.rglob("*.toml"))
    cache_bytes = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    report(
        Row(
            f"cache of {topics:,} topics vs the corpus's bytes",
            cache_bytes / 1e6,
            corpus_bytes / 1e6,
            1.3,
            "MB",
        )
    )
    stat_floor = [
        PY,
        "-c",
        (
            "import os\n"
            "def walk(d):\n"
            "    for e in os.scandir(d):\n"
            "        e.is_dir() and walk(e.path) or os.stat(e.path)\n"
            f"walk({str(big)!r})"
        ),
    ]
    warm, bundled, floor = medians([one, show, stat_floor], runs, env)
    print(f"(stat floor: a bare python stats the {topics:,} topics' files: {floor:.1f} ms)")
    report(
        Row(
            f"show ONE of {topics:,} (warm) minus bundled show vs the stat floor",
            warm - bundled,
            floor,
            1.2,
            "ms",
        )
    )
    report(
        compare(
            f"show ONE of {topics:,} topics (warm) vs show sanctions", one, show, 1.25, runs, env
        )
    )
    report(
        compare(
            f"peak RSS of show ONE of {topics:,} vs show sanctions",
            one,
            show,
            1.5,
            runs,
            env,
            memory=True,
        )
    )
    report(
        compare(
            f"search WORD in {topics:,} topics (warm) vs import click",
            [*scale, "search", "harvest", "famine"],
            click_import,
            1.5,
            runs,
            env,
        )
    )
    report(
        compare(
            f"validate {topics:,} topics vs tomllib parse only",
            [*scale, "validate"],
            parse_only,
            0.35,
            few,
            env,
        )
    )

    # The edit a writer makes: one claim of the topic shown reworded, so that its
    # briefing, its search rows and its file's record must all be brought up to date.
    edited = big / "topics" / "topic-00042.toml"
    original = edited.read_text()
    edits = iter(range(1_000_000))

    def edit() -> None:
        edited.write_text(original.replace('text = "', f'text = "Edit {next(edits)}: ', 1))

    report(
        compare(
            "show ONE right after editing one file vs warm show ONE",
            one,
            one,
            1.25,
            few,
            env,
            before=edit,
        )
    )
    edited.write_text(original)

    # A file added (as `brief new topic` writes one), then each removed again: the cache
    # takes both in place (store/added.py), not by a rebuild.
    made: list[Path] = []

    def add() -> None:
        n = len(made)
        made.append(big / "topics" / f"zz-added-{n}.toml")
        made[-1].write_text(
            f'format = 2\n\n[[topics]]\nid = "zz-added-{n}"\ntitle = "Added topic {n}"\n'
            f'summary = "A topic added after the cache was built."\n'
        )

    def remove() -> None:
        made.pop().unlink()

    report(
        compare(
            "show ONE right after adding a file vs warm show ONE",
            one,
            one,
            1.25,
            few,
            env,
            before=add,
        )
    )
    report(
        compare(
            "show ONE right after removing a file vs warm show ONE",
            one,
            one,
            1.25,
            few,
            env,
            before=remove,
        )
    )
    for path in made:
        path.unlink()

    print()
    tealdeer = shutil.which("tldr")
    if tealdeer:
        pages = work / "tldr"
        pages.mkdir()
        page = subprocess.run(
            [*BRIEF, "show", "sanctions", "--format", "markdown"],
            env=env,
            capture_output=True,
            text=True,
        ).stdout
        for suffix in (".page", ".page.md"):  # tealdeer 1.5 reads .page; later ones .page.md
            (pages / f"sanctions{suffix}").write_text(page)
        (work / "tlcache" / "tldr-pages" / "pages" / "common").mkdir(parents=True)
        tl_env = {
            **env,
            "TEALDEER_CONFIG_DIR": str(work / "tlc"),
            "TEALDEER_CACHE_DIR": str(work / "tlcache"),
        }
        (work / "tlc").mkdir()
        (work / "tlc" / "config.toml").write_text(
            f'[directories]\ncustom_pages_dir = "{pages}"\n[updates]\nauto_update = false\n'
        )
        peer = [tealdeer, "sanctions"]
        row = compare(
            "(peer) tealdeer custom page vs brief show sanctions",
            peer,
            show,
            float("inf"),
            runs,
            tl_env,
            base_env=env,
        )
        print(row)
    else:
        print("(tealdeer is not installed: apt-get install tealdeer to time it side by side)")
    row = compare(
        "(peer) python -c pass vs brief show sanctions",
        [PY, "-c", "pass"],
        show,
        float("inf"),
        runs,
        env,
    )
    print(row)

    passed = sum(r.ok for r in rows)
    print(f"\n{passed} of {len(rows)} targets pass")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if passed == len(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
