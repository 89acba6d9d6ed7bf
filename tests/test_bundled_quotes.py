"""Every quote of the bundled corpus, word for word in the article it cites.

The two articles the bundled corpus is written from are not shipped with brief (see
the repository's ``shared/seeds`` beside it), so the bundled sources have no ``text``
and ``brief validate`` cannot check their quotes. This test does, wherever the
articles can be found: ``$BRIEF_SEEDS``, else ``shared/seeds`` beside the repository
(where a development checkout has them). Without them it is skipped, saying why and how
to point it at them: the articles are the project's sources, not a test dependency that
a fresh machine can install.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brief.corpus.load import LoadResult, layers_for, load
from brief.corpus.quotes import contains
from brief.corpus.sourcetext import SourceText, split

#: The file of each article in the seeds folder.
ARTICLES = {"why-china": "000_8762fb03063e84b9.txt", "china-russia": "004_ef8a856e4c99e0af.txt"}
REPO = Path(__file__).resolve().parent.parent


def seeds_folder() -> Path | None:
    """The first folder that holds both articles, or None."""
    env = os.environ.get("BRIEF_SEEDS")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared" / "seeds")
    for folder in candidates:
        if all((folder / name).is_file() for name in ARTICLES.values()):
            return folder
    return None


@pytest.fixture(scope="module")
def texts() -> dict[str, SourceText]:
    folder = seeds_folder()
    if folder is None:
        pytest.skip("the source articles are not found (set BRIEF_SEEDS to their folder)")
    return {
        source: split((folder / name).read_text(encoding="utf-8"), markdown=False)
        for source, name in ARTICLES.items()
    }


@pytest.fixture(scope="module")
def result() -> LoadResult:
    return load(layers_for((), env={}))


def test_every_article_section_is_a_heading_of_its_text(
    result: LoadResult, texts: dict[str, SourceText]
) -> None:
    for source in result.corpus.sources:
        if source.id in texts:  # the last title line is left-over page text
            headings = texts[source.id].headings()
            assert headings[-1] == "Leave a Comment"
            assert source.sections == headings[:-1], source.id


def test_every_quote_is_verbatim_in_its_cited_section(
    result: LoadResult, texts: dict[str, SourceText]
) -> None:
    quotes = [
        (claim.id, cite)
        for claim in result.corpus.claims
        for cite in claim.cites
        if cite.quote is not None
    ]
    assert len(quotes) >= 10  # the corpus quotes its hedges and accusations
    missing = []
    for claim_id, cite in quotes:
        assert cite.source in texts, f"{claim_id} quotes a source with no text to check"
        body = texts[cite.source].section(cite.section)
        assert body is not None, f"{claim_id}: no section {cite.section!r} in {cite.source}"
        if not contains(body, cite.quote or ""):
            missing.append((claim_id, cite.section, cite.quote))
    assert missing == []


def test_quotes_are_phrases_not_passages(result: LoadResult) -> None:
    for claim in result.corpus.claims:
        for cite in claim.cites:
            if cite.quote is not None:
                assert len(cite.quote.split()) <= 8, claim.id


def test_a_wrong_quote_would_be_caught(texts: dict[str, SourceText]) -> None:
    body = texts["why-china"].section("Trade Sanctions")
    assert body is not None
    assert contains(body, "actively helping North Korea circumvent them")
    assert not contains(body, "actively helping North Korea evade them")
