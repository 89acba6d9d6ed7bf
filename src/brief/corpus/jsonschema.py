"""The corpus format as a JSON Schema (draft 2020-12), for TOML editors.

Taplo (Even Better TOML) and Tombi read it to complete keys and status values and to
flag typos while one types. It is generated from ``schema.FIELDS``, the table the
validator checks against, so the two cannot disagree; a test checks that it accepts
the bundled corpus and rejects what ``brief validate`` rejects in shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core.model import FORMAT_VERSIONS
from ..core.names import ID_PATTERN
from ..core.relations import RELATIONS
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
_DATE = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-\d{2}){0,2}$"},
        {"type": "integer", "minimum": 1000, "maximum": 9999},
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
        {
            "anyOf": [
                *_DATE["anyOf"],
                {"type": "string", "pattern": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$"},
            ]
        },
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
        defs[kind] = {
            "type": "object",
            "properties": {key: _property(field, ids) for key, field in fields.items()},
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
        "$defs": defs,
    }


def _property(field: Field, ids: Mapping[str, Sequence[str]] | None) -> dict[str, Any]:
    shape, kind = TYPES[field.type]
    out = {**shape, "description": field.type}
    if field.choices:
        words = shape.get("description") or "one of: " + ", ".join(field.choices)
        out = {"enum": list(field.choices), "description": words}
    if kind and kind != "sources":
        out = _with_ids(out, ids, kind)
    return out


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
