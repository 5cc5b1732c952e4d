"""The runner: parallel runs give exactly the serial result, in discovery order."""

from __future__ import annotations

from pathlib import Path

from designdoc.cache import result_to_json
from designdoc.runner import PARALLEL_MIN_FILES, LintRequest, _chunks, _Job, run_lint

DOC = "# T{i}\n\n## Goals\nReduce churn {i}.\n\n## Metrics\nTODO\n\n## Rollback\nFlag off.\n"


def corpus(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "docs"
    for i in range(n):
        sub = d / f"team{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:03d}.md").write_text(DOC.format(i=i))
    (d / "team0" / "broken.md").write_bytes(b"# T\n\xff\n")
    return d


def lint(d: Path, **kw) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    return [result_to_json(f) for f in run_lint(LintRequest([str(d)], **kw)).files]


def test_parallel_equals_serial_and_order_is_discovery_order(tmp_path: Path) -> None:
    d = corpus(tmp_path, PARALLEL_MIN_FILES * 3)
    serial = lint(d, use_cache=False, jobs=1)
    parallel = lint(d, use_cache=False, jobs=2)
    assert parallel == serial
    paths = [f["path"] for f in serial]
    assert paths == sorted(paths)  # folders walked in sorted order
    assert any(f["path"].endswith("broken.md") and f["problems"][0][5] == "unreadable-file" for f in serial)


def test_parallel_with_cache_then_warm(tmp_path: Path) -> None:
    d = corpus(tmp_path, PARALLEL_MIN_FILES * 2)
    cold = lint(d, cache_dir=str(tmp_path / "c"), jobs=2)
    warm = lint(d, cache_dir=str(tmp_path / "c"), jobs=2)
    assert cold == warm == lint(d, use_cache=False, jobs=1)
    assert len(list((tmp_path / "c").rglob("*.json"))) == PARALLEL_MIN_FILES * 2 + 1  # undecodable bytes too


def test_mixed_targets_keep_their_order(tmp_path: Path) -> None:
    d = corpus(tmp_path, 3)
    files = [str(d / "team2" / "doc002.md"), str(d / "team0" / "doc000.md")]
    got = [f.path for f in run_lint(LintRequest(files, use_cache=False)).files]
    assert got == files


def test_chunks_cover_every_job_once() -> None:
    jobs = [_Job(i, f"f{i}", False) for i in range(1000)]
    chunks = _chunks(jobs, 2)
    assert [j.index for c in chunks for j in c] == list(range(1000))
    assert 1 < len(chunks) < 1000


def test_more_workers_and_a_failing_pool_give_the_serial_result(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import concurrent.futures

    d = corpus(tmp_path, PARALLEL_MIN_FILES * 3)
    serial = lint(d, use_cache=False, jobs=1)
    assert lint(d, use_cache=False, jobs=3) == serial

    class NoProcesses:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("process creation not permitted")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoProcesses)
    assert lint(d, use_cache=False, jobs=2) == serial


def test_no_semaphores_falls_back_to_this_process(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing.synchronize

    d = corpus(tmp_path, PARALLEL_MIN_FILES * 2)
    serial = lint(d, use_cache=False, jobs=1)

    def no_semaphores(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(multiprocessing.synchronize.SemLock, "__init__", no_semaphores)
    assert lint(d, use_cache=False, jobs=4) == serial


def test_gc_settings_and_a_callers_frozen_objects_survive_a_run(tmp_path: Path) -> None:
    import gc

    d = corpus(tmp_path, 3)
    threshold = gc.get_threshold()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        lint(d, use_cache=False, jobs=1)
        assert gc.get_threshold() == threshold
        # still frozen (a few frozen objects may have been freed meanwhile)
        assert gc.get_freeze_count() > frozen // 2 > 0
    finally:
        gc.unfreeze()
