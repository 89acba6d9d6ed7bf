"""Time warm commands on a large corpus, and say which of them build the whole index.

    python benchmarks/generate.py /tmp/c10k --topics 10000
    python benchmarks/warm.py /tmp/c10k --runs 5
    git archive COMMIT src | tar -x -C /tmp/old    # an earlier brief, to compare with
    python benchmarks/warm.py /tmp/c10k --runs 5 --baseline /tmp/old/src

With ``--baseline SRC``, every command also runs with that brief's source folder first
on ``PYTHONPATH`` (and a cache of its own), interleaved with this one, so that the two
columns were timed on the same machine at the same time.

Every command runs once to warm the cache (in a cache folder of its own, under the
system's temporary folder unless ``--cache`` names one), then ``--runs`` times,
interleaved (each command once per round), and the median wall time is printed. "builds
the whole index" is whether the command read the whole corpus from the warm cache: one
more run of each, with ``store.read.whole_corpus`` (the only way to it) wrapped to say
so. Output goes to a pipe (plain text), as in a script. Timing is never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable

#: The commands timed, as a reader of a 10,000-topic corpus from generate.py types them.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("show", "topic-00042"),
    ("show", "topic-0042"),  # no such name: did you mean
    ("search", "harvest"),
    ("search", "harvest", "--actor", "actor-0048"),
    ("search", "harvest", "--tag", "alliance"),
    ("search", "harvest", "--topic", "topic-00042"),
    ("graph",),
    ("graph", "china"),
    ("list", "topics"),
    ("compare", "actor-0048", "actor-0488"),
    ("claims", "--actor", "actor-0048"),
    ("claims", "--status", "disputed"),
    ("claims", "--tag", "alliance", "--actor", "actor-0048", "--status", "alleged"),
    ("claims", "--since", "2020"),
    ("timeline",),
    ("timeline", "actor-0048"),
    ("conflicts",),
    ("conflicts", "topic-00042"),
)

#: Runs brief's CLI with ``store.read.whole_corpus`` wrapped to say when it is called.
_PROBE = """
import sys
from brief.store import read
made = read.whole_corpus
def probe(con):
    sys.stderr.write("\\nWHOLE-INDEX\\n")
    return made(con)
read.whole_corpus = probe
from brief.cli.entry import main
sys.argv = ["brief", *sys.argv[1:]]
main()
"""


def run(args: tuple[str, ...], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [PY, "-m", "brief", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def builds_index(args: tuple[str, ...], env: dict[str, str]) -> bool:
    done = subprocess.run(
        [PY, "-c", _PROBE, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    return "WHOLE-INDEX" in done.stderr.decode(errors="replace")


def environments(options: argparse.Namespace) -> dict[str, dict[str, str]]:
    """The environment of each brief timed: this one, and the baseline's if given."""
    base = {**os.environ, "BRIEF_PATH": str(options.corpus.resolve()), "NO_COLOR": "1"}
    cache = options.cache or Path(tempfile.mkdtemp(prefix="brief-warm-"))
    out = {"this": {**base, "XDG_CACHE_HOME": str(cache / "this")}}
    if options.baseline is not None:
        path = os.pathsep.join([str(options.baseline.resolve()), os.environ.get("PYTHONPATH", "")])
        out["baseline"] = {**base, "XDG_CACHE_HOME": str(cache / "baseline"), "PYTHONPATH": path}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--baseline", type=Path, default=None, help="an earlier brief's src/")
    options = parser.parse_args()
    envs = environments(options)
    for env in envs.values():
        for args in COMMANDS:  # warm the cache (and each remembered briefing)
            run(args, env)
    times = {(name, args): [] for name in envs for args in COMMANDS}
    for _ in range(options.runs):
        for args in COMMANDS:
            for name, env in envs.items():
                times[name, args].append(run(args, env))
    names = list(envs)
    head = " | ".join(f"{n}: warm (median of {options.runs}) | {n}: whole index" for n in names)
    print(f"| command | {head} |")
    print("| --- |" + " ---: | --- |" * len(names))
    for args in COMMANDS:
        cells = []
        for name in names:
            index = "yes" if builds_index(args, envs[name]) else "no"
            cells.append(f"{statistics.median(times[name, args]):.2f} s | {index}")
        print(f"| `brief {' '.join(args)}` | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
