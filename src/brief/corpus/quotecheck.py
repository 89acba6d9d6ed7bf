"""``brief validate``'s quote check: each citation's ``quote`` looked for in its source's text.

Runs after a load, on what it kept, with the load's :class:`~brief.corpus.trace.Trace`
to know where each file is and where each entry stands in it. Only ``validate`` runs
it: reading every source text on every load would cost every command for a check
that only matters when the corpus changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.model import Citation, Claim, Corpus, Source
from ..core.sanitize import quoted
from .layers import Layer
from .quotes import closest, contains
from .sourcetext import SourceText, read_text, split, text_path
from .trace import Trace


class QuoteReport(NamedTuple):
    """What the quote check found."""

    problems: tuple[Diagnostic, ...]
    """Quotes not found (``BRIEF017``) and source texts that cannot be read (``BRIEF018``)."""
    checked: int
    """Quotes looked for in a source text (found or not)."""
    unchecked: int
    """Quotes whose source has no usable text."""
    by_file: tuple[tuple[str, int, int], ...] = ()
    """``(file, checked, unchecked)`` for each corpus file holding quotes, so that a
    report on some folders counts only their quotes."""


class _Texts:
    """Each source's text, read once; None for a source without a usable one."""

    def __init__(self, trace: Trace, layers: Sequence[Layer]) -> None:
        self.files = {f.name: f for f in trace.files}
        self.trace = trace
        self._where: dict[tuple[str, str], str] | None = None
        self.layers = layers
        self.read: dict[str, SourceText | None] = {}
        self.problems: list[Diagnostic] = []

    def where(self, file: str, ident: str, otherwise: str) -> str:
        """The key path of the source or claim *ident* in *file* (``claims[3]``), for a
        problem; made the first time one is worded (a corpus with no quote never is)."""
        if self._where is None:
            self._where = {
                (f.name, entry.id): path
                for f in self.trace.files
                if f.checked is not None
                for kind in ("sources", "claims")
                for entry, path in f.checked.entries[kind]
            }
        return self._where.get((file, ident), otherwise)

    def of(self, source: Source) -> SourceText | None:
        if source.id not in self.read:
            self.read[source.id] = self._load(source)
        return self.read[source.id]

    def _load(self, source: Source) -> SourceText | None:
        traced = self.files.get(source.file)
        if source.text is None or traced is None:
            return None
        path = text_path(traced.path, source.text)
        try:
            text = read_text(path, self.layers[traced.layer].root, source.text)
        except ValueError as why:
            where = f"{self.where(source.file, source.id, 'sources')}.text"
            message = f"source text {source.text!r}: {why}"
            self.problems.append(Diagnostic(d.TEXT_UNREADABLE, source.file, where, message))
            return None
        return split(text, markdown=source.text.lower().endswith((".md", ".markdown")) or None)


def check_quotes(corpus: Corpus, trace: Trace, layers: Sequence[Layer]) -> QuoteReport:
    """Look for every quote of *corpus* in its source's text."""
    texts = _Texts(trace, layers)
    sources = {s.id: s for s in corpus.sources}
    problems: list[Diagnostic] = []
    counts: dict[str, list[int]] = {}
    for claim in corpus.claims:
        for i, cite in enumerate(claim.cites):
            if cite.quote is None:
                continue
            text = texts.of(sources[cite.source])
            count = counts.setdefault(claim.file, [0, 0])
            if text is None:
                count[1] += 1
                continue
            count[0] += 1
            problem = _look(claim, i, text, texts)
            if problem is not None:
                problems.append(problem)
    for file, path, i, cite in _rejected_quotes(trace, sources):
        # a claim left out for another problem is still checked: no problem waits
        # behind another (a trial met this one only after fixing a key's typo)
        text = texts.of(sources[cite.source])
        count = counts.setdefault(file, [0, 0])
        if text is None:
            count[1] += 1
            continue
        count[0] += 1
        problem = _looked(file, f"{path}.cites[{i}].quote", cite, text)
        if problem is not None:
            problems.append(problem)
    checked = sum(c for c, _ in counts.values())
    unchecked = sum(u for _, u in counts.values())
    by_file = tuple((file, c, u) for file, (c, u) in counts.items())
    return QuoteReport(tuple(texts.problems + problems), checked, unchecked, by_file)


def _look(claim: Claim, i: int, text: SourceText, texts: _Texts) -> Diagnostic | None:
    cite = claim.cites[i]
    assert cite.quote is not None
    path = texts.where(claim.file, claim.id, "claims")
    return _looked(claim.file, f"{path}.cites[{i}].quote", cite, text)


def _looked(file: str, where: str, cite: Citation, text: SourceText) -> Diagnostic | None:
    """BRIEF017 for the quote of *cite* if *text* does not hold it; *where* is the
    quote's key path in *file*."""
    quote, section = cite.quote, cite.section
    assert quote is not None
    body = text.section(section)
    said = f"section {section!r}" if section else "the text"
    if body is None:  # the corpus names a section the text has no heading for
        body, said = text.whole(), "the text"
    if contains(body, quote):
        return None
    elsewhere = _found_in(text, quote, section) if section else None
    if elsewhere is not None:  # cited from the wrong section: that is the fix
        hint = f" (it is in section {elsewhere!r})"
    else:
        near = closest(body, quote)  # quoted as it can be copied: no backslash escapes
        hint = f" (closest: {quoted(near)})" if near else ""
    message = f"quote not found in {said} of source {cite.source!r}{hint}"
    return Diagnostic(d.QUOTE_NOT_FOUND, file, where, message)


def _rejected_quotes(
    trace: Trace, sources: dict[str, Source]
) -> Iterator[tuple[str, str, int, Citation]]:
    """``(file, claim's path, citation's place, citation)`` for each quote of a claim
    left out for its own problems, whose source is in the corpus."""
    for traced in trace.files:
        if traced.checked is None:
            continue
        for values, path in traced.checked.rejected["claims"]:
            cites = values.get("cites")  # checked citations, as far as they got
            for i, cite in enumerate(cites if isinstance(cites, (list, tuple)) else ()):
                if isinstance(cite, Citation) and cite.quote is not None and cite.source in sources:
                    yield traced.name, path, i, cite


def _found_in(text: SourceText, quote: str, cited: str) -> str | None:
    """The first section of *text* other than *cited* that holds *quote*, if one does
    (a trial cited 'Causes' for words its 'Summary' holds)."""
    for heading in text.headings():
        if heading != cited:
            body = text.section(heading)
            if body is not None and contains(body, quote):
                return heading
    return None
