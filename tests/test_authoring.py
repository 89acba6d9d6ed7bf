"""Authoring: init, new, edit (the re-edit loop, copy-on-edit), where, schema.

The editor is a small script (``$EDITOR``) that edits the file as a person would.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from brief.cli import cli
from brief.cli.editor import at_line
from brief.corpus.grades import FORMAT_2_KEYS, RELATION_KEYS
from brief.corpus.layers import bundled_root
from brief.corpus.parse import parse

from .conftest import CORPORA, run, same_warm_as_from_files, settle, unlined


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A personal corpus made by ``brief init``; its folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("VISUAL", raising=False)
    result = run("init")
    assert result.exit_code == 0, result.output
    return tmp_path / "data" / "brief" / "corpus"


def editor(tmp_path: Path, *steps: tuple[str, str]) -> str:
    """An $EDITOR that replaces, on its n-th run, steps[n][0] with steps[n][1]."""
    script = tmp_path / "ed.py"
    count = tmp_path / "ed.count"
    script.write_text(
        "import sys, pathlib\n"
        f"steps = {list(steps)!r}\n"
        f"count = pathlib.Path({str(count)!r})\n"
        "n = int(count.read_text()) if count.exists() else 0\n"
        "count.write_text(str(n + 1))\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        "old, new = steps[min(n, len(steps) - 1)]\n"
        "path.write_text(path.read_text().replace(old, new, 1))\n"
    )
    return f"{sys.executable} {script}"


def invoke(*args: str, env: dict[str, str], answers: str = "") -> Result:
    return CliRunner().invoke(cli, list(args), env=env, input=answers, catch_exceptions=False)


# -- init ----------------------------------------------------------------------------------


def test_init_creates_the_folder_and_adds_it_to_the_config_keeping_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = tmp_path / "config.toml"
    config.write_text(
        '# mine\nformat = "plain"  # always\ncorpus = [\n  "/old/notes"  # the old ones\n]\n'
    )
    monkeypatch.setenv("BRIEF_CONFIG", str(config))
    result = run("init")
    folder = tmp_path / "data" / "brief" / "corpus"
    assert result.exit_code == 0 and f"created {folder}" in result.stdout
    # the next step the authoring guide starts with: sources, then actors and topics
    assert result.stdout.endswith(
        "next: brief new source 'Its title', then brief new actor and brief new topic\n"
    )
    assert (folder / "brief.schema.json").exists()
    text = config.read_text()
    assert text.startswith('# mine\nformat = "plain"  # always\ncorpus = [\n  "/old/notes",')
    assert "# the old ones" in text and f'"{folder}",' in text
    assert run("paths").stdout.count(f"corpus: {folder}\n") == 1  # read back as a corpus folder
    again = run("init")
    assert "already in the corpus list" in again.stdout and config.read_text() == text
    # the bundled corpus is read too, and the way to leave it out is said once
    assert "add 'bundled = false' there" in result.stdout
    config.write_text(text + "bundled = false\n")
    assert "bundled = false" not in run("init").stdout


def test_init_writes_a_new_config_when_there_is_none(home: Path) -> None:
    from brief.corpus.config import config_path

    assert Path(config_path()).read_text() == (f"corpus = [\"{home}\"]  # added by 'brief init'\n")
    assert f"corpus: {home}\n" in run("paths").stdout


def test_init_dir_says_when_new_writes_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`brief init DIR` with a personal corpus already made said nothing of it: `brief
    new` went on writing there, not into DIR."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    personal = tmp_path / "data" / "brief" / "corpus"
    notes, other = tmp_path / "notes", tmp_path / "my notes"

    def note(writes: Path, how: str, folder: Path) -> str:
        into = f"'{folder}'" if " " in str(folder) else str(folder)
        return (
            f"brief: note: brief new writes into {writes} ({how}), not {folder}; give --into "
            f"{into} to write there\n"
        )

    # no personal corpus: DIR is the config file's last folder, where new writes
    made = run("init", str(notes))
    assert made.exit_code == 0 and made.stderr == "", made.stderr
    assert made.stdout.endswith(  # new writes into DIR: no --into
        "next: brief new source 'Its title', then brief new actor and brief new topic\n"
    )
    assert run("init", str(other)).stderr == ""
    assert _new_line().startswith(f"new:    {other}  (the config file's last corpus folder")
    # DIR already in the list, but not last: new writes into the last one, and says so
    again = run("init", str(notes))
    assert again.exit_code == 0 and "already in the corpus list" in again.stdout
    assert again.stderr == note(other, "the config file's last corpus folder", notes)
    # with a personal corpus, new writes there whatever DIR is, as paths says
    assert run("init").stderr == ""
    for folder in (notes, other):
        told = run("init", str(folder))
        assert told.exit_code == 0 and told.stderr == note(personal, "your personal corpus", folder)
        assert _new_line().startswith(f"new:    {personal}  (your personal corpus")
        # the next step names DIR too: without it, it wrote into the personal corpus
        into = f"--into '{folder}'" if " " in str(folder) else f"--into {folder}"
        assert told.stdout.endswith(
            f"next: brief new source 'Its title' {into}, then brief new actor {into} and "
            f"brief new topic {into}\n"
        )
        step = shlex.split(told.stdout.splitlines()[-1].removeprefix("next: ").split(",")[0])
        assert step[:4] == ["brief", "new", "source", "Its title"] and step[-1] == str(folder)
        step[3] = f"{folder.name.title()}'s title"  # a title of its own in each folder
        written = run(*step[1:], "--set", "kind=book", "--no-edit")
        assert f"at {folder / 'sources.toml'}:" in written.stdout, written.stderr
    assert run("init", f"{personal}/").stderr == ""  # the personal corpus itself
    written = run("new", "topic", "Ice", "--no-edit")
    assert f"at {personal / 'topics' / 'ice.toml'}:" in written.stdout
    there = run("new", "topic", "Snow", "--no-edit", "--into", str(other))
    assert f"at {other / 'topics' / 'snow.toml'}:" in there.stdout, there.stderr


def _new_line(*args: str) -> str:
    """The line of ``brief paths`` that says where ``brief new`` writes."""
    result = run(*args, "paths")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("new:")]
    assert len(lines) == 1, result.stdout
    return lines[0]


def test_paths_says_where_new_writes_and_how_that_was_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user could not find out from `brief paths` where `brief new` and `brief
    edit` write."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    personal = tmp_path / "data" / "brief" / "corpus"
    assert _new_line() == (
        f"new:    {personal}  (not found: run 'brief init', or give 'brief new --into DIR')"
    )
    assert "run 'brief init'" in run("new", "topic", "Ice", "--no-edit").stderr  # as new says
    # no personal corpus: the config file's last corpus folder
    notes, other = tmp_path / "notes", tmp_path / "other"
    notes.mkdir()
    other.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(f'corpus = ["{other}", "{notes}"]\n')
    monkeypatch.setenv("BRIEF_CONFIG", str(config))
    assert _new_line("--no-bundled") == (
        f"new:    {notes}  (the config file's last corpus folder: no personal corpus at "
        f"{personal}; 'brief new --into DIR' writes elsewhere)"
    )
    written = run("--no-bundled", "new", "topic", "Ice", "--no-edit")
    assert f"wrote the topic 'ice' at {notes / 'topics' / 'ice.toml'}:" in written.stdout
    # the personal corpus, once made, wins; left out of the corpus list, it is not read
    assert run("init").exit_code == 0
    config.write_text(f'corpus = ["{other}", "{notes}"]\n')
    assert _new_line() == (
        f"new:    {personal}  (your personal corpus; not a corpus folder in use, so not read: "
        "'brief init' adds it; 'brief new --into DIR' writes elsewhere)"
    )
    assert run("init").exit_code == 0
    line = f"new:    {personal}  (your personal corpus; 'brief new --into DIR' writes elsewhere)"
    assert _new_line() == line
    copied = invoke("edit", "sanctions", env={"EDITOR": editor(tmp_path, ("Sanctions", "S"))})
    assert f"copied the topic 'sanctions' to {personal / 'topics' / 'sanctions.toml'}:" in (
        copied.stdout
    )


# -- new -----------------------------------------------------------------------------------


def test_new_topic_from_the_template(home: Path) -> None:
    result = run("new", "topic", "Arctic", "shipping", "--no-edit")
    path = home / "topics" / "arctic-shipping.toml"
    assert result.exit_code == 0 and f"{path}:4" in result.stdout
    text = path.read_text()
    assert text.startswith('#:schema ../brief.schema.json\nformat = 2\n\n[[topics]]\nid = "arctic-')
    assert 'title = "Arctic shipping"' in text and "# aliases = []" in text
    # the blank summary is what validate asks for: the template is not a finished entry
    checked = run("validate", str(home))
    assert "topics[0].summary: must not be empty" in checked.stdout


def test_new_makes_a_short_id_from_a_long_title_and_none_from_symbols(home: Path) -> None:
    """A trial's 300-character title made a file name too long to write; an emoji title
    was told ``'' is not an id``."""
    long = run("new", "topic", " ".join(f"word{n}" for n in range(60)), "--no-edit")
    assert long.exit_code == 0, long.stderr
    made = "word0-word1-word2-word3-word4-word5-word6-word7"
    assert (home / "topics" / f"{made}.toml").exists()
    one = run("new", "actor", "x" * 300, "--no-edit")  # one word, cut to ID_LENGTH
    assert one.exit_code == 0 and f'id = "{"x" * 64}"\n' in (home / "actors.toml").read_text()
    title = "The aftermath of the Cuban missile crisis and the nuclear test ban"
    cut = run("new", "topic", title, "--no-edit")  # a trial's ended `...-crisis-and`
    assert cut.exit_code == 0, cut.stderr
    assert (home / "topics" / "the-aftermath-of-the-cuban-missile-crisis.toml").exists()
    symbols = run("new", "topic", "\U0001f525\U0001f4a7", "--no-edit")
    assert symbols.exit_code == 2
    said = "'\U0001f525\U0001f4a7' makes no id (it has no letters or digits): give --id"
    assert said in symbols.stderr


def test_new_refuses_an_id_or_name_that_is_taken(home: Path) -> None:
    result = run("new", "topic", "Sanctions", "--no-edit")
    assert result.exit_code == 2
    assert "the title 'Sanctions' already names the topic 'sanctions'" in result.stderr
    assert "sanctions.toml:3" in result.stderr
    assert not (home / "topics").exists()
    alias = run("new", "actor", "DPRK", "--no-edit")
    assert alias.exit_code == 2 and "the name 'DPRK' already names the actor 'north-korea'" in (
        alias.stderr
    )
    given = run("new", "actor", "Harbour Board", "--id", "dprk", "--no-edit")
    assert given.exit_code == 2 and "the --id 'dprk' already names the actor 'north-korea'" in (
        given.stderr
    )


def test_a_name_the_bundled_corpus_has_is_refused_with_the_way_out(
    home: Path, tmp_path: Path
) -> None:
    """A new user's topic 'Background' (a bundled topic's alias) was told to edit the
    bundled topic with 'brief edit': someone writing on another subject wants the bundled
    corpus out of the way (docs/authoring.md, section 1), or another title."""
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "brief" / "config.toml"
    from brief.corpus.layers import bundled_root

    bundled = Path(bundled_root()) / "topics" / "history.toml"  # the package's, as installed
    result = run("new", "topic", "Background", "--no-edit")
    assert result.exit_code == 2
    assert result.stderr == (
        f"brief: the title 'Background' already names the topic 'history' at {bundled}:3 "
        "(it is in the bundled corpus: choose another title, or leave the bundled corpus "
        f"out with 'bundled = false' in {config}, or --no-bundled on one command)\n"
    )
    # one of yours, and one of the bundled corpus
    (home / "topics").mkdir()
    (home / "topics" / "mine.toml").write_text(
        'format = 2\n[[topics]]\nid = "mine"\ntitle = "Mine"\nsummary = "S."\n'
        'aliases = ["harbour works"]\n'
    )
    both = run("new", "topic", "Background", "--set", "aliases=harbour works", "--no-edit")
    assert both.exit_code == 2
    assert both.stderr == (
        f"brief: the alias 'harbour works' already names the topic 'mine' at "
        f"{home / 'topics' / 'mine.toml'}:2 (edit it with 'brief edit', or choose another); "
        f"the title 'Background' already names the topic 'history' at {bundled}:3 (it is in "
        "the bundled corpus: choose another title, or leave the bundled corpus out with "
        f"'bundled = false' in {config}, or --no-bundled on one command)\n"
    )
    # a copy of the bundled topic in your corpus is the one in use: that is the one named
    (home / "topics" / "history.toml").write_text(bundled.read_text())
    copied = run("new", "topic", "Background", "--no-edit")
    assert copied.stderr == (
        "brief: the title 'Background' already names the topic 'history' at "
        f"{home / 'topics' / 'history.toml'}:3 (edit it with 'brief edit', or choose another)\n"
    )
    assert run("--no-bundled", "new", "topic", "Background", "--no-edit").exit_code == 2
    (home / "topics" / "history.toml").unlink()
    written = run("--no-bundled", "new", "topic", "Background", "--no-edit")
    assert written.exit_code == 0, written.stderr


def test_new_refuses_an_alias_that_is_taken_before_writing(home: Path) -> None:
    """Each alias given with --set is checked as the title and id are, before anything
    is written (a trial saw the entry written, then a clash reported as a problem)."""
    result = run("new", "actor", "Harbour Board", "--set", "aliases=board, un", "--no-edit")
    assert result.exit_code == 2, result.stderr
    assert "the alias 'un' already names the actor " in result.stderr
    assert not (home / "actors.toml").exists()
    # every clash at once (a trial met them one a run), each once
    both = run("new", "actor", "Harbour Board", "--set", "aliases=dprk, un", "--no-edit")
    assert both.exit_code == 2
    said = both.stderr
    assert "the alias 'dprk' already names the actor 'north-korea'" in said
    assert "; the alias 'un' already names the actor 'united-nations'" in said
    assert said.count("already names") == 2 and "(they are in the bundled corpus: " in said
    whole = ("--set", "description=A board.", "--no-edit")
    fine = run("new", "actor", "Harbour Board", "--set", "aliases=board", *whole)
    assert fine.exit_code == 0, fine.stderr
    assert 'aliases = ["board"]' in (home / "actors.toml").read_text()


def test_new_opens_the_editor_and_checks_the_result(home: Path, tmp_path: Path) -> None:
    env = {"EDITOR": editor(tmp_path, ('description = ""', 'description = "A state."'))}
    result = invoke("new", "actor", "Norway", env=env)
    assert result.exit_code == 0 and "has no problems" in result.stdout
    assert 'description = "A state."' in (home / "actors.toml").read_text()


def test_an_editor_that_fails_and_changes_nothing_is_said_to_have_failed(
    home: Path, tmp_path: Path
) -> None:
    """`EDITOR=false brief new` left a blank template in the corpus and said only
    "kept ... with its problems": nothing the user typed is in a template."""
    fail = f"{sys.executable} -c 'import sys; sys.exit(3)'"
    result = invoke("new", "topic", "Fare policy", env={"EDITOR": fail})
    path = home / "topics" / "fare-policy.toml"
    assert result.exit_code == 1
    assert f"the editor exited with status 3 and changed nothing: removed {path}" in (result.stderr)
    assert not path.exists()
    assert run("new", "topic", "Fare policy", "--no-edit").exit_code == 0  # a file of the user's
    mine = path.read_bytes()
    result = invoke("edit", "fare-policy", env={"EDITOR": fail})
    assert result.exit_code == 1 and f"changed nothing: {path} is as it was" in result.stderr
    assert path.read_bytes() == mine


def test_new_claim_is_appended_without_touching_the_rest(home: Path) -> None:
    assert run("new", "topic", "Arctic shipping", "--no-edit").exit_code == 0
    path = home / "topics" / "arctic-shipping.toml"
    mine = path.read_text().replace('summary = ""  # string', 'summary = "Routes."  # mine!')
    path.write_text(mine)
    result = run(
        "new", "claim", "--topic", "Arctic Shipping", "--actor", "prc", "--source", "why-china",
        "--section", "economic benefits", "The route opens by 2030.",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = path.read_text()
    assert text.startswith(mine) and 'id = "arctic-shipping-route-opens-2030"' in text
    assert 'actors = ["china"]' in text
    shown = run("show", "arctic-shipping", "-f", "plain").stdout
    assert "The route opens by 2030." in shown


def test_new_claim_takes_a_quote_and_a_locator(home: Path) -> None:
    """A trial had to add every quote by editing the file: `--set quote=...` was refused."""
    args = ("new", "claim", "-t", "sanctions", "-s", "why-china", "--section", "Trade Sanctions")
    said = "actively helping North Korea circumvent them"
    result = run(*args, "--quote", said, "--locator", "para 3", "China helps evade sanctions.")
    assert result.exit_code == 0, result.stderr
    path = home / "topics" / "sanctions.toml"
    written = path.read_text()
    assert (
        'cites = [{ source = "why-china", section = "Trade Sanctions", '
        f'quote = "{said}", locator = "para 3" }}]'
    ) in written
    shown = run("show", "sanctions", "--quotes", "-f", "plain").stdout
    assert f"\u201c{said}\u201d [1, para 3]" in " ".join(shown.split())
    alone = run("new", "claim", "-t", "sanctions", "--quote", "x", "--no-edit")
    assert alone.exit_code == 2 and "--quote and --locator need the source" in alone.stderr
    topic = run("new", "topic", "Fares", "--locator", "p. 2", "--no-edit")
    assert topic.exit_code == 2 and "a topic cites nothing" in topic.stderr
    assert path.read_text() == written  # nothing written for either
    old = home / "topics" / "old.toml"
    old.write_text('format = 1\n[[topics]]\nid = "old"\ntitle = "Old"\nsummary = "S."\n')
    before = old.read_bytes()
    refused = run(*args[:2], "-t", "old", *args[4:], "--quote", said, "T.")
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"brief: --quote and --locator need format 2, and {old} is format 1 (write: format = 2 "
        "at the top of the file, in place of format = 1; its entries mean the same in format 2)\n"
    )
    assert old.read_bytes() == before
    old.write_bytes(before.replace(b"format = 1\n", b"format = 2\n"))  # as it says
    taken = run(*args[:2], "-t", "old", *args[4:], "--quote", said, "T.")
    assert taken.exit_code == 0, taken.stderr
    assert f'quote = "{said}"' in old.read_text()


#: A value of each key only format 2 has, given with --set.
_FORMAT_2_VALUES = {
    "credibility": "2", "by": "unnamed officials", "date": "1953", "likelihood": "likely",
    "confidence": "high", "relation": "supports", "relation_to": "united-states",
    "relation_from": "china", "reliability": "A", "publisher": "P", "retrieved": "2024-03-01",
    "note": "Why.",
}  # fmt: skip
#: Each kind's keys that validate refuses in a format-1 file (BRIEF016), and a claim's
#: relation (BRIEF021); but a source's text, which --set does not give (source import does).
_FORMAT_2_SETS = [
    (kind.removesuffix("s"), key, _FORMAT_2_VALUES[key])
    for kind, keys in FORMAT_2_KEYS.items()
    for key in (*keys, *(RELATION_KEYS if kind == "claims" else ()))
    if (kind, key) != ("sources", "text")
]


@pytest.mark.parametrize(("kind", "key", "value"), _FORMAT_2_SETS)
def test_new_with_set_of_a_format_2_key_into_a_format_1_file_writes_nothing(
    home: Path, kind: str, key: str, value: str
) -> None:
    """A new user's `brief new claim ... --set credibility=2` into a format-1 file was
    written, then told as BRIEF016 with exit status 1; --quote was refused before."""
    (home / "topics").mkdir(exist_ok=True)
    old = home / "topics" / "old.toml"
    old.write_text('format = 1\n[[topics]]\nid = "old"\ntitle = "Old"\nsummary = "S."\n')
    sources = home / "sources.toml"
    sources.write_text("format = 1\n")
    path = old if kind == "claim" else sources
    actors = ("-t", "old", "-a", "prc", "-a", "usa")
    cited = (*actors, "-s", "why-china", "--section", "Trade Sanctions")

    def new(name: str, *sets: str) -> Result:
        named = (*cited, f"{name}.") if kind == "claim" else (f"The {name}", "--no-edit")
        return run("new", kind, *named, *sets)

    before = path.read_bytes()
    refused = new("First", "--set", f"{key}={value}")
    assert refused.stderr == (
        f"brief: --set {key} needs format 2, and {path} is format 1 (write: format = 2 at the "
        "top of the file, in place of format = 1; its entries mean the same in format 2)\n"
    )
    assert refused.exit_code == 2 and refused.stdout == ""
    assert path.read_bytes() == before
    # format 1's own keys are taken; the file changed as it says takes the key too
    own = "note=Why." if kind == "claim" else "kind=report"
    assert new("First", "--set", own).exit_code == 0
    path.write_bytes(path.read_bytes().replace(b"format = 1\n", b"format = 2\n"))
    needs = [f"--set={k}={v}" for k, v in _NEEDS.get(key, {}).items()]  # an assessment's
    whole = ("--set", "kind=report") if kind == "source" else ()
    taken = new("Second", "--set", f"{key}={value}", *needs, *whole)
    assert taken.exit_code == 0 and f"wrote the {kind} " in taken.stdout, taken.stderr


def test_new_names_every_format_2_option_at_once(home: Path) -> None:
    (home / "topics").mkdir(exist_ok=True)
    old = home / "topics" / "old.toml"
    old.write_text('format = 1\n[[topics]]\nid = "old"\ntitle = "Old"\nsummary = "S."\n')
    before = old.read_bytes()
    said = "actively helping North Korea circumvent them"
    cited = ("-s", "why-china", "--section", "Trade Sanctions", "--quote", said)
    sets = ("--set", "credibility=2", "--set", "note=N.", "--set", "by=DPRK", "T.")
    refused = run("new", "claim", "-t", "old", *cited, *sets)
    assert refused.exit_code == 2 and refused.stderr.startswith(
        "brief: --quote and --locator, --set credibility and --set by need format 2, and "
    )  # by is not looked up (BRIEF022) in a file that cannot take it
    assert old.read_bytes() == before
    # a new file is written in format 2, so a topic's, or a new source file's, takes them
    assert run("new", "topic", "Ice", "--set", "summary=Cold.", "--no-edit").exit_code == 0
    claim = run("new", "claim", "-t", "ice", *cited, *sets[:-3], "T.")
    assert claim.exit_code == 0, claim.stderr
    source = run("new", "source", "S", "--set", "reliability=A", "--set", "kind=book", "--no-edit")
    assert source.exit_code == 0 and (home / "sources.toml").read_text().count("format = 2") == 1


def test_new_claim_refuses_a_by_that_names_an_actor_other_than_by_its_id(home: Path) -> None:
    """A trial's `--set by='Shoei Kisen Kaisha'` was written, then told as BRIEF022."""
    args = ("new", "claim", "-t", "sanctions", "-s", "why-china", "--section", "Trade Sanctions")
    alias = run(*args, "--set", "by=DPRK", "--set", "status=alleged", "Said so.")
    assert alias.exit_code == 2
    assert "--set by='DPRK' names the actor 'north-korea' at " in alias.stderr
    assert "write --set by=north-korea to link it" in alias.stderr
    assert not (home / "topics" / "sanctions.toml").exists()
    for by in ("north-korea", "unnamed accusers"):  # an id, or text of its own
        fine = run(*args, "--set", f"by={by}", "--set", "status=alleged", f"Said by {by}.")
        assert fine.exit_code == 0, fine.stderr


def test_new_claim_takes_its_id_from_id_and_refuses_one_in_use(home: Path) -> None:
    """`--id` for a claim was dropped without a word: the claim got an id from its text."""
    args = ("new", "claim", "-t", "sanctions", "-s", "why-china", "--section", "Trade Sanctions")
    result = run(*args, "--id", "veto-2022", "Russia vetoed the 2022 resolution.")
    assert result.exit_code == 0, result.stderr
    path = home / "topics" / "sanctions.toml"
    written = path.read_bytes()
    assert b'id = "veto-2022"' in written
    assert "Russia vetoed the 2022 resolution." in run("show", "sanctions", "-f", "plain").stdout
    again = run(*args, "--id", "veto-2022", "Another.")
    assert again.exit_code == 2
    assert f"--id: 'veto-2022' is already the claim at {path}:" in again.stderr
    topic = run(*args, "--id", "sanctions", "Another.")
    assert topic.exit_code == 2 and "--id: 'sanctions' is already the topic at " in topic.stderr
    bad = run(*args, "--id", "Veto 2022", "Another.")
    assert bad.exit_code == 2
    assert "--id: 'Veto 2022' is not an id: 'veto-2022' is (lowercase letters, digits" in bad.stderr
    assert path.read_bytes() == written  # nothing written for any of them


def test_a_bad_id_reads_the_same_for_every_kind_and_says_what_it_could_be(home: Path) -> None:
    """`brief new actor X --id PNG` said "give --id" to a user who had."""
    named = run("new", "actor", "Papua New Guinea", "--id", "PNG", "--no-edit")
    assert named.exit_code == 2
    assert named.stderr == (
        "brief: --id: 'PNG' is not an id: 'png' is (lowercase letters, digits, hyphens)\n"
    )
    assert not (home / "actors.toml").exists()
    mark = run("new", "actor", "Papua New Guinea", "--id", "!!", "--no-edit")
    assert mark.stderr == "brief: --id: '!!' is not an id (lowercase letters, digits, hyphens)\n"


def test_a_note_to_fix_an_entry_outside_the_corpus_names_its_folder(
    home: Path, tmp_path: Path
) -> None:
    """`brief new ... --into DIR` for a DIR not in use said `brief edit ID`, which could
    not find the entry."""
    elsewhere = tmp_path / "arctic"
    elsewhere.mkdir()
    result = run("new", "source", "Arctic Review", "--into", str(elsewhere), "--no-edit")
    assert result.exit_code == 0, result.stderr
    hint = f"to fill in or fix the source 'arctic-review': brief --corpus {elsewhere} edit "
    assert hint in result.stderr
    mine = run("new", "source", "Polar Review", "--no-edit")
    assert "to fill in or fix the source 'polar-review': brief edit polar-review" in mine.stderr


def test_a_new_claim_is_not_failed_for_the_problems_its_file_had_before(home: Path) -> None:
    """A new user's correct claim exited 1 because of an older claim's problem."""
    assert run("new", "topic", "Arctic shipping", "--no-edit").exit_code == 0
    path = home / "topics" / "arctic-shipping.toml"
    path.write_text(path.read_text().replace('summary = ""  # string', 'summary = "Routes."'))
    path.write_text(
        path.read_text() + '\n[[claims]]\nid = "old"\ntopic = "arctic-shipping"\n'
        'text = "Old."\ncites = [{ source = "why-china", section = "Nowhere" }]\n'
    )
    args = ("new", "claim", "--topic", "arctic-shipping", "--source", "why-china")
    result = run(*args, "--section", "Trade Sanctions", "A new claim.")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{path} still has a problem from before (see 'brief validate')\n"


def test_new_claim_with_a_wrong_section_is_refused_before_anything_is_written(
    home: Path,
) -> None:
    """A new user's claim was written with a section its source lacks, then reported."""
    args = ("new", "claim", "--topic", "sanctions", "--source", "why-china", "--section")
    result = run(*args, "Economics", "Text.")
    assert result.exit_code == 1  # not found, as a topic or an actor not found (a trial)
    assert "has no section 'Economics' (did you mean 'Economic Benefits'?)" in result.stderr
    assert "give --section, one of 'Background Information', 'Economic Benefits'" in (result.stderr)
    assert result.stderr.count("'Background Information'") == 1  # a trial saw the list twice
    far = run(*args, "Zzz", "Text.")
    assert far.stderr.count("'Background Information'") == 1 and "did you mean" not in far.stderr
    assert not (home / "topics" / "sanctions.toml").exists()
    missing = run("new", "claim", "--topic", "sanctions", "--source", "why-china", "Text.")
    assert missing.exit_code == 2
    assert "source 'why-china' has sections: give --section, one of 'Background" in (missing.stderr)
    right = run(*args, "trade sanctions", "Text.")  # the source's own spelling is written
    assert right.exit_code == 0, right.stderr
    written = (home / "topics" / "sanctions.toml").read_text()
    assert 'section = "Trade Sanctions"' in written
    unsectioned = run(
        "new", "claim", "--topic", "sanctions", "--source", "fc-unga-46-1", "--section", "X", "T."
    )
    assert unsectioned.exit_code == 2
    assert "source 'fc-unga-46-1' has no sections: leave out --section" in unsectioned.stderr


def test_new_claim_names_are_checked_with_did_you_mean(home: Path) -> None:
    result = run("new", "claim", "--topic", "sanctons", "--source", "why-china", "Text.")
    assert result.exit_code == 1 and "did you mean 'sanctions'" in result.stderr
    assert run("new", "claim", "--topic", "sanctions", "Text.").exit_code == 2


@pytest.mark.parametrize("command", ["where", "edit", "show"])
def test_a_name_not_found_suggests_each_entry_once(home: Path, command: str) -> None:
    """'sanctions', 'us-sanctions' and 'un-sanctions' all name one topic: it is offered
    once, by its id, as ``show`` offers it (a trial found it three times)."""
    result = run(command, "sanction")
    assert result.exit_code == 1
    assert "(did you mean 'sanctions'?)" in result.stderr, result.stderr
    assert run(command, "santcions").stderr == result.stderr.replace("'sanction'", "'santcions'")


def test_new_claim_suggests_only_entries_of_the_kind_asked_for(home: Path) -> None:
    result = run("new", "claim", "--topic", "chna", "--source", "why-china", "Text.")
    assert result.exit_code == 1 and "no topic named 'chna'" in result.stderr
    assert "'china'" not in result.stderr  # an actor, not a topic
    result = run("new", "claim", "-t", "sanctions", "-a", "chna", "-s", "why-china", "Text.")
    assert result.exit_code == 1 and "(did you mean 'china'?)" in result.stderr


def test_new_with_set_writes_a_whole_entry_without_the_editor(home: Path) -> None:
    """A trial found ``--no-edit`` could only write entries left out until edited: no
    option gave a description, a summary or a source's kind."""
    args = ("--set", "description=A Nordic state.", "--set", "aliases=kingdom of norway, noreg")
    result = run("new", "actor", "Norway", *args, "--no-edit")
    assert result.exit_code == 0 and result.stderr == ""
    result = run("new", "source", "Arctic Review", "--set", "kind=article", "--no-edit")
    assert result.exit_code == 0 and result.stderr == ""
    run(
        "new",
        "topic",
        "Arctic",
        "--set",
        "summary=Routes.",
        "--set",
        "related=sanctions",
        "--no-edit",
    )
    claim = ("-t", "arctic", "-a", "norway", "-s", "arctic-review", "--set", "credibility=3")
    result = run("new", "claim", *claim, "--set", "status=assessment", "The route opens.")
    assert result.exit_code == 0 and result.stderr == ""
    shown = run("show", "arctic", "-f", "json")
    data = json.loads(shown.stdout)
    assert shown.stderr == "" and data["summary"] == "Routes."
    text = (home / "actors.toml").read_text()
    assert 'description = "A Nordic state."' in text
    assert 'aliases = ["kingdom of norway", "noreg"]' in text


def test_new_with_no_edit_says_what_is_left_to_fill_in(home: Path) -> None:
    """A blank skeleton is what --no-edit asks for: written, exit 0, and the note says
    what is left to fill in (the problem, that the entry is left out until then)."""
    result = run("new", "actor", "Sweden", "--no-edit")
    assert result.exit_code == 0
    assert "description: must not be empty; actor 'sweden' is left out" in result.stderr
    assert "brief: note: to fill in or fix the actor 'sweden': brief edit sweden" in result.stderr
    assert 'id = "sweden"' in (home / "actors.toml").read_text()  # written, to fill in
    topic = run("new", "topic", "X", "--no-edit")
    assert topic.exit_code == 0 and "topic 'x' is left out" in topic.stderr
    whole = run("new", "topic", "Y", "--set", "summary=Why.", "--no-edit")
    assert whole.exit_code == 0 and whole.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("topic", "X", "--set", "colour=red"), "a topic takes KEY=VALUE with one of: aliases,"),
        (("topic", "X", "--set", "summary"), "--set 'summary': a topic takes KEY=VALUE"),
        (("topic", "X", "--set", "title=Y"), "a topic takes KEY=VALUE with one of"),
        (
            ("claim", "-t", "sanctions", "-s", "why-china", "--set", "credibility=high", "Z."),
            "--set credibility: expected a whole number (integer 1-6), got 'high'",
        ),
        (  # a digit to str.isdigit, not to int(): it was a traceback
            ("claim", "-t", "sanctions", "-s", "why-china", "--set", "credibility=\u00b2", "Z."),
            "--set credibility: expected a whole number (integer 1-6), got '\u00b2'",
        ),
        (
            ("claim", "-t", "sanctions", "-s", "why-china", "--set", "credibility=\u0663", "Z."),
            "--set credibility: expected a whole number (integer 1-6), got '\u0663'",
        ),
        (  # a typo, told as validate tells it (a new user met the list alone)
            ("claim", "-t", "sanctions", "-s", "why-china", "--set", "confidance=high", "Z."),
            "--set 'confidance=high': unknown key 'confidance' (did you mean 'confidence'?); "
            "a claim takes KEY=VALUE with one of: by, confidence,",
        ),
        (("source", "S", "--set", "kind=blog"), "--set kind: unknown source kind 'blog'"),
        (("actor", "A", "--set", "colour=x"), "an actor takes KEY=VALUE"),
        (("topic", "T", "--set", "summary="), "--set summary: must not be empty"),
        (
            ("topic", "T", "--set", "related=Not An Id"),
            "--set related[0]: 'Not An Id' is not an id",
        ),
    ],
)
def test_new_with_a_wrong_set_writes_nothing(
    home: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("new", *args, "--no-edit")
    assert result.exit_code == 2 and message in result.stderr
    assert not any(home.rglob("*.toml"))


def test_a_second_source_is_refused_not_put_in_place_of_the_first(home: Path) -> None:
    """A trial's `-s thirteen-days ... -s khrushchev-remembers` wrote the claim citing
    only the second source, and exit 0."""
    args = ("new", "claim", "-t", "sanctions", "-s", "why-china", "--section", "Trade Sanctions")
    twice = run(*args, "-s", "china-russia", "--section", "Diplomacy", "Both.")
    assert twice.exit_code == 2
    assert "--source given 2 times ('why-china', 'china-russia')" in twice.stderr
    assert "add others with 'brief edit ID'" in twice.stderr
    assert not (home / "topics").exists()
    assert run(*args, "One.").exit_code == 0  # once is as before


def test_a_refused_claim_is_not_said_to_be_kept(home: Path) -> None:
    """A trial's refused `--set relation=pressure` said `the claim is kept without its
    relation`, validate's words for a claim that loads: nothing was written."""
    args: tuple[str, ...] = ("new", "claim", "-t", "sanctions", "-a", "china", "-a")
    args += ("north-korea", "-s", "why-china", "--section", "Trade Sanctions")
    args += ("--set", "relation=pressure")
    refused = run(*args, "China pressures North Korea.")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "brief: relation: unknown relation 'pressure' (did you mean 'pressures'?) [BRIEF021]\n"
    )
    assert not (home / "topics").exists()


def test_a_whole_claim_validate_would_fault_is_refused_before_writing(home: Path) -> None:
    """A new user's `--set status=disputed` with no `--set note` was written, then told
    as BRIEF013 (left out) with exit status 1."""
    args = ("new", "claim", "-t", "sanctions", "-s", "why-china", "--section", "Trade Sanctions")
    refused = run(*args, "--set", "status=disputed", "Disputed.")
    assert (refused.exit_code, refused.stdout) == (1, "")  # validate's fault: exit 1 (a trial)
    assert refused.stderr == (
        "brief: a disputed claim needs a 'note' saying why [BRIEF013]: add --set note='why it "
        "is disputed'\n"
    )
    assert not (home / "topics").exists()
    both = run(*args, "--set", "likelihood=likely", "--set", "status=disputed", "Likely.")
    assert both.exit_code == 1 and both.stderr == (
        "brief: likelihood: only an assessment has a likelihood (this claim is disputed) "
        "[BRIEF020]: add --set status=assessment, or leave out --set likelihood; a disputed "
        "claim needs a 'note' saying why [BRIEF013]: add --set note='why it is disputed'\n"
    )
    # the words are validate's, of the claim as it would have been written
    (home / "topics").mkdir()
    (home / "topics" / "t.toml").write_text(
        'format = 2\n[[claims]]\nid = "c"\ntopic = "sanctions"\ntext = "Disputed."\n'
        'status = "disputed"\ncites = [{ source = "why-china", section = "Trade Sanctions" }]\n'
    )
    checked = run("validate", str(home)).stdout
    assert "claims[0]: a disputed claim needs a 'note' saying why; claim 'c' is left out" in checked
    (home / "topics" / "t.toml").unlink()
    kept = run(*args, "--set", "status=disputed", "--set", "note=The Ledger says not.", "Kept.")
    assert kept.exit_code == 0 and kept.stderr == ""


def test_new_without_a_personal_corpus_says_how_to_make_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "none"))
    result = run("new", "topic", "X", "--no-edit")
    assert result.exit_code == 2 and "run 'brief init'" in result.stderr


# -- edit: the loop ------------------------------------------------------------------------


@pytest.fixture
def topic(home: Path) -> Path:
    run("new", "topic", "Arctic shipping", "--no-edit")
    path = home / "topics" / "arctic-shipping.toml"
    path.write_text(path.read_text().replace('summary = ""', 'summary = "Routes."'))
    return path


BREAK = ('summary = "Routes."', 'summary = ""')
FIX = ('summary = ""', 'summary = "Fixed."')


def test_an_edit_that_breaks_many_other_files_lists_a_few_and_keeps_its_own_in_sight(
    home: Path, tmp_path: Path
) -> None:
    """A trial's edit broke actors.toml: 19 problems of other files were listed, and its
    own syntax error scrolled out of sight before the question."""
    from brief.cli.authoring import CAUSED_SHOWN

    (home / "actors.toml").write_text(
        'format = 1\n[[actors]]\nid = "norway"\nname = "Norway"\ndescription = "A state."\n'
    )
    claims = "".join(
        f'[[claims]]\nid = "c{n}"\ntopic = "t"\nactors = ["norway"]\ntext = "Claim {n}."\n'
        'cites = [{ source = "why-china", section = "Trade Sanctions" }]\n'
        for n in range(CAUSED_SHOWN + 3)
    )
    (home / "topics").mkdir(exist_ok=True)
    (home / "topics" / "t.toml").write_text(
        f'format = 1\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n{claims}'
    )
    env = {"EDITOR": editor(tmp_path, ('name = "Norway"', 'name = "Norway'))}
    result = invoke("edit", "norway", env=env)
    assert result.exit_code == 1
    said = result.stderr.splitlines()
    own = next(i for i, line in enumerate(said) if "TOML syntax error" in line)
    # as validate gives it: FILE:LINE:COLUMN:, for an editor's list of errors
    assert said[own].startswith(f"{home / 'actors.toml'}:4:15: TOML syntax error: ")
    listed = [line for line in said if line.startswith("  ") and "claims[" in line]
    assert len(listed) == CAUSED_SHOWN
    assert "  ... and 3 more ('brief validate' lists them)" in said
    assert own < said.index("  ... and 3 more ('brief validate' lists them)")


def test_edit_revert_restores_the_exact_bytes(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    topic.write_bytes(topic.read_bytes() + b"# trailing, no newline")
    before = topic.read_bytes()
    result = invoke(
        "edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, BREAK)}, answers="r\n"
    )
    assert "summary: must not be empty" in result.stderr and "reverted" in result.stderr
    assert topic.read_bytes() == before


def test_edit_keep_anyway(topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    result = invoke(
        "edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, BREAK)}, answers="k\n"
    )
    assert result.exit_code == 0 and "kept" in result.stderr
    assert 'summary = ""' in topic.read_text()


def test_a_wrong_answer_at_the_question_is_asked_again_in_brief_s_words(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's `x` got click's `Error: 'x' is not one of 'e', 'k', 'r'.`; a word
    (`Keep`) is taken for its letter."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    env = {"EDITOR": editor(tmp_path, BREAK)}
    result = invoke("edit", "arctic-shipping", env=env, answers="x\nKeep\n")
    assert result.exit_code == 0 and "kept" in result.stderr
    assert "brief: type e, k or r, then Enter" in result.stderr
    assert "Error:" not in result.stderr
    assert result.stderr.count("What now?") == 2


def test_edit_interrupted_at_the_question_keeps_the_file_and_says_so(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C (or end of input) at the question: the edit is kept, and the reader told."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    result = invoke("edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, BREAK)}, answers="")
    assert result.exit_code == 130
    assert "interrupted: kept" in result.stderr and "brief validate" in result.stderr
    assert 'summary = ""' in topic.read_text()


def test_edit_again_until_it_is_right(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    env = {"EDITOR": editor(tmp_path, BREAK, FIX)}
    result = invoke("edit", "Arctic Shipping", env=env, answers="e\n")
    assert result.exit_code == 0 and "has no problems" in result.stdout
    assert 'summary = "Fixed."' in topic.read_text()
    assert (tmp_path / "ed.count").read_text() == "2"


def test_edit_without_a_terminal_keeps_and_fails(topic: Path, tmp_path: Path) -> None:
    result = invoke("edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, BREAK)})
    assert result.exit_code == 1 and "kept" in result.stderr
    assert 'summary = ""' in topic.read_text()


NOTHING = ("zzz-not-there", "zzz-not-there")  # an editor run that changes nothing
RETITLE = ('title = "Arctic shipping"', 'title = "Arctic shipping routes"')
TAGGED = ('title = "Arctic shipping"', 'title = "Arctic shipping"\ntags = "ice"')


def test_edit_that_changes_nothing_of_a_troubled_file_does_not_ask(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    topic.write_text(topic.read_text().replace(*BREAK))  # a problem before the edit
    before = topic.read_bytes()
    result = invoke("edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, NOTHING)})
    assert result.exit_code == 1
    assert "summary: must not be empty" in result.stderr
    assert f"{topic} is unchanged" in result.stderr
    assert "What now?" not in result.stderr
    assert topic.read_bytes() == before


def test_edit_again_that_changes_nothing_asks_again_so_it_can_be_reverted(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user chose (e)dit again, changed nothing, and lost the way to revert."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    before = topic.read_bytes()
    env = {"EDITOR": editor(tmp_path, BREAK, NOTHING)}
    result = invoke("edit", "arctic-shipping", env=env, answers="e\nr\n")
    assert result.exit_code == 0 and "reverted" in result.stderr
    assert result.stderr.count("What now?") == 2
    assert (tmp_path / "ed.count").read_text() == "2"
    assert topic.read_bytes() == before


def test_edit_with_exactly_the_problems_of_before_keeps_without_asking(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    topic.write_text(topic.read_text().replace(*BREAK))
    result = invoke("edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, RETITLE)})
    assert result.exit_code == 0
    assert "no new problems" in result.stdout and "What now?" not in result.stderr
    assert "summary: must not be empty" in result.stderr  # still listed
    assert 'title = "Arctic shipping routes"' in topic.read_text()


def test_edit_that_fixes_one_of_two_problems_keeps_without_asking(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user fixed one of a file's two problems and was asked `What now?`, as if
    the edit had made the other."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    topic.write_text(topic.read_text().replace(*BREAK).replace(*TAGGED))  # two problems
    result = invoke("edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, FIX)})
    assert result.exit_code == 0, result.stderr
    assert "What now?" not in result.stderr
    assert result.stdout.endswith(
        f"no new problems: kept {topic}, which still has a problem from before (above); "
        "the edit fixed 1\n"
    )
    assert "tags: expected an array" in result.stderr  # the one left, still listed
    assert "summary: must not be empty" not in result.stderr
    assert 'summary = "Fixed."' in topic.read_text()


def test_an_edit_that_adds_a_problem_says_which_are_new(
    topic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The problems from before and the one the edit made were listed as one, and the
    user could not see what their edit had done."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    topic.write_text(topic.read_text().replace(*TAGGED))  # a problem before the edit
    result = invoke(
        "edit", "arctic-shipping", env={"EDITOR": editor(tmp_path, BREAK)}, answers="k\n"
    )
    said = result.stderr.splitlines()
    assert said[0] == f"{topic}: the edit gives it a new problem:"
    assert said[1].startswith(f"{topic}:") and "summary: must not be empty" in said[1]
    assert said[2] == f"{topic}: and it still has a problem from before:"
    assert said[3].startswith(f"{topic}:") and "tags: expected an array" in said[3]
    assert said[4].startswith("What now?")


def test_a_new_template_left_as_it_is_is_still_asked_about(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    env = {"EDITOR": editor(tmp_path, NOTHING)}
    result = invoke("new", "topic", "Arctic", env=env, answers="r\n")
    assert "What now?" in result.stderr and "removed" in result.stderr
    assert not (home / "topics" / "arctic.toml").exists()


def test_edit_of_a_bundled_entry_copies_it_into_the_personal_corpus(
    home: Path, tmp_path: Path
) -> None:
    bundled = Path(bundled_root()) / "topics" / "sanctions.toml"
    original = bundled.read_bytes()
    change = ('title = "Sanctions"', 'title = "Sanctions (mine)"')
    result = invoke("edit", "sanctions", env={"EDITOR": editor(tmp_path, change)})
    assert result.exit_code == 0, result.stderr
    copy = home / "topics" / "sanctions.toml"
    assert "copied the topic 'sanctions'" in result.stdout
    assert copy.read_text().startswith("#:schema ../brief.schema.json\nformat = 2\n\n[[topics]]")
    assert "[[claims]]" not in copy.read_text()  # the entry only
    assert bundled.read_bytes() == original
    assert run("show", "sanctions", "-f", "plain").stdout.startswith("Sanctions (mine)")
    where = run("where", "sanctions").stdout.splitlines()
    assert where == [f"{copy}:4", f"{bundled}:3"]


def test_a_bundled_entry_opened_and_left_as_it_was_leaves_no_copy(
    home: Path, tmp_path: Path
) -> None:
    mine = home / "topics" / "sanctions.toml"
    result = invoke("edit", "sanctions", env={"EDITOR": "true"})
    assert result.exit_code == 0, result.stderr
    assert "copied the topic 'sanctions'" in result.stdout
    assert "the copy was not changed: removed it" in result.stdout
    assert not mine.exists()
    mine.write_text("format = 2\n# my own notes, kept\n")  # yours: the copy goes into it
    invoke("edit", "sanctions", env={"EDITOR": "true"})
    assert mine.read_text() == "format = 2\n# my own notes, kept\n"  # exactly as it was


def test_a_copy_left_as_it_was_goes_when_only_the_rest_of_its_file_was_edited(
    home: Path, tmp_path: Path
) -> None:
    """A trial's editor changed another entry of actors.toml, not the copy of China:
    the unchanged copy stayed, overriding the bundled China from then on."""
    mine = home / "actors.toml"
    mine.write_text("format = 2\n# my own notes\n")
    change = ("# my own notes", "# my own notes, edited")
    result = invoke("edit", "china", env={"EDITOR": editor(tmp_path, change)})
    assert result.exit_code == 0, result.stderr
    assert f"removed it, your other changes to {mine} kept" in result.stdout
    assert mine.read_text() == "format = 2\n# my own notes, edited\n"
    where = run("where", "china").stdout.splitlines()  # the bundled China alone
    assert len(where) == 1 and where[0].startswith(f"{Path(bundled_root()) / 'actors.toml'}:")


def test_a_copy_added_to_a_file_of_yours_is_taken_back_when_the_editor_fails(
    home: Path, tmp_path: Path
) -> None:
    """`EDITOR=false brief edit china` left the copy in actors.toml, overriding the
    bundled China, and said the file was "as it was"."""
    mine = home / "actors.toml"
    mine.write_text("format = 2\n# my own notes, kept\n")
    fail = f"{sys.executable} -c 'import sys; sys.exit(1)'"
    result = invoke("edit", "china", env={"EDITOR": fail})
    assert result.exit_code == 1
    assert f"changed nothing: put {mine} back as it was" in result.stderr
    assert mine.read_text() == "format = 2\n# my own notes, kept\n"
    fixed = editor(tmp_path, ('name = "China"', 'name = "China (mine)"'))
    changed = invoke("edit", "china", env={"EDITOR": f"sh -c '{fixed} \"$0\"; exit 3'"})
    assert "brief: note: the editor exited with status 3" in changed.stderr  # checked anyway
    assert changed.exit_code == 0 and 'name = "China (mine)"' in mine.read_text()


def test_a_claim_for_a_topic_outside_the_corpus_folder_says_where_it_goes(
    home: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    (other / "topics").mkdir(parents=True)
    (other / "topics" / "ice.toml").write_text(
        'format = 1\n[[topics]]\nid = "ice"\ntitle = "Ice"\nsummary = "Cold."\n'
    )
    result = run("-c", str(other), "new", "claim", "--topic", "ice", "--no-edit")
    assert f"the topic 'ice' is in {other / 'topics' / 'ice.toml'}, outside {home}" in (
        result.stderr
    )
    assert f"'--into {other}' puts it beside the topic" in result.stderr
    assert (home / "topics" / "ice.toml").exists()


def test_edit_opens_the_editor_at_a_claim_line(home: Path, tmp_path: Path) -> None:
    run("new", "topic", "Arctic", "--no-edit")
    run("new", "claim", "--topic", "arctic", "--source", "why-china", "--no-edit")
    script = tmp_path / "ed.py"
    script.write_text(f"import sys; open({str(tmp_path / 'args')!r}, 'w').write(repr(sys.argv))")
    result = invoke("edit", "arctic-claim", env={"EDITOR": f"{sys.executable} {script}"})
    assert result.exit_code == 1  # the blank claim still has problems, and it is unchanged
    args = (tmp_path / "args").read_text()
    assert str(home / "topics" / "arctic.toml") in args
    assert run("where", "arctic-claim").stdout.endswith("arctic.toml:12\n")


# -- the editor's command line -------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["vim"], ["vim", "+7", "f.toml"]),
        (["/usr/bin/nano"], ["/usr/bin/nano", "+7", "f.toml"]),
        (["emacs", "-nw"], ["emacs", "-nw", "+7", "f.toml"]),
        (["hx"], ["hx", "+7", "f.toml"]),
        (["code"], ["code", "--wait", "-g", "f.toml:7"]),
        (["code", "-w"], ["code", "-w", "-g", "f.toml:7"]),
        (["micro"], ["micro", "f.toml:7"]),
        (["ed"], ["ed", "f.toml"]),
    ],
)
def test_each_editor_is_told_the_line_its_way(command: list[str], expected: list[str]) -> None:
    assert at_line(command, "f.toml", 7) == expected


def _fake_vim(tmp_path: Path, name: str) -> Path:
    """A folder for $PATH holding an editor script called *name* that records its
    arguments in tmp_path/args, and ``editor``, Debian's alternative, linking to it
    through a second link as /etc/alternatives does."""
    bin_dir, alternatives = tmp_path / "bin", tmp_path / "alternatives"
    bin_dir.mkdir()
    alternatives.mkdir()
    script = bin_dir / name
    script.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f"open({str(tmp_path / 'args')!r}, 'w').write(repr(sys.argv[1:]))\n"
    )
    script.chmod(0o755)
    (alternatives / "editor").symlink_to(script)
    (bin_dir / "editor").symlink_to(alternatives / "editor")
    return bin_dir


@pytest.mark.parametrize("name", ["vim", "vim.basic", "nvim"])
def test_an_editor_by_another_name_is_told_the_line_as_the_one_it_links_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A new user's `editor` (Debian's alternative, vim) opened at line 1: the `+N` went
    only to an editor called vim."""
    bin_dir = _fake_vim(tmp_path, name)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert at_line(["editor"], "f.toml", 7) == ["editor", "+7", "f.toml"]
    assert at_line([str(bin_dir / "editor")], "f.toml", 7)[1:] == ["+7", "f.toml"]
    assert at_line([name], "f.toml", 7) == [name, "+7", "f.toml"]


def test_with_no_editor_set_the_system_editor_opens_at_the_entry(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = _fake_vim(tmp_path, "vim.basic")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setattr("brief.cli.editor._terminal", lambda: True)
    run("new", "topic", "Arctic", "--set", "summary=Routes.", "--no-edit")
    run("new", "claim", "-t", "arctic", "-s", "why-china", "--section", "Trade Sanctions", "A.")
    result = run("edit", "arctic-a")
    assert result.exit_code == 0, result.stderr
    line = run("where", "arctic-a").stdout.rsplit(":", 1)[1].strip()
    path = str(home / "topics" / "arctic.toml")
    assert (tmp_path / "args").read_text() == repr([f"+{line}", path])


# -- where ---------------------------------------------------------------------------------


def test_where_prints_file_and_line(home: Path) -> None:
    result = run("where", "DPRK")
    assert result.stdout == f"{Path(bundled_root()) / 'actors.toml'}:15\n"
    missing = run("where", "norwy")
    assert missing.exit_code == 1 and "no topic, actor, source or claim named 'norwy'" in (
        missing.stderr
    )


def test_where_finds_an_entry_in_a_file_that_does_not_parse(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text('format = 1\n\n[[actors]]\nid = "x"\nname = "X\n')
    result = run("--no-bundled", "-c", str(tmp_path), "where", "x")
    assert result.stdout == f"{tmp_path / 'broken.toml'}:3\n"
    assert f"note: {tmp_path / 'broken.toml'}:3 is in a file skipped for its problems" in (
        result.stderr
    )
    (tmp_path / "fine.toml").write_text(
        'format = 1\n\n[[actors]]\nid = "y"\nname = "Y"\ndescription = "D."\n'
    )
    fine = run("--no-bundled", "-c", str(tmp_path), "where", "y")
    # the broken file is warned of, as every command does; no note: y is in use
    assert fine.stdout == f"{tmp_path / 'fine.toml'}:3\n"
    assert fine.stderr.startswith("brief: warning: ") and "broken.toml" in fine.stderr
    assert "is in a file skipped" not in fine.stderr and len(fine.stderr.splitlines()) == 1
    quiet = run("--no-bundled", "-q", "-c", str(tmp_path), "where", "y")
    assert quiet.stderr == ""


def test_where_finds_a_name_or_alias_in_a_file_that_does_not_parse(tmp_path: Path) -> None:
    """A new user fixing a broken file: `where norway` found it, `where oslo` did not."""
    (tmp_path / "broken.toml").write_text(
        'format = 1\n\n[[actors]]\nid = "norway"\nname = "Kingdom of Norway"\n'
        'aliases = [\n  "Oslo",\n  \'NO\',\n]\ndescription = "x\n\n[[actors]]\nid = "y"\n'
        'name = "Y"\n'
    )
    for name in ("oslo", "Kingdom of Norway", "no", "norway"):
        result = run("--no-bundled", "-c", str(tmp_path), "where", name)
        assert result.stdout == f"{tmp_path / 'broken.toml'}:3\n", name
    assert run("--no-bundled", "-c", str(tmp_path), "where", "y").stdout.endswith(":12\n")


_OUTBREAK = (
    'format = 1\n\n[[topics]]\nid = "outbreak"\ntitle = "The 1854 outbreak"\n'
    'summary = "A cholera outbreak."\n'
)
_SNOW = (
    'format = 1\n\n[[actors]]\nid = "snow"\nname = "John Snow"\ndescription = "A physician."\n'
    'aliases = ["soho cholera"]\n'
)


@pytest.mark.parametrize("apart", [False, True], ids=["one folder", "a later folder"])
def test_where_names_the_entry_show_reaches_when_an_alias_clashes(
    tmp_path: Path, apart: bool
) -> None:
    """A new user's actor and topic both had the alias 'soho cholera' (BRIEF012):
    `where` printed only the actor, and `show` and `list names` reach the topic."""
    mine, later = tmp_path / "mine", tmp_path / ("later" if apart else "mine")
    (mine / "topics").mkdir(parents=True)
    later.mkdir(exist_ok=True)
    topic, actor = mine / "topics" / "outbreak.toml", later / "actors.toml"
    topic.write_text(_OUTBREAK + 'aliases = ["soho cholera"]\n')
    actor.write_text(_SNOW)
    base = ("--no-bundled", "-q", "-c", str(mine), "-c", str(later))
    assert run(*base, "show", "soho cholera", "-f", "plain").stdout.startswith("The 1854 outbreak")
    assert "soho cholera\ttopic\toutbreak\n" in run(*base, "list", "names").stdout
    result = run(*base, "where", "soho cholera")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"{topic}:3", f"{actor}:3"]  # the one in use first
    assert result.stderr == (
        f"brief: note: {actor}:3 (the actor 'snow') is not the one in use: 'soho cholera' "
        "reaches the topic 'outbreak', which has the name too (a name clash [BRIEF012]: see "
        "'brief validate')\n"
    )
    assert run(*base, "where", "snow").stdout == f"{actor}:3\n"  # its own name: no note


def test_where_says_no_definition_is_in_use_when_a_later_layer_drops_the_name(
    tmp_path: Path,
) -> None:
    """A topic redefined in a later layer without its alias: `where` listed the earlier
    definition, exit 0, while `show` says no entry has the name."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "notes.toml").write_text(_OUTBREAK + 'aliases = ["soho cholera"]\n')
    (second / "notes.toml").write_text(_OUTBREAK)
    base = ("--no-bundled", "-c", str(first), "-c", str(second))
    shown = run(*base, "show", "soho cholera")
    assert shown.exit_code == 1 and "no topic, actor or source named 'soho cholera'" in (
        shown.stderr
    )
    result = run(*base, "where", "soho cholera")
    assert result.exit_code == shown.exit_code
    assert result.stdout == f"{first / 'notes.toml'}:3\n"
    assert result.stderr == (
        f"brief: note: {first / 'notes.toml'}:3 (the topic 'outbreak') is not in use: "
        f"{second / 'notes.toml'}:3, in a later layer, overrides it, without the name "
        "'soho cholera'\n"
        "brief: none of the definitions of 'soho cholera' is in use: no entry in the corpus "
        "has that name\n"
    )
    # the name taken by another entry too: that one is in use, and listed first
    (second / "actors.toml").write_text(_SNOW)
    both = run(*base, "where", "soho cholera")
    assert both.exit_code == 0
    assert both.stdout.splitlines() == [f"{second / 'actors.toml'}:3", f"{first / 'notes.toml'}:3"]
    assert "overrides it, without the name 'soho cholera'" in both.stderr
    assert "none of the definitions" not in both.stderr
    assert run(*base, "where", "outbreak").stdout.splitlines() == [
        f"{second / 'notes.toml'}:3",
        f"{first / 'notes.toml'}:3",
    ]


def test_where_says_a_claim_left_out_for_what_it_names_is_not_in_use(tmp_path: Path) -> None:
    """Not replaced by anything: to be fixed, so listed, and the exit status is 0."""
    (tmp_path / "x.toml").write_text(
        'format = 1\n[[sources]]\nid = "s"\ntitle = "Src"\nkind = "article"\n[[claims]]\n'
        'id = "orphan"\ntopic = "nowhere"\ntext = "T."\ncites = [{ source = "s" }]\n'
    )
    result = run("--no-bundled", "-q", "-c", str(tmp_path), "where", "orphan")
    assert (result.exit_code, result.stdout) == (0, f"{tmp_path / 'x.toml'}:6\n")
    assert result.stderr == (
        f"brief: note: {tmp_path / 'x.toml'}:6 (the claim 'orphan') is not in use: 'brief "
        "validate' says why\n"
    )


@pytest.mark.parametrize("name", ["soho cholera", "john snow", "outbreak"])
def test_where_from_the_cache_says_what_it_says_from_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_whole_corpus: None, name: str
) -> None:
    """What the name reaches is looked up in the cache's names, not the whole corpus."""
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "outbreak.toml").write_text(_OUTBREAK + 'aliases = ["soho cholera"]\n')
    (tmp_path / "actors.toml").write_text(_SNOW)
    settle(tmp_path)
    files = same_warm_as_from_files(
        ("--no-bundled", "-c", str(tmp_path), "where", name), monkeypatch
    )
    assert files.exit_code == 0 and files.stdout.count("\n") == 1 + (name == "soho cholera")


# -- edit: which definition it opens ---------------------------------------------------------


def recorder(tmp_path: Path) -> tuple[str, Path]:
    """An $EDITOR that changes nothing and records each FILE:LINE it is asked to open
    (named as micro is, which is told the line that way), and the file it records to."""
    script = tmp_path / "bin" / "micro"
    script.parent.mkdir()
    opened = tmp_path / "opened"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nopen({str(opened)!r}, 'a').write(sys.argv[-1] + '\\n')\n"
    )
    script.chmod(0o755)
    return str(script), opened


@pytest.mark.parametrize("apart", [False, True], ids=["one folder", "a later folder"])
def test_edit_opens_the_entry_show_reaches_when_an_alias_clashes(
    tmp_path: Path, apart: bool
) -> None:
    """An actor and a topic both had the alias 'soho cholera' (BRIEF012): `edit` opened
    the actor, while `show` and `where` reach the topic."""
    mine, later = tmp_path / "mine", tmp_path / ("later" if apart else "mine")
    (mine / "topics").mkdir(parents=True)
    later.mkdir(exist_ok=True)
    topic = mine / "topics" / "outbreak.toml"
    topic.write_text(_OUTBREAK + 'aliases = ["soho cholera"]\n')
    (later / "actors.toml").write_text(_SNOW)
    base = ("--no-bundled", "-q", "-c", str(mine), "-c", str(later))
    ed, opened = recorder(tmp_path)
    result = invoke(*base, "edit", "soho cholera", env={"EDITOR": ed})
    assert result.exit_code == 0, result.stderr
    first = run(*base, "where", "soho cholera").stdout.splitlines()[0]
    assert opened.read_text() == f"{first}\n" == f"{topic}:3\n"


def test_edit_opens_nothing_when_a_later_layer_drops_the_name(tmp_path: Path) -> None:
    """A topic redefined in a later layer without its alias: `edit` opened the earlier
    definition, which nothing uses, while `show` and `where` say no entry has the name."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "notes.toml").write_text(_OUTBREAK + 'aliases = ["soho cholera"]\n')
    (second / "notes.toml").write_text(_OUTBREAK)
    base = ("--no-bundled", "-c", str(first), "-c", str(second))
    ed, opened = recorder(tmp_path)
    result = invoke(*base, "edit", "soho cholera", env={"EDITOR": ed})
    where = run(*base, "where", "soho cholera")
    assert result.exit_code == where.exit_code == 1
    assert result.stderr == where.stderr  # why, and the same last word
    assert result.stderr.endswith(
        "brief: none of the definitions of 'soho cholera' is in use: no entry in the corpus "
        "has that name\n"
    )
    assert result.stdout == "" and not opened.exists()
    # the name taken by another entry too: that one is opened
    (second / "actors.toml").write_text(_SNOW)
    assert invoke(*base, "edit", "soho cholera", env={"EDITOR": ed}).exit_code == 0
    assert opened.read_text() == f"{second / 'actors.toml'}:3\n"


def test_edit_does_not_copy_a_bundled_entry_a_later_one_took_the_name_from(
    home: Path, tmp_path: Path
) -> None:
    """The bundled topic 'sanctions', redefined in the personal corpus without the alias
    'us sanctions': `edit 'us sanctions'` copied the bundled one in beside it, a second
    topic of its id (BRIEF009)."""
    mine = home / "topics" / "sanctions.toml"
    mine.parent.mkdir()
    mine.write_text(
        'format = 2\n\n[[topics]]\nid = "sanctions"\ntitle = "Sanctions"\nsummary = "Mine."\n'
    )
    before = mine.read_bytes()
    ed, opened = recorder(tmp_path)
    result = invoke("edit", "us sanctions", env={"EDITOR": ed})
    assert result.exit_code == 1
    assert "none of the definitions of 'us sanctions' is in use" in result.stderr
    assert "in a later layer, overrides it, without the name 'us sanctions'" in result.stderr
    assert "copied" not in result.stdout and not opened.exists()
    assert mine.read_bytes() == before


def test_edit_opens_the_entry_a_claim_id_names_too(tmp_path: Path) -> None:
    """A claim's id that is also an actor's alias: `edit` opened the claim, while `show`
    and `where` reach the actor."""
    (tmp_path / "notes.toml").write_text(
        _OUTBREAK + '\n[[sources]]\nid = "s"\ntitle = "Src"\nkind = "article"\n\n'
        '[[claims]]\nid = "pump"\ntopic = "outbreak"\ntext = "T."\ncites = [{ source = "s" }]\n'
    )
    (tmp_path / "actors.toml").write_text(_SNOW.replace("soho cholera", "pump"))
    base = ("--no-bundled", "-q", "-c", str(tmp_path))
    assert run(*base, "show", "pump", "-f", "plain").stdout.startswith("John Snow")
    ed, opened = recorder(tmp_path)
    assert invoke(*base, "edit", "pump", env={"EDITOR": ed}).exit_code == 0
    first = run(*base, "where", "pump").stdout.splitlines()[0]
    assert opened.read_text() == f"{first}\n" == f"{tmp_path / 'actors.toml'}:3\n"


@pytest.mark.parametrize("broken", ["left out", "skipped"])
def test_edit_opens_a_later_definition_waiting_to_be_fixed(
    home: Path, tmp_path: Path, broken: str
) -> None:
    """The personal copy of a bundled topic, left out or in a skipped file: `show` uses
    the bundled one, but the copy is the one to fix (a second copy would not be)."""
    mine = home / "topics" / "sanctions.toml"
    mine.parent.mkdir()
    end = 'summary = ""\n' if broken == "left out" else 'summary = "Mine.\n'
    mine.write_text(f'format = 2\n\n[[topics]]\nid = "sanctions"\ntitle = "Sanctions"\n{end}')
    before = mine.read_bytes()
    bundled = Path(bundled_root()) / "topics" / "sanctions.toml"
    assert run("-q", "where", "sanctions").stdout.splitlines() == [f"{bundled}:3", f"{mine}:3"]
    ed, opened = recorder(tmp_path)
    result = invoke("edit", "sanctions", env={"EDITOR": ed})
    assert result.exit_code == 1  # unchanged, its problems listed
    assert opened.read_text() == f"{mine}:3\n"
    assert "copied" not in result.stdout and mine.read_bytes() == before


# -- schema --------------------------------------------------------------------------------


def _json_ready(value: object) -> object:
    """A parsed TOML value as JSON has it (dates as ISO strings, as TOML editors pass them)."""
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> object:
    import jsonschema  # type: ignore[import-untyped]  # a test dependency: missing fails

    out = CliRunner().invoke(cli, ["schema"], catch_exceptions=False).stdout
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_accepts_every_bundled_file(validator: object) -> None:
    files = sorted(Path(bundled_root()).rglob("*.toml"))
    assert len(files) > 5
    for path in files:
        doc = parse(path.read_bytes(), str(path))
        assert isinstance(doc, dict)
        errors = list(validator.iter_errors(_json_ready(doc)))  # type: ignore[attr-defined]
        assert errors == [], (path, errors[:1])


@pytest.mark.parametrize(
    ("before", "after"),
    [('text = "', 'txet = "'), ('status = "assessment"', 'status = "asessment"')],
)
def test_the_schema_rejects_a_typo_and_a_bad_status(
    validator: object, before: str, after: str
) -> None:
    text = (Path(bundled_root()) / "topics" / "sanctions.toml").read_text()
    assert before in text
    doc = parse(text.replace(before, after, 1).encode(), "x")
    assert isinstance(doc, dict)
    assert list(validator.iter_errors(_json_ready(doc)))  # type: ignore[attr-defined]


def test_schema_ids_suggests_the_corpus_ids() -> None:
    schema = json.loads(run("schema", "--ids").stdout)
    topic = schema["$defs"]["claims"]["properties"]["topic"]
    assert "sanctions" in topic["examples"]
    assert (
        "examples" not in json.loads(run("schema").stdout)["$defs"]["claims"]["properties"]["topic"]
    )


# -- schema: it takes what `brief validate` takes, and refuses what it refuses --------------
# A user found three disagreements: `relation = "Supports"` refused (validate forgives its
# case), `reliability` in a `format = 1` file taken (validate says BRIEF016), and `date =
# "1854-13"` taken (validate: no month 13). Each test holds files or values both ways.

_SAMPLE = """format = {format}

[[topics]]
id = "t"
title = "T"
summary = "S."

[[actors]]
id = "a"
name = "A"
description = "D."

[[actors]]
id = "b"
name = "B"
description = "D."

[[sources]]
id = "s"
title = "S"
kind = "article"
{source}

[[claims]]
id = "c"
text = "T."
topic = "t"
actors = ["a", "b"]
cites = [{{ source = "s"{cite} }}]
{claim}
"""


def _editor_sees(text: str) -> object:
    """A TOML file as an editor gives it to the schema: its values as written (``parse``
    makes them inert for the terminal; an editor does not), dates as ISO strings."""
    import tomli

    return _json_ready(tomli.loads(text))


def _disagreements(
    validator: object, tmp_path: Path, samples: list[tuple[bool, int, str, str, str]]
) -> list[str]:
    """Each sample that ``brief validate`` or the schema takes other than it should:
    (valid, format, source lines, citation keys, claim lines), one file each."""
    wrong = []
    for n, (valid, version, source, cite, claim) in enumerate(samples):
        text = _SAMPLE.format(format=version, source=source, cite=cite, claim=claim)
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / "sample.toml").write_text(text)
        checked = run("--no-bundled", "validate", str(folder))
        schema_ok = validator.is_valid(_editor_sees(text))  # type: ignore[attr-defined]
        if (checked.exit_code == 0, schema_ok) != (valid, valid):
            said = checked.stdout.strip() or "ok"
            wrong.append(f"format {version} {source}{cite}{claim}: {said}; schema {schema_ok}")
    return wrong


def test_the_schema_forgives_the_case_validate_forgives(validator: object, tmp_path: Path) -> None:
    """`relation = "Supports"` was refused by the schema; validate forgives a relation's
    case, spaces, underscores and hyphens, and a likelihood's or confidence's case."""
    graded = 'status = "assessment"\n'
    samples = [
        (True, 2, "", "", 'relation = "Supports"'),
        (True, 2, "", "", 'relation = "Trades With"'),
        (True, 2, "", "", 'relation = " depends_on "'),
        (True, 2, "", "", 'relation = "allied-with"'),
        (False, 2, "", "", 'relation = "Suports"'),
        (False, 2, "", "", 'relation = "trade-swith"'),
        (True, 2, "", "", graded + 'likelihood = "Very  Likely"\nconfidence = "HIGH"'),
        (False, 2, "", "", graded + 'likelihood = "very_likely"'),
        (True, 2, 'reliability = " B "', "", ""),  # space around any value is forgiven
        (True, 2, 'reliability = "b"', "", ""),  # nor its case (a trial's "c")
        (False, 2, 'reliability = "g"', "", ""),
        (True, 2, "", "", 'status = "Reported"'),  # a status's case is forgiven
        (True, 1, "", "", 'status = " ALLEGED "'),
        (False, 2, "", "", 'status = "Reportd"'),
    ]
    assert _disagreements(validator, tmp_path, samples) == []


@pytest.mark.parametrize(
    ("kind", "valid"), [("Article", True), (" REPORT ", True), ("Blog", False)]
)
def test_a_source_kind_s_case_is_forgiven_by_validate_and_the_schema(
    validator: object, tmp_path: Path, kind: str, valid: bool
) -> None:
    """A status's case and a source kind's are forgiven, in the editor's schema too."""
    text = _SAMPLE.format(format=1, source="", cite="", claim="").replace(
        'kind = "article"', f"kind = {kind!r}".replace("'", '"')
    )
    (tmp_path / "sample.toml").write_text(text)
    checked = run("--no-bundled", "validate", str(tmp_path))
    assert (checked.exit_code == 0) is valid, checked.stdout
    assert validator.is_valid(_editor_sees(text)) is valid  # type: ignore[attr-defined]


def _takes(kind: str, entry: dict[str, object], version: int = 2) -> bool:
    """Whether ``brief validate``'s check of one file takes *entry*, in a file of *version*."""
    from brief.corpus.schema import check_document

    return not check_document({"format": version, kind: [entry]}, "x.toml").problems


#: An entry of each kind with what it must have, and the claim's two actors (for a relation)
#: and a note (for a disputed claim).
_ENTRIES: dict[str, dict[str, object]] = {
    "topics": {"id": "t", "title": "T", "summary": "S."},
    "actors": {"id": "a", "name": "A", "description": "D."},
    "sources": {"id": "s", "title": "S", "kind": "article"},
    "claims": {
        "id": "c",
        "text": "T.",
        "topic": "t",
        "actors": ["a", "b"],
        "cites": [{"source": "s"}],
        "note": "N.",
    },
}


def test_every_choice_is_taken_as_validate_takes_it(validator: object) -> None:
    """Each key with choices, each choice written every way: the schema agrees with the
    check, and editors still complete the choices as the docs give them."""
    import re

    from brief.corpus.schema import FIELDS

    keys = [(kind, key, f) for kind, fields in FIELDS.items() for key, f in fields.items()]
    wrong, forgiven = [], set()
    for kind, key, field in (k for k in keys if k[2].choices):
        graded: dict[str, object] = {}
        if key in ("likelihood", "confidence"):
            graded["status"] = "assessment"
        for choice in field.choices:
            words = choice.replace("-", " ").split()
            for written in (
                *(choice, choice.upper(), choice.title(), choice.swapcase(), f" {choice}\t"),
                *("  ".join(words), "_".join(words), "-".join(words), " _".join(words)),
                *(f"_{choice}-", f"{choice}s", choice[:-1], "".join(words), f"{choice}."),
            ):
                entry = {**_ENTRIES[kind], **graded, key: written}
                takes = _takes(kind, entry)
                if takes != validator.is_valid({"format": 2, kind: [entry]}):  # type: ignore[attr-defined]
                    wrong.append(f"{kind}.{key} = {written!r}: validate takes it: {takes}")
                if takes and written != choice:
                    forgiven.add(key)
    assert wrong == []
    assert forgiven == {"kind", "status", "reliability", "likelihood", "confidence", "relation"}
    for kind, key, field in (k for k in keys if k[2].choices):
        assert all(re.fullmatch(r"[A-Za-z0-9 -]+", c) for c in field.choices), key
        schema = validator.schema["$defs"][kind]["properties"][key]  # type: ignore[attr-defined]
        assert schema["anyOf"][0] == {"enum": list(field.choices)}  # what editors complete


def test_a_format_1_file_is_refused_the_keys_only_format_2_has(
    validator: object, tmp_path: Path
) -> None:
    """`reliability` in a `format = 1` file was taken by the schema; validate refuses it
    (BRIEF016), and a relation (BRIEF021)."""
    samples = [
        (False, 1, 'reliability = "A"', "", ""),
        (True, 2, 'reliability = "A"', "", ""),
        (False, 1, 'note = "Why."', "", ""),  # a source's note is format 2's
        (True, 1, "", "", 'note = "Why."'),  # a claim's is format 1's
        (False, 1, "", "", "credibility = 2"),
        (False, 1, "", "", 'relation = "supports"'),
        (False, 1, "", "", 'relation_to = ["b"]'),
        (False, 1, "", ', quote = "Words."', ""),
        (True, 2, "", ', quote = "Words.", locator = "p. 2"', 'date = "1854"'),
    ]
    assert _disagreements(validator, tmp_path, samples) == []


#: A value of each type (``Field.type``) that the check takes.
_VALUES: dict[str, object] = {
    "string": "X.",
    "array of strings": ["X."],
    "string or TOML date": "1854-08",
    "array of topic ids": ["t"],
    "array of actor ids": ["b"],
    "array of claim ids": ["d"],
    "path to a text file": "s.txt",
    "integer 1-6": 2,
    "actor id or string": "a",
    "date, year or range": "1854/1855",
    "relation": "supports",
}


#: What a key needs beside it in a format-2 file: an assessment, a relation.
_NEEDS: dict[str, dict[str, object]] = {
    "likelihood": {"status": "assessment"},
    "confidence": {"status": "assessment"},
    "relation_to": {"relation": "supports"},
    "relation_from": {"relation": "supports"},
}


def _each_key() -> Iterator[tuple[str, str, dict[str, object], int]]:
    """Each key an entry may have, and each a citation may have, in a format-1 file and in
    a format-2 one: (what it is, its kind, the entry, the format)."""
    from brief.corpus.schema import FIELDS

    for kind, fields in FIELDS.items():
        for key, field in fields.items():
            value = field.choices[0] if field.choices else _VALUES.get(field.type)
            for version in (1, 2):
                needs = _NEEDS.get(key, {}) if version == 2 else {}
                entry = {**_ENTRIES[kind], key: value, **needs}
                if not field.required:
                    yield f"format {version}: {kind}.{key}", kind, entry, version
    for key in ("section", "quote", "locator"):
        for version in (1, 2):
            entry = {**_ENTRIES["claims"], "cites": [{"source": "s", key: "X."}]}
            yield f"format {version}: a citation's {key}", "claims", entry, version


def test_each_key_is_taken_in_the_formats_validate_takes_it_in(validator: object) -> None:
    wrong = []
    for what, kind, entry, version in _each_key():
        doc = {"format": version, kind: [entry]}
        if _takes(kind, entry, version) != validator.is_valid(doc):  # type: ignore[attr-defined]
            wrong.append(what)
    assert wrong == []


def test_the_schema_takes_the_dates_validate_takes(validator: object, tmp_path: Path) -> None:
    """`date = "1854-13"` was taken by the schema; validate knows the calendar."""
    samples = [
        (False, 2, 'date = "1854-13"', "", ""),
        (True, 2, 'date = "1854-12"', "", ""),
        (False, 2, 'date = "1854-02-29"', "", ""),
        (True, 2, 'date = "1856-02-29"', "", ""),
        (False, 2, 'retrieved = "1900-02-29"', "", ""),
        (True, 2, "retrieved = 2000-02-29", "", ""),  # a TOML date
        (False, 2, 'date = "1854-09-31"', "", ""),
        (False, 2, "date = 1854-09-01T10:00:00", "", ""),  # a time is not kept
        (True, 2, "", "", 'date = "1854-08/1854-09-08"'),
        (False, 2, "", "", 'date = "1854-08/1854-09-31"'),
        (False, 2, "", "", 'date = "1854/8/31"'),
    ]
    assert _disagreements(validator, tmp_path, samples) == []


def test_the_date_patterns_are_the_calendar(validator: object) -> None:
    """Every month and day (and then some) of years that the leap-year rule tells apart,
    and February 29 of enough years to be all of them: the schema's dates against the
    checks' own, as the editor gives them."""
    import datetime

    import jsonschema

    from brief.corpus.checkers import Bad
    from brief.corpus.schema import FIELDS

    def days() -> Iterator[object]:
        for year in (0, 4, 100, 400, 1582, 1600, 1700, 1854, 1900, 1996, 2000, 2023, 2100, 9999):
            for month in range(14):
                yield f"{year:04}-{month:02}"
                yield from (f"{year:04}-{month:02}-{day:02}" for day in range(33))
        # every last two digits, and every century: the leap-year rule looks at no more
        yield from (f"{year:04}-02-{day}" for year in range(1900, 2000) for day in (28, 29))
        yield from (f"{year:04}-02-{day}" for year in range(0, 10000, 100) for day in (28, 29))
        yield from ("1854", " 1854-08 ", "1854\n", "854", "18540", "1854-8", "1854-08-1")
        yield from ("1854-08-01-01", "1854/08", "1854 -08", "-1854", "", " ", "x1854")
        yield from ("\u0661\u0668\u0665\u0664", "1854-\u0660\u0668")  # not ASCII digits
        # not 1854.0: JSON has one kind of number, so to the schema it is an integer
        yield from (999, 1000, 9999, 10000, True, datetime.date(1854, 8, 31))
        yield datetime.datetime(1854, 8, 31, 10, 0)

    def ranges() -> Iterator[object]:  # a range that ends before it starts is validate's
        yield from ("1854/1855", "1854-08/1854-09-08", " 1854 / 1855 ", "1854-13/1855")
        yield from ("1854/1855-02-29", "1854/1856-02-29", "1854/", "/1855", "1854/1855/1856")
        yield from ("1854/8", "1854/8/31", "1854/08/31", "1854-08/1855-00", "1854//1855")
        yield from ("\u0661\u0668\u0665\u0664/1855", "1854/\u0668/31")

    wrong = []
    for kind, values in (("sources", days), ("claims", days), ("claims", ranges)):
        check = FIELDS[kind]["date"].check
        schema = validator.schema["$defs"][kind]["properties"]["date"]  # type: ignore[attr-defined]
        date = jsonschema.Draft202012Validator(schema)
        for value in values():
            try:
                check(value)
            except Bad:
                takes = False
            else:
                takes = True
            if takes != date.is_valid(_json_ready(value)):
                wrong.append(f"{kind}: {value!r}: validate takes it: {takes}")
    assert wrong == []


def test_template_optional_keys_have_the_right_type_and_their_choices() -> None:
    """Uncommenting a template line gives a value of the right type, and says its choices."""
    from brief.corpus.authoring import entry_text

    claim = entry_text("claim", {"id": "c", "text": "T", "topic": "t"})
    assert "# credibility = 0  # integer 1-6" in claim
    assert '# confidence = ""  # one of: low, moderate, high' in claim
    source = entry_text("source", {"id": "s", "title": "S"})
    assert '# reliability = ""  # one of: A, B, C, D, E, F' in source


def test_a_template_for_a_format_1_file_offers_no_format_2_key(home: Path, tmp_path: Path) -> None:
    """A new user uncommented `credibility = 2` in a claim template: BRIEF016."""
    from brief.corpus.authoring import declared_format, entry_text

    assert declared_format(b"#:schema x\nformat = 1\n\n[[topics]]\nformat = 2\n") == 1
    assert declared_format(b"format = 2 # the newest\n") == 2
    assert declared_format(None) == declared_format(b"[[topics]]\n") == 2
    old = entry_text("claim", {"id": "c"}, version=1)
    new = entry_text("claim", {"id": "c"})
    for key in ("credibility", "by", "date", "likelihood", "confidence", "relation"):
        assert f"# {key} = " in new and f"{key} =" not in old
    assert "# status = " in old and "# note = " in old  # format 1's own optional keys
    (home / "topics").mkdir(exist_ok=True)
    mine = home / "topics" / "ice.toml"
    mine.write_text('format = 1\n\n[[topics]]\nid = "ice"\ntitle = "Ice"\nsummary = "Cold."\n')
    result = run("new", "claim", "--topic", "ice", "--no-edit")
    assert result.exit_code == 0, result.stderr
    assert "credibility" not in mine.read_text()
    # every key the template offers, uncommented: none is refused for the file's format
    lines = mine.read_text().splitlines()
    offered = [line[2:].split("  #")[0] if line.startswith("# ") else line for line in lines]
    mine.write_text("\n".join(offered) + "\n")
    checked = run("--no-bundled", "-c", str(home), "validate")
    assert "BRIEF016" not in checked.stdout + checked.stderr
    assert "status" in mine.read_text()  # what it offered was uncommented


def test_no_terminal_and_no_editor_set_writes_nothing(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user's `brief new claim` with no text, no terminal and no $EDITOR started
    vi, which failed, and left an empty claim in the file."""
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    result = run("new", "claim", "--topic", "sanctions", "--source", "why-china")
    assert result.exit_code == 1
    assert result.stderr == (
        "brief: no editor to open: not in a terminal, and neither $VISUAL nor $EDITOR is set "
        "(set one; 'brief new' also takes --set KEY=VALUE and --no-edit)\n"
    )
    assert not (home / "topics" / "sanctions.toml").exists()
    assert run("edit", "sanctions").stderr.startswith("brief: no editor to open: not in a")
    assert not (home / "topics" / "sanctions.toml").exists()  # no copy made either


def test_an_edit_that_is_right_says_when_other_files_have_problems(
    topic: Path, tmp_path: Path
) -> None:
    (topic.parent / "broken.toml").write_text("format = 1\n[[topics]\n")
    env = {"EDITOR": editor(tmp_path, NOTHING)}
    result = invoke("edit", "arctic-shipping", env=env)
    assert result.exit_code == 0 and result.stdout.startswith("ok: ")
    assert "(other files have a problem: see 'brief validate')" in result.stderr


def test_a_file_new_writes_gets_the_mode_of_any_new_file(home: Path) -> None:
    """Not the private 0600 of the temporary file it is written as (a trial found brief's
    files 0600 beside hand-written 0644 ones, which matters in a shared folder)."""
    old = os.umask(0o022)
    try:
        assert run("new", "topic", "Arctic", "--set", "summary=Ice.", "--no-edit").exit_code == 0
        assert (
            run("new", "actor", "Norway", "--set", "description=A state.", "--no-edit").exit_code
            == 0
        )
    finally:
        os.umask(old)
    assert (home / "topics" / "arctic.toml").stat().st_mode & 0o777 == 0o644
    actors = home / "actors.toml"
    assert actors.stat().st_mode & 0o777 == 0o644
    actors.chmod(0o640)  # a file that is there keeps its own
    assert (
        run("new", "actor", "Sweden", "--set", "description=A state.", "--no-edit").exit_code == 0
    )
    assert actors.stat().st_mode & 0o777 == 0o640


def test_where_lists_the_definition_in_use_first_and_says_which_is_left_out(
    tmp_path: Path,
) -> None:
    """A new user's duplicate claim, left out for its own problem in a file read first:
    `where` listed it first, as though it were the one in use."""
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics/a.toml").write_text(
        'format = 1\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[sources]]\nid = "s"\ntitle = "Src"\nkind = "article"\n'
        '[[claims]]\nid = "dup"\ntext = "In use."\ntopic = "t"\ncites = [{ source = "s" }]\n'
    )
    (tmp_path / "extra.toml").write_text(
        'format = 1\n[[claims]]\nid = "dup"\ntext = ""\ntopic = "t"\ncites = [{ source = "s" }]\n'
    )
    base = ("--no-bundled", "-q", "-c", str(tmp_path))
    result = run(*base, "where", "dup")
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'topics' / 'a.toml'}:10",
        f"{tmp_path / 'extra.toml'}:2",
    ]
    assert result.stderr == (
        f"brief: note: {tmp_path / 'extra.toml'}:2 is left out for its own problems "
        "(claims[0].text: must not be empty [BRIEF008]): "  # its file named once (a trial)
        "not in use until it is fixed\n"
    )
    shown = run(*base, "show", "dup")  # the claim in use, not the one left out
    assert "'dup' is a claim, in the topic 't'" in shown.stderr


def test_new_and_edit_give_each_problem_its_line(home: Path, tmp_path: Path) -> None:
    """The file just written or edited has its problems told as ``validate`` tells them,
    ``path:LINE: key: message``: the line is where to look (a trial saw ``sarajevo.toml:
    claims[4].credibilty`` from edit, and ``sarajevo.toml:98:`` from validate)."""
    result = run("new", "topic", "Arctic", "shipping", "--no-edit")
    path = home / "topics" / "arctic-shipping.toml"
    lines = path.read_text().splitlines()
    summary = next(n for n, line in enumerate(lines, 1) if line.startswith("summary ="))
    assert f"{path}:{summary}: topics[0].summary: must not be empty" in result.stderr
    fixed = ('summary = ""', 'summary = "Sea lanes."\nsumary = "typo"')
    env = {"EDITOR": editor(tmp_path, fixed)}
    edited = invoke("edit", "arctic-shipping", env=env)
    typo = next(n for n, line in enumerate(path.read_text().splitlines(), 1) if "sumary" in line)
    assert f"{path}:{typo}: topics[0].sumary: unknown key 'sumary'" in edited.stderr


def test_edit_lists_the_files_problems_from_the_top_down(home: Path, tmp_path: Path) -> None:
    """A trial's edit listed ``actors.toml:30`` ahead of ``actors.toml:28``: problems come
    in the order the checks find them, and the file is read top down."""
    run("new", "topic", "Arctic", "shipping", "--no-edit")
    path = home / "topics" / "arctic-shipping.toml"
    # a missing key is told at its table's header, above the misspelt one
    env = {"EDITOR": editor(tmp_path, ('title = "', 'titel = "'))}
    edited = invoke("edit", "arctic-shipping", env=env)
    lined = re.compile(rf"{re.escape(str(path))}:(\d+): ")
    told = [m for line in edited.stderr.splitlines() if (m := lined.match(line))]
    at = [int(m[1]) for m in told]  # the edit's two new problems, then the one before
    assert len(at) == 3 and at[0] < at[1], edited.stderr


#: A quote of the analyst corpus's claim traffic-will-grow, and words its source lacks.
GROWING = 'quote = "traffic is expected to keep growing"'
SHRINKING = 'quote = "traffic will shrink"'


@pytest.fixture
def analyst(tmp_path: Path) -> Path:
    """A writable copy of the format-2 test corpus, with its source texts."""
    dest = tmp_path / "analyst"
    shutil.copytree(CORPORA / "analyst", dest)
    return dest


def test_new_claim_of_an_actor_not_in_the_corpus_says_how_to_add_it(analyst: Path) -> None:
    """A trial was told ``no actor named 'Clark Noble'``, and not how to make one."""
    corpus = ("--no-bundled", "--corpus", str(analyst), "new", "claim", "-t", "harbour")
    cited = ("-s", "harbour-report", "--section", "Summary", "--into", str(analyst), "Text.")
    result = run(*corpus, "-a", "Clark Noble", *cited)
    assert result.exit_code == 1
    said = "brief: no actor named 'Clark Noble'; add it first: brief new actor 'Clark Noble'"
    assert said in result.stderr
    typo = run(*corpus, "-a", "port-authorty", *cited)  # a name like one: the suggestion
    assert "did you mean 'port-authority'" in typo.stderr and "add it" not in typo.stderr


def test_a_problem_from_before_is_not_new_when_an_entry_above_it_is_deleted(
    analyst: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems were compared with their entries' places: deleting a claim above one
    with a problem made that problem (now ``claims[1]``, was ``claims[2]``) new."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    path = analyst / "harbour.toml"
    text = path.read_text()
    start = text.index('[[claims]]\nid = "berths-doubled"')
    block = text[start : text.index("[[claims]]", start + 1)]
    grow = text.index('id = "traffic-will-grow"')
    text = text[:grow] + text[grow:].replace('"port-authority"', '"port-authorty"', 1)
    path.write_text(text)
    corpus = ("--no-bundled", "--corpus", str(analyst))
    env = {"EDITOR": editor(tmp_path, (block, ""))}
    result = invoke(*corpus, "edit", "traffic-will-grow", env=env, answers="k\n")
    assert "berths-doubled" not in path.read_text()  # the edit was made
    assert "new problem" not in result.stderr, result.stderr
    assert f"no new problems: kept {path}, which still has a problem from before" in (result.stdout)


def test_a_problem_from_before_whose_claim_the_edit_leaves_out_is_not_new(
    analyst: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's unknown actor (the claim kept without it) was listed among the edit's new
    problems once the edit gave the claim a bad date: the problem said another outcome."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    path = analyst / "harbour.toml"
    text = path.read_text()
    path.write_text(text.replace('actors = ["port-authority"]', 'actors = ["port-authorty"]', 1))
    corpus = ("--no-bundled", "--corpus", str(analyst))
    env = {"EDITOR": editor(tmp_path, ('date = "2018/2020"', 'date = "2018-13"'))}
    result = invoke(*corpus, "edit", "volumes-rose", env=env, answers="k\n")
    lines = result.stderr.splitlines()
    assert lines[0] == f"{path}: the edit gives it 2 new problems:", result.stderr
    assert "claims[0].date" in lines[1]
    # what links to the claim now left out loses the link, and says so
    assert "claims[3].contradicts[0]: claim 'volumes-rose' is left out" in lines[2]
    assert lines[3] == f"{path}: and it still has a problem from before:"
    assert "unknown actor 'port-authorty'" in lines[4]


def test_an_edit_that_changes_a_quote_to_words_not_in_the_source_is_a_problem(
    analyst: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user's edit changed a quote to words its source does not hold: `ok:
    .../topics/spill.toml has no problems`, and validate then gave BRIEF017."""
    monkeypatch.setattr("brief.cli.authoring.interactive", lambda: True)
    path = analyst / "harbour.toml"
    before = path.read_bytes()
    corpus = ("--no-bundled", "--corpus", str(analyst))
    env = {"EDITOR": editor(tmp_path, (GROWING, SHRINKING))}
    result = invoke(*corpus, "edit", "traffic-will-grow", env=env, answers="r\n")
    said = (
        "claims[2].cites[0].quote: quote not found in section 'Outlook' of source "
        "'harbour-report' (closest: 'traffic is expected to keep growing') [BRIEF017]"
    )
    first = result.stderr.splitlines()
    assert first[0] == f"{path}:40: {said}" and first[1].startswith("What now?")
    assert path.read_bytes() == before  # reverted
    # a quote wrong before the edit is told apart from the one the edit gets wrong
    path.write_bytes(before.replace(b'by a third", locator', b'by a half", locator', 1))
    (tmp_path / "ed.count").unlink()
    again = invoke(*corpus, "edit", "traffic-will-grow", env=env, answers="k\n")
    lines = again.stderr.splitlines()
    assert lines[:2] == [f"{path}: the edit gives it a new problem:", f"{path}:40: {said}"]
    assert lines[2] == f"{path}: and it still has a problem from before:"
    assert "claims[0].cites[0].quote: quote not found in section 'Shipping" in lines[3]
    # the same words validate gives
    assert f"{path}: {said}" in unlined(run(*corpus, "validate", str(analyst)).stdout)


def test_new_lists_a_quote_not_in_its_source_among_the_problems_it_wrote(
    analyst: Path,
) -> None:
    """A claim written without its text (left to be filled in) has its quote checked
    after writing, as the rest of it is."""
    args = ("--no-bundled", "--corpus", str(analyst), "new", "claim", "-t", "harbour")
    cited = ("-s", "harbour-report", "--section", "Outlook", "--quote", "traffic will shrink")
    result = run(*args, *cited, "--no-edit", "--into", str(analyst))
    assert result.exit_code == 0  # a skeleton was asked for
    assert "claims[6].cites[0].quote: quote not found in section 'Outlook' of source " in (
        result.stderr
    )


def test_init_prints_a_folder_name_inert(home: Path, tmp_path: Path) -> None:
    """A folder named with a terminal escape is shown as text, not obeyed."""
    from brief.core.sanitize import is_inert

    odd = tmp_path / "notes\x1b[2J"
    result = run("init", str(odd))
    assert result.exit_code == 0, result.output
    assert odd.is_dir()
    assert "\x1b" not in result.stdout and is_inert(result.stdout)
    assert "notes\\x1b[2J" in result.stdout


def test_new_claim_says_how_its_relation_reads(analyst: Path) -> None:
    """A trial wrote ``-a transocean -a bp --set relation=depends-on`` for "BP depends on
    Transocean"; only ``brief graph`` showed it the other way round."""
    corpus = ("--no-bundled", "--corpus", str(analyst), "new", "claim", "-t", "harbour")
    cited = ("-s", "harbour-report", "--section", "Summary", "--into", str(analyst))
    actors = ("-a", "fishers-union", "-a", "port-authority")
    result = run(*corpus, *actors, *cited, "--set", "relation=opposes", "The union opposes it.")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "it reads: fishers-union opposes port-authority (the first actor acts on the "
        "others: give them the other way round to turn it)"
    )
    graph = run("--no-bundled", "--corpus", str(analyst), "graph", "-f", "plain").stdout
    assert "Fishers' Union\n   opposes  Port Authority" in graph  # as it read
    both = run(*corpus, *actors, *cited, "--set", "relation=trades-with", "They trade.")
    assert both.stdout.splitlines()[1] == "it reads: fishers-union trades with port-authority"
    plain = run(*corpus, *actors, *cited, "The union and the port.")
    assert len(plain.stdout.splitlines()) == 1  # no relation, nothing to read


def test_ctrl_c_in_the_editor_takes_back_what_brief_wrote(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's Ctrl-C while the editor was open left the template behind, and its
    title then counted as taken; an edit the editor made before it is kept."""
    from pathlib import Path as P

    def interrupted(path: str, line: int) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("brief.cli.editor.run_editor", interrupted)
    path = home / "topics" / "harbour-fees.toml"
    result = invoke("new", "topic", "Harbour fees", env={"EDITOR": "true"})
    assert f"brief: interrupted: removed {path}" in result.stderr  # (click: Aborted!)
    assert not path.exists()
    assert run("new", "topic", "Harbour fees", "--no-edit").exit_code == 0  # not taken

    def edited_then_interrupted(path: str, line: int) -> int:
        P(path).write_text(P(path).read_text().replace('summary = ""', 'summary = "Mine."'))
        raise KeyboardInterrupt

    monkeypatch.setattr("brief.cli.editor.run_editor", edited_then_interrupted)
    result = invoke("edit", "harbour-fees", env={"EDITOR": "true"})
    assert f"brief: interrupted: kept {path} as the editor left it, unchecked" in result.stderr
    assert 'summary = "Mine."' in path.read_text()  # what the editor wrote is the user's
