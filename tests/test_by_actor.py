"""A claim's ``by`` that means an actor but does not name it by its id (BRIEF022).

A trial wrote ``by = "austria"`` where the actor's id is ``austria-hungary``: the claim
showed "by austria", linked to no actor, and nothing said so.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import run, settle, unlined

HEAD = """format = 2

[[topics]]
id = "crisis"
title = "July Crisis"
summary = "The weeks before the war."

[[actors]]
id = "austria-hungary"
name = "Austria-Hungary"
description = "The Dual Monarchy."
aliases = ["Austria", "the Dual Monarchy"]

[[actors]]
id = "serbia"
name = "Serbia"
description = "A kingdom."

[[sources]]
id = "clark"
title = "The Sleepwalkers"
kind = "book"
reliability = "B"
"""


def claim(ident: str, by: str) -> str:
    return (
        f'\n[[claims]]\nid = "{ident}"\ntopic = "crisis"\nactors = ["serbia"]\n'
        f'status = "alleged"\nby = "{by}"\ntext = "Said by {by}."\n'
        'cites = [{ source = "clark" }]\n'
    )


def told(by: str) -> str:
    return (
        f"{by!r} is no actor's id, so it is shown as written and links to no actor; "
        "for actor 'austria-hungary', write by = \"austria-hungary\" [BRIEF022]"
    )


def test_a_by_that_is_an_actors_name_alias_or_mistyped_id_is_told(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        HEAD
        + claim("alias", "Austria")  # an alias, in any case
        + claim("name", "austria hungary")  # the name, written loosely
        + claim("slip", "austra-hungary")  # the id, mistyped
        + claim("own", "unnamed Viennese officials")  # a claimant of its own: as meant
        + claim("close", "Austrian press")  # near, but words of its own
        + claim("right", "austria-hungary")
    )
    result = run("--no-bundled", "-c", str(tmp_path), "validate")
    assert result.exit_code == 1
    lines = unlined(result.stdout).splitlines()
    assert lines == [
        f"{tmp_path}/a.toml: claims[0].by: {told('Austria')}",
        f"{tmp_path}/a.toml: claims[1].by: {told('austria hungary')}",
        f"{tmp_path}/a.toml: claims[2].by: {told('austra-hungary')}",
    ]
    line = (tmp_path / "a.toml").read_text().splitlines().index('by = "Austria"') + 1
    assert result.stdout.splitlines()[0].startswith(f"{tmp_path}/a.toml:{line}: ")
    shown = run("--no-bundled", "-c", str(tmp_path), "show", "crisis", "-f", "plain").stdout
    assert "by Austria" in shown and "by Austria-Hungary" in shown  # kept, as written


def test_an_edit_applied_in_place_tells_it_as_a_full_load_does(tmp_path: Path) -> None:
    """The cache takes an edit without reading every file again (``incremental``): a
    new claim's ``by`` is checked there too, against the actors the cache names."""
    from brief.corpus.layers import Layer
    from brief.store import CachedStore, LiveStore, open_store
    from brief.store.build import build

    layers = [Layer(str(tmp_path), "notes")]
    path = tmp_path / "a.toml"
    path.write_text(HEAD + claim("right", "austria-hungary") + claim("own", "the press"))
    settle(tmp_path)
    open_store(layers)  # builds the cache
    assert isinstance(open_store(layers), CachedStore)
    path.write_text(path.read_text() + claim("alias", "Austria") + claim("slip", "austria-hungry"))
    settle(tmp_path)
    store = open_store(layers)
    assert isinstance(store, CachedStore)  # applied in place, not rebuilt
    fresh = build(layers, None)
    assert isinstance(fresh, LiveStore)
    assert store.warnings == fresh.warnings
    assert any("claims[2].by: 'Austria' is no actor's id" in w for w in store.warnings)
    assert store.problems_in(["notes/a.toml"]) == fresh.problems_in(["notes/a.toml"])
    assert sum("[BRIEF022]" in p for p in store.problems_in(["notes/a.toml"])) == 2
