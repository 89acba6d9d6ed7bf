"""Format 2's cost: loading the same generated corpus as format 1 and with format 2's keys.

    python benchmarks/format2.py [--topics 10000] [--runs 3] [--dir DIR]

Generates both corpora (benchmarks/generate.py, same seed: the same entries, text and
links; format 2 adds grades, dates, quotes and locators to every entry) and times a full
load of each in this process, best of --runs, and of the format-1 corpus relabelled
``format = 2`` (what reading format 2 costs a corpus that does not use its keys). The
target: format 2 costs at most 10% more. Every entry carrying every key makes the files
half as large again, and TOML parsing grows with them, so the keyed row also reports
the cost per extra byte.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def best_load(root: Path, runs: int) -> float:
    from brief.corpus.layers import Layer
    from brief.corpus.load import load

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = load([Layer(str(root), str(root))])
        times.append(time.perf_counter() - start)
        assert not result.problems, result.problems[:3]
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    base = args.dir or Path(tempfile.mkdtemp(prefix="brief-format2-"))
    roots = {}
    for fmt in (1, 2):
        out = roots[str(fmt)] = base / f"format{fmt}-{args.topics}"
        if not out.exists():
            gen = [sys.executable, str(HERE / "generate.py"), str(out)]
            subprocess.run([*gen, "--topics", str(args.topics), "--format", str(fmt)], check=True)
    bare = roots["2, no new keys"] = base / f"format2-bare-{args.topics}"
    if not bare.exists():
        shutil.copytree(roots["1"], bare)
        for path in bare.rglob("*.toml"):
            path.write_text(path.read_text().replace("format = 1\n", "format = 2\n", 1))
    seconds = dict.fromkeys(roots, float("inf"))
    for _ in range(args.runs):  # interleaved, so that a busy machine slows all alike
        for name, root in roots.items():
            seconds[name] = min(seconds[name], best_load(root, 1))
    sizes = {
        name: sum(p.stat().st_size for p in root.rglob("*.toml")) for name, root in roots.items()
    }
    for name in roots:
        print(f"format {name}: {seconds[name]:.2f} s, {sizes[name] / 1e6:.1f} MB")
    worst = 1.0
    for name in ("2, no new keys", "2"):
        ratio = seconds[name] / seconds["1"]
        per_byte = ratio / (sizes[name] / sizes["1"])
        worst = max(worst, ratio if name != "2" else per_byte)
        print(f"format {name} / format 1: {ratio:.3f} time, {per_byte:.3f} time per byte")
    return 0 if worst <= 1.10 else 1


if __name__ == "__main__":
    sys.exit(main())
