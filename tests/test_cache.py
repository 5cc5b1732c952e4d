"""The content-hash result cache: hits, invalidation, atomic entries, clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc import cache as cache_mod
from designdoc.cache import Cache, result_from_json, result_to_json
from designdoc.config import Config
from designdoc.runner import LintRequest, run_lint

DOC = "---\nkind: one-pager\n---\n# T\n\n## Why\nTODO\n\n## What\nA model.\n\n## How\nBoosting.\n"


def run(tmp_path: Path, *targets: str, **kw) -> tuple[list, Cache]:  # type: ignore[no-untyped-def]
    seen: dict[str, Cache] = {}
    real = cache_mod.Cache

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, folder):  # type: ignore[no-untyped-def]
            super().__init__(folder)
            seen.setdefault("c", self)

    cache_mod.Cache = Spy  # type: ignore[misc]
    try:
        req = LintRequest(list(targets) or [str(tmp_path / "docs")], cache_dir=str(tmp_path / "cache"), jobs=1, **kw)
        res = run_lint(req)
    finally:
        cache_mod.Cache = real  # type: ignore[misc]
    return res.files, seen.get("c")  # type: ignore[return-value]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    for i in range(3):
        (d / f"d{i}.md").write_text(DOC.replace("A model", f"Model {i}"))
    return d


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").rglob("*.json"))


def test_second_run_hits_and_gives_the_same_result(tmp_path: Path, docs: Path) -> None:
    first, c1 = run(tmp_path)
    assert c1.hits == 0 and len(entries(tmp_path)) == 3
    second, c2 = run(tmp_path)
    assert c2.hits == 3 and c2.misses == 0
    assert [result_to_json(f) for f in first] == [result_to_json(f) for f in second]
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file()


def test_edit_invalidates_only_that_file(tmp_path: Path, docs: Path) -> None:
    run(tmp_path)
    (docs / "d1.md").write_text(DOC.replace("TODO", "Churn costs us"))
    files, c = run(tmp_path)
    assert c.hits == 2 and c.misses == 1
    assert "placeholder-text" not in [p.name for p in files[1].problems]


def test_settings_are_part_of_the_key(tmp_path: Path, docs: Path) -> None:
    run(tmp_path)
    files, c = run(tmp_path, cli={"select": None, "ignore": ["placeholder-text"], "extend_select": None})
    assert c.hits == 0
    assert all("placeholder-text" not in [p.name for p in f.problems] for f in files)
    _, c = run(tmp_path, kind="full")
    assert c.hits == 0


def test_config_change_invalidates(tmp_path: Path, docs: Path) -> None:
    run(tmp_path)
    (docs / ".designdoc.toml").write_text('[severity]\nplaceholder-text = "info"\n')
    from designdoc.config import _find_config_cached, load_config

    _find_config_cached.cache_clear()
    load_config.cache_clear()
    files, c = run(tmp_path)
    assert c.hits == 0
    assert {p.severity for f in files for p in f.problems if p.name == "placeholder-text"} == {"info"}


def test_corrupt_entries_are_misses_and_get_rewritten(tmp_path: Path, docs: Path) -> None:
    run(tmp_path)
    for i, e in enumerate(entries(tmp_path)):
        e.write_bytes([b"", b"{not json", b'{"problems": [[1]]}'][i])
    files, c = run(tmp_path)
    assert c.hits == 0 and len(files) == 3
    _, c = run(tmp_path)
    assert c.hits == 3


def test_no_cache_writes_nothing(tmp_path: Path, docs: Path) -> None:
    run(tmp_path, use_cache=False)
    assert not (tmp_path / "cache").exists()


def test_unwritable_cache_dir_is_not_an_error(tmp_path: Path, docs: Path) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be")
    files, _ = run(tmp_path)
    assert len(files) == 3


def test_entries_are_written_atomically(tmp_path: Path, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    files, _ = run(tmp_path)
    assert len(files) == 3
    assert entries(tmp_path) == []  # no partial entries, temp files removed
    assert not [p for p in (tmp_path / "cache").rglob(".tmp-*")]


def test_roundtrip_keeps_every_field(tmp_path: Path, docs: Path) -> None:
    files, _ = run(tmp_path, use_cache=False)
    for f in files:
        data = json.loads(json.dumps(result_to_json(f)))
        assert result_from_json(data) == f


def test_config_cache_dir_and_default_location(tmp_path: Path) -> None:
    from designdoc.cache import default_folder

    assert default_folder(tmp_path, None, None) == tmp_path / ".designdoc_cache"
    assert default_folder(tmp_path, "build/c", None) == tmp_path / "build/c"
    assert default_folder(tmp_path, "build/c", "/x/y") == Path("/x/y")
    assert Config().cache_dir is None


def test_clean_command(tmp_path: Path, docs: Path) -> None:
    from designdoc.cli import cli

    run(tmp_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["clean", "--cache-dir", str(tmp_path / "cache")])
    assert out.exit_code == 0, out.output
    assert not (tmp_path / "cache").exists()
    out = runner.invoke(cli, ["clean", "--cache-dir", str(tmp_path / "cache")])
    assert out.exit_code == 0


def test_clean_refuses_a_folder_that_is_not_a_cache(tmp_path: Path, docs: Path) -> None:
    from designdoc.cli import cli

    out = CliRunner().invoke(cli, ["clean", "--cache-dir", str(docs)])
    assert out.exit_code == 2
    assert (docs / "d0.md").exists()


def test_cli_flags(tmp_path: Path, docs: Path) -> None:
    from designdoc.cli import cli

    runner = CliRunner()
    args = ["lint", "--cache-dir", str(tmp_path / "cache"), "--jobs", "1", str(docs)]
    a = runner.invoke(cli, args)
    assert len(entries(tmp_path)) == 3
    b = runner.invoke(cli, args)
    assert a.exit_code == b.exit_code and a.stdout == b.stdout
    runner.invoke(cli, ["lint", "--no-cache", "--cache-dir", str(tmp_path / "c2"), str(docs)])
    assert not (tmp_path / "c2").exists()


# ---------------------------------------------------------------------------
# pruning: the cache stays bounded across upgrades and edits

DAY = 24 * 3600


def _age(path: Path, days: float) -> None:
    import os
    import time

    t = time.time() - days * DAY
    os.utime(path, (t, t))


def test_another_linter_versions_folder_goes_once_unused_for_a_day(tmp_path: Path, docs: Path) -> None:
    run(tmp_path)
    layout = tmp_path / "cache" / cache_mod.LAYOUT
    old, recent = layout / "0123456789abcdef", layout / "fedcba9876543210"
    for gen, days in ((old, 3), (recent, 0.1)):
        (gen / "ab").mkdir(parents=True)
        (gen / "ab" / "x.json").write_text("{}")
        (gen / ".used").write_text("")
        _age(gen / ".used", days)
    _, c = run(tmp_path)
    assert c.hits == 3  # this version's entries are untouched
    assert not old.exists()
    assert (recent / "ab" / "x.json").is_file()  # another version used today (a second install)


def test_entries_unused_for_30_days_are_swept_and_hits_keep_entries_alive(tmp_path: Path, docs: Path) -> None:
    _, c = run(tmp_path)
    stale = sorted(c.entries.glob("*/*.json"))
    assert len(stale) == 3
    for e in stale:
        _age(e, 40)
    orphan = c.entries / "zz" / "orphan.json"  # the entry of a doc version that no longer exists
    orphan.parent.mkdir()
    orphan.write_text("{}")
    _age(orphan, 40)
    _age(c.entries / ".swept", 2)  # the last sweep was two days ago
    _, c2 = run(tmp_path)
    assert c2.hits == 3  # read before the sweep, which they survive: a hit marks them used
    assert not orphan.exists()
    assert all(e.is_file() for e in stale)


def test_sweep_runs_at_most_once_a_day(tmp_path: Path, docs: Path) -> None:
    _, c = run(tmp_path)
    orphan = c.entries / "zz" / "orphan.json"
    orphan.parent.mkdir()
    orphan.write_text("{}")
    _age(orphan, 40)
    run(tmp_path)  # swept on the first run, minutes ago: no sweep now
    assert orphan.exists()
    assert c.prune(now=__import__("time").time() + 2 * DAY) >= 1
    assert not orphan.exists()
