"""Whether a date written ``YYYY-MM`` or ``YYYY-MM-DD`` names a month and a day there are.

The loader checks a date's shape and then this (``corpus.checkers.date``,
``corpus.grades.claim_date``); ``--since`` and ``--until`` check it too
(``views.dates``). So ``2021-13`` and ``2021-02-29`` are a problem in the file that
writes them, never an error later in a command that reads them.
"""

from __future__ import annotations

__all__ = ["calendar_problem"]

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
