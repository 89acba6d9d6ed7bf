"""``relation_from`` (format 2): the actors a claim's relation goes from.

A claim's relation goes from its subject, ``actors[0]``, unless ``relation_from`` names
its subjects: "China and Russia vetoed new Council sanctions on North Korea" states that
each of them shields North Korea, and draws both edges, never one between China and
Russia. The fixture corpus's ``china-russia-veto`` has ``relation_from = ["china",
"russia"]`` and ``relation_to = ["north-korea"]``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from brief.core.model import Claim

from .conftest import CORPORA, run, unlined

RELATIONS_CORPUS = CORPORA / "relations"
CORPUS = ("--no-bundled", "--corpus", str(RELATIONS_CORPUS))
CLAIM = "china-russia-veto"
#: The fixture's relation_from claim, as written (its index in relations.toml: 15).
WRITTEN = 'actors = ["china", "russia", "north-korea", "un"]\nrelation = "shields"\n'
WRITTEN_FROM = 'relation_from = ["china", "russia"]\n'
WRITTEN_TO = 'relation_to = ["north-korea"]\n'
AT = "claims[15]"
KEPT = "the claim is kept without its relation"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    dest = tmp_path / "relations"
    shutil.copytree(RELATIONS_CORPUS, dest)
    return dest


def _rewrite(corpus: Path, old: str, new: str) -> Path:
    path = corpus / "relations.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def _edges(*corpus: str) -> dict[tuple[str, str, str], list[str]]:
    result = run(*corpus, "graph", "-f", "json")
    data: dict[str, Any] = json.loads(result.stdout)
    return {(e["subject"], e["relation"], e["object"]): e["claim_ids"] for e in data["edges"]}


def _claim_edges(*corpus: str) -> set[tuple[str, str, str]]:
    return {key for key, ids in _edges(*corpus).items() if CLAIM in ids}


def _relations(actor: str, *corpus: str) -> list[tuple[str, str, list[str]]]:
    data = json.loads(run(*corpus, "show", actor, "-f", "json").stdout)
    return [(r["words"], r["other"], r["claims"]) for r in data["relations"]]


def _problems(corpus: Path) -> list[str]:
    result = run("--no-bundled", "validate", str(corpus))
    return [line for line in unlined(result.stdout).splitlines() if "BRIEF021" in line]


# -- the model -----------------------------------------------------------------------------


def test_subjects_are_relation_from_or_the_first_actor() -> None:
    def claim(**kw: Any) -> Claim:
        return Claim("c", "T.", "t", ("a", "b", "a", "c", "b"), (), **kw)

    assert claim().subjects == ()  # no relation, no subjects
    assert claim(relation="supports").subjects == ("a",)
    both = claim(relation="supports", relation_from=("a", "b"))
    assert both.subjects == ("a", "b")
    assert both.targets == ("c",), "the other actors: never a subject"
    assert claim(relation="supports", relation_from=("b",)).targets == ("a", "c")
    to = claim(relation="supports", relation_from=("a", "b"), relation_to=("c",))
    assert (to.subjects, to.targets) == (("a", "b"), ("c",))


# -- the picture ---------------------------------------------------------------------------


def test_relation_from_draws_an_edge_from_each_subject() -> None:
    edges = _edges(*CORPUS)
    assert edges["china", "shields", "north-korea"] == ["china-shields-nk", CLAIM]
    assert CLAIM in edges["russia", "shields", "north-korea"]
    assert _claim_edges(*CORPUS) == {
        ("china", "shields", "north-korea"),
        ("russia", "shields", "north-korea"),
    }


def test_relation_from_decides_the_relations_each_briefing_lists() -> None:
    russia = _relations("russia", *CORPUS)
    assert any(w == "shields" and o == "north-korea" and CLAIM in c for w, o, c in russia)
    assert not any(CLAIM in c and o == "china" for _, o, c in russia), "not China: a subject"
    china = _relations("china", *CORPUS)
    assert not any(CLAIM in c and o == "russia" for _, o, c in china)
    nk = _relations("north-korea", *CORPUS)
    shielded = {o for w, o, c in nk if w == "shielded by" and CLAIM in c}
    assert shielded == {"china", "russia"}
    assert not any(CLAIM in c for _, _, c in _relations("un", *CORPUS))


def test_without_relation_to_the_subjects_go_to_every_other_actor(corpus: Path) -> None:
    _rewrite(corpus, WRITTEN_TO, "")
    assert _claim_edges("--no-bundled", "--corpus", str(corpus)) == {
        ("china", "shields", "north-korea"),
        ("china", "shields", "un"),
        ("russia", "shields", "north-korea"),
        ("russia", "shields", "un"),
    }


def test_without_relation_from_the_relation_goes_from_the_first_actor(corpus: Path) -> None:
    _rewrite(corpus, WRITTEN_FROM, "")
    assert _claim_edges("--no-bundled", "--corpus", str(corpus)) == {
        ("china", "shields", "north-korea")
    }


def test_a_subject_need_not_come_first(corpus: Path) -> None:
    _rewrite(corpus, WRITTEN_FROM, 'relation_from = ["russia"]\n')
    assert _claim_edges("--no-bundled", "--corpus", str(corpus)) == {
        ("russia", "shields", "north-korea")
    }


def test_a_symmetric_relation_from_several_subjects(corpus: Path) -> None:
    _rewrite(corpus, WRITTEN, WRITTEN.replace("shields", "trades-with"))
    edges = _claim_edges("--no-bundled", "--corpus", str(corpus))
    assert edges == {
        ("china", "trades-with", "north-korea"),
        ("north-korea", "trades-with", "russia"),
    }


# -- BRIEF021: each problem one line naming the file and key --------------------------------


@pytest.mark.parametrize(
    ("written", "where", "message", "edges"),
    [
        (
            'relation_from = ["china", "japan"]',
            "relation_from[1]",
            "'japan' is not one of the claim's actors (its actors: china, russia, north-korea, "
            "un); that subject is dropped",
            {"china"},
        ),
        (
            'relation_from = ["chna"]',
            "relation_from[0]",
            "'chna' is not one of the claim's actors (did you mean 'china'?); " + KEPT,
            set(),
        ),
        (
            "relation_from = []",
            "relation_from",
            "an empty 'relation_from' names no one (leave it out for the first actor); " + KEPT,
            set(),
        ),
        (
            'relation_from = "china"',
            "relation_from",
            "expected an array of actor ids, found a string; " + KEPT,
            set(),
        ),
        (
            "relation_from = [1, 2]",
            "relation_from",
            "expected an array of actor ids, found an array of other values; " + KEPT,
            set(),
        ),
    ],
    ids=["not an actor", "none left", "empty", "string", "numbers"],
)
def test_a_relation_from_that_cannot_be_used_is_one_line(
    corpus: Path, written: str, where: str, message: str, edges: set[str]
) -> None:
    path = _rewrite(corpus, WRITTEN_FROM, written + "\n")
    result = run("--no-bundled", "validate", str(corpus))
    assert result.exit_code == 1
    assert f"{path}: {AT}.{where}: {message} [BRIEF021]" in _problems(corpus)
    assert len([p for p in _problems(corpus) if AT in p]) == 1
    # never an edge from an actor it does not name: from those kept, or none at all
    drawn = _claim_edges("--no-bundled", "--corpus", str(corpus))
    assert drawn == {(s, "shields", "north-korea") for s in edges}
    claims = run("--no-bundled", "--corpus", str(corpus), "claims", "-f", "json")
    assert CLAIM in {c["id"] for c in json.loads(claims.stdout)["claims"]}, "the claim is kept"


def test_a_subject_in_relation_to_is_one_line_and_dropped_there(corpus: Path) -> None:
    path = _rewrite(corpus, WRITTEN_TO, 'relation_to = ["north-korea", "russia"]\n')
    assert _problems(corpus) == [
        f"{path}: {AT}.relation_to[1]: 'russia' is one of the claim's subjects "
        "(relation_from): a relation goes to others; that target is dropped [BRIEF021]"
    ]
    assert _claim_edges("--no-bundled", "--corpus", str(corpus)) == {
        ("china", "shields", "north-korea"),
        ("russia", "shields", "north-korea"),
    }


def test_relation_from_naming_every_actor_leaves_no_one_to_go_to(corpus: Path) -> None:
    path = _rewrite(
        corpus,
        WRITTEN_FROM + WRITTEN_TO,
        'relation_from = ["china", "russia", "north-korea", "un"]\n',
    )
    assert _problems(corpus) == [
        f"{path}: {AT}.relation_from: every actor of the claim is a subject, so the relation "
        f"goes to no one (name its subjects only, or add 'relation_to'); {KEPT} [BRIEF021]"
    ]
    assert _claim_edges("--no-bundled", "--corpus", str(corpus)) == set()


def test_relation_from_without_a_relation_is_one_line(corpus: Path) -> None:
    path = _rewrite(corpus, 'relation = "shields"\n' + WRITTEN_FROM + WRITTEN_TO, "")
    text = path.read_text().replace(
        'actors = ["china"]\ntext = "China enforces',
        'actors = ["china"]\n' + WRITTEN_FROM + 'text = "China enforces',
    )
    path.write_text(text)
    assert (
        f"{path}: claims[8].relation_from: 'relation_from' says who a relation goes from, but "
        "the claim states none; add a 'relation' or remove 'relation_from' [BRIEF021]"
    ) in _problems(corpus)


def test_relation_from_after_a_dropped_relation_adds_no_second_line(corpus: Path) -> None:
    _rewrite(corpus, WRITTEN, WRITTEN.replace("shields", "shelds"))
    lines = [p for p in _problems(corpus) if AT in p]
    assert len(lines) == 1 and "unknown relation 'shelds'" in lines[0]


def test_relation_from_in_a_format_1_file_needs_format_2(tmp_path: Path) -> None:
    (tmp_path / "one.toml").write_text(
        "format = 1\n[[topics]]\nid = 't'\ntitle = 'T'\nsummary = 'S.'\n"
        "[[actors]]\nid = 'a'\nname = 'A'\ndescription = 'D.'\n"
        "[[actors]]\nid = 'b'\nname = 'B'\ndescription = 'D.'\n"
        "[[sources]]\nid = 's'\ntitle = 'S'\nkind = 'other'\n"
        "[[claims]]\nid = 'c'\ntopic = 't'\nactors = ['a', 'b']\nrelation_from = ['a']\n"
        "text = 'T.'\ncites = [{ source = 's' }]\n"
    )
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.exit_code == 1
    assert (
        f"{tmp_path / 'one.toml'}: claims[0].relation_from: 'relation_from' needs format 2 "
        "(write: format = 2 at the top of the file) [BRIEF021]"
    ) in unlined(result.stdout).splitlines()


def test_a_subject_that_is_not_in_the_corpus_is_dropped_with_its_actor(corpus: Path) -> None:
    """An actor id no file defines: the actor goes from the claim (its own problem), the
    other subjects keep their edges."""
    _rewrite(corpus, WRITTEN, WRITTEN.replace('"un"]', '"un", "mallory"]'))
    _rewrite(corpus, WRITTEN_FROM, 'relation_from = ["china", "mallory"]\n')
    assert _claim_edges("--no-bundled", "--corpus", str(corpus)) == {
        ("china", "shields", "north-korea")
    }


def test_when_no_subject_is_in_the_corpus_the_relation_goes(corpus: Path) -> None:
    path = _rewrite(corpus, WRITTEN, WRITTEN.replace('"un"]', '"un", "mallory"]'))
    _rewrite(corpus, WRITTEN_FROM, 'relation_from = ["mallory"]\n')
    assert (
        f"{path}: {AT}.relation: relation 'shields' dropped: every actor in its "
        f"relation_from cannot be used; {KEPT} [BRIEF021]"
    ) in _problems(corpus)
    assert _claim_edges("--no-bundled", "--corpus", str(corpus)) == set()


def test_the_json_schema_describes_relation_from() -> None:
    data = json.loads(run("schema").stdout)
    prop = data["$defs"]["claims"]["properties"]["relation_from"]
    assert prop["type"] == "array" and prop["items"]["type"] == "string"
    ids = json.loads(run(*CORPUS, "schema", "--ids").stdout)
    subjects = ids["$defs"]["claims"]["properties"]["relation_from"]
    assert "russia" in subjects["items"]["examples"]
