"""The fast paths of a file's check give exactly what the full check gives.

``fastentry.plain_entry`` builds the record of an entry that is plainly right without
the full check; ``builders`` builds records without their ``__init__``; ``parse`` skips
the scan for unsafe characters in a file of plain bytes. Each is compared here with the
way it short-cuts, on every corpus the tests know and on entries made to be nearly right.
"""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.core.model import Actor, Citation, Claim, Source, Topic
from brief.core.sanitize import might_be_unsafe
from brief.core.unsafe import RANGES
from brief.corpus import builders, fastentry, schema
from brief.corpus.layers import bundled_root
from brief.corpus.parse import parse, plainly_inert
from brief.corpus.schema import KINDS, check_document

HERE = Path(__file__).parent
REPO = HERE.parent


def both_ways(doc: dict[str, Any], name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Check *doc* with and without the fast path; assert alike; the entries it took."""
    taken = 0
    real = fastentry.plain_entry

    def counted(*args: Any) -> Any:
        nonlocal taken
        entry = real(*args)
        taken += entry is not None
        return entry

    with monkeypatch.context() as patch:
        patch.setattr(schema, "plain_entry", counted)
        fast = check_document(doc, name)
        patch.setattr(schema, "plain_entry", lambda *args: None)
        full = check_document(doc, name)
    assert fast == full
    for kind in KINDS:  # the same classes too: a builder's record is its class's
        assert [type(e) for e, _ in fast.entries[kind]] == [type(e) for e, _ in full.entries[kind]]
    return taken


def corpus_files() -> list[Path]:
    roots = [Path(bundled_root()), *(p for p in (HERE / "corpora").iterdir() if p.is_dir())]
    return sorted(f for root in roots for f in root.rglob("*.toml"))


def test_every_known_corpus_file_checks_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    taken = entries = 0
    for path in corpus_files():
        doc = parse(path.read_bytes(), path.name)
        if isinstance(doc, dict):
            taken += both_ways(doc, path.name, monkeypatch)
            entries += sum(len(v) for v in doc.values() if isinstance(v, list))
    assert 0 < taken < entries  # most entries take the fast path; the broken ones do not


def test_a_generated_corpus_checks_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "big"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(out), "--topics", "40"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    taken = 0
    for path in sorted(out.rglob("*.toml")):
        doc = parse(path.read_bytes(), path.name)
        assert isinstance(doc, dict)
        taken += both_ways(doc, path.name, monkeypatch)
    assert taken > 40 * 10


# Values that are right, nearly right, or wrong in the ways a check tells apart.
IDS = st.sampled_from(["t1", " a1 ", "s1", "c1", "c2", "Bad", "x--y", "", " ", "ü"])
TEXTS = st.sampled_from(["Alpha", "  Beta ", "", "\n", "One", "x"])
ANY = st.one_of(
    IDS, TEXTS, st.integers(-1, 8), st.booleans(), st.none(), st.dates(), st.just([]), st.just({})
)
LISTS = st.one_of(st.lists(st.one_of(IDS, TEXTS), max_size=3), ANY)
CITE = st.dictionaries(
    st.sampled_from(["source", "section", "quote", "locator", "page"]),
    st.one_of(IDS, TEXTS, ANY),
    max_size=4,
)
CITES = st.one_of(st.lists(st.one_of(CITE, ANY), max_size=2), ANY)
STATUS = st.sampled_from(["reported", " disputed", "alleged", "assessment", "rumour", 3])
DATE = st.one_of(
    st.sampled_from(["1962", "1962-10", " 1962-10-27 ", "62", "1962/1963"]),
    st.sampled_from(["1962-13", "1962-00", "1962-02-29", "1964-02-29", "1962-04-31/1963"]),
    ANY,
)
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "id": IDS,
    "topic": IDS,
    "title": TEXTS,
    "summary": TEXTS,
    "name": TEXTS,
    "description": TEXTS,
    "text": TEXTS,
    "note": TEXTS,
    "by": TEXTS,
    "author": TEXTS,
    "url": TEXTS,
    "publisher": TEXTS,
    "aliases": LISTS,
    "tags": LISTS,
    "related": LISTS,
    "sections": LISTS,
    "actors": LISTS,
    "contradicts": LISTS,
    "supports": LISTS,
    "cites": CITES,
    "status": STATUS,
    "kind": st.sampled_from(["article", "report", " book ", "blog", 1]),
    "date": DATE,
    "retrieved": DATE,
    "reliability": st.sampled_from(["A", " F ", "G", "", 1]),
    "credibility": st.one_of(st.integers(0, 7), st.booleans(), TEXTS),
    "likelihood": st.sampled_from(["likely", "Very Likely", "maybe"]),
    "relation": st.sampled_from(["shields", "trades-with", "hugs"]),
    "bogus": ANY,
}


RIGHT: dict[str, st.SearchStrategy[Any]] = {
    "id": st.sampled_from(["t1", " c1 ", "c2", "a1"]),
    "topic": st.just("t1"),
    "kind": st.sampled_from(["article", " book "]),
    "status": st.sampled_from(["reported", "disputed", "alleged", "assessment"]),
    "cites": st.lists(
        st.fixed_dictionaries(
            {"source": st.just("s1")},
            optional={"section": TEXTS, "quote": TEXTS, "locator": TEXTS},
        ),
        min_size=1,
        max_size=2,
    ),
    "date": st.sampled_from(["1962", "1962-10", " 1962-10-27 "]),
    "reliability": st.just("B"),
    "credibility": st.integers(1, 6),
}
for _key in ("title", "summary", "name", "description", "text", "note", "by", "author"):
    RIGHT[_key] = st.sampled_from(["Alpha", " Beta "])
for _key in ("url", "publisher"):
    RIGHT[_key] = st.just("x")
for _key in ("aliases", "tags", "sections"):
    RIGHT[_key] = st.lists(st.sampled_from(["One", " Two "]), max_size=2)
for _key in ("related", "actors", "contradicts", "supports"):
    RIGHT[_key] = st.lists(st.sampled_from(["c1", "c2", " a1 "]), max_size=2)
RIGHT["retrieved"] = RIGHT["date"]


@st.composite
def entry(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """An entry of *kind*: right (its required keys, some others), then maybe spoiled:
    a key dropped, a value made wrong, a key added."""
    fields = schema.FIELDS[kind]
    keys = [k for k in fields if k in RIGHT]
    chosen = [k for k in keys if fields[k].required or draw(st.booleans())]
    table = {k: draw(RIGHT[k]) for k in chosen}
    for _ in range(draw(st.integers(0, 2))):
        key = draw(st.sampled_from([*keys, "bogus", "likelihood", "relation"]))
        if key in table and draw(st.booleans()):
            del table[key]
        else:
            table[key] = draw(VALUES[key])
    return table


DOCS = st.fixed_dictionaries(
    {"format": st.sampled_from([1, 2])},
    optional={kind: st.lists(entry(kind), max_size=4) for kind in KINDS},
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=DOCS)
def test_nearly_right_entries_check_alike(doc: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        both_ways(doc, "made.toml", monkeypatch)


RECORDS = [
    Topic("t", "T", "S", ("a",), ("b",), ("c",), "f"),
    Actor("a", "A", "D", (), "f"),
    Source("s", "S", "book", "me", "1962", None, ("One",), "f", "A", "P", "1963", "s.txt", "n"),
    Citation("s", "One", "q", "p. 3"),
    Claim("c", "C", "t", ("a", "b"), (Citation("s"),), "alleged", ("d",), (), "n", "f", 3),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_a_builder_builds_what_its_class_would(record: Any) -> None:
    cls = type(record)
    values = tuple(getattr(record, f.name) for f in dataclasses.fields(cls))
    built = builders.BUILDERS[cls](*values)
    assert type(built) is cls
    assert built == record and hash(built) == hash(record)
    assert pickle.loads(pickle.dumps(builders.BUILDERS[cls])) is builders.BUILDERS[cls]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, dataclasses.fields(cls)[0].name, "other")


def test_a_builder_is_refused_where_init_does_more() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Posted:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (NoSlots, Posted):
        with pytest.raises(TypeError):
            builders._make(cls, "build")


def test_every_unsafe_character_makes_a_file_not_plain() -> None:
    for low, high in RANGES:
        for code in range(low, high + 1):
            raw = f'format = 1\nx = "{chr(code)}"\n'.encode("utf-8", "surrogatepass")
            assert not plainly_inert(raw)
    for plain_looking in (b"x = '\\u001b'\n", b"x = 1\r\n", b"x = '\t'\n"):
        assert not plainly_inert(plain_looking)
    assert plainly_inert(b'format = 1\n[[topics]]\nid = "a-b"  # fine: ~!@#$%^&*()\n')


@given(st.text())
def test_plain_bytes_hold_nothing_the_full_scan_would_catch(text: str) -> None:
    if plainly_inert(text.encode("utf-8", "surrogatepass")):
        assert not might_be_unsafe(text)


CLAIM = {"id": "c1", "text": "A", "topic": "t1", "cites": [{"source": "s1"}]}
SOURCE = {"id": "s1", "title": "S", "kind": "book"}


@pytest.mark.parametrize(
    ("version", "kind", "table"),
    [
        (1, "claims", {**CLAIM, "status": "disputed"}),
        (2, "claims", {**CLAIM, "status": "alleged", "credibility": 3}),
        (1, "claims", {**CLAIM, "contradicts": ["c1"]}),
        (1, "claims", {**CLAIM, "supports": [" c1"]}),
        (1, "claims", {**CLAIM, "contradicts": ["c2"], "supports": ["c2"]}),
        (1, "claims", {**CLAIM, "cites": [{"source": "s1", "quote": "q"}]}),
        (1, "claims", {**CLAIM, "credibility": 3}),
        (1, "claims", {**CLAIM, "cites": []}),
        (2, "claims", {**CLAIM, "credibility": True}),
        (2, "claims", {**CLAIM, "likelihood": "likely"}),
        (2, "claims", {**CLAIM, "actors": ["a1"], "relation": "shields"}),
        (1, "sources", {**SOURCE, "note": "n"}),
        (1, "sources", {**SOURCE, "date": "1962-1"}),
        (1, "sources", {**SOURCE, "date": "2024-13-45"}),
        (2, "sources", {**SOURCE, "retrieved": "2021-02-29"}),
        (2, "sources", {**SOURCE, "text": "/etc/passwd"}),
        (2, "sources", {**SOURCE, "reliability": "a+"}),
        (1, "topics", {"id": "t1", "title": "T", "summary": " ", "tags": ["x"]}),
        (1, "actors", {"id": "A1", "name": "A", "description": "D"}),
    ],
)
def test_an_entry_with_a_problem_takes_the_full_check(
    version: int, kind: str, table: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fastentry.plain_entry(kind, table, "f.toml", version) is None
    doc = {"format": version, kind: [table]}
    assert both_ways(doc, "f.toml", monkeypatch) == 0
    assert check_document(doc, "f.toml").problems


@pytest.mark.parametrize(
    ("version", "kind", "table"),
    [
        (2, "claims", {**CLAIM, "status": "alleged", "credibility": 3, "by": "a1"}),
        (2, "claims", {**CLAIM, "status": "disputed", "note": " why "}),
        (2, "claims", {**CLAIM, "cites": [{"source": " s1", "quote": "q ", "locator": "p"}]}),
        (1, "claims", {**CLAIM, "contradicts": ["c2"], "supports": ["c3"], "actors": []}),
        (2, "sources", {**SOURCE, "reliability": " F", "retrieved": "2001-02", "note": "n"}),
        (1, "sources", {**SOURCE, "date": "1962-10-27", "sections": ["One"], "url": "u"}),
        (1, "sources", {**SOURCE, "date": "2024-02-29"}),
        (1, "topics", {"id": "t1", "title": "T", "summary": "S", "related": ["t2"]}),
        (1, "actors", {"id": "a1", "name": "A", "description": "D", "aliases": ["B"]}),
    ],
)
def test_a_right_entry_takes_the_fast_path(
    version: int, kind: str, table: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = {"format": version, kind: [table]}
    assert both_ways(doc, "f.toml", monkeypatch) == 1
    assert not check_document(doc, "f.toml").problems


def test_references_share_one_string_per_id() -> None:
    """A corpus names the same topics, actors, sources and sections over and over: a
    plainly right entry keeps one string for each (a large load's memory), equal to
    the one written."""
    doc = parse(
        (
            b'format = 1\n[[claims]]\nid = "a"\ntext = "A"\ntopic = "t"\nactors = ["x"]\n'
            b'cites = [{ source = "s", section = "Part 1" }]\n'
            b'[[claims]]\nid = "b"\ntext = "B"\ntopic = "t"\nactors = ["x", "y"]\n'
            b'cites = [{ source = "s", section = "Part 1" }]\ncontradicts = ["a"]\n'
        ),
        "f.toml",
    )
    assert isinstance(doc, dict)
    (a, _), (b, _) = check_document(doc, "f.toml").entries["claims"]
    assert isinstance(a, Claim) and isinstance(b, Claim)
    assert (a.topic, a.actors, a.cites[0].section) == ("t", ("x",), "Part 1")
    assert a.topic is b.topic
    assert a.actors[0] is b.actors[0]
    assert a.cites[0].source is b.cites[0].source
    assert a.cites[0].section is b.cites[0].section


def test_claims_citing_the_same_section_share_one_citation() -> None:
    # One record (and one tuple) for a section cited over and over keeps a large load
    # small; a quoted citation is a claim's own.
    doc = {
        "format": 2,
        "claims": [
            {"id": f"c{n}", "text": "x", "topic": "t", "cites": [{"source": "s", "section": "P"}]}
            for n in range(3)
        ]
        + [
            {
                "id": "q",
                "text": "x",
                "topic": "t",
                "cites": [{"source": "s", "section": "P", "quote": "said"}],
            },
            {
                "id": "two",
                "text": "x",
                "topic": "t",
                "cites": [{"source": "s", "section": "P"}, {"source": "s"}],
            },
        ],
    }
    claims = [e for e, _ in check_document(doc, "f.toml").entries["claims"]]
    assert all(isinstance(c, Claim) for c in claims)
    first, second, third, quoted, two = cast("list[Claim]", claims)
    assert first.cites is second.cites is third.cites
    assert first.cites == (Citation("s", "P"),)
    assert quoted.cites[0] is not first.cites[0]
    assert quoted.cites[0].quote == "said"
    assert two.cites[0] is first.cites[0]
    assert two.cites == (Citation("s", "P"), Citation("s"))
