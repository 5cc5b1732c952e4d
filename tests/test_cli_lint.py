"""`designdoc lint` exit policy, output selection and files, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc.cli import cli

# error: missing What/How in a doc under review; warning: a duplicate section.
BAD = "---\ntitle: T\nkind: one-pager\nstatus: review\n---\n\n# T\n\n## Why\nUsers leave.\n"
GOOD = ("---\ntitle: T\nkind: one-pager\nstatus: review\n---\n\n# T\n\n## Why\nUsers leave.\n\n"
        "## What\nA churn score.\n\n## How\nA model.\n")


@pytest.fixture()
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs/good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


def config(proj: Path, text: str) -> None:
    """Write .designdoc.toml and forget cached config lookups (they are per process)."""
    from designdoc import config as cfg

    (proj / ".designdoc.toml").write_text(text, encoding="utf-8")
    cfg._find_config_cached.cache_clear()
    cfg.load_config.cache_clear()


def lint(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["lint", "--no-cache", "--select", "missing-section", *args], env=env)


def test_exit_codes_and_summary_on_stderr(proj: Path) -> None:
    res = lint("docs")
    assert res.exit_code == 1
    assert res.stdout.count("DD101") == 2
    assert "Found 2 problems (2 errors); 2 files checked." in res.stderr
    ok = lint("docs/good.md")
    assert ok.exit_code == 0 and ok.stdout == "" and "All clear" in ok.stderr


def test_fail_on_levels(proj: Path) -> None:
    config(proj, '[severity]\nmissing-section = "warning"\n')
    assert lint("docs").exit_code == 0
    assert lint("docs", "--fail-on", "warning").exit_code == 1
    assert lint("docs", "--fail-on", "info").exit_code == 1
    config(proj, 'fail-on = "warning"\n[severity]\nmissing-section = "warning"\n')
    assert lint("docs").exit_code == 1  # config fail-on
    assert lint("docs", "--fail-on", "error").exit_code == 0  # CLI wins


def test_exit_zero_quiet_and_usage_errors(proj: Path) -> None:
    res = lint("docs", "--exit-zero", "-q")
    assert res.exit_code == 0 and "DD101" in res.stdout and res.stderr == ""
    assert lint("docs", "--format", "nope").exit_code == 2
    assert lint("nowhere").exit_code == 2
    bad_cfg = lint("docs", "--config", "missing.toml")
    assert bad_cfg.exit_code == 2 and "config file not found" in bad_cfg.stderr


def test_statistics(proj: Path) -> None:
    res = lint("docs", "--statistics")
    assert res.exit_code == 1
    assert res.stdout.split() == ["2", "DD101", "missing-section", "error"]
    js = lint("docs", "--statistics", "--format", "json")
    json.loads(js.stdout)  # machine output stays clean
    assert "missing-section" in js.stderr


def test_output_file_is_written_atomically(proj: Path) -> None:
    res = lint("docs", "--format", "sarif", "--output-file", "reports/designdoc.sarif")
    assert res.exit_code == 1 and res.stdout == ""
    data = json.loads((proj / "reports/designdoc.sarif").read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0"
    assert [p.name for p in (proj / "reports").iterdir()] == ["designdoc.sarif"]  # no temp files left
    res = lint("docs", "--format", "text", "--output-file", "out.txt", "--color")
    assert "\x1b[" not in (proj / "out.txt").read_text(encoding="utf-8")
    assert "Found 2 problems" in res.stderr


def test_github_actions_auto_selects_github_format(proj: Path) -> None:
    env = {"GITHUB_ACTIONS": "true"}
    assert lint("docs", env=env).stdout.startswith("::error file=docs/bad.md,line=")
    assert lint("docs", "--format", "text", env=env).stdout.startswith("docs/bad.md:")
    config(proj, 'format = "concise"\n')
    assert ": error: " in lint("docs", env=env).stdout.splitlines()[0]  # config format wins


def test_stdin_with_filename(proj: Path) -> None:
    res = CliRunner().invoke(cli, ["lint", "--no-cache", "--select", "missing-section", "-",
                                   "--stdin-filename", "docs/x.md", "--format", "concise"], input=BAD)
    assert res.exit_code == 1 and res.stdout.startswith("docs/x.md:")


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "junit", "gitlab"])
def test_every_format_from_the_cli(proj: Path, fmt: str) -> None:
    res = lint("docs", "--format", fmt)
    assert res.exit_code == 1 and res.stdout
    assert ("Found 2 problems" in res.stderr) == (fmt in ("text", "concise", "github"))


def test_init_is_in_help() -> None:
    res = CliRunner().invoke(cli, ["--help"])
    assert "init" in res.output
    assert "--changed-since" in CliRunner().invoke(cli, ["lint", "--help"]).output


def test_summary_tells_docs_from_specs() -> None:
    examples = Path(__file__).resolve().parent.parent / "examples"
    res = CliRunner().invoke(cli, ["lint", "--no-cache", str(examples)])
    assert res.exit_code == 0
    assert "8 files (4 docs, 4 specs) checked, no problems. Readiness: 4 ready for approval." in res.stderr
