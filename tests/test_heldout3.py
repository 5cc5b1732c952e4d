"""Third held-out set (fixtures/heldout3): same measures and thresholds as test_heldout.

Twelve docs (6 EN, 6 RU) in styles the earlier sets do not cover (Google-Docs exports
with bold numbered lines and a table of contents, Q&A headings, an RFC layout, emoji
startup notes, a holdout instead of A/B, uplift, medical screening, reject inference,
a Russian bank pilot, a retail split by stores, an LLM support bot, half-filled
templates), labelled from DOMAIN.md before the linter was run (fixtures/heldout3/SOURCES.md).

Run ``python tests/test_heldout3.py`` for the full table with every disagreement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:  # pytest (rootdir on sys.path) and ``python tests/test_heldout3.py``
    from tests import test_heldout as ho
except ImportError:  # pragma: no cover
    import test_heldout as ho  # type: ignore[no-redef]

BASE = Path(__file__).parent / "fixtures" / "heldout3"
EXPECTED = ho.load_expected(BASE)
RULES = ho.rules_of(EXPECTED)


def test_heldout3_set_is_balanced() -> None:
    en = [n for n in EXPECTED if n.startswith("en_")]
    ru = [n for n in EXPECTED if n.startswith("ru_")]
    assert len(en) == len(ru) == 6
    assert sorted(EXPECTED) == sorted(p.name for p in BASE.glob("*.md") if p.name != "SOURCES.md")


def test_heldout3_section_agreement_is_at_least_95_percent() -> None:
    agree, total, misses = ho.section_report(EXPECTED, BASE)
    assert total > 150
    assert agree / total >= ho.SECTION_MIN, (
        f"section agreement {agree}/{total} = {agree / total:.1%}:\n  " + "\n  ".join(misses)
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_heldout3_kind_is_recognised(name: str) -> None:
    assert ho._sections(name, BASE)[1] == EXPECTED[name]["kind"]


def test_heldout3_each_content_rule_agrees_on_90_percent_of_docs() -> None:
    per, diffs, _, _ = ho.rule_report(EXPECTED, BASE, RULES)
    low = {r: f"{a}/{n}" for r, (a, n) in per.items() if a / n < ho.RULE_MIN}
    assert not low, f"rules below {ho.RULE_MIN:.0%}: {low}\ndisagreements:\n  " + "\n  ".join(diffs)


def test_heldout3_false_alarm_rate_at_most_10_percent() -> None:
    _, diffs, false_alarms, reported = ho.rule_report(EXPECTED, BASE, RULES)
    assert reported > 0
    rate = false_alarms / reported
    alarms = [d for d in diffs if "reported" in d]
    assert rate <= ho.FALSE_ALARM_MAX, (
        f"false alarms {false_alarms}/{reported} = {rate:.1%}:\n  " + "\n  ".join(alarms)
    )


if __name__ == "__main__":  # pragma: no cover
    ho.main(EXPECTED, BASE, RULES)
