"""The docs stay true: their example corpora validate and render."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import run

DOCS = Path(__file__).parents[1] / "docs"


def corpus_blocks(text: str) -> dict[str, str]:
    """TOML blocks that start with a ``# folder/file.toml`` comment, by file name."""
    files: dict[str, str] = {}
    for block in re.findall(r"```toml\n(.*?)```", text, re.S):
        first, _, rest = block.partition("\n")
        if first.startswith("# ") and first.endswith(".toml") and "config" not in first:
            files[first[2:].split("/")[-1]] = rest
        elif files and not first.startswith("# ") and "[[claims]]" in block:
            last = list(files)[-1]
            files[last] += "\n" + block  # a continuation of the file above
    return files


def test_authoring_guide_example_is_a_valid_corpus(tmp_path: Path) -> None:
    files = corpus_blocks((DOCS / "authoring.md").read_text())
    assert set(files) == {"sources.toml", "actors.toml", "shipping.toml"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = run("--no-bundled", "validate", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    shown = run("--no-bundled", "-c", str(tmp_path), "show", "northern sea route")
    assert "! contradicted by" in shown.stdout
    assert "[assessment] The northern route will be open" in shown.stdout


def test_format_reference_example_is_a_valid_corpus(tmp_path: Path) -> None:
    files = corpus_blocks((DOCS / "format.md").read_text())
    assert list(files) == ["arctic.toml"]
    (tmp_path / "arctic.toml").write_text(files["arctic.toml"])
    result = run("--no-bundled", "validate", str(tmp_path))
    assert (result.exit_code, result.stderr) == (0, "ok: 1 file checked, no problems\n")


def test_every_problem_code_is_documented() -> None:
    from brief.core import diagnostics

    codes = {v for k, v in vars(diagnostics).items() if k.isupper() and v.startswith("BRIEF")}
    documented = set(re.findall(r"`(BRIEF\d{3})`", (DOCS / "format.md").read_text()))
    assert codes == documented


def test_readme_sample_is_what_brief_prints() -> None:
    """The README's first sample is real output (piped, 80 columns), kept in step."""
    readme = (DOCS.parent / "README.md").read_text()
    start = readme.index("$ brief show sanctions | head -20\n") + len(
        "$ brief show sanctions | head -20\n"
    )
    sample = readme[start : readme.index("```", start)]
    out = run("show", "sanctions").stdout
    assert sample == "".join(out.splitlines(keepends=True)[:20])
