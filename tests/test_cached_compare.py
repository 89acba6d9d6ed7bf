"""``brief compare`` from the cache: the claims of the entries compared and what they
show (as their briefings read them), not the whole index; the same comparison."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from click.testing import Result

from brief.core.errors import BriefError
from brief.corpus.layers import bundled_root
from brief.store import CachedStore, LiveStore
from brief.views.claims import FIELDS, Query
from brief.views.comparison import Comparison

from .conftest import CORPORA, run, same_warm_as_from_files, settle, stores


@pytest.fixture(params=["bundled", "analyst", "relations"])
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    source = bundled_root() if request.param == "bundled" else CORPORA / request.param
    dest = tmp_path / "notes"
    shutil.copytree(source, dest)
    settle(dest)
    return dest


def answer(
    store: LiveStore | CachedStore, idents: list[str], topics: tuple[str, ...], diff: bool
) -> Comparison | str:
    try:
        return store.compare(idents, topics, diff)
    except BriefError as error:
        return str(error)


def test_every_pair_compares_as_the_whole_index_compares_it(
    corpus: Path, no_whole_corpus: None
) -> None:
    live, cached = stores(corpus)
    index = live.index()
    kinds = [list(index.actors), list(index.topics), list(index.sources)]
    asked: list[tuple[list[str], tuple[str, ...], bool]] = []
    for ids in kinds:
        asked += [
            ([a, b], (), diff) for a, b in itertools.combinations(ids, 2) for diff in (False, True)
        ]
        asked.append((ids[:3], (), False))
    first_topic = next(iter(index.topics))
    asked += [(kinds[0][:2], (first_topic,), False), (kinds[2][:2], (first_topic,), True)]
    asked += [([kinds[0][0], kinds[1][0]], (), False), ([kinds[0][0]], (), False)]  # errors
    asked.append((kinds[1][:2], (first_topic,), False))  # --topic with topics: an error
    made = [answer(cached, ids, topics, diff) for ids, topics, diff in asked]
    assert made == [answer(live, ids, topics, diff) for ids, topics, diff in asked]
    assert any(isinstance(m, Comparison) and m.rows for m in made)
    assert any(isinstance(m, str) for m in made)


@pytest.mark.parametrize(
    "args",
    [
        ("china", "russia"),
        ("china", "russia", "--diff-only", "-f", "json"),
        ("sanctions", "diplomacy", "-f", "markdown"),
        ("why-china", "china-russia", "--topic", "sanctions"),
        ("china", "sanctions"),
    ],
    ids=" ".join,
)
def test_cli_compare_from_the_cache_is_compare_from_the_files(
    args: tuple[str, ...], tmp_path: Path, no_whole_corpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(bundled_root(), notes)
    settle(notes)
    command = ("--no-bundled", "-c", str(notes), "compare", *args)
    same_warm_as_from_files(command, monkeypatch)


def test_conflicts_from_the_cache_are_the_whole_index_s(
    corpus: Path, no_whole_corpus: None
) -> None:
    """Every contradicting pair, touching each entry alone, and pairs of filters."""
    live, cached = stores(corpus)
    index = live.index()
    ids = [*index.topics, *index.actors, *index.sources]
    asked: list[tuple[list[str], list[str]]] = [([], [])]
    asked += [([i], []) for i in ids] + [([], [i]) for i in ids]
    asked += [([], [a, b]) for a, b in itertools.pairwise(ids)]
    asked += [([a, b], [c]) for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)]
    made = [cached.conflicts(about, each) for about, each in asked]
    assert made == [live.conflicts(about, each) for about, each in asked]
    assert made[0].pairs


def test_conflicts_about_entries_read_only_the_pairs_around_them(
    corpus: Path, no_whole_corpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not every contradicting pair of the corpus: 1.4 s at 10,000 topics, for 23 lines."""
    import brief.store.read

    live, cached = stores(corpus)
    index = live.index()
    ids = [*index.topics, *index.actors, *index.sources]

    def every_pair(*args: object) -> None:
        raise AssertionError("read every contradicting pair")

    monkeypatch.setattr(brief.store.read, "contested", every_pair)
    for about, each in [*(([i], []) for i in ids), *(([], [i]) for i in ids)]:
        assert cached.conflicts(about, each) == live.conflicts(about, each)
    with pytest.raises(AssertionError, match="every contradicting pair"):
        cached.conflicts()


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("china",),
        ("--topic", "sanctions", "--actor", "russia"),
        ("--actor", "chna"),
        ("--topic", "china"),
        ("--source", "why-china"),  # not the whole index, to find the source
        ("--source", "why-chna"),
        ("--source", "china", "--topic", "sanctions"),
        ("-f", "json"),
        ("zzz",),
    ],
    ids=" ".join,
)
def test_cli_conflicts_from_the_cache_are_conflicts_from_the_files(
    args: tuple[str, ...], tmp_path: Path, no_whole_corpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(bundled_root(), notes)
    settle(notes)
    command = ("--no-bundled", "-c", str(notes), "conflicts", *args)
    same_warm_as_from_files(command, monkeypatch)


def test_one_entry_s_timeline_from_the_cache_is_the_whole_index_s(
    corpus: Path, no_whole_corpus: None
) -> None:
    from brief.views.mingrade import minimum

    live, cached = stores(corpus)
    index = live.index()
    dated = 0
    for ident in [*index.topics, *index.actors, *index.sources]:
        for least, quotes in ((None, False), (None, True), (minimum("C3"), False)):
            made = cached.timeline(ident, least, quotes)
            assert made == live.timeline(ident, least, quotes), ident
            dated += len(made.events)
    assert dated or not any(c.date for c in index.corpus.claims)


def test_every_claim_s_timeline_from_the_cache_is_the_whole_index_s(
    corpus: Path, no_whole_corpus: None
) -> None:
    """From the dated claims and what they name, and a count of the others."""
    from brief.views.mingrade import minimum

    live, cached = stores(corpus)
    for least, quotes in ((None, False), (None, True), (minimum("C3"), False)):
        made = cached.timeline(None, least, quotes)
        assert made == live.timeline(None, least, quotes)
    claims = live.index().corpus.claims
    assert made.undated == sum(c.date is None for c in claims)
    assert made.events or not any(c.date for c in claims)


@pytest.mark.parametrize(
    "args",
    [
        ("china",),
        ("sanctions", "-f", "json"),
        ("why-china", "--min-grade", "C"),
        ("chna",),
        (),
        ("--quotes", "-f", "markdown"),
    ],
    ids=" ".join,
)
def test_cli_timeline_from_the_cache_is_timeline_from_the_files(
    args: tuple[str, ...], tmp_path: Path, no_whole_corpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(bundled_root(), notes)
    settle(notes)
    command = ("--no-bundled", "-c", str(notes), "timeline", *args)
    same_warm_as_from_files(command, monkeypatch)


def claims_or_error(store: LiveStore | CachedStore, query: Query) -> object:
    """``brief claims`` of *query* (every field), or the error it gives, by type and words."""
    try:
        return store.claims(query, FIELDS)
    except BriefError as error:
        return (type(error).__name__, str(error))


def test_claims_filtered_by_name_from_the_cache_are_the_whole_index_s(
    corpus: Path, no_whole_corpus: None
) -> None:
    from brief.core.model import STATUSES
    from brief.views.claims import Query as ClaimsQuery
    from brief.views.mingrade import minimum

    live, cached = stores(corpus)
    index = live.index()
    topic, actor, source = next(iter(index.topics)), next(iter(index.actors)), "zzz"
    asked = [ClaimsQuery(topic=t) for t in index.topics]
    asked += [ClaimsQuery(actor=a.upper()) for a in index.actors]
    asked += [ClaimsQuery(source=s, status="reported") for s in index.sources]
    asked += [ClaimsQuery(status=s) for s in STATUSES]
    asked += [
        ClaimsQuery(status="alleged", since="1950", until="2030", min_grade=minimum("C")),
        ClaimsQuery(status="assessment", unchecked=True),
    ]
    asked += [
        ClaimsQuery(topic=topic, actor=actor, min_grade=minimum("C")),
        ClaimsQuery(actor=actor, since="2000", until="2030"),
        ClaimsQuery(actor=actor, unchecked=True),
        ClaimsQuery(topic="", actor=actor),  # empty, and misses: worded alike
        ClaimsQuery(actor="chna", source=source),
        ClaimsQuery(source=topic),  # a topic, not a source
        ClaimsQuery(source=source),
        ClaimsQuery(topic=actor, actor="zzz"),
        ClaimsQuery(actor=actor, since="then"),
    ]

    made = [claims_or_error(cached, q) for q in asked]
    assert made == [claims_or_error(live, q) for q in asked]
    assert sum(len(getattr(m, "rows", ())) for m in made) > 10
    assert sum(not hasattr(m, "rows") for m in made) == 6


def test_claims_by_maker_tag_or_date_from_the_cache_are_the_whole_index_s(
    corpus: Path, no_whole_corpus: None
) -> None:
    """``--by``, ``--tag`` with other filters, and ``--since``/``--until`` read only the
    claims the filters keep (and, for ``--by``, the claims that have one)."""
    from brief.views.claims import Query as ClaimsQuery
    from brief.views.mingrade import minimum

    live, cached = stores(corpus)
    index = live.index()
    claims = index.corpus.claims
    makers = sorted({c.by for c in claims if c.by is not None})
    actor = next(iter(index.actors.values()))
    topic = next(iter(index.topics))
    tags = sorted(index.by_tag)
    asked = [ClaimsQuery(by=m) for m in makers]
    asked += [ClaimsQuery(by=m.upper(), status="alleged") for m in makers]
    asked += [ClaimsQuery(by=m, topic=topic) for m in makers[:2]]
    asked += [
        ClaimsQuery(by=actor.name),
        ClaimsQuery(by=actor.id, since="1900"),
        ClaimsQuery(by="zzz"),  # no such claimant: the closest ones
        ClaimsQuery(by=topic),  # a topic: no claimant either
        ClaimsQuery(by="unnamed accuser"),
    ]
    asked += [ClaimsQuery(tag=t, actor=actor.id) for t in tags]
    asked += [
        ClaimsQuery(tag=t.upper(), status="reported", source=s)
        for t in tags[:3]
        for s in index.sources
    ]
    asked += [ClaimsQuery(tag="no-such-tag", actor="zzz"), ClaimsQuery(tag="china", topic=topic)]
    asked += [
        ClaimsQuery(since="2000"),
        ClaimsQuery(until="1990"),
        ClaimsQuery(since="1950", until="2030", min_grade=minimum("C")),
        ClaimsQuery(since="2019-05", until="2019-05", unchecked=True),
        ClaimsQuery(since="then"),
        ClaimsQuery(since="2030", until="2020"),
    ]
    asked += [ClaimsQuery(min_grade=minimum(g)) for g in ("A", "B3", "3", "C", "F6", "6", "A1")]
    asked += [ClaimsQuery(min_grade=minimum("C"), unchecked=True, actor=actor.id)]

    made = [claims_or_error(cached, q) for q in asked]
    assert made == [claims_or_error(live, q) for q in asked]
    assert sum(len(getattr(m, "rows", ())) for m in made[: len(makers)]) >= len(makers)
    dated = made[-14:-8]
    assert sum(len(getattr(m, "rows", ())) for m in dated) or not any(c.date for c in claims)
    graded = made[-8:]
    graded_rows = sum(len(getattr(m, "rows", ())) for m in graded)
    assert graded_rows or not any(c.credibility for c in claims)
    assert sum(not hasattr(m, "rows") for m in made) >= 4


@pytest.mark.parametrize(
    "args",
    [
        ("--actor", "China"),
        ("--topic", "sanctions", "-f", "json", "--fields", "id,grade"),
        ("--source", "why-china", "--status", "alleged"),
        ("--actor", "chna"),
        ("--source", "china"),
        ("--tag", "china"),  # the rows a listing with the tag reads
        ("--tag", "Economy", "--status", "assessment", "-f", "json"),
        ("--tag", "no-such-tag"),
        ("--tag", "china", "--actor", "russia"),
        ("--by", "unnamed accusers"),
        ("--by", "nobody at all"),
        ("--status", "disputed"),
        ("--status", "alleged", "-f", "json", "--since", "1950"),
        ("--since", "2019", "--until", "2020-06"),
        ("--until", "then"),
        ("--min-grade", "C"),
        ("--min-grade", "B2", "-f", "json"),
        ("--unchecked",),  # from the whole index: no table answers it
    ],
    ids=" ".join,
)
def test_cli_claims_from_the_cache_are_claims_from_the_files(
    args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(bundled_root(), notes)
    settle(notes)
    command = ("--no-bundled", "-c", str(notes), "claims", *args)
    whole = args == ("--unchecked",)
    same_warm_as_from_files(command, monkeypatch, whole=whole)


def test_claimants_alike_but_for_case_are_named_as_the_whole_index_names_them(
    tmp_path: Path, no_whole_corpus: None
) -> None:
    """Of claims by ``Ministry``, ``MINISTRY`` and ``Ministry`` again, the last one's
    text names the claimant, in rows and in suggestions, read whole or in part."""
    from brief.views.claims import FIELDS
    from brief.views.claims import Query as ClaimsQuery

    notes = tmp_path / "notes"
    notes.mkdir()
    claims = "".join(
        f'[[claims]]\nid = "c{n}"\ntopic = "t"\ntext = "Claim {n}."\n'
        f'cites = [{{ source = "s" }}]\nstatus = "alleged"\nby = "{by}"\n'
        for n, by in enumerate(["Ministry", "MINISTRY", "Ministry", "Agency"])
    )
    (notes / "all.toml").write_text(
        'format = 2\n[[topics]]\nid = "t"\ntitle = "T"\nsummary = "S."\n'
        '[[sources]]\nid = "s"\ntitle = "S"\nkind = "article"\n' + claims
    )
    settle(notes)
    live, cached = stores(notes)
    assert not live.warnings

    def answer(store: LiveStore | CachedStore, by: str) -> object:
        try:
            return store.claims(ClaimsQuery(by=by), FIELDS)
        except BriefError as error:
            return str(error)

    for by in ("ministry", "agency", "ministr"):
        assert answer(cached, by) == answer(live, by), by
    assert "'Ministry'" in str(answer(live, "ministr"))


def test_conflicts_of_an_entry_with_claims_left_out_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A claim about China cites a source that is not there: ``conflicts china`` says one
    of its claims is left out (no pair can weigh it), in every format, read from the
    files or the cache; so does a query that finds no pair at all, a timeline of the
    topic, and the claims about China (on stderr: rows are data)."""
    import json

    notes = tmp_path / "notes"
    shutil.copytree(bundled_root(), notes)
    economy = notes / "topics" / "economy.toml"
    economy.write_text(economy.read_text().replace('source = "', 'source = "nope-', 1))
    settle(notes)
    base = ("--no-bundled", "-c", str(notes))
    said = "1 claim about China was left out (see brief validate)"

    def warm(*args: str) -> Result:
        with monkeypatch.context() as patched:
            made = same_warm_as_from_files((*base, *args), patched)
        assert made.exit_code == 0
        return made

    for fmt in ("plain", "markdown", "html"):
        assert said in warm("conflicts", "china", "-f", fmt).stdout
    pairs = json.loads(warm("conflicts", "china", "--topic", "economy", "-f", "json").stdout)
    assert pairs["left_out"] == [
        {"kind": "actor", "id": "china", "claims": 1},
        {"kind": "topic", "id": "economy", "claims": 1},
    ]
    whole = [{"kind": "corpus", "id": "", "claims": 1}]  # no entry named: the corpus's
    assert json.loads(run(*base, "conflicts", "-f", "json").stdout)["left_out"] == whole

    of_topic = "1 claim of this topic was left out (see brief validate)"
    assert of_topic in warm("timeline", "economy", "-f", "plain").stdout
    assert json.loads(warm("timeline", "economy", "-f", "json").stdout)["left_out"] == 1
    assert json.loads(warm("timeline", "-f", "json").stdout)["left_out"] == 1  # the corpus's

    about = warm("claims", "--actor", "china")
    assert f"brief: {said}\n" in about.stderr and said not in about.stdout
    quiet = run(*base, "-q", "claims", "--actor", "china").stderr  # the result's, not a file's
    assert quiet == f"brief: {said}\n"
    rows = json.loads(warm("claims", "--actor", "china", "--topic", "economy", "-f", "json").stdout)
    assert rows["left_out"] == [
        {"kind": "topic", "id": "economy", "claims": 1},
        {"kind": "actor", "id": "china", "claims": 1},
    ]

    economy.write_text(economy.read_text().replace("contradicts = ", "# contradicts = "))
    settle(notes)
    none = run(*base, "conflicts", "economy")
    assert none.exit_code == 1
    assert none.stderr.endswith(
        "no contradictions touch 'economy'; 1 claim of the topic Economic interests was"
        " left out (see brief validate)\n"
    )


SAYS_WHY = [
    (("claims", "--topic", "nuclear"), "'nuclear' is defined in the skipped file"),
    (("claims", "--topic", "nukes"), "'nukes' is defined in the skipped file"),
    (("conflicts", "--topic", "nuclear"), "'nuclear' is defined in the skipped file"),
    (("search", "arms", "--topic", "nuclear"), "'nuclear' is defined in the skipped file"),
    (("graph", "nuclear"), "'nuclear' is defined in the skipped file"),
    (("claims", "--by", "chinna"), "no claimant named 'chinna' (did you mean 'China'?)"),
    (("claims", "--source", "sanctions-china-russia-veto-2022"), "is a claim, in the topic"),
]


@pytest.mark.parametrize(("args", "said"), SAYS_WHY, ids=[" ".join(a) for a, _ in SAYS_WHY])
def test_a_filter_naming_what_is_not_there_says_why_as_show_does(
    args: tuple[str, ...], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name in a skipped file, given to an option (``--topic``) or to ``graph``, is
    said to be there (it was 'no topic named'); a claimant misspelled is offered the
    actors too. The same from the files and from the cache."""
    notes = tmp_path / "notes"
    shutil.copytree(bundled_root(), notes)
    nuclear = notes / "topics" / "nuclear.toml"
    nuclear.write_text(nuclear.read_text() + 'id = "broken\n')
    settle(notes)
    made = same_warm_as_from_files(("--no-bundled", "-c", str(notes), "-q", *args), monkeypatch)
    assert made.exit_code == 1
    assert said in made.stderr and len(made.stderr.splitlines()) == 1
