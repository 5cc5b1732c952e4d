"""A freshly scaffolded doc must not look half-verified in the checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc.cli import cli
from designdoc.review.readiness import judge
from designdoc.review.checks import CONTENT, evaluate


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_scaffolded_doc_content_items_do_not_pass(tmp_path: Path, lang: str) -> None:
    res = CliRunner().invoke(cli, ["new", "full", "--title", "Churn", "--lang", lang, "--no-input", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    doc = tmp_path / "churn.md"
    results = evaluate(judge(doc.read_text(encoding="utf-8"), str(doc), None, "approved"))
    content = [r for r in results if r.item in CONTENT]
    assert len(content) >= 15
    assert [r.item.id for r in content if r.state == "pass"] == []
    filled = [r.state for r in results if r.item.id == "filled"]
    assert filled and set(filled) == {"fail"}


def test_run_in_labels_with_text_count_as_written(tmp_path: Path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text(
        "---\nkind: full\nstatus: review\n---\n## Data\n\n**Features:** order history from the DWH.\n\n"
        "**Labels:** orders per slot from billing.\n",
        encoding="utf-8",
    )
    results = evaluate(judge(doc.read_text(encoding="utf-8"), str(doc), None, "approved"))
    states = {r.item.id: r.state for r in results if r.section == "data"}
    assert states["filled"] == "pass"
    assert states["feature-source"] == "pass" and states["label-source"] == "pass"
