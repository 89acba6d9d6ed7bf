"""The corpus's vocabulary: the model, names, kinds, errors, diagnostics, inert text, the index.

The bottom layer: it imports nothing of brief's other layers, nor click, rich or textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..faces import public_names

__all__ = [
    "FORMAT_VERSIONS",
    "RELATIONS",
    "SOURCE_KINDS",
    "STATUSES",
    "Actor",
    "BriefError",
    "Citation",
    "Claim",
    "Corpus",
    "Diagnostic",
    "InSkippedFile",
    "Index",
    "IsAClaim",
    "Kind",
    "LeftOut",
    "Named",
    "NoResults",
    "NotFound",
    "NothingFound",
    "Relation",
    "Source",
    "Topic",
    "UsageError",
    "WrongKind",
    "build_index",
    "closest",
    "did_you_mean",
    "inert",
    "inert_document",
    "inert_line",
    "is_id",
    "is_inert",
    "kind_of",
    "might_be_unsafe",
    "normalise",
    "paused",
    "relation_name",
    "resume",
    "shown_line",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py).
_WHERE = {
    "STATUSES": "model",
    "SOURCE_KINDS": "model",
    "FORMAT_VERSIONS": "model",
    "Topic": "model",
    "Actor": "model",
    "Source": "model",
    "Citation": "model",
    "Claim": "model",
    "Corpus": "model",
    "normalise": "names",
    "is_id": "names",
    "closest": "names",
    "did_you_mean": "names",
    "BriefError": "errors",
    "NotFound": "errors",
    "WrongKind": "errors",
    "LeftOut": "errors",
    "InSkippedFile": "errors",
    "IsAClaim": "errors",
    "UsageError": "errors",
    "NoResults": "errors",
    "NothingFound": "errors",
    "Diagnostic": "diagnostics",
    "inert": "sanitize",
    "inert_line": "sanitize",
    "inert_document": "sanitize",
    "is_inert": "sanitize",
    "might_be_unsafe": "sanitize",
    "shown_line": "unsafe",
    "RELATIONS": "relations",
    "Relation": "relations",
    "relation_name": "relations",
    "Kind": "kinds",
    "kind_of": "kinds",
    "Index": "index",
    "Named": "index",
    "build_index": "index",
    "paused": "collector",
    "resume": "collector",
}


__getattr__ = public_names(__name__, _WHERE)


if TYPE_CHECKING:
    from .collector import paused, resume
    from .diagnostics import Diagnostic
    from .errors import (
        BriefError,
        InSkippedFile,
        IsAClaim,
        LeftOut,
        NoResults,
        NotFound,
        NothingFound,
        UsageError,
        WrongKind,
    )
    from .index import Index, Named, build_index
    from .kinds import Kind, kind_of
    from .model import (
        FORMAT_VERSIONS,
        SOURCE_KINDS,
        STATUSES,
        Actor,
        Citation,
        Claim,
        Corpus,
        Source,
        Topic,
    )
    from .names import closest, did_you_mean, is_id, normalise
    from .relations import RELATIONS, Relation, relation_name
    from .sanitize import inert, inert_document, inert_line, is_inert, might_be_unsafe
