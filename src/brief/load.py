"""Load corpus layers into one validated, fully resolved :class:`~brief.model.Corpus`.

Layers are read in order (bundled, ``BRIEF_PATH``, ``--corpus``); an entry in a later
layer replaces the earlier entry of the same kind and id. Problems never stop the
load: a file that cannot be used is skipped, an entry with a problem is left out, a
link to nothing is dropped, and every one of them is reported as a diagnostic.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import diagnostics as d
from .diagnostics import Diagnostic
from .layers import BUNDLED_LABEL, Layer, bundled_root, layers_for
from .model import Citation, Claim, Corpus, Source, Topic
from .names import did_you_mean, normalise
from .parse import parse
from .reader import Stamps, discover, display_name, read_bytes
from .schema import KINDS, Entry, check_document

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
        lines = []
        for name, problems in by_file.items():
            first = str(problems[0])
            if name in self.skipped:
                lines.append(f"{first} (file skipped)")
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


def load(layers: Sequence[Layer], stamps: Stamps | None = None) -> LoadResult:
    """Read, check and merge *layers* in order.

    The cycle collector is paused meanwhile: a load builds hundreds of thousands of
    objects and no cycles, and collecting as they pile up cost a fifth of the time
    on a 10,000-topic corpus.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(layers, stamps)
    finally:
        if collecting:
            gc.enable()


def _load(layers: Sequence[Layer], stamps: Stamps | None) -> LoadResult:
    problems: list[Diagnostic] = []
    files: list[str] = []
    skipped: list[str] = []
    merged: dict[str, dict[str, _Placed]] = {kind: {} for kind in KINDS}
    namespace: dict[str, tuple[str, _Placed]] = {}

    for number, layer in enumerate(layers):
        root = Path(layer.root)
        if stamps is not None:
            stamps.folder(layer.root)  # even a missing one: creating it is a change
        if not root.is_dir():
            problems.append(
                Diagnostic(
                    d.UNREADABLE, display_name("", layer.label), "", "corpus folder not found"
                )
            )
            skipped.append(display_name("", layer.label))
            continue
        for path, rel in discover(root, stamps):
            name = display_name(layer.label, rel)
            files.append(name)
            data = read_bytes(path, root, name, stamps)
            doc = parse(data, name) if isinstance(data, bytes) else data
            if isinstance(doc, Diagnostic):
                problems.append(doc)
                skipped.append(name)
                continue
            checked = check_document(doc, name)
            problems.extend(checked.problems)
            if checked.fatal:
                skipped.append(name)
                continue
            for kind in KINDS:
                for entry, where in checked.entries[kind]:
                    placed = _Placed(entry, name, where, number)
                    _place(kind, placed, merged[kind], namespace, problems)

    corpus = _resolve(merged, problems)
    _check_names(merged, problems)
    order = {name: i for i, name in enumerate(files)}
    problems.sort(key=lambda p: order.get(p.file, -1))
    return LoadResult(corpus, tuple(problems), tuple(files), tuple(skipped))


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
    table[ident] = placed  # a later layer replaces the earlier entry
    if kind in _NAMED:
        namespace[ident] = (kind, placed)


def _resolve(merged: dict[str, dict[str, _Placed]], problems: list[Diagnostic]) -> Corpus:
    """Check every reference; leave out claims that point at nothing, drop dead links.

    Entries are rebuilt only where something changes (a dead link dropped, a section
    spelled loosely): on a large corpus almost none are, and rebuilding them all would
    cost more than parsing.
    """
    topics, actors, sources = merged["topics"], merged["actors"], merged["sources"]
    claims = merged["claims"]

    suggested = 0

    def hint(ref: str, pool: Mapping[str, object]) -> str:
        # A suggestion compares with every candidate: past a few dozen, a hostile file
        # with thousands of bad references would take minutes, so stop suggesting.
        nonlocal suggested
        suggested += 1
        return did_you_mean(ref, pool) if suggested <= MAX_SUGGESTIONS else ""

    def unknown(placed: _Placed, sub: str, kind: str, ref: str, pool: Mapping[str, object]) -> None:
        message = f"unknown {kind} {ref!r}{hint(ref, pool)}"
        problems.append(Diagnostic(d.UNKNOWN_REF, placed.file, f"{placed.path}.{sub}", message))

    out_topics: list[Topic] = []
    for placed in topics.values():
        topic = placed.entry
        assert isinstance(topic, Topic)
        if all(ref in topics for ref in topic.related):
            out_topics.append(topic)
            continue
        for i, ref in enumerate(topic.related):
            if ref not in topics:
                unknown(placed, f"related[{i}]", "topic", ref, topics)
        out_topics.append(replace(topic, related=tuple(r for r in topic.related if r in topics)))

    sections = {sid: _Sections(p.entry) for sid, p in sources.items()}  # type: ignore[arg-type]
    kept: dict[str, tuple[_Placed, Claim]] = {}
    for placed in claims.values():
        claim = placed.entry
        assert isinstance(claim, Claim)
        ok = claim.topic in topics
        if not ok:
            unknown(placed, "topic", "topic", claim.topic, topics)
        for i, ref in enumerate(claim.actors):
            if ref not in actors:
                unknown(placed, f"actors[{i}]", "actor", ref, actors)
                ok = False
        cites = []
        for i, cite in enumerate(claim.cites):
            resolved = _resolve_citation(placed, i, cite, sections, problems, hint)
            ok = ok and resolved is not None
            cites.append(resolved)
        if ok:
            if any(c is not old for c, old in zip(cites, claim.cites, strict=True)):
                claim = replace(claim, cites=tuple(c for c in cites if c is not None))
            kept[claim.id] = (placed, claim)

    out_claims: list[Claim] = []
    for placed, claim in kept.values():
        if all(ref in kept for ref in (*claim.contradicts, *claim.supports)):
            out_claims.append(claim)
            continue
        links: dict[str, tuple[str, ...]] = {}
        for key in ("contradicts", "supports"):
            refs: tuple[str, ...] = getattr(claim, key)
            for i, ref in enumerate(refs):
                if ref not in claims:  # absent; one left out for its own problem is silent
                    unknown(placed, f"{key}[{i}]", "claim", ref, claims)
            links[key] = tuple(ref for ref in refs if ref in kept)
        out_claims.append(
            replace(claim, contradicts=links["contradicts"], supports=links["supports"])
        )

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
    placed: _Placed,
    i: int,
    cite: Citation,
    sources: Mapping[str, _Sections],
    problems: list[Diagnostic],
    hint: Callable[[str, Mapping[str, object]], str],
) -> Citation | None:
    """*cite* itself when it is right as written, a corrected copy, or None (and a problem)."""
    where = f"{placed.path}.cites[{i}]"
    known = sources.get(cite.source)
    if known is None:
        problems.append(
            Diagnostic(
                d.UNKNOWN_REF,
                placed.file,
                f"{where}.source",
                f"unknown source {cite.source!r}{hint(cite.source, sources)}",
            )
        )
        return None
    source = known.source
    if cite.section is None:
        if source.sections:
            problems.append(
                Diagnostic(
                    d.UNKNOWN_SECTION,
                    placed.file,
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
                placed.file,
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
