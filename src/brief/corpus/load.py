"""Load corpus layers into one validated, fully resolved :class:`~brief.model.Corpus`.

Layers are read in order (bundled, ``BRIEF_PATH``, ``--corpus``); an entry in a later
layer replaces the earlier entry of the same kind and id. Problems never stop the
load: a file that cannot be used is skipped, an entry with a problem is left out, a
link to nothing is dropped, and every one of them is reported as a diagnostic.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field

from ..core import diagnostics as d
from ..core.collector import paused
from ..core.diagnostics import Diagnostic
from ..core.kinds import SINGULAR
from ..core.model import Claim, Corpus
from .clashes import check_names
from .ghosts import Ghosts, duplicate, place
from .layers import BUNDLED_LABEL, Layer, bundled_root, layers_for
from .onefile import Read
from .parallel import read_all
from .reader import discover, display_name, why_not
from .resolver import Lost, Placed, Rejected, resolve_merged
from .schema import KINDS, Checked, unread_path
from .stamps import Stamps
from .trace import KIND_ORDER, FileTrace, Trace, entry_at, file_ord, warning_lines

__all__ = [
    "BUNDLED_LABEL",
    "Layer",
    "LoadResult",
    "OnFile",
    "bundled_root",
    "layers_for",
    "load",
    "tell_phase",
]

#: Told ``(files read, files in all)`` once every file is listed, then after each file.
#: One with a ``phase(str)`` method is also told, in words, what a load (and a build)
#: does once every file is read (see :func:`tell_phase`).
OnFile = Callable[[int, int], None]


def tell_phase(on_file: OnFile | None, what: str) -> None:
    """Tell *on_file*, if it listens for them, the phase a load or build is in (``indexing``)."""
    phase = getattr(on_file, "phase", None)
    if phase is not None:
        phase(what)


_NAMED = ("topics", "actors", "sources")  # kinds that share the id namespace


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A loaded corpus with every problem met on the way."""

    corpus: Corpus
    """Every entry that could be used, every reference in it resolved."""
    problems: tuple[Diagnostic, ...]
    """Every problem, file by file in reading order."""
    files: tuple[str, ...]
    """Every file read, by display name, in reading order."""
    skipped: tuple[str, ...]
    """Files of which nothing could be used."""
    lost: Mapping[str, str] = field(default_factory=dict)
    """The skipped file each name (normalised) of a topic, actor or source it defines is
    in, found by its lines (see ``knockons.names_by_text``): the first such file."""
    left_out_entries: tuple[tuple[str, str], ...] = ()
    """Each entry of a file that could be used that is not in the corpus, as (file, kind):
    left out for its own problems, for an id already taken, or (a claim) for a
    reference to nothing. A problem says why; this says that it is missing."""
    unread: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Each skipped file, with every id its text names (see ``knockons.named_by_text``;
    none for a file that could not be read as bytes): what a briefing of such an entry
    may be missing, and what every other briefing says may be missing from it."""

    def warnings(self, paths: Mapping[str, tuple[str, str]] | None = None) -> list[str]:
        """One line per file with problems, for commands other than ``validate``; with
        *paths* (each file's path and its layer's folder, by name), each file's first
        problem by line, with its line (the files with problems are read again)."""
        by_file: dict[str, list[Diagnostic]] = {}
        for problem in self.problems:
            by_file.setdefault(problem.file, []).append(problem)
        skipped = set(self.skipped)
        files = [(name, found, name in skipped) for name, found in by_file.items()]
        if paths is None:
            return warning_lines(files)
        from .where import problem_lines

        return warning_lines(files, lambda problems: problem_lines(problems, paths))


def load(
    layers: Sequence[Layer],
    stamps: Stamps | None = None,
    trace: Trace | None = None,
    on_file: OnFile | None = None,
) -> LoadResult:
    """Read, check and merge *layers* in order.

    Every layer's files are listed before the first is read, so that *on_file*, if
    given, is told how many there are: ``(0, total)`` first, then ``(done, total)``
    after each file (a progress display; see ``render.progress``).

    The cycle collector is paused meanwhile: a load builds hundreds of thousands of
    objects and no cycles, and collecting as they pile up cost a fifth of the time
    on a 10,000-topic corpus.
    """
    with paused():
        return _load(layers, stamps, trace, on_file)


#: The stamp of a corpus folder that could not be listed: no folder's own (a time), so
#: the next run reads the corpus again, whether the folder was fixed or not (a ``chmod``
#: leaves its modification time as it was).
UNLISTED = -2


class _Loading:
    """One load in progress: its problems (each with its phase), files and merged entries."""

    def __init__(self, stamps: Stamps | None, trace: Trace | None) -> None:
        self.stamps = stamps
        self.trace = trace
        self.problems: list[Diagnostic] = []
        self.phases: list[str] = []  # the phase of each problem, in step with *problems*
        self.files: list[str] = []
        self.skipped: list[str] = []
        self.merged: dict[str, dict[str, Placed]] = {kind: {} for kind in KINDS}
        self.namespace: dict[str, tuple[str, Placed]] = {}
        self.rejected: Rejected = []
        self.refused: list[Claim] = []  # claims not placed: an id already taken
        self.clashed: dict[str, set[str]] = {kind: set() for kind in KINDS}  # the same, named
        self.lost: Lost = {kind: {} for kind in KINDS}  # ids of skipped files, by kind
        self.lost_names: dict[str, str] = {}  # see LoadResult.lost
        self.unread: dict[str, frozenset[str]] = {}  # see LoadResult.unread
        self.ghosts = Ghosts()  # ids of entries left out for their own problems

    def tag(self, phase: str) -> None:
        """Give the problems found since the last call *phase*."""
        self.phases.extend([phase] * (len(self.problems) - len(self.phases)))

    def listing(self, layer: Layer) -> list[tuple[str, str]] | Diagnostic:
        """Every file of one layer, in the folder walk's order; or why there are none."""
        root = layer.root
        if self.stamps is not None:
            self.stamps.folder(root)  # even a missing one: creating it is a change
        shown = display_name("", layer.label.rstrip("/") + "/")  # a folder, not a file
        if not os.path.isdir(root):
            why = "not a folder" if os.path.exists(root) else "corpus folder not found"
            return Diagnostic(d.UNREADABLE, shown, "", why)
        try:  # a folder that cannot be listed is said, as one under it is (a trial's
            with os.scandir(root):  # chmod 000 project folder vanished without a word)
                pass
        except OSError as exc:
            if self.stamps is not None:  # no stamp of its own: read again, fixed or not
                self.stamps.folders[root] = UNLISTED
            return Diagnostic(d.UNREADABLE, shown, "", f"cannot read: {why_not(exc)}")
        return list(discover(root, self.stamps))

    def missing(self, problem: Diagnostic) -> None:
        """Note a layer whose folder cannot be read."""
        self.problems.append(problem)
        self.skipped.append(problem.file)

    def file(self, number: int, path: str, name: str, rel: str, read: Read) -> None:
        """Place one file's entries, as read, parsed and checked (see ``onefile``)."""
        self.files.append(name)
        ord_ = file_ord(number, rel)
        if self.stamps is not None and read.stamp is not None:
            if read.stamped_on_read:
                self.stamps.files[path] = read.stamp
                if read.digest is not None:
                    self.stamps.digests[path] = read.digest
            else:  # a failed read: a stamp this load already took stands
                self.stamps.files.setdefault(path, read.stamp)
        checked = read.checked
        traced = None
        if self.trace is not None:
            traced = FileTrace(path, name, number, ord_, None)
            self.trace.files.append(traced)
        if isinstance(checked, Diagnostic):
            self.problems.append(checked)
            self.tag("local")
            self.skip(name, read)
            return
        self.problems.extend(checked.problems)
        self.tag("local")
        if traced is not None:
            traced.checked = checked
            traced.prepared = read.prepared
        if checked.fatal:
            self.skip(name, read)
            return
        # only a cache needs the order: the file's place in the trace
        ordered = (
            len(self.trace.files) - 1 if self.trace is not None and self.trace.orders else None
        )
        self.merge(checked, name, number, ordered)
        self.tag("place")

    def skip(self, name: str, read: Read) -> None:
        """Note a file nothing of which can be used, and the ids it was meant to define."""
        self.skipped.append(name)
        for kind, ids in (read.lost_ids or {}).items():
            for ident in ids:
                self.lost[kind].setdefault(ident, name)
        for key in read.lost_names or ():
            self.lost_names.setdefault(key, name)
        # every file skipped, its text's ids or none: a briefing names it either way
        self.unread[name] = read.named if read.named is not None else frozenset()

    def merge(self, checked: Checked, name: str, layer: int, traced: int | None) -> None:
        """Place one file's checked entries, in order; note what it rejected.

        Entries left out for their own problems still take part in the duplicate
        check, in their place among the others (see ``ghosts``). *traced* is the file's
        place in the trace, when the load notes where entries stand (``Trace.orders``).
        """
        for kind in KINDS:
            rejected = checked.rejected[kind]
            self.rejected += [(kind, values, name, where) for values, where in rejected]
            # an entry of no id, or of a table not read (a misspelt kind: claim[0]),
            # takes no place
            ghosts = {
                _index_of(where): values["id"]
                for values, where in rejected
                if isinstance(values.get("id"), str) and not unread_path(kind, where)
            }
            table = self.merged[kind]
            k = KIND_ORDER.index(kind)
            base = entry_at(traced, k, 0) if traced is not None else 0  # + pos: entry_at
            left_out = bool(self.ghosts)  # asked once a file: nearly always none
            for pos, (entry, where) in enumerate(checked.entries[kind]):
                if ghosts:  # most files have none: an entry left out is rare
                    for at_ in sorted(i for i in ghosts if i < _index_of(where)):
                        self.ghost(kind, ghosts.pop(at_), name, f"{kind}[{at_}]", layer)
                    left_out = bool(self.ghosts)
                placed = Placed(entry, name, where, layer, base + pos)
                if not _place(kind, placed, table, self.namespace, self.problems):
                    if isinstance(entry, Claim):
                        self.refused.append(entry)
                    else:  # its problem says why: what names it says it is left out
                        self.clashed[kind].add(entry.id)
                elif left_out and (why := self.ghosts.clash(kind, entry.id, layer)):
                    why += USED_UNTIL_FIXED
                    self.problems.append(Diagnostic(d.DUPLICATE_ID, name, f"{where}.id", why))
            for at_ in sorted(ghosts):
                self.ghost(kind, ghosts[at_], name, f"{kind}[{at_}]", layer)

    def ghost(self, kind: str, ident: object, name: str, where: str, layer: int) -> None:
        """Check the id of an entry left out for its own problems against those before it."""
        if not isinstance(ident, str):
            return
        earlier = self.merged[kind].get(ident)
        same = None if earlier is None else (place(earlier.file, earlier.path), earlier.layer)
        other = self.namespace.get(ident)
        named = (other[0], place(other[1].file, other[1].path)) if other is not None else None
        why = duplicate(kind, ident, layer, same, named) or self.ghosts.clash(kind, ident, layer)
        if why is not None:
            self.problems.append(Diagnostic(d.DUPLICATE_ID, name, f"{where}.id", why))
        self.ghosts.add(kind, ident, place(name, where), layer)

    def finish(self) -> LoadResult:
        """Resolve the merged entries, and note each problem in its file's trace."""
        self.tag("local")  # a missing corpus folder
        corpus = resolve_merged(
            self.merged,
            self.problems,
            self.rejected,
            self.tag,
            self.lost,
            self.refused,
            self.clashed,
        )
        check_names(self.merged, self.problems)
        self.tag("names")
        if self.trace is not None:
            by_name = {t.name: t for t in self.trace.files}
            for problem, phase in zip(self.problems, self.phases, strict=True):
                if problem.file in by_name:
                    by_name[problem.file].problems.setdefault(phase, []).append(problem)
        if self.trace is not None and self.trace.orders:
            self.trace.seq = {
                kind: {ident: p.seq for ident, p in table.items()}
                for kind, table in self.merged.items()
            }
        order = {name: i for i, name in enumerate(self.files)}
        problems = sorted(self.problems, key=lambda p: order.get(p.file, -1))
        files, skipped = tuple(self.files), tuple(self.skipped)
        kept = {c.id for c in corpus.claims}
        missing = [(name, kind) for kind, _, name, _ in self.rejected]
        missing += [(c.file, "claims") for c in self.refused]
        missing += [(p.file, "claims") for i, p in self.merged["claims"].items() if i not in kept]
        return LoadResult(
            corpus, tuple(problems), files, skipped, self.lost_names, tuple(missing), self.unread
        )


def _load(
    layers: Sequence[Layer], stamps: Stamps | None, trace: Trace | None, on_file: OnFile | None
) -> LoadResult:
    loading = _Loading(stamps, trace)
    listed = [loading.listing(layer) for layer in layers]  # in order: stamps as before
    jobs = [
        (path, layer.root, display_name(layer.label, rel))
        for layer, files in zip(layers, listed, strict=True)
        if not isinstance(files, Diagnostic)
        for path, rel in files
    ]
    total = len(jobs)
    tell = on_file if on_file is not None else _untold
    tell(0, total)
    prepare = trace.prepare if trace is not None else None
    with closing(read_all(jobs, stamps is not None, prepare)) as reads:
        done = 0
        for number, files in enumerate(listed):
            if isinstance(files, Diagnostic):
                loading.missing(files)
                continue
            for _, rel in files:
                path, _, name = jobs[done]
                loading.file(number, path, name, rel, next(reads))
                done += 1
                tell(done, total)
    tell_phase(on_file, "checking references")
    return loading.finish()


#: What a duplicate that loads, because the first of its id was left out for its own
#: problems, adds to its problem (the first takes its place again once fixed).
USED_UNTIL_FIXED = (
    ": that one is left out for its own problems, so this one is used until it is fixed"
)


def _untold(done: int, total: int) -> None:
    """No progress display."""


def _place(
    kind: str,
    placed: Placed,
    table: dict[str, Placed],
    namespace: dict[str, tuple[str, Placed]],
    problems: list[Diagnostic],
) -> bool:
    """Add one entry, replacing an earlier layer's entry of the same kind and id.

    False when it cannot be placed (its id is taken), with the problem saying so.
    """
    ident = placed.entry.id
    named = kind in _NAMED
    if named and ident in namespace and namespace[ident][0] != kind:
        other_kind, other = namespace[ident]
        problems.append(
            Diagnostic(
                d.DUPLICATE_ID,
                placed.file,
                f"{placed.path}.id",
                f"id {ident!r} is already the {SINGULAR[other_kind]} in "
                f"{place(other.file, other.path)}: "
                "this one is left out",
            )
        )
        return False
    earlier = table.get(ident)
    if earlier is not None and earlier.layer == placed.layer:
        problems.append(
            Diagnostic(
                d.DUPLICATE_ID,
                placed.file,
                f"{placed.path}.id",
                f"duplicate {SINGULAR[kind]} id {ident!r} "
                f"(first defined in {place(earlier.file, earlier.path)}): "
                "this one is left out",
            )
        )
        return False
    placed.seq = earlier.seq if earlier is not None else placed.ord
    table[ident] = placed  # a later layer replaces the earlier entry
    if named:
        namespace[ident] = (kind, placed)
    return True


def _index_of(where: str) -> int:
    """The place in its file of the entry at the key path *where* (``claims[3]``: 3)."""
    return int(where[where.index("[") + 1 : -1])
