"""designdoc vs markdownlint-cli2 on one generated corpus, side by side.

    python bench/run.py                 # 1,000 docs, everything
    python bench/run.py -n 200 --runs 3 # quicker

Measures, on the same corpus (bench/make_corpus.py, fixed seed):

* ``designdoc lint`` cold (empty cache: parses everything, writes entries),
  warm (same command again, nothing changed), and with ``--no-cache``;
* single-file latency: ``designdoc lint one.md`` (process wall-clock including
  interpreter start; median of ``--runs``), without and with a warm cache;
* peak memory of each command: the largest single process (getrusage
  RUSAGE_CHILDREN max RSS) and the peak of the whole process tree's summed RSS
  (sampled from /proc every 20 ms; a worker pool counts in full);
* the same for ``markdownlint-cli2`` with its default rules, when installed
  (bench/.node/node_modules/.bin or PATH; see bench/README.md), and the ratios.

Prints the machine's load average before and after: on a shared machine,
re-run when it is quiet. Exit status 0 unless a command failed to run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402


# ---------------------------------------------------------------------------
# measuring one command


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


def _tree_rss_kb(root: int) -> int:
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss_kb(pid)
        stack.extend(_children(pid))
    return total


def measure_here(cmd: list[str], cwd: str) -> dict[str, float]:
    """Run ``cmd``; wall seconds, max single-process RSS and peak tree RSS (KB)."""
    import resource

    import tempfile

    with tempfile.TemporaryFile() as errf:  # not a pipe: a chatty tool would block on it
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errf)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.02)
        wall = time.perf_counter() - start
        errf.seek(0)
        err = errf.read().decode(errors="replace")
    single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    return {"wall": wall, "rss_single_kb": single, "rss_tree_kb": max(peak, single),
            "code": proc.returncode, "stderr": err[-2000:]}


def measure(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Measure in a fresh helper process so RUSAGE_CHILDREN covers this command only."""
    out = subprocess.run(
        [sys.executable, __file__, "--_measure", json.dumps([cmd, str(cwd)])],
        capture_output=True, text=True, check=True,
    )
    res = json.loads(out.stdout)
    # designdoc: 0 clean, 1 problems found; markdownlint-cli2: 0/1 likewise.
    if res["code"] not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {res['code']}:\n{res['stderr']}")
    return res


def median_of(cmd: list[str], cwd: Path, runs: int, before=None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(measure(cmd, cwd))
    return {
        "wall": statistics.median(r["wall"] for r in results),
        "wall_min": min(r["wall"] for r in results),
        "wall_max": max(r["wall"] for r in results),
        "rss_single_kb": max(r["rss_single_kb"] for r in results),
        "rss_tree_kb": max(r["rss_tree_kb"] for r in results),
    }


# ---------------------------------------------------------------------------


def find_markdownlint() -> str | None:
    local = HERE / ".node" / "node_modules" / ".bin" / "markdownlint-cli2"
    if local.exists():
        return str(local)
    return shutil.which("markdownlint-cli2")


def pick_single(corpus: Path) -> Path:
    """A typical full doc: the median-sized English full design doc."""
    docs = sorted(corpus.rglob("*-full-en.md"), key=lambda p: (p.stat().st_size, str(p)))
    return docs[len(docs) // 2]


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def fmt_row(name: str, r: dict[str, float]) -> str:
    spread = f"{r['wall_min']:.2f}–{r['wall_max']:.2f}" if "wall_min" in r and r["wall_min"] != r["wall_max"] else ""
    return (f"  {name:<44} {r['wall']:>8.3f} s {spread:>13}  "
            f"{r['rss_single_kb'] / 1024:>7.1f} MB {r['rss_tree_kb'] / 1024:>8.1f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description="designdoc vs markdownlint-cli2 benchmark")
    ap.add_argument("-n", type=int, default=1000, help="docs in the corpus (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=5, help="repetitions for medians (default 5)")
    # Outside the repo: .gitignore'd or hidden folders are not walked by designdoc.
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "designdoc-bench-corpus")
    ap.add_argument("--python", default=sys.executable, help="interpreter that has designdoc installed")
    ap.add_argument("--jobs", type=int, default=None, help="pass --jobs to designdoc")
    ap.add_argument("--skip-no-cache", action="store_true", help="skip the --no-cache full run")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--no-snapshot", action="store_true", help="measure the live package, not a copy")
    ap.add_argument("--_measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._measure:
        cmd, cwd = json.loads(args._measure)
        print(json.dumps(measure_here(cmd, cwd)))
        return 0

    print(f"machine: {os.cpu_count()} CPUs, load average {load()}  (python {sys.version.split()[0]})")
    if not args.no_snapshot:
        # Measure a frozen copy of the package: the cache fingerprints the
        # linter's files, so edits landing mid-run would turn warm runs cold.
        import tempfile

        src = subprocess.run([args.python, "-c", "import designdoc, os; print(os.path.dirname(designdoc.__file__))"],
                             capture_output=True, text=True, check=True).stdout.strip()
        snap = Path(tempfile.mkdtemp(prefix="designdoc-bench-"))
        root = Path(src).parent
        if (root / "pyproject.toml").is_file():
            # The files a wheel installs (with the build's JSON snapshots of
            # the YAML data), not the source folder: what users run.
            import zipfile

            subprocess.run([args.python, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(snap / "wheel"), str(root)],
                           check=True)
            with zipfile.ZipFile(next((snap / "wheel").glob("designdoc-*.whl"))) as whl:
                whl.extractall(snap, [n for n in whl.namelist() if n.startswith("designdoc/")])
        else:
            shutil.copytree(src, snap / "designdoc", ignore=shutil.ignore_patterns("__pycache__"))
        # Byte-compiled, as `pip install` leaves a package: otherwise an
        # environment with PYTHONDONTWRITEBYTECODE compiles every module from
        # source on every run, and one-file latency measures the compiler.
        subprocess.run([args.python, "-m", "compileall", "-q", str(snap)], check=True)
        os.environ["PYTHONPATH"] = str(snap) + os.pathsep + os.environ.get("PYTHONPATH", "")
        print(f"measuring a snapshot of {src} (as its wheel installs it)")
    paths = make_corpus(args.corpus, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"corpus: {len(paths)} docs, {size / 1e6:.1f} MB in {args.corpus}")
    corpus = args.corpus.resolve()
    cache = corpus.parent / ".corpus_cache"
    one = pick_single(corpus)
    one_rel = str(one.relative_to(corpus))
    dd = [args.python, "-m", "designdoc", "lint", "--cache-dir", str(cache)]
    if args.jobs:
        dd += ["--jobs", str(args.jobs)]

    def wipe() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    res: dict[str, dict[str, float]] = {}
    print(f"\n  {'command':<44} {'wall':>10} {'(min–max)':>13}  {'max RSS':>10} {'tree RSS':>11}")
    runs_full = max(1, min(args.runs, 3))
    res["dd_cold"] = median_of(dd + ["."], corpus, runs_full, before=wipe)
    print(fmt_row("designdoc lint . (cold: empty cache)", res["dd_cold"]), flush=True)
    linted = len(list(cache.rglob("*.json")))
    if linted < len(paths):
        print(f"error: designdoc linted only {linted} of {len(paths)} docs; is the corpus ignored?")
        return 1
    res["dd_warm"] = median_of(dd + ["."], corpus, args.runs)
    print(fmt_row("designdoc lint . (warm: nothing changed)", res["dd_warm"]), flush=True)
    if not args.skip_no_cache:
        res["dd_nocache"] = median_of(dd + ["--no-cache", "."], corpus, 1)
        print(fmt_row("designdoc lint --no-cache .", res["dd_nocache"]), flush=True)
    res["dd_one"] = median_of(dd + ["--no-cache", one_rel], corpus, args.runs)
    print(fmt_row("designdoc lint --no-cache one.md", res["dd_one"]), flush=True)
    measure(dd + [one_rel], corpus)  # prime: a named file has its own entry
    res["dd_one_warm"] = median_of(dd + [one_rel], corpus, args.runs)
    print(fmt_row("designdoc lint one.md (warm cache)", res["dd_one_warm"]), flush=True)

    mdl = find_markdownlint()
    if mdl is None:
        print("\nmarkdownlint-cli2 not found (bench/.node/node_modules/.bin or PATH): "
              "comparison skipped. See bench/README.md to install it.")
    else:
        res["mdl_all"] = median_of([mdl, "**/*.md"], corpus, runs_full)
        print(fmt_row("markdownlint-cli2 '**/*.md'", res["mdl_all"]), flush=True)
        res["mdl_one"] = median_of([mdl, one_rel], corpus, args.runs)
        print(fmt_row("markdownlint-cli2 one.md", res["mdl_one"]), flush=True)

    print(f"\nsingle file: {one_rel} ({one.stat().st_size / 1e3:.1f} KB)")
    print("ratios (higher is better for designdoc):")
    cold, warm = res["dd_cold"], res["dd_warm"]
    print(f"  warm vs cold wall:                        {cold['wall'] / warm['wall']:6.1f}x   (target >= 20x)")
    if "mdl_all" in res:
        m = res["mdl_all"]
        print(f"  corpus wall, markdownlint / designdoc cold: {m['wall'] / cold['wall']:6.2f}x   (target >= 3x)")
        print(f"  corpus peak tree RSS, markdownlint / designdoc: {m['rss_tree_kb'] / cold['rss_tree_kb']:6.2f}x"
              f"   (target >= 4x; max single process: {m['rss_single_kb'] / cold['rss_single_kb']:.2f}x)")
        o = res["mdl_one"]
        print(f"  one file wall, markdownlint / designdoc --no-cache: {o['wall'] / res['dd_one']['wall']:6.2f}x"
              f"   (target >= 3x; warm cache: {o['wall'] / res['dd_one_warm']['wall']:.2f}x)")
    print(f"\nload average after: {load()}")
    if args.json:
        args.json.write_text(json.dumps({"load_after": load(), "results": res}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
