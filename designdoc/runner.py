"""Run a lint over CLI targets (files, folders, stdin) and collect a Result.

The one place that turns targets into per-file lint calls, so caching and
parallelism live here and nowhere else:

1. discover the files (in the order discovery yields them, which is sorted);
2. look each one up in the content-hash cache (:mod:`designdoc.cache`);
3. lint the misses: in this process when there are few, else in a process
   pool (``--jobs``; default ``min(cpu count, 8)``) fed in chunks;
4. store the new results and return everything in discovery order.

Linting is CPU-bound Python, so processes, not threads; each worker parses
and lints a chunk of files and writes their cache entries itself.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from designdoc.config import Config, find_config, load_config
from designdoc.discover import Options, discover
from designdoc.errors import DesignDocError
from designdoc.lint import FileResult, Result, lint_bytes, lint_file

if TYPE_CHECKING:
    from designdoc.cache import Cache

# Below this many files to lint, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 16
MAX_DEFAULT_JOBS = 8


@dataclass
class LintRequest:
    """What the user asked for on the command line."""

    targets: list[str]
    config: Config | None = None  # forced by --config
    kind: str | None = None
    stdin_filename: str | None = None
    cli: dict[str, Any] = field(default_factory=dict)  # select / ignore / extend_select
    use_cache: bool = True  # --no-cache turns it off
    cache_dir: str | None = None  # --cache-dir
    jobs: int | None = None  # --jobs; None: min(cpu count, 8)
    discovery: Options = field(default_factory=Options)  # gitignore, force-exclude, changed-since


@dataclass
class _Job:
    index: int  # position in the result
    path: str
    explicit: bool
    key: str | None = None  # cache key, None when not cacheable
    digest: bytes = b""  # sha256 of the bytes the key was made from


def default_jobs() -> int:
    """Worker processes when ``--jobs`` is not given: usable CPUs, at most 8."""
    try:
        cpus = len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_JOBS))


def cache_folder(req: LintRequest) -> Path:
    """Where this run's cache lives (see :func:`designdoc.cache.default_folder`)."""
    from designdoc.cache import default_folder

    base = req.config or load_config(find_config(Path.cwd()))
    return default_folder(base.root, base.cache_dir, req.cache_dir)


def run_lint(req: LintRequest, stdin: TextIO | None = None) -> Result:
    """Lint every target; raises DesignDocError for a missing target or bad config."""
    slots: list[FileResult | None] = []
    jobs: list[_Job] = []
    for target in req.targets or ["."]:
        if target == "-":
            name = req.stdin_filename or "<stdin>"
            cfg = req.config or load_config(find_config(Path(name).resolve().parent))
            # Bytes, so binary or non-UTF-8 input is reported like such a file.
            stream = stdin or sys.stdin
            buffer = getattr(stream, "buffer", None)
            data = buffer.read() if buffer is not None else stream.read().encode("utf-8", "surrogateescape")
            slots.append(lint_bytes(data, name, config=cfg, kind=req.kind, **req.cli))
            continue
        if not Path(target).exists() and not Path(target).is_symlink():
            raise DesignDocError(f"{target}: no such file or folder")
        for path, explicit in discover([target], req.config, req.discovery):
            jobs.append(_Job(len(slots), path, explicit))
            slots.append(None)

    cache = None
    if req.use_cache and jobs:
        from designdoc.cache import Cache

        cache = Cache(cache_folder(req))
        jobs = _lookup(jobs, req, cache, slots)

    if jobs:
        workers = min(req.jobs or default_jobs(), len(jobs))
        with _few_collections():
            if workers > 1 and len(jobs) > PARALLEL_MIN_FILES:
                done = _lint_parallel(jobs, req, cache, workers)
            else:
                done = _lint_chunk(jobs, req.config, req.kind, req.cli, cache.folder if cache else None)
        for index, res in done:
            slots[index] = res
    if cache is not None:
        cache.prune()

    result = Result()
    result.files = [r for r in slots if r is not None]
    return result


# Lint runs inside _few_collections (threads may overlap), and what the first
# of them found, for the last one to restore.
_GC_LOCK = threading.Lock()
_GC_RUNS = 0
_GC_SAVED: tuple[tuple[int, ...], bool] = ((), False)


@contextmanager
def _few_collections() -> Iterator[None]:
    """Run with the cyclic GC mostly idle, restoring its settings after.

    Results pile up until the end of a run, and the default thresholds make
    the collector re-walk that growing heap again and again (8 % of a serial
    run, a third of a worker's time when results stay in memory). Linting
    makes almost no reference cycles, so collect far less often, and freeze
    what exists now: forked workers then neither walk nor copy it. The
    first of overlapping runs changes the settings and the last restores
    them; objects a caller froze itself stay frozen.
    """
    import gc

    global _GC_RUNS, _GC_SAVED
    with _GC_LOCK:
        if _GC_RUNS == 0:
            froze = gc.get_freeze_count() == 0
            _GC_SAVED = (gc.get_threshold(), froze)
            if froze:
                gc.collect()
                gc.freeze()
            gc.set_threshold(100_000, 50, 100)
        _GC_RUNS += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_RUNS -= 1
            if _GC_RUNS == 0:
                threshold, froze = _GC_SAVED
                if froze:
                    gc.unfreeze()
                gc.set_threshold(*threshold)


# ---------------------------------------------------------------------------
# cache


def _lookup(jobs: list[_Job], req: LintRequest, cache: Cache, slots: list[FileResult | None]) -> list[_Job]:
    """Fill ``slots`` from the cache; return the jobs still to lint (with keys)."""
    import hashlib

    from designdoc.cache import entry_key

    todo: list[_Job] = []
    settings_memo: dict[Any, str] = {}
    for job in jobs:
        try:
            with open(job.path, "rb") as fh:
                data = fh.read()
        except OSError:
            todo.append(job)  # lint_file reports it as unreadable-file
            continue
        fp = _settings_fp(job.path, req, settings_memo)
        job.digest = hashlib.sha256(data).digest()
        job.key = entry_key(job.digest, job.path, fp, job.explicit, req.kind)
        hit = cache.get(job.key)
        if hit is None:
            todo.append(job)
        else:
            slots[job.index] = hit
    return todo


def _settings_fp(path: str, req: LintRequest, memo: dict[Any, str]) -> str:
    """Fingerprint of the settings that apply to ``path`` (memoised per config)."""
    from designdoc.cache import settings_fingerprint
    from designdoc.lint import _apply_cli

    if req.config is not None:
        cfg = req.config
    else:  # one config lookup per folder, not per file
        folder = os.path.dirname(path) or "."
        cfg = memo.get(("folder", folder))
        if cfg is None:
            cfg = memo[("folder", folder)] = load_config(find_config(Path(folder)))
    # Without per-path overrides every file under one config has the same settings.
    memo_key: Any = id(cfg) if not cfg.overrides else (id(cfg), path)
    fp = memo.get(memo_key)
    if fp is None:
        settings = _apply_cli(
            cfg.settings_for(path), req.cli.get("select"), req.cli.get("ignore"), req.cli.get("extend_select")
        )
        fp = memo[memo_key] = settings_fingerprint(settings)
    return fp


# ---------------------------------------------------------------------------
# linting


def _lint_chunk(
    jobs: list[_Job],
    config: Config | None,
    kind: str | None,
    cli: dict[str, Any],
    cache_dir: Path | None,
) -> list[tuple[int, FileResult]]:
    """Lint some files (in this process or a worker) and cache the results."""
    cache = None
    if cache_dir is not None:
        from designdoc.cache import Cache

        cache = Cache(cache_dir)
    out = []
    for job in jobs:
        res = lint_file(job.path, job.explicit, config, kind=kind, **cli)
        if cache is not None and job.key is not None and _unchanged(job):
            cache.put(job.key, res)
        out.append((job.index, res))
    return out


def _unchanged(job: _Job) -> bool:
    """Whether the file still has the bytes its key was made from (no edit mid-lint)."""
    import hashlib

    try:
        with open(job.path, "rb") as fh:
            return hashlib.sha256(fh.read()).digest() == job.digest
    except OSError:
        return False


# What a parallel run shares with its workers, set once in each by _worker_init
# (inherited by fork, pickled once per worker elsewhere): the chunk counter
# and the work, so that a submission carries no data.
_COUNTER: Any = None
_WORK: tuple[Any, ...] = ()


def _worker_init(counter: Any, work: tuple[Any, ...]) -> None:
    """Workers leave Ctrl-C to the parent, which cancels the pool."""
    import signal

    global _COUNTER, _WORK
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _COUNTER, _WORK = counter, work


def _chunks(jobs: list[_Job], workers: int) -> list[list[_Job]]:
    """Small chunks: taking one costs a lock, and small ones even out the finish."""
    size = max(1, min(8, len(jobs) // (workers * 16)))
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def _drain(counter: Any, work: tuple[Any, ...], most: int) -> list[tuple[int, FileResult]]:
    """Take up to ``most`` chunks off the shared counter and lint them."""
    chunks, config, kind, cli, cache_dir = work
    out: list[tuple[int, FileResult]] = []
    for _ in range(most):
        with counter.get_lock():
            i = counter.value
            if i >= len(chunks):
                break
            counter.value = i + 1
        out.extend(_lint_chunk(chunks[i], config, kind, cli, cache_dir))
    return out


def _drain_in_worker(most: int) -> list[tuple[int, FileResult]]:
    return _drain(_COUNTER, _WORK, most)


def _lint_parallel(
    jobs: list[_Job], req: LintRequest, cache: Cache | None, workers: int
) -> list[tuple[int, FileResult]]:
    """Lint with ``workers - 1`` worker processes plus this one.

    Every process, this one included, takes the next chunk off a shared
    counter until none is left: ``workers`` CPUs stay busy to the end, with
    one interpreter fewer in memory than a pool this process only waits on.
    Falls back to this process alone if the pool (or its shared counter)
    cannot be had or fails.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    folder = cache.folder if cache else None
    chunks = _chunks(jobs, workers)
    work = (chunks, req.config, req.kind, req.cli, folder)
    # A worker hands back its results every `batch` chunks, so they do not
    # pile up there as well as here; two drains per worker are kept queued
    # so that no worker waits for this process to resubmit.
    batch = max(1, 64 // len(chunks[0]))
    queued = 2 * (workers - 1)
    out: list[tuple[int, FileResult]] = []
    try:
        # fork is cheapest (workers inherit loaded modules and caches);
        # elsewhere use the platform default.
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods else None)
        counter = ctx.Value("i", 0)  # a semaphore: some sandboxes have none (OSError)
        with ProcessPoolExecutor(
            workers - 1, mp_context=ctx, initializer=_worker_init, initargs=(counter, work)
        ) as pool:
            futures: set[Future[list[tuple[int, FileResult]]]] = set()

            def top_up() -> None:
                while len(futures) < queued and counter.value < len(chunks):
                    futures.add(pool.submit(_drain_in_worker, batch))

            try:
                top_up()
                while counter.value < len(chunks):
                    out.extend(_drain(counter, work, 1))
                    for fut in [f for f in futures if f.done()]:
                        out.extend(fut.result())
                        futures.remove(fut)
                    top_up()
                for fut in futures:
                    out.extend(fut.result())
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    except (BrokenProcessPool, OSError):
        # A worker died (out of memory, killed) or processes are not allowed
        # here: lint whatever has no result yet in this process.
        done = {index for index, _ in out}
        out.extend(_lint_chunk([j for j in jobs if j.index not in done], req.config, req.kind, req.cli, folder))
    return out
