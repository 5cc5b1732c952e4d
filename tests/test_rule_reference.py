"""docs/rules.md is generated from the rule declarations and must stay in step."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from designdoc.rules.reference import markdown_reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rule_reference_is_up_to_date() -> None:
    text = markdown_reference()
    if os.environ.get("DESIGNDOC_UPDATE_DOCS"):
        DOC.write_text(text, encoding="utf-8")
    if not DOC.exists():
        pytest.fail("docs/rules.md is missing: run DESIGNDOC_UPDATE_DOCS=1 pytest tests/test_rule_reference.py")
    assert DOC.read_text(encoding="utf-8") == text, (
        "docs/rules.md is stale: run DESIGNDOC_UPDATE_DOCS=1 pytest tests/test_rule_reference.py"
    )


def test_every_rule_url_points_at_its_anchor() -> None:
    from designdoc.rules.registry import all_rules

    text = DOC.read_text(encoding="utf-8")
    for r in all_rules():
        assert r.url.endswith(f"docs/rules.md#{r.name}")
        assert f"\n## {r.name}\n" in text
