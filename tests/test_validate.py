"""`brief validate`: a failing fixture for every problem code, and the exact line it prints."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import run, unlined

CLAIM = (
    '[[claims]]\nid = "{id}"\ntopic = "trade"\nactors = ["china"]\ntext = "T."\n'
    'cites = [{{ source = "ledger" }}]\n'
)


def claim(ident: str, extra: str = "", **replace: str) -> str:
    text = "format = 1\n" + CLAIM.format(id=ident) + extra
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


# code -> (file name, content, expected "where: message" after the file name)
CASES: dict[str, tuple[str, str | bytes, str]] = {
    "BRIEF002": ("enc.toml", b'format = 1\ntitle = "\xff"\n', ":2:10: not valid UTF-8"),
    "BRIEF003": ("syntax.toml", "format = 1\n[[topics]\n", ":2:9: TOML syntax error: "),
    "BRIEF004": (
        "version.toml",
        "format = 3\n",
        "format: unsupported format 3 (this brief reads formats 1 and 2)",
    ),
    "BRIEF005": (
        "typo.toml",
        'format = 1\n[[topics]]\nid = "x"\ntitle = "X"\nsumary = "S"\nsummary = "S"\n',
        "topics[0].sumary: unknown key 'sumary' (did you mean 'summary'?); topic 'x' is left out",
    ),
    "BRIEF006": (
        "missing.toml",
        'format = 1\n[[topics]]\nid = "x"\ntitle = "X"\n',
        "topics[0]: missing required key 'summary'; topic 'x' is left out",
    ),
    "BRIEF007": (
        "type.toml",
        'format = 1\n[[topics]]\nid = "x"\ntitle = "X"\nsummary = "S"\naliases = "y"\n',
        "topics[0].aliases: expected an array, found a string; topic 'x' is left out",
    ),
    "BRIEF008": (
        "status.toml",
        claim("c1", 'status = "rumoured"\n'),
        "claims[0].status: unknown status 'rumoured' (one of: reported, assessment, "
        "alleged, disputed); claim 'c1' is left out",
    ),
    "BRIEF009": (
        "zdup.toml",
        'format = 1\n[[topics]]\nid = "trade"\ntitle = "Again"\nsummary = "S"\n',
        "topics[0].id: duplicate topic id 'trade' (first defined in "
        "{mini}/topics/trade.toml, topics[0]): this one is left out",
    ),
    "BRIEF010": (
        "ref.toml",
        claim("c1", **{'actors = ["china"]': 'actors = ["chna"]'}),
        "claims[0].actors[0]: unknown actor 'chna' (did you mean 'china'?): "
        "the claim is kept without it",
    ),
    "BRIEF011": (
        "section.toml",
        claim("c1", **{'{ source = "ledger" }': '{ source = "atlas", section = "Trad" }'}),
        "claims[0].cites[0].section: source 'atlas' has no section 'Trad' (did you mean 'Trade'?); "
        "claim 'c1' is left out",
    ),
    "BRIEF012": (
        "clash.toml",
        'format = 1\n[[actors]]\nid = "merchant"\nname = "Merchant"\n'
        'description = "D."\naliases = ["Commerce"]\n',
        "actors[0].aliases[0]: 'Commerce' also names the topic 'trade' ({mini}/topics/trade.toml); "
        "'brief show' reaches the topic 'trade' by that name",
    ),
    "BRIEF013": (
        "note.toml",
        claim("c1", 'status = "disputed"\n'),
        "claims[0]: a disputed claim needs a 'note' saying why; claim 'c1' is left out",
    ),
    "BRIEF014": (
        "self.toml",
        claim("c1", 'contradicts = ["c1"]\n'),
        "claims[0].contradicts: claim 'c1' cannot contradict itself; claim 'c1' is left out",
    ),
    "BRIEF015": (
        "deep.toml",
        "format = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n",
        ":2:5: nested too deeply to parse",
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_problem_code_has_a_failing_fixture(mini: Path, code: str) -> None:
    name, content, expected = CASES[code]
    expected = expected.replace("{mini}", str(mini))
    path = mini / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    result = run("--no-bundled", "validate", str(mini))
    assert result.exit_code == 1, result.output
    lines = unlined(result.stdout).splitlines()
    said = f"{mini}/{name}{expected}" if expected[0] == ":" else f"{mini}/{name}: {expected}"
    if code == "BRIEF003":  # the parser's own wording after the position may change
        assert len(lines) == 1 and lines[0].startswith(said)
        assert lines[0].endswith(f" [{code}]")
    else:
        assert lines == [f"{said} [{code}]"]
    assert "1 problem in 1 of" in result.stderr


def test_unreadable_files_are_brief001(mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text("format = 1\n")
    (mini / "escape.toml").symlink_to(outside)
    (mini / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    (mini / "big.toml").write_bytes(b"format = 1\n" + b"#" * (1024 * 1024 + 1))
    os.mkfifo(mini / "fifo.toml")
    result = run("--no-bundled", "validate", str(mini))
    assert result.exit_code == 1
    got = sorted(result.stdout.splitlines())
    assert got == [
        f"{mini}/big.toml: cannot read: larger than the 1024 KiB limit [BRIEF001]",
        f"{mini}/dangling.toml: cannot read: a symbolic link that leaves the corpus folder "
        "or leads nowhere [BRIEF001]",
        f"{mini}/escape.toml: cannot read: a symbolic link that leaves the corpus folder "
        "or leads nowhere [BRIEF001]",
        f"{mini}/fifo.toml: cannot read: not a regular file [BRIEF001]",
    ]


def test_every_problem_in_one_run(mini: Path) -> None:
    for code in ("BRIEF003", "BRIEF010", "BRIEF013"):
        name, content, _ = CASES[code]
        (mini / name).write_text(content)  # type: ignore[arg-type]
    result = run("--no-bundled", "validate", str(mini))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # both claims are 'c1': the one left out for its own problem still takes its id
    assert len(lines) == 4 and lines[1].endswith(  # at line 3, above the actor at 5
        f"claims[0].id: duplicate claim id 'c1' (first defined in {mini}/note.toml, claims[0]): "
        "that one is left out for its own problems, so this one is used until it is fixed "
        "[BRIEF009]"
    )
    assert "4 problems in 3 of 6 files" in result.stderr


def test_clean_corpus_exits_zero(mini: Path) -> None:
    result = run("--no-bundled", "validate", str(mini))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "ok: 3 files checked, no problems\n"


def test_the_summary_says_what_is_left_out(mini: Path) -> None:
    """A problem can cost an entry: validate says how many, where one looks for what
    is wrong (``show`` says it of the one asked for)."""
    (mini / "topics" / "fishing.toml").write_text(
        'format = 1\n\n[[topics]]\nid = "fishing"\ntitle = "Fishing"\nsummary = "Boats."\n'
        'colour = "blue"\n\n'
        '[[claims]]\nid = "f1"\ntopic = "fishing"\nactors = ["china"]\ntext = "Boats sail."\n'
        'cites = [{ source = "ledger" }]\n\n'
        '[[claims]]\nid = "f2"\ntopic = "whaling"\nactors = ["china"]\ntext = "Ships."\n'
        'cites = [{ source = "ledger" }]\n'
    )
    result = run("--no-bundled", "validate", str(mini))
    assert result.exit_code == 1
    assert result.stderr.endswith("; 1 topic and 2 claims left out until fixed\n"), result.stderr
    data = json.loads(run("--no-bundled", "validate", "-f", "json", str(mini)).stdout)
    assert data["counts"]["left_out"] == {"topics": 1, "claims": 2}
    # a folder checked on top of the others counts only its own
    other = mini.parent / "other"
    other.mkdir()
    (other / "t.toml").write_text('format = 1\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n')
    result = run("--no-bundled", "-c", str(mini), "validate", str(other))
    assert result.exit_code == 0 and "left out" not in result.stderr


def test_validate_json(mini: Path) -> None:
    name, content, _ = CASES["BRIEF010"]
    (mini / name).write_text(content)  # type: ignore[arg-type]
    result = run("--no-bundled", "validate", "--format", "json", str(mini))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["files"] == 4
    assert data["problems"] == [
        {
            "code": "BRIEF010",
            "file": f"{mini}/ref.toml",
            "line": 5,  # the line the claim's actors are on
            "column": None,  # given for a syntax error only
            "where": "claims[0].actors[0]",
            "message": "unknown actor 'chna' (did you mean 'china'?): the claim is kept without it",
            "cause": None,
        }
    ]
    assert data["counts"] == {"problems": 1, "knock_ons": 0, "left_out": {}}


def test_dir_is_checked_on_top_of_active_layers(mini: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "c.toml").write_text(claim("mine-1"))  # cites 'ledger', defined in mini
    assert run("--corpus", str(mini), "--no-bundled", "validate", str(mine)).exit_code == 0
    alone = run("--no-bundled", "validate", str(mine))
    assert alone.exit_code == 1
    assert "unknown topic 'trade'" in alone.stdout


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    result = run("--no-bundled", "validate", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert result.stdout == f"{tmp_path}/nope/: corpus folder not found [BRIEF001]\n"
    (tmp_path / "file.toml").write_text("format = 1\n")
    result = run("--no-bundled", "validate", str(tmp_path / "file.toml"))
    assert result.exit_code == 2 and "is a file" in result.stderr  # a usage error
    result = run("--no-bundled", "list", env={"BRIEF_PATH": str(tmp_path / "file.toml")})
    assert "file.toml/: not a folder [BRIEF001] (folder skipped)\n" in result.stderr


def test_a_corpus_folder_typed_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    """A trial's mistyped ``-c`` folder gave the bundled answer, exit 0, under a warning;
    a folder of the config file or BRIEF_PATH that is missing stays a warning."""
    result = run("-c", str(tmp_path / "nope"), "show", "sanctions")
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"Directory '{tmp_path}/nope' does not exist" in result.stderr
    listed = run("list", env={"BRIEF_PATH": str(tmp_path / "nope")})
    assert listed.exit_code == 0
    assert "nope/: corpus folder not found [BRIEF001] (folder skipped)" in listed.stderr


def test_suggestions_stop_after_fifty_unknown_references(mini: Path) -> None:
    """A hostile file with thousands of bad references must not cost a suggestion each."""
    claims = "".join(
        claim(f"c{i}", **{'actors = ["china"]': 'actors = ["chna"]'}).replace("format = 1\n", "")
        for i in range(60)
    )
    (mini / "many.toml").write_text("format = 1\n" + claims)
    result = run("--no-bundled", "validate", str(mini))
    lines = result.stdout.splitlines()
    assert len(lines) == 60
    assert sum("did you mean 'china'" in line for line in lines) == 50


def test_missing_keys_are_reported_in_the_documented_order(mini: Path) -> None:
    (mini / "bare.toml").write_text('format = 1\n[[claims]]\nid = "x"\n')
    result = run("--no-bundled", "validate", str(mini))
    assert [line.split(": ", 2)[2] for line in result.stdout.splitlines()] == [
        "missing required key 'text'; claim 'x' is left out [BRIEF006]",
        "missing required key 'topic'; claim 'x' is left out [BRIEF006]",
        "missing required key 'cites'; claim 'x' is left out [BRIEF006]",
    ]


def test_one_run_reports_problems_of_entries_already_left_out(mini: Path) -> None:
    """A claim with a schema problem still has its references checked, in the same run."""
    (mini / "many.toml").write_text(
        "format = 1\n"
        '[[topics]]\nid = "t2"\ntitle = "T"\nsummary = "S"\naliases = "x"\n'
        'related = ["nowhere"]\n'
        '[[claims]]\nid = "c9"\ntopic = "trade"\nactors = ["china"]\ntext = "T."\n'
        'status = "disputed"\ncontradicts = ["c9", "ghost"]\n'
        'cites = [{ source = "atlas" }]\n'
        '[[claims]]\nid = "c10"\ntopic = "trade"\nactors = ["china"]\ntext = "T."\n'
        'cites = [{ source = "ledger" }]\nsupports = ["c9"]\n'
    )
    result = run("--no-bundled", "validate", str(mini))
    lines = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert lines == [  # from the top of the file down
        "topics[0].aliases: expected an array, found a string; topic 't2' is left out [BRIEF007]",
        "topics[0].related[0]: unknown topic 'nowhere' [BRIEF010]",
        "claims[0]: a disputed claim needs a 'note' saying why; claim 'c9' is left out [BRIEF013]",
        "claims[0].contradicts: claim 'c9' cannot contradict itself; "
        "claim 'c9' is left out [BRIEF014]",
        "claims[0].contradicts[1]: unknown claim 'ghost' [BRIEF010]",
        "claims[0].cites[0]: source 'atlas' has sections: name one of 'Trade', "
        "'Security Matters' [BRIEF011]",
        # c10's link to c9, which exists but cannot load, is not "unknown": dropped
        "claims[1].supports[0]: claim 'c9' is left out for its own problems: the link to "
        "it is dropped [BRIEF010]",
    ]


def test_a_source_left_out_is_not_also_unknown_to_its_claims(mini: Path) -> None:
    """Only the source's own problem is reported, not one more per claim citing it."""
    base = mini / "base.toml"
    base.write_text(base.read_text().replace('kind = "report"', 'kind = "magazine"'))
    result = run("--no-bundled", "validate", str(mini))
    assert result.exit_code == 1
    assert "magazine" in result.stdout
    assert "unknown source 'ledger'" not in result.stdout


def test_a_typo_for_an_actor_left_out_still_gets_a_suggestion(mini: Path) -> None:
    base = mini / "base.toml"
    text = base.read_text().replace('description = "The Russian Federation."', "")
    base.write_text(text)
    trade = mini / "topics/trade.toml"
    trade.write_text(trade.read_text().replace('actors = ["russia"]', 'actors = ["rusia"]'))
    out = run("--no-bundled", "validate", str(mini)).stdout
    assert "unknown actor 'rusia' (did you mean 'russia'?)" in out


IMPOSSIBLE_DATES = """format = 2
[[topics]]
id = "harbour"
title = "Harbour"
summary = "The port."
[[sources]]
id = "s"
title = "S"
kind = "article"
[[sources]]
id = "late"
title = "Late"
kind = "article"
date = "2024-13-45"
"""


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2021-13", "'2021-13' has no month 13"),
        ("2021-00", "'2021-00' has no month 00"),
        ("2021-02-29", "'2021-02-29' is not a day: February 2021 has 28"),
        ("2021-01-32", "'2021-01-32' is not a day: January 2021 has 31"),
        ("2019/2021-04-31", "'2021-04-31' is not a day: April 2021 has 30"),
        ("2021-13/2022", "'2021-13' has no month 13"),
    ],
)
def test_an_impossible_date_is_a_problem_in_its_file_not_a_traceback_later(
    date: str, why: str, tmp_path: Path
) -> None:
    """A month or a day the calendar does not have is reported by validate, and the
    claim left out; every command then works, from the files and from the cache (a
    cached corpus with one such date gave a traceback on every command)."""
    from .conftest import settle

    notes = tmp_path / "notes"
    notes.mkdir()
    claims = "".join(
        f'[[claims]]\nid = "c{n}"\ntopic = "harbour"\ntext = "Claim {n}."\n'
        f'cites = [{{ source = "s" }}]\ndate = "{d}"\n'
        for n, d in enumerate([date, "2024-02-29"])
    )
    (notes / "all.toml").write_text(IMPOSSIBLE_DATES + claims)
    settle(notes)
    base = ("--no-bundled", "-c", str(notes))
    checked = run(*base, "validate")
    assert checked.exit_code == 1
    assert f"claims[0].date: {why}; claim 'c0' is left out [BRIEF008]" in checked.stdout
    assert (
        "sources[1].date: '2024-13-45' has no month 13; source 'late' is left out" in checked.stdout
    )
    for no_cache in ("1", "", ""):  # from the files, then writing and reading the cache
        env = {"BRIEF_NO_CACHE": no_cache}
        for args in (("list",), ("show", "harbour"), ("timeline",), ("claims", "--since", "2020")):
            done = run(*base, *args, env=env)
            assert done.exit_code == 0, (args, done.stderr)
            assert "Traceback" not in done.stderr
        assert "Claim 1." in run(*base, "claims", "--since", "2024-02", env=env).stdout


def test_the_summary_writes_large_counts_with_a_thousands_separator() -> None:
    """`ok: 2038 files checked` beside the progress display's `2,038 files`."""
    from brief.core.diagnostics import Diagnostic
    from brief.views.validation import Validation

    assert Validation((), 2038, 0, quotes_checked=1500).summary == (
        "ok: 2,038 files checked, no problems; 1,500 quotes checked"
    )
    problem = Diagnostic("BRIEF008", "a.toml", "topics[0].summary", "must not be empty")
    gone = Validation((problem,) * 1200, 12000, 1001, left_out=(("claims", 4000),))
    assert gone.summary == (
        "1,200 problems in 1,001 of 12,000 files; 4,000 claims left out until fixed"
    )


@pytest.mark.parametrize(
    ("doc", "hint"),
    [
        ({"topics": [{"id": "t", "title": "T", "summary": "S"}]}, "format = 1"),
        (
            {"sources": [{"id": "s", "reliability": "B"}]},
            "format = 2, as the file uses 'reliability'",
        ),
        (
            {"claims": [{"id": "c", "cites": [{"source": "s", "quote": "q"}]}]},
            "format = 2, as the file uses 'quote'",
        ),
        (
            {"claims": [{"id": "c", "relation": "shields"}]},
            "format = 2, as the file uses 'relation'",
        ),
        (
            {"claims": "not a list", "sources": [3, {"note": "n"}]},
            "format = 2, as the file uses 'note'",
        ),
    ],
)
def test_a_file_without_format_is_told_which_to_add(doc: dict[str, object], hint: str) -> None:
    """A file written with format 2's keys (as ``brief new`` writes them) but no
    ``format`` is told to add 2: with 1, each of those keys would be a problem."""
    from brief.corpus.schema import check_document

    (problem,) = check_document(doc, "a.toml").problems
    assert (problem.code, problem.where) == ("BRIEF004", "format")
    assert problem.message == f"missing required key 'format' (add: {hint})"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            'format = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "report"\ndate = 202104\n',
            "6: sources[0].date: 202104 is not a year (YYYY, or a date as a string); "
            "source 's' is left out [BRIEF008]",
        ),
        (
            'format = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "report"\ndate = 2021\n'
            '[[claims]]\nid = "c"\ntopic = "t"\ntext = "T"\ncites = [{ source = "s" }]\n'
            'credibility = "2"\n',
            "12: claims[0].credibility: expected an integer from 1 to 6, found a string; "
            "claim 'c' is left out [BRIEF007]",
        ),
        (
            'format = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "report"\n'
            'reliability = ["B"]\n',
            "6: sources[0].reliability: expected a string, found an array; "
            "source 's' is left out [BRIEF007]",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_in_words(
    entry: str, problem: str, tmp_path: Path
) -> None:
    """A number that is no year is not called a wrong type (a year may be a number), and
    a type is named as every other problem names it ('a string', not 'str')."""
    (tmp_path / "a.toml").write_text(entry)
    checked = run("--no-bundled", "validate", str(tmp_path))
    assert f"a.toml:{problem}" in checked.stdout, checked.stdout  # and the line it is at


LEFT_OUT = """format = 2
[[topics]]
id = "harbour"
title = "Harbour"
summary = "The port."
[[claims]]
id = "c1"
text = "T."
topic = "harbour"
zeta = 1
confidance = "high"
cites = [{ source = "ledger" }]
[[claims]]
text = "No id."
topic = "harbour"
cites = [{ source = "ledger" }]
[[claims]]
id = "c3"
text = "T."
topic = "harbour"
actors = ["china"]
relation = "opposes"
nonsense = true
cites = [{ source = "ledger" }]
"""


def test_each_problem_that_leaves_its_entry_out_says_so(mini: Path) -> None:
    """Every problem that costs its entry ends with it; a relation problem of a claim
    left out does not say the claim is kept without its relation."""
    (mini / "out.toml").write_text(LEFT_OUT)
    result = run("--no-bundled", "validate", str(mini))
    lines = [line.split(": ", 1)[1] for line in unlined(result.stdout).splitlines()]
    assert lines == [
        "claims[0].zeta: unknown key 'zeta'; claim 'c1' is left out [BRIEF005]",
        "claims[0].confidance: unknown key 'confidance' (did you mean 'confidence'?); "
        "claim 'c1' is left out [BRIEF005]",
        "claims[1]: missing required key 'id'; this claim is left out [BRIEF006]",
        "claims[2].relation: relation 'opposes' needs two actors or more: the subject "
        "first, then who it opposes; claim 'c3' is left out [BRIEF021]",
        "claims[2].nonsense: unknown key 'nonsense'; claim 'c3' is left out [BRIEF005]",
    ]
    assert "kept without" not in result.stdout
    assert "3 claims left out until fixed" in result.stderr


def test_a_problem_that_costs_only_a_value_does_not_say_left_out(mini: Path) -> None:
    (mini / "kept.toml").write_text(
        LEFT_OUT.split("[[claims]]")[0]
        + CLAIM.format(id="k1")
        .replace('topic = "trade"', 'topic = "harbour"')
        .replace('"china"', '"chna"')
    )
    out = run("--no-bundled", "validate", str(mini)).stdout
    assert "unknown actor 'chna' (did you mean 'china'?): the claim is kept without it" in out
    assert "left out" not in out


def test_a_link_to_no_claim_says_the_claim_is_kept_without_it(mini: Path) -> None:
    """A new user's `contradicts[0]: unknown claim 'explosion-13-aprl'` did not say what
    is kept: the claim, without that link. A claim left out for its own problems, or
    for its topic, has its links told too, and is not said to be kept."""
    (mini / "broken.toml").write_text('format = 1\n[[claims]]\nid = "gone"\ntopic = \n')
    (mini / "links.toml").write_text(
        "format = 1\n"
        + CLAIM.format(id="k1")
        + 'contradicts = ["trade-china-partnr", "gone"]\nsupports = ["nothing"]\n'
        + CLAIM.format(id="own")
        + 'status = "rumoured"\ncontradicts = ["nothing"]\n'
        + CLAIM.format(id="topic").replace('"trade"', '"trad"')
        + 'supports = ["nothing"]\n'
    )
    result = run("--no-bundled", "validate", str(mini))
    found = unlined(result.stdout).splitlines()
    assert found[3:] == [
        f"{mini}/links.toml: claims[0].contradicts[0]: unknown claim 'trade-china-partnr' "
        "(did you mean 'trade-china-partner'?): the claim is kept without it [BRIEF010]",
        f"{mini}/links.toml: claims[0].supports[0]: unknown claim 'nothing': "
        "the claim is kept without it [BRIEF010]",
        f"{mini}/links.toml: claims[1].status: unknown status 'rumoured' (one of: reported, "
        "assessment, alleged, disputed); claim 'own' is left out [BRIEF008]",
        f"{mini}/links.toml: claims[1].contradicts[0]: unknown claim 'nothing' [BRIEF010]",
        f"{mini}/links.toml: claims[2].topic: unknown topic 'trad' (did you mean 'trade'?); "
        "claim 'topic' is left out [BRIEF010]",
        f"{mini}/links.toml: claims[2].supports[0]: unknown claim 'nothing' [BRIEF010]",
    ]
    assert found[0].startswith(f"{mini}/broken.toml:4:9: ")  # the skipped file, its knock-on
    assert found[2] == (
        f"    {mini}/links.toml: claims[0].contradicts[1]: claim 'gone' is in the skipped file "
        f"{mini}/broken.toml: the claim is kept without it [BRIEF010]"
    )


def test_a_name_clash_says_which_entry_the_name_reaches(mini: Path) -> None:
    """BRIEF012 named the entry that has the name first, not the one `show` reaches by
    it: ids win over titles, titles over aliases, topics over actors over sources."""
    (mini / "zclash.toml").write_text(  # read after topics/trade.toml
        'format = 1\n[[topics]]\nid = "commerce"\ntitle = "Commerce Board"\nsummary = "S."\n'
        'aliases = ["zed"]\n'
        '[[actors]]\nid = "merchant"\nname = "Merchant"\ndescription = "D."\n'
        'aliases = ["zed"]\n'
        '[[sources]]\nid = "zed"\ntitle = "Zed"\nkind = "report"\n'
    )
    result = run("--no-bundled", "validate", str(mini))
    assert [line.split(": ", 1)[1] for line in unlined(result.stdout).splitlines()] == [
        "topics[0].id: 'commerce' also names the topic 'trade' "
        f"({mini}/topics/trade.toml); 'brief show' reaches this topic by that name [BRIEF012]",
        "actors[0].aliases[0]: 'zed' also names the topic 'commerce'; 'brief show' reaches "
        "the source 'zed' by that name [BRIEF012]",
        "sources[0].id: 'zed' also names the topic 'commerce'; 'brief show' reaches this "
        "source by that name [BRIEF012]",
        "sources[0].title: 'Zed' also names the topic 'commerce'; 'brief show' reaches this "
        "source by that name [BRIEF012]",
    ]
    assert run("--no-bundled", "--corpus", str(mini), "show", "commerce").stdout.startswith(
        "Commerce Board\n"
    )
    zed = run("--no-bundled", "--corpus", str(mini), "show", "zed")
    assert zed.stdout.startswith("Zed\n"), zed.stdout


def test_a_files_problems_are_listed_by_line(mini: Path) -> None:
    """Not in the format's order of keys (alpha before zeta), as the file writes them."""
    (mini / "order.toml").write_text(
        'format = 1\n[[claims]]\nid = "o1"\ntopic = "trade"\nzeta = 1\nactors = ["china"]\n'
        'alpha = 2\ntext = "T."\ncites = [{ source = "ledger" }]\nstatus = "rumoured"\n'
    )
    out = unlined(run("--no-bundled", "validate", str(mini)).stdout)
    found = [line.split(": ", 2)[1] for line in out.splitlines()]
    assert found == ["claims[0].zeta", "claims[0].alpha", "claims[0].status"]
    numbers = [
        int(line.split(":")[1])
        for line in run("--no-bundled", "validate", str(mini)).stdout.splitlines()
    ]
    assert numbers == sorted(numbers) == [5, 7, 10]


def test_ordering_by_line_keeps_each_knock_on_under_its_cause() -> None:
    from brief.core.diagnostics import Diagnostic
    from brief.views.validation import Validation

    def p(file: str, where: str) -> Diagnostic:
        return Diagnostic("BRIEF010", file, where, "m")

    problems = (
        p("a", "x"),
        p("a", "y"),
        p("b", "k1"),
        p("b", "k2"),
        p("b", "own2"),
        p("b", "own1"),
    )
    view = Validation(problems, 2, 2, causes=("", "", "a", "a", "", ""))
    ordered = view.at_lines([9, 3, 8, 2, 6, 5])
    assert [d.where for d in ordered.problems] == ["y", "x", "k2", "k1", "own1", "own2"]
    assert ordered.causes == ("", "", "a", "a", "", "")
    assert ordered.lines == (3, 9, 2, 8, 5, 6)
    unknown = view.at_lines([0] * 6)  # no line known: as they were
    assert unknown.problems == problems


def test_a_relation_needing_two_actors_reads_as_a_sentence(mini: Path) -> None:
    """``then who it is allied with``: not ``who it allied with``."""
    (mini / "rel.toml").write_text(
        "format = 2\n"
        + CLAIM.format(id="r1").replace('"china"]', '"china"]\nrelation = "allied-with"')
    )
    out = run("--no-bundled", "validate", str(mini)).stdout
    assert "the subject first, then who it is allied with; the claim is kept" in out


def test_a_name_where_an_id_goes_is_told_the_id_it_makes(tmp_path: Path) -> None:
    """A trial wrote ``actors = ["Louis XVI"]``, as the command line takes names, and
    was told only that it is not an id; it is told where ids are found (a guess at the
    id misled a second trial, whose 'Port Authority' was 'portauth')."""
    (tmp_path / "c.toml").write_text(
        'format = 1\n\n[[claims]]\nid = "c1"\ntopic = "sanctions"\nactors = ["North Korea"]\n'
        'text = "T."\ncites = [{ source = "why-china", section = "Trade Sanctions" }]\n'
    )
    result = run("-c", str(tmp_path), "validate")
    assert (
        "claims[0].actors[0]: 'North Korea' is not an id (lowercase letters, digits, hyphens: "
        "a file names an entry by its id, which 'brief list' gives); claim 'c1' is left out "
        "[BRIEF008]"
    ) in result.stdout


def test_an_alias_no_lookup_can_reach_is_a_problem(tmp_path: Path) -> None:
    """A tester's alias ``"🔥"`` passed validate, and ``brief show 🔥`` found nothing."""
    (tmp_path / "a.toml").write_text(
        'format = 1\n\n[[actors]]\nid = "fire"\nname = "Fire"\ndescription = "D."\n'
        'aliases = ["\\U0001f525", "flame"]\n'
    )
    result = run("--no-bundled", "-c", str(tmp_path), "validate")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}/a.toml:7: actors[0].aliases[0]: '\U0001f525' has no letters or digits: "
        "no name reaches the entry by it [BRIEF008]"
    )
    assert run("--no-bundled", "-c", str(tmp_path), "show", "flame").exit_code == 0  # kept


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_status_in_capitals_is_read_as_its_word(
    mini: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """`status = "Alleged"` left the claim out (`unknown status 'Alleged'`); a
    relation's or likelihood's case was already forgiven. Kept as the word it is."""
    monkeypatch.setenv("BRIEF_WORKERS", workers)  # the fast check and the full one agree
    (mini / "caps.toml").write_text(claim("c1", 'status = "Alleged"\n'))
    assert run("--no-bundled", "validate", str(mini)).exit_code == 0
    shown = run("--no-bundled", "--corpus", str(mini), "show", "trade", "-f", "json")
    sections = json.loads(shown.stdout)["sections"]
    claims = {c["id"]: c for section in sections for c in section["claims"]}
    assert claims["c1"]["status"] == "alleged"


def test_alone_reads_only_the_folders_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's CI check passed at home and failed in CI: `--no-bundled validate b`
    still read BRIEF_PATH's folders, where an actor b's claim names was defined."""
    home, mine = tmp_path / "home", tmp_path / "b"
    home.mkdir()
    mine.mkdir()
    (home / "actors.toml").write_text(
        'format = 1\n[[actors]]\nid = "mona"\nname = "Mona"\ndescription = "D."\n'
    )
    (mine / "lead.toml").write_text(
        'format = 1\n[[topics]]\nid = "lead"\ntitle = "Lead"\nsummary = "S."\n'
        '[[sources]]\nid = "s"\ntitle = "S"\nkind = "article"\n'
        '[[claims]]\nid = "c"\ntopic = "lead"\nactors = ["mona"]\ntext = "T."\n'
        'cites = [{ source = "s" }]\n'
    )
    monkeypatch.setenv("BRIEF_PATH", str(home))
    assert run("--no-bundled", "validate", str(mine)).exit_code == 0  # on top of home
    alone = run("validate", "--alone", str(mine))
    assert alone.exit_code == 1
    assert "claims[0].actors[0]: unknown actor 'mona'" in alone.stdout
    assert alone.stderr == "1 problem in 1 of 1 file\n"  # nothing of the other layers'
    refused = run("validate", "--alone")
    assert refused.exit_code == 2 and "name at least one DIR" in refused.stderr


def test_a_section_of_another_number_lists_the_sections(tmp_path: Path) -> None:
    """`Chapter 2` was offered `Chapter 5` (did you mean), another chapter, not a slip."""
    (tmp_path / "a.toml").write_text(
        'format = 2\n[[sources]]\nid = "s"\ntitle = "S"\nkind = "book"\n'
        'sections = ["Chapter 5", "Chapter 14", "Epilogue"]\n'
        '[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[claims]]\nid = "c"\ntopic = "t"\ntext = "T."\n'
        'cites = [{ source = "s", section = "Chapter 2" }]\n'
        '[[claims]]\nid = "d"\ntopic = "t"\ntext = "T."\n'
        'cites = [{ source = "s", section = "Epilog" }]\n'
    )
    out = run("--no-bundled", "validate", str(tmp_path)).stdout
    assert "no section 'Chapter 2': name one of 'Chapter 5', 'Chapter 14', 'Epilogue'" in out
    assert "no section 'Epilog' (did you mean 'Epilogue'?)" in out  # a slip still is


def test_a_required_key_misspelt_says_so_where_it_is_missed(tmp_path: Path) -> None:
    """A trial's `sumary =` gave `missing required key 'summary'` first, at the table's
    line, and the typo only on the line after: the first line now names it."""
    (tmp_path / "a.toml").write_text(
        'format = 2\n[[topics]]\nid = "x"\ntitle = "X"\nsumary = "S."\n'
    )
    out = unlined(run("--no-bundled", "validate", str(tmp_path)).stdout).splitlines()
    assert out[0].endswith(
        "topics[0]: missing required key 'summary' (is 'sumary' a typo of it?); "
        "topic 'x' is left out [BRIEF006]"
    )
    assert "unknown key 'sumary' (did you mean 'summary'?)" in out[1]
