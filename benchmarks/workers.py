"""Where reading a corpus in worker processes starts to pay: one process against workers.

    python benchmarks/workers.py [--sizes 100,250,500,1000,2000] [--runs 7] [--workers 2]

For each size, a corpus of that many topics (benchmarks/generate.py, in a temp folder)
is validated by ``brief validate`` with ``BRIEF_WORKERS=1`` (one process) and with
``BRIEF_WORKERS=N`` (N processes, brief's own and N - 1 workers, forced whatever the
size), interleaved, and the medians compared. ``corpus.parallel.MIN_BYTES`` is set
from where the ratio falls below 1. Run it on a quiet machine: workers only help when
cores are idle.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent / "brief"
BRIEF = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "brief"]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,250,500,1000,2000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="brief-workers-"))
    base = {k: v for k, v in os.environ.items() if k != "BRIEF_PATH"}
    base.update(XDG_CACHE_HOME=str(work / "cache"), XDG_CONFIG_HOME=str(work / "config"))
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; medians of {args.runs}")
    print("| topics | files | MB | one process | workers | ratio |")
    print("| --- | --- | --- | --- | --- | --- |")
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = work / str(size)
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), str(folder), "--topics", str(size)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            files = list(folder.rglob("*.toml"))
            mb = sum(f.stat().st_size for f in files) / 1e6
            cmd = [*BRIEF, "--no-bundled", "--corpus", str(folder), "validate"]
            one, many = [], []
            for _ in range(args.runs):
                one.append(timed(cmd, {**base, "BRIEF_WORKERS": "1"}))
                many.append(timed(cmd, {**base, "BRIEF_WORKERS": str(args.workers)}))
            a, b = statistics.median(one), statistics.median(many)
            print(
                f"| {size:,} | {len(files):,} | {mb:.1f} | {a:.2f} s | {b:.2f} s | {b / a:.2f}x |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
