"""Claims stored once, in a compressed group per file (store.claimgroup)."""

from __future__ import annotations

import marshal
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from brief.core.model import Citation, Claim
from brief.corpus.layers import Layer
from brief.store import (
    CachedStore,
    Corrupt,
    LiveStore,
    Outcome,
    apply_edits,
    cache_file,
    open_store,
)
from brief.store.build import build
from brief.store.cachefile import open_file
from brief.store.claimgroup import (
    Group,
    Places,
    Written,
    group_blob,
    place_all,
    read_group,
    written_group,
)
from brief.store.codec import entry_data

from .conftest import CORPORA, settle
from .test_incremental import claim_text, edit, snapshot


def placed(
    claims: list[Claim], written: dict[str, tuple[int, list[Claim]]]
) -> tuple[list[tuple[int, int]], dict[int, Group]]:
    """Where place_all keeps *claims*, and its groups as read back (none made before)."""
    places = Places(len(claims))
    made: dict[str, Written] = {k: (n, found, None) for k, (n, found) in written.items()}
    groups = {n: read_group(blob) for n, blob in place_all(claims, made, places)}
    return list(places), groups


def claim(ident: str, file: str = "notes/a.toml", section: str | None = None) -> Claim:
    return Claim(ident, f"{ident} text", "t", ("x",), (Citation("s", section),), file=file)


def test_a_claim_resolved_as_written_is_its_written_record() -> None:
    kept, other = claim("a"), claim("b")
    places, groups = placed([kept], {"notes/a.toml": (1, [kept, other])})
    assert places == [(1, 0)]
    assert groups[1].written == 2 and len(groups[1].records) == 2


def test_a_claim_resolved_to_something_else_gets_a_record_after_the_written() -> None:
    written = claim("a", section="part 1")
    resolved = replace(written, cites=(Citation("s", "Part 1"),))  # a section resolved
    places, groups = placed([resolved], {"notes/a.toml": (1, [written])})
    assert places == [(1, 1)]
    group = groups[1]
    assert group.claim(1) == resolved
    assert group.as_written() == [written]


def test_a_claim_of_a_file_not_named_goes_in_a_group_of_its_own() -> None:
    places, groups = placed([claim("a", file="x"), claim("b", file="y")], {})
    assert places == [(-1, 0), (-2, 0)]  # below 0: never taken for a file's group
    assert groups[-1].written == groups[-2].written == 0


def test_groups_are_given_one_at_a_time_in_file_order() -> None:
    """Only one group is held at a time: each is given as soon as it is made, the
    files that wrote claims first, in their order, then the files not named."""
    a, b, c = claim("a", file="p"), claim("b", file="q"), claim("c", file="r")
    places = Places(3)
    rows = place_all([c, b, a], {"q": (1, [b], None), "p": (2, [a], None)}, places)
    assert next(rows)[0] == 1 and list(places)[1] == (1, 0)  # b's, before any other is made
    assert list(places)[2] == (0, 0)  # a's group is not made yet
    assert [n for n, _ in rows] == [2, -1]
    assert list(places) == [(-1, 0), (1, 0), (2, 0)]


def test_a_claim_placed_again_replaces_its_own_resolved_record() -> None:
    group = written_group([claim("a")])
    first = group.place(entry_data(claim("a", section="x")))
    again = group.place(entry_data(claim("a", section="y")), first)
    assert first == again == 1 and len(group.records) == 2
    assert group.place(entry_data(claim("a")), again) == 0  # back to what was written


@pytest.mark.parametrize(
    "blob",
    [
        b"",
        group_blob(1, [])[:-1],  # cut short
        group_blob(3, [marshal.dumps(entry_data(claim("a")))]),  # more written than held
        group_blob(1, [entry_data(claim("a"))]),  # type: ignore[list-item]  # not marshalled
        bytes([group_blob(1, [b"x"])[0] ^ 1]) + group_blob(1, [b"x"])[1:],  # checksum damaged
    ],
)
def test_a_damaged_group_is_corrupt(blob: bytes) -> None:
    with pytest.raises(Corrupt):
        read_group(blob)


def test_a_place_outside_the_group_or_a_damaged_claim_is_corrupt() -> None:
    with pytest.raises(Corrupt):
        Group(0, []).claim(0)
    with pytest.raises(Corrupt):
        Group(1, [b"\xff"]).claim(0)
    with pytest.raises(Corrupt):
        Group(1, [marshal.dumps("a string")]).claim(0)


def test_the_cache_keeps_each_claim_once(mini: Path) -> None:
    """A group holds its file's claims as written, and a second record only for a claim
    resolved to something else."""
    layers = [Layer(str(mini), "notes")]
    build(layers, cache_file(layers))
    con = sqlite3.connect(cache_file(layers))
    try:
        groups = {
            n: read_group(blob) for n, blob in con.execute("SELECT id, data FROM claim_groups")
        }
        places = con.execute("SELECT grp, at FROM claims").fetchall()
    finally:
        con.close()
    resolved = [(n, at) for n, at in places if at >= groups[n].written]
    for n, at in resolved:
        as_written = [marshal.loads(r) for r in groups[n].records[: groups[n].written]]
        assert marshal.loads(groups[n].records[at]) not in as_written
    written = sum(g.written for g in groups.values())
    assert written >= len(places) > 0
    assert sum(len(g.records) for g in groups.values()) == written + len(resolved)


def twin_layers(tmp_path: Path) -> list[Layer]:
    """Two layers of one label, the second holding a copy of a file of the first (its
    claims renamed): two files of one name, which ``Claim.file`` cannot tell apart."""
    first, second = tmp_path / "one", tmp_path / "two"
    shutil.copytree(CORPORA / "mini", first)
    (second / "topics").mkdir(parents=True)
    text = (first / "topics" / "trade.toml").read_text()
    (second / "topics" / "trade.toml").write_text(text.replace('id = "trade-', 'id = "twin-'))
    settle(first)
    settle(second)
    return [Layer(str(first), "notes"), Layer(str(second), "notes")]


def test_files_of_one_name_are_cached_and_edited_as_a_load_gives(tmp_path: Path) -> None:
    layers = twin_layers(tmp_path)
    open_store(layers)
    store = open_store(layers)
    assert isinstance(store, CachedStore)
    fresh = build(layers, None)
    assert isinstance(fresh, LiveStore)
    assert snapshot(store) == snapshot(fresh)

    edit(Path(layers[1].root) / "topics" / "trade.toml", claim_text("", "Edited: "))
    path = cache_file(layers)
    opened = open_file(path)
    assert opened is not None and not opened.fresh
    opened.con.close()
    outcome = apply_edits(path, layers, opened)
    assert outcome.outcome is Outcome.APPLIED, outcome.reason
    store = open_store(layers)
    assert snapshot(store) == snapshot(build(layers, None))


def test_a_group_made_before_is_given_back_when_every_claim_is_as_written() -> None:
    a, b = claim("a"), claim("b")
    made = written_group([a, b]).blob()
    places = Places(2)
    rows = list(place_all([b, a], {"notes/a.toml": (1, [a, b], made)}, places))
    assert rows == [(1, made)] and rows[0][1] is made  # not made again
    assert list(places) == [(1, 1), (1, 0)]


def test_a_group_made_before_is_made_again_when_a_claim_resolved_otherwise() -> None:
    a, written = claim("a"), claim("b", section="part 1")
    resolved = replace(written, cites=(Citation("s", "Part 1"),))
    made = written_group([a, written]).blob()
    places = Places(2)
    ((number, blob),) = place_all([a, resolved], {"notes/a.toml": (1, [a, written], made)}, places)
    group = read_group(blob)
    assert number == 1 and list(places) == [(1, 0), (1, 2)] and group.written == 2
    assert group.claim(2) == resolved and group.as_written() == [a, written]


@pytest.mark.parametrize("corpus", sorted(p.name for p in CORPORA.iterdir() if p.is_dir()))
def test_the_ids_kept_apart_are_those_no_claim_of_their_file_takes(corpus: str) -> None:
    """``place_all``'s *unplaced*: for each file, the claim ids it wrote that no claim of
    the corpus from that file has (each compared here with a table of every claim's
    group, as the cache once made them); with two layers and duplicates across them."""
    from brief.corpus.load import load
    from brief.corpus.trace import Trace
    from brief.store.build import written
    from brief.store.fileprep import prepare

    layers = [Layer(str(CORPORA / corpus), corpus), Layer(str(CORPORA / "mini"), "again")]
    trace = Trace(prepare=prepare)
    claims = load(layers, trace=trace).corpus.claims
    files = written(sorted(trace.files, key=lambda t: t.ord))
    places, unplaced = Places(len(claims)), []  # type: ignore[var-annotated]
    for _ in place_all(claims, files, places, unplaced):
        pass
    group = dict(zip((c.id for c in claims), places.group, strict=True))
    expected = {(c.id, n) for n, found, _ in files.values() for c in found if group.get(c.id) != n}
    assert set(unplaced) == expected
    assert len(unplaced) == len(expected)  # each once
    if corpus == "mini":  # the same files twice: the first layer's copies are not in use
        assert expected
