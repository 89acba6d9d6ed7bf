"""Edits applied to the cache in place give exactly what a full load gives.

Every check compares the cache, after an edit, with a corpus loaded from scratch:
each briefing, the whole corpus, the warnings and search results. Whether the edit
was applied in place or declined (and why) is what ``apply_edits`` says; through
``open_store`` it is seen from the store that comes back (a rebuild answers from the
load it just made).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import brief.store.incremental
from brief.core.errors import BriefError
from brief.core.model import STATUSES
from brief.corpus.layers import BUNDLED_LABEL, Layer, bundled_root
from brief.store import (
    CachedStore,
    Corrupt,
    Edited,
    LiveStore,
    Outcome,
    Store,
    apply_edits,
    cache_file,
    open_store,
)
from brief.store.build import build
from brief.store.cachefile import open_file
from brief.views.claims import FIELDS
from brief.views.claims import Query as ClaimsQuery
from brief.views.mingrade import minimum


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus: contradictions across files, many citations."""
    dest = tmp_path / "notes"
    shutil.copytree(bundled_root(), dest)
    return dest


def layers(corpus: Path) -> list[Layer]:
    return [Layer(str(corpus), "notes")]


def snapshot(store: Store) -> dict[str, Any]:
    # What the cache reads row by row first: once the whole index is read, it answers
    # every query after it.
    catalogue = store.catalogue()
    statuses = {s: store.claims(ClaimsQuery(status=s), FIELDS) for s in STATUSES}
    timeline = store.timeline()
    windows = [("1900", None), (None, "2000"), ("1999-12", "1999-12"), ("2005-09-19", None)]
    dated = {w: store.claims(ClaimsQuery(since=w[0], until=w[1]), FIELDS) for w in windows}
    makers = {m: claims_by(store, m) for m in ("unnamed accusers", "A new accuser", "zzz")}
    graded = {g: store.claims(ClaimsQuery(min_grade=minimum(g)), FIELDS) for g in ("B", "3", "C2")}
    graph = store.graph()
    briefings = {e.id: store.briefing(e.id) for e in catalogue}
    conflicts = {e.id: store.conflicts([e.id]) for e in catalogue}
    hits = {}
    for query in ("china", "sanctions", "nuclear weapons", "edited", "fresh"):
        found = store.search(query, limit=1000).hits
        hits[query] = sorted((h.kind, h.id, h.snippet, round(h.score, 6)) for h in found)
    index = store.index()
    return {
        "corpus": index.corpus,
        "graph": graph,
        "briefings": briefings,
        "conflicts": conflicts,
        "warnings": store.warnings,
        "skipped": store.skipped(),
        "catalogue": catalogue,
        "names": {key: store.resolve(key) for key in index.names},
        "search": hits,
        "statuses": statuses,
        "timeline": timeline,
        "dated": dated,
        "makers": makers,
        "graded": graded,
    }


def claims_by(store: Store, maker: str) -> object:
    """``brief claims --by MAKER``, or the error it gives (the closest claimants)."""
    try:
        return store.claims(ClaimsQuery(by=maker), FIELDS)
    except BriefError as error:
        return str(error)


def edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text()
    new = change(text)
    assert new != text, "the edit changed nothing"
    path.write_text(new)
    # A new mtime even on coarse clocks, and one clearly older than the cache, which
    # would otherwise read the file again as racily clean (see cachefile.smudged).
    settled = min(path.stat().st_mtime_ns, time.time_ns() - 60 * 10**9) - 2 * 10**9
    os.utime(path, ns=(settled, settled))


def reopen(corpus: Path) -> tuple[Store, bool]:
    """The store after an edit, and whether the edit was applied in place."""
    store = open_store(layers(corpus))
    return store, isinstance(store, CachedStore)


def in_place(corpus: Path) -> Edited:
    """Apply the edits made since the cache was built, as ``open_store`` would, and say how.

    A declined edit leaves the cache as it was: the same state, still stale.
    """
    path = cache_file(layers(corpus))
    opened = open_file(path)
    assert opened is not None and not opened.fresh, "no edit to apply"
    opened.con.close()
    edited = apply_edits(path, layers(corpus), opened)
    after = open_file(path)
    assert after is not None
    after.con.close()
    if edited.outcome is Outcome.DECLINED:
        assert after.generation == opened.generation and not after.fresh
    else:
        assert after.generation != opened.generation and after.fresh
    return edited


def same_as_fresh(corpus: Path, store: Store) -> None:
    fresh = build(layers(corpus), None)
    assert isinstance(fresh, LiveStore)
    ours, theirs = snapshot(store), snapshot(fresh)
    for key in theirs:
        assert ours[key] == theirs[key], key


def checked_step(corpus: Path) -> int:
    """1 if the edits since the last step were applied in place, else 0; either way, the
    store now gives what a fresh load gives."""
    store, applied = reopen(corpus)
    same_as_fresh(corpus, store)
    return int(applied)


def warm(corpus: Path) -> None:
    open_store(layers(corpus))
    assert isinstance(open_store(layers(corpus)), CachedStore)


def claim_text(old: str, new: str) -> Callable[[str], str]:
    return lambda text: text.replace(f'text = "{old}', f'text = "{new}', 1)


NEW_CLAIM = """
[[claims]]
id = "sanctions-fresh-claim"
topic = "sanctions"
actors = ["russia", "united-nations"]
text = "A fresh claim about sanctions, added after the cache was built."
cites = [{ source = "china-russia", section = "Mutual Interests" }]
status = "assessment"
contradicts = ["nuclear-china-helping-maintain-capabilities"]
"""

IN_PLACE_EDITS: dict[str, tuple[str, Callable[[str], str]]] = {
    "topic renamed": ("topics/nuclear.toml", lambda t: t.replace('title = "', 'title = "New ', 1)),
    "topic's aliases, tags and related topics": (
        "topics/nuclear.toml",
        lambda t: re.sub(
            r"^aliases = \[",
            'aliases = ["atom bomb", ',
            t.replace("tags = [", 'tags = ["arms", ', 1),
            count=1,
            flags=re.M,
        ).replace("related = [", 'related = ["history", ', 1),
    ),
    "source retitled, its author, reliability and note changed (format 2)": (
        "sources.toml",
        lambda t: (
            t.replace('title = "Why Is China', 'title = "Why, Really, Is China', 1)
            .replace('author = "Cassie Grissom"', 'author = "C. Grissom"', 1)
            .replace('reliability = "D"', 'reliability = "C"', 1)
            .replace('note = "Graded D', 'note = "Once graded D', 1)
        ),
    ),
    "actor renamed, aliases changed": (
        "actors.toml",
        lambda t: t.replace('name = "Russia"', 'name = "Russian Federation"', 1).replace(
            'aliases = ["prc", ', 'aliases = ["zhongguo", ', 1
        ),
    ),
    "claim text": (
        "topics/sanctions.toml",
        claim_text("The UN has imposed", "Edited: the UN has imposed"),
    ),
    "claim added, contradicting a claim in another file": (
        "topics/sanctions.toml",
        lambda text: text + NEW_CLAIM,
    ),
    "claim removed": (
        "topics/sanctions.toml",
        lambda text: re.sub(
            r'\[\[claims\]\]\nid = "sanctions-scrutiny-of-china".*?(?=\n\[\[|\Z)',
            "",
            text,
            flags=re.S,
        ),
    ),
    "claim dated, another's date removed": (
        "topics/diplomacy.toml",
        lambda text: text.replace("date = 2005-09-19\n", "", 1).replace(
            'status = "', 'date = "1999-12"\nstatus = "', 1
        ),
    ),
    "claim's maker changed, another's added": (
        "topics/sanctions.toml",
        lambda text: text.replace('by = "unnamed accusers"', 'by = "a new accuser"', 1).replace(
            'status = "assessment"', 'status = "assessment"\nby = "A New Accuser"', 1
        ),
    ),
    "claim's credibility changed, another's removed": (
        "topics/sanctions.toml",
        lambda text: text.replace("credibility = 1\n", "credibility = 5\n", 1).replace(
            "credibility = 3\n", "", 1
        ),
    ),
    "claim's status changed": (
        "topics/sanctions.toml",
        lambda text: text.replace('status = "alleged"', 'status = "disputed"\nnote = "Denied."', 1),
    ),
    "claim moved to another topic": (
        "topics/sanctions.toml",
        lambda text: text.replace('topic = "sanctions"', 'topic = "nuclear"', 1),
    ),
    "claim's actors and status": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'actors = ["china"]\ntext = "China has been accused',
            'actors = ["russia", "china"]\nstatus = "reported"\ntext = "China has been accused',
        ).replace('status = "alleged"', "", 1),
    ),
    "relation added, with relation_to (format 2)": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'actors = ["china", "russia", "north-korea"]\ntext = "To prevent',
            'actors = ["china", "russia", "north-korea"]\nrelation = "sanctions"\n'
            'relation_to = ["north-korea"]\ntext = "To prevent',
            1,
        ),
    ),
    "relation_to removed: the relation goes to every other actor": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'relation = "sanctions"\nrelation_to = ["china"]\n', 'relation = "sanctions"\n', 1
        ),
    ),
    "relation removed": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'actors = ["united-nations", "north-korea"]\nrelation = "sanctions"\n',
            'actors = ["united-nations", "north-korea"]\n',
            1,
        ),
    ),
    "claim stating a relation removed": (
        "topics/sanctions.toml",
        lambda text: re.sub(
            r'\[\[claims\]\]\nid = "sanctions-us-targets-chinese-companies".*?(?=\n\[\[|\Z)',
            "",
            text,
            flags=re.S,
        ),
    ),
    "relation_to naming no other actor (BRIEF021, kept)": (
        "topics/sanctions.toml",
        lambda text: text.replace('relation_to = ["china"]', 'relation_to = ["chna"]', 1),
    ),
    "relation added, with relation_from and relation_to (format 2)": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'actors = ["china", "russia", "north-korea"]\ntext = "To prevent',
            'actors = ["china", "russia", "north-korea"]\nrelation = "sanctions"\n'
            'relation_from = ["china", "russia"]\nrelation_to = ["north-korea"]\n'
            'text = "To prevent',
            1,
        ),
    ),
    "relation_from removed: the relation goes from the first actor alone": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'relation_from = ["china", "russia"]\nrelation_to = ["north-korea"]\n'
            'text = "Fact-check: on 26 May',
            'relation_to = ["north-korea"]\ntext = "Fact-check: on 26 May',
            1,
        ),
    ),
    "relation_from naming a non-actor (BRIEF021, that subject dropped)": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'relation_from = ["china", "russia"]', 'relation_from = ["china", "rusia"]', 1
        ),
    ),
    "relations added, one symmetric, one mistyped (BRIEF021, kept)": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'actors = ["china", "russia", "north-korea", "united-nations"]\ntext = "Fact-check: in',
            'actors = ["china", "russia", "north-korea", "united-nations"]\n'
            'relation = "allied-with"\nrelation_to = ["russia"]\ntext = "Fact-check: in',
            1,
        ).replace(
            'text = "US sanctions on Chinese companies will not',
            'relation = "sanctons"\ntext = "US sanctions on Chinese companies will not',
            1,
        ),
    ),
    "topic summary": (
        "topics/nuclear.toml",
        lambda text: re.sub(r'summary = ".*?"', 'summary = "An edited summary."', text, count=1),
    ),
}


@pytest.mark.parametrize("what", IN_PLACE_EDITS)
def test_everyday_edit_is_applied_in_place_and_matches_a_fresh_load(
    corpus: Path, what: str
) -> None:
    file, change = IN_PLACE_EDITS[what]
    warm(corpus)
    edit(corpus / file, change)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, fresh = reopen(corpus)
    assert fresh, "the edit applied, the cache is fresh"
    same_as_fresh(corpus, store)
    days_and_makers_hold(corpus)


def days_and_makers_hold(corpus: Path) -> None:
    """The cache's rows of claims' days, makers and credibility are those of the claims in it now,
    none left behind by a claim rewritten or removed."""
    from brief.store.codec import days

    con = sqlite3.connect(cache_file(layers(corpus)))
    try:
        ids = dict(con.execute("SELECT rowid, id FROM claims").fetchall())
        dated = {ids[n]: (a, b) for n, a, b in con.execute("SELECT * FROM claim_days")}
        made = sorted((ids[n], m) for m, n in con.execute("SELECT * FROM claim_makers"))
        graded = {ids[n]: c for n, c in con.execute("SELECT * FROM claim_grades")}
    finally:
        con.close()
    claims = build(layers(corpus), None).index().corpus.claims
    assert dated == {c.id: days(c.date) for c in claims if c.date is not None}
    assert made == sorted((c.id, c.by) for c in claims if c.by is not None)
    assert graded == {c.id: c.credibility for c in claims if c.credibility is not None}


NEW_SUPPORTER = """
[[claims]]
id = "sanctions-fresh-supporter"
topic = "sanctions"
actors = ["china"]
text = "A fresh claim that supports one about investment, in another file."
cites = [{ source = "why-china", section = "Trade Sanctions" }]
supports = ["investment-china-invested-heavily"]
"""

#: Edits to claims that support others: the supported claim's briefings show them.
SUPPORT_EDITS: dict[str, tuple[str, Callable[[str], str]]] = {
    "supporting claim's text": (
        "topics/diplomacy.toml",
        claim_text("China has sought to be friendly", "Edited: China has sought to be friendly"),
    ),
    "supporting claim added": ("topics/sanctions.toml", lambda text: text + NEW_SUPPORTER),
    "supports link removed": (
        "topics/diplomacy.toml",
        lambda text: text.replace('supports = ["investment-china-invested-heavily"]\n', ""),
    ),
    "supporting claim's citation": (
        "topics/diplomacy.toml",
        lambda text: text.replace(
            'economic ties with it through trade deals and investment."\n'
            'cites = [{ source = "china-russia", section = "Diplomacy" }]',
            'economic ties with it through trade deals and investment."\n'
            'cites = [{ source = "why-china" }]',
        ),
    ),
}


@pytest.mark.parametrize("what", SUPPORT_EDITS)
def test_edit_to_a_supporting_claim_is_applied_and_its_supported_claim_shows_it(
    corpus: Path, what: str
) -> None:
    """Briefings shown before the edit (so stored) show the supporting claim as it is now."""
    file, change = SUPPORT_EDITS[what]
    warm(corpus)
    before = snapshot(open_store(layers(corpus)))  # stores every briefing
    edit(corpus / file, change)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, fresh = reopen(corpus)
    assert fresh
    after = snapshot(store)
    assert after["briefings"]["investment"] != before["briefings"]["investment"]
    same_as_fresh(corpus, store)


def test_supporting_claim_is_shown_under_the_claim_it_supports(corpus: Path) -> None:
    warm(corpus)
    store = open_store(layers(corpus))
    assert isinstance(store, CachedStore)
    (section,) = [s for s in store.briefing("investment").sections if s.key == "china"]
    point = next(p for p in section.points if p.id == "investment-china-invested-heavily")
    (supporter,) = point.supported_by
    assert supporter.id == "diplomacy-china-friendly-economic-ties"
    assert supporter.context == "China, in Diplomacy and the UN"
    assert supporter.refs and not supporter.supported_by  # its own citations, one level


@pytest.mark.parametrize("what", ["claim text", "topic summary"])
def test_everyday_edit_through_open_store(corpus: Path, what: str) -> None:
    file, change = IN_PLACE_EDITS[what]
    warm(corpus)
    edit(corpus / file, change)
    store, applied = reopen(corpus)
    assert applied, "this edit should not need a rebuild"
    same_as_fresh(corpus, store)
    again, _ = reopen(corpus)
    assert isinstance(again, CachedStore)  # and the cache is fresh afterwards
    same_as_fresh(corpus, again)


def test_section_broken_then_fixed_restores_the_links_to_it(corpus: Path) -> None:
    warm(corpus)
    path = corpus / "topics/sanctions.toml"
    original = path.read_text()
    edit(path, lambda t: t.replace('section = "Mutual Interests"', 'section = "Nowhere"'))
    store, in_place = reopen(corpus)
    # rebuilt: the claims linking to the one left out say their links are dropped
    assert not in_place and any("Nowhere" in w for w in store.warnings)
    assert any("the link to it is dropped" in p for p in store.problems_in())
    same_as_fresh(corpus, store)
    edit(path, lambda t: original)
    store, in_place = reopen(corpus)
    assert not in_place and not store.warnings
    same_as_fresh(corpus, store)


REBUILT_EDITS: dict[str, tuple[str, Callable[[str], str], str]] = {
    # a problem of its own (BRIEF008), in the "names" phase an edit does not redo
    "actor given an alias of no letter or digit": (
        "actors.toml",
        lambda text: text.replace("aliases = [", 'aliases = ["\U0001f525", ', 1),
        "an alias of no letter or digit",
    ),
    # its claim is left out, and others that link to it say the link is dropped
    "claim pointed at cites a section that does not exist": (
        "topics/sanctions.toml",
        lambda text: text.replace('section = "Trade Sanctions"', 'section = "Nowhere"', 1),
        "a claim links to a claim left out",
    ),
    "a disputed claim loses its note, so is left out": (
        "topics/sanctions.toml",
        lambda text: re.sub(r'\nnote = ".*?"', "", text, count=1),
        "the entries left out changed",
    ),
    "topic renamed to a name another entry has": (
        "topics/nuclear.toml",
        lambda t: t.replace('title = "', 'title = "Sanctions" # was: "', 1),
        "a new name is already in use",
    ),
    "source's sections changed": (
        "sources.toml",
        lambda t: t.replace('"Trade Sanctions",', '"Trade Sanctions Etc",', 1),
        "a topic, actor or source changed beyond its prose",
    ),
    "claim pointed at is removed": (
        "topics/sanctions.toml",
        lambda text: re.sub(
            r'\[\[claims\]\]\nid = "sanctions-china-accused-of-ignoring".*?(?=\n\[\[|\Z)',
            "",
            text,
            flags=re.S,
        ),
        "a claim links to a claim not in the corpus",  # from the same file
    ),
    "claim pointed at from another file is removed": (
        "topics/investment.toml",
        lambda text: re.sub(
            r'\[\[claims\]\]\nid = "investment-china-invested-heavily".*?(?=\n\[\[|\Z)',
            "",
            text,
            flags=re.S,
        ),
        "a claim added or removed is pointed at",
    ),
    "claim names an unknown actor": (
        "topics/sanctions.toml",
        lambda text: text.replace(
            'actors = ["china", "north-korea"]', 'actors = ["chian", "north-korea"]', 1
        ),
        "a claim names a topic or actor not in the corpus",
    ),
    "syntax error": (
        "topics/sanctions.toml",
        lambda text: text + "\n[[claims]\n",
        "the file cannot be read or parsed now",
    ),
    "claim id duplicated": (
        "topics/nuclear.toml",
        lambda text: (
            text + NEW_CLAIM.replace("sanctions-fresh-claim", "sanctions-un-imposed-over-nuclear")
        ),
        "a claim id also defined in another file",
    ),
}


@pytest.mark.parametrize("what", REBUILT_EDITS)
def test_other_edits_are_declined_and_rebuild_to_a_fresh_load(corpus: Path, what: str) -> None:
    file, change, why = REBUILT_EDITS[what]
    warm(corpus)
    edit(corpus / file, change)
    assert in_place(corpus) == Edited(Outcome.DECLINED, why)
    store, applied = reopen(corpus)
    assert isinstance(store, LiveStore) and not applied
    same_as_fresh(corpus, store)
    again, _ = reopen(corpus)
    assert isinstance(again, CachedStore)  # the rebuilt cache is fresh
    same_as_fresh(corpus, again)


ARCTIC = """format = 2

[[topics]]
id = "arctic"
title = "Arctic shipping"
summary = "Whether the northern route opens, and who gains."
aliases = ["northern sea route"]
tags = ["china", "shipping"]
related = ["economy"]

[[actors]]
id = "norway"
name = "Norway"
description = "A coastal state of the Arctic."
aliases = ["kingdom of norway"]

[[sources]]
id = "arctic-review"
title = "The Arctic Review"
kind = "article"
reliability = "C"
sections = ["Outlook", "Trade"]

[[claims]]
id = "arctic-route-opens"
topic = "arctic"
actors = ["norway", "china"]
text = "The northern route opens to year-round shipping by 2030."
cites = [{ source = "arctic-review", section = "Outlook" }]
credibility = 3
contradicts = ["nuclear-china-helping-maintain-capabilities"]

[[claims]]
id = "arctic-trade-grows"
topic = "economy"
actors = ["china"]
text = "Arctic trade grows with China's purchases."
cites = [
  { source = "arctic-review", section = "Trade" },
  { source = "why-china", section = "Economic Benefits" },
]
credibility = 3
supports = ["arctic-route-opens"]
"""


def added(corpus: Path, rel: str, text: str) -> Path:
    """A file written into *corpus* at *rel*; it and its folder settled (see :func:`edit`)."""
    path = corpus / rel
    path.write_text(text)
    settled = time.time_ns() - 60 * 10**9
    os.utime(path, ns=(settled, settled))
    os.utime(path.parent, ns=(settled + 1, settled + 1))  # new, but not racily so
    return path


def test_file_added_is_applied_in_place_and_matches_a_fresh_load(corpus: Path) -> None:
    """A new topic, actor and source, with claims on them and on what was there."""
    warm(corpus)
    added(corpus, "topics/arctic.toml", ARCTIC)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and store.resolve("northern sea route") == "arctic"
    assert store.resolve("kingdom of norway") == "norway"
    assert [h.id for h in store.search("year-round").hits] == ["arctic-route-opens"]
    same_as_fresh(corpus, store)
    # then edited as any file is: its claims' order (seq) stays that of a load
    edit(corpus / "topics/arctic.toml", claim_text("Arctic trade", "Edited: Arctic trade"))
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied
    same_as_fresh(corpus, store)


def test_entries_appended_to_files_are_applied_in_place(corpus: Path) -> None:
    """As ``brief new actor`` and ``brief new source`` add them: after those there; and a
    claim in another file that names both."""
    warm(corpus)
    actor = '\n[[actors]]\nid = "norway"\nname = "Norway"\ndescription = "A coastal state."\n'
    edit(corpus / "actors.toml", lambda t: t + actor)
    source = (
        '\n[[sources]]\nid = "arctic-review"\ntitle = "The Arctic Review"\nkind = "article"\n'
        'reliability = "C"\nsections = ["Outlook"]\n'
    )
    edit(corpus / "sources.toml", lambda t: t + source)
    claim = NEW_CLAIM.replace('"russia", ', '"norway", ').replace(
        '{ source = "china-russia", section = "Mutual Interests" }',
        '{ source = "arctic-review", section = "Outlook" }',
    )
    edit(corpus / "topics/sanctions.toml", lambda t: t + claim)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and store.resolve("Norway") == "norway"
    assert store.index().claims["sanctions-fresh-claim"].actors[0] == "norway"
    same_as_fresh(corpus, store)


def test_entry_removed_that_others_name_is_declined(corpus: Path) -> None:
    warm(corpus)
    edit(
        corpus / "topics/outlook.toml",
        lambda t: re.sub(r"\[\[topics\]\].*?(?=\n\[\[)", "", t, count=1, flags=re.S),
    )
    assert in_place(corpus) == Edited(
        Outcome.DECLINED, "a topic removed is a related topic of another"
    )
    store, applied = reopen(corpus)
    assert not applied
    same_as_fresh(corpus, store)


def test_file_added_then_removed_is_applied_in_place_both_ways(corpus: Path) -> None:
    warm(corpus)
    arctic = added(corpus, "topics/arctic.toml", ARCTIC)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    reopen(corpus)
    arctic.unlink()
    os.utime(arctic.parent, ns=(time.time_ns() - 50 * 10**9,) * 2)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and "arctic" not in store.index().topics
    assert not store.search("year-round").hits
    same_as_fresh(corpus, store)


def test_entries_removed_and_moved_in_a_file_are_applied_in_place(corpus: Path) -> None:
    """An actor nothing names is deleted; two others swap places (their order in load
    order, which listings follow, changes with them)."""
    actors = corpus / "actors.toml"
    edit(actors, lambda t: t + '\n[[actors]]\nid = "norway"\nname = "Norway"\ndescription = "A."\n')
    warm(corpus)
    text = actors.read_text()
    blocks = re.split(r"(?=\n\[\[actors\]\])", text)
    head, first, second, *rest = blocks
    swapped = head + second + first + "".join(b for b in rest if 'id = "norway"' not in b)
    edit(actors, lambda t: swapped)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and "norway" not in store.index().actors
    same_as_fresh(corpus, store)


def test_file_removed_whose_topic_others_name_is_declined(corpus: Path) -> None:
    """Claims in another file are about the topic: a load would leave them out."""
    warm(corpus)
    (corpus / "topics/outlook.toml").unlink()
    (corpus / "topics/more.toml").write_text(
        "format = 2\n" + NEW_CLAIM.replace('topic = "sanctions"', 'topic = "arctic"')
    )
    added(corpus, "topics/arctic.toml", ARCTIC.split("[[claims]]")[0])
    assert in_place(corpus).outcome is Outcome.DECLINED
    store, applied = reopen(corpus)
    assert not applied
    same_as_fresh(corpus, store)


def test_file_renamed_whose_entries_others_name_is_applied_in_place(corpus: Path) -> None:
    """A topic others list as related, with claims in other files about it, and the
    actors and sources of the file renamed: their ids are back in the same edit, so what
    names them names them still (a load reads them from the new file)."""
    warm(corpus)
    (corpus / "topics/nuclear.toml").rename(corpus / "topics/nuclear-weapons.toml")
    (corpus / "actors.toml").rename(corpus / "people.toml")
    os.utime(corpus / "topics", ns=(time.time_ns() - 50 * 10**9,) * 2)
    os.utime(corpus, ns=(time.time_ns() - 50 * 10**9,) * 2)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and store.index().topics["nuclear"].file == "notes/topics/nuclear-weapons.toml"
    same_as_fresh(corpus, store)


def test_file_moved_to_another_folder_is_applied_in_place(corpus: Path) -> None:
    """Removed from one folder and added to another in one go: its entries keep their
    ids, and take the new file's place in load order."""
    warm(corpus)
    arctic = added(corpus, "topics/arctic.toml", ARCTIC)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    reopen(corpus)
    moved = corpus / "arctic.toml"
    arctic.rename(moved)
    for folder in (corpus, corpus / "topics"):
        os.utime(folder, ns=(time.time_ns() - 50 * 10**9,) * 2)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and store.index().topics["arctic"].file == "notes/arctic.toml"
    same_as_fresh(corpus, store)


def test_files_added_and_removed_over_the_bundled_layer(tmp_path: Path) -> None:
    """A personal corpus on top of the bundled one, as most readers have it: a file of
    its own is added and removed in place; a copy of a bundled entry is not (a load
    takes the copy instead, and deleting it brings the bundled one back)."""
    mine = tmp_path / "mine"
    (mine / "topics").mkdir(parents=True)
    both = [Layer(bundled_root(), BUNDLED_LABEL), Layer(str(mine), "mine")]

    def fresh_equal(store: Store) -> None:
        theirs = snapshot(build(both, None))
        ours = snapshot(store)
        for key in theirs:
            assert ours[key] == theirs[key], key

    open_store(both)
    assert isinstance(open_store(both), CachedStore)
    for n in range(3):  # one after the other at the end of a layer: there is room
        added(mine, f"zz{n}.toml", _ACTOR.format(id=f"zz-{n}", name=f"ZZ {n}"))
        store = open_store(both)
        assert isinstance(store, CachedStore) and f"zz-{n}" in store.index().actors
    fresh_equal(store)
    arctic = added(mine, "topics/arctic.toml", ARCTIC)
    store = open_store(both)
    assert isinstance(store, CachedStore) and store.resolve("arctic") == "arctic"
    fresh_equal(store)
    arctic.unlink()
    os.utime(arctic.parent, ns=(time.time_ns() - 50 * 10**9,) * 2)
    store = open_store(both)
    assert isinstance(store, CachedStore) and "arctic" not in store.index().topics
    fresh_equal(store)
    copy = added(mine, "actors.toml", _ACTOR.format(id="russia", name="Russia, my notes"))
    store = open_store(both)
    assert isinstance(store, LiveStore)  # declined: rebuilt
    fresh_equal(store)
    open_store(both)
    copy.unlink()
    os.utime(mine, ns=(time.time_ns() - 40 * 10**9,) * 2)
    store = open_store(both)
    assert isinstance(store, LiveStore)  # the bundled russia comes back: rebuilt
    assert store.index().actors["russia"].name == "Russia"
    fresh_equal(store)


def test_files_added_in_turn_each_take_a_free_number(corpus: Path) -> None:
    """Numbers are left free between files: one added file takes it; a second one right
    after it finds none left there, and the cache is rebuilt, numbered afresh."""
    warm(corpus)
    added(
        corpus,
        "topics/aaa.toml",
        'format = 1\n[[actors]]\nid = "x1"\nname = "X1"\ndescription = "One."\n',
    )
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    reopen(corpus)
    added(
        corpus,
        "topics/aab.toml",
        'format = 1\n[[actors]]\nid = "x2"\nname = "X2"\ndescription = "Two."\n',
    )
    reason = "no number is free between the added file's neighbours"
    assert in_place(corpus) == Edited(Outcome.DECLINED, reason)
    store, applied = reopen(corpus)
    assert not applied
    same_as_fresh(corpus, store)
    added(
        corpus,
        "topics/zzz.toml",
        'format = 1\n[[actors]]\nid = "x3"\nname = "X3"\ndescription = "Three."\n',
    )
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied
    same_as_fresh(corpus, store)


#: Files added that a load would read differently from the cache's rows: (where, text,
#: why the edit is declined).
_ACTOR = 'format = 1\n[[actors]]\nid = "{id}"\nname = "{name}"\ndescription = "Someone."\n'
DECLINED_ADDITIONS: dict[str, tuple[str, str, str]] = {
    "id in use": (
        "topics/x.toml",
        _ACTOR.format(id="china", name="Another China"),
        "an id the added file defines is in use",
    ),
    "name in use": (
        "topics/x.toml",
        _ACTOR.format(id="prc-2", name="PRC"),
        "a new name is already in use",
    ),
    "name twice in the file": (
        "topics/x.toml",
        _ACTOR.format(id="a-1", name="Same") + _ACTOR.format(id="a-2", name="Same")[11:],
        "a new name names two entries",
    ),
    "problems of its own": (
        "topics/x.toml",
        _ACTOR.format(id="a-1", name="A").replace("Someone.", ""),
        "the file added has problems of its own",
    ),
    "related topic unknown": (
        "topics/x.toml",
        'format = 1\n[[topics]]\nid = "t1"\ntitle = "T1"\nsummary = "S."\nrelated = ["nowhere"]\n',
        "a topic the added file defines lists a related topic not in the corpus",
    ),
    "claim on nothing": (
        "topics/x.toml",
        ARCTIC.replace('topic = "economy"', 'topic = "nowhere"'),
        "a claim names a topic or actor not in the corpus",
    ),
}


@pytest.mark.parametrize("what", DECLINED_ADDITIONS)
def test_file_added_that_reaches_beyond_itself_is_declined(corpus: Path, what: str) -> None:
    rel, text, why = DECLINED_ADDITIONS[what]
    warm(corpus)
    (corpus / rel).parent.mkdir(exist_ok=True)
    added(corpus, rel, text)
    assert in_place(corpus) == Edited(Outcome.DECLINED, why)
    store, applied = reopen(corpus)
    assert not applied
    same_as_fresh(corpus, store)


def test_files_in_a_new_folder_are_added_in_place(corpus: Path) -> None:
    """As ``brief new topic`` makes ``topics/`` in a new corpus; a folder in it too. A
    folder added through a link is left to a load, which enters it only once."""
    warm(corpus)
    (corpus / "more" / "deeper").mkdir(parents=True)
    added(corpus, "more/deeper/x.toml", _ACTOR.format(id="a-1", name="A"))
    for folder in (corpus, corpus / "more"):
        os.utime(folder, ns=(time.time_ns() - 50 * 10**9,) * 2)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and "a-1" in store.index().actors
    same_as_fresh(corpus, store)
    (corpus / "linked").symlink_to(corpus / "more" / "deeper")
    os.utime(corpus, ns=(time.time_ns() - 40 * 10**9,) * 2, follow_symlinks=False)
    assert in_place(corpus) == Edited(Outcome.DECLINED, "a folder was added through a link")
    store, applied = reopen(corpus)
    assert not applied
    same_as_fresh(corpus, store)


def test_entries_moved_in_a_file_whose_problems_name_them_are_declined(corpus: Path) -> None:
    """A name clash is told at the entry's key path (``actors[7].name``): moving the
    entries would leave that path stale in the cache (a random run found it)."""
    actors = corpus / "actors.toml"
    edit(actors, lambda t: t + '\n[[actors]]\nid = "chn"\nname = "China"\ndescription = "Dup."\n')
    warm(corpus)
    head, first, second, *rest = re.split(r"(?=\n\[\[actors\]\])", actors.read_text())
    edit(actors, lambda _: head + second + first + "".join(rest))
    reason = "its topics, actors or sources changed while problems name them"
    assert in_place(corpus) == Edited(Outcome.DECLINED, reason)
    store, applied = reopen(corpus)
    assert not applied and any("BRIEF012" in w for w in store.warnings)
    same_as_fresh(corpus, store)


def test_file_added_beside_an_unknown_reference_is_declined(corpus: Path) -> None:
    """An id the new file defines may answer a reference elsewhere: a load would keep
    a claim it leaves out now."""
    edit(corpus / "topics/sanctions.toml", lambda t: t + NEW_CLAIM.replace('"russia", ', '"x9", '))
    warm(corpus)
    added(corpus, "topics/x.toml", _ACTOR.format(id="x9", name="X9"))
    reason = "the corpus has a problem that a new name could change"
    assert in_place(corpus) == Edited(Outcome.DECLINED, reason)
    store, applied = reopen(corpus)
    assert not applied and "russia" not in store.index().claims["sanctions-fresh-claim"].actors
    assert "x9" in store.index().claims["sanctions-fresh-claim"].actors
    same_as_fresh(corpus, store)


def test_file_removed_that_others_name_is_declined_and_rebuilds(corpus: Path) -> None:
    warm(corpus)
    (corpus / "topics/outlook.toml").unlink()
    reason = "a topic removed is a related topic of another"
    assert in_place(corpus) == Edited(Outcome.DECLINED, reason)
    store, applied = reopen(corpus)
    assert not applied and "outlook" not in store.index().topics
    same_as_fresh(corpus, store)


def test_edit_after_another_process_changed_the_cache_is_raced(corpus: Path) -> None:
    warm(corpus)
    edit(corpus / "topics/sanctions.toml", claim_text("The UN", "Edited: The UN"))
    path = cache_file(layers(corpus))
    opened = open_file(path)
    assert opened is not None
    opened.con.close()
    assert in_place(corpus) == Edited(Outcome.APPLIED)  # another process, first
    assert apply_edits(path, layers(corpus), opened) == Edited(Outcome.RACED)
    store, applied = reopen(corpus)
    assert applied
    same_as_fresh(corpus, store)


def test_edit_to_a_file_with_problems_keeps_its_other_warnings(corpus: Path) -> None:
    path = corpus / "topics/sanctions.toml"
    edit(path, lambda t: t.replace("format = 2\n", "format = 2\ncolour = 'red'\n", 1))
    warm(corpus)
    edit(path, claim_text("The UN has imposed", "Edited: the UN has imposed"))
    store, in_place = reopen(corpus)
    assert in_place and any("colour" in w for w in store.warnings)
    same_as_fresh(corpus, store)


def test_random_claim_edits_match_a_fresh_load(corpus: Path) -> None:
    """Twenty random everyday edits in a row, each checked against a fresh load."""
    rng = random.Random(20261123)
    files = sorted((corpus / "topics").glob("*.toml"))
    ids = re.findall(r'^id = "(.*?)"$', "".join(f.read_text() for f in files), flags=re.M)
    warm(corpus)
    applied = 0
    for n in range(20):
        path = rng.choice(files)
        head, *claims = path.read_text().split("\n[[claims]]\n")
        if not claims:
            continue
        i = rng.randrange(len(claims))
        action = rng.choice(["text", "status", "add", "drop", "contradicts", "supports", "section"])
        block = claims[i]
        if action == "text":
            claims[i] = re.sub(r'^text = "', f'text = "Edit {n}: ', block, count=1, flags=re.M)
        elif action == "status":
            block = re.sub(r'^status = ".*"\n?', "", block, flags=re.M)
            claims[i] = block.rstrip("\n") + '\nstatus = "assessment"\n'
        elif action == "add":
            fresh = re.sub(r'^id = "(.*?)"', f'id = "fresh-{n}"', block, count=1, flags=re.M)
            fresh = re.sub(r"^(contradicts|supports) = .*\n?", "", fresh, flags=re.M)
            claims.append(fresh)
        elif action == "drop":
            claims.pop(i)
        elif action in ("contradicts", "supports") and not re.search(
            r"^(contradicts|supports) =", block, re.M
        ):
            claims[i] = block.rstrip("\n") + f'\n{action} = ["{rng.choice(ids)}"]\n'
        elif action == "section":
            claims[i] = block.replace('section = "', 'section = "Part ', 1)
        new = "\n[[claims]]\n".join([head, *claims])
        if new == path.read_text():
            continue
        edit(path, lambda _, new=new: new)  # type: ignore[misc]
        applied += checked_step(corpus)
    assert applied >= 5, "most everyday edits should be applied in place"
    days_and_makers_hold(corpus)


def test_random_files_and_entries_added_removed_and_moved_match_a_fresh_load(
    corpus: Path,
) -> None:
    """Twenty random steps of a writer growing a corpus: files with new topics, actors,
    sources and claims (on new and old entries) added and removed, actors appended,
    deleted, reordered and renamed (now and then to a name in use, which leaves a clash
    that later steps must not make stale). Each is checked against a fresh load,
    applied or not."""
    rng = random.Random(20261202)
    topics = ["economy", "nuclear", "sanctions"]
    actors = ["china", "russia", "north-korea"]
    mine: list[Path] = []
    warm(corpus)
    applied = 0
    for n in range(20):
        action = rng.choice(["file", "file", "remove", "append", "delete", "swap", "rename"])
        if action == "file" or (action == "remove" and not mine):
            topic = rng.choice([*topics, f"t{n}"])
            actor = rng.choice([*actors, f"a{n}"])
            text = (
                f'format = 2\n[[topics]]\nid = "t{n}"\ntitle = "Topic {n}"\n'
                f'summary = "About {n}."\ntags = ["{rng.choice(["china", "t"])}"]\n'
                f'[[actors]]\nid = "a{n}"\nname = "Actor {n}"\ndescription = "Who."\n'
                f'[[sources]]\nid = "s{n}"\ntitle = "Source {n}"\nkind = "article"\n'
                f'reliability = "C"\n'
                f'[[claims]]\nid = "c{n}"\ntopic = "{topic}"\nactors = ["{actor}"]\n'
                f'text = "Claim {n} on record."\ncites = [{{ source = "s{n}" }}]\n'
                "credibility = 3\n"
            )
            mine.append(added(corpus, f"topics/n{rng.randrange(100):02d}-{n}.toml", text))
        elif action == "remove":
            gone = mine.pop(rng.randrange(len(mine)))
            gone.unlink()
            os.utime(gone.parent, ns=(time.time_ns() - 50 * 10**9,) * 2)
        else:
            path = corpus / "actors.toml"
            head, *blocks = path.read_text().split("\n[[actors]]\n")
            if action == "append":
                blocks.append(f'id = "x{n}"\nname = "Extra {n}"\ndescription = "More."\n')
            elif action == "delete":
                extra = [i for i, b in enumerate(blocks) if b.startswith('id = "x')]
                if not extra:
                    continue
                blocks.pop(rng.choice(extra))
            elif action == "rename":  # a name another has, now and then: declined
                i = rng.randrange(len(blocks))
                name = rng.choice([f"Renamed {n}", "China", f"Actor {n - 1}"])
                blocks[i] = re.sub(r'^name = ".*"', f'name = "{name}"', blocks[i], flags=re.M)
            else:
                i, j = rng.sample(range(len(blocks)), 2)
                blocks[i], blocks[j] = blocks[j], blocks[i]
            new = "\n[[actors]]\n".join([head, *(b.rstrip("\n") + "\n" for b in blocks)])
            if new == path.read_text():
                continue
            edit(path, lambda _, new=new: new)  # type: ignore[misc]
        applied += checked_step(corpus)
    assert applied >= 10, "most of these should be applied in place"


def test_cache_file_is_not_replaced_by_an_edit(corpus: Path) -> None:
    warm(corpus)
    path = Path(cache_file(layers(corpus)))
    inode = path.stat().st_ino
    edit(corpus / "topics/sanctions.toml", claim_text("The UN", "Edited: The UN"))
    _, in_place = reopen(corpus)
    assert in_place and path.stat().st_ino == inode


def test_save_by_rename_is_applied_in_place(corpus: Path) -> None:
    """Editors that write a new file and rename it over the old touch the folder too."""
    warm(corpus)
    path = corpus / "topics/sanctions.toml"
    tmp = corpus / "topics/.sanctions.toml.swp"
    tmp.write_text(
        claim_text("The UN has imposed", "Renamed: the UN has imposed")(path.read_text())
    )
    os.replace(tmp, path)
    (corpus / "topics/notes.txt").write_text("not a corpus file")
    store, in_place = reopen(corpus)
    assert in_place
    assert "Renamed: the UN" in store.briefing("sanctions").sections[0].points[0].text
    same_as_fresh(corpus, store)


def test_processes_starting_at_once_after_an_edit_all_see_it(corpus: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "shared")}
    cmd = [sys.executable, "-m", "brief", "--no-bundled", "-c", str(corpus), "show", "sanctions"]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    for n in range(3):
        before = f"Round {n - 1}: The UN" if n else "The UN"
        edit(corpus / "topics/sanctions.toml", claim_text(before, f"Round {n}: The UN"))
        procs = [
            subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(4)
        ]
        outs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
        assert all(f"Round {n}: The UN".encode() in out and err == b"" for out, err in outs)


def test_corrupt_file_record_means_a_silent_rebuild(corpus: Path) -> None:
    import sqlite3

    warm(corpus)
    con = sqlite3.connect(cache_file(layers(corpus)))
    con.execute("UPDATE files SET local = x'00112233'")
    con.commit()
    con.close()
    edit(corpus / "topics/sanctions.toml", claim_text("The UN", "Edited: The UN"))
    with pytest.raises(Corrupt):
        in_place(corpus)  # the cache is unusable: not a decline, an error
    store, applied = reopen(corpus)
    assert isinstance(store, LiveStore) and not applied  # which open_store rebuilds
    same_as_fresh(corpus, store)


def test_sqlite_error_while_applying_an_edit_means_a_silent_rebuild(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    def locked_out(self: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    warm(corpus)
    edit(corpus / "topics/sanctions.toml", claim_text("The UN", "Edited: The UN"))
    monkeypatch.setattr(brief.store.incremental._Edit, "_check_ids", locked_out)
    store, applied = reopen(corpus)
    assert isinstance(store, LiveStore) and not applied
    same_as_fresh(corpus, store)


@pytest.mark.parametrize("bug", [KeyError("a bug"), TypeError("a bug"), AssertionError("a bug")])
def test_a_bug_while_applying_an_edit_propagates(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, bug: Exception
) -> None:
    """A crash is not a decline: it is not turned into a silent rebuild."""

    def broken(self: object) -> None:
        raise bug

    warm(corpus)
    edit(corpus / "topics/sanctions.toml", claim_text("The UN", "Edited: The UN"))
    with monkeypatch.context() as patched, pytest.raises(type(bug), match="a bug"):
        patched.setattr(brief.store.incremental._Edit, "_check_ids", broken)
        open_store(layers(corpus))
    store, applied = reopen(corpus)  # the failed edit left the cache as it was
    assert applied
    same_as_fresh(corpus, store)


def test_trace_orders_kinds_as_the_schema_lists_them() -> None:
    from brief.corpus.schema import KINDS
    from brief.corpus.trace import KIND_ORDER

    assert KIND_ORDER == KINDS


def test_a_claim_taking_the_id_of_a_claim_left_out_is_declined(corpus: Path) -> None:
    """A claim left out still takes its id: a full load reports the duplicate (BRIEF009)."""
    nuclear = corpus / "topics/nuclear.toml"
    left_out = NEW_CLAIM.replace('status = "assessment"', 'status = "disputed"')
    edit(nuclear, lambda text: text + left_out)  # no note: left out for its own problem
    warm(corpus)
    edit(corpus / "topics/sanctions.toml", lambda text: text + NEW_CLAIM)
    reason = "a claim id also taken by a claim left out"
    assert in_place(corpus) == Edited(Outcome.DECLINED, reason)
    store, applied = reopen(corpus)
    assert not applied and any("BRIEF009" in w or "duplicate" in w for w in store.warnings)
    same_as_fresh(corpus, store)


def test_relation_added_in_place_shows_in_the_graph_and_the_briefing(corpus: Path) -> None:
    """The edit above is not vacuous: the cached store shows the new relation, to the
    one actor its relation_to names."""
    from brief.views.graph import graph

    claim = "sanctions-china-russia-sought-to-impose"
    file, change = IN_PLACE_EDITS["relation added, with relation_to (format 2)"]
    warm(corpus)
    before = open_store(layers(corpus))
    assert all(claim not in r.claims for r in before.briefing("china").relations)
    edit(corpus / file, change)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, fresh = reopen(corpus)
    assert fresh
    stated = [(r.words, r.other) for r in store.briefing("china").relations if claim in r.claims]
    assert stated == [("sanctions", "north-korea")]
    edges = [
        (e.subject, e.kind, e.object) for e in graph(store.index()).edges if claim in e.claim_ids
    ]
    assert edges == [("china", "sanctions", "north-korea")]
    passive = [
        (r.words, r.other) for r in store.briefing("north-korea").relations if claim in r.claims
    ]
    assert passive == [("sanctioned by", "china")]
    assert all(claim not in r.claims for r in store.briefing("russia").relations)


def test_relation_to_removed_in_place_draws_the_edges_it_held_back(corpus: Path) -> None:
    from brief.views.graph import graph

    file, change = IN_PLACE_EDITS["relation_to removed: the relation goes to every other actor"]
    warm(corpus)
    claim = "sanctions-us-targets-chinese-companies"
    edges = {
        (e.subject, e.kind, e.object)
        for e in graph(open_store(layers(corpus)).index()).edges
        if claim in e.claim_ids
    }
    assert edges == {("united-states", "sanctions", "china")}
    edit(corpus / file, change)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, fresh = reopen(corpus)
    assert fresh
    edges = {
        (e.subject, e.kind, e.object) for e in graph(store.index()).edges if claim in e.claim_ids
    }
    assert edges == {
        ("united-states", "sanctions", "china"),
        ("united-states", "sanctions", "north-korea"),
    }


def test_relation_from_removed_in_place_takes_back_the_edges_it_drew(corpus: Path) -> None:
    """The edit above is not vacuous: before it, the veto draws Russia's edge too; after
    it, China's alone, in the cached store's graph and briefings."""
    from brief.views.graph import graph

    file, change = IN_PLACE_EDITS[
        "relation_from removed: the relation goes from the first actor alone"
    ]
    claim = "sanctions-china-russia-veto-2022"
    warm(corpus)

    def drawn(store: Store) -> set[tuple[str, str, str]]:
        edges = graph(store.index()).edges
        return {(e.subject, e.kind, e.object) for e in edges if claim in e.claim_ids}

    before = open_store(layers(corpus))
    assert drawn(before) == {
        ("china", "shields", "north-korea"),
        ("russia", "shields", "north-korea"),
    }
    edit(corpus / file, change)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, fresh = reopen(corpus)
    assert fresh
    assert drawn(store) == {("china", "shields", "north-korea")}
    assert all(claim not in r.claims for r in store.briefing("russia").relations)
    passive = [
        (r.words, r.other) for r in store.briefing("north-korea").relations if claim in r.claims
    ]
    assert passive == [("shielded by", "china")]


@pytest.mark.parametrize("changed", ["topics/nuclear.toml", "topics/sanctions.toml"])
def test_claim_id_defined_twice_before_is_declined_from_either_file(
    corpus: Path, changed: str
) -> None:
    """One copy of the id is kept (its ``claims`` row tells which file defines it), the
    other left out (``raw_claims`` alone tells): an edit to either file sees the other."""
    twice = NEW_CLAIM.replace("sanctions-fresh-claim", "sanctions-un-imposed-over-nuclear")
    edit(corpus / "topics/nuclear.toml", lambda text: text + twice)
    warm(corpus)
    con = sqlite3.connect(cache_file(layers(corpus)))
    try:
        raw = con.execute("SELECT id FROM raw_claims").fetchall()
    finally:
        con.close()
    assert raw == [("sanctions-un-imposed-over-nuclear",)]  # kept claims are not repeated
    edit(corpus / changed, lambda text: text + "\n# edited\n")
    assert in_place(corpus) == Edited(Outcome.DECLINED, "a claim id also defined in another file")


def test_a_topic_listed_as_related_by_an_edit_applied_in_place_is_not_removed_quietly(
    corpus: Path,
) -> None:
    """Whether a topic removed is another's related topic is read from the cache's
    ``related`` rows, not from every topic (at 10,000 topics that took most of a show
    right after a file was removed): an edit applied in place keeps the rows true."""
    warm(corpus)
    arctic = added(corpus, "topics/arctic.toml", ARCTIC.split("[[claims]]")[0])
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    reopen(corpus)
    nuclear = corpus / "topics/nuclear.toml"
    edit(nuclear, lambda t: t.replace("related = [", 'related = ["arctic", ', 1))
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    reopen(corpus)
    arctic.unlink()
    os.utime(arctic.parent, ns=(time.time_ns() - 50 * 10**9,) * 2)
    assert in_place(corpus) == Edited(
        Outcome.DECLINED, "a topic removed is a related topic of another"
    )
    store, _ = reopen(corpus)
    same_as_fresh(corpus, store)
    edit(nuclear, lambda t: t.replace('related = ["arctic", ', "related = [", 1))
    added(corpus, "topics/arctic.toml", ARCTIC.split("[[claims]]")[0])
    reopen(corpus)  # nuclear lists it no more: its removal is applied in place
    arctic.unlink()
    os.utime(arctic.parent, ns=(time.time_ns() - 50 * 10**9,) * 2)
    assert in_place(corpus) == Edited(Outcome.APPLIED)
    store, applied = reopen(corpus)
    assert applied and "arctic" not in store.index().topics
    same_as_fresh(corpus, store)
