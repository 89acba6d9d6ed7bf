"""``brief claims`` in a terminal keeps every claim's words readable at any width."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from brief.render.claimtable import WIDE, claim_room, claims
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


@pytest.mark.parametrize("width", [140, 160, 200, 260])
@pytest.mark.parametrize("ident", ["short", LONG])
def test_the_claim_keeps_its_words_and_room(width: int, ident: str) -> None:
    lines = _drawn(Claims((_row(ident, "B2"), _row("other")), ()), width)
    if lines[-1].startswith("Not shown"):
        lines = lines[:-2]  # the note of what the table leaves out, after a blank line
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
    header = _drawn(Claims((_row("a"), _row("b")), ()), 160)[0].split()
    assert "grade" not in header and "date" not in header  # none graded or dated
    header = _drawn(Claims((_row("a", "A1", "2001"), _row("b")), ()), 160)[0].split()
    assert "grade" in header and "date" in header


def test_a_word_longer_than_the_column_and_text_without_spaces_fold_whole() -> None:
    # A Japanese claim was cut to one line with an ellipsis at every width.
    japanese = "漁業は浚渫により大きな被害を受けると漁師たちは述べた🐟🐟🐟"
    long_word = "pneumonoultramicroscopicsilicovolcanoconiosis"
    rows = (_row("a")._replace(text=japanese), _row("b")._replace(text=f"{long_word} ok"))
    for width in (40, 80, 160):
        lines = _drawn(Claims(rows, ()), width)
        start = lines[0].index("claim") if width >= WIDE else 0
        text = "".join(line[start:].strip() for line in lines[1:])
        assert "…" not in text
        assert japanese in text.replace(" ", "") or japanese in text
        assert long_word in text.replace(" ", "")


def test_a_card_opens_its_words_with_a_status_other_than_reported() -> None:
    # A disputed claim looked like a reported one where the table had no room for status.
    rows = (_row("a")._replace(status="disputed"), _row("b"))
    narrow = _drawn(Claims(rows, ()), 50)
    assert narrow[1].startswith("  [disputed] The harbour")
    assert not any("[reported]" in line for line in narrow)
    wide = _drawn(Claims(rows, ()), 160)
    assert "status" in wide[0] and not any("[disputed]" in line for line in wide)


@pytest.mark.parametrize("width", [30, 40, 60, 80, 100, 120, 139])
@pytest.mark.parametrize("ident", ["short", LONG])
def test_below_wide_each_claim_is_a_card_that_leaves_nothing_out(width: int, ident: str) -> None:
    """A trial at 40 columns met ids folded mid-word over a sliver of text, and no
    actors or sources: a card gives the id whole, the words at the width, and the rest."""
    lines = _drawn(Claims((_row(ident, "B2", "2001"), _row("other")), ()), width)
    assert all(len(line) <= width for line in lines)
    first, second = "\n".join(lines).split("\n\n")  # a blank line between two cards
    head = "".join(line for line in first.splitlines() if not line.startswith("  "))
    assert head.startswith(ident) and head.replace(" ", "").endswith("B22001")  # not cut
    body = [line.strip() for line in first.splitlines() if line.startswith("  ")]
    words = " ".join(body).split()
    assert words[: len(TEXT.split())] == TEXT.split()  # every word, whole, in order
    meta = "".join(words[len(TEXT.split()) :])  # a topic id longer than the width folds
    assert meta == "inharbour-expansion-and-its-critics·aboutport-authority·citingcoast-article"
    assert second.splitlines()[0] == "other"
    assert not any(line.strip().startswith(("id ", "claim")) for line in lines)  # no header


def test_the_table_names_the_columns_it_leaves_out() -> None:
    """A long id leaves the claim too little room: the columns that go are named, once;
    with room for every column, nothing is said."""
    rows = (_row(LONG, "B2"), _row("b"))
    squeezed = _drawn(Claims(rows, ()), 140)
    assert squeezed[-1].startswith("Not shown at this width: ")
    assert squeezed[-1].endswith(" (-f plain or json gives every column).")
    assert "sources" in squeezed[-1] and squeezed[-2] == ""
    roomy = _drawn(Claims(rows, ()), 260)
    assert "actors" in roomy[0] and not any(line.startswith("Not shown") for line in roomy)


def test_the_table_gives_its_columns_in_the_order_of_the_piped_rows() -> None:
    """A trial wrote ``cut -f`` from the table it saw: the date was fourth there and
    seventh in the rows ``claims`` prints into a pipe."""
    from brief.render.plain import claims as rows

    view = Claims((_row("berths", "B2", "2021-06-30"),), ())
    piped = rows(view).rstrip("\n").split("\t")
    header = _drawn(view, 300)[0].split()
    cells = _drawn(view, 300)[1]
    assert header == ["id", "status", "grade", "topic", "actors", "sources", "date", "claim"]
    places = [cells.index(field) for field in piped]  # each piped field, where drawn
    assert places == sorted(places)
