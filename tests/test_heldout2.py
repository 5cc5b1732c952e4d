"""Second held-out set (fixtures/heldout2): same measures and thresholds as test_heldout.

Sixteen docs (8 EN, 8 RU) in styles the first held-out set and the tuning set do not
cover (Notion callouts and toggles, Confluence tables, terse fragments, PM prose,
interleaving, OCR, RAG, forecasting, Russian product-team wording), labelled from
DOMAIN.md before the linter was run (fixtures/heldout2/SOURCES.md).

Run ``python tests/test_heldout2.py`` for the full table with every disagreement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:  # pytest (rootdir on sys.path) and ``python tests/test_heldout2.py``
    from tests import test_heldout as ho
except ImportError:  # pragma: no cover
    import test_heldout as ho  # type: ignore[no-redef]

BASE = Path(__file__).parent / "fixtures" / "heldout2"
EXPECTED = ho.load_expected(BASE)
RULES = ho.rules_of(EXPECTED)


def test_heldout2_set_is_balanced() -> None:
    en = [n for n in EXPECTED if n.startswith("en_")]
    ru = [n for n in EXPECTED if n.startswith("ru_")]
    assert len(en) == len(ru) == 8
    assert sorted(EXPECTED) == sorted(p.name for p in BASE.glob("*.md") if p.name != "SOURCES.md")


def test_heldout2_section_agreement_is_at_least_95_percent() -> None:
    agree, total, misses = ho.section_report(EXPECTED, BASE)
    assert total > 200
    assert agree / total >= ho.SECTION_MIN, (
        f"section agreement {agree}/{total} = {agree / total:.1%}:\n  " + "\n  ".join(misses)
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_heldout2_kind_is_recognised(name: str) -> None:
    assert ho._sections(name, BASE)[1] == EXPECTED[name]["kind"]


def test_heldout2_each_content_rule_agrees_on_90_percent_of_docs() -> None:
    per, diffs, _, _ = ho.rule_report(EXPECTED, BASE, RULES)
    low = {r: f"{a}/{n}" for r, (a, n) in per.items() if a / n < ho.RULE_MIN}
    assert not low, f"rules below {ho.RULE_MIN:.0%}: {low}\ndisagreements:\n  " + "\n  ".join(diffs)


def test_heldout2_false_alarm_rate_at_most_10_percent() -> None:
    _, diffs, false_alarms, reported = ho.rule_report(EXPECTED, BASE, RULES)
    assert reported > 0
    rate = false_alarms / reported
    alarms = [d for d in diffs if "reported" in d]
    assert rate <= ho.FALSE_ALARM_MAX, (
        f"false alarms {false_alarms}/{reported} = {rate:.1%}:\n  " + "\n  ".join(alarms)
    )


if __name__ == "__main__":  # pragma: no cover
    ho.main(EXPECTED, BASE, RULES)
