"""``brief claims``: every claim as a row, filtered, decided once (see ``Query``).

A fact-check desk asks "every alleged claim citing X since 2020": ``Query(status=
"alleged", source="X", since="2020")``. Names are resolved as ``brief show`` resolves
them, with a "did you mean" when one reaches nothing; dates compare as spans of days
(see ``dates``). Rows come by topic title, then in corpus order within a topic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..core.errors import NotFound, UsageError
from ..core.index import Index
from ..core.model import Claim
from ..core.names import closest, natural_key, normalise
from .dates import span, window
from .mingrade import Minimum
from .records import Grade, LeftOut, left_out_entries


class ClaimRow(NamedTuple):
    """One claim as ``brief claims`` lists it. Its fields are the keys ``--fields`` takes."""

    id: str
    """The claim's id."""
    status: str
    """``reported``, ``assessment``, ``alleged`` or ``disputed``."""
    grade: str
    """Its badge, ``B2`` (``views.gradewords.badge``); empty when ungraded."""
    topic: str
    """The id of its topic."""
    actors: tuple[str, ...]
    """Ids of the actors it is about, subject first."""
    sources: tuple[str, ...]
    """Ids of the sources it cites, in citation order, each once."""
    date: str | None
    """When its matter happened or held, as written (``2019-05``, ``1950/1953``)."""
    text: str
    """The claim itself."""
    topic_title: str
    """Its topic's title."""
    reliability: str | None
    """The reliability of the first source it cites that has one (``A``-``F``)."""
    credibility: int | None
    """Its credibility, ``1``-``6``."""
    likelihood: str | None
    """An assessment's likelihood (ICD 203)."""
    confidence: str | None
    """An assessment's confidence."""
    by: str | None
    """Who makes or alleges it, as shown: an actor's name or the text written."""
    by_id: str | None
    """The actor id ``by`` names, when it names one."""
    quotes: int
    """How many of its citations quote their source."""
    checked: bool
    """Whether a quote of it can be checked against a source's text (``brief validate``)."""
    note: str | None
    """The editor's note on it."""


#: Every key ``--fields`` may choose, in the order JSON gives them.
FIELDS: tuple[str, ...] = ClaimRow._fields


class Query(NamedTuple):
    """What ``brief claims`` was asked for, as typed: every filter given must hold."""

    status: str | None = None
    """Only claims of this status."""
    topic: str | None = None
    """Only claims of the topic this names."""
    actor: str | None = None
    """Only claims about the actor this names."""
    source: str | None = None
    """Only claims citing the source this names."""
    tag: str | None = None
    """Only claims of topics with this tag."""
    by: str | None = None
    """Only claims made or alleged by this: an actor's name, or the text ``by`` gives."""
    since: str | None = None
    """Only dated claims whose date reaches this day, month or year or later."""
    until: str | None = None
    """Only dated claims whose date reaches back to this day, month or year or earlier."""
    unchecked: bool = False
    """Only claims with no quote that can be checked against a source's text."""
    min_grade: Minimum | None = None
    """Only claims graded at least this well (see ``mingrade``)."""


class Claims(NamedTuple):
    """What ``brief claims`` prints."""

    rows: tuple[ClaimRow, ...]
    """The claims kept, by topic title, then in corpus order."""
    filters: tuple[tuple[str, str], ...]
    """Each filter given, resolved (``("source", "coast-article")``), in a fixed order."""
    fields: tuple[str, ...] = FIELDS
    """The keys JSON gives each claim (``--fields``); every one by default."""
    left_out: tuple[LeftOut, ...] = ()
    """The topic, actor and source filtered by (``--topic`` ...) with claims the corpus
    holds but could not use: no row here stands for them."""
    chosen: bool = False
    """Whether ``--fields`` chose them: piped rows then give those fields, in that order,
    rather than their eight columns."""

    @property
    def described(self) -> str:
        """The filters in words, for "no claims ..." : ``status 'alleged', source 'x'``."""
        return ", ".join(
            key if key == "unchecked" else f"{key} {value!r}" for key, value in self.filters
        )


def row(index: Index, claim: Claim) -> ClaimRow:
    """*claim* as a row."""
    from .gradewords import badge
    from .grading import grade_of

    grade = grade_of(index, claim, range(1, len(claim.cites) + 1))
    quoted = [c for c in claim.cites if c.quote is not None]
    return ClaimRow(
        id=claim.id,
        status=claim.status,
        grade=badge(grade) if grade is not None else "",
        topic=claim.topic,
        actors=claim.actors,
        sources=tuple(dict.fromkeys(c.source for c in claim.cites)),
        date=claim.date,
        text=claim.text,
        topic_title=index.topics[claim.topic].title,
        reliability=grade.reliability if grade else None,
        credibility=claim.credibility,
        likelihood=claim.likelihood,
        confidence=claim.confidence,
        by=grade.by if grade else None,
        by_id=grade.by_id if grade else None,
        quotes=len(quoted),
        checked=any(index.sources[c.source].text is not None for c in quoted),
        note=claim.note,
    )


Test = Callable[[Claim], bool]


def _by(index: Index, name: str) -> tuple[str, Test]:
    """Who *name* means as a claim's ``by``: a text some claim gives, else an actor."""
    claimed = index.corpus.claims
    texts = {normalise(c.by): c.by for c in claimed if c.by and c.by not in index.actors}
    if normalise(name) in texts:
        key = normalise(name)
        return texts[key], lambda c: c.by is not None and normalise(c.by) == key
    try:
        actor = index.resolve_actor(name)
    except NotFound:
        makers = [*texts.values(), *(c.by for c in claimed if c.by and c.by in index.actors)]
        keyed = {normalise(m): m for m in makers}
        for actor in index.actors.values():  # any actor may be one: by name
            keyed.setdefault(normalise(actor.name), actor.name)
        near = tuple(keyed[k] for k in closest(name, keyed, limit=3))
        raise NotFound(name, near, "claimant") from None
    return actor.id, lambda c: c.by == actor.id


def _source(index: Index, name: str) -> str:
    return index.resolve_source(name).id


def _tests(index: Index, query: Query) -> tuple[list[tuple[str, str]], list[Test]]:
    """The filters *query* gives, resolved, and a test for each."""
    said: list[tuple[str, str]] = []
    tests: list[Test] = []
    if query.status is not None:
        status = query.status
        said.append(("status", status))
        tests.append(lambda c: c.status == status)
    if query.topic is not None:
        topic = index.resolve_topic(query.topic).id
        said.append(("topic", topic))
        tests.append(lambda c: c.topic == topic)
    if query.actor is not None:
        actor = index.resolve_actor(query.actor).id
        said.append(("actor", actor))
        tests.append(lambda c: actor in c.actors)
    if query.source is not None:
        source = _source(index, query.source)
        said.append(("source", source))
        tests.append(lambda c: any(cite.source == source for cite in c.cites))
    if query.tag is not None:
        tag = index.resolve_tag(query.tag)
        tagged = set(index.by_tag[tag])
        said.append(("tag", tag))
        tests.append(lambda c: c.topic in tagged)
    if query.by is not None:
        who, test = _by(index, query.by)
        said.append(("by", who))
        tests.append(test)
    return said, tests


def _dated(query: Query) -> tuple[list[tuple[str, str]], list[Test]]:
    """The date window *query* gives, if any, and its test."""
    if query.since is None and query.until is None:
        return [], []
    for option, value in (("--since", query.since), ("--until", query.until)):
        try:
            if value is not None:  # each alone first, so that its error names its option
                window(value, None)
        except ValueError as exc:
            raise UsageError(f"{option}: {exc}") from None
    try:
        days = window(query.since, query.until)
    except ValueError as exc:
        raise UsageError(f"--since/--until: {exc}") from None
    said = [(k, v) for k, v in (("since", query.since), ("until", query.until)) if v]
    return said, [lambda c: c.date is not None and span(c.date).overlaps(days)]


def claims(index: Index, query: Query, keys: tuple[str, ...] = FIELDS) -> Claims:
    """The claims *query* keeps, as rows, JSON giving each the *keys*; raises NotFound for
    a name that reaches nothing."""
    said, tests = _tests(index, query)
    dated_said, dated = _dated(query)
    said += dated_said
    tests += dated
    rows = [row(index, c) for c in index.corpus.claims if all(t(c) for t in tests)]
    if query.unchecked:
        said.append(("unchecked", "yes"))
        rows = [r for r in rows if not r.checked]
    if query.min_grade is not None:
        least = query.min_grade
        said.append(("min-grade", str(least)))
        rows = [r for r in rows if least.met_by(_grade(r))]
    order = {c.id: n for n, c in enumerate(index.corpus.claims)}
    rows.sort(key=lambda r: (natural_key(r.topic_title), r.topic, order[r.id]))
    named = [value for key, value in said if key in ("topic", "actor", "source")]
    return Claims(tuple(rows), tuple(said), keys, left_out_entries(index, named))


def _grade(row: ClaimRow) -> Grade:
    """The part of a row's grade a minimum looks at."""
    return Grade(row.reliability, row.credibility, None, None, None, None, None)


def fields(text: str) -> tuple[str, ...]:
    """``--fields id,status``: the keys chosen, in order; ``UsageError`` naming the valid
    ones for a key that is not one."""
    chosen = tuple(dict.fromkeys(f.strip() for f in text.split(",") if f.strip()))
    if not chosen:
        raise UsageError(f"--fields needs at least one field (valid: {', '.join(FIELDS)})")
    for name in chosen:
        if name not in FIELDS:
            import difflib

            near = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.6)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise UsageError(f"unknown field {name!r}{hint}; valid fields: {', '.join(FIELDS)}")
    return chosen
