"""Which editor to run, and how to open it at a line, as git and cheat choose it.

``$VISUAL``, then ``$EDITOR``, then the system's ``editor``, ``nano`` or ``vi``. The
variables may hold arguments (``code --wait``); each common editor is told the line
its own way, and one run by another name (Debian's ``editor``, a link to the system's
choice, ``vim.basic`` say) is told it as the editor that name links to.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

from ..core.errors import BriefError

_PLUS = {"vi", "vim", "nvim", "gvim", "view", "nano", "pico", "emacs", "emacsclient", "hx", "kak"}
_COLON = {"micro", "subl", "sublime_text"}
_GOTO = {"code", "code-insiders", "codium", "vscodium", "cursor"}
_WAIT = {"code": "--wait", "code-insiders": "--wait", "codium": "--wait", "subl": "--wait"}

#: The endings of an editor's build that is told the line as the editor is: Debian's
#: ``vim.basic``, ``vim.tiny``, ``vim.gtk3``, ``emacs-nox``, ``emacs-gtk``.
_BUILD = re.compile(r"[.-](?:basic|tiny|nox|gtk\d?|pgtk|lucid|athena)$")


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
        raise EditorError(
            "no editor to open: not in a terminal, and neither $VISUAL nor $EDITOR is set "
            "(set one; 'brief new' also takes --set KEY=VALUE and --no-edit)"
        )
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
    name = _name(command[0])
    if name in _WAIT and not {"-w", "--wait"} & set(command):
        command = [*command, _WAIT[name]]  # else it returns at once, before the edit
    if name in _PLUS:
        return [*command, f"+{line}", path]
    if name in _GOTO:
        return [*command, "-g", f"{path}:{line}"]
    if name in _COLON:
        return [*command, f"{path}:{line}"]
    return [*command, path]


def _name(word: str) -> str:
    """The name of the editor *word* runs, as :func:`at_line` knows editors: its own, or,
    when no editor is known by it (``editor``, Debian's alternative), that of the file
    it links to, if one is."""
    name = _BUILD.sub("", os.path.basename(word).removesuffix(".exe"))
    if name in _PLUS | _COLON | _GOTO:
        return name
    found = shutil.which(word)
    if found is None:
        return name
    real = _BUILD.sub("", os.path.basename(os.path.realpath(found)).removesuffix(".exe"))
    return real if real in _PLUS | _COLON | _GOTO else name


def run_editor(path: str, line: int) -> int:
    """Open *path* at *line*, wait for the editor to exit, and give its exit status."""
    command = at_line(editor(), path, line)
    try:
        return subprocess.run(command, check=False).returncode
    except OSError as exc:
        raise EditorError(
            f"cannot run the editor {command[0]!r}: {exc.strerror} (set $VISUAL or $EDITOR)"
        ) from None
