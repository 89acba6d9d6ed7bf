"""Hypothesis: no bytes and no TOML-shaped document make the loader raise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.core.diagnostics import Diagnostic
from brief.core.sanitize import is_inert
from brief.corpus.load import Layer, load
from brief.corpus.parse import parse
from brief.corpus.schema import check_document

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


@given(st.binary(max_size=400))
def test_parse_never_raises_on_bytes(data: bytes) -> None:
    result = parse(data, "f.toml")
    assert isinstance(result, (dict, Diagnostic))


@given(DOCS)
def test_check_document_never_raises(doc: dict[str, Any]) -> None:
    checked = check_document(doc, "f.toml")
    for problem in checked.problems:
        assert problem.file == "f.toml" and problem.code.startswith("BRIEF")
        assert "\n" not in str(problem)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(DOCS, min_size=1, max_size=3))
def test_load_of_random_documents_never_raises(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    import json

    root = tmp_path / "fuzz"
    root.mkdir(exist_ok=True)
    for old in root.iterdir():
        old.unlink()
    for i, doc in enumerate(docs):
        # JSON of strings/lists/dicts is close to TOML inline syntax; encode via a tiny writer
        (root / f"{i}.toml").write_text(_toml(doc))
    result = load([Layer(root, "fuzz")])
    for entry in (*result.corpus.topics, *result.corpus.actors, *result.corpus.claims):
        assert is_inert(entry.id)
    assert json.dumps([str(p) for p in result.problems])


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
        import tomllib

        doc = tomllib.loads(source)
    except Exception:
        return
    if not might_be_unsafe(source):
        assert inert_document(doc) == doc
    parsed = parse(source.encode("utf-8", "surrogatepass"), "f.toml")
    if isinstance(parsed, dict):
        assert is_inert(parsed["x"])
