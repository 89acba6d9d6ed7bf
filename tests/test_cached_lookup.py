"""Names, tags and suggestions answered from the cache's tables, as the index answers them.

A warm ``brief search --actor X`` (or ``--tag``, ``--topic``) once built the whole index
just to resolve X: seconds at 10,000 topics. The cached store now looks them up in its
``names`` and ``tags`` tables; these tests hold it to the index's answers, errors and
suggestions included, and show that no command here reads the whole corpus.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from brief.core.errors import BriefError, NotFound
from brief.core.kinds import Kind
from brief.corpus.layers import Layer, bundled_root
from brief.store import CachedStore, LiveStore, cache_file, open_store

from .conftest import same_warm_as_from_files, settle, stores


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the bundled corpus, dated back so that the second open reads the cache."""
    dest = tmp_path / "notes"
    shutil.copytree(bundled_root(), dest)
    settle(dest)
    return dest


def answer(ask: Callable[..., object], *args: object) -> tuple[str, object]:
    """What ``ask(*args)`` gives: the value, or the error's type and words."""
    try:
        return ("value", ask(*args))
    except NotFound as error:
        return (type(error).__name__, str(error))


def names_to_try(live: LiveStore) -> list[str]:
    """Every name the index knows, spelt as readers do, and near misses of each kind."""
    index = live.index()
    names = [*index.names, *index.by_tag]
    names += [name.upper().replace("-", " ") for name in names[:40]]
    names += [name[:-1] for name in names[:60] if len(name) > 3]  # typos, prefixes
    names += ["", "  ", "-", "korea", "sanction", "chna", "rusia", "zzz", "north", "\x1b[31m"]
    return names


def test_names_of_one_kind_resolve_as_the_index_resolves_them(
    corpus: Path, no_whole_corpus: None
) -> None:
    live, cached = stores(corpus)
    names = names_to_try(live)
    for kind in (Kind.ACTOR, Kind.TOPIC):
        for name in names:
            want = answer(live.resolve_as, name, kind)
            assert answer(cached.resolve_as, name, kind) == want, (name, kind)
    kinds = {answer(cached.resolve_as, name, Kind.ACTOR)[0] for name in names}
    assert kinds == {"value", "WrongKind", "NotFound"}  # every way it can go was tried


def test_tags_and_suggestions_are_the_index_s(corpus: Path, no_whole_corpus: None) -> None:
    live, cached = stores(corpus)
    names = names_to_try(live)
    for name in names:
        assert answer(cached.resolve_tag, name) == answer(live.resolve_tag, name)
        assert cached.suggest(name) == live.suggest(name), name
        for kinds in (("topic",), ("actor",), ("source",), ("actor", "source")):
            assert cached.suggest(name, kinds) == live.suggest(name, kinds), (name, kinds)
            assert {live.index().kind(i) for i in live.suggest(name, kinds)} <= set(kinds)
        assert answer(cached.resolve, name) == answer(live.resolve, name)
    assert {answer(cached.resolve_tag, name)[0] for name in names} == {"value", "NotFound"}
    assert cached.suggest("chna") == ("china",)
    assert cached.suggest("sanction", ("actor",)) != cached.suggest("sanction", ("topic",))


def test_what_a_name_reaches_is_what_resolve_finds(corpus: Path, no_whole_corpus: None) -> None:
    """``brief where`` checks the definitions it finds against ``Store.reached``: it
    must be ``show``'s answer, from the cache as from the files, and name the kind."""
    live, cached = stores(corpus)
    index = live.index()
    claims = list(index.claims)[:20]
    for name in [*names_to_try(live), *claims, *(c.upper() for c in claims)]:
        reached = cached.reached(name)
        assert reached == live.reached(name), name
        said = answer(live.resolve, name)
        if reached is None:
            assert said[0] != "value", name
        elif reached[1] == "claim":
            assert reached[0] in index.claims and said[0] != "value", name
        else:
            assert said == ("value", reached[0]) and index.kind(reached[0]) == reached[1], name
    kinds = {found[1] if found else None for found in map(cached.reached, [*index.names, *claims])}
    assert kinds == {"topic", "actor", "source", "claim"}  # every kind was tried


def test_resolve_as_takes_an_actor_a_topic_or_a_source(corpus: Path) -> None:
    live, cached = stores(corpus)
    source = next(iter(live.index().sources))
    said = []
    for store in (live, cached):
        with pytest.raises(ValueError):
            store.resolve_as("china", "tag")
        assert store.resolve_as(source.upper(), Kind.SOURCE) == source
        for wrong in ("china", source[:-1] + "x"):  # an actor; a source misspelt
            with pytest.raises(BriefError) as error:
                store.resolve_as(wrong, Kind.SOURCE)
            said.append(str(error.value))
    assert said[:2] == said[2:]
    assert "'china' is an actor, not a source" in said[0]
    assert said[1].startswith(f"no source named '{source[:-1]}x' (did you mean '{source}'")


def test_a_damaged_name_row_among_the_suggestions_rebuilds(corpus: Path) -> None:
    """A suggestion is read from disk: a row whose checksum fails is not shown."""
    live, _ = stores(corpus)
    con = sqlite3.connect(cache_file([Layer(str(corpus), "notes")]))
    con.execute("UPDATE names SET id = 'forged' WHERE key = 'china'")
    con.commit()
    con.close()
    cached = open_store([Layer(str(corpus), "notes")])
    assert isinstance(cached, CachedStore)
    assert cached.suggest("chna") == live.suggest("chna") == ("china",)
    assert cached.resolve_as("china", Kind.ACTOR) == "china"


SEARCHES = [
    ("trade", "--actor", "China"),
    ("trade", "--actor", "chna"),  # no such actor: did you mean
    ("trade", "--actor", "sanctions"),  # a topic, not an actor
    ("trade", "--tag", "Economy"),
    ("trade", "--tag", "econmy"),
    ("trade", "--topic", "sanctions"),
    ("trade", "--topic", "china"),  # an actor, not a topic
    ("trade", "--topic", "sanctons"),
    ("nuclear", "--actor", "russia", "--tag", "security", "-f", "json"),
    ("nuclear", "--actor", "united-states", "--topic", "trade"),  # the filter empties it
    ("sanctons",),  # nothing found: did you mean
    ("zzzz", "--actor", "china"),
]


@pytest.mark.parametrize("args", SEARCHES, ids=" ".join)
def test_cli_search_with_filters_from_the_cache_is_search_from_the_files(
    corpus: Path, args: tuple[str, ...], no_whole_corpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = ("--no-bundled", "-c", str(corpus), "search", *args)
    same_warm_as_from_files(command, monkeypatch)


def kept_by_actor(live: LiveStore, actor: str) -> set[tuple[str, str]]:
    """What ``--actor`` keeps, by its rule: the claims naming *actor*, the actor itself,
    and the topics with a claim naming it."""
    index = live.index()
    about = index.by_actor.get(actor, ())
    topics = {index.claims[c].topic for c in about}
    return {("claim", c) for c in about} | {("actor", actor)} | {("topic", t) for t in topics}


def test_every_actor_filter_keeps_exactly_what_the_rule_says(corpus: Path) -> None:
    """Checked for every actor of the bundled corpus against the index, from the cache."""
    live, cached = stores(corpus)
    total = 0
    for word in ("china", "trade", "nuclear", "sanction"):
        every = cached.search(word, limit=10_000).hits
        for actor in live.index().actors:
            rule = kept_by_actor(live, actor)
            want = [h for h in every if (h.kind, h.id) in rule]
            got = list(cached.search(word, limit=10_000, actor=actor).hits)
            assert got == want == list(live.search(word, limit=10_000, actor=actor).hits), actor
            total += len(got)
    assert total > 100
