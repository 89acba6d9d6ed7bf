"""Stamps too recent to trust at a load's start, trusted once the file has settled.

A file written just before a load may be edited again within the same tick of its
clock without its stamp changing, so the cache smudges such stamps and the next run
reads those files again. A corpus written all at once (generated, unpacked, checked
out) and built at once had every stamp smudged: the second run rebuilt it whole. Now
a file whose time is old enough by the end of the load, whose stamp is unchanged and
whose bytes are those the load read is kept as stamped.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from brief.corpus.layers import Layer
from brief.corpus.stamps import Stamps, digest
from brief.store import cachefile
from brief.store.build import build
from brief.store.cachefile import SMUDGED, open_file, smudged

SECOND = 10**9


def _stamped(path: Path) -> Stamps:
    stamps = Stamps()
    stamps.file(str(path))
    stamps.content(str(path), path.read_bytes())
    return stamps


def test_a_settled_file_whose_bytes_are_those_read_is_kept_as_stamped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.toml"
    path.write_text("format = 1\n")
    stamps = _stamped(path)
    m = stamps.files[str(path)][0]
    began = m + SECOND  # the file was written a second before the load began
    _, files = smudged({}, stamps.files, began)
    assert files[str(path)][2] == SMUDGED  # without digests: read again next time
    monkeypatch.setattr(time, "time_ns", lambda: m + 5 * SECOND)  # settled by now
    _, files = smudged({}, stamps.files, began, stamps.digests)
    assert files[str(path)] == stamps.files[str(path)]


def test_a_file_not_settled_or_not_the_same_stays_smudged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.toml"
    path.write_text("format = 1\n")
    stamps = _stamped(path)
    key = str(path)
    m = stamps.files[key][0]
    monkeypatch.setattr(time, "time_ns", lambda: m + SECOND)  # within the window still
    assert smudged({}, stamps.files, m, stamps.digests)[1][key][2] == SMUDGED
    monkeypatch.setattr(time, "time_ns", lambda: m + 5 * SECOND)
    other = {key: digest(b"format = 2\n")}  # bytes other than those read, same stamp
    assert smudged({}, stamps.files, m, other)[1][key][2] == SMUDGED
    path.write_text("format = 2\n")  # an edit: a new stamp
    assert smudged({}, stamps.files, m, stamps.digests)[1][key][2] == SMUDGED


def test_a_corpus_built_right_after_it_was_written_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cachefile, "RACY_NS", SECOND // 10)  # a shorter window
    corpus = tmp_path / "c"
    corpus.mkdir()
    for n in range(5):
        (corpus / f"t{n}.toml").write_text(
            f'format = 1\n[[topics]]\nid = "t{n}"\ntitle = "T{n}"\nsummary = "S."\n'
        )

    def slow(done: int, total: int) -> None:  # a load that outlasts the window
        if done == total:
            time.sleep(0.3)

    path = tmp_path / "cache.sqlite"
    build([Layer(str(corpus), "c")], str(path), slow)
    opened = open_file(str(path))
    assert opened is not None and opened.files == []
    os.utime(corpus / "t1.toml")  # a later touch is still seen
    opened = open_file(str(path))
    assert opened is not None and opened.files == [str(corpus / "t1.toml")]
