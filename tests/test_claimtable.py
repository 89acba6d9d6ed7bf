"""``brief claims`` in a terminal keeps every claim's words readable at any width."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from brief.render.claimtable import claim_room, claims
from brief.views.claims import ClaimRow, Claims

TEXT = "The harbour opened twelve new berths after the dredging of the outer bay"


def _row(ident: str, grade: str = "", date: str | None = None) -> ClaimRow:
    return ClaimRow(
        ident,
        "reported",
        grade,
        "harbour-expansion-and-its-critics",
        ("port-authority",),
        ("coast-article",),
        date,
        TEXT,
        "Harbour",
        None,
        None,
        None,
        None,
        None,
        None,
        0,
        False,
        None,
    )


def _drawn(view: Claims, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(claims(view, width))
    return out.getvalue().splitlines()


LONG = "strike-causes-driver-pay-fell-nine-percent-in-real-terms"


@pytest.mark.parametrize("width", [30, 40, 60, 80, 90, 100, 120, 140, 200])
@pytest.mark.parametrize("ident", ["short", LONG])
def test_the_claim_keeps_its_words_and_room(width: int, ident: str) -> None:
    lines = _drawn(Claims((_row(ident, "B2"), _row("other")), ()), width)
    header = lines[0].split()
    assert header[0] == "id" and header[-1] == "claim"
    start = lines[0].index("claim")
    assert width - start >= claim_room(width)  # the column, not a sliver of it
    words = " ".join(line[start:] for line in lines[1:]).split()
    assert words == TEXT.split() * 2  # every word of both claims, whole, in order
    assert all(len(line) <= width for line in lines)
    after_id = lines[0].index(header[1])
    assert "".join(line[:after_id].strip() for line in lines[1:]) == ident + "other"  # folded


def test_columns_no_row_fills_take_no_room() -> None:
    header = _drawn(Claims((_row("a"), _row("b")), ()), 100)[0].split()
    assert "grade" not in header and "date" not in header  # none graded or dated
    header = _drawn(Claims((_row("a", "A1", "2001"), _row("b")), ()), 100)[0].split()
    assert "grade" in header and "date" in header


def test_a_word_longer_than_the_column_and_text_without_spaces_fold_whole() -> None:
    # A Japanese claim was cut to one line with an ellipsis at every width.
    japanese = "漁業は浚渫により大きな被害を受けると漁師たちは述べた🐟🐟🐟"
    long_word = "pneumonoultramicroscopicsilicovolcanoconiosis"
    rows = (_row("a")._replace(text=japanese), _row("b")._replace(text=f"{long_word} ok"))
    for width in (40, 80, 160):
        lines = _drawn(Claims(rows, ()), width)
        start = lines[0].index("claim")
        text = "".join(line[start:].strip() for line in lines[1:])
        assert "…" not in text
        assert japanese in text.replace(" ", "") or japanese in text
        assert long_word in text.replace(" ", "")


def test_without_a_status_column_the_claim_opens_with_its_status() -> None:
    # A disputed claim looked like a reported one where the table had no room for status.
    rows = (_row("a")._replace(status="disputed"), _row("b"))
    narrow = _drawn(Claims(rows, ()), 50)
    assert "status" not in narrow[0]
    start = narrow[0].index("claim")
    assert narrow[1][start:].startswith("[disputed] The harbour")
    assert not any("[reported]" in line for line in narrow)
    wide = _drawn(Claims(rows, ()), 100)
    assert "status" in wide[0] and not any("[disputed]" in line for line in wide)
