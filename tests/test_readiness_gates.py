"""Readiness is a fixed bar: config narrows what lint reports, not the gates."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from designdoc.cli import cli
from designdoc.config import Config
from designdoc.lint import lint_file, lint_text

THIN = "---\nkind: full\nstatus: review\n---\n## Data\nClicks from the app log.\n## Baselines\nMedian of 90 days.\n"


def test_config_that_switches_rules_off_does_not_open_the_gates(tmp_path: Path) -> None:
    (tmp_path / ".designdoc.toml").write_text('select = ["DD102"]\n', encoding="utf-8")
    doc = tmp_path / "t.md"
    doc.write_text(THIN, encoding="utf-8")
    res = lint_file(str(doc), True)
    assert res.problems == []  # the team's config: lint reports nothing
    assert res.readiness is not None and res.readiness["level"] == "not-ready"
    out = CliRunner().invoke(cli, ["status", str(doc), "approved"])
    assert out.exit_code == 1
    assert "status: review" in doc.read_text(encoding="utf-8")


def test_cli_select_does_not_open_the_gates(tmp_path: Path) -> None:
    res = lint_text(THIN, "t.md", config=Config(), select=["DD231"])
    assert res == []
    from designdoc.lint import lint_source

    assert lint_source(THIN, "t.md", select=["DD231"]).readiness["level"] == "not-ready"  # type: ignore[index]


def test_suppression_comments_do_count_for_the_gates() -> None:
    from designdoc.lint import lint_source

    md = "<!-- designdoc-disable-file -->\n" + THIN
    assert lint_source(md, "t.md").readiness["review_blockers"] == []  # type: ignore[index]


def test_content_rules_are_warnings_in_a_draft() -> None:
    md = "---\nkind: full\nstatus: draft\n---\n## Metrics\nOnline: conversion. Offline: recall.\n"
    sev = {p.name: p.severity for p in lint_text(md, select=["metric-without-target", "missing-section"])}
    assert sev["metric-without-target"] == "warning"
    # a section required even in a draft is still an error when missing
    assert "error" in {p.severity for p in lint_text(md, select=["missing-section"]) if p.section == "goals"}
