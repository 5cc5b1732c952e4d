"""--write-baseline / --baseline: only new problems fail; fixed entries are reported stale."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from designdoc.cli import cli

# A one-pager missing What and How (two missing-section problems).
LEGACY = "---\ntitle: Old\nkind: one-pager\nstatus: review\n---\n\n# Old\n\n## Why\nUsers leave.\n"


def write(root: Path, rel: str, text: str) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def lint(root: Path, *args: str):  # type: ignore[no-untyped-def]
    old = Path.cwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, ["lint", "--no-cache", "--select", "missing-section,placeholder-text", *args])
    finally:
        os.chdir(old)


def test_write_baseline_records_counts_not_lines(tmp_path: Path) -> None:
    write(tmp_path, "docs/old.md", LEGACY)
    res = lint(tmp_path, "docs", "--write-baseline", "baseline.json")
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["entries"] == [
        {"path": "docs/old.md", "rule": "DD101", "name": "missing-section", "section": "how", "count": 1},
        {"path": "docs/old.md", "rule": "DD101", "name": "missing-section", "section": "what", "count": 1},
    ]
    assert all("line" not in e for e in data["entries"])


def test_baseline_reports_only_new_problems_and_survives_line_shifts(tmp_path: Path) -> None:
    write(tmp_path, "docs/old.md", LEGACY)
    assert lint(tmp_path, "docs", "--write-baseline", "baseline.json").exit_code == 0
    res = lint(tmp_path, "docs", "--baseline", "baseline.json")
    assert res.exit_code == 0 and res.stdout == ""
    # text inserted above moves every line: still baselined
    write(tmp_path, "docs/old.md", LEGACY.replace("# Old\n", "# Old\n\nIntro paragraph.\n\nMore intro.\n"))
    assert lint(tmp_path, "docs", "--baseline", "baseline.json").exit_code == 0
    # a new problem in the old doc and a new doc fail
    write(tmp_path, "docs/old.md", LEGACY + "\nTODO: numbers\n")
    write(tmp_path, "docs/new.md", LEGACY.replace("Old", "New"))
    res = lint(tmp_path, "docs", "--baseline", "baseline.json", "--format", "concise")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert len(lines) == 3
    assert sum("docs/new.md" in ln for ln in lines) == 2 and sum("placeholder-text" in ln for ln in lines) == 1


def test_stale_entries_are_listed(tmp_path: Path) -> None:
    write(tmp_path, "docs/old.md", LEGACY)
    write(tmp_path, "docs/gone.md", LEGACY)
    assert lint(tmp_path, "docs", "--write-baseline", "baseline.json").exit_code == 0
    write(tmp_path, "docs/old.md", LEGACY + "\n## What\nA score per user.\n")  # fixes 'what'
    (tmp_path / "docs/gone.md").unlink()
    res = lint(tmp_path, "docs", "--baseline", "baseline.json")
    assert res.exit_code == 0
    assert "3 baseline entries are stale" in res.stderr
    assert "docs/old.md: DD101 [what] recorded 1, now 0" in res.stderr
    assert "docs/gone.md: DD101 [how]" in res.stderr
    assert "docs/old.md: DD101 [how]" not in res.stderr
    # linting only another folder does not call the old doc's entries stale
    write(tmp_path, "other/x.md", "# x\n")
    res = lint(tmp_path, "other", "--baseline", "baseline.json")
    assert "docs/old.md" not in res.stderr


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path: Path) -> None:
    write(tmp_path, "docs/old.md", LEGACY)
    assert lint(tmp_path, "docs", "--write-baseline", "ci/baseline.json").exit_code == 0
    data = json.loads((tmp_path / "ci/baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["entries"]} == {"../docs/old.md"}
    # run from another folder: same keys
    res = lint(tmp_path / "docs", ".", "--baseline", "../ci/baseline.json")
    assert res.exit_code == 0, res.output


def test_bad_baseline_files(tmp_path: Path) -> None:
    write(tmp_path, "docs/old.md", LEGACY)
    res = lint(tmp_path, "docs", "--baseline", "missing.json")
    assert res.exit_code == 2 and "baseline file not found" in res.stderr
    write(tmp_path, "bad.json", "{not json")
    res = lint(tmp_path, "docs", "--baseline", "bad.json")
    assert res.exit_code == 2 and "not a designdoc baseline" in res.stderr and "Traceback" not in res.output
    write(tmp_path, "wrong.json", '{"version": 1, "entries": [{"path": "x"}]}')
    res = lint(tmp_path, "docs", "--baseline", "wrong.json")
    assert res.exit_code == 2 and "entry 1" in res.stderr
    res = lint(tmp_path, "docs", "--baseline", "a.json", "--write-baseline", "b.json")
    assert res.exit_code == 2


def test_save_writes_a_plain_file_mode_and_keeps_an_existing_one(tmp_path: Path) -> None:
    from designdoc import baseline

    data = {"version": 1, "tool": "designdoc", "entries": []}
    target = tmp_path / "baseline.json"
    old = os.umask(0o022)
    try:
        baseline.save(target, data)
        assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
        os.chmod(target, 0o664)
        baseline.save(target, data)
        assert target.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)
    assert json.loads(target.read_text(encoding="utf-8")) == data
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]
