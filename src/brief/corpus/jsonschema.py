r"""The corpus format as a JSON Schema (draft 2020-12), for TOML editors.

Taplo (Even Better TOML) and Tombi read it to complete keys and status values and to
flag typos while one types. It is generated from ``schema.FIELDS``, the table the
validator checks against, and from its checks' own rules (how a choice may be written,
the days of the calendar, the keys only format 2 has), so that it takes what ``brief
validate`` takes; tests check that, value by value and file by file, and that it takes
the bundled corpus.

What a schema cannot say is left to ``brief validate``: references between entries, a
range that ends before it starts, and a float for an integer (JSON does not tell
``1854.0`` from ``1854``). Its patterns are what ECMA-262 (JSON Schema's dialect), Rust's
``regex`` (Taplo, Tombi) and Python's ``re`` read alike. So a letter whose case is
forgiven is a class (``[Ss]``), as ``(?i)`` is not ECMA-262's; and a space is ``\s``,
each dialect's own, which differ from what the loader forgives only in control
characters (``\v``, ``\u2028``: the loader makes them visible, and then refuses them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core.model import FORMAT_VERSIONS
from ..core.names import ID_PATTERN
from ..core.relations import RELATIONS
from .grades import FORMAT_2_CITATION_KEYS, FORMAT_2_KEYS, RELATION_KEYS
from .schema import FIELDS, Field

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ID = {"type": "string", "pattern": "^" + ID_PATTERN.pattern.removesuffix(r"\Z") + "$"}
_TEXT = {"type": "string", "pattern": r"\S"}
_CITATION = {
    "type": "object",
    "description": "A source, and the section of it cited when the source has sections.",
    "properties": {
        "source": {**_ID, "description": "a source id"},
        "section": _TEXT,
        "quote": {**_TEXT, "description": "format 2: the exact words that back the claim"},
        "locator": {**_TEXT, "description": "format 2: page, paragraph, minute"},
    },
    "required": ["source"],
    "additionalProperties": False,
}

# The dates ``brief validate`` takes (``checkers.date``, ``grades.claim_date``, with
# ``core.days.calendar_problem``): a year, a month of it, or a day the calendar has,
# February 29 in leap years only (every fourth year, but of the centuries only every
# fourth: 1600, 2000). Space around a date is forgiven, as around any text.
_YEAR = "[0-9]{4}"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY = (
    f"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    f"|{_LEAP_YEAR}-02-29)"
)
_POINT = rf"\s*(?:{_DAY}|{_YEAR}(?:-(?:0[1-9]|1[0-2]))?)\s*"
_DATE = {
    "anyOf": [
        {"type": "string", "pattern": f"^{_POINT}$"},
        {"type": "integer", "minimum": 1000, "maximum": 9999},
        # a TOML date (1953-07-27, unquoted), which JSON has not: Taplo gives it as the
        # string the first takes, Tombi takes it only for a string of format "date"
        {"type": "string", "format": "date", "pattern": f"^{_DAY}$"},
    ]
}

#: What each type, in the words of ``Field.type``, is in JSON Schema; and for id types,
#: which kind's ids ``--ids`` suggests.
TYPES: dict[str, tuple[dict[str, Any], str]] = {
    "id string": (_ID, ""),
    "string": (_TEXT, ""),
    "array of strings": ({"type": "array", "items": _TEXT}, ""),
    "string or TOML date": (_DATE, ""),
    "topic id": (_ID, "topics"),
    "array of topic ids": ({"type": "array", "items": _ID}, "topics"),
    "array of actor ids": ({"type": "array", "items": _ID}, "actors"),
    "array of claim ids": ({"type": "array", "items": _ID}, "claims"),
    "path to a text file": (_TEXT, ""),
    "integer 1-6": ({"type": "integer", "minimum": 1, "maximum": 6}, ""),
    "actor id or string": (_TEXT, "actors"),
    "date, year or range": (
        # a range ending before it starts is left to ``brief validate``
        {"anyOf": [*_DATE["anyOf"], {"type": "string", "pattern": f"^{_POINT}/{_POINT}$"}]},
        "",
    ),
    "relation": (
        {
            "type": "string",
            "description": "format 2: actors[0] (or each of relation_from) <relation> "
            "each other actor (or each of relation_to); "
            + "; ".join(f"{r.name}: {r.meaning}" for r in RELATIONS),
        },
        "",
    ),
    "array of citations": (
        {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/citation"}},
        "sources",
    ),
}


def json_schema(ids: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """The schema of one corpus file; with *ids* (by kind), those ids as suggestions."""
    defs: dict[str, Any] = {"citation": _with_ids(_CITATION, ids, "sources")}
    properties: dict[str, Any] = {
        "format": {"enum": list(FORMAT_VERSIONS), "description": "The format version."}
    }
    for kind, fields in FIELDS.items():
        newer = _format_2_keys(kind)
        defs[kind] = {
            "type": "object",
            "properties": {
                key: _property(field, ids, key in newer) for key, field in fields.items()
            },
            "required": [key for key, field in fields.items() if field.required],
            "additionalProperties": False,
        }
        properties[kind] = {"type": "array", "items": {"$ref": f"#/$defs/{kind}"}}
    return {
        "$schema": DRAFT,
        "$id": "urn:brief:corpus:format-" + str(FORMAT_VERSIONS[-1]),
        "title": "brief corpus file",
        "description": "One TOML file of a brief corpus (see docs/format.md).",
        "type": "object",
        "properties": properties,
        "required": ["format"],
        "additionalProperties": False,
        **_format_1_refuses(),
        "$defs": defs,
    }


def _format_2_keys(kind: str) -> tuple[str, ...]:
    """The keys of *kind* that a format-1 file may not have: ``BRIEF016``, and for a
    claim's relation ``BRIEF021``."""
    return (*FORMAT_2_KEYS[kind], *(RELATION_KEYS if kind == "claims" else ()))


#: An object schema open to keys it does not name. Tombi reads one that does not say
#: so as closed (its strict mode), so each of the conditions below says so.
_OPEN = {"additionalProperties": True}


def _format_1_refuses() -> dict[str, Any]:
    """``if``/``then``: in a file that says ``format = 1``, each key only format 2 has
    is refused, where ``brief validate`` refuses it (an entry's, a citation's)."""
    refused: dict[str, Any] = {}
    for kind in FIELDS:
        keys: dict[str, Any] = dict.fromkeys(_format_2_keys(kind), False)
        if kind == "claims":
            cite = {"properties": dict.fromkeys(FORMAT_2_CITATION_KEYS, False), **_OPEN}
            keys["cites"] = {"items": cite}
        if keys:
            refused[kind] = {"items": {"properties": keys, **_OPEN}}
    older = [version for version in FORMAT_VERSIONS if version < 2]
    return {
        "if": {"properties": {"format": {"enum": older}}, "required": ["format"], **_OPEN},
        "then": {"properties": refused, **_OPEN},
    }


def _property(
    field: Field, ids: Mapping[str, Sequence[str]] | None, newer: bool = False
) -> dict[str, Any]:
    """The schema of one key; *newer*: a key only format 2 has, which its description
    says (the reason a format-1 file's is refused)."""
    shape, kind = TYPES[field.type]
    out = {**shape, "description": field.type}
    if field.choices:
        words = shape.get("description") or "one of: " + ", ".join(field.choices)
        out = {"anyOf": [{"enum": list(field.choices)}, _written(field)], "description": words}
    if newer and not out["description"].startswith("format 2"):
        out["description"] = "format 2: " + out["description"]
    if kind and kind != "sources":
        out = _with_ids(out, ids, kind)
    return out


#: By what a key's check forgives (``Field.forgives``): what may part the words of one of
#: its choices, and what may stand around it.
_PARTS = {"": ("", r"\s*"), "case": (r"\s+", r"\s*"), "separators": (r"[-_\s]+", r"[-_\s]*")}


def _written(field: Field) -> dict[str, Any]:
    """The ways of writing one of *field*'s choices that ``brief validate`` takes; the
    ``enum`` beside it is what editors complete. The choices are letters, digits, spaces
    and hyphens (a test checks), which a pattern reads as themselves."""
    between, around = _PARTS[field.forgives]
    names = field.choices
    if field.forgives:
        parted = (c.replace("-", " ") if field.forgives == "separators" else c for c in names)
        names = tuple(between.join(_either_case(w) for w in c.split()) for c in parted)
    return {"type": "string", "pattern": f"^{around}(?:{'|'.join(names)}){around}$"}


def _either_case(word: str) -> str:
    """*word* as a pattern of it in either case, letter by letter: ``[Ss][Hh]``."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


def _with_ids(
    shape: dict[str, Any], ids: Mapping[str, Sequence[str]] | None, kind: str
) -> dict[str, Any]:
    """*shape* suggesting the corpus's ids of *kind* (as ``examples``, never a limit:
    an entry may name one not written yet)."""
    if not ids or not ids.get(kind):
        return shape
    examples = sorted(ids[kind])
    if shape.get("type") == "array" and "$ref" not in shape["items"]:
        return {**shape, "items": {**shape["items"], "examples": examples}}
    if "properties" in shape:  # the citation table: its source
        source = {**shape["properties"]["source"], "examples": examples}
        return {**shape, "properties": {**shape["properties"], "source": source}}
    return {**shape, "examples": examples}
