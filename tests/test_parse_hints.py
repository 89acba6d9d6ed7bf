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
