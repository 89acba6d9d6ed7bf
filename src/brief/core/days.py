"""Whether a date written ``YYYY-MM`` or ``YYYY-MM-DD`` names a month and a day there are.

The loader checks a date's shape and then this (``corpus.checkers.date``,
``corpus.grades.claim_date``); ``--since`` and ``--until`` check it too
(``views.dates``). So ``2021-13`` and ``2021-02-29`` are a problem in the file that
writes them, never an error later in a command that reads them.
"""

from __future__ import annotations

__all__ = ["calendar_problem", "in_words"]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def calendar_problem(point: str) -> str | None:
    """Why *point* (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, digits) is not a day, month
    or year of the (proleptic Gregorian) calendar; None when it is one."""
    parts = point.split("-")
    if len(parts) < 2:
        return None
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        return f"{point!r} has no month {parts[1]}"
    if len(parts) == 3:
        leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        days = _DAYS[month - 1] + leap
        if int(parts[2]) == 0:
            return f"{point!r} is not a day: days count from 01"
        if not 1 <= int(parts[2]) <= days:
            return f"{point!r} is not a day: {_MONTHS[month - 1]} {parts[0]} has {days}"
    return None


def in_words(text: str) -> str | None:
    """*text* as the date it writes in words, ``YYYY-MM`` or ``YYYY-MM-DD``: ``Oct
    1962``, ``October 1962``, ``27 Oct 1962``, ``October 27, 1962``; None for anything
    else, a day the calendar has not included (a trial's ``date = "Oct 1962"`` was told
    only the forms a date takes)."""
    import re  # an error path only

    words = re.findall(r"[A-Za-z]+|\d+", text)
    months = [n for n, w in enumerate(words) if w.isalpha()]
    numbers = [w for w in words if w.isdigit()]
    if len(months) != 1 or not 1 <= len(numbers) <= 2 or len(words) != 1 + len(numbers):
        return None
    name = words[months[0]].casefold()
    month = next(
        (n for n, m in enumerate(_MONTHS, 1) if len(name) >= 3 and m.casefold().startswith(name)),
        None,
    )
    year = numbers[-1]
    if month is None or len(year) != 4:
        return None
    if len(numbers) == 1:
        return f"{year}-{month:02d}"
    day = f"{year}-{month:02d}-{int(numbers[0]):02d}"
    return day if calendar_problem(day) is None else None
