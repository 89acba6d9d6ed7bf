"""Plain text keeps to its width: a heading longer than a line wraps, underlined to fit."""

from __future__ import annotations

from rich.cells import cell_len as cell_width

from .conftest import run


def test_a_long_heading_wraps_within_the_width() -> None:
    out = run("compare", "why-china", "china-russia", "-f", "plain").stdout
    lines = out.splitlines()
    assert max(cell_width(line) for line in lines) <= 80
    title, underline = lines[0] + " " + lines[1], lines[2]
    assert (
        title
        == "Why Is China Supporting North Korea vs Why Do China And Russia Support North Korea"
    )
    assert set(underline) == {"="} and len(underline) == cell_width(lines[0])
