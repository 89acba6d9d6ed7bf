"""``brief graph`` (and the TUI's relations) from the cache: the claims that state a
relation and what they name, not the whole index; the same graph, and the same errors.

A warm ``brief graph`` once read the whole corpus back from the cache to build the index:
seconds at 10,000 topics, for the few claims that state a relation.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from pathlib import Path

import pytest

from brief.core.errors import NotFound
from brief.corpus.layers import Layer, bundled_root
from brief.store import CachedStore, LiveStore, cache_file
from brief.views.graph import Graph, Query
from brief.views.mingrade import minimum

from .conftest import CORPORA, run, same_warm_as_from_files, settle, stores


def copied(source: Path | str, tmp_path: Path, extra: str = "") -> Path:
    dest = tmp_path / "notes"
    shutil.copytree(source, dest)
    if extra:
        (dest / "extra.toml").write_text(extra)
    settle(dest)
    return dest


#: A claim graded "by" an actor it does not name, in a topic of its own: its briefing
#: shows the actor by name only if the cache reads that actor too.
BY_ANOTHER = """format = 2
[[topics]]
id = "lonely"
title = "Lonely"
summary = "One claim."

[[claims]]
id = "lonely-1"
topic = "lonely"
actors = ["china"]
text = "China did a thing."
status = "alleged"
by = "un"
credibility = 3
cites = [{ source = "wire-report" }]
"""


@pytest.fixture(params=["relations", "bundled"])
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "relations":
        return copied(CORPORA / "relations", tmp_path, BY_ANOTHER)
    return copied(bundled_root(), tmp_path)


def queries(live: LiveStore) -> list[Query | None]:
    """Every actor and topic alone and in pairs, filters, and names that reach nothing."""
    index = live.index()
    names = [*index.actors, *index.topics]
    out: list[Query | None] = [None, Query()]
    out += [Query((name,)) for name in names]
    out += [Query((a, b)) for a, b in itertools.pairwise(names)]
    out += [Query(relations=("shields",)), Query(relations=("trades-with", "sanctions"))]
    out += [Query(topic=t) for t in index.topics]
    out += [Query(min_grade=minimum(g)) for g in ("B", "3", "A1", "C3")]
    out += [Query(("china",), ("supports",), next(iter(index.topics)), minimum("C"))]
    source = next(iter(index.sources))
    out += [
        Query(("chna",)),  # did you mean
        Query(("China", "zzz")),
        Query((source,)),  # a source: neither actor nor topic
        Query((source, "zzz")),  # the first wrong name is the one named
        Query(("zzz", source)),
        Query(topic="china"),  # an actor, not a topic
        Query(topic="sanctons"),
        Query(("china",), topic="zzz"),
        Query((source[:-1],)),  # near a source: offered topics and actors only
    ]
    return out


def test_a_name_that_reaches_nothing_is_no_topic_or_actor(corpus: Path) -> None:
    """A graph draws topics and actors: a miss says so, and offers no source, however
    near (it offered the source ``why-china`` for ``why-chna``, which it then refused)."""
    live, cached = stores(corpus)
    source = next(iter(live.index().sources))
    for store in (live, cached):
        assert answer(store, Query(("zzz",))) == ("NotFound", "no topic or actor named 'zzz'")
        missed = answer(store, Query((source[:-1],)))
        assert not isinstance(missed, Graph)
        said = missed[1]
        assert said.startswith(f"no topic or actor named {source[:-1]!r}")
        assert repr(source) not in said


def answer(store: LiveStore | CachedStore, query: Query | None) -> Graph | tuple[str, str]:
    try:
        return store.graph(query)
    except NotFound as error:
        return (type(error).__name__, str(error))


def test_the_cached_graph_is_the_index_s(corpus: Path, no_whole_corpus: None) -> None:
    live, cached = stores(corpus)
    tried = queries(live)
    for query in tried:
        assert answer(cached, query) == answer(live, query), query
    kinds = {type(answer(cached, q)).__name__ for q in tried}
    assert kinds == {"Graph", "tuple"}
    assert cached.graph().edges  # not vacuous: there are relations to draw


def test_a_relation_s_by_actor_is_named_in_a_cached_briefing(tmp_path: Path) -> None:
    """A claim "by" an actor its own actors do not include: the briefing built from the
    cache's rows shows that actor by name, as a load does (it showed its id)."""
    live, cached = stores(copied(CORPORA / "relations", tmp_path, BY_ANOTHER))
    assert cached.briefing("lonely") == live.briefing("lonely")
    assert (
        "by United Nations"
        in run("--no-bundled", "-c", str(tmp_path / "notes"), "show", "lonely").stdout
    )


def test_the_cache_lists_exactly_the_claims_that_state_a_relation(corpus: Path) -> None:
    live, _ = stores(corpus)
    con = sqlite3.connect(cache_file([Layer(str(corpus), "notes")]))
    try:
        listed = {claim for (claim,) in con.execute("SELECT claim FROM relation_claims")}
    finally:
        con.close()
    assert listed == {c.id for c in live.index().corpus.claims if c.relation is not None}
    assert listed


GRAPHS = [
    (),
    ("china",),
    ("china", "-r", "shields"),
    ("sanctions", "-f", "json"),
    ("--min-grade", "B", "-f", "dot"),
    ("chna",),
    ("zzz", "--topic", "china"),
]


@pytest.mark.parametrize("args", GRAPHS, ids=" ".join)
def test_cli_graph_from_the_cache_is_graph_from_the_files(
    args: tuple[str, ...],
    tmp_path: Path,
    no_whole_corpus: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes = copied(CORPORA / "relations", tmp_path, BY_ANOTHER)
    command = ("--no-bundled", "-c", str(notes), "graph", *args)
    same_warm_as_from_files(command, monkeypatch)
