"""Which editor to run, and how to open it at a line, as git and cheat choose it.

``$VISUAL``, then ``$EDITOR``, then the system's ``editor``, ``nano`` or ``vi``. The
variables may hold arguments (``code --wait``); each common editor is told the line
its own way.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

from ..core.errors import BriefError

_PLUS = {"vi", "vim", "nvim", "gvim", "view", "nano", "pico", "emacs", "emacsclient", "hx", "kak"}
_COLON = {"micro", "subl", "sublime_text"}
_GOTO = {"code", "code-insiders", "codium", "vscodium", "cursor"}
_WAIT = {"code": "--wait", "code-insiders": "--wait", "codium": "--wait", "subl": "--wait"}


class EditorError(BriefError):
    """The editor cannot be run."""


def editor() -> list[str]:
    """The editor command, split into words (``$VISUAL``, ``$EDITOR``, a default)."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as exc:
                raise EditorError(f"${var}: cannot read {value!r}: {exc}") from None
    if not _terminal():  # a terminal editor would fail, leaving what it was given as it is
        raise EditorError("no terminal for an editor: set $VISUAL or $EDITOR")
    for name in ("editor", "nano", "vi"):
        if shutil.which(name):
            return [name]
    raise EditorError("no editor found: set $VISUAL or $EDITOR")


def _terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # closed
        return False


def at_line(command: list[str], path: str, line: int) -> list[str]:
    """*command* opening *path* at *line*, in the way its editor takes a line number."""
    name = os.path.basename(command[0]).removesuffix(".exe")
    if name in _WAIT and not {"-w", "--wait"} & set(command):
        command = [*command, _WAIT[name]]  # else it returns at once, before the edit
    if name in _PLUS:
        return [*command, f"+{line}", path]
    if name in _GOTO:
        return [*command, "-g", f"{path}:{line}"]
    if name in _COLON:
        return [*command, f"{path}:{line}"]
    return [*command, path]


def run_editor(path: str, line: int) -> int:
    """Open *path* at *line*, wait for the editor to exit, and give its exit status."""
    command = at_line(editor(), path, line)
    try:
        return subprocess.run(command, check=False).returncode
    except OSError as exc:
        raise EditorError(
            f"cannot run the editor {command[0]!r}: {exc.strerror} (set $VISUAL or $EDITOR)"
        ) from None
