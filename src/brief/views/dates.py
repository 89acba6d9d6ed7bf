"""Claim dates (format 2) as spans of days, for ordering and for ``--since``/``--until``.

A claim's date is a day, a month, a year, or a range ``start/end`` of those. Each is
read as the span of days it covers: ``2020`` is 2020-01-01 to 2020-12-31, ``2019-05``
the whole of May 2019, ``1950/1953`` the first day of 1950 to the last of 1953. A
window (``--since 2020 --until 2021-06``) is read the same way, and a claim is in it
when the two spans overlap: some part of what it dates falls within the window.

Days are kept as ``YYYY-MM-DD`` strings, which sort as dates; an end is padded with
``-12`` and ``-31``, which sorts after every real day of its month or year.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..core.days import calendar_problem

_POINT = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits: not '١٩٥٣'


class Span(NamedTuple):
    """The days a date covers, both ends included."""

    first: str
    """Its first day, ``YYYY-MM-DD``."""
    last: str
    """Its last day (padded: ``1953-12-31``, ``2019-05-31``)."""

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share a day."""
        return self.first <= other.last and other.first <= self.last


#: A window open at both ends: every dated claim is in it.
EVERYTHING = Span("0000-00-00", "9999-99-99")


def _ends(point: str) -> tuple[str, str]:
    found = _POINT.match(point.strip())
    if not found:
        raise ValueError(f"{point.strip()!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = found.groups()
    why = calendar_problem(point.strip())
    if why is not None:
        raise ValueError(why)
    first = f"{year}-{month or '01'}-{day or '01'}"
    last = f"{year}-{month or '12'}-{day or '31'}"
    return first, last


def span(date: str) -> Span:
    """The days *date* covers: a day, a month, a year, or a range ``A/B`` of those.

    Raises ``ValueError`` saying why *date* is not one.
    """
    start, _, end = date.partition("/")
    first, last = _ends(start)
    if end:
        last = _ends(end)[1]
    if last < first:
        raise ValueError(f"{date!r} ends before it starts")
    return Span(first, last)


def window(since: str | None, until: str | None) -> Span:
    """The days from the start of *since* to the end of *until* (either may be open)."""
    first = span(since).first if since is not None else EVERYTHING.first
    last = span(until).last if until is not None else EVERYTHING.last
    if last < first:
        raise ValueError(f"{(since or '').strip()!r} is after {(until or '').strip()!r}")
    return Span(first, last)
