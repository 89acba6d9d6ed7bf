"""From files to a checked corpus: layers, stamps, safe reading, parsing, the schema, loading.

Resolution rules (``resolve``), the load record the cache keeps (``trace``) and the
count of claims left out (``leftout``) are public, so that the cache applies an edit by
the same rules as a load.

Imports only ``core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..faces import public_names

__all__ = [
    "BUNDLED_LABEL",
    "FORMATS",
    "KINDS",
    "MAX_FILE_BYTES",
    "PHASES",
    "Checked",
    "Config",
    "ConfigError",
    "Entry",
    "FileTrace",
    "Layer",
    "LoadResult",
    "OnFile",
    "Sections",
    "Stamps",
    "Tally",
    "Trace",
    "bundled_root",
    "check_document",
    "config_path",
    "discover",
    "display_name",
    "drop_links",
    "entry_ord",
    "file_ord",
    "layers_for",
    "load",
    "load_config",
    "parse",
    "read_bytes",
    "resolve_citation",
    "resolve_citations",
    "stamp",
    "warning_lines",
    "with_citations",
]

# The public names, by module. They are imported when first asked for (PEP 562), so
# that importing one module of this package never imports the others: start-up time
# is the product's speed (see tests/test_import_hygiene.py).
_WHERE = {
    "Layer": "layers",
    "BUNDLED_LABEL": "layers",
    "bundled_root": "layers",
    "layers_for": "layers",
    "Stamps": "stamps",
    "stamp": "stamps",
    "MAX_FILE_BYTES": "reader",
    "discover": "reader",
    "display_name": "reader",
    "read_bytes": "reader",
    "parse": "parse",
    "KINDS": "schema",
    "Checked": "schema",
    "Entry": "schema",
    "check_document": "schema",
    "LoadResult": "load",
    "OnFile": "load",
    "FileTrace": "trace",
    "Trace": "trace",
    "PHASES": "trace",
    "file_ord": "trace",
    "entry_ord": "trace",
    "warning_lines": "trace",
    "Sections": "resolve",
    "resolve_citation": "resolve",
    "resolve_citations": "resolve",
    "with_citations": "resolve",
    "drop_links": "resolve",
    "load": "load",
    "Tally": "leftout",
    "Config": "config",
    "ConfigError": "config",
    "FORMATS": "config",
    "config_path": "config",
    "load_config": "config",
}


__getattr__ = public_names(__name__, _WHERE)


if TYPE_CHECKING:
    from .config import FORMATS, Config, ConfigError, config_path, load_config
    from .layers import BUNDLED_LABEL, Layer, bundled_root, layers_for
    from .leftout import Tally
    from .load import LoadResult, OnFile, load
    from .parse import parse
    from .reader import MAX_FILE_BYTES, discover, display_name, read_bytes
    from .resolve import (
        Sections,
        drop_links,
        resolve_citation,
        resolve_citations,
        with_citations,
    )
    from .schema import KINDS, Checked, Entry, check_document
    from .stamps import Stamps, stamp
    from .trace import PHASES, FileTrace, Trace, entry_ord, file_ord, warning_lines
