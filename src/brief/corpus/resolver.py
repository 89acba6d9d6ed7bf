"""Resolve the references of one merged load: the claims kept, the links dropped.

``load`` merges every layer's checked entries into tables of :class:`Placed` entries;
:func:`resolve_merged` then checks every reference among them, by the rules of
``resolve`` (which the cache's edits apply too), reports each unknown one once, and
builds the :class:`~brief.core.model.Corpus`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.kinds import SINGULAR
from ..core.model import Actor, Citation, Claim, Corpus, Topic
from ..core.names import did_you_mean, normalise
from .grades import RELATION_DROPPED
from .knockons import KEPT_WITHOUT
from .knockons import problem as knock_on
from .leftout import Tally
from .resolve import (
    Sections,
    drop_links,
    left_out_message,
    resolve_citations,
    say_left_out,
    with_citations,
)
from .schema import KINDS, Entry, unread_path
from .trace import EntryAt

#: How many unknown references get a "did you mean" in one load (see ``resolve_merged``).
MAX_SUGGESTIONS = 50
#: Each kind's name for one entry of it, as problems word it.


@dataclass(slots=True)
class Placed:
    """An entry as merged: where it came from, and where it stands in load order."""

    entry: Entry
    """The checked entry, its references not yet resolved."""
    file: str
    """The display name of its file."""
    path: str
    """Its key path in that file (``claims[3]``)."""
    layer: int
    """The number of its layer."""
    ord: EntryAt = 0
    """Where the entry stands in the load (see :func:`~brief.corpus.trace.entry_at`)."""
    seq: EntryAt = 0
    """Where its id first took a place: a later layer's entry keeps the earlier position."""


Rejected = list[tuple[str, dict[str, Any], str, str]]
"""Entries left out for their own problems: kind, their valid values, file, key path."""
Lost = dict[str, dict[str, str]]
"""By kind, the ids found in files that were skipped, each with that file's name."""


def resolve_merged(
    merged: dict[str, dict[str, Placed]],
    problems: list[Diagnostic],
    rejected: Rejected,
    tag: Callable[[str], None] = lambda phase: None,
    lost: Lost | None = None,
    refused: Sequence[Claim] = (),
    clashed: Mapping[str, Collection[str]] | None = None,
) -> Corpus:
    """Check every reference; leave out claims that point at nothing, drop dead links.

    Entries are rebuilt only where something changes (a dead link dropped, a section
    spelled loosely): on a large corpus almost none are, and rebuilding them all would
    cost more than parsing. Entries already left out still have their references
    checked (and reported), so that one run of ``validate`` shows every problem; and a
    reference to one of them is not "unknown", only unusable; a reference to an entry
    of a skipped file (*lost*) is a knock-on of that file, and says so. Every claim
    left out (*refused* ones too: their id was taken) is counted against the topic,
    actors and sources it names (``Corpus.left_out``). A topic, actor or source whose
    id another kind's entry took (*clashed*: ids by kind) is left out too, its problem
    saying so: a reference to it says it is left out, not that it is unknown.
    """
    resolver = _Resolver(merged, problems, rejected, lost or {})
    for kind, idents in (clashed or {}).items():
        resolver.known[kind].update(idents)
    resolver.report_rejected(rejected)  # report only: these never load
    for claim in refused:
        resolver.tally.claim(claim.topic, claim.actors, claim.cites)
    tag("rejected")
    topics = resolver.topics()
    tag("related")
    kept = resolver.claims()
    tag("refs")
    claims = resolver.links(kept)
    tag("links")
    return Corpus(
        topics=tuple(topics),
        actors=tuple(p.entry for p in merged["actors"].values()),  # type: ignore[misc]
        sources=tuple(p.entry for p in merged["sources"].values()),  # type: ignore[misc]
        claims=tuple(claims),
        left_out=resolver.tally.counts,
        claims_left_out=resolver.tally.claims,
    )


class _Resolver:
    """The references of one load checked, each unknown one reported once."""

    def __init__(
        self,
        merged: dict[str, dict[str, Placed]],
        problems: list[Diagnostic],
        rejected: Rejected,
        lost: Lost,
    ) -> None:
        self.merged = merged
        self.problems = problems
        self.lost = lost
        self.known: dict[str, set[str]] = {kind: set(merged[kind]) for kind in KINDS}
        self.written: dict[str, Sections | None] = {}  # known sources; those left out: sections
        for kind, values, _, _ in rejected:
            if isinstance(values.get("id"), str):
                self.known[kind].add(values["id"])
                if kind == "sources":
                    self.written.setdefault(values["id"], _written(values))
        self.written.update((i, None) for i in self.known["sources"] - self.written.keys())
        self.sections = {
            sid: Sections(p.entry)  # type: ignore[arg-type]
            for sid, p in merged["sources"].items()
        }
        self.suggested = 0
        self.tally = Tally(merged["topics"], merged["actors"], merged["sources"])
        self._actor_names: dict[str, str] | None = None  # made when first needed
        self._slips_sought = 0  # a budget of its own: claimants' words are not mistakes

    def hint(self, ref: str, pool: Collection[str]) -> str:
        """A "did you mean" for the first :data:`MAX_SUGGESTIONS` unknown references.

        A suggestion compares with every candidate: past a few dozen, a hostile file
        with thousands of bad references would take minutes, so stop suggesting.
        Sorted, so that equally close candidates give the same hint in every run.
        """
        self.suggested += 1
        return did_you_mean(ref, sorted(pool)) if self.suggested <= MAX_SUGGESTIONS else ""

    def refs(
        self,
        file: str,
        path: str,
        key: str,
        kind: str,
        ids: Sequence[str],
        kept: bool = False,
        told: str | None = None,
        linked: bool = False,
    ) -> bool:
        """Report ids of *kind* that name nothing; True when all can be used.

        *kept*: the claim at *path* is kept without them (its problems say so).
        *told*: the id of the claim at *path*, when it would be in the corpus but for
        them, so that an id of an entry left out for its own problems is reported too:
        the claim is left out with it (or, with *kept*, kept without it). *linked*: the
        ids are links of an entry kept (a topic's ``related``), which one left out for
        its own problems loses, and says so.
        """
        usable = True
        for i, ref in enumerate(ids):
            if ref in self.merged[kind]:
                continue
            usable = False
            where = f"{path}.{key}[{i}]" if key != "topic" else f"{path}.topic"
            if ref in self.known[kind]:  # left out for its own problem, which says why
                if told is not None:
                    message = left_out_message(SINGULAR[kind], ref, told, kept)
                    self.problems.append(Diagnostic(d.UNKNOWN_REF, file, where, message))
                elif linked:
                    message = (
                        f"{SINGULAR[kind]} {ref!r} is left out for its own problems: the "
                        "link to it is dropped"
                    )
                    self.problems.append(Diagnostic(d.UNKNOWN_REF, file, where, message))
            else:
                skipped = self.lost.get(kind, {}).get(ref)
                if skipped is not None:
                    what = SINGULAR[kind]
                    self.problems.append(knock_on(file, where, what, ref, skipped, kept))
                    continue
                message = f"unknown {SINGULAR[kind]} {ref!r}{self.hint(ref, self.known[kind])}"
                message += f": {KEPT_WITHOUT}" if kept else ""
                self.problems.append(Diagnostic(d.UNKNOWN_REF, file, where, message))
        return usable

    def claim_refs(
        self, file: str, path: str, values: Mapping[str, Any], kept: bool = False
    ) -> tuple[bool, list[Citation | None]]:
        """Check a claim's topic, citations and actors; its citations resolved.

        *kept*: the claim is to be kept if its topic and citations can be used.
        """
        topic = [values["topic"]] if "topic" in values else []
        # a claim left out for its own problems says nothing of these
        told = values["id"] if kept and isinstance(values.get("id"), str) else None
        ok = self.refs(file, path, "topic", "topics", topic, told=told)
        cites = resolve_citations(
            file,
            path,
            values.get("cites", ()),
            self.sections,
            self.problems,
            self.hint,
            self.written,
            self.lost.get("sources", {}),
            tell_left_out=told,
        )
        ok = ok and None not in cites
        kept = ok and kept  # an actor that cannot be used is left out, not the claim
        kept_told = told if kept else None
        self.refs(file, path, "actors", "actors", values.get("actors", ()), kept, kept_told)
        return ok, cites

    def report_rejected(self, rejected: Rejected) -> None:
        """Report the references of entries left out for their own problems."""
        for kind, values, file, path in rejected:
            if unread_path(kind, path):  # a table of a misspelt kind: counted, not checked
                if kind == "claims":
                    self.tally.claim(values.get("topic"), values.get("actors"), values.get("cites"))
                continue
            if kind == "topics":
                self.refs(file, path, "related", "topics", values.get("related", ()))
            elif kind == "claims":
                self.claim_refs(file, path, values)
                self.tally.claim(values.get("topic"), values.get("actors"), values.get("cites"))
                for key in ("contradicts", "supports"):
                    self.refs(file, path, key, "claims", values.get(key, ()))

    def topics(self) -> list[Topic]:
        """Every topic, without related topics that are not in the corpus."""
        topics = self.merged["topics"]
        out: list[Topic] = []
        for placed in topics.values():
            topic = placed.entry
            assert isinstance(topic, Topic)
            related = topic.related
            if not self.refs(placed.file, placed.path, "related", "topics", related, linked=True):
                topic = replace(topic, related=tuple(r for r in topic.related if r in topics))
            out.append(topic)
        return out

    def claims(self) -> dict[str, Claim]:
        """The claims whose topic and citations can be used, by id.

        An actor that cannot be used (unknown, or left out for its own problems) is
        left out of the claim, which is kept: the claim still says something true of
        its topic, and its problem names the actor. A claim left out has its links
        checked here (a kept one's are, with :meth:`links`), not said to be kept.
        """
        kept: dict[str, Claim] = {}
        actors = self.merged["actors"]
        topics, sections = self.merged["topics"], self.sections
        for placed in self.merged["claims"].values():
            claim = placed.entry
            assert isinstance(claim, Claim)
            if claim.by is not None and claim.by not in actors:
                self._meant_actor(claim.by, placed)
            if _plainly_right(claim, topics, sections, actors):
                kept[claim.id] = claim  # what the checks below would keep, unchanged
                continue
            values: dict[str, object] = {
                "id": claim.id,
                "topic": claim.topic,
                "actors": claim.actors,
                "cites": claim.cites,
            }
            first = len(self.problems)
            ok, cites = self.claim_refs(placed.file, placed.path, values, kept=True)
            if not ok:
                self.tally.claim(claim.topic, claim.actors, claim.cites)
                say_left_out(self.problems, first, claim.id)  # its topic's or citations'
                for key in ("contradicts", "supports"):  # told now: no problem waits
                    self.refs(placed.file, placed.path, key, "claims", getattr(claim, key))
            else:
                kept[claim.id] = with_citations(claim, cites)  # type: ignore[arg-type]
                if not all(a in actors for a in claim.actors):
                    kept[claim.id] = self._without_unknown_actors(kept[claim.id], placed)
        return kept

    def _meant_actor(self, by: str, placed: Placed) -> None:
        """Tell a claim's ``by`` that is no actor's id but one's name or alias written
        (``Austria`` for ``austria-hungary``), or an id mistyped: it would be shown as
        written, and linked to no actor. Any other text (``unnamed accusers``) is a
        claimant of its own, as meant."""
        if self._actor_names is None:
            self._actor_names = {}
            for key, actor in self.merged["actors"].items():
                entry = actor.entry
                assert isinstance(entry, Actor)
                for name in (key, entry.name, *entry.aliases):
                    self._actor_names.setdefault(normalise(name), key)
        names = self._actor_names

        def ids() -> Collection[str]:  # a slip is looked for a bounded number of times
            self._slips_sought += 1
            return self.merged["actors"] if self._slips_sought <= MAX_SUGGESTIONS else ()

        ident = meant_actor(by, names.get, ids)
        if ident is not None:
            self.problems.append(by_problem(placed.file, placed.path, by, ident))

    def _without_unknown_actors(self, claim: Claim, placed: Placed) -> Claim:
        """*claim* without the actors that cannot be used, and so without those subjects
        and targets; without its relation too when none of its subjects is left, or no
        one for it to go to (said so, ``BRIEF021``)."""
        actors = self.merged["actors"]
        usable = tuple(a for a in claim.actors if a in actors)
        if claim.relation is None:
            return replace(claim, actors=usable)
        subjects = tuple(a for a in claim.relation_from if a in actors)
        targets = tuple(a for a in claim.relation_to if a in actors)
        kept = replace(claim, actors=usable, relation_from=subjects, relation_to=targets)
        why = _unusable(claim, actors, kept)
        if why is None:
            return kept
        # a knock-on of a skipped file when every actor it lost is in that one file
        lost = {self.lost.get("actors", {}).get(a) for a in claim.actors if a not in actors}
        cause = next(iter(lost)) if len(lost) == 1 and None not in lost else None
        unusable = f"is in the skipped file {cause}" if cause else "cannot be used"
        message = f"relation {claim.relation!r} dropped: {why} {unusable}; {RELATION_DROPPED}"
        where = f"{placed.path}.relation"
        self.problems.append(Diagnostic(d.RELATION, placed.file, where, message, cause or ""))
        return replace(kept, relation=None, relation_from=(), relation_to=())

    def links(self, kept: dict[str, Claim]) -> list[Claim]:
        """The kept claims, each without links to claims absent or left out (a link to a
        claim that is nowhere says the claim is kept without it; to one left out for its
        own problems, that the link is dropped)."""
        claims = self.merged["claims"]
        out: list[Claim] = []
        for claim in kept.values():
            if not claim.contradicts and not claim.supports:
                out.append(claim)  # nothing to check, nothing to drop
                continue
            placed = claims[claim.id]
            for key in ("contradicts", "supports"):  # a link to a claim left out says so
                ids = getattr(claim, key)
                self.refs(placed.file, placed.path, key, "claims", ids, True, linked=True)
                for i, ref in enumerate(ids):
                    if ref in claims and ref not in kept:  # for a topic or source it names
                        where = f"{placed.path}.{key}[{i}]"
                        message = f"claim {ref!r} is left out: the link to it is dropped"
                        self.problems.append(Diagnostic(d.UNKNOWN_REF, placed.file, where, message))
            out.append(drop_links(claim, kept))
        return out


def meant_actor(
    by: str, named: Callable[[str], str | None], ids: Callable[[], Collection[str]]
) -> str | None:
    """The actor a claim's ``by`` means without naming it by its id: the one it names
    by name or alias (*named* gives the actor a normalised name is of), or whose id it
    mistypes (one of *ids*); None for an actor's id, or a claimant of its own."""
    key = normalise(by)
    ident = named(key)
    if ident == by:
        return None  # the id itself
    return ident if ident is not None else _mistyped(key, ids())


def by_problem(file: str, path: str, by: str, ident: str) -> Diagnostic:
    """BRIEF022: the claim at *path* means actor *ident* by *by*, and does not say so."""
    message = (
        f"{by!r} is no actor's id, so it is shown as written and links to no actor; "
        f'for actor {ident!r}, write by = "{ident}"'
    )
    return Diagnostic(d.BY_NAMES_ACTOR, file, f"{path}.by", message)


def _mistyped(written: str, ids: Collection[str]) -> str | None:
    """The id *written* is a slip of (two letters apart in a long one), or None: a
    claimant's own words are seldom that close to an id."""
    import difflib  # only for a 'by' that names no actor

    near = difflib.get_close_matches(written, sorted(ids), n=1, cutoff=BY_CUTOFF)
    return near[0] if near else None


#: How alike a claim's ``by`` and an actor's id are for the one to be taken for a slip
#: of the other (``difflib``'s ratio): ``austra-hungary`` is, ``russian media`` is not.
BY_CUTOFF = 0.85


def _plainly_right(
    claim: Claim,
    topics: Container[str],
    sections: Mapping[str, Sections],
    actors: Container[str],
) -> bool:
    """Whether every reference of *claim* names an entry as written: its topic, each
    citation's source and section (or no section, of a source that has none), each
    actor. Such a claim is kept as it is, with no problem; most claims are."""
    if claim.topic not in topics:
        return False
    for cite in claim.cites:
        known = sections.get(cite.source)
        if known is None:
            return False
        if cite.section is None:
            if known.names:
                return False
        elif cite.section not in known.exact:
            return False
    return all(a in actors for a in claim.actors)


def _written(values: Mapping[str, Any]) -> Sections | None:
    """The sections of a source left out, when its file gives them validly."""
    names = values.get("sections")
    if isinstance(names, (list, tuple)) and all(isinstance(n, str) for n in names):
        return Sections.written(values["id"], names)
    return None


def _unusable(claim: Claim, actors: Mapping[str, object], kept: Claim) -> str | None:
    """What of *claim*'s relation cannot be used once the actors not in *actors* are
    gone (*kept*), in words; None when it keeps a subject and someone to go to."""
    if claim.relation_from and not kept.relation_from:
        return "every actor in its relation_from"
    if not claim.relation_from and claim.actors[0] not in actors:
        return f"its subject {claim.actors[0]!r}"  # the next actor is no subject
    if claim.relation_to and not kept.relation_to:
        return "every actor in its relation_to"
    if not kept.targets:
        return "all but one of its actors" if not claim.relation_from else "every other actor"
    return None
