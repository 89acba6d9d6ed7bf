"""Reading, parsing and checking a large corpus's files in worker processes.

A load's files are independent of one another until their entries are placed (see
``onefile``): that part, most of a load's time, can use every core. A load on *N*
cores starts *N - 1* worker processes, which read chunks of files and send each
file's :class:`~brief.corpus.onefile.Read` back; the loading process takes them in file
order and places their entries as a load in one process does, so the result is the
same, problem for problem, in the same order. While the chunk it needs next is still
being read, the loading process reads the next chunk no worker has begun itself,
rather than wait (see :func:`in_order`).

Workers pay for themselves only on a large corpus: starting them costs about 0.2 s,
and sending each file's records back adds about a quarter to the work. Measured with
benchmarks/workers.py on a quiet 2-core machine (see benchmarks/README.md, "Worker
processes"), they made a load slower up to 500 generated topics (3.4 MB), no faster at
750 (5.0 MB) and faster from 1,000 (6.5 MB); :data:`MIN_BYTES` lies between. Smaller
corpora, and machines with one core, are read in the loading process. The environment
variable ``BRIEF_WORKERS`` decides instead: ``1`` reads every corpus in
the loading process, ``N`` (2 or more) in ``N`` processes (``N - 1`` workers and the
loading process), however small the corpus (which is how the tests run both ways).
Workers import the main module, as Python's ``multiprocessing`` does, so a program
other than ``brief`` gets them only when it asks (see :func:`_main_harmless`).

Workers are started by the ``forkserver`` method where there is one (``spawn``
elsewhere), never by forking the loading process, which may run threads (a progress
display). If workers cannot be started on this platform, or one dies, the files not yet
read are read in the loading process. Workers ignore Ctrl-C: the loading process
stops them when it is interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from typing import TYPE_CHECKING, Any

from .onefile import Prepare, Read, read_one
from .reader import MAX_FILE_BYTES

if TYPE_CHECKING:
    from concurrent.futures import Future

#: The environment variable that sets how many processes read a corpus (see above).
WORKERS_ENV = "BRIEF_WORKERS"

#: Bytes of corpus files from which a load uses worker processes, when there is more
#: than one core: 5.5 MB, some 850 files as benchmarks/generate.py writes them.
MIN_BYTES = 5_500_000

#: The most processes that read a corpus by themselves, the loading process among them:
#: beyond about four, placing the entries in the loading process, which no worker can
#: do, sets the pace.
MAX_WORKERS = 4

#: The most files a worker reads for one task. Each task's records come back pickled
#: together, sharing one copy of each id and citation they name: at 32 files a task,
#: those copies made a cold build of 10,000 topics peak 14 MiB higher (306 MiB against
#: 292 MiB), in no less time. A corpus of fewer than 1,000 files is cut into smaller
#: tasks anyway (see ``_in_workers``).
CHUNK = 128

#: Files from which a load parses with the faster parser (see ``parse``), which costs
#: some 15 ms to import and saves about a quarter of a millisecond a file.
FAST_FILES = 200

Job = tuple[str, str, str]
"""One file to read: its path, its layer's root, its display name."""


def read_all(
    jobs: Sequence[Job], stamping: bool, prepare: Prepare | None = None
) -> Generator[Read, None, None]:
    """Each file of *jobs* read, parsed and checked (see ``onefile.read_one``), in order;
    with *prepare* (a module's function: workers are sent it by name), prepared too.

    In worker processes when :func:`workers_for` says so; whatever those cannot
    read (no way to start them here, a worker died) is read in this process.
    """
    given = 0
    fast = len(jobs) >= FAST_FILES
    workers = workers_for(jobs)
    if workers > 1:
        try:
            with closing(_in_workers(jobs, stamping, workers, prepare, fast)) as reads:
                for read in reads:
                    yield read
                    given += 1
        except Exception:  # the files not yet given are read here instead
            pass
    for path, root, name in jobs[given:]:
        yield read_one(path, root, name, stamping, prepare, fast)


def workers_for(jobs: Sequence[Job]) -> int:
    """How many processes should read *jobs*: 1 means this one, alone.

    Raises ``UsageError`` when :data:`WORKERS_ENV` is set to anything but a number of
    processes (as ``BRIEF_WATCH_INTERVAL`` does): a setting silently ignored looks as
    though it worked.
    """
    asked = os.environ.get(WORKERS_ENV, "").strip()
    if asked:
        if not (asked.isascii() and asked.isdigit() and int(asked) > 0):
            from ..core.errors import UsageError

            raise UsageError(
                f"{WORKERS_ENV}: expected a number of processes, 1 or more, got {asked!r}"
            )
        return int(asked)
    cpus = _cpus()
    if cpus < 2 or not _main_harmless():
        return 1
    size = 0
    for path, _, _ in jobs:
        try:
            size += min(os.stat(path).st_size, MAX_FILE_BYTES + 1)
        except (OSError, ValueError):
            continue
        if size >= MIN_BYTES:
            return min(cpus, MAX_WORKERS)
    return 1


def _main_harmless() -> bool:
    """Whether workers may import this process's main module, as every worker does.

    Harmless when there is no main file (``python -c``, the REPL), when it is a
    package's ``__main__`` (which workers skip: ``python -m brief``) or brief's own
    script; a script that imports ``brief`` may run itself again in each worker unless
    it guards its work with ``if __name__ == "__main__"``, which cannot be told from
    outside: such a script gets workers only when it asks (``BRIEF_WORKERS``).
    """
    main = sys.modules.get("__main__")
    name = getattr(getattr(main, "__spec__", None), "name", None)
    if name is not None:
        return bool(name == "__main__" or name.endswith(".__main__"))
    if getattr(main, "__file__", None) is None:
        return True
    return getattr(getattr(main, "main", None), "__module__", None) in _SCRIPT_MODULES


#: The modules whose ``main`` brief's console script calls (``brief.start``; before it,
#: ``brief.cli.entry``): a script that is brief's own.
_SCRIPT_MODULES = ("brief.start", "brief.cli.entry")


def _cpus() -> int:
    """The cores this process may run on."""
    affinity: Callable[[int], set[int]] | None = getattr(os, "sched_getaffinity", None)
    try:
        return len(affinity(0)) if affinity is not None else os.cpu_count() or 1
    except OSError:  # pragma: no cover - a platform that lists no affinity
        return os.cpu_count() or 1


def _in_workers(
    jobs: Sequence[Job], stamping: bool, workers: int, prepare: Prepare | None, fast: bool
) -> Generator[Read, None, None]:
    """Each file of *jobs* as *workers* processes read it, this one among them, in
    order; raises if the others cannot be started.

    The files go in chunks to ``workers - 1`` worker processes, which take them in
    order. This process, which places each file's entries in order, reads a chunk
    itself whenever the next chunk it needs is still being read: the first not yet
    begun, which no worker will then read. So it is never idle while a worker works,
    and what it reads is never pickled.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([__name__])  # imported once, not once per worker
    size = max(1, min(CHUNK, -(-len(jobs) // (workers * 4))))
    chunks = [jobs[at : at + size] for at in range(0, len(jobs), size)]
    executor = ProcessPoolExecutor(
        max(1, workers - 1), mp_context=context, initializer=_worker_start
    )
    done = False
    try:
        futures: list[Future[bytes] | None] = [
            executor.submit(_read_chunk, chunk, stamping, prepare, fast) for chunk in chunks
        ]
        yield from in_order(
            chunks, futures, lambda chunk: _read_here(chunk, stamping, prepare, fast)
        )
        done = True
    finally:
        # Interrupted: queued chunks are dropped, running ones end in a moment, and the
        # workers are gone before this returns. Done: they end while the load goes on
        # (freeing a worker's memory took half a second at 10,000 topics), and are
        # waited for when the process exits.
        executor.shutdown(wait=not done, cancel_futures=True)


def in_order(
    chunks: Sequence[Sequence[Job]],
    futures: list[Future[bytes] | None],
    read_here: Callable[[Sequence[Job]], list[Read]],
) -> Generator[Read, None, None]:
    """The reads of *chunks*, in order: each from its future in *futures* (its reads
    pickled, as :func:`_read_chunk` gives them), or from *read_here* when the future
    can still be cancelled. While a chunk's future is not done, the first chunks after
    it that can be cancelled are read here, and kept until their turn.

    A chunk whose future fails (its worker died) is read here too. Each future is let
    go of (its place in *futures* set to None) once taken: a done future keeps its
    chunk's bytes.
    """
    import pickle

    here: dict[int, list[Read]] = {}  # chunks read in this process, not yet given
    spare = 1  # the first chunk that may not have been begun
    for at, chunk in enumerate(chunks):
        future, futures[at] = futures[at], None
        if at in here:
            yield from here.pop(at)
            continue
        assert future is not None
        if future.cancel():  # not begun: read here
            yield from read_here(chunk)
            continue
        spare = max(spare, at + 1)
        while not future.done() and spare < len(chunks):
            waiting = futures[spare]
            if waiting is not None and waiting.cancel():
                futures[spare] = None
                here[spare] = read_here(chunks[spare])
            spare += 1
        try:
            payload = future.result()
        except Exception:  # a worker died, say: read here what it was to read
            yield from read_here(chunk)
        else:
            yield from pickle.loads(payload)


def _read_here(
    jobs: Sequence[Job], stamping: bool, prepare: Prepare | None, fast: bool = False
) -> list[Read]:
    """Read *jobs* in this process (see ``onefile.read_one``)."""
    return [read_one(path, root, name, stamping, prepare, fast) for path, root, name in jobs]


def _worker_start() -> None:
    """Set up a worker: Ctrl-C is the loading process's to handle; no cycles to collect."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()


def _read_chunk(
    jobs: Sequence[Job], stamping: bool, prepare: Prepare | None, fast: bool = False
) -> bytes:
    """In a worker: read *jobs*, and pickle what they gave (see :func:`_pickler_table`)."""
    import io
    import pickle

    reads = _read_here(jobs, stamping, prepare, fast)
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _pickler_table()
    pickler.dump(reads)
    return out.getvalue()


_TABLE: dict[type, Any] = {}


def _pickler_table() -> dict[type, Any]:
    """How to pickle the records a file gives: as their builder (see ``builders``), or
    their class, called with their fields.

    Four times as fast to load as the default for a frozen dataclass with slots, which
    sets each field in turn from Python: the loading process, which loads every file's
    records, sets the pace of a load in workers.
    """
    if not _TABLE:
        import copyreg
        import dataclasses
        from functools import partial
        from operator import attrgetter

        from ..core.diagnostics import Diagnostic
        from ..core.model import Citation
        from .builders import BUILDERS
        from .fastentry import received_citation

        _TABLE.update(copyreg.dispatch_table)
        for cls in (*BUILDERS, Diagnostic):
            fields = dataclasses.fields(cls)
            if len(fields) > 1 and all(f.init for f in fields):
                # a citation is shared again as it is received
                make = received_citation if cls is Citation else BUILDERS.get(cls, cls)
                _TABLE[cls] = partial(_reduce, make, attrgetter(*(f.name for f in fields)))
    return _TABLE


def _reduce(make: Callable[..., Any], fields: Callable[[Any], tuple[Any, ...]], obj: Any) -> Any:
    return make, fields(obj)
