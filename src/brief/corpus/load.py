"""Load corpus layers into one validated, fully resolved :class:`~brief.model.Corpus`.

Layers are read in order (bundled, ``BRIEF_PATH``, ``--corpus``); an entry in a later
layer replaces the earlier entry of the same kind and id. Problems never stop the
load: a file that cannot be used is skipped, an entry with a problem is left out, a
link to nothing is dropped, and every one of them is reported as a diagnostic.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.model import Citation, Claim, Corpus, Source, Topic
from ..core.names import did_you_mean, normalise
from .layers import BUNDLED_LABEL, Layer, bundled_root, layers_for
from .parse import parse
from .reader import discover, display_name, read_bytes
from .schema import KINDS, Checked, Entry, check_document
from .stamps import Stamps

__all__ = ["BUNDLED_LABEL", "Layer", "LoadResult", "bundled_root", "layers_for", "load"]

#: How many unknown references get a "did you mean" in one load (see ``_resolve``).
MAX_SUGGESTIONS = 50
_NAMED = ("topics", "actors", "sources")  # kinds that share the id namespace
_SINGULAR = {"topics": "topic", "actors": "actor", "sources": "source", "claims": "claim"}


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A loaded corpus with every problem met on the way."""

    corpus: Corpus
    problems: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    """Every file read, by display name, in reading order."""
    skipped: tuple[str, ...]
    """Files of which nothing could be used."""

    def warnings(self) -> list[str]:
        """One line per file with problems, for commands other than ``validate``."""
        by_file: dict[str, list[Diagnostic]] = {}
        for problem in self.problems:
            by_file.setdefault(problem.file, []).append(problem)
        skipped = set(self.skipped)
        return warning_lines([(name, found, name in skipped) for name, found in by_file.items()])


def warning_lines(files: Sequence[tuple[str, Sequence[Diagnostic], bool]]) -> list[str]:
    """A line per file: its first problem, and how many more (or that it was skipped).

    *files* are (name, problems, skipped), in load order; the cache words its
    warnings with this too, so a warm start says exactly what a cold one says.
    """
    lines = []
    for name, problems, skipped in files:
        first = str(problems[0])
        if skipped:
            what = "folder" if name.endswith("/") else "file"
            lines.append(f"{first} ({what} skipped)")
        elif len(problems) == 1:
            lines.append(first)
        else:
            lines.append(f"{first} (+{len(problems) - 1} more; see 'brief validate')")
    return lines


@dataclass
class _Placed:
    entry: Entry
    file: str
    path: str
    layer: int
    ord: str = ""
    """Where the entry stands in load order (see :func:`file_ord`)."""
    seq: str = ""
    """Where its id first took a place: a later layer's entry keeps the earlier position."""


#: The phases of a load, in the order their problems are listed within one file.
PHASES = ("local", "place", "rejected", "related", "refs", "links", "names")


@dataclass
class FileTrace:
    """What one file gave a load, so that a cache can later re-read that file alone."""

    path: str
    name: str
    layer: int
    ord: str
    checked: Checked | None
    """None when nothing in the file could be used (unreadable, not TOML)."""
    problems: dict[str, list[Diagnostic]]
    """The file's problems by phase (see :data:`PHASES`)."""


@dataclass
class Trace:
    """How a load went, file by file and entry by entry: what the cache keeps."""

    files: list[FileTrace]
    merged: dict[str, dict[str, _Placed]]


def file_ord(layer: int, rel: str) -> str:
    """A sort key for a file in load order: layers in turn, then the folder walk's order."""
    return f"{layer:04d}\x01{rel.replace('/', chr(0))}"


def entry_ord(file: str, kind: str, pos: int) -> str:
    """A sort key for an entry in load order: its file, then kind and position in it."""
    return f"{file}\x01{KINDS.index(kind)}{pos:07d}"


def load(
    layers: Sequence[Layer], stamps: Stamps | None = None, trace: Trace | None = None
) -> LoadResult:
    """Read, check and merge *layers* in order.

    The cycle collector is paused meanwhile: a load builds hundreds of thousands of
    objects and no cycles, and collecting as they pile up cost a fifth of the time
    on a 10,000-topic corpus.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(layers, stamps, trace)
    finally:
        if collecting:
            gc.enable()


def _load(layers: Sequence[Layer], stamps: Stamps | None, trace: Trace | None) -> LoadResult:
    problems: list[Diagnostic] = []
    phases: list[str] = []  # the phase of each problem, in step with *problems*

    def tag(phase: str) -> None:
        phases.extend([phase] * (len(problems) - len(phases)))

    files: list[str] = []
    skipped: list[str] = []
    merged: dict[str, dict[str, _Placed]] = {kind: {} for kind in KINDS}
    namespace: dict[str, tuple[str, _Placed]] = {}
    rejected: Rejected = []

    for number, layer in enumerate(layers):
        root = layer.root
        if stamps is not None:
            stamps.folder(layer.root)  # even a missing one: creating it is a change
        if not os.path.isdir(root):
            shown = display_name("", layer.label.rstrip("/") + "/")  # a folder, not a file
            why = "not a folder" if os.path.exists(root) else "corpus folder not found"
            problems.append(Diagnostic(d.UNREADABLE, shown, "", why))
            skipped.append(shown)
            continue
        for path, rel in discover(root, stamps):
            name = display_name(layer.label, rel)
            files.append(name)
            ord_ = file_ord(number, rel)
            data = read_bytes(path, root, name, stamps)
            doc = parse(data, name) if isinstance(data, bytes) else data
            if trace is not None:
                trace.files.append(FileTrace(str(path), name, number, ord_, None, {}))
            if isinstance(doc, Diagnostic):
                problems.append(doc)
                tag("local")
                skipped.append(name)
                continue
            checked = check_document(doc, name)
            problems.extend(checked.problems)
            tag("local")
            if trace is not None:
                trace.files[-1].checked = checked
            if checked.fatal:
                skipped.append(name)
                continue
            ordered = ord_ if trace is not None else None  # only a cache needs the order
            merge_checked(checked, name, number, ordered, merged, namespace, problems, rejected)
            tag("place")

    tag("local")  # a missing corpus folder
    corpus = _resolve(merged, problems, rejected, tag)
    _check_names(merged, problems)
    tag("names")
    if trace is not None:
        by_name = {t.name: t for t in trace.files}
        for problem, phase in zip(problems, phases, strict=True):
            if problem.file in by_name:
                by_name[problem.file].problems.setdefault(phase, []).append(problem)
        trace.merged = merged
    order = {name: i for i, name in enumerate(files)}
    problems.sort(key=lambda p: order.get(p.file, -1))
    return LoadResult(corpus, tuple(problems), tuple(files), tuple(skipped))


def merge_checked(
    checked: Checked,
    name: str,
    layer: int,
    ord_: str | None,
    merged: dict[str, dict[str, _Placed]],
    namespace: dict[str, tuple[str, _Placed]],
    problems: list[Diagnostic],
    rejected: Rejected,
) -> None:
    """Place one file's checked entries in *merged*, in order; note what it rejected."""
    for kind in KINDS:
        rejected += [(kind, values, name, where) for values, where in checked.rejected[kind]]
        for pos, (entry, where) in enumerate(checked.entries[kind]):
            at = entry_ord(ord_, kind, pos) if ord_ is not None else ""
            placed = _Placed(entry, name, where, layer, at)
            _place(kind, placed, merged[kind], namespace, problems)


def _place(
    kind: str,
    placed: _Placed,
    table: dict[str, _Placed],
    namespace: dict[str, tuple[str, _Placed]],
    problems: list[Diagnostic],
) -> None:
    """Add one entry, replacing an earlier layer's entry of the same kind and id."""
    ident = placed.entry.id
    what = _SINGULAR[kind]
    if kind in _NAMED and ident in namespace and namespace[ident][0] != kind:
        other_kind, other = namespace[ident]
        problems.append(
            Diagnostic(
                d.DUPLICATE_ID,
                placed.file,
                f"{placed.path}.id",
                f"id {ident!r} is already the {_SINGULAR[other_kind]} in {other.file}",
            )
        )
        return
    earlier = table.get(ident)
    if earlier is not None and earlier.layer == placed.layer:
        problems.append(
            Diagnostic(
                d.DUPLICATE_ID,
                placed.file,
                f"{placed.path}.id",
                f"duplicate {what} id {ident!r} (first defined in {earlier.file})",
            )
        )
        return
    placed.seq = earlier.seq if earlier is not None else placed.ord
    table[ident] = placed  # a later layer replaces the earlier entry
    if kind in _NAMED:
        namespace[ident] = (kind, placed)


Rejected = list[tuple[str, dict[str, Any], str, str]]
"""Entries left out for their own problems: kind, their valid values, file, key path."""


def _resolve(
    merged: dict[str, dict[str, _Placed]],
    problems: list[Diagnostic],
    rejected: Rejected,
    tag: Callable[[str], None] = lambda phase: None,
) -> Corpus:
    """Check every reference; leave out claims that point at nothing, drop dead links.

    Entries are rebuilt only where something changes (a dead link dropped, a section
    spelled loosely): on a large corpus almost none are, and rebuilding them all would
    cost more than parsing. Entries already left out still have their references
    checked (and reported), so that one run of ``validate`` shows every problem; and a
    reference to one of them is not "unknown", only unusable.
    """
    topics, actors, sources = merged["topics"], merged["actors"], merged["sources"]
    claims = merged["claims"]
    known: dict[str, set[str]] = {kind: set(merged[kind]) for kind in KINDS}
    for kind, values, _, _ in rejected:
        if isinstance(values.get("id"), str):
            known[kind].add(values["id"])
    sections = {sid: _Sections(p.entry) for sid, p in sources.items()}  # type: ignore[arg-type]
    suggested = 0

    def hint(ref: str, pool: Collection[str]) -> str:
        # A suggestion compares with every candidate: past a few dozen, a hostile file
        # with thousands of bad references would take minutes, so stop suggesting.
        # Sorted, so that equally close candidates give the same hint in every run.
        nonlocal suggested
        suggested += 1
        return did_you_mean(ref, sorted(pool)) if suggested <= MAX_SUGGESTIONS else ""

    def refs(file: str, path: str, key: str, kind: str, ids: Sequence[str]) -> bool:
        """Report ids of *kind* that name nothing; True when all can be used."""
        usable = True
        for i, ref in enumerate(ids):
            if ref not in merged[kind]:
                usable = False
                if ref not in known[kind]:  # one left out for its own problem is no surprise
                    message = f"unknown {_SINGULAR[kind]} {ref!r}{hint(ref, known[kind])}"
                    where = f"{path}.{key}[{i}]" if key != "topic" else f"{path}.topic"
                    problems.append(Diagnostic(d.UNKNOWN_REF, file, where, message))
        return usable

    def claim_refs(file: str, path: str, values: Mapping[str, Any]) -> tuple[bool, list[Any]]:
        ok = refs(file, path, "topic", "topics", [values["topic"]] if "topic" in values else [])
        ok = refs(file, path, "actors", "actors", values.get("actors", ())) and ok
        cites = [
            _resolve_citation(file, path, i, cite, sections, problems, hint, known["sources"])
            for i, cite in enumerate(values.get("cites", ()))
        ]
        return ok and None not in cites, cites

    for kind, values, file, path in rejected:  # report only: these never load
        if kind == "topics":
            refs(file, path, "related", "topics", values.get("related", ()))
        elif kind == "claims":
            claim_refs(file, path, values)
            for key in ("contradicts", "supports"):
                refs(file, path, key, "claims", values.get(key, ()))
    tag("rejected")

    out_topics: list[Topic] = []
    for placed in topics.values():
        topic = placed.entry
        assert isinstance(topic, Topic)
        if not refs(placed.file, placed.path, "related", "topics", topic.related):
            topic = replace(topic, related=tuple(r for r in topic.related if r in topics))
        out_topics.append(topic)
    tag("related")

    kept: dict[str, Claim] = {}
    for placed in claims.values():
        claim = placed.entry
        assert isinstance(claim, Claim)
        values = {"topic": claim.topic, "actors": claim.actors, "cites": claim.cites}
        ok, cites = claim_refs(placed.file, placed.path, values)
        if ok:
            if any(c is not old for c, old in zip(cites, claim.cites, strict=True)):
                claim = replace(claim, cites=tuple(cites))
            kept[claim.id] = claim
    tag("refs")

    out_claims: list[Claim] = []
    for claim in kept.values():
        placed = claims[claim.id]
        linked = True
        for key in ("contradicts", "supports"):
            linked = refs(placed.file, placed.path, key, "claims", getattr(claim, key)) and linked
        if linked and all(ref in kept for ref in (*claim.contradicts, *claim.supports)):
            out_claims.append(claim)
            continue
        out_claims.append(  # drop links to claims that are absent or were left out
            replace(
                claim,
                contradicts=tuple(r for r in claim.contradicts if r in kept),
                supports=tuple(r for r in claim.supports if r in kept),
            )
        )
    tag("links")

    return Corpus(
        topics=tuple(out_topics),
        actors=tuple(p.entry for p in actors.values()),  # type: ignore[misc]
        sources=tuple(p.entry for p in sources.values()),  # type: ignore[misc]
        claims=tuple(out_claims),
    )


class _Sections:
    """A source's sections, by exact spelling and by normalised spelling."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.exact = frozenset(source.sections)
        self.loose = {normalise(s): s for s in source.sections}


def _resolve_citation(
    file: str,
    path: str,
    i: int,
    cite: Citation,
    sources: Mapping[str, _Sections],
    problems: list[Diagnostic],
    hint: Callable[[str, Collection[str]], str],
    left_out: Collection[str] = (),
) -> Citation | None:
    """*cite* itself when it is right as written, a corrected copy, or None (and a problem).

    A source in *left_out* (defined, but with problems of its own) makes the citation
    unusable without a problem of its own: the source's problem says it all.
    """
    where = f"{path}.cites[{i}]"
    known = sources.get(cite.source)
    if known is None:
        if cite.source in left_out:
            return None
        pool = {*sources, *left_out}
        problems.append(
            Diagnostic(
                d.UNKNOWN_REF,
                file,
                f"{where}.source",
                f"unknown source {cite.source!r}{hint(cite.source, pool)}",
            )
        )
        return None
    source = known.source
    if cite.section is None:
        if source.sections:
            problems.append(
                Diagnostic(
                    d.UNKNOWN_SECTION,
                    file,
                    where,
                    f"source {source.id!r} has sections: name one",
                )
            )
            return None
        return cite
    if cite.section in known.exact:
        return cite
    found = known.loose.get(normalise(cite.section))
    if found is None:
        guess = ""
        if source.sections:
            import difflib  # error path only

            near = difflib.get_close_matches(cite.section, source.sections, n=1, cutoff=0.5)
            guess = f" (did you mean {near[0]!r}?)" if near else ""
        problems.append(
            Diagnostic(
                d.UNKNOWN_SECTION,
                file,
                f"{where}.section",
                f"source {source.id!r} has no section {cite.section!r}{guess}",
            )
        )
        return None
    return Citation(cite.source, found)


def _check_names(merged: dict[str, dict[str, _Placed]], problems: list[Diagnostic]) -> None:
    """Report names and aliases that would make a lookup ambiguous."""
    owner: dict[str, tuple[str, _Placed]] = {}
    for kind in _NAMED:
        for placed in merged[kind].values():
            entry = placed.entry
            assert not isinstance(entry, Claim)
            aliases: tuple[str, ...] = getattr(entry, "aliases", ())
            keys = [("id", entry.id), ("name" if kind == "actors" else "title", entry.title)]
            keys += [(f"aliases[{i}]", alias) for i, alias in enumerate(aliases)]
            for sub, name in keys:
                key = normalise(name)
                if not key:
                    continue
                held = owner.get(key)
                if held is None:
                    owner[key] = (kind, placed)
                elif held[1] is not placed:
                    other_kind, other = held
                    problems.append(
                        Diagnostic(
                            d.NAME_CLASH,
                            placed.file,
                            f"{placed.path}.{sub}",
                            f"{name!r} also names the {_SINGULAR[other_kind]} {other.entry.id!r}",
                        )
                    )
