"""Baseline rules (DD221)."""

from __future__ import annotations

import pytest

from _content import check

RULE = "no-simple-baseline"


@pytest.mark.parametrize("md, expected", [
    ("## Baselines\nMedian demand of the last 90 days; then logistic regression.\n", []),
    ("## Бейзлайн\nЭвристика «не заходил 14 дней» и логистическая регрессия.\n", []),
    ("## Baselines\nGradient boosting, then a fine-tuned transformer.\n", [(1, RULE)]),
    ("## Бейзлайн\nГрадиентный бустинг и трансформер.\n", [(1, RULE)]),
    ("## Baseline\nThe current RFM rule set.\n", []),
    ("## Baseline\nBM25 over article paragraphs.\n", []),
    ("## Baseline\nMost-popular-in-genre.\n", []),
    ("## Бейзлайны\nДействующие правила.\n", []),
    ("## Бейзлайн\nСреднее число заказов за тот же час за 3 недели.\n", []),
    ("## Бейзлайн\nКонстанта — медиана продаж.\n", []),
    ("## Бейзлайн\nТекущее решение.\n", []),
    ("## Goals\nX.\n", []),
])
def test_no_simple_baseline(md, expected):
    assert check(md, RULE) == expected
