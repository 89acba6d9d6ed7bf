"""What a load learns from one file alone: read, parsed and checked, with nothing else known.

This is the part of a load that does not depend on any other file, so it may run in
a worker process (see ``parallel``); what follows (placing entries, resolving
references) needs every file and stays in the loading process (see ``load``). The
result is plain data, the same wherever it was made, so that a load in workers gives
exactly what a load in one process gives.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import NamedTuple

from ..core.diagnostics import Diagnostic
from .knockons import ids_by_text, named_by_text, names_by_text
from .parse import parse
from .reader import read_bytes
from .schema import Checked, check_document
from .stamps import Stamps

Prepare = Callable[[Checked], object]
"""What a load's trace makes of each usable file's checked entries (``Trace.prepare``)."""


class Read(NamedTuple):
    """One file as read, parsed and checked on its own."""

    checked: Checked | Diagnostic
    """Its checked entries and problems; or the one problem that kept it from being parsed
    (unreadable, not UTF-8, not TOML)."""
    stamp: tuple[int, int, int] | None
    """Its stamp (see ``stamps``), when stamps were asked for and the file was seen."""
    stamped_on_read: bool
    """True when *stamp* comes from the descriptor the file was read through; False when
    from a failed read, which must not replace a stamp the same load already took."""
    lost_ids: dict[str, set[str]] | None
    """When nothing in the file can be used: the ids it meant to define, by kind, found
    in its text (see ``knockons.ids_by_text``); None when it could not be read."""
    lost_names: set[str] | None
    """The same file's names, found likewise (see ``knockons.names_by_text``)."""
    prepared: object = None
    """What the load's ``Trace.prepare`` made of the checked entries, if it has one and
    the file can be used."""
    digest: bytes | None = None
    """A digest of the bytes read (``stamps.digest``), when stamps were asked for."""
    named: frozenset[str] | None = None
    """When nothing in the file can be used: every id its text names (see
    ``knockons.named_by_text``); None when it could be used, or not read."""

    @property
    def fatal(self) -> bool:
        """Whether nothing in the file can be used."""
        return isinstance(self.checked, Diagnostic) or self.checked.fatal


def read_one(
    path: str,
    root: str,
    name: str,
    stamping: bool,
    prepare: Prepare | None = None,
    fast: bool = False,
) -> Read:
    """Read, parse and check the file *path* (in the layer *root*, shown as *name*).

    With *stamping*, the file's stamp is taken as the load's ``Stamps`` would take it;
    with *prepare*, what it makes of the checked entries is kept (``Trace.prepare``);
    with *fast*, the faster parser is tried (see ``parse``).
    """
    stamps = _OneStamp() if stamping else None
    data = read_bytes(path, root, name, stamps)
    doc = parse(data, name, fast) if isinstance(data, bytes) else data
    checked = doc if isinstance(doc, Diagnostic) else check_document(doc, name)
    stamp = stamps.files.get(path) if stamps is not None else None
    on_read = stamps is not None and stamps.on_read
    lost_ids = lost_names = prepared = named = None
    if isinstance(data, bytes) and (isinstance(checked, Diagnostic) or checked.fatal):
        lost_ids, lost_names = ids_by_text(data), names_by_text(data)
        named = named_by_text(data)
    elif prepare is not None and not isinstance(checked, Diagnostic):
        prepared = prepare(checked)
    digest = stamps.digests.get(path) if stamps is not None else None
    return Read(checked, stamp, on_read, lost_ids, lost_names, prepared, digest, named)


class _OneStamp(Stamps):
    """The stamps of one file's read, noting whether its stamp came from the descriptor."""

    def __init__(self) -> None:
        super().__init__()
        self.on_read = False

    def file(self, path: str, info: os.stat_result | None = None) -> None:
        super().file(path, info)
        self.on_read = info is not None
