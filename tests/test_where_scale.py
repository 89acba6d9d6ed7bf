"""Authoring at scale: ``where``, ``edit`` and ``new`` parse only the files that could
name the entry, and check an edited file against the cache, not a load of every file.

What they find must be what parsing every file finds (the text filter only ever skips
a file that cannot name the entry), and the problems an edit is told must be exactly
those a load of the whole corpus finds in its file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import brief.corpus.where as where
from brief.core.errors import NotFound
from brief.core.names import normalise
from brief.corpus.authoring import toml_string
from brief.corpus.layers import Layer, bundled_root
from brief.corpus.load import load
from brief.store import open_store

from .conftest import run

CORPORA = Path(__file__).parent / "corpora"
TEST_CORPORA = sorted(p for p in CORPORA.iterdir() if p.is_dir())


def _layer_sets() -> list[list[Layer]]:
    sets = [[Layer(bundled_root(), "bundled")]]
    sets += [[Layer(str(p), p.name)] for p in TEST_CORPORA]
    sets.append([Layer(bundled_root(), "bundled"), Layer(str(CORPORA / "leftout"), "mine")])
    return sets


# -- the text filter -----------------------------------------------------------------------


@given(
    name=st.text(min_size=1, max_size=30),
    before=st.text(max_size=20),
    literal=st.booleans(),
)
def test_a_name_written_in_a_file_is_never_filtered_out(
    name: str, before: str, literal: bool
) -> None:
    key = normalise(name)
    if not key:
        return
    plain = literal and "'" not in name and not any(c < " " or c == "\x7f" for c in name)
    value = f"'{name}'" if plain else toml_string(name)
    data = f'# {toml_string(before)}\n[[actors]]\nid = "x"\nname = {value}\n'.encode(
        "utf-8", "surrogatepass"
    )
    assert where.may_name(data, [key])


def test_the_filter_skips_a_file_without_the_words() -> None:
    data = b'[[topics]]\nid = "arctic-shipping"\ntitle = "Arctic shipping"\n'
    assert where.may_name(data, ["arctic-shipping"])
    assert where.may_name(data, ["shipping-arctic"])  # words, in any order: still parsed
    assert not where.may_name(data, ["arctic-fishing"])
    assert not where.may_name(data, ["ré"])  # not ASCII: not in an ASCII file
    assert where.may_name('title = "Straße"'.encode(), ["strasse"])  # folded, not lowered
    assert where.may_name(b'title = "A\\u0042"', ["zzz"])  # an escape: always parsed


def _every_name(layers: list[Layer]) -> list[str]:
    names = {n for d in where.definitions(layers) for n in d.names}
    return sorted(names | {d.id for d in where.definitions(layers)})


@pytest.mark.parametrize("layers", _layer_sets(), ids=lambda ls: "+".join(x.label for x in ls))
def test_find_finds_what_parsing_every_file_finds(
    layers: list[Layer], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [*_every_name(layers), "no-such-entry", "sanctionz"]
    filtered = {}
    for name in names:
        try:
            filtered[name] = where.find(layers, name)
        except NotFound as error:
            filtered[name] = str(error)  # type: ignore[assignment]
    monkeypatch.setattr(where, "may_name", lambda data, keys: True)
    for name in names:
        try:
            expected: object = where.find(layers, name)
        except NotFound as error:
            expected = str(error)
        assert filtered[name] == expected, name


@pytest.mark.parametrize("layers", _layer_sets(), ids=lambda ls: "+".join(x.label for x in ls))
def test_find_all_gives_what_find_gives_name_by_name(layers: list[Layer]) -> None:
    """One reading of the files for several names (``new claim``'s topic, actors and
    source) answers each as a reading for it alone does."""
    names = _every_name(layers)
    kinds: list[tuple[str, ...]] = [(), ("topic",), ("actor",), ("source",), ("claim",)]
    wanted = [(n, kinds[i % len(kinds)]) for i, n in enumerate(names)]
    alone: list[list[where.Definition] | None] = []
    for name, kind in wanted:
        try:
            alone.append(where.find(layers, name, kind))
        except NotFound:
            alone.append(None)
    found = [w for w, a in zip(wanted, alone, strict=True) if a is not None]
    assert where.find_all(layers, found) == [a for a in alone if a is not None]
    missing = next(w for w, a in zip(wanted, alone, strict=True) if a is None)
    with pytest.raises(NotFound) as error:
        where.find_all(layers, [*found[:3], missing, *found[3:6]])
    assert missing[0] in str(error.value)


# -- the problems of one file --------------------------------------------------------------


@pytest.mark.parametrize("layers", _layer_sets(), ids=lambda ls: "+".join(x.label for x in ls))
def test_the_problems_of_a_file_are_those_a_load_finds(
    layers: list[Layer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    loaded = load(layers)
    live = open_store(layers)  # a cold start: the load, which writes the cache
    cached = open_store(layers)
    assert type(live).__name__ == "LiveStore" and type(cached).__name__ == "CachedStore"
    names = {p.file for p in loaded.problems} | set(loaded.files)
    if layers[-1].label in ("hostile", "leftout", "mine"):
        assert loaded.problems  # the corpora made of problems have some
    for name in sorted(names):
        expected = [str(p) for p in loaded.problems if p.file == name]
        assert live.problems_in({name}) == expected, name
        assert cached.problems_in({name}) == expected, name


# -- the commands, on a corpus of many files -----------------------------------------------


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus of 40 topic files, its cache warm; parsing counted from then on."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = tmp_path / "many"
    (corpus / "topics").mkdir(parents=True)
    (corpus / "actors.toml").write_text(
        'format = 1\n\n[[actors]]\nid = "norway"\nname = "Norway"\ndescription = "A state."\n'
    )
    for n in range(40):
        (corpus / "topics" / f"t{n:02d}.toml").write_text(
            f'format = 1\n\n[[topics]]\nid = "topic-{n:02d}"\ntitle = "Topic {n:02d}"\n'
            f'summary = "About {n}."\n\n[[sources]]\nid = "review-{n:02d}"\n'
            f'title = "Review {n:02d}"\nkind = "article"\nsections = ["Outlook"]\n\n'
            f'[[claims]]\nid = "topic-{n:02d}-one"\ntopic = "topic-{n:02d}"\n'
            f'actors = ["norway"]\ntext = "One."\n'
            f'cites = [{{ source = "review-{n:02d}", section = "Outlook" }}]\n'
        )
    old = os.stat(corpus / "actors.toml").st_mtime - 10  # out of the racy window
    for path in corpus.rglob("*.toml"):
        os.utime(path, (old, old))
    assert run("--no-bundled", "-c", str(corpus), "list", "topics").exit_code == 0
    return corpus


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    from brief.corpus.parse import parse as real

    def counted(data: bytes, name: str) -> object:
        parsed.append(name.rsplit("/", 1)[-1])  # the file's name alone
        return real(data, name)

    monkeypatch.setattr("brief.corpus.where.parse", counted)

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus was loaded from its files")

    monkeypatch.setattr("brief.store.build.build", refused)
    return parsed


def _replacing(tmp_path: Path, old: str, new: str) -> str:
    """An $EDITOR that replaces *old* with *new* in the file it is given."""
    script = tmp_path / "ed.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[-1])\n"
        f"p.write_text(p.read_text().replace({old!r}, {new!r}))\n"
    )
    return f"{sys.executable} {script}"


def test_where_parses_only_the_files_that_could_name_the_entry(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _count_parses(monkeypatch)
    result = run("--no-bundled", "-c", str(many), "where", "Topic 07")
    assert result.stdout == f"{many / 'topics' / 't07.toml'}:3\n"
    assert parsed == ["t07.toml"]
    parsed.clear()
    assert run("--no-bundled", "-c", str(many), "where", "topic-07-one").exit_code == 0
    assert parsed == ["t07.toml"]


def test_a_name_not_found_is_suggested_from_the_cache(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _count_parses(monkeypatch)
    result = run("--no-bundled", "-c", str(many), "where", "norwya")
    assert result.exit_code == 1 and "(did you mean 'norway'?)" in result.stderr
    assert parsed == []


def test_edit_checks_the_edited_file_against_the_cache(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _count_parses(monkeypatch)
    env = {"EDITOR": _replacing(tmp_path, 'section = "Outlook', 'section = "Outlok')}
    result = run("--no-bundled", "-c", str(many), "edit", "topic-03", env=env)
    assert result.exit_code == 1  # no terminal to ask: kept, and says so
    assert "t03.toml:19: claims[0].cites[0].section: " in result.stderr
    assert "did you mean 'Outlook'" in result.stderr
    # the edited file alone: once to check it, once for its problems' lines, once for
    # the line of its warning as the cache takes the edit in place
    assert parsed == ["t03.toml"] * 3


def test_new_claim_takes_a_fresh_id_parsing_only_the_topic_file(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _count_parses(monkeypatch)
    args: tuple[str, ...] = ("--no-bundled", "-c", str(many), "new", "claim", "--into", str(many))
    args += ("--topic", "topic-05", "--source", "review-05", "--section", "Outlook", "One")
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "the claim 'topic-05-one-2'" in result.stdout
    # the topic and the source (one reading for both), then the ids like the new one
    assert parsed == ["t05.toml"] * 2


def test_an_edit_the_cache_cannot_take_is_checked_by_a_load_not_a_rebuild(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor no file defines: the cache is not brought up to date in place (nor
    rebuilt, which costs more than the load that answers the question)."""
    _count_parses(monkeypatch)  # a rebuild fails the test
    env = {"EDITOR": _replacing(tmp_path, '"norway"]', '"norwya"]')}
    result = run("--no-bundled", "-c", str(many), "edit", "topic-04", env=env)
    assert result.exit_code == 1
    assert "t04.toml:17: claims[0].actors[0]: unknown actor 'norwya'" in result.stderr


def test_an_edit_that_breaks_other_files_says_so(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user renamed a source's section and was told "ok" while two claims in other
    files no longer cited a section it has."""
    _count_parses(monkeypatch)
    (many / "topics" / "t09.toml").write_text(
        'format = 1\n\n[[topics]]\nid = "topic-09"\ntitle = "Topic 09"\nsummary = "S."\n\n'
        '[[claims]]\nid = "topic-09-one"\ntopic = "topic-09"\nactors = ["norway"]\n'
        'text = "One."\ncites = [{ source = "review-08", section = "Outlook" }]\n'
    )
    old = os.stat(many / "actors.toml").st_mtime
    os.utime(many / "topics" / "t09.toml", (old, old))
    env = {"EDITOR": _replacing(tmp_path, '["Outlook"]', '["Prospects"]')}
    result = run("--no-bundled", "-c", str(many), "edit", "review-08", env=env)
    assert result.exit_code == 1  # no terminal to ask: kept, with its problems
    assert "t08.toml: the edit gives other files a problem:" in result.stderr
    caused = f"\n  {many / 'topics' / 't09.toml'}: claims[0].cites[0].section: source 'review-08'"
    assert caused in result.stderr
    assert "ok:" not in result.stdout
