"""A corpus on another subject, written as a new user would with init, new and edit.

tests/corpora/newuser/ was made with 'brief init', 'brief new source|actor|topic'
(EDITOR set to 'sed -i ...'), 'brief new claim --topic ... --actor ... --source ...
--section ... TEXT' and 'brief edit CLAIM' to add a status, a contradiction and a note;
nothing in it was written by hand. It must stay clean and read well.
"""

from __future__ import annotations

import json

import pytest

from .conftest import CORPORA, run

NEWUSER = str(CORPORA / "newuser")


@pytest.mark.parametrize("bundled", [True, False])
def test_the_new_users_corpus_validates_clean(bundled: bool) -> None:
    layers = () if bundled else ("--no-bundled",)
    result = run(*layers, "validate", NEWUSER)
    assert (result.exit_code, result.stdout) == (0, "")
    beneath = "; on top of 14 files of the active layers" if bundled else ""
    assert result.stderr == f"ok: 4 files checked, no problems{beneath}\n"


def test_the_new_users_corpus_shows_a_topic_with_its_contradiction() -> None:
    result = run("--no-bundled", "-c", NEWUSER, "show", "Miasma or water", "-f", "plain")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert out.startswith("Miasma or water\n===============\n")
    assert "Cholera is spread through the air" in out
    assert "! contradicted by the claim above" in out
    assert '"Southwark and Vauxhall" (John Snow, 1855)' in out.replace("\n      ", " ")


def test_the_new_users_corpus_has_its_shape() -> None:
    def items(kind: str) -> list[str]:
        listed = run("--no-bundled", "-c", NEWUSER, "list", kind, "-f", "json").stdout
        return [item["id"] for item in json.loads(listed)["items"]]

    assert items("topics") == ["cholera-theory", "broad-street"]  # by title: M before T
    assert len(items("actors")) == 3 and len(items("sources")) == 2
    conflicts = json.loads(run("--no-bundled", "-c", NEWUSER, "conflicts", "-f", "json").stdout)
    assert len(conflicts["pairs"]) == 1
