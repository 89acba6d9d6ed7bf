"""How references resolve: the one set of rules a load applies and the cache repeats.

A full load (``load``) resolves every claim with these; an edit applied to the cache in
place (``store.incremental``) resolves the few claims it re-reads with the very same
functions, so that the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Mapping, Sequence
from dataclasses import replace

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.model import Citation, Claim, Source
from ..core.names import normalise

#: ``hint(ref, pool)``: a " (did you mean ...?)" for *ref* among *pool*, or "".
Hint = Callable[[str, Collection[str]], str]


def no_hint(ref: str, pool: Collection[str]) -> str:
    """A :data:`Hint` that never suggests."""
    return ""


class Sections:
    """A source's sections, by exact spelling and by normalised spelling."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.exact = frozenset(source.sections)
        self.loose = {normalise(s): s for s in source.sections}


def resolve_citation(
    file: str,
    path: str,
    i: int,
    cite: Citation,
    sources: Mapping[str, Sections],
    problems: list[Diagnostic],
    hint: Hint = no_hint,
    left_out: Collection[str] = (),
    skipped: Mapping[str, str] | None = None,
) -> Citation | None:
    """*cite* itself when it is right as written, a corrected copy, or None (and a problem).

    *i* is the citation's place in the claim at *path* of *file*. A source in
    *left_out* (defined, but with problems of its own) makes the citation unusable
    without a problem of its own: the source's problem says it all. A source of a
    skipped file (*skipped*: id to file) is a knock-on of that file.
    """
    where = f"{path}.cites[{i}]"
    known = sources.get(cite.source)
    if known is None:
        if cite.source in left_out:
            return None
        pool = {*sources, *left_out}
        if skipped and cite.source in skipped:
            from .knockons import problem

            cause = skipped[cite.source]
            problems.append(problem(file, f"{where}.source", "source", cite.source, cause))
            return None
        message = f"unknown source {cite.source!r}{hint(cite.source, pool)}"
        problems.append(Diagnostic(d.UNKNOWN_REF, file, f"{where}.source", message))
        return None
    source = known.source
    if cite.section is None:
        if source.sections:
            message = f"source {source.id!r} has sections: name one"
            problems.append(Diagnostic(d.UNKNOWN_SECTION, file, where, message))
            return None
        return cite
    if cite.section in known.exact:
        return cite
    found = known.loose.get(normalise(cite.section))
    if found is None:
        message = f"source {source.id!r} has no section {cite.section!r}{_near(cite, source)}"
        problems.append(Diagnostic(d.UNKNOWN_SECTION, file, f"{where}.section", message))
        return None
    return Citation(cite.source, found)


def _near(cite: Citation, source: Source) -> str:
    if not source.sections or cite.section is None:
        return ""
    import difflib  # error path only

    near = difflib.get_close_matches(cite.section, source.sections, n=1, cutoff=0.5)
    return f" (did you mean {near[0]!r}?)" if near else ""


def resolve_citations(
    file: str,
    path: str,
    cites: Sequence[Citation],
    sources: Mapping[str, Sections],
    problems: list[Diagnostic],
    hint: Hint = no_hint,
    left_out: Collection[str] = (),
    skipped: Mapping[str, str] | None = None,
) -> list[Citation | None]:
    """Each of *cites* resolved (see :func:`resolve_citation`), None where unusable."""
    return [
        resolve_citation(file, path, i, cite, sources, problems, hint, left_out, skipped)
        for i, cite in enumerate(cites)
    ]


def with_citations(claim: Claim, cites: Sequence[Citation]) -> Claim:
    """*claim* citing *cites* (its citations resolved); *claim* itself when none changed.

    Entries are rebuilt only where something changes: on a large corpus almost none
    are, and rebuilding them all would cost more than parsing.
    """
    if all(c is old for c, old in zip(cites, claim.cites, strict=True)):
        return claim
    return replace(claim, cites=tuple(cites))


def drop_links(claim: Claim, kept: Container[str]) -> Claim:
    """*claim* without its links to claims not in *kept*; *claim* itself when all are."""
    if all(ref in kept for ref in (*claim.contradicts, *claim.supports)):
        return claim
    return replace(
        claim,
        contradicts=tuple(r for r in claim.contradicts if r in kept),
        supports=tuple(r for r in claim.supports if r in kept),
    )
