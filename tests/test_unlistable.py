"""A corpus folder that cannot be listed is said, and the cache does not outlive it.

A trial's project folder, ``chmod 000``, vanished without a word (``validate``: ok), and
once made readable again the cache still answered without it: a ``chmod`` leaves a
folder's modification time, by which the cache tells a folder changed, as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import run, settle

TOPIC = 'format = 1\n[[topics]]\nid = "fire"\ntitle = "The fire"\nsummary = "S."\n'


def _refusing(root: Path) -> Any:
    """``os.scandir`` that cannot list *root* (root may list any folder: no ``chmod``)."""
    real = os.scandir

    def scandir(path: Any = ".") -> Iterator[os.DirEntry[str]]:
        if os.path.realpath(path) == os.path.realpath(root):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    return scandir


def test_a_folder_that_cannot_be_listed_is_said_and_read_again_once_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "fire.toml").write_text(TOPIC)
    settle(project)
    corpus = ("--no-bundled", "--corpus", str(project))
    with monkeypatch.context() as patched:
        patched.setattr(os, "scandir", _refusing(project))
        shown = run(*corpus, "show", "fire")
        assert shown.exit_code == 1
        assert f"{project}/: cannot read: permission denied [BRIEF001]" in shown.stderr
        checked = run("--no-bundled", "validate", str(project))
        assert checked.exit_code == 1 and "cannot read: permission denied" in checked.stdout
    fixed = run(*corpus, "show", "fire")  # the cache written above is not taken as fresh
    assert fixed.exit_code == 0 and "The fire" in fixed.stdout, fixed.stderr
