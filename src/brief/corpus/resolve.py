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
        self.id = source.id
        self.names = tuple(source.sections)
        self.exact = frozenset(source.sections)
        self.loose = {normalise(s): s for s in source.sections}

    @classmethod
    def written(cls, ident: str, names: Sequence[str]) -> Sections:
        """The sections of a source left out for its own problems, as its file gives them."""
        sections = cls.__new__(cls)
        sections.id, sections.names = ident, tuple(names)
        sections.exact = frozenset(names)
        sections.loose = {normalise(s): s for s in names}
        return sections


def resolve_citation(
    file: str,
    path: str,
    i: int,
    cite: Citation,
    sources: Mapping[str, Sections],
    problems: list[Diagnostic],
    hint: Hint = no_hint,
    left_out: Collection[str] | Mapping[str, Sections | None] = (),
    skipped: Mapping[str, str] | None = None,
    tell_left_out: str | None = None,
) -> Citation | None:
    """*cite* itself when it is right as written, a corrected copy, or None (and a problem).

    *i* is the citation's place in the claim at *path* of *file*. A source in
    *left_out* (defined, but with problems of its own) makes the citation unusable:
    with *tell_left_out* (the id of a claim that would be in the corpus but for it), a
    problem says that the claim is left out with the source (:func:`left_out_message`). Its
    section is still checked where *left_out* maps the source to its
    :class:`Sections` (those its file gives), so that one run reports every problem.
    A source of a skipped file (*skipped*: id to file) is a knock-on of that file.
    """
    where = f"{path}.cites[{i}]"
    known = sources.get(cite.source)
    if known is None:
        if cite.source in left_out:
            written = left_out.get(cite.source) if isinstance(left_out, Mapping) else None
            if isinstance(written, Sections):
                _section(file, where, cite, written, problems)
            if tell_left_out is not None:
                message = left_out_message("source", cite.source, tell_left_out)
                problems.append(Diagnostic(d.UNKNOWN_REF, file, f"{where}.source", message))
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
    return _section(file, where, cite, known, problems)


def left_out_message(what: str, ref: str, claim: str, kept: bool = False) -> str:
    """``source 's' is left out for its own problems: claim 'c' is left out with it``
    (with *kept*, that the claim is kept without it): what a claim (by id) that names an
    entry left out says, so that no claim goes missing without a word where it went."""
    outcome = "kept without it" if kept else "left out with it"
    return f"{what} {ref!r} is left out for its own problems: claim {claim!r} is {outcome}"


def say_left_out(problems: list[Diagnostic], first: int, ident: str) -> None:
    """End the problems that leave a claim out (its topic's and citations': *problems*
    from *first* on), as a claim left out for its own problems ends each of its
    (``schema``): ``; claim 'c1' is left out``. Not an actor's (an actor that cannot be
    used is dropped from a claim, and does not keep it out), nor a line that says so
    already (``... left out with it``, when what it names is left out itself). The
    loader and the cache's edits both say it, so that an edit applied in place words its
    problems as a load does."""
    from dataclasses import replace

    from ..core.diagnostics import left_out_words

    words = left_out_words("claims", ident)
    for at in range(first, len(problems)):
        found = problems[at]
        if ".actors[" not in found.where and not found.message.endswith(" left out with it"):
            problems[at] = replace(found, message=found.message + words)


def _section(
    file: str, where: str, cite: Citation, known: Sections, problems: list[Diagnostic]
) -> Citation | None:
    """*cite* checked against the sections of its source (see :func:`resolve_citation`)."""
    if cite.section is None:
        if known.names:
            message = f"source {known.id!r} has sections: name one of {_listed(known.names)}"
            problems.append(Diagnostic(d.UNKNOWN_SECTION, file, where, message))
            return None
        return cite
    if cite.section in known.exact:
        return cite
    found = known.loose.get(normalise(cite.section))
    if found is None:
        message = f"source {known.id!r} has no section {cite.section!r}{_near(cite, known)}"
        problems.append(Diagnostic(d.UNKNOWN_SECTION, file, f"{where}.section", message))
        return None
    return replace(cite, section=found)  # its quote and locator kept (a trial lost them)


#: The most sections a problem lists (a source with more says how many are left).
LISTED_SECTIONS = 8


def _listed(names: Sequence[str]) -> str:
    """``'A', 'B'``: the sections a claim may name, the first few of them (and how many
    more there are)."""
    shown = ", ".join(repr(name) for name in names[:LISTED_SECTIONS])
    more = len(names) - LISTED_SECTIONS
    return shown + (f" and {more} more" if more > 0 else "")


def _near(cite: Citation, known: Sections) -> str:
    """`` (did you mean 'Flow Rate'?)`` for a section cited that is close to one the
    source has; else the sections it has, as a citation without one is told them:
    ``: name one of 'Summary', 'Flow Rate', ...``; for a source with none, ``: it has
    none (cite it without one)``, as ``brief new`` says it."""
    if cite.section is None:
        return ""
    if not known.names:
        return ": it has none (cite it without one)"
    near = closest_section(cite.section, known.names)
    return f" (did you mean {near!r}?)" if near else f": name one of {_listed(known.names)}"


def closest_section(section: str, names: Sequence[str]) -> str | None:
    """The one of a source's section *names* close enough to *section* to suggest; not
    one that differs from it only in its numbers (``Chapter 5`` for ``Chapter 2``, a
    trial's: another chapter, not a slip), when the sections are listed instead."""
    import difflib  # error path only
    import re

    near = difflib.get_close_matches(section, names, n=1, cutoff=0.5)
    if not near or re.sub(r"\d+", "#", near[0]) == re.sub(r"\d+", "#", section):
        return None
    return near[0]


def resolve_citations(
    file: str,
    path: str,
    cites: Sequence[Citation],
    sources: Mapping[str, Sections],
    problems: list[Diagnostic],
    hint: Hint = no_hint,
    left_out: Collection[str] | Mapping[str, Sections | None] = (),
    skipped: Mapping[str, str] | None = None,
    tell_left_out: str | None = None,
) -> list[Citation | None]:
    """Each of *cites* resolved (see :func:`resolve_citation`), None where unusable."""
    return [
        resolve_citation(
            file, path, i, cite, sources, problems, hint, left_out, skipped, tell_left_out
        )
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
