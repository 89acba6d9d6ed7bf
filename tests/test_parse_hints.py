"""A TOML syntax error says how to write the value, where the line shows a common slip."""

from __future__ import annotations

import datetime

import pytest

from brief.core.diagnostics import Diagnostic
from brief.corpus.parse import parse


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("1962-10", 'date = "1962-10"'),
        ("1950/1953  # the war", 'date = "1950/1953"'),
        ("1962-10-22/1962-10-28", 'date = "1962-10-22/1962-10-28"'),
    ],
)
def test_a_bare_partial_date_says_to_quote_it(value: str, hint: str) -> None:
    problem = parse(f'format = 2\n[[claims]]\nid = "c"\ndate = {value}\n'.encode(), "f.toml")
    assert isinstance(problem, Diagnostic)
    assert problem.where.startswith("line 4, column ")
    assert problem.message.endswith(f"(a year, a month or a range goes in quotes: {hint})")


def test_other_syntax_errors_get_no_date_hint() -> None:
    problem = parse(b'format = 2\ntitle = "open\n', "f.toml")
    assert isinstance(problem, Diagnostic) and "quotes:" not in problem.message
    assert parse(b"date = 1962\nday = 1962-10-27\n", "f.toml") == {
        "date": 1962,
        "day": datetime.date(1962, 10, 27),
    }


@pytest.mark.parametrize(
    ("text", "where", "opened"),
    [
        # a new user's missing ]: the parser stops at the next table, two lines on
        (
            '[[topics]]\nid = "w"\ntags = ["a", "b"\n\n[[claims]]\nid = "c"\n',
            "line 5",
            "3, column 8",
        ),
        # brackets in strings and comments are text; the file ends inside the array
        ('[[topics]]\ntags = ["a [x]", # b ]\n  "c"', "line 3", "2, column 8"),
        # a closed inner array is not the open one
        ("a = [1,\n  [2, 3],\n  4\nb = 2\n", "line 4", "1, column 5"),
    ],
)
def test_an_unclosed_array_says_where_it_was_opened(text: str, where: str, opened: str) -> None:
    """The parser finds an array unclosed where the next thing begins, lines after the
    missing ]: the message said only that line."""
    problem = parse(text.encode(), "f.toml")
    assert isinstance(problem, Diagnostic) and problem.where.startswith(f"{where}, column ")
    assert problem.message.endswith(f"(the [ at line {opened} is never closed with ])")


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        # a trial quoted this as told, and met the calendar's error only then
        ("date = 2021-07-32", "('2021-07-32' is not a day: July 2021 has 31)"),
        ("date = 2021-02-29/2021-03-01", "('2021-02-29' is not a day: February 2021 has 28)"),
        # words without quotes: the parser says only "invalid value"
        ("name = Smit Salvage", '(text goes in quotes: name = "Smit Salvage")'),
        ("name = Smit Salvage  # the salvors", '(text goes in quotes: name = "Smit Salvage")'),
        # a string never closed: the parser says "illegal character '\n'"
        ('name = "Smit Salvage', "(the string opened at column 8 has no closing quote)"),
    ],
)
def test_a_slip_a_newcomer_makes_says_how_to_write_it(line: str, hint: str) -> None:
    problem = parse(f'format = 2\n[[actors]]\nid = "s"\n{line}\n'.encode(), "f.toml")
    assert isinstance(problem, Diagnostic) and problem.where.startswith("line 4, column ")
    assert problem.message.endswith(hint), problem.message


@pytest.mark.parametrize(
    "line", ["tags = [a, b]", "x = {a = 1", "n = 12abc", 'a = "b" "c"', 'a = "b #1" c']
)
def test_no_text_hint_where_the_slip_is_another(line: str) -> None:
    problem = parse(f"{line}\n".encode(), "f.toml")
    assert isinstance(problem, Diagnostic)
    assert "text goes in quotes" not in problem.message
    assert "has no closing quote" not in problem.message


def test_a_literal_string_left_open_at_the_end_says_where_it_opened() -> None:
    """The parser finds it at the end of the file, a line on: the hint names the line."""
    problem = parse(b"format = 2\n[[actors]]\nid = 's'\nname = 'Smit Salvage\n", "f.toml")
    assert isinstance(problem, Diagnostic)
    assert problem.message.endswith("(the string opened at line 4, column 8 has no closing quote)")


def test_a_key_set_twice_says_where_it_was_first_set() -> None:
    """A trial uncommented a template's `status` below the one it had set: `cannot
    overwrite a value`, naming neither the key nor its first line."""
    text = 'format = 2\n[[claims]]\nid = "c"\nstatus = "reported"\ntext = "T."\nstatus = ""\n'
    found = parse(text.encode(), "f.toml")
    assert isinstance(found, Diagnostic) and found.where == "line 6, column 12"
    assert found.message == (
        "TOML syntax error: cannot overwrite a value ('status' is set twice in one table, "
        "first at line 4: keep one)"
    )
    other = parse(b'format = 2\n[[claims]]\nid = "c"\n[[claims]]\nid = "d"\nid = "e"\n', "f.toml")
    assert isinstance(other, Diagnostic) and "first at line 5" in other.message  # its own table
