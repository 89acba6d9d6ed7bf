"""Format 2: every new key, a failing fixture for every new problem code, the quote check."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import CORPORA, run, unlined

OLD = 'format = 1\n[[sources]]\nid = "old"\ntitle = "Old"\nkind = "other"\n'


@pytest.fixture
def analyst(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the format-2 test corpus, with its source texts."""
    dest = tmp_path / "analyst"
    shutil.copytree(CORPORA / "analyst", dest)
    yield dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def validate(corpus: Path) -> tuple[int, list[str], str]:
    result = run("--no-bundled", "validate", str(corpus))
    return result.exit_code, unlined(result.stdout).splitlines(), result.stderr


def test_a_quote_cited_from_the_wrong_section_names_the_section_it_is_in(
    analyst: Path,
) -> None:
    """A trial cited 'Causes' for words its 'Summary' holds, and was offered the
    closest words of 'Causes' instead of the fix."""
    path = analyst / "harbour.toml"
    text = path.read_text()
    old = 'section = "Shipping Volumes", quote = "container volumes rose by a third"'
    path.write_text(text.replace(old, old.replace("Shipping Volumes", "Outlook"), 1))
    code, lines, _ = validate(analyst)
    assert code == 1
    assert lines == [
        f"{analyst}/harbour.toml: claims[0].cites[0].quote: quote not found in section "
        "'Outlook' of source 'harbour-report' (it is in section 'Shipping Volumes') [BRIEF017]"
    ]


def test_the_closest_words_can_be_copied_and_end_with_their_sentence(analyst: Path) -> None:
    """A new user was offered `(closest: '"Houston, we\\'ve had a problem here." The')`:
    a backslash that is not in the text, and the next sentence's first word."""
    edit(
        analyst / "texts" / "harbour-report.md",
        "doubling its capacity.\n",
        'doubling its capacity. Its master said: "We\'ve had a record year." The berths\n'
        "were full by August.\n",
    )
    edit(
        analyst / "harbour.toml",
        '"The harbour opened twelve new berths"',
        '"We have had a record year."',
    )
    code, lines, _ = validate(analyst)
    assert code == 1
    assert lines == [
        f"{analyst}/harbour.toml: claims[1].cites[0].quote: quote not found in section "
        "'Summary' of source 'harbour-report' (closest: \u201c\"We've had a record year.\"\u201d) "
        "[BRIEF017]"
    ]


def test_the_closest_words_end_where_their_clause_does() -> None:
    from brief.core.sanitize import quoted
    from brief.corpus.quotes import closest

    text = (
        'At 55 hours, Swigert radioed: "Houston, we\'ve had a problem here." The crew then '
        "saw oxygen venting.\n\nLater that day the crew moved into the lunar module"
    )
    # a word of the next sentence, or of the one before, is left out
    assert closest(text, "Houston, we have had a problem here.") == (
        '"Houston, we\'ve had a problem here."'
    )
    # a clause that ends right after is given whole; the words found are never cut
    found = closest(text, "Houston, we have had a problem")
    assert found == '"Houston, we\'ve had a problem here."'
    assert closest(text, "At 55 hours Swigert radioed") == "At 55 hours, Swigert radioed:"
    assert closest(text, "here. The crew then saw") == 'here." The crew then saw oxygen venting.'
    assert closest(text, "the crew moved into") == "the crew moved into the lunar module"
    # but not one that ends further on
    assert closest(text, "later that day the crew went") == "Later that day the crew moved"
    assert quoted("a third,") == "'a third,'"
    assert quoted("we've") == '"we\'ve"'
    assert quoted('"we\'ve"') == '\u201c"we\'ve"\u201d'
    assert quoted("a\nb\x1b") == "'a\\nb\\x1b'"


def test_a_claim_left_out_for_a_typo_still_has_its_quote_checked(analyst: Path) -> None:
    """A trial saw only the typo, fixed it, then met the quote problem: no problem
    waits behind another (docs/authoring.md)."""
    path = analyst / "harbour.toml"
    text = path.read_text()
    text = text.replace('rose by a third"', 'rose by a half"', 1)  # the quote, wrong
    text = text.replace('id = "volumes-rose"', 'id = "volumes-rose"\ncredibilty = 2', 1)
    path.write_text(text)
    code, lines, summary = validate(analyst)
    assert code == 1
    assert any("claims[0].credibilty: unknown key 'credibilty'" in line for line in lines)
    assert any(
        "claims[0].cites[0].quote: quote not found in section 'Shipping Volumes'" in line
        for line in lines
    ), lines
    assert "4 quotes checked" in summary  # the left-out claim's quote counted too


def new_claim(corpus: Path, *args: str) -> tuple[int, str, str]:
    """``brief new claim`` into *corpus* (on top of nothing else), for the topic harbour."""
    into = ("--no-bundled", "--corpus", str(corpus), "new", "claim", "-t", "harbour")
    result = run(*into, "--into", str(corpus), *args)
    return result.exit_code, result.stdout, result.stderr


def test_new_claim_refuses_a_quote_its_source_does_not_hold(analyst: Path) -> None:
    """A new user's `brief new claim ... --quote 'Transocean paid nothing'` was written
    and exited 0: only validate told them the source has no such words (BRIEF017)."""
    path = analyst / "harbour.toml"
    before = path.read_bytes()
    cited = ("-s", "harbour-report", "--id", "x", "--section")
    wrong = new_claim(analyst, *cited, "Outlook", "--quote", "traffic will shrink sharply", "T.")
    said = (
        "cites[0].quote: quote not found in section 'Outlook' of source 'harbour-report' "
        "(closest: 'traffic is expected to keep growing') [BRIEF017]"
    )
    assert wrong == (1, "", f"brief: {said}\n")  # a fault of the claim, as validate's
    moved = new_claim(
        analyst, *cited, "Outlook", "--quote", "container volumes rose by a third", "T."
    )
    assert moved[:2] == (1, "") and moved[2] == (
        "brief: cites[0].quote: quote not found in section 'Outlook' of source 'harbour-report' "
        "(it is in section 'Shipping Volumes') [BRIEF017]\n"
    )
    assert path.read_bytes() == before  # nothing written
    # the words are validate's, of the claim as it would have been written
    edit(path, 'id = "berths-doubled"', 'id = "x"\ntopic = "harbour"\ntext = "T."\ncites = [{ '
         'source = "harbour-report", section = "Outlook", quote = "traffic will shrink sharply" '
         '}]\n\n[[claims]]\nid = "berths-doubled"')  # fmt: skip
    _, lines, _ = validate(analyst)
    assert lines == [f"{path}: claims[1].{said}"]
    path.write_bytes(before)
    right = new_claim(
        analyst, *cited, "shipping volumes", "--quote", "Container Volumes rose", "T."
    )
    assert right[0] == 0 and right[2] == "", right
    assert 'quote = "Container Volumes rose"' in path.read_text()


def test_new_claim_says_a_quote_it_cannot_check_is_not_checked(analyst: Path) -> None:
    """A quote of a source with no text, or a text that cannot be read, is written as
    before (validate counts it unchecked), and a note says it was not checked."""
    note = "brief: note: the quote is not checked (validate counts it as unchecked): source "
    untexted = new_claim(analyst, "-s", "wire-note", "--quote", "anything at all", "T.")
    assert untexted[0] == 0 and untexted[2] == f"{note}'wire-note': it has no text\n"
    (analyst / "texts" / "coast-article.txt").unlink()
    cited = ("-s", "coast-article", "--section", "Background", "--quote", "anything", "U.")
    unread = new_claim(analyst, *cited)
    assert unread[0] == 0 and unread[2] == (
        f"{note}'coast-article': source text 'texts/coast-article.txt': no such file (a path "
        "from the folder of the file naming it) [BRIEF018]\n"
    )
    assert (analyst / "harbour.toml").read_text().count('quote = "any') == 2


def test_a_status_written_wrong_is_not_taken_for_reported(analyst: Path) -> None:
    """A trial's `status = "assesment"` was also told "only an assessment has a
    likelihood (this claim is reported)": the claim is not reported."""
    path = analyst / "harbour.toml"
    text = path.read_text()
    assert 'status = "assessment"' in text and "likelihood" in text
    path.write_text(text.replace('status = "assessment"', 'status = "assesment"', 1))
    code, lines, _ = validate(analyst)
    assert code == 1
    assert any("unknown status 'assesment' (did you mean 'assessment'?)" in x for x in lines)
    assert not any("[BRIEF020]" in line for line in lines), lines


def test_the_analyst_corpus_is_clean_and_counts_its_quotes(analyst: Path) -> None:
    code, lines, summary = validate(analyst)
    assert (code, lines) == (0, [])
    assert (
        summary
        == "ok: 3 files checked, no problems; 4 quotes checked, 1 unchecked (no source text)\n"
    )


# code -> (file, old, new, expected line after "{corpus}/")
CASES: dict[str, tuple[str, str, str, str]] = {
    "BRIEF016": (
        "old.toml",
        "",
        OLD + 'reliability = "B"\n',
        "old.toml: sources[0].reliability: 'reliability' needs format 2 "
        "(write: format = 2 at the top of the file); source 'old' is left out",
    ),
    "BRIEF017": (
        "harbour.toml",
        'quote = "container volumes rose by a third"',
        'quote = "container volumes rose by a half"',
        "harbour.toml: claims[0].cites[0].quote: quote not found in section 'Shipping Volumes' "
        "of source 'harbour-report' (closest: 'container volumes rose by a third,')",
    ),
    "BRIEF018": (
        "sources.toml",
        'text = "texts/harbour-report.md"',
        'text = "../outside.md"',
        "sources.toml: sources[0].text: source text '../outside.md': cannot read: "
        "it is outside the corpus folder",
    ),
    "BRIEF019": (
        "harbour.toml",
        'by = "local newspapers"\n',
        "",
        "harbour.toml: claims[4]: an alleged claim should say who alleges it ('by')",
    ),
    "BRIEF020": (
        "harbour.toml",
        'date = "1950/1953"\n',
        'date = "1950/1953"\nconfidence = "high"\n',
        "harbour.toml: claims[5].confidence: only an assessment has a confidence "
        '(this claim is reported): make it status = "assessment", or leave out its '
        "confidence; claim 'road-planned' is left out",
    ),
    "BRIEF021": (
        "harbour.toml",
        'by = "fishers-union"\n',
        'by = "fishers-union"\nrelation = "oposes"\n',
        "harbour.toml: claims[3].relation: unknown relation 'oposes' (did you mean 'opposes'?); "
        "the claim is kept without its relation",
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_new_problem_code_has_a_failing_fixture(analyst: Path, code: str) -> None:
    name, old, new, expected = CASES[code]
    if old:
        edit(analyst / name, old, new)
    else:
        (analyst / name).write_text(new)
    status, lines, summary = validate(analyst)
    assert status == 1
    assert lines == [f"{analyst}/{expected} [{code}]"]
    assert summary.startswith("1 problem in 1 of")


def test_a_quote_in_a_format_1_file_names_the_format_it_needs(analyst: Path) -> None:
    (analyst / "old.toml").write_text(
        'format = 1\n[[claims]]\nid = "q"\ntopic = "harbour"\ntext = "T."\n'
        'cites = [{ source = "wire-note", quote = "words" }]\n'
    )
    _, lines, _ = validate(analyst)
    assert lines == [
        f"{analyst}/old.toml: claims[0].cites[0].quote: 'quote' needs format 2 "
        "(write: format = 2 at the top of the file); claim 'q' is left out [BRIEF016]"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'reliability = "B"',
            'reliability = "G"',
            "sources[0].reliability: unknown reliability 'G'",
        ),
        (
            "credibility = 2",
            "credibility = 7",
            "claims[0].credibility: credibility 7 is not 1 to 6",
        ),
        ("credibility = 2", 'credibility = "2"', "claims[0].credibility: expected an integer"),
        ('date = "2018/2020"', 'date = "2020/2018"', "the range '2020/2018' ends before it starts"),
        ('date = "2018/2020"', 'date = "spring"', "'spring' is not a date"),
        (
            'reliability = "B"',
            'reliability = "b+"',
            "sources[0].reliability: unknown reliability 'b+' (one of: A, B, C, D, E, F)",
        ),
        (
            'date = "2018/2020"',
            'date = "2021/3/23"',
            "claims[0].date: '2021/3/23' is not a date: write 2021-03-23 (A/B is a range)",
        ),
        (
            'date = "2018/2020"',
            'date = "2018/spring"',
            "'2018/spring' is not a range A/B: 'spring' is not a date (YYYY[-MM[-DD]])",
        ),
        ('likelihood = "likely"', 'likelihood = "probable"', "unknown likelihood 'probable'"),
        ('confidence = "moderate"', 'confidence = "medium"', "unknown confidence 'medium'"),
    ],
)
def test_bad_grades_and_dates_are_reported(
    analyst: Path, old: str, new: str, expected: str
) -> None:
    name = "sources.toml" if "reliability" in old else "harbour.toml"
    edit(analyst / name, old, new)
    _, lines, _ = validate(analyst)
    own = [line for line in lines if not knock_on(line)]
    assert len(own) == 1 and expected in own[0], lines
    # a source left out takes the claims citing it along, and each says so; a claim
    # left out drops the links others make to it, and each says so
    others = [line for line in lines if line not in own]
    assert all("harbour.toml: claims[" in line for line in others), lines
    assert any(WITH_IT in line for line in others) == (name == "sources.toml"), lines


#: What a claim left out with the source it cites says.
WITH_IT = "left out for its own problems: claim"


def knock_on(line: str) -> bool:
    """Whether a problem line is another's knock-on: a claim left out with its source,
    a link to a claim left out dropped."""
    return WITH_IT in line or line.endswith("the link to it is dropped [BRIEF010]")


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "harbour.toml",
            'date = "2018/2020"',
            'date = "\u0661\u0669\u0665\u0663"',  # 1953 in Arabic-Indic digits
            "claims[0].date: '\u0661\u0669\u0665\u0663' is not a date (YYYY, YYYY-MM, "
            "YYYY-MM-DD or a range A/B)",
        ),
        (
            "harbour.toml",
            'date = "2018/2020"',
            'date = "1953-\u0660\u0663"',
            "claims[0].date: '1953-\u0660\u0663' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or "
            "a range A/B)",
        ),
        (
            "harbour.toml",
            'date = "2018/2020"',
            'date = "\U0001d7cf\U0001d7d7\U0001d7d3\U0001d7d1/1954"',  # mathematical bold
            "claims[0].date: '\U0001d7cf\U0001d7d7\U0001d7d3\U0001d7d1/1954' is not a range "
            "A/B: '\U0001d7cf\U0001d7d7\U0001d7d3\U0001d7d1' is not a date (YYYY[-MM[-DD]])",
        ),
        (
            "harbour.toml",
            'date = "2018/2020"',
            'date = "1953/\u0663/23"',  # not a date with slashes to rewrite with ASCII digits
            "claims[0].date: '1953/\u0663/23' is not a range A/B: '\u0663/23' is not a date "
            "(YYYY[-MM[-DD]])",
        ),
        (
            "sources.toml",
            'date = "2021-03"',
            'date = "\u0661\u0669\u0665\u0663"',
            "sources[0].date: '\u0661\u0669\u0665\u0663' is not a date (YYYY, YYYY-MM or "
            "YYYY-MM-DD)",
        ),
    ],
)
def test_dates_take_ascii_digits_only(
    analyst: Path, name: str, old: str, new: str, expected: str
) -> None:
    """A claim took `date = "\u0661\u0669\u0665\u0663"` (1953 in Arabic-Indic digits), which a
    source's date refused, as the editors' schema did."""
    edit(analyst / name, old, new)
    _, lines, _ = validate(analyst)
    assert any(line.startswith(f"{analyst}/{name}:") and expected in line for line in lines), lines


def test_grade_words_are_normalised(analyst: Path) -> None:
    edit(analyst / "harbour.toml", 'likelihood = "likely"', 'likelihood = "Roughly  Even Chance"')
    assert validate(analyst)[0] == 0
    out = run("--no-bundled", "--corpus", str(analyst), "show", "harbour", "-f", "json").stdout
    assert "roughly even chance" in out


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("texts/missing.md", "'texts/missing.md': no such file (a path from the folder of"),
        ("texts", "a folder"),
        ("/etc/passwd", "must be a path relative to the corpus file"),
    ],
)
def test_source_texts_that_cannot_be_used(analyst: Path, text: str, why: str) -> None:
    edit(analyst / "sources.toml", 'text = "texts/harbour-report.md"', f'text = "{text}"')
    _, lines, summary = validate(analyst)
    own = [line for line in lines if not knock_on(line)]
    assert len(own) == 1 and why in own[0] and "sources[0].text" in own[0], lines
    assert "unchecked (no source text)" in summary or "BRIEF008" in own[0]
    # a text that is not there leaves the source in; one refused leaves it out, and
    # every claim citing it says it is left out with it
    assert (len(lines) > 1) == ("BRIEF008" in own[0]), lines


def test_a_source_text_linked_out_of_the_corpus_is_refused(analyst: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text("# Summary\n\nThe harbour opened twelve new berths\n")
    os.symlink(outside, analyst / "texts" / "link.md")
    edit(analyst / "sources.toml", 'text = "texts/harbour-report.md"', 'text = "texts/link.md"')
    _, lines, _ = validate(analyst)
    assert lines == [
        f"{analyst}/sources.toml: sources[0].text: source text 'texts/link.md': cannot read: "
        "it is outside the corpus folder [BRIEF018]"
    ]


def test_a_source_text_that_is_not_utf8_or_holds_escapes(analyst: Path) -> None:
    (analyst / "texts" / "harbour-report.md").write_bytes(b"# Summary\n\n\xff\xfe\n")
    _, lines, _ = validate(analyst)
    assert any("not valid UTF-8" in line and "[BRIEF018]" in line for line in lines)
    (analyst / "texts" / "harbour-report.md").write_text(
        "# Summary\n\nThe harbour \x1b[31mopened ten berths\n"
    )
    _, lines, _ = validate(analyst)
    assert lines and all("\x1b" not in line for line in lines)


def test_validate_json_counts_quotes(analyst: Path) -> None:
    result = run("--no-bundled", "validate", str(analyst), "-f", "json")
    data = json.loads(result.stdout)
    assert data["quotes"] == {"checked": 4, "unchecked": 1}


def test_format_1_files_have_no_quote_counts(mini: Path) -> None:
    result = run("--no-bundled", "validate", str(mini), "-f", "json")
    assert "quotes" not in json.loads(result.stdout)


def test_a_format_1_file_relabelled_format_2_is_as_valid(mini: Path) -> None:
    for path in mini.rglob("*.toml"):
        path.write_text(path.read_text().replace("format = 1\n", "format = 2\n", 1))
    result = run("--no-bundled", "validate", str(mini))
    assert result.exit_code == 0, result.stdout


def test_a_lone_reliability_or_credibility_is_named_in_words() -> None:
    """A bare ``B`` under a claim meant nothing to a new reader; ``source B`` does."""
    from brief.views.gradewords import grade_line
    from brief.views.records import Grade

    def grade(reliability: str | None, credibility: int | None) -> Grade:
        return Grade(reliability, credibility, None, None, None, None, None)

    assert grade_line(grade("B", 2)) == "B2"
    assert grade_line(grade("B", None)) == "source B"
    assert grade_line(grade(None, 3)) == "credibility 3"


def test_a_briefing_keys_each_grade_it_shows_once(analyst: Path) -> None:
    """A first-time reader met ``B2`` and ``C4`` with nothing to say what they meant:
    every format of ``show`` ends with a key to the letters and digits it shows, and
    only those; a briefing with no grades has none."""
    from brief.views.gradewords import LEGEND_WORDS, briefing_key
    from brief.views.records import Briefing, Grade, Point, Section

    plain = run("--no-bundled", "--corpus", str(analyst), "show", "fishers-union").stdout
    key = plain[plain.index("\nGrades\n") :].splitlines()[2:]
    # Its claim is C4; the one contradicting it, shown beneath it, B2
    assert key == [
        "  B  source usually reliable",
        "  C  source fairly reliable",
        "  2  claim probably true",
        "  4  claim doubtful",
    ]
    terminal = run(
        "--no-bundled", "--corpus", str(analyst), "show", "fishers-union", "-f", "terminal"
    ).stdout
    drawn = re.sub(r"\x1b\[[0-9;]*m", "", terminal)
    assert drawn[drawn.index("\nGrades\n") :].splitlines()[2:6] == key  # laid out as plain
    for fmt, line in [("markdown", "- **C** source fairly reliable"), ("html", "<dt>C</dt>")]:
        shown = run("--no-bundled", "--corpus", str(analyst), "show", "fishers-union", "-f", fmt)
        assert line in shown.stdout
    ungraded = run("--no-bundled", "--corpus", str(CORPORA / "mini"), "show", "trade").stdout
    assert "Sources" in ungraded and "Grades" not in ungraded

    def point(reliability: str | None, credibility: int | None, *against: Point) -> Point:
        grade = Grade(reliability, credibility, None, None, None, None, None)
        return Point("c", "text", "reported", None, (), (), "t", "T", against, grade=grade)

    def view(*points: Point) -> Briefing:
        section = Section("", "General", points)
        return Briefing("topic", "t", "T", "", (), (section,), (), "", ())

    graded = view(point("F", 6, point("A", None)), point(None, 1), point("F", 2))
    assert briefing_key(graded) == [(x, LEGEND_WORDS[x]) for x in ("A", "F", "1", "2", "6")]
    assert briefing_key(view(point(None, None))) == []

    def assessed(likelihood: str, confidence: str = "low") -> Point:
        grade = Grade(None, None, likelihood, confidence, None, None, None)
        return Point("a", "text", "assessment", None, (), (), "t", "T", grade=grade)

    weighed = view(
        assessed("very likely", "high"), point("B", None), assessed("unlikely"), assessed("likely")
    )
    assert briefing_key(weighed) == [  # its likelihoods after the grades, in the scale's order
        ("B", "source usually reliable"),
        ("unlikely", "20-45% probability"),
        ("likely", "55-80% probability"),
        ("very likely", "80-95% probability"),
        # then the confidences, low to high, each once
        ("low confidence", "scant or questionable information"),
        ("high confidence", "good information from several sources"),
    ]


@pytest.mark.parametrize("corpus", ["bundled", "analyst"])
def test_every_badge_a_briefing_shows_is_in_its_key(corpus: str) -> None:
    """A trial found a source's page showing ``A1`` on a claim supporting one of its own,
    and no ``A`` in the key, and conflicts, timelines and comparisons with no key: every
    page of both graded corpora and those views, each badge checked."""
    import re

    where = [] if corpus == "bundled" else ["--no-bundled", "--corpus", str(CORPORA / corpus)]
    badge = re.compile(r"(?<![\w-])(?:([A-F])([1-6])|source ([A-F])|credibility ([1-6]))(?![\w-])")
    commands = [["conflicts"], ["timeline"]]
    commands += [["compare", "china", "russia"], ["compare", "sanctions", "economy"]] * (
        corpus == "bundled"
    )
    for kind in ("topics", "actors", "sources"):
        commands += [["show", ident] for ident in run(*where, "list", kind).stdout.split()]
    for command in commands:
        shown = run(*where, *command, "-f", "plain").stdout
        body, _, key = shown.partition("\nGrades\n")
        used = {m for found in badge.findall(body) for m in found if m}
        lines = [line.split("  ")[1] for line in key.splitlines() if line.startswith("  ")]
        keyed = {x for x in lines if len(x) == 1}  # the likelihood terms follow
        assert used and used == keyed, (command, used, keyed)
    assert len(commands) >= 8


def test_an_alleged_claim_stating_a_relation_says_who_alleges_it(tmp_path: Path) -> None:
    # A relation is format 2's too: an alleged edge in the graph needs its claimant.
    head = 'format = 2\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
    head += "".join(
        f'[[actors]]\nid = "{a}"\nname = "{a.upper()}"\ndescription = "D."\n' for a in "xy"
    )
    head += '[[sources]]\nid = "s"\ntitle = "Src"\nkind = "article"\n'
    claim = (
        '[[claims]]\nid = "c"\ntext = "One."\ntopic = "t"\nstatus = "alleged"\n'
        'actors = ["x", "y"]\nrelation = "shields"\ncites = [{ source = "s" }]\n'
    )
    (tmp_path / "a.toml").write_text(head + claim)
    status, lines, _ = validate(tmp_path)
    assert status == 1
    assert lines == [
        f"{tmp_path}/a.toml: claims[0]: an alleged claim should say who alleges it ('by') "
        "[BRIEF019]"
    ]
    (tmp_path / "a.toml").write_text(head + claim.replace('status = "alleged"\n', 'by = "x"\n'))
    assert validate(tmp_path)[:2] == (0, [])


def test_the_key_gives_each_likelihood_the_range_the_format_reference_gives() -> None:
    import re

    from brief.core.model import LIKELIHOODS
    from brief.views.gradewords import LIKELIHOOD_WORDS

    assert tuple(LIKELIHOOD_WORDS) == LIKELIHOODS  # every term, in the scale's order
    reference = (Path(__file__).parent.parent / "docs" / "format.md").read_text()
    table = dict(re.findall(r"^\| `([a-z ]+)` \| (\d+-\d+%) \|$", reference, re.M))
    assert {term: f"{span} probability" for term, span in table.items()} == LIKELIHOOD_WORDS


@pytest.mark.parametrize("fmt", ["plain", "terminal", "markdown", "html"])
@pytest.mark.parametrize("command", [["show", "investment"], ["conflicts"]])
def test_a_disputed_claims_grade_comes_before_its_note(fmt: str, command: list[str]) -> None:
    """A trial found a claim's badge after a note of several lines, far from the claim
    it grades; the TUI already drew it first. Every format puts it right under the claim."""
    shown = run(*command, "-f", fmt).stdout
    claim = shown.index("Chinese investment has had some success")
    note = shown.index("The article is undated", claim)
    assert claim < shown.index("D4", claim) < note


def test_a_date_with_a_time_is_a_problem_not_cut_short(tmp_path: Path) -> None:
    """A trial wrote ``date = 2024-01-01T10:00:00Z``: brief showed ``2024-01-01`` and said
    nothing of the time it dropped. Each date key refuses a date and time, saying what to
    write; a TOML date alone still loads."""
    (tmp_path / "a.toml").write_text(
        'format = 2\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[sources]]\nid = "s"\ntitle = "Src"\nkind = "article"\n'
        "date = 2024-01-01T10:00:00Z\nretrieved = 2024-02-01T09:00:00\n"
        '[[sources]]\nid = "s2"\ntitle = "Src2"\nkind = "article"\ndate = 2024-01-01\n'
        '[[claims]]\nid = "c"\ntext = "One."\ntopic = "t"\ndate = 2023-05-04T07:32:00-05:00\n'
        'cites = [{ source = "s2" }]\n'
    )
    status, lines, _ = validate(tmp_path)
    assert status == 1
    found = "expected a date, found a date and time: write {} (a time is not kept); {} is left out"
    source, claim = "source 's'", "claim 'c'"
    assert lines == [
        f"{tmp_path}/a.toml: sources[0].date: {found.format('2024-01-01', source)} [BRIEF007]",
        f"{tmp_path}/a.toml: sources[0].retrieved: {found.format('2024-02-01', source)} [BRIEF007]",
        f"{tmp_path}/a.toml: claims[0].date: {found.format('2023-05-04', claim)} [BRIEF007]",
    ]
    shown = run("--no-bundled", "--corpus", str(tmp_path), "show", "s2").stdout
    assert "2024-01-01" in shown


def test_a_locator_without_a_quote_is_shown_with_the_quotes(tmp_path: Path) -> None:
    """A citation's ``locator`` given with no ``quote`` was dropped from every output (a
    trial's ``p. 214``): it is shown where quotes are, ``[1, p. 214]``, from the files
    and from the cache alike."""
    (tmp_path / "a.toml").write_text(
        'format = 2\n[[topics]]\nid = "crisis"\ntitle = "Crisis"\nsummary = "S."\n'
        '[[sources]]\nid = "book"\ntitle = "Book"\nkind = "book"\nsections = ["July"]\n'
        '[[claims]]\nid = "c"\ntopic = "crisis"\ntext = "Vienna was backed."\n'
        'cites = [{ source = "book", section = "July", locator = "p. 214" }]\n'
    )
    base = ("--no-bundled", "-c", str(tmp_path), "show", "crisis")
    for cache in ("1", "", ""):  # from the files, then writing the cache and reading it
        env = {"BRIEF_NO_CACHE": cache}
        plain = run(*base, "--quotes", env=env).stdout
        assert "\n    [1, p. 214]\n" in plain, plain
        assert "214" not in run(*base, env=env).stdout  # as quotes: only when asked for
    assert "  - *At:* \\[1, p. 214\\]" in run(*base, "--quotes", "-f", "markdown").stdout
    data = json.loads(run(*base, "--quotes", "-f", "json").stdout)
    (point,) = data["sections"][0]["claims"]
    quotes = [{"ref": 1, "text": None, "locator": "p. 214", "found": None}]
    assert point["grade"]["quotes"] == quotes


def test_the_key_s_terms_are_aligned_in_plain_text_as_in_the_terminal() -> None:
    """Likelihoods in a column of their own, confidences in another (a trial saw
    ``unlikely  20-45%`` above ``likely  55-80%`` in plain text, aligned in the terminal)."""
    plain = run("show", "investment").stdout
    key = plain[plain.index("\nGrades\n") :].splitlines()[2:]
    sure = [line for line in key if " confidence " in line]
    columns = {re.match(r"  \w+ confidence +", line).end() for line in sure}  # type: ignore[union-attr]
    assert len(sure) == 2 and columns == {len("  moderate confidence  ")}
    drawn = re.sub(r"\x1b\[[0-9;]*m", "", run("show", "investment", "-f", "terminal").stdout)
    assert drawn[drawn.index("\nGrades\n") :].splitlines()[2:] == key


def test_compare_prints_quotes_only_when_asked_as_show_does() -> None:
    """``compare`` printed every claim's quotes, with no way to leave them out, where
    ``show`` prints them under ``--quotes`` only (a trial)."""
    quoted = "\u201csought to impose economic sanctions\u201d"
    for fmt in ("plain", "markdown", "html"):
        base = ("compare", "why-china", "china-russia", "-f", fmt, "-w", "200")
        assert quoted not in run(*base).stdout
        assert quoted in run(*base, "--quotes").stdout


@pytest.mark.parametrize("no_cache", ["1", ""], ids=["files", "cache"])
def test_a_citation_names_its_source_s_publisher(analyst: Path, no_cache: str) -> None:
    """A trial's citations left out the publisher the source gives (format 2)."""
    env = {"BRIEF_NO_CACHE": no_cache}
    args = ("--no-bundled", "--corpus", str(analyst), "show", "harbour")
    for _ in range(2):  # the second run from the cache, if there is one
        plain = run(*args, "-f", "plain", env=env).stdout
        assert '"Shipping Volumes" (Port Observers, Northern\n      Maritime Institute, 2021)' in (
            plain
        )
        refs = json.loads(run(*args, "-f", "json", env=env).stdout)["references"]
        assert refs[1]["publisher"] == "The Coastal Weekly" and refs[1]["author"] is None


@pytest.mark.parametrize("no_cache", ["1", ""], ids=["files", "cache"])
def test_a_section_cited_in_another_case_keeps_its_quote_and_locator(
    analyst: Path, no_cache: str
) -> None:
    """A trial's `section = "the caribbean crisis"` (the source's is capitalised) was
    taken, as documented, but its quote and locator were dropped without a word."""
    path = analyst / "harbour.toml"
    path.write_text(
        path.read_text().replace(
            'section = "Shipping Volumes", quote', 'section = "shipping volumes", quote'
        )
    )
    env = {"BRIEF_NO_CACHE": no_cache}
    corpus = ("--no-bundled", "--corpus", str(analyst))
    for _ in range(2):  # the second run from the cache, if there is one
        rows = run(*corpus, "claims", "-f", "json", "--fields", "id,quotes", env=env).stdout
        assert {"id": "volumes-rose", "quotes": 1} in json.loads(rows)["claims"]
        shown = run(*corpus, "show", "harbour", "--quotes", "-f", "plain", env=env).stdout
        assert "“container volumes rose by a third” [1, p. 4]" in shown


def test_a_reliability_in_lower_case_is_its_letter(analyst: Path) -> None:
    """A trial's `reliability = "c"` left the source out, and every claim citing it,
    where a status or kind in another case was taken."""
    path = analyst / "sources.toml"
    path.write_text(path.read_text().replace('reliability = "B"', 'reliability = "b"', 1))
    corpus = ("--no-bundled", "--corpus", str(analyst))
    assert run(*corpus, "validate", str(analyst)).exit_code == 0
    rows = run(*corpus, "claims", "--min-grade", "B", "--fields", "grade").stdout
    assert rows and all(line.startswith("B") for line in rows.splitlines())


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Oct 1962", "write 1962-10"),
        ("27 October 1962", "write 1962-10-27"),
        ("October 27, 1962", "write 1962-10-27"),
        ("30 Feb 1962", None),  # no day to suggest
        ("autumn 1962", None),
    ],
)
def test_a_date_in_words_is_told_as_it_is_written(
    analyst: Path, written: str, said: str | None
) -> None:
    """A trial's `date = "Oct 1962"` was told only the forms a date takes."""
    path = analyst / "harbour.toml"
    path.write_text(path.read_text().replace('date = "2018/2020"', f'date = "{written}"', 1))
    out = run("--no-bundled", "validate", str(analyst)).stdout
    line = next(x for x in out.splitlines() if ".date:" in x)
    assert f"{written!r} is not a date" in line
    assert (f": {said} (" in line) if said else ": write" not in line


def test_a_briefing_s_sources_give_their_addresses() -> None:
    """A trial's briefing, mailed as Markdown or HTML, lost the way to its sources: the
    address was on the source's own page alone."""
    url = "https://www.un.org/securitycouncil/sanctions/1718"
    refs = json.loads(run("show", "sanctions", "-f", "json").stdout)["references"]
    assert {r["source"]: r["url"] for r in refs}["fc-unsc-record"] == url
    assert {r["url"] for r in refs if r["source"] == "why-china"} == {None}
    markdown = run("show", "sanctions", "-f", "markdown").stdout
    assert f'"Resolutions 2006-2017" (United Nations Security Council), {url}\n' in markdown
    html = run("show", "sanctions", "-f", "html").stdout
    assert f'<a class="external" href="{url}" rel="noopener noreferrer nofollow">' in html
