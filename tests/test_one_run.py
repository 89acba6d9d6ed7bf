"""`brief validate` reports every problem in one run: none hides behind another.

An entry left out for its own problem still takes part in the duplicate check, and a
citation of a source left out still has its section checked; a claim left out because
its source was is counted where it would have appeared; and a name defined only in a
skipped file says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.corpus.layers import Layer
from brief.corpus.load import load

from .conftest import run

HEAD = 'format = 1\n\n[[topics]]\nid = "pump"\ntitle = "The pump"\nsummary = "S."\n'
SOURCE = '\n[[sources]]\nid = "report"\ntitle = "Report"\nkind = "report"\n'
DISPUTED = (
    '\n[[claims]]\nid = "dup"\ntopic = "pump"\ntext = "One."\nstatus = "disputed"\n'
    'cites = [{ source = "report" }]\n'
)
PLAIN = '\n[[claims]]\nid = "dup"\ntopic = "pump"\ntext = "Two."\ncites = [{ source = "report" }]\n'


def _corpus(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "a.toml").write_text(text)
    return root


def _problems(root: Path) -> list[str]:
    return [f"{p.where}: {p.message} [{p.code}]" for p in load([Layer(str(root), "n")]).problems]


def test_a_claim_left_out_still_clashes_with_a_later_claim_of_its_id(tmp_path: Path) -> None:
    root = _corpus(tmp_path, HEAD + SOURCE + DISPUTED + PLAIN)
    assert _problems(root) == [
        "claims[0]: a disputed claim needs a 'note' saying why; claim 'dup' is left out [BRIEF013]",
        "claims[1].id: duplicate claim id 'dup' (first defined in n/a.toml, claims[0]): "
        "that one is left out for its own problems, so this one is used until it is fixed "
        "[BRIEF009]",
    ]
    (claim,) = load([Layer(str(root), "n")]).corpus.claims
    assert claim.text == "Two."  # the same claim loads as before


def test_a_claim_left_out_after_a_claim_of_its_id_is_the_duplicate(tmp_path: Path) -> None:
    root = _corpus(tmp_path, HEAD + SOURCE + PLAIN + DISPUTED)
    assert _problems(root) == [
        "claims[1]: a disputed claim needs a 'note' saying why; claim 'dup' is left out [BRIEF013]",
        "claims[1].id: duplicate claim id 'dup' (first defined in n/a.toml, claims[0]) [BRIEF009]",
    ]
    (claim,) = load([Layer(str(root), "n")]).corpus.claims
    assert claim.text == "Two."


def test_a_duplicate_names_the_first_entry_by_its_file_and_key_path(tmp_path: Path) -> None:
    other = PLAIN.replace('"dup"', '"first"')
    root = _corpus(tmp_path, HEAD + SOURCE + other + PLAIN)
    (root / "b.toml").write_text("format = 1\n" + PLAIN + HEAD.replace("format = 1\n", ""))
    loaded = load([Layer(str(root), "n")])
    assert [(p.file, f"{p.where}: {p.message}") for p in loaded.problems] == [
        (
            "n/b.toml",
            "topics[0].id: duplicate topic id 'pump' (first defined in n/a.toml, "
            "topics[0]): this one is left out",
        ),
        (
            "n/b.toml",
            "claims[0].id: duplicate claim id 'dup' (first defined in n/a.toml, "
            "claims[1]): this one is left out",
        ),
    ]


def test_an_entry_left_out_clashes_across_kinds_and_files(tmp_path: Path) -> None:
    root = _corpus(tmp_path, HEAD + SOURCE)
    (root / "b.toml").write_text('format = 1\n\n[[actors]]\nid = "pump"\nname = "P"\n')
    problems = _problems(root)
    assert problems[-1] == (
        "actors[0].id: id 'pump' is already the topic in n/a.toml, topics[0] [BRIEF009]"
    )
    # and the other way round: the topic is the one left out
    (root / "a.toml").write_text(HEAD.replace('summary = "S."', "summary = 3") + SOURCE)
    actor = 'format = 1\n\n[[actors]]\nid = "pump"\nname = "P"\ndescription = "d"\n'
    (root / "b.toml").write_text(actor)
    problems = _problems(root)
    assert (
        "actors[0].id: id 'pump' is already the topic in n/a.toml, topics[0]: that one is left "
        "out for "
        "its own problems, so this one is used until it is fixed [BRIEF009]"
    ) in problems
    assert [a.id for a in load([Layer(str(root), "n")]).corpus.actors] == ["pump"]


def test_a_claim_of_a_topic_left_out_for_its_id_says_so(tmp_path: Path) -> None:
    """A trial gave an actor the id of a topic in an earlier file: the topic was left out,
    and each of its claims said ``unknown topic``, not that its topic was left out."""
    actor = 'format = 1\n\n[[actors]]\nid = "pump"\nname = "P"\ndescription = "d"\n'
    root = _corpus(tmp_path, actor)
    (root / "b.toml").write_text(HEAD + SOURCE + PLAIN)
    problems = _problems(root)
    assert "topics[0].id: id 'pump' is already the actor in n/a.toml, actors[0]: this one is " \
        "left out [BRIEF009]" in problems  # fmt: skip
    assert problems[-1] == (
        "claims[0].topic: topic 'pump' is left out for its own problems: claim 'dup' is left "
        "out with it [BRIEF010]"
    )
    assert not any("unknown topic" in p for p in problems)


def test_where_says_a_definition_whose_id_another_kind_has_is_left_out(tmp_path: Path) -> None:
    """A trial's `brief where` called an id used twice (BRIEF009) a name clash (BRIEF012)."""
    actor = 'format = 1\n\n[[actors]]\nid = "pump"\nname = "P"\ndescription = "d"\n'
    root = _corpus(tmp_path, actor)
    (root / "b.toml").write_text(HEAD + SOURCE)
    result = run("--no-bundled", "--corpus", str(root), "where", "pump")
    assert result.stdout.splitlines() == [f"{root}/a.toml:3", f"{root}/b.toml:3"]
    assert (
        f"{root}/b.toml:3 (the topic 'pump') is left out: the actor 'pump' has its id (an id "
        "used twice [BRIEF009]: see 'brief validate')" in " ".join(result.stderr.split())
    )
    assert "BRIEF012" not in result.stderr


def test_where_says_why_each_other_definition_of_the_entry_is_not_in_use(
    tmp_path: Path,
) -> None:
    """The README says a note tells why each other definition is not in use; an earlier
    layer's, and a second of its id in one layer, had none (a trial)."""
    low, high = tmp_path / "low", tmp_path / "high"
    low.mkdir()
    high.mkdir()
    (low / "a.toml").write_text(HEAD + SOURCE)
    (high / "a.toml").write_text(HEAD + HEAD.replace("format = 1\n", "") + SOURCE)
    result = run("--no-bundled", "--corpus", str(low), "--corpus", str(high), "where", "pump")
    said = " ".join(result.stderr.split())
    assert result.stdout.splitlines() == [f"{high}/a.toml:3", f"{high}/a.toml:8", f"{low}/a.toml:3"]
    assert (
        f"{high}/a.toml:8 (the topic 'pump') is left out: {high}/a.toml:3 defines its id first "
        "(an id used twice [BRIEF009]" in said
    )
    assert (
        f"{low}/a.toml:3 (the topic 'pump') is not in use: {high}/a.toml:3, in a later layer, "
        "overrides it" in said
    )


def test_a_related_topic_left_out_says_the_link_is_dropped(tmp_path: Path) -> None:
    """A trial's topic lost its ``related`` link to a topic left out for a typo, and
    nothing said so."""
    root = _corpus(tmp_path, HEAD.replace('summary = "S."', 'summary = "S."\nrelated = ["b"]'))
    (root / "b.toml").write_text('format = 1\n\n[[topics]]\nid = "b"\ntitle = "B"\nsumary = "s"\n')
    problems = _problems(root)
    said = "topics[0].related[0]: topic 'b' is left out for its own problems: the link to it is "
    assert f"{said}dropped [BRIEF010]" in problems
    topic = load([Layer(str(root), "n")]).corpus.topics[0]
    assert topic.id == "pump" and topic.related == ()


def test_a_later_layer_replacing_an_entry_left_out_is_no_duplicate(tmp_path: Path) -> None:
    low = _corpus(tmp_path, HEAD + SOURCE + DISPUTED)
    high = tmp_path / "high"
    high.mkdir()
    (high / "a.toml").write_text(HEAD + SOURCE + PLAIN)
    problems = load([Layer(str(low), "low"), Layer(str(high), "high")]).problems
    assert [p.code for p in problems] == ["BRIEF013"]


def test_validate_reports_the_duplicate_in_the_same_run(tmp_path: Path) -> None:
    root = _corpus(tmp_path, HEAD + SOURCE + DISPUTED + PLAIN)
    result = run("--no-bundled", "validate", str(root))
    assert result.exit_code == 1
    assert "[BRIEF013]" in result.stdout
    assert "[BRIEF009]" in result.stdout


REJECTED_SOURCE = (
    '\n[[sources]]\nid = "report"\ntitle = "Report"\nkind = "report"\npublisher = "HMSO"\n'
    'sections = ["Deaths", "Water"]\n'
    '\n[[claims]]\nid = "c1"\ntopic = "pump"\ntext = "One."\n'
    'cites = [{ source = "report", section = "Deths" }]\n'
)


def test_a_citation_of_a_source_left_out_still_has_its_section_checked(tmp_path: Path) -> None:
    root = _corpus(tmp_path, HEAD + REJECTED_SOURCE)
    assert _problems(root) == [
        "sources[0].publisher: 'publisher' needs format 2 "
        "(write: format = 2 at the top of the file); "
        "source 'report' is left out [BRIEF016]",
        "claims[0].cites[0].section: source 'report' has no section 'Deths' "
        "(did you mean 'Deaths'?); claim 'c1' is left out [BRIEF011]",
        "claims[0].cites[0].source: source 'report' is left out for its own problems: "
        "claim 'c1' is left out with it [BRIEF010]",
    ]


@pytest.mark.parametrize(
    ("cite", "expected"),
    [
        ('{ source = "report", section = "deaths" }', []),  # loosely right: nothing to say
        (
            '{ source = "report" }',
            [
                "claims[0].cites[0]: source 'report' has sections: name one of 'Deaths', "
                "'Water'; claim 'c1' is left out"
            ],
        ),
    ],
)
def test_a_section_of_a_source_left_out_is_checked_as_any(
    tmp_path: Path, cite: str, expected: list[str]
) -> None:
    text = REJECTED_SOURCE.replace('{ source = "report", section = "Deths" }', cite)
    root = _corpus(tmp_path, HEAD + text)
    left_out = (
        "claims[0].cites[0].source: source 'report' is left out for its own problems: "
        "claim 'c1' is left out with it"
    )
    assert [p.split(" [")[0] for p in _problems(root)[1:]] == [*expected, left_out]


def test_a_source_left_out_with_invalid_sections_checks_no_section(tmp_path: Path) -> None:
    text = REJECTED_SOURCE.replace('sections = ["Deaths", "Water"]', "sections = 3")
    root = _corpus(tmp_path, HEAD + text)
    assert all("BRIEF011" not in p for p in _problems(root))


@pytest.mark.parametrize("cache", ["1", ""])
def test_show_counts_a_claim_left_out_because_its_source_was(tmp_path: Path, cache: str) -> None:
    root = _corpus(tmp_path, HEAD + REJECTED_SOURCE.replace("Deths", "Deaths"))
    for _ in range(2):  # the second run reads the cache, where there is one
        result = run(
            "--no-bundled",
            "--corpus",
            str(root),
            "show",
            "pump",
            "-f",
            "plain",
            env={"BRIEF_NO_CACHE": cache},
        )
        assert result.exit_code == 0
        assert "No claims to show." in result.stdout
        assert result.stdout.rstrip().endswith(
            "1 claim of this topic was left out (see brief validate)"
        )


KEPT = (
    '\n[[claims]]\nid = "kept"\ntopic = "pump"\ntext = "Kept."\ndate = "2001"\n'
    'cites = [{ source = "fine" }]\n'
)
FINE = '\n[[sources]]\nid = "fine"\ntitle = "Fine"\nkind = "report"\n'


@pytest.mark.parametrize("cache", ["1", ""])
def test_views_of_every_claim_count_the_claims_left_out(tmp_path: Path, cache: str) -> None:
    # Naming no entry, claims, conflicts and timeline speak of the whole corpus.
    text = HEAD.replace("format = 1", "format = 2") + FINE + KEPT
    bad = '\n[[sources]]\nid = "bad"\ntitle = ""\nkind = "report"\n'
    gone = '\n[[claims]]\nid = "gone"\ntopic = "pump"\ntext = "T."\ncites = [{ source = "bad" }]\n'
    root = _corpus(tmp_path, text + bad + gone)
    line = "1 claim of the corpus was left out (see brief validate)"
    for _ in range(2):  # the second run reads the cache, where there is one

        def brief(*args: str, code: int = 0) -> tuple[str, str]:
            result = run(
                "--no-bundled", "-q", "--corpus", str(root), *args, env={"BRIEF_NO_CACHE": cache}
            )
            assert result.exit_code == code, result.output
            return result.stdout, result.stderr

        out, err = brief("claims", "--status", "reported")
        assert out.startswith("kept\t") and err == f"brief: {line}\n"
        assert f"  - Kept. [1]\n\n{line}\n\nSources" in brief("timeline", "-f", "plain")[0]
        out, _ = brief("conflicts", "-f", "json", code=1)  # no contradictions
        assert '"kind": "corpus"' in out and '"claims": 1' in out
        out, err = brief("claims", "--topic", "pump")  # an entry named: its count alone
        assert err == "brief: 1 claim of the topic The pump was left out (see brief validate)\n"


def test_a_citation_of_a_source_of_many_sections_lists_the_first_few(tmp_path: Path) -> None:
    sections = ", ".join(f'"Part {n}"' for n in range(1, 12))
    source = SOURCE.replace('kind = "report"', f'kind = "report"\nsections = [{sections}]')
    root = _corpus(tmp_path, HEAD + source + PLAIN)
    (problem,) = _problems(root)
    listed = ", ".join(f"'Part {n}'" for n in range(1, 9))
    assert problem == (
        f"claims[0].cites[0]: source 'report' has sections: name one of {listed} "
        "and 3 more; claim 'dup' is left out [BRIEF011]"
    )


def test_a_section_not_close_to_one_the_source_has_lists_them(tmp_path: Path) -> None:
    """``has no section 'Oil Volume'`` named none of the source's sections when no
    "did you mean" came close (a new user): they are listed as a citation without a
    section is told them, the first few; a close one is still offered alone."""
    sections = ", ".join(f'"Part {n}"' for n in range(1, 12))
    source = SOURCE.replace('kind = "report"', f'kind = "report"\nsections = [{sections}]')
    far = PLAIN.replace('{ source = "report" }', '{ source = "report", section = "Oil Volume" }')
    root = _corpus(tmp_path, HEAD + source + far)
    listed = ", ".join(f"'Part {n}'" for n in range(1, 9))
    assert _problems(root) == [
        "claims[0].cites[0].section: source 'report' has no section 'Oil Volume': name one of "
        f"{listed} and 3 more; claim 'dup' is left out [BRIEF011]"
    ]
    (root / "a.toml").write_text(HEAD + source + far.replace("Oil Volume", "Prat 11"))
    assert _problems(root) == [
        "claims[0].cites[0].section: source 'report' has no section 'Prat 11' (did you mean "
        "'Part 11'?); claim 'dup' is left out [BRIEF011]"
    ]


def test_a_section_cited_from_a_source_without_sections_says_it_has_none(tmp_path: Path) -> None:
    """As `brief new` says it: the fix is to cite the source whole (a trial's note)."""
    cited = PLAIN.replace('{ source = "report" }', '{ source = "report", section = "Deaths" }')
    root = _corpus(tmp_path, HEAD + SOURCE + cited)
    assert _problems(root) == [
        "claims[0].cites[0].section: source 'report' has no section 'Deaths': it has none "
        "(cite it without one); claim 'dup' is left out [BRIEF011]"
    ]
