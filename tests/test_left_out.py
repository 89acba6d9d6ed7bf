"""Claims left out are counted where they would have appeared (tests/corpora/leftout/).

The fixture leaves claims out in each way a load can: a section its source does not
have, a source of a skipped file, a problem of the claim's own, a topic that does not
exist. Each is counted against the topic, actors and sources it names that exist.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from brief.cli import cli
from brief.core.diagnostics import Diagnostic
from brief.corpus.knockons import cause_of, split
from brief.corpus.layers import Layer, bundled_root
from brief.corpus.load import load
from brief.store import CachedStore, LiveStore, open_store
from brief.store.build import build
from brief.store.filerecord import problem_from, problems_data, record_of

from .conftest import settle

CORPUS = Path(__file__).parent / "corpora" / "leftout"
EXPECTED = {"pump": 3, "snow": 2, "vestry": 2, "report": 3}


def _load(root: Path = CORPUS):  # type: ignore[no-untyped-def]
    return load([Layer(str(root), "leftout")])


def test_each_claim_left_out_is_counted_against_what_it_names() -> None:
    result = _load()
    kept = {c.id for c in result.corpus.claims}
    assert kept == {"pump-deaths", "theory-water"}
    assert dict(result.corpus.left_out) == EXPECTED  # 'theory' has none: absent


def test_nothing_is_left_out_of_the_bundled_corpus() -> None:
    assert dict(load([Layer(str(bundled_root()), "[bundled]")]).corpus.left_out) == {}


def test_a_duplicate_claim_id_is_a_claim_left_out(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    shutil.copytree(CORPUS, root)
    with (root / "topics.toml").open("a") as f:
        f.write(
            '\n[[claims]]\nid = "theory-water"\ntopic = "theory"\ntext = "Again."\n'
            'cites = [{ source = "report", section = "Water" }]\n'
        )
    assert _load(root).corpus.left_out == {**EXPECTED, "theory": 1, "report": 4}


MISSPELT = """
[[claim]]
id = "pump-crowd"
topic = "pump"
actors = ["snow"]
text = "A crowd drew water at the pump."
cites = [{ source = "report", section = "Deaths", quote = "not checked" }]

[[claim]]
id = "theory-smell"
topic = "theory"
text = "The smell was blamed."
cites = [{ source = "report", section = "Water" }]
"""


def test_the_tables_of_a_misspelt_kind_are_claims_left_out(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    shutil.copytree(CORPUS, root)
    (root / "letters.toml").unlink()  # only what the misspelt kind costs is told
    text = (root / "topics.toml").read_text()
    text = text.replace('{ source = "letters" }', '{ source = "report", section = "Water" }')
    (root / "topics.toml").write_text(text)
    base = _load(root)
    (root / "topics.toml").write_text(text + MISSPELT)
    found = _load(root)
    more = {"pump": 1, "snow": 1, "theory": 1, "report": 2}  # what the two tables name
    counts = base.corpus.left_out
    assert dict(found.corpus.left_out) == {
        i: counts.get(i, 0) + more.get(i, 0) for i in EXPECTED | more
    }
    assert found.corpus.claims_left_out == base.corpus.claims_left_out + 2
    said = [p for p in found.problems if p.code == "BRIEF005"]
    assert [(p.where, p.message) for p in said] == [
        ("claim", "unknown key 'claim' (did you mean 'claims'?); its 2 tables are not read")
    ]  # and nothing of what they say, their quote unchecked: they are not read
    assert not [p for p in found.problems if p.where.startswith("claim[")]
    lines = text.count("\n") + 2  # the first [[claim]] header
    plain = CliRunner().invoke(cli, ["--no-bundled", "validate", str(root)])
    assert f"topics.toml:{lines}: claim: unknown key 'claim'" in plain.stdout
    assert f"; {base.corpus.claims_left_out + 2} claims left out until fixed" in plain.stderr
    for cache in (True, False):
        env = {} if cache else {"BRIEF_NO_CACHE": "1"}
        shown = CliRunner().invoke(
            cli, ["--no-bundled", "-c", str(root), "show", "theory", "-f", "plain"], env=env
        )
        assert "1 claim of this topic was left out (see brief validate)" in shown.stdout


def _run(*args: str, cache: bool = True) -> str:
    env = {} if cache else {"BRIEF_NO_CACHE": "1"}
    result = CliRunner().invoke(
        cli, ["--no-bundled", "--corpus", str(CORPUS), *args], env=env, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def gone(label: str) -> str:
    """What every page of the corpus ends with, its folder labelled *label*: one of its
    files cannot be parsed (tests/test_skipped_line.py)."""
    return (
        f"The file {label}/letters.toml could not be read: what it defines is missing, and "
        "claims here may be shown without an actor or source from it (see brief validate)"
    )


def test_show_ends_by_saying_what_was_left_out() -> None:
    out = _run("show", "pump", "snow", "theory", "report", "-f", "plain")
    flat, last = " ".join(out.split()), gone(str(CORPUS))
    assert flat.endswith(f"3 claims citing this source were left out (see brief validate) {last}")
    pump = " ".join(out.split("John Snow\n=========")[0].split())
    assert pump.endswith(f"3 claims of this topic were left out (see brief validate) {last}")
    assert "2 claims about this actor were left out (see brief validate)" in out
    assert out.count("left out") == 3  # 'theory' lost nothing, and says nothing


def test_json_counts_cached_and_uncached_alike() -> None:
    names = ("pump", "snow", "vestry", "report", "theory")
    uncached = _run("show", *names, "-f", "json", cache=False)
    cold = _run("show", *names, "-f", "json")  # builds the cache
    warm = _run("show", *names, "-f", "json")  # reads it (briefings built, then remembered)
    again = _run("show", *names, "-f", "json")  # remembered briefings
    assert uncached == cold == warm == again
    docs = json.loads(uncached)
    docs = docs if isinstance(docs, list) else [docs]
    assert {d["id"]: d["left_out"] for d in docs} == {**EXPECTED, "theory": 0}


def test_compare_says_so_per_row_cached_and_uncached_alike() -> None:
    args = ("compare", "snow", "vestry", "-f", "json")
    assert _run(*args, cache=False) == _run(*args) == _run(*args)
    rows = {r["key"]: r["left_out"] for r in json.loads(_run(*args))["rows"]}
    assert rows == {"pump": 3, "theory": 0}
    plain = _run("compare", "snow", "vestry", "-f", "plain")
    assert "  3 claims of this topic were left out (see brief validate)" in plain
    topics = json.loads(_run("compare", "pump", "theory", "-f", "json"))
    assert {r["key"]: r["left_out"] for r in topics["rows"]} == {"snow": 2, "vestry": 2}


def _settle(path: Path) -> None:
    """A new mtime, clearly older than the cache (see test_incremental.edit)."""
    settled = min(path.stat().st_mtime_ns, time.time_ns() - 60 * 10**9) - 2 * 10**9
    os.utime(path, ns=(settled, settled))


#: The fixture with its skipped file gone and the claim citing it mended.
BASE = {"pump": 2, "snow": 1, "vestry": 2, "report": 3}


@pytest.mark.parametrize(
    ("old", "new", "counts"),
    [
        # a kept claim left out: its section broken
        ('section = "Deaths" }]', 'section = "Dead" }]',
         {**BASE, "pump": 3, "snow": 2, "report": 4}),
        # a claim left out kept: its section mended
        ('section = "Sewers" }]', 'section = "Water" }]',
         {**BASE, "pump": 1, "vestry": 1, "report": 2}),
        # a claim left out moves to another topic, still left out
        ('topic = "pump"\nactors = ["vestry"]\ntext = "The pump\'s',
         'topic = "theory"\nactors = ["vestry"]\ntext = "The pump\'s',
         {**BASE, "pump": 1, "theory": 1}),
    ],
    ids=["kept-now-left-out", "left-out-now-kept", "left-out-moved"],
)  # fmt: skip
def test_an_edit_in_place_recounts_what_is_left_out(
    tmp_path: Path, old: str, new: str, counts: dict[str, int]
) -> None:
    root = tmp_path / "notes"
    shutil.copytree(CORPUS, root)
    (root / "letters.toml").unlink()  # a skipped file declines every edit
    (root / "topics.toml").write_text(
        (root / "topics.toml")
        .read_text()
        .replace('{ source = "letters" }', '{ source = "report", section = "Water" }')
    )
    settle(root, 600)
    layers = [Layer(str(root), "notes")]
    open_store(layers)
    assert isinstance(open_store(layers), CachedStore)
    warm = open_store(layers)
    before = {i: warm.briefing(i) for i in ("pump", "theory", "snow", "vestry", "report")}
    assert {i: b.left_out for i, b in before.items() if b.left_out} == BASE  # remembered
    path = root / "topics.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    _settle(path)
    store = open_store(layers)
    assert isinstance(store, CachedStore)  # applied in place, not rebuilt
    fresh = build(layers, None)
    assert isinstance(fresh, LiveStore)
    assert dict(fresh.index().corpus.left_out) == counts
    assert dict(store.index().corpus.left_out) == counts
    for ident in before:
        assert store.briefing(ident) == fresh.briefing(ident), ident


def test_knock_ons_carry_their_cause_and_keep_it_through_the_cache() -> None:
    result = _load()
    knock = [p for p in result.problems if p.cause]
    assert [(p.where, p.cause) for p in knock] == [
        ("claims[2].cites[0].source", "leftout/letters.toml")
    ]
    assert str(knock[0]) == (
        "leftout/topics.toml: claims[2].cites[0].source: source 'letters' is in the skipped"
        " file leftout/letters.toml; claim 'pump-letter' is left out [BRIEF010]"
    )
    record = record_of(None, {"refs": list(result.problems)}, False)
    back = [problem_from(p) for p in record.problems["refs"]]
    assert back == list(result.problems)
    assert problems_data({"refs": knock})["refs"][0][-1] == "leftout/letters.toml"


def test_a_knock_on_is_known_by_its_cause_not_its_wording() -> None:
    skipped = ["notes/actors.toml"]
    worded = Diagnostic(
        "BRIEF010", "notes/t.toml", "", "actor 'x' is in the skipped file notes/actors.toml"
    )
    caused = Diagnostic("BRIEF010", "notes/t.toml", "", "anything at all", "notes/actors.toml")
    assert cause_of(worded, skipped) is None
    assert cause_of(caused, skipped) == "notes/actors.toml"
    assert split([worded, caused], skipped) == ([worded], {"notes/actors.toml": [caused]})


async def test_the_tui_page_says_what_was_left_out() -> None:
    from brief.tui.widgets import Block

    from .test_tui import SIZE, make_app

    app = make_app(CORPUS, start="pump")
    async with app.run_test(size=SIZE) as pilot:
        line = "3 claims of this topic were left out (see brief validate)"
        blocks = list(app.screen.query(Block))
        assert [b.base.plain for b in blocks[-2:]] == [line, gone("leftout")]  # the page's end
        assert all(b.has_class("left-out") for b in blocks[-2:])
        await pilot.press("c", "down", "space", "down", "space")  # John Snow, St James's Vestry
        shown = [b.base.plain for b in app.screen.query("Block.left-out").results(Block)]
        assert shown == [line]  # the pump's row; the other lost nothing
