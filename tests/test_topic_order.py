"""An actor's or source's page lists its topics by title, in each corpus's own titles,
whichever corpus was shown before (the order is worked out once a corpus, not once a
page)."""

from __future__ import annotations

import shutil
from pathlib import Path

from brief.core.index import Index, build_index
from brief.corpus.layers import Layer
from brief.corpus.load import load
from brief.views.briefings import actor_briefing

from .conftest import CORPORA


def index_of(root: Path) -> Index:
    return build_index(load([Layer(str(root), "t")]).corpus)


def test_each_corpus_keeps_its_own_topic_order(tmp_path: Path) -> None:
    first = tmp_path / "first"
    shutil.copytree(CORPORA / "mini", first)
    second = tmp_path / "second"
    shutil.copytree(CORPORA / "mini", second)
    topic = second / "topics" / "security.toml"
    topic.write_text(topic.read_text().replace('title = "Security"', 'title = "Zz security"'))
    a, b = index_of(first), index_of(second)
    assert [t.id for t in a.corpus.topics] == [t.id for t in b.corpus.topics]  # files alike
    for index, expected in [(a, ["security", "trade"]), (b, ["trade", "security"])] * 2:
        sections = actor_briefing(index, index.actors["china"]).sections
        assert [s.key for s in sections] == expected
