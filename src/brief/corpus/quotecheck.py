"""``brief validate``'s quote check: each citation's ``quote`` looked for in its source's text.

Runs after a load, on what it kept, with the load's :class:`~brief.corpus.trace.Trace`
to know where each file is and where each entry stands in it. Only ``validate`` runs
it on the whole corpus: reading every source text on every load would cost every
command for a check that only matters when the corpus changes. ``brief new`` and
``brief edit`` run it on the one file they write (:func:`check_file_quotes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from ..core import diagnostics as d
from ..core.diagnostics import Diagnostic
from ..core.model import Citation, Claim, Corpus, Source
from ..core.sanitize import quoted
from .layers import Layer
from .quotes import closest, contains
from .sourcetext import SourceText, read_text, split, text_path
from .trace import Trace

if TYPE_CHECKING:
    from .schema import Checked

#: Where a corpus file is, by the name problems give it: ``(path, its layer's folder)``.
Locate = Callable[[str], "tuple[str, str] | None"]


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

    def __init__(self, locate: Locate, checked: Iterable[tuple[str, Checked]]) -> None:
        self.locate = locate
        self.checked = checked
        self._where: dict[tuple[str, str], str] | None = None
        self.read: dict[str, SourceText | None] = {}
        self.problems: list[Diagnostic] = []

    def where(self, file: str, ident: str, otherwise: str) -> str:
        """The key path of the source or claim *ident* in *file* (``claims[3]``), for a
        problem; made the first time one is worded (a corpus with no quote never is)."""
        if self._where is None:
            self._where = {
                (name, entry.id): path
                for name, checked in self.checked
                for kind in ("sources", "claims")
                for entry, path in checked.entries[kind]
            }
        return self._where.get((file, ident), otherwise)

    def of(self, source: Source) -> SourceText | None:
        if source.id not in self.read:
            self.read[source.id] = self._load(source)
        return self.read[source.id]

    def _load(self, source: Source) -> SourceText | None:
        found = self.locate(source.file) if source.text is not None else None
        if source.text is None or found is None:
            return None
        path = text_path(found[0], source.text)
        try:
            text = read_text(path, found[1], source.text)
        except ValueError as why:
            where = f"{self.where(source.file, source.id, 'sources')}.text"
            message = f"source text {source.text!r}: {why}"
            self.problems.append(Diagnostic(d.TEXT_UNREADABLE, source.file, where, message))
            return None
        return split(text, markdown=source.text.lower().endswith((".md", ".markdown")) or None)


class _Quote(NamedTuple):
    """A citation's quote to look for: in the claim *claim* of *file*, at the key path
    *path* (None: the claim's, found when a problem is worded), its *i*-th citation."""

    file: str
    claim: str
    path: str | None
    i: int
    cite: Citation


def check_quotes(corpus: Corpus, trace: Trace, layers: Sequence[Layer]) -> QuoteReport:
    """Look for every quote of *corpus* in its source's text."""
    files = {f.name: (f.path, layers[f.layer].root) for f in trace.files}
    checked = [(f.name, f.checked) for f in trace.files if f.checked is not None]
    sources = {s.id: s for s in corpus.sources}
    kept = (  # made only for a citation with a quote: 200,000 claims have few or none
        _Quote(claim.file, claim.id, None, i, cite)
        for claim in corpus.claims
        for i, cite in enumerate(claim.cites)
        if cite.quote is not None
    )
    # a claim left out for another problem is still checked: no problem waits
    # behind another (a trial met this one only after fixing a key's typo)
    quotes = chain(kept, _rejected_quotes(checked, sources))
    return _check(quotes, _Texts(files.get, checked), sources)


def check_file_quotes(
    name: str, checked: Checked, sources: Mapping[str, Source], locate: Locate
) -> QuoteReport:
    """Look for the quotes of one corpus file alone, as :func:`check_quotes` looks for
    them: those of the claims of *checked* (the file *name*, as ``check_document`` found
    it), kept or left out, each in its source's text. *sources* are the corpus's by id
    (a quote of a source not among them is not looked for: that citation has a problem
    of its own); *locate* finds a source's corpus file by its name.

    What ``brief new`` checks a claim with before writing it, and ``brief new`` and
    ``brief edit`` the file they wrote: the texts of the sources it quotes alone are
    read. A text that cannot be read is a problem (``BRIEF018``) of the file defining
    its source, which may be another.
    """
    files = [(name, checked)]
    kept = (
        _Quote(name, claim.id, path, i, cite)
        for claim, path in checked.entries["claims"]
        if isinstance(claim, Claim)
        for i, cite in enumerate(claim.cites)
        if cite.quote is not None and cite.source in sources
    )
    return _check(chain(kept, _rejected_quotes(files, sources)), _Texts(locate, files), sources)


def _check(quotes: Iterable[_Quote], texts: _Texts, sources: Mapping[str, Source]) -> QuoteReport:
    """Look for each of *quotes* in its source's text, read by *texts*."""
    problems: list[Diagnostic] = []
    counts: dict[str, list[int]] = {}
    for quote in quotes:
        cite = quote.cite
        if cite.quote is None:
            continue
        text = texts.of(sources[cite.source])
        count = counts.setdefault(quote.file, [0, 0])
        if text is None:
            count[1] += 1
            continue
        count[0] += 1
        path = quote.path or texts.where(quote.file, quote.claim, "claims")
        problem = _looked(quote.file, f"{path}.cites[{quote.i}].quote", cite, text)
        if problem is not None:
            problems.append(problem)
    checked = sum(c for c, _ in counts.values())
    unchecked = sum(u for _, u in counts.values())
    by_file = tuple((file, c, u) for file, (c, u) in counts.items())
    return QuoteReport(tuple(texts.problems + problems), checked, unchecked, by_file)


def _looked(file: str, where: str, cite: Citation, text: SourceText) -> Diagnostic | None:
    """BRIEF017 for the quote of *cite* if *text* does not hold it; *where* is the
    quote's key path in *file*."""
    quote, section = cite.quote, cite.section
    assert quote is not None
    body = text.cited(section)
    if contains(body, quote):
        return None
    # the corpus may name a section the text has no heading for: then the whole text
    named = section is not None and text.section(section) is not None
    said = f"section {section!r}" if named else "the text"
    elsewhere = _found_in(text, quote, section) if section else None
    if elsewhere is not None:  # cited from the wrong section: that is the fix
        hint = f" (it is in section {elsewhere!r})"
    else:
        near = closest(body, quote)  # quoted as it can be copied: no backslash escapes
        hint = f" (closest: {quoted(near)})" if near else ""
    message = f"quote not found in {said} of source {cite.source!r}{hint}"
    return Diagnostic(d.QUOTE_NOT_FOUND, file, where, message)


def _rejected_quotes(
    files: Iterable[tuple[str, Checked]], sources: Mapping[str, Source]
) -> Iterator[_Quote]:
    """Each quote of a claim of *files* left out for its own problems, whose source is
    in the corpus."""
    for name, checked in files:
        for values, path in checked.rejected["claims"]:
            cites = values.get("cites")  # checked citations, as far as they got
            for i, cite in enumerate(cites if isinstance(cites, (list, tuple)) else ()):
                if isinstance(cite, Citation) and cite.quote is not None and cite.source in sources:
                    yield _Quote(name, str(values.get("id", "")), path, i, cite)


def _found_in(text: SourceText, quote: str, cited: str) -> str | None:
    """The first section of *text* other than *cited* that holds *quote*, if one does
    (a trial cited 'Causes' for words its 'Summary' holds)."""
    for heading in text.headings():
        if heading != cited:
            body = text.section(heading)
            if body is not None and contains(body, quote):
                return heading
    return None
