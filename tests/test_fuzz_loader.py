"""Hypothesis: no bytes and no TOML-shaped document make the loader raise."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.core.diagnostics import Diagnostic
from brief.core.model import Corpus
from brief.core.sanitize import is_inert
from brief.corpus.load import Layer, load
from brief.corpus.parse import parse
from brief.corpus.schema import check_document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

KEYS = st.sampled_from(
    [
        "id",
        "title",
        "summary",
        "aliases",
        "tags",
        "related",
        "name",
        "description",
        "kind",
        "sections",
        "text",
        "topic",
        "actors",
        "cites",
        "status",
        "contradicts",
        "supports",
        "note",
        "source",
        "section",
        "date",
        "url",
        "author",
        "format",
        "x",
    ]
)
SCALARS = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=True),
    st.sampled_from(["china", "trade", "disputed", "article", "reported", "atlas"]),
)
VALUES: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=20,
)
DOCS = st.fixed_dictionaries(
    {"format": st.one_of(st.just(1), SCALARS)},
    optional={
        kind: st.lists(st.dictionaries(KEYS, VALUES, max_size=8), max_size=3)
        for kind in ("topics", "actors", "sources", "claims")
    },
)


# Documents of the right shape over a few ids, so that entries load and their references
# (to ids defined, left out or absent, and to sections spelled loosely) are resolved.
# Each kind has its own ids, and "x" may be any kind's (a clash, or a reference to nothing).
def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.sampled_from([f"{prefix}1", f"{prefix}2", "x"])


SECTIONS = st.sampled_from(["One", "Two", "one", "Three"])
WORDS = st.sampled_from(["Alpha", "Beta", "alpha", "x"])
_TOPIC = st.fixed_dictionaries(
    {"id": _ids("t"), "title": WORDS, "summary": WORDS},
    optional={"related": st.lists(_ids("t"), max_size=2), "aliases": st.lists(WORDS, max_size=1)},
)
_ACTOR = st.fixed_dictionaries(
    {"id": _ids("a"), "name": WORDS, "description": WORDS},
    optional={"aliases": st.lists(WORDS, max_size=1)},
)
_SOURCE = st.fixed_dictionaries(
    {"id": _ids("s"), "title": WORDS, "kind": st.sampled_from(["article", "report", "blog"])},
    optional={"sections": st.lists(SECTIONS, max_size=2)},
)
_CITE = st.fixed_dictionaries({"source": _ids("s")}, optional={"section": SECTIONS})
_CLAIM = st.fixed_dictionaries(
    {
        "id": _ids("c"),
        "text": WORDS,
        "topic": _ids("t"),
        "cites": st.lists(_CITE, min_size=1, max_size=2),
    },
    optional={
        "actors": st.lists(_ids("a"), max_size=2),
        "contradicts": st.lists(_ids("c"), max_size=2),
        "supports": st.lists(_ids("c"), max_size=1),
        "status": st.sampled_from(["reported", "disputed"]),
        "note": WORDS,
    },
)
SHAPED = st.fixed_dictionaries(
    {
        "format": st.just(1),
        "topics": st.lists(_TOPIC, min_size=1, max_size=2),
        "actors": st.lists(_ACTOR, max_size=2),
        "sources": st.lists(_SOURCE, min_size=1, max_size=2),
        "claims": st.lists(_CLAIM, min_size=1, max_size=4),
    }
)


@given(st.binary(max_size=400))
def test_parse_never_raises_on_bytes(data: bytes) -> None:
    result = parse(data, "f.toml")
    if isinstance(result, Diagnostic):
        assert result.file == "f.toml" and result.code.startswith("BRIEF")
        assert is_inert(str(result), line=True)
    else:
        assert_inert(result)


def assert_inert(value: Any) -> None:
    """Every key and string in a parsed document is safe to print."""
    if isinstance(value, str):
        assert is_inert(value), value
    elif isinstance(value, dict):
        for key, item in value.items():
            assert is_inert(key), key
            assert_inert(item)
    elif isinstance(value, list):
        for item in value:
            assert_inert(item)


@given(DOCS)
def test_check_document_never_raises(doc: dict[str, Any]) -> None:
    checked = check_document(doc, "f.toml")
    for problem in checked.problems:
        assert problem.file == "f.toml" and problem.code.startswith("BRIEF")
        assert "\n" not in str(problem)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(DOCS, min_size=1, max_size=3))
def test_load_of_random_documents_never_raises(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    check_load(tmp_path, docs)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(SHAPED, min_size=1, max_size=3))
def test_load_of_shaped_documents_resolves(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    check_load(tmp_path, docs)


def check_load(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    """Load *docs* as the files of one corpus; what comes out keeps the loader's promises."""
    root = tmp_path / "fuzz"
    root.mkdir(exist_ok=True)
    for old in root.iterdir():
        old.unlink()
    for i, doc in enumerate(docs):
        # JSON of strings/lists/dicts is close to TOML inline syntax; encode via a tiny writer
        (root / f"{i}.toml").write_text(_toml(doc))
    result = load([Layer(str(root), "fuzz")])
    assert_resolved(result.corpus)
    read = set(result.files)
    assert len(read) == len(docs)
    for problem in result.problems:
        assert problem.file in read and problem.code.startswith("BRIEF")
        assert "\n" not in str(problem)
    assert set(result.skipped) <= read


def assert_resolved(corpus: Corpus) -> None:
    """What a loaded corpus promises, however broken its files: ids unique and inert,
    every reference pointing at an entry that loaded."""
    named_ids = [
        *(t.id for t in corpus.topics),
        *(a.id for a in corpus.actors),
        *(s.id for s in corpus.sources),
    ]
    assert len(named_ids) == len(set(named_ids))  # topics, actors, sources: one namespace
    claim_ids = [c.id for c in corpus.claims]
    assert len(claim_ids) == len(set(claim_ids))
    for ident in (*named_ids, *claim_ids):
        assert is_inert(ident)
    topics = {t.id for t in corpus.topics}
    actors = {a.id for a in corpus.actors}
    sources = {s.id: s for s in corpus.sources}
    for topic in corpus.topics:
        assert set(topic.related) <= topics
    for claim in corpus.claims:
        assert claim.topic in topics
        assert set(claim.actors) <= actors
        assert claim.cites  # at least one
        for cite in claim.cites:
            source = sources[cite.source]
            if source.sections:
                assert cite.section in source.sections
        assert set(claim.contradicts) | set(claim.supports) <= set(claim_ids)


def _toml(doc: dict[str, Any]) -> str:
    lines = []
    for key, value in doc.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for table in value:
                lines.append(f"[[{key}]]")
                lines += [f"{k} = {_value(v)}" for k, v in table.items()]
        else:
            lines.insert(0, f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    import json
    import math

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_value(v)}" for k, v in value.items()) + "}"


@given(st.text(max_size=60))
def test_skipping_the_inert_walk_is_safe(value: str) -> None:
    """parse() skips sanitising a document only when its source cannot hold anything unsafe."""
    from brief.core.sanitize import inert_document, might_be_unsafe

    source = f"format = 1\nx = {_value(value)}\n"
    try:
        doc = tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return
    if not might_be_unsafe(source):
        assert inert_document(doc) == doc
    parsed = parse(source.encode("utf-8", "surrogatepass"), "f.toml")
    if isinstance(parsed, dict):
        assert is_inert(parsed["x"])
