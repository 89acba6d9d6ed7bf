"""Adding a folder to the config file's ``corpus`` list, keeping every other byte.

The file is edited as text: the new folder goes into the existing array (or a new
``corpus = [...]`` line at the end), and comments, blank lines, order and other
settings stay exactly as the user wrote them. The result is parsed before it is
written; if it would not read back as intended, nothing is written.
"""

from __future__ import annotations

import os
import re
import sys

from ..core.errors import BriefError
from .authoring import read_exact, toml_string, write_exact

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

_CORPUS = re.compile(r"^[ \t]*corpus[ \t]*=[ \t]*\[", re.M)


class ConfigEditError(BriefError):
    """The config file cannot be edited safely."""


def shown_path(folder: str) -> str:
    """*folder* as the config file lists it: ``~/...`` under the home folder."""
    home = os.path.expanduser("~")
    absolute = os.path.abspath(folder)
    if absolute == home or absolute.startswith(home + os.sep):
        return "~" + absolute[len(home) :]
    return absolute


def add_corpus_folder(config: str, folder: str) -> bool:
    """Add *folder* to the ``corpus`` list of the config file *config* (made if missing).

    False when the list already names it (nothing is written).
    """
    before = read_exact(config)
    text = (before or b"").decode("utf-8")
    here = os.path.dirname(os.path.abspath(config))
    wanted = os.path.abspath(folder)
    listed = _listed(text, config)
    if any(os.path.abspath(os.path.join(here, os.path.expanduser(c))) == wanted for c in listed):
        return False
    after = _with_folder(text, toml_string(shown_path(folder)))
    if _listed(after, config) != [*listed, shown_path(folder)]:
        raise ConfigEditError(
            f"{config}: cannot add to its 'corpus' list safely; add {shown_path(folder)!r} by hand"
        )
    write_exact(config, after.encode("utf-8"))
    return True


def _listed(text: str, config: str) -> list[str]:
    try:
        corpus = tomllib.loads(text).get("corpus", [])
    except tomllib.TOMLDecodeError as exc:
        raise ConfigEditError(f"{config}: {exc}") from None
    if not isinstance(corpus, list) or not all(isinstance(c, str) for c in corpus):
        raise ConfigEditError(f"{config}: corpus: expected an array of folder paths")
    return corpus


def _with_folder(text: str, entry: str) -> str:
    match = _CORPUS.search(text)
    if match is None:
        sep = "" if not text or text.endswith("\n") else "\n"
        return f"{text}{sep}corpus = [{entry}]  # added by 'brief init'\n"
    start = match.end()
    end, last = _scan_array(text, start)
    if last < 0:  # an empty array
        return text[:end] + entry + text[end:]
    comma = "" if text[last] == "," else ","
    line_start = text.rfind("\n", 0, end) + 1
    if text[line_start:end].strip() == "" and line_start > start:  # "]" on a line of its own
        indent = re.match(r"[ \t]*", text[text.rfind("\n", 0, last) + 1 :])
        pad = indent.group(0) if indent else "  "
        body = text[: last + 1] + comma + text[last + 1 : line_start]
        return body + f"{pad}{entry},\n" + text[line_start:]
    return text[: last + 1] + comma + " " + entry + text[last + 1 :]


def _scan_array(text: str, start: int) -> tuple[int, int]:
    """The offset of the ``]`` closing the array opened before *start*, and of its last
    character that is neither blank nor in a comment (-1 when it is empty)."""
    depth, i, last = 1, start, -1
    while i < len(text):
        ch = text[i]
        if ch == "#":
            i = _line_end(text, i)
            continue
        if ch in "\"'":
            i = _string_end(text, i)
            last = i - 1
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i, last
        if not ch.isspace():
            last = i
        i += 1
    raise ConfigEditError("the 'corpus' array is not closed")


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _string_end(text: str, i: int) -> int:
    """The offset just after the string starting at *i* (basic, literal, multi-line)."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        while quote == '"' and end > 0 and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        return len(text) if end < 0 else end + 3
    j = i + 1
    while j < len(text) and text[j] != quote:
        j += 2 if quote == '"' and text[j] == "\\" else 1
    return j + 1


def _escaped(text: str, i: int) -> bool:
    n = 0
    while i - n - 1 >= 0 and text[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1
