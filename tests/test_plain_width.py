"""Plain text keeps to its width: a heading longer than a line wraps, underlined to fit."""

from __future__ import annotations

from pathlib import Path

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


def test_search_results_and_empty_comparison_columns_keep_to_the_width(tmp_path: Path) -> None:
    long_title = "Harbour Authority Annual Report 2023: Expansion, Dredging and the Future of Quays"
    (tmp_path / "a.toml").write_text(
        'format = 1\n[[topics]]\nid = "harbour"\ntitle = "Harbour"\nsummary = "Dredging."\n'
        f'[[actors]]\nid = "fishers"\nname = "Fishers"\ndescription = "D."\n'
        f'[[actors]]\nid = "authority"\nname = "{long_title} Board"\ndescription = "D."\n'
        f'[[sources]]\nid = "report"\ntitle = "{long_title}"\nkind = "report"\n'
        '[[claims]]\nid = "c"\ntext = "Dredging harmed fish."\ntopic = "harbour"\n'
        'actors = ["fishers"]\ncites = [{ source = "report" }]\n'
    )
    base = ("--no-bundled", "-q", "-c", str(tmp_path))
    for width in ("80", "40"):
        found = run(*base, "search", "dredging", "-f", "plain", "-w", width).stdout
        lines = found.splitlines()
        assert "  brief show report" in lines  # the command whole, on a line of its own
        assert all(cell_width(line) <= int(width) for line in lines if "brief show" not in line)
        compared = run(*base, "compare", "fishers", "authority", "-f", "plain", "-w", width)
        assert "(nothing on" in compared.stdout or "(no claims on" in compared.stdout
        assert max(cell_width(line) for line in compared.stdout.splitlines()) <= int(width)
