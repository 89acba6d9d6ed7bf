"""The corpus shipped with brief: clean, fully cited, and readable."""

from __future__ import annotations

import pytest

from brief.core.index import build_index
from brief.corpus.load import LoadResult, layers_for, load

from .conftest import run

SECTIONS = {
    "why-china": [
        "Background Information",
        "Economic Benefits",
        "Geopolitical Interests",
        "Military Support",
        "The Human Rights Issues",
        "The Strategic Relationship",
        "The Political Agenda",
        "Trade Sanctions",
        "The US Response",
        "The Potential Impact",
        "Chinese Investments",
        "The Bigger Picture",
    ],
    "china-russia": [
        "Economy",
        "Geopolitical Position",
        "Mutual Interests",
        "Security",
        "Diplomacy",
        "The Complex Relationship",
    ],
}
TOPICS = [
    "history",
    "economy",
    "investment",
    "geopolitics",
    "military",
    "security",
    "diplomacy",
    "sanctions",
    "nuclear",
    "human-rights",
    "outlook",
]
ACTORS = [
    "china",
    "russia",
    "north-korea",
    "united-states",
    "south-korea",
    "united-nations",
    "japan",
]


@pytest.fixture(scope="module")
def result() -> LoadResult:
    return load(layers_for((), env={}))


def test_bundled_corpus_is_clean(result: LoadResult) -> None:
    assert result.problems == ()
    assert run("validate").exit_code == 0


def test_sources_have_every_section(result: LoadResult) -> None:
    articles = {s.id: list(s.sections) for s in result.corpus.sources if s.kind == "article"}
    assert articles == SECTIONS


def test_every_section_is_cited(result: LoadResult) -> None:
    cited = {(c.source, c.section) for claim in result.corpus.claims for c in claim.cites}
    missing = [(s, sec) for s, secs in SECTIONS.items() for sec in secs if (s, sec) not in cited]
    assert missing == []


def test_every_claim_cites_a_source_and_section(result: LoadResult) -> None:
    # (the loader leaves out a claim with no citation, so each has one at least);
    # the corpus's own fact-checks (fc-...) cite records other than the two articles
    for claim in result.corpus.claims:
        for c in claim.cites:
            assert c.source.startswith("fc-") or c.section in SECTIONS[c.source], claim.id


def test_required_topics_and_actors(result: LoadResult) -> None:
    index = build_index(result.corpus)
    assert set(TOPICS) <= set(index.topics)
    assert set(ACTORS) <= set(index.actors)
    for alias, actor in [
        ("prc", "china"),
        ("dprk", "north-korea"),
        ("rok", "south-korea"),
        ("usa", "united-states"),
        ("US", "united-states"),
        ("un", "united-nations"),
        ("North Korea", "north-korea"),
    ]:
        assert index.resolve(alias).id == actor, alias


def test_disagreements_are_recorded(result: LoadResult) -> None:
    index = build_index(result.corpus)
    pairs = {frozenset((c.id, o)) for c in result.corpus.claims for o in c.contradicts}
    assert len(pairs) >= 3
    # the seeds' headline disagreement: ignoring sanctions vs imposing them
    assert (
        "sanctions-china-accused-of-ignoring"
        in index.contested["sanctions-china-russia-sought-to-impose"]
    )
    # claims doubtful on their face are marked (the loader makes each say why, in a note)
    assert any(c.status == "disputed" for c in result.corpus.claims)


@pytest.mark.parametrize("name", ["sanctions", "security", "diplomacy", "china", "russia"])
def test_key_briefings_render(name: str) -> None:
    result = run("show", name)
    assert result.exit_code == 0 and result.stderr == ""
    assert "Sources" in result.stdout and "[1]" in result.stdout
