"""Content and front-matter rule messages follow the doc's language (`lang:` in front matter).

Table-driven: each snippet is linted once as a Russian doc and once as an
English one; every problem of the content / front-matter families must be
written in that language, and text a message quotes from the doc stays as
found.
"""

from __future__ import annotations

import re

import pytest

from designdoc.lint import lint_text
from designdoc.rules.registry import all_rules

FAMILIES = {
    "designdoc.rules.front_matter", "designdoc.rules.metrics", "designdoc.rules.data",
    "designdoc.rules.baselines", "designdoc.rules.ab_test", "designdoc.rules.rollback",
    "designdoc.rules.priorities", "designdoc.rules.risks", "designdoc.rules.requirements",
}
# Reported by the linter itself (lint.py), not by these checks.
NOT_FROM_CHECKS = {"unreadable-file", "invalid-spec", "approved-with-errors"}
RULES = sorted(r.name for r in all_rules() if r.family in FAMILIES and r.name not in NOT_FROM_CHECKS)

CYRILLIC = re.compile(r"[а-яё]", re.I)

# (id, extra front matter, Russian body, English body, rules that must fire in both)
CASES = [
    ("metrics-accuracy", "",
     "## Метрики\nСмотрим на accuracy. Мошенничество — 0,3% платежей.\n",
     "## Metrics\nWe track accuracy. Fraud is 0.3% of payments.\n",
     {"no-online-metric", "metric-without-target", "accuracy-only-metric"}),
    ("metrics-online-only", "",
     "## Метрики\nВыручка на пользователя.\n",
     "## Metrics\nRevenue per user.\n",
     {"no-offline-metric", "metric-without-target"}),
    ("data", "",
     "## Данные\nСоберём нужные данные.\n",
     "## Data\nWe will gather the data we need.\n",
     {"no-feature-source", "no-label-source"}),
    ("baselines", "",
     "## Бейзлайн\nГрадиентный бустинг, затем трансформер.\n",
     "## Baselines\nGradient boosting, then a fine-tuned transformer.\n",
     {"no-simple-baseline"}),
    ("ab-bare", "",
     "## A/B-тест\nЗапустим тест и проверим статистическую значимость и мощность.\n",
     "## A/B test\nWe will run a test and check significance and power.\n",
     {"ab-no-hypothesis", "ab-no-primary-metric", "ab-no-guardrail-metric", "ab-no-split-unit",
      "ab-no-significance-level", "ab-no-power-or-mde", "ab-no-duration", "ab-no-aa-test",
      "ab-no-stop-criteria"}),
    ("ab-deferred", "",
     "## A/B-тест\nA/B-тест не проводится, так как трафика мало.\n",
     "## A/B test\nNo A/B test in this phase because traffic is too low.\n",
     {"ab-deferred"}),
    ("ab-deferred-approved", "status: approved\n",
     "## A/B-тест\nA/B-тест не проводится, так как трафика мало.\n",
     "## A/B test\nNo A/B test in this phase because traffic is too low.\n",
     {"ab-deferred", "incomplete-front-matter"}),
    ("rollback-vague", "",
     "## План отката\nСледим за ошибками и задержкой.\n",
     "## Rollback plan\nWe watch errors and latency.\n",
     {"rollback-no-action", "rollback-no-owner"}),
    ("rollback-bare", "",
     "## План отката\nПосмотрим по ситуации.\n",
     "## Rollback plan\nWe will see.\n",
     {"rollback-no-trigger", "rollback-no-owner"}),
    ("moscow-missing", "",
     "## Приоритеты (MoSCoW)\n- Обязательно: модель.\n- Желательно: объяснения.\n",
     "## Priorities (MoSCoW)\n- Must: model.\n- Should: reason codes.\n",
     {"moscow-incomplete"}),
    ("moscow-must-empty", "",
     "## Приоритеты\n- Must: —\n- Should: объяснения.\n- Could: дайджест.\n- Won't: автоблокировка.\n",
     "## Priorities\n- Must: —\n- Should: reason codes.\n- Could: digest.\n- Won't: autoblock.\n",
     {"moscow-incomplete"}),
    ("must-share", "",
     "## Приоритеты\nОбязательные задачи — 90% времени.\n",
     "## Priorities\nMust items take 90% of the time; Should 10%.\n",
     {"must-share-too-high"}),
    ("risks-list", "",
     "## Риски\nЗадержка меток; мошенники адаптируются к модели.\n",
     "## Risks\nLabel delay; fraudsters adapt to the model.\n",
     {"risk-without-mitigation"}),
    ("risks-table", "",
     "## Риски\n| Риск | Меры |\n|---|---|\n| Задержка меток | |\n",
     "## Risks\n| Risk | Mitigation |\n|---|---|\n| Label delay | |\n",
     {"risk-without-mitigation"}),
    ("requirements", "",
     "## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n",
     "## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n",
     {"no-readiness-criterion", "error-costs-not-discussed"}),
    ("front-matter-invalid", "kind: fulll\nstatsu: draft\nowners: 5\ncreated: someday\ntitle: ''\n",
     "## Цели\nСнизить отток.\n",
     "## Goals\nReduce churn.\n",
     {"invalid-front-matter"}),
    ("front-matter-review", "status: review\n",
     "## Цели\nСнизить отток.\n",
     "## Goals\nReduce churn.\n",
     {"incomplete-front-matter"}),
]
IDS = [c[0] for c in CASES]


def _lint(lang: str, extra: str, body: str):
    text = f"---\nlang: {lang}\n{extra}---\n{body}"
    return [p for p in lint_text(text, select=RULES) if p.name in RULES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_russian_doc_gets_russian_messages(case):
    _, extra, ru, _, expected = case
    problems = _lint("ru", extra, ru)
    assert expected <= {p.name for p in problems}
    for p in problems:
        assert CYRILLIC.search(p.message), f"{p.name}: {p.message}"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_english_doc_gets_english_messages(case):
    _, extra, _, en, expected = case
    problems = _lint("en", extra, en)
    assert expected <= {p.name for p in problems}
    for p in problems:
        assert not CYRILLIC.search(p.message), f"{p.name}: {p.message}"


def test_every_rule_of_the_families_is_covered():
    fired = set().union(*(c[4] for c in CASES))
    assert fired == set(RULES)


def test_broken_front_matter_follows_the_body_language():
    # Unparsable YAML has no usable `lang:`; the language is guessed from the body.
    for lang, body, word in (
        ("ru", "## Цели\nСнизить отток.\n", "Ошибка во front matter: "),
        ("en", "## Goals\nReduce churn.\n", "Front matter: "),
    ):
        problems = _lint(lang, "kind: [\n", body)
        # A goals-only full doc is also asked the whole-doc questions (readiness, error costs).
        assert sorted(p.name for p in problems) == [
            "error-costs-not-discussed", "invalid-front-matter", "no-readiness-criterion"
        ]
        problems = [p for p in problems if p.name == "invalid-front-matter"]
        assert problems[0].message.startswith(word)


@pytest.mark.parametrize("lang, body, rule, quote", [
    # The found words are quoted as written, whatever the message language.
    ("ru", "## A/B-тест\nДве недели, проверим статистическую значимость.\n",
     "ab-no-significance-level", "«значимость."),
    ("ru", "## A/B test\nTwo weeks; we check significance.\n",
     "ab-no-significance-level", "«significance."),
    ("en", "## A/B test\nTwo weeks; we check significance.\n",
     "ab-no-significance-level", "'significance.'"),
    ("ru", "## Риски\n| Risk | Mitigation |\n|---|---|\n| Label delay | |\n",
     "risk-without-mitigation", "«Label delay»"),
    ("ru", "## A/B-тест\nA/B-тест не проводится, так как трафика мало.\n",
     "ab-deferred", "«A/B-тест не проводится, так как трафика мало.»"),
    ("ru", "## Метрики\nAccuracy ≥ 0,95. Fraud is 0.3% of payments.\n",
     "accuracy-only-metric", "«Fraud»"),
])
def test_quotes_stay_as_found(lang, body, rule, quote):
    problems = [p for p in _lint(lang, "", body) if p.name == rule]
    assert len(problems) == 1
    assert quote in problems[0].message


def test_russian_examples_use_russian_number_style():
    msgs = {p.name: p.message for c in CASES for p in _lint("ru", c[1], c[2])}
    assert "«α = 0,05»" in msgs["ab-no-significance-level"]
    assert "«две полные недели»" in msgs["ab-no-duration"]
    assert "«сплит 50/50 по user_id»" in msgs["ab-no-split-unit"]
    assert "«конверсия +1,5 п.п.»" in msgs["metric-without-target"]
