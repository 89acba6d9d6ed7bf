"""Writing into a corpus without losing a byte: ids, templates, appends, copies, the config.

Every write goes to a temporary file in the same folder, then replaces the file in one
rename, so that a crash or a full disk leaves the old file whole; text is appended
as text (never a TOML round-trip, which would drop the author's comments and layout).
Templates are made from ``schema.FIELDS``, the table the validator checks against.

For authoring commands only: never on the path of ``show``, ``list`` or ``search``.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..core.errors import BriefError
from ..core.model import FORMAT_VERSIONS, SOURCE_KINDS, STATUSES
from ..core.names import normalise
from .grades import FORMAT_2_KEYS, RELATION_KEYS
from .schema import FIELDS

if TYPE_CHECKING:
    from .where import Definition

#: The personal corpus's schema file, written beside its files for TOML editors.
SCHEMA_FILE = "brief.schema.json"
_PLURAL = {"topic": "topics", "actor": "actors", "source": "sources", "claim": "claims"}


def personal_folder() -> str:
    """Where ``brief init`` puts the personal corpus: ``$XDG_DATA_HOME/brief/corpus``."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return os.path.join(base, "brief", "corpus")


# -- ids -----------------------------------------------------------------------------------


_SMALL = frozenset({"a", "an", "the", "of", "to", "in", "on", "and", "or", "is", "are", "by"})


def slug(text: str, words: int = 0) -> str:
    """An id made from *text*: ASCII lowercase words joined by hyphens (first *words*)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [p for p in normalise(folded).split("-") if p]
    if words:
        parts = [p for p in parts if p not in _SMALL][:words] or parts[:words]
    return "-".join(parts)


def fresh_id(base: str, taken: Collection[str]) -> str:
    """*base*, or *base* with the first free ``-2``, ``-3``... when it is taken."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def names_taken(clashes: Mapping[str, tuple[str, Definition]], config: str) -> str:
    """Why ``brief new`` refuses names other entries have: *clashes* gives, for each
    name, its key (``title``, ``alias``...) and the definition that has it.

    One of yours is to be edited or the name changed; one of the bundled corpus cannot
    be edited away (a copy overrides it with the name), and someone writing on another
    subject does not want it: the bundled corpus can be left out (*config* is the
    config file's path), as docs/authoring.md advises.
    """
    from ..core.unsafe import shown_line

    own: list[str] = []
    bundled: list[str] = []
    keys: set[str] = set()  # the keys of the names the bundled corpus has
    for name, (what, found) in clashes.items():
        said = f"the {what} {name!r} already names the {found.kind} {found.id!r} at {found}"
        if found.bundled:
            bundled.append(said)
            keys.add(what)
        else:
            own.append(said)
    out: list[str] = []
    if own:
        who = "them" if len(own) > 1 else "it"
        out.append(f"{'; '.join(own)} (edit {who} with 'brief edit', or choose another)")
    if bundled:
        are = "they are" if len(bundled) > 1 else "it is"
        key = keys.pop() if len(keys) == 1 else ""
        fix = "choose others" if len(bundled) > 1 else _FIX.get(key, f"choose another {key}")
        out.append(
            f"{'; '.join(bundled)} ({are} in the bundled corpus: {fix}, or leave the bundled "
            f"corpus out with 'bundled = false' in {shown_line(config)}, or --no-bundled on "
            "one command)"
        )
    return "; ".join(out)


#: How to give another id, made from the title (``id``) or given.
_FIX = {"id": "give another id with --id", "--id": "choose another --id"}


# -- TOML text -----------------------------------------------------------------------------


def toml_string(value: str) -> str:
    """*value* as a TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append(ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _array(values: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


_HINTS = {
    ("sources", "kind"): "one of: " + ", ".join(SOURCE_KINDS),
    ("claims", "status"): "one of: " + ", ".join(STATUSES) + " (default reported)",
    ("sources", "date"): "2024-03-01, or a year: 2024",
}


def _blank(kind: str, key: str) -> str:
    """An empty value of the key's type: validation says what still needs filling in."""
    words = FIELDS[kind][key].type
    if words.startswith("integer"):
        return "0"  # of the right type: validation says it is out of range until set
    if words == "array of citations":
        return citation_text({"source": "", "section": ""})
    if words.startswith("array"):
        return "[]"
    return '""'


def citation_text(cite: dict[str, str]) -> str:
    """A citation as an inline table: ``[{ source = "s", section = "X" }]``."""
    inner = ", ".join(f"{key} = {toml_string(value)}" for key, value in cite.items())
    return f"[{{ {inner} }}]"


def entry_text(
    kind: str,
    values: Mapping[str, str | Sequence[str]],
    raw: Mapping[str, str] | None = None,
    version: int = FORMAT_VERSIONS[-1],
) -> str:
    """A ``[[kind]]`` table: *values* as given (*raw* ones already TOML), other required
    keys blank, optional ones commented out; keys in the order of ``FIELDS`` (and of
    docs/format.md). For a file of format 1 (*version*), no key format 2 brought in is
    offered: uncommented, it would be a problem there."""
    plural = _PLURAL[kind]
    lines = [f"[[{plural}]]"]
    newer = set() if version >= 2 else {*FORMAT_2_KEYS[plural], *RELATION_KEYS}
    for key, field in FIELDS[plural].items():
        if key in newer and key not in values and not (raw and key in raw):
            continue
        if raw and key in raw:
            lines.append(f"{key} = {raw[key]}")
            continue
        if key in values:
            value = values[key]
            text = toml_string(value) if isinstance(value, str) else _array(value)
            lines.append(f"{key} = {text}")
            continue
        hint = _HINTS.get((plural, key)) or (
            f"one of: {', '.join(field.choices)}" if field.choices else field.type
        )
        line = f"{key} = {_blank(plural, key)}"
        lines.append(f"{line}  # {hint}" if field.required else f"# {line}  # {hint}")
    return "\n".join(lines) + "\n"


_FORMAT_LINE = re.compile(rb"^[ \t]*format[ \t]*=[ \t]*(\d+)[ \t]*(?:#.*)?$", re.M)


def declared_format(data: bytes | None) -> int:
    """The format a corpus file's text declares (``format = N``, before its first table);
    the newest for a file not written yet, or one that does not say."""
    if data:
        head = data.split(b"\n[", 1)[0]
        found = _FORMAT_LINE.search(head)
        if found:
            return int(found.group(1))
    return FORMAT_VERSIONS[-1]


def file_header(schema: str | None) -> str:
    """The first lines of a new corpus file: the schema line for editors, the format."""
    first = f"#:schema {schema}\n" if schema else ""
    return f"{first}format = {FORMAT_VERSIONS[-1]}\n"


def schema_reference(root: str, path: str) -> str | None:
    """The ``#:schema`` path of *root*'s schema file as seen from *path*, if it exists."""
    schema = os.path.join(root, SCHEMA_FILE)
    if not os.path.exists(schema):
        return None
    rel = os.path.relpath(schema, os.path.dirname(os.path.abspath(path))).replace(os.sep, "/")
    return rel if rel.startswith("../") else f"./{rel}"


# -- writing -------------------------------------------------------------------------------


class WriteError(BriefError):
    """A file that cannot be written."""


def read_exact(path: str) -> bytes | None:
    """The bytes of *path*, or None when there is no such file."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(f"{path}: cannot read: {exc.strerror}") from None


def write_exact(path: str, data: bytes) -> None:
    """Make *path* hold exactly *data*: a temporary file in its folder, then a rename.

    The file keeps its mode; a new one gets the mode any program's new file gets (0666
    less the umask), not the temporary file's private 0600.
    """
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        mode = os.stat(path).st_mode & 0o7777 if os.path.exists(path) else _new_file_mode()
        fd, temp = tempfile.mkstemp(prefix=".brief-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(temp, mode)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror}") from None


def _new_file_mode() -> int:
    """0666 less the process's umask, which can only be read by setting it."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def restore(path: str, before: bytes | None) -> None:
    """Put *path* back as it was: *before* exactly, or no file when there was none."""
    if before is None:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise WriteError(f"{path}: cannot remove: {exc.strerror}") from None
    else:
        write_exact(path, before)


def append_entry(path: str, text: str, header: str) -> int:
    """Append *text* to *path* (*header* first when the file is new); the line it starts on.

    The existing bytes are kept exactly; only a final newline and a blank line are
    added before the new entry.
    """
    before = read_exact(path) or b""
    if not before:
        data = (header + "\n" + text).encode()
    else:
        sep = b"\n" if before.endswith(b"\n") else b"\n\n"
        data = before + sep + text.encode()
    write_exact(path, data)
    return data.count(b"\n", 0, len(data) - len(text.encode())) + 1


_NEXT_TABLE = re.compile(r"^[ \t]*\[", re.M)


def entry_block(data: bytes, line: int) -> str:
    """The text of the entry whose header is on *line*: up to the next table header."""
    text = data.decode("utf-8", "replace")
    lines = text.splitlines(keepends=True)
    start = line - 1
    end = start + 1
    while end < len(lines) and not _NEXT_TABLE.match(lines[end]):
        end += 1
    return "".join(lines[start:end]).rstrip() + "\n"
