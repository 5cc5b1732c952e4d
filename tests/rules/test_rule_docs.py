"""Every rule documents itself: summary, section, and examples in English and Russian."""

from __future__ import annotations

import re

import pytest

from designdoc.rules.registry import all_rules

CONTENT = [r for r in all_rules() if r.code.startswith("DD2")]


def test_content_rules_registered():
    names = {r.name for r in CONTENT}
    assert {
        "no-online-metric", "no-offline-metric", "metric-without-target", "no-feature-source",
        "no-label-source", "no-simple-baseline", "ab-no-hypothesis", "ab-no-primary-metric",
        "ab-no-guardrail-metric", "ab-no-split-unit", "ab-no-significance-level",
        "ab-no-power-or-mde", "ab-no-duration", "rollback-no-trigger", "rollback-no-action",
        "moscow-incomplete",
    } <= names
    assert next(r for r in CONTENT if r.name == "ab-no-significance-level").code == "DD231"


@pytest.mark.parametrize("r", CONTENT, ids=lambda r: r.name)
def test_rule_has_docs_with_examples(r):
    doc = r.check.__doc__ or ""
    assert r.summary and len(r.summary) < 120
    assert re.search(r"^\s*(Fails|Passes|Reported|Not reported)", doc, re.M), r.name
    assert re.search(r"^\s*(Passes|Not reported)", doc, re.M), r.name
    assert re.match(r"^[a-z]+(-[a-z]+)*$", r.name)


@pytest.mark.parametrize("r", CONTENT, ids=lambda r: r.name)
def test_content_rule_docs_are_bilingual(r):
    doc = r.check.__doc__ or ""
    assert r.section, r.name
    assert re.search(r"[А-Яа-яЁё]{3}", doc), f"{r.name}: no Russian example"
    assert re.search(r"^\s*(Fails|Reported)", doc, re.M), r.name
