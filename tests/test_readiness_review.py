"""Readiness gates: review and approval, judged by re-linting at that status."""

from __future__ import annotations

from pathlib import Path

import pytest

from designdoc.review.readiness import readiness

FIX = Path(__file__).parent / "fixtures" / "review"
REAL = Path(__file__).parent / "fixtures" / "realworld"


def test_half_filled_doc_is_not_ready():
    path = FIX / "half_en.md"
    r = readiness(path.read_text(encoding="utf-8"), str(path))
    assert r.level == "not-ready"
    names = {b.rule for b in r.review_blockers}
    assert {"missing-section", "placeholder-text", "empty-section"} <= names
    # Approval needs everything review needs.
    assert {(b.rule, b.line) for b in r.review_blockers} <= {(b.rule, b.line) for b in r.approval_blockers}
    assert 0 < r.percent < 100


def test_draft_is_judged_as_review_not_as_draft():
    # In a draft a placeholder is a warning; the review gate still counts it.
    text = (FIX / "half_en.md").read_text(encoding="utf-8")
    r = readiness(text, "half_en.md")
    assert any(b.rule == "placeholder-text" and b.severity == "error" for b in r.review_blockers)


def test_missing_reviewers_block_approval_only():
    path = FIX / "commented.md"
    r = readiness(path.read_text(encoding="utf-8"), str(path))
    text = path.read_text(encoding="utf-8").replace("reviewers: [kim]\n", "")
    r2 = readiness(text, str(path))
    assert not any(b.rule == "incomplete-front-matter" for b in r.approval_blockers)
    assert any(b.rule == "incomplete-front-matter" for b in r2.approval_blockers)
    assert not any(b.rule == "incomplete-front-matter" for b in r2.review_blockers)


def test_no_front_matter_blocks_approval():
    text = "# Doc\n\n## Why\n\nBecause.\n\n## What\n\nThis.\n\n## How\n\nSo.\n"
    r = readiness(text, "doc.md")
    assert any(b.rule == "no-front-matter" for b in r.approval_blockers)
    assert r.level != "ready-for-approval"


def test_complete_doc_is_ready_and_json():
    path = REAL / "ru_full_complete_antifraud.md"
    r = readiness(path.read_text(encoding="utf-8"), str(path))
    assert r.level in ("ready-for-review", "ready-for-approval")
    assert not r.review_blockers
    data = r.to_json()
    assert set(data) >= {"level", "percent", "review_blockers", "approval_blockers", "ready_for_review"}
    assert data["ready_for_review"] is True


def test_lines_are_those_of_the_file():
    text = "# Doc\n\n## Goals\n\nTBD\n"
    r = readiness(text, "doc.md")
    assert any(b.rule == "placeholder-text" and b.line == 5 for b in r.review_blockers)


EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.md"))


@pytest.mark.skipif(not EXAMPLES, reason="no examples/*.md yet")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_shipped_examples_pass_the_review_gates(path):
    r = readiness(path.read_text(encoding="utf-8"), str(path))
    assert not r.review_blockers, [str(b) for b in r.review_blockers]
