"""The shipped examples lint clean, and removing one element fires exactly its rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from designdoc.lint import lint_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ not present")


def _content_problems(text: str, path: str) -> list[str]:
    return sorted({p.name for p in lint_text(text, path, select=["DD2"])})


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.md")), ids=lambda p: p.name)
def test_examples_clean(path):
    assert _content_problems(path.read_text(encoding="utf-8"), str(path)) == []


# (example, regex of the lines to delete, the only content rule that must fire)
MUTATIONS = [
    ("payment-antifraud.md", r"Significance level \(α\)", "ab-no-significance-level"),
    ("payment-antifraud.md", r"Power \(1 − β\)|Minimum detectable effect", "ab-no-power-or-mde"),
    ("payment-antifraud.md", r"A/A", "ab-no-aa-test"),
    ("payment-antifraud.md", r"\*\*Hypothesis:", "ab-no-hypothesis"),
    ("payment-antifraud.md", r"Randomization unit|\*\*Split:", "ab-no-split-unit"),
    ("payment-antifraud.md", r"Won.t", "moscow-incomplete"),
    ("dynamic-pricing-ru.md", r"Уровень значимости", "ab-no-significance-level"),
    ("dynamic-pricing-ru.md", r"Мощность|MDE", "ab-no-power-or-mde"),
    ("dynamic-pricing-ru.md", r"A/A|А/А", "ab-no-aa-test"),
    ("dynamic-pricing-ru.md", r"Won.t|Не будем", "moscow-incomplete"),
    ("churn-one-pager.md", r"Significance level", "ab-no-significance-level"),
    ("churn-one-pager.md", r"Power|MDE", "ab-no-power-or-mde"),
    ("churn-one-pager.md", r"A/A", "ab-no-aa-test"),
]


@pytest.mark.parametrize("name, pattern, rule", MUTATIONS, ids=lambda x: str(x)[:30])
def test_removing_one_element_fires_its_rule(name, pattern, rule):
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not re.search(pattern, line)]
    assert len(kept) < len(lines), f"no line matches {pattern!r} in {name}"
    assert _content_problems("\n".join(kept), str(path)) == [rule]
