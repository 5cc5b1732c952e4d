"""Later held-out sets: the same measures and thresholds as test_heldout, one module for all.

- heldout2: 16 docs (8 EN, 8 RU): Notion callouts and toggles, Confluence tables, terse
  fragments, PM prose, interleaving, OCR, RAG, forecasting, Russian product-team wording.
- heldout3: 12 docs (6 EN, 6 RU): Google-Docs exports with bold numbered lines and a table
  of contents, Q&A headings, an RFC layout, emoji startup notes, a holdout instead of A/B,
  uplift, medical screening, reject inference, a Russian bank pilot, a retail split by
  stores, an LLM support bot, half-filled templates.

Each was labelled from DOMAIN.md before the linter ran (see its SOURCES.md).
Run ``python tests/test_heldout_later.py heldout3`` for the full table with every disagreement.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

try:  # pytest (rootdir on sys.path) and ``python tests/test_heldout_later.py``
    from tests import test_heldout as ho
except ImportError:  # pragma: no cover
    import test_heldout as ho  # type: ignore[no-redef]

FIXTURES = Path(__file__).parent / "fixtures"
# set name -> (docs per language, lower bound on the number of (doc, section) pairs)
SETS = {"heldout2": (8, 200), "heldout3": (6, 150)}
EXPECTED = {name: ho.load_expected(FIXTURES / name) for name in SETS}


def _set(name: str) -> tuple[Path, dict[str, dict], tuple[str, ...]]:
    return FIXTURES / name, EXPECTED[name], ho.rules_of(EXPECTED[name])


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_set_is_balanced(set_name: str) -> None:
    base, expected, _ = _set(set_name)
    en = [n for n in expected if n.startswith("en_")]
    ru = [n for n in expected if n.startswith("ru_")]
    assert len(en) == len(ru) == SETS[set_name][0]
    assert sorted(expected) == sorted(p.name for p in base.glob("*.md") if p.name != "SOURCES.md")


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_section_agreement_is_at_least_95_percent(set_name: str) -> None:
    base, expected, _ = _set(set_name)
    agree, total, misses = ho.section_report(expected, base)
    assert total > SETS[set_name][1]
    assert agree / total >= ho.SECTION_MIN, (
        f"section agreement {agree}/{total} = {agree / total:.1%}:\n  " + "\n  ".join(misses)
    )


@pytest.mark.parametrize(
    "set_name, name", [(s, n) for s in sorted(SETS) for n in sorted(EXPECTED[s])]
)
def test_kind_is_recognised(set_name: str, name: str) -> None:
    base, expected, _ = _set(set_name)
    assert ho._sections(name, base)[1] == expected[name]["kind"]


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_each_content_rule_agrees_on_90_percent_of_docs(set_name: str) -> None:
    base, expected, rules = _set(set_name)
    per, diffs, _, _ = ho.rule_report(expected, base, rules)
    low = {r: f"{a}/{n}" for r, (a, n) in per.items() if a / n < ho.RULE_MIN}
    assert not low, f"rules below {ho.RULE_MIN:.0%}: {low}\ndisagreements:\n  " + "\n  ".join(diffs)


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_false_alarm_rate_at_most_10_percent(set_name: str) -> None:
    base, expected, rules = _set(set_name)
    _, diffs, false_alarms, reported = ho.rule_report(expected, base, rules)
    assert reported > 0
    rate = false_alarms / reported
    alarms = [d for d in diffs if "reported" in d]
    assert rate <= ho.FALSE_ALARM_MAX, (
        f"false alarms {false_alarms}/{reported} = {rate:.1%}:\n  " + "\n  ".join(alarms)
    )


if __name__ == "__main__":  # pragma: no cover
    for set_name in sys.argv[1:] or sorted(SETS):
        print(f"== {set_name}")
        base, expected, rules = _set(set_name)
        ho.main(expected, base, rules)
