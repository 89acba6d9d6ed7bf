"""A cache built with each file's share made where it was read (``store.fileprep``) holds
exactly what one built without it holds: the groups of claims and the files' records
are the same values, decoded, row for row, for every test corpus, in one process and
in worker processes."""

from __future__ import annotations

import marshal
import sqlite3
import zlib
from pathlib import Path
from typing import Any

import pytest

import brief.store.fileprep
from brief.corpus.layers import BUNDLED_LABEL, Layer, bundled_root
from brief.store.build import build
from brief.store.claimgroup import read_group
from brief.store.codec import read_data, unpack, unseal

CORPORA = Path(__file__).parent / "corpora"
LAYER_SETS = [
    [Layer(bundled_root(), BUNDLED_LABEL)],
    *([Layer(str(p), p.name)] for p in sorted(CORPORA.iterdir()) if p.is_dir()),
    [Layer(bundled_root(), BUNDLED_LABEL), Layer(str(CORPORA / "leftout"), "mine")],
    [Layer(str(CORPORA / "mini"), "same"), Layer(str(CORPORA / "leftout"), "same")],
]


def tables(path: Path) -> dict[str, list[Any]]:
    """Every row of every table but search's, blobs decoded (marshal may lay out equal
    values differently: strings made in a worker are not interned as they are here);
    the generation, new each build, left out."""
    con = sqlite3.connect(path)
    names = [
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("search")
    ]
    out: dict[str, list[Any]] = {}
    for name in names:
        rows = sorted(list(r) for r in con.execute(f"SELECT * FROM {name}"))
        if name == "claim_groups":
            for row in rows:
                group = read_group(row[1])
                row[1] = (group.written, [marshal.loads(r) for r in group.records])
        elif name == "files":
            for row in rows:
                row[-1] = marshal.loads(zlib.decompress(unseal(row[-1])))
        elif name == "entries":
            for row in rows:
                row[-1] = read_data(row[-1])
        elif name == "meta":
            rows = [[k, unpack(v, text=False)] for k, v in rows if k != "generation"]
        out[name] = rows
    con.close()
    return out


@pytest.mark.parametrize("layers", LAYER_SETS, ids=lambda ls: "+".join(x.label for x in ls))
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_cache_made_with_each_files_share_made_where_read_is_the_same(
    layers: list[Layer], workers: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_WORKERS", workers)
    made: list[str] = []
    build(layers, str(tmp_path / "with.sqlite"))

    def unprepared(checked: Any) -> None:
        made.append("x")

    monkeypatch.setattr(brief.store.fileprep, "prepare", unprepared)
    monkeypatch.setenv("BRIEF_WORKERS", "1")  # the function patched here only
    build(layers, str(tmp_path / "without.sqlite"))
    assert made  # the build asked, and was given nothing to use
    assert tables(tmp_path / "with.sqlite") == tables(tmp_path / "without.sqlite")
