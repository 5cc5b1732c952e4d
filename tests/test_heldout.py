"""Held-out evaluation: section recognition and content-rule verdicts vs human labels.

The docs in fixtures/heldout were written for evaluation only, modelled on
public design docs that the rules were *not* tuned on (fixtures/heldout/SOURCES.md),
and labelled from DOMAIN.md before the linter was run on them. Acceptance:

- section recognition agrees with the labels on >= 95% of (doc, section) pairs;
- every content rule agrees with the human verdict on >= 90% of the docs labelled for it;
- at most 1 in 10 of the content problems the linter reports is wrong.

Run ``python tests/test_heldout.py`` for the full table, or
``python tests/test_heldout.py FOLDER ...`` to score labelled folders of your own.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from designdoc.catalog import default_catalog
from designdoc.document import parse
from designdoc.lint import lint_text

BASE = Path(__file__).parent / "fixtures" / "heldout"
EXPECTED: dict[str, dict] = yaml.safe_load((BASE / "expected.yaml").read_text(encoding="utf-8"))

# Content rules judged here (every rule labelled somewhere in expected.yaml).
RULES: tuple[str, ...] = tuple(
    sorted({r for exp in EXPECTED.values() for r in (exp.get("rules") or {})})
)

SECTION_MIN = 0.95
RULE_MIN = 0.90
FALSE_ALARM_MAX = 0.10


def load_expected(base: Path) -> dict[str, dict]:
    return yaml.safe_load((base / "expected.yaml").read_text(encoding="utf-8"))


def rules_of(expected: dict[str, dict]) -> tuple[str, ...]:
    return tuple(sorted({r for exp in expected.values() for r in (exp.get("rules") or {})}))


def _text(name: str, base: Path = BASE) -> str:
    return (base / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _sections(name: str, base: Path = BASE) -> tuple[frozenset[str], str]:
    doc = parse(_text(name, base), name)
    return frozenset(s.id for s in doc.sections() if s.id), doc.kind


@lru_cache(maxsize=None)
def _fired(name: str, base: Path = BASE, rules: tuple[str, ...] = RULES) -> frozenset[str]:
    return frozenset(p.name for p in lint_text(_text(name, base), name, select=list(rules)))


def section_report(
    expected: dict[str, dict] = EXPECTED, base: Path = BASE
) -> tuple[int, int, list[str]]:
    catalog = default_catalog()
    agree = total = 0
    misses: list[str] = []
    for name, exp in expected.items():
        got, _ = _sections(name, base)
        want = set(exp["sections"])
        for sid in set(catalog.kinds[exp["kind"]]) | want | got:
            total += 1
            if (sid in got) == (sid in want):
                agree += 1
            else:
                misses.append(f"{name}: {sid} {'extra' if sid in got else 'missed'}")
    return agree, total, misses


def rule_report(
    expected: dict[str, dict] = EXPECTED, base: Path = BASE, rules: tuple[str, ...] = RULES
) -> tuple[dict[str, list[int]], list[str], int, int]:
    """Per rule [agree, labelled]; disagreements; false alarms; reported problems."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    diffs: list[str] = []
    false_alarms = reported = 0
    for name, exp in expected.items():
        labels: dict[str, bool] = exp.get("rules") or {}
        fired = _fired(name, base, rules)
        for rule in rules:
            got = rule in fired
            if got:
                reported += 1
            if rule not in labels:
                # The human found no (filled) section for this rule: any report is wrong.
                if got:
                    false_alarms += 1
                    diffs.append(f"{name}: {rule} reported, but its section is absent/unfilled")
                continue
            want = labels[rule]
            per[rule][1] += 1
            if got == want:
                per[rule][0] += 1
            else:
                if got:
                    false_alarms += 1
                diffs.append(
                    f"{name}: {rule} {'reported (false alarm)' if got else 'missed (doc lacks it)'}"
                )
    return dict(per), diffs, false_alarms, reported


def test_heldout_set_is_balanced() -> None:
    en = [n for n in EXPECTED if n.startswith("en_")]
    ru = [n for n in EXPECTED if n.startswith("ru_")]
    assert 16 <= len(EXPECTED) <= 24
    assert abs(len(en) - len(ru)) <= 2
    assert sorted(EXPECTED) == sorted(p.name for p in BASE.glob("*.md") if p.name != "SOURCES.md")


def test_section_agreement_is_at_least_95_percent() -> None:
    agree, total, misses = section_report()
    assert total > 200
    assert agree / total >= SECTION_MIN, (
        f"section agreement {agree}/{total} = {agree / total:.1%}:\n  " + "\n  ".join(misses)
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_kind_is_recognised(name: str) -> None:
    assert _sections(name)[1] == EXPECTED[name]["kind"]


def test_each_content_rule_agrees_on_90_percent_of_docs() -> None:
    per, diffs, _, _ = rule_report()
    low = {r: f"{a}/{n}" for r, (a, n) in per.items() if a / n < RULE_MIN}
    assert not low, f"rules below {RULE_MIN:.0%}: {low}\ndisagreements:\n  " + "\n  ".join(diffs)


def test_false_alarm_rate_at_most_10_percent() -> None:
    _, diffs, false_alarms, reported = rule_report()
    assert reported > 0
    rate = false_alarms / reported
    alarms = [d for d in diffs if "reported" in d]
    assert rate <= FALSE_ALARM_MAX, (
        f"false alarms {false_alarms}/{reported} = {rate:.1%}:\n  " + "\n  ".join(alarms)
    )


def main(
    expected: dict[str, dict] = EXPECTED, base: Path = BASE, rules: tuple[str, ...] = RULES
) -> None:  # pragma: no cover - a report for humans
    agree, total, misses = section_report(expected, base)
    print(f"sections: {agree}/{total} = {agree / total:.1%}")
    for m in misses:
        print("  ", m)
    for name, exp in expected.items():
        kind = _sections(name, base)[1]
        if kind != exp["kind"]:
            print(f"   kind {name}: {kind} (want {exp['kind']})")
    per, diffs, fa, rep = rule_report(expected, base, rules)
    print(f"\n{'rule':28} agree")
    for rule in sorted(per):
        a, n = per[rule]
        print(f"{rule:28} {a:>2}/{n:<2} {a / n:6.1%}")
    print(f"\nfalse alarms: {fa}/{rep} = {fa / max(rep, 1):.1%}")
    for d in diffs:
        print("  ", d)


if __name__ == "__main__":  # pragma: no cover
    # `python tests/test_heldout.py [FOLDER ...]`: score this set, or labelled
    # folders of your own (each with an expected.yaml in the schema above).
    import sys

    for folder in sys.argv[1:] or [str(BASE)]:
        base = Path(folder)
        expected = load_expected(base)
        print(f"== {base} ({len(expected)} docs)")
        main(expected, base, rules_of(expected))
