"""brief claims, brief timeline and --min-grade: the analyst's queries over format 2."""

from __future__ import annotations

import json

import pytest

from brief.core.model import STATUSES
from brief.views.dates import Span, span, window
from brief.views.mingrade import minimum

from .conftest import CORPORA, run

ANALYST = ("--no-bundled", "--corpus", str(CORPORA / "analyst"))


def claims(*args: str) -> tuple[int, list[list[str]], str]:
    result = run(*ANALYST, "claims", *args)
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    return result.exit_code, rows, result.stderr


def ids(*args: str) -> list[str]:
    code, rows, err = claims(*args)
    assert code in (0, 1), err
    return [row[0] for row in rows]


def test_the_cli_offers_the_models_statuses() -> None:
    from brief.cli.analysis import STATUSES as OFFERED

    assert OFFERED == STATUSES


def test_piped_claims_are_tab_separated_rows_without_a_header() -> None:
    code, rows, err = claims()
    assert (code, err) == (0, "")
    assert len(rows) == 6 and all(len(row) == 8 for row in rows)
    assert rows[3] == [
        "fishing-harmed",
        "alleged",
        "C4",
        "harbour",
        "fishers-union,port-authority",
        "coast-article",
        "2020",
        "Dredging drove the fish from the bay.",
    ]
    assert rows[4][4] == ""  # a claim about no actor: an empty field, still 8 fields


def test_every_alleged_claim_citing_a_source_since_a_year() -> None:
    """The fact-check desk's question, with names typed as a reader would."""
    assert ids(
        "--status", "alleged", "--source", "Why the Coast Road Matters", "--since", "2020"
    ) == ["fishing-harmed"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--status", "assessment"), ["traffic-will-grow"]),
        (("--status", "Assessment"), ["traffic-will-grow"]),  # any case, as names
        (("--actor", "union"), ["fishing-harmed"]),
        (("--topic", "Harbour Expansion", "--source", "wire-note"), ["road-delayed"]),
        (("--tag", "shipping", "--status", "alleged"), ["fishing-harmed", "road-delayed"]),
        (("--by", "fishers union"), ["fishing-harmed"]),  # an actor, by its name
        (("--by", "Local Newspapers"), ["road-delayed"]),  # a text, in any case
        (("--unchecked",), ["road-delayed", "road-planned"]),  # no text, no quote
        (("--min-grade", "B3"), ["volumes-rose", "berths-doubled", "traffic-will-grow"]),
        (
            ("--min-grade", "c"),
            [
                "volumes-rose",
                "berths-doubled",
                "traffic-will-grow",
                "fishing-harmed",
                "road-planned",
            ],
        ),
        (("--min-grade", "2"), ["volumes-rose", "berths-doubled"]),
    ],
)
def test_filters(args: tuple[str, ...], expected: list[str]) -> None:
    assert ids(*args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # 1950/1953 overlaps any window that reaches into it
        (("--since", "1952", "--until", "1952"), ["road-planned"]),
        (("--until", "1950-01-01"), ["road-planned"]),
        (("--since", "1954", "--until", "2019-04"), ["volumes-rose"]),
        (("--since", "1954", "--until", "2017"), []),
        # 2018/2020 reaches into 2020; 2020 is all of it; 2019-05 is before
        (("--since", "2020", "--until", "2020-12-31"), ["volumes-rose", "fishing-harmed"]),
        (("--since", "2019-05-31", "--until", "2019-05-31"), ["volumes-rose", "road-delayed"]),
        (("--since", "2021-07"), ["traffic-will-grow"]),
    ],
)
def test_dates_keep_claims_whose_span_overlaps_the_window(
    args: tuple[str, ...], expected: list[str]
) -> None:
    assert ids(*args) == expected


def test_spans_and_windows() -> None:
    assert span("2020") == Span("2020-01-01", "2020-12-31")
    assert span("2019-05") == Span("2019-05-01", "2019-05-31")
    assert span("1950/1953-02") == Span("1950-01-01", "1953-02-31")
    assert window(None, "2001").first < "0001" and window("2001", None).last > "9999"
    for bad in ("20", "2020-13", "2020-01-32", "2021/2020", "yesterday"):
        with pytest.raises(ValueError):
            span(bad)


def test_minimum_grades() -> None:
    assert minimum("b3") == ("B", 3) and minimum("F") == ("F", None) and minimum("6") == (None, 6)
    for bad in ("", "G", "7", "3B", "B33"):
        with pytest.raises(ValueError):
            minimum(bad)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--topic", "harbr"), "no topic named 'harbr' (did you mean 'harbour'?)"),
        (("--source", "harbour"), "'harbour' is a topic, not a source"),
        (("--source", "wire nots"), "did you mean 'wire-note'?"),
        (
            ("--by", "local newspaper"),
            "no claimant named 'local newspaper' (did you mean 'local newspapers'?)",
        ),
        (("--tag", "shiping"), "no tag named 'shiping'"),
        (("--since", "2020-13"), "'2020-13' has no month 13"),
        (("--since", "2021-02-29"), "'2021-02-29' is not a day: February 2021 has 28"),
        (("--since", "2030", "--until", "2020"), "--since/--until: '2030' is after '2020'"),
        (("--min-grade", "Z9"), "'Z9' is not a grade"),
        (("--status", "aleged"), "Did you mean 'alleged'?"),
        (
            ("-f", "markdown", "--fields", "id"),
            "--fields chooses the keys of JSON output and the fields of piped rows",
        ),
        (
            ("-f", "json", "--fields", "id,dat"),
            "unknown field 'dat' (did you mean 'date'?); valid fields: id, status",
        ),
        (("-f", "json", "--fields", ","), "--fields needs at least one field"),
    ],
)
def test_bad_input_is_one_line_and_exit_2_or_1(args: tuple[str, ...], message: str) -> None:
    """(Click's own usage errors take several lines under the test runner; ``brief``'s
    ``main`` makes them one, as tests/test_cli.py checks.)"""
    code, rows, err = claims(*args)
    assert code in (1, 2) and rows == []
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 or err.startswith("Usage:")


def test_no_match_exits_1_saying_which_filters() -> None:
    code, rows, err = claims("--status", "disputed", "--unchecked")
    assert (code, rows) == (1, [])
    assert err == "brief: no claims match status 'disputed', unchecked\n"
    result = run(*ANALYST, "claims", "--status", "disputed", "-f", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["claims"] == []


def test_json_fields_choose_the_keys_in_order() -> None:
    result = run(*ANALYST, "claims", "-f", "json", "--fields", "date,id,actors", "--by", "union")
    data = json.loads(result.stdout)
    assert data["filters"] == {"by": "fishers-union"}
    assert data["claims"] == [
        {"date": "2020", "id": "fishing-harmed", "actors": ["fishers-union", "port-authority"]}
    ]
    assert list(data["claims"][0]) == ["date", "id", "actors"]


def test_fields_choose_the_piped_rows_fields_in_order() -> None:
    """A trial wanted `--fields` for cut and sort, not only with `-f json`."""
    code, rows, err = claims("--fields", "date,id,actors,credibility,checked,note", "--by", "union")
    assert (code, err) == (0, "")
    assert rows == [["2020", "fishing-harmed", "fishers-union,port-authority", "4", "true", ""]]
    code, rows, _ = claims("--fields", "quotes", "--status", "reported")
    assert code == 0 and rows and all(len(row) == 1 and row[0].isdigit() for row in rows)


def test_json_without_fields_gives_every_field() -> None:
    from brief.views.claims import FIELDS

    data = json.loads(run(*ANALYST, "claims", "-f", "json").stdout)
    first = data["claims"][0]
    assert tuple(first) == FIELDS
    assert first["grade"] == "B2" and first["checked"] is True and first["quotes"] == 1


@pytest.mark.parametrize("width", ["40", "60", "90", "140"])
def test_the_terminal_table_keeps_every_word_of_each_claim(width: str) -> None:
    import re

    out = run(*ANALYST, "claims", "-f", "terminal", "-w", width).stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert all(len(line) <= int(width) for line in plain.splitlines())
    words = plain.split()
    for text in ("Dredging drove the fish from the bay.", "The coast road opened two years late."):
        assert all(word in words for word in text.split())
    assert ("actors" in plain.splitlines()[0]) == (width == "140")


def test_claims_composes_with_cut_and_sort() -> None:
    _, rows, _ = claims("--min-grade", "C")
    by_grade = sorted((row[2], row[0]) for row in rows)
    assert by_grade[0] == ("B1", "berths-doubled") and by_grade[-1][0].startswith("C")


def test_hostile_text_stays_on_its_line() -> None:
    hostile = ("--no-bundled", "--corpus", str(CORPORA / "hostile"))
    result = run(*hostile, "claims")
    assert "\x1b" not in result.stdout
    assert all(len(line.split("\t")) == 8 for line in result.stdout.splitlines())


# -- timeline ------------------------------------------------------------------------------


def test_timeline_orders_by_start_and_counts_the_undated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = run(*ANALYST, "timeline", "harbour").stdout
    dates = [line for line in out.splitlines() if line[:1].isdigit()]
    assert dates == ["1950/1953", "2018/2020", "2019-05", "2020", "2021/2030", "2021-06-30"]
    assert "undated" not in out
    import shutil

    corpus = tmp_path / "analyst"
    shutil.copytree(CORPORA / "analyst", corpus)
    harbour = corpus / "harbour.toml"
    harbour.write_text(harbour.read_text().replace('date = "1950/1953"\n', ""))
    result = run("--no-bundled", "--corpus", str(corpus), "timeline", "harbour")
    assert "(1 undated claim not shown)" in result.stdout
    assert "1950/1953" not in result.stdout


def test_timeline_of_an_actor_a_source_and_a_minimum() -> None:
    union = run(*ANALYST, "timeline", "union", "-f", "json")
    data = json.loads(union.stdout)
    assert data["of"] == {"kind": "actor", "id": "fishers-union", "title": "Fishers' Union"}
    assert [e["date"] for e in data["events"]] == ["2020"]
    wire = json.loads(run(*ANALYST, "timeline", "wire-note", "-f", "json").stdout)
    assert [e["claim"]["id"] for e in wire["events"]] == ["road-delayed"]
    good = json.loads(run(*ANALYST, "timeline", "--min-grade", "B2", "-f", "json").stdout)
    assert [e["claim"]["id"] for e in good["events"]] == ["volumes-rose", "berths-doubled"]
    numbers = [r["number"] for r in good["references"]]
    assert numbers == list(range(1, len(numbers) + 1))


def test_timeline_shows_quotes_only_when_asked() -> None:
    quote = "container volumes rose by a third"
    assert quote not in run(*ANALYST, "timeline").stdout
    assert quote in run(*ANALYST, "timeline", "--quotes").stdout


def test_timeline_of_an_unknown_name_suggests() -> None:
    result = run(*ANALYST, "timeline", "harbor")
    assert result.exit_code == 1 and "did you mean 'harbour'" in result.stderr


# -- show --min-grade ----------------------------------------------------------------------


def test_show_min_grade_keeps_good_claims_and_renumbers_their_sources() -> None:
    out = run(*ANALYST, "show", "harbour", "--min-grade", "B3").stdout
    assert "Dredging drove the fish from the bay. (with" not in out  # C4: left out
    assert "General" not in out  # every claim of it was below the minimum
    assert "! contradicted by: [alleged] Dredging" in out  # a kept claim's counter stays
    assert '[5] Harbour Traffic Review, "Outlook"' in out and "[6]" not in out
    data = json.loads(run(*ANALYST, "show", "harbour", "--min-grade", "B3", "-f", "json").stdout)
    used = {r for s in data["sections"] for c in s["claims"] for r in c["refs"]}
    used |= {
        r
        for s in data["sections"]
        for c in s["claims"]
        for x in c["contested_by"]
        for r in x["refs"]
    }
    assert used == {r["number"] for r in data["references"]}


def test_show_min_grade_on_a_format_1_corpus_keeps_nothing_graded() -> None:
    result = run(
        "--no-bundled", "--corpus", str(CORPORA / "mini"), "show", "security", "--min-grade", "F6"
    )
    assert result.exit_code == 0 and "No claims yet." not in result.stdout
    assert "No claims graded F6 or better (" in result.stdout  # ungraded: none meets it


def test_a_minimum_that_keeps_no_claim_says_so_not_no_claims_yet() -> None:
    """``show human-rights --min-grade A1``: its five claims are graded lower; it said
    "No claims yet.", as though the topic had none."""
    said = "No claims graded A1 or better (5 below it or ungraded)."
    shown = run("show", "human-rights", "--min-grade", "A1")
    assert shown.exit_code == 0 and said in shown.stdout and "No claims yet" not in shown.stdout
    assert f"*{said}*" in run("show", "human-rights", "--min-grade", "A1", "-f", "markdown").stdout
    assert said not in run("show", "human-rights", "--min-grade", "D").stdout
    dated = run("timeline", "economy", "--min-grade", "A1")  # said "No dated claims."
    assert "No dated claims graded A1 or better (1 below it or ungraded)." in dated.stdout
    assert "No dated claims." in run("timeline", "nuclear", "--min-grade", "A1").stdout


@pytest.mark.parametrize("point", ["\u0661\u0669\u0665\u0663", "1953-\u0660\u0663"])
def test_since_takes_ascii_digits_only_as_a_date_does(point: str) -> None:
    """As a claim's date: other scripts' digits matched the pattern, then the window
    came out as ``'١٩٥٣' is after ''``."""
    result = run(*ANALYST, "claims", "--since", point)
    assert result.exit_code == 2
    assert f"--since: {point!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" in result.stderr
