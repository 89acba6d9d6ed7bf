"""``relation_to`` (format 2): the actors a claim's relation goes to.

A claim lists every actor it is about, subject first; without ``relation_to`` its
relation goes from the subject to each of the others, which draws edges a claim does
not state ("the US sanctions Chinese firms that trade with North Korea" is about North
Korea, but does not say the US sanctions it). The fixture corpus's
``us-sanctions-chinese-firms`` has ``relation_to = ["china"]``.
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
CLAIM = "us-sanctions-chinese-firms"
#: The fixture's relation_to claim, as written.
WRITTEN = 'actors = ["united-states", "china", "north-korea"]\nrelation = "sanctions"\n'
WRITTEN_TO = 'relation_to = ["china"]\n'


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    dest = tmp_path / "relations"
    shutil.copytree(RELATIONS_CORPUS, dest)
    return dest


def _edges(*corpus: str) -> dict[tuple[str, str, str], list[str]]:
    result = run(*corpus, "graph", "-f", "json")
    data: dict[str, Any] = json.loads(result.stdout)
    return {(e["subject"], e["relation"], e["object"]): e["claim_ids"] for e in data["edges"]}


def _relations(actor: str, *corpus: str) -> list[tuple[str, str, list[str]]]:
    data = json.loads(run(*corpus, "show", actor, "-f", "json").stdout)
    return [(r["words"], r["other"], r["claims"]) for r in data["relations"]]


# -- the model -----------------------------------------------------------------------------


def test_targets_are_relation_to_or_every_other_actor_once() -> None:
    def claim(**kw: Any) -> Claim:
        return Claim("c", "T.", "t", ("a", "b", "a", "c", "b"), (), **kw)

    assert claim().targets == ()  # no relation, no targets
    assert claim(relation="supports").targets == ("b", "c")
    assert claim(relation="supports", relation_to=("c",)).targets == ("c",)


# -- the picture ---------------------------------------------------------------------------


def test_relation_to_draws_only_the_edges_it_names() -> None:
    edges = _edges(*CORPUS)
    assert edges["united-states", "sanctions", "china"] == ["us-sanctions-china", CLAIM]
    assert ("united-states", "sanctions", "north-korea") not in edges
    assert all(CLAIM not in ids for key, ids in edges.items() if key[2] != "china")


def test_relation_to_decides_the_relations_each_briefing_lists() -> None:
    us = _relations("united-states", *CORPUS)
    assert ("sanctions", "china", ["us-sanctions-china", CLAIM]) in us
    assert not any(other == "north-korea" for _, other, _ in us)
    nk = _relations("north-korea", *CORPUS)
    assert not any(other == "united-states" for _, other, _ in nk)
    china = _relations("china", *CORPUS)
    assert ("sanctioned by", "united-states", ["us-sanctions-china", CLAIM]) in china
    # the claim is still in North Korea's briefing: it is about North Korea
    shown = run(*CORPUS, "show", "north-korea", "-f", "plain").stdout
    assert "Chinese firms that trade with North Korea" in shown


def test_without_relation_to_the_relation_goes_to_every_other_actor(corpus: Path) -> None:
    path = corpus / "relations.toml"
    path.write_text(path.read_text().replace(WRITTEN + WRITTEN_TO, WRITTEN, 1))
    edges = _edges("--no-bundled", "--corpus", str(corpus))
    assert edges["united-states", "sanctions", "north-korea"] == [CLAIM]


# -- BRIEF021: each problem one line naming the file and key --------------------------------

KEPT = "the claim is kept without its relation"


@pytest.mark.parametrize(
    ("to", "where", "message", "edge"),
    [
        (
            'relation_to = ["china", "russia"]',
            "relation_to[1]",
            "'russia' is not one of the claim's other actors (its other actors: china, "
            "north-korea); that target is dropped",
            True,
        ),
        (
            'relation_to = ["chna"]',
            "relation_to[0]",
            "'chna' is not one of the claim's other actors (did you mean 'china'?); " + KEPT,
            False,
        ),
        (
            'relation_to = ["united-states", "china"]',
            "relation_to[0]",
            "'united-states' is the claim's subject (actors[0]): a relation goes to others; "
            "that target is dropped",
            True,
        ),
        (
            'relation_to = ["united-states"]',
            "relation_to[0]",
            "'united-states' is the claim's subject (actors[0]): a relation goes to others; "
            + KEPT,
            False,
        ),
        (
            "relation_to = []",
            "relation_to",
            "an empty 'relation_to' names no one (leave it out for every other actor); " + KEPT,
            False,
        ),
        (
            'relation_to = "china"',
            "relation_to",
            "expected an array of actor ids, found a string; " + KEPT,
            False,
        ),
        (
            "relation_to = [1]",
            "relation_to",
            "expected an array of actor ids, found an array of other values; " + KEPT,
            False,
        ),
    ],
    ids=["not an actor", "none left", "subject", "only subject", "empty", "string", "numbers"],
)
def test_a_relation_to_that_cannot_be_used_is_one_line(
    corpus: Path, to: str, where: str, message: str, edge: bool
) -> None:
    path = corpus / "relations.toml"
    text = path.read_text()
    assert WRITTEN + WRITTEN_TO in text
    path.write_text(text.replace(WRITTEN_TO, to + "\n", 1))
    result = run("--no-bundled", "validate", str(corpus))
    assert result.exit_code == 1
    lines = [line for line in unlined(result.stdout).splitlines() if "BRIEF021" in line]
    assert f"{path}: claims[5].{where}: {message} [BRIEF021]" in lines
    # never an edge to an actor it does not name: to China, or none at all
    edges = _edges("--no-bundled", "--corpus", str(corpus))
    assert (CLAIM in edges["united-states", "sanctions", "china"]) is edge
    assert ("united-states", "sanctions", "north-korea") not in edges
    claims = run("--no-bundled", "--corpus", str(corpus), "claims", "-f", "json")
    assert CLAIM in {c["id"] for c in json.loads(claims.stdout)["claims"]}, "the claim is kept"


def test_relation_to_without_a_relation_is_one_line(corpus: Path) -> None:
    path = corpus / "relations.toml"
    path.write_text(path.read_text().replace('relation = "sanctions"\n' + WRITTEN_TO, "", 1))
    text = path.read_text()
    text = text.replace(
        'actors = ["china"]\ntext = "China enforces',
        'actors = ["china"]\n' + WRITTEN_TO + 'text = "China enforces',
    )
    path.write_text(text)
    result = run("--no-bundled", "validate", str(corpus))
    assert (
        f"{path}: claims[8].relation_to: 'relation_to' says who a relation goes to, but the "
        "claim states none; add a 'relation' or remove 'relation_to' [BRIEF021]"
    ) in unlined(result.stdout).splitlines()


def test_relation_to_after_a_dropped_relation_adds_no_second_line(corpus: Path) -> None:
    path = corpus / "relations.toml"
    text = path.read_text().replace(WRITTEN, WRITTEN.replace("sanctions", "sanctons"), 1)
    path.write_text(text)
    lines = [
        line
        for line in unlined(run("--no-bundled", "validate", str(corpus)).stdout).splitlines()
        if "claims[5]" in line
    ]
    assert len(lines) == 1 and "unknown relation 'sanctons'" in lines[0]


def test_relation_to_in_a_format_1_file_needs_format_2(tmp_path: Path) -> None:
    (tmp_path / "one.toml").write_text(
        "format = 1\n[[topics]]\nid = 't'\ntitle = 'T'\nsummary = 'S.'\n"
        "[[actors]]\nid = 'a'\nname = 'A'\ndescription = 'D.'\n"
        "[[actors]]\nid = 'b'\nname = 'B'\ndescription = 'D.'\n"
        "[[sources]]\nid = 's'\ntitle = 'S'\nkind = 'other'\n"
        "[[claims]]\nid = 'c'\ntopic = 't'\nactors = ['a', 'b']\nrelation_to = ['b']\n"
        "text = 'T.'\ncites = [{ source = 's' }]\n"
    )
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.exit_code == 1
    assert (
        f"{tmp_path / 'one.toml'}: claims[0].relation_to: 'relation_to' needs format 2 "
        "(write: format = 2 at the top of the file) [BRIEF021]"
    ) in unlined(result.stdout).splitlines()


def test_a_target_that_is_not_in_the_corpus_is_dropped_with_its_actor(corpus: Path) -> None:
    """An actor id no file defines: the actor goes from the claim (its own problem), and
    the relation with it when it was the only target."""
    path = corpus / "relations.toml"
    path.write_text(
        path.read_text().replace(
            WRITTEN + WRITTEN_TO,
            WRITTEN.replace('"north-korea"]', '"north-korea", "mallory"]')
            + 'relation_to = ["mallory"]\n',
            1,
        )
    )
    result = run("--no-bundled", "validate", str(corpus))
    assert (
        f"{path}: claims[5].relation: relation 'sanctions' dropped: every actor in its "
        f"relation_to cannot be used; {KEPT} [BRIEF021]"
    ) in unlined(result.stdout).splitlines()
    edges = _edges("--no-bundled", "--corpus", str(corpus))
    assert all(CLAIM not in ids for ids in edges.values())
    assert ("united-states", "sanctions", "north-korea") not in edges


def test_the_json_schema_describes_relation_to() -> None:
    data = json.loads(run("schema").stdout)
    prop = data["$defs"]["claims"]["properties"]["relation_to"]
    assert prop["type"] == "array" and prop["items"]["type"] == "string"
    ids = json.loads(run(*CORPUS, "schema", "--ids").stdout)
    to = ids["$defs"]["claims"]["properties"]["relation_to"]
    assert "north-korea" in to["items"]["examples"]
