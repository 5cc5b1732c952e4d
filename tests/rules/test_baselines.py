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
    # an average written short, or a solution with no model at all
    ("## Baseline\nTime = distance / historical avg speed, summed over segments.\n", []),
    ("## Baseline\nSegment-speed summation: simple, no ML.\n", []),
    ("## Бейзлайн\nСуммирование времени по сегментам: просто, без ML.\n", []),
    ("## Baseline\nThere is no ML team yet, so we start with XGBoost from a vendor.\n", [(1, RULE)]),
    ("## Бейзлайн\nБез ML-команды берём готовый бустинг.\n", [(1, RULE)]),
])
def test_no_simple_baseline(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md, expected", [
    # the simple baseline is named in the plan, in the sentence that calls it the baseline
    ("## Baseline\nPre-trained BERT vector search.\n## Plan\nFirst implement a baseline that matches "
     "queries by keywords and titles.\n", []),
    ("## Бейзлайн\nBERT-эмбеддинги.\n## План\nСначала делаем бейзлайн на эвристиках по ключевым словам.\n", []),
    # a simple method elsewhere that is not called a baseline does not count
    ("## Baseline\nPre-trained BERT vector search.\n## Plan\nWe filter spam with a keyword rule.\n",
     [(1, "no-simple-baseline")]),
])
def test_simple_baseline_named_elsewhere(md, expected):
    assert check(md, "no-simple-baseline") == expected


def test_a_simple_baseline_of_other_systems_does_not_count():
    md = ("## Baseline\nPre-trained BERT vector search.\n"
          "## Prior art\nCompany X replaced a rule-based baseline with BERT.\n")
    assert check(md, "no-simple-baseline") == [(1, "no-simple-baseline")]


@pytest.mark.parametrize("md, expected", [
    # words a simple baseline shares with a model, a sample or a model's setting
    ("## Baselines\nRandom Forest Classifier (baseline model).\n", [(1, "no-simple-baseline")]),
    ("## Baselines\nGradient boosting. Results: ROC-AUC 0.82, accuracy 69.78% at threshold 0.5.\n",
     [(1, "no-simple-baseline")]),
    ("## Бейзлайн\nCatBoost; случайная выборка за 2 недели.\n", [(1, "no-simple-baseline")]),
    ("## Бейзлайн\nBERT. Ручная разметка подвыборки из 10 000 комментариев.\n", [(1, "no-simple-baseline")]),
    ("## Бейзлайн\nRAG на GPT-4. Наивный чанкинг рвёт таблицы.\n", [(1, "no-simple-baseline")]),
    # the simple baselines themselves
    ("## Baselines\nA random baseline, then gradient boosting.\n", []),
    ("## Baselines\nA threshold rule on the amount.\n", []),
    ("## Бейзлайн\nНаивный прогноз — значение прошлой недели.\n", []),
    ("## Бейзлайн\nНаивный RAG: последние N сообщений в контексте.\n", []),
    ("## Бейзлайн\nРучной подбор товаров менеджером.\n", []),
])
def test_simple_baseline_words_in_other_senses(md, expected):
    assert check(md, "no-simple-baseline") == expected


@pytest.mark.parametrize("md", [
    # simple baselines that share a word with the exclusions stay simple (review)
    "## Baselines\nAlert when vibration amplitude exceeds a threshold of 0.5 mm/s.\n",
    "## Baselines\nA simple score threshold on the bureau score.\n",
    "## Baselines\nRandom selection of items from the catalogue.\n",
    "## Baselines\nRandom sampling of products to recommend.\n",
    "## Бейзлайн\nСрабатывание, когда вибрация превышает порог 0,5 мм/с.\n",
    "## Бейзлайн\nПорог срабатывания по сумме платежа.\n",
    "## Бейзлайн\nСлучайная выборка товаров из каталога.\n",
])
def test_simple_baselines_that_look_like_exclusions(md):
    assert check(md, "no-simple-baseline") == []


@pytest.mark.parametrize("md, expected", [
    # a plan of the experiment alone designs no model
    ("# A/B Test Plan: retention offers\n## Baseline\nGradient boosting scores.\n", []),
    ("# План A/B-эксперимента: скидки\n## Бейзлайн\nГрадиентный бустинг.\n", []),
    ("# Retention model\n## Baseline\nGradient boosting scores.\n", [(2, RULE)]),
    # an ML "Experiment Plan" with its data and models designs the model
    ("# Experiment Plan\n## Dataset\nCICIDS 2017.\n## Baselines\nRandom Forest; an autoencoder.\n", [(4, RULE)]),
    ("# План экспериментов\n## Данные\nCICIDS 2017.\n## Бейзлайн\nСлучайный лес и автоэнкодер.\n", [(4, RULE)]),
    # an experiment plan without them plans the experiment
    ("# Experiment Plan\n## Split\nBy user.\n## Baseline\nGradient boosting scores.\n", []),
])
def test_plan_of_one_part_is_not_asked_for_a_baseline(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md, expected", [
    # a metric's mean or an experiment's fixed setting is no mean or constant predictor
    ("## Baseline\nYOLOv8n, 10 epochs. Average inference latency: ~127 ms per frame.\n", [(1, RULE)]),
    ("## Baseline\n| Model | AST score | mean score |\n|---|---|---|\n| sqlcoder-8b | 0.39 | 0.26 |\n",
     [(1, RULE)]),
    ("## Baseline\nFine-tuned ResNet-50. Variables held constant: epochs and image size.\n", [(1, RULE)]),
    ("## Бейзлайн\nsqlcoder-8b: средняя точность 0,26, средняя задержка 3 с.\n", [(1, RULE)]),
    ("## Бейзлайн\nU-Net; средняя абсолютная ошибка 0,4.\n", [(1, RULE)]),
    # the mean as a predictor stays simple
    ("## Baseline\nPredict the mean demand of the last 4 weeks.\n", []),
    ("## Baseline\nHistorical average per store and hour.\n", []),
    ("## Бейзлайн\nСреднее значение продаж за 4 недели.\n", []),
    # the system without its new component
    ("## Baseline\nA no-RAG baseline: the prompt template straight to the LLM.\n", []),
    ("## Baseline\nLLM answer; the A/B test compares baseline (without retrieval) and the RAG MVP.\n", []),
    ("## Бейзлайн\nA/B: baseline (без RAG) против MVP (RAG).\n", []),
    ("## Baseline\nGPT-4 without fine-tuning.\n", [(1, RULE)]),
    # ... named a few words after the label
    ("## Этапы\n### Этап 1\n**Бейзлайн:** агент без памяти, только промпт персоны.\n", []),
    ("## Stages\n### Stage 1\n**Baseline:** the agent without memory, persona prompt only.\n", []),
    ("## Baseline\nBaseline: a transformer without context limits.\n", [(1, RULE)]),
    ("## Бейзлайн\nБейзлайн: модель без ограничений контекста.\n", [(1, RULE)]),
    # review: a setting or a training detail of a complex model is no ablated system
    ("## Baseline\nBaseline: Llama-3 70B with no context truncation, zero-shot.\n", [(1, RULE)]),
    ("## Baseline\nGradient boosting; the baseline was trained without filtering bot traffic.\n", [(1, RULE)]),
    ("## Baseline\nOur baselines include no retrieval-augmented models: a fine-tuned T5.\n", [(1, RULE)]),
    ("## Бейзлайн\nБейзлайн: CatBoost без поиска гиперпараметров, затем LambdaMART.\n", [(1, RULE)]),
    ("## Бейзлайн\nБейзлайн — градиентный бустинг без фильтрации выбросов.\n", [(1, RULE)]),
])
def test_metric_means_and_ablated_baselines(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md", [
    # a mean time is a fine predictor of a duration (review)
    "## Baseline\nAverage delivery time per zone over the last week.\n",
    "## Бейзлайн\nСреднее время доставки по району за прошлую неделю.\n",
    "## Baseline\nRecommend the items with the highest average rating.\n",
    # review: the mean of a duration or a score is a predictor too
    "## Baselines\nBaseline: predict the mean processing time of the ticket's category over the last 90 days.\n",
    "## Baselines\nBaseline: average response time per queue, last 30 days.\n",
    "## Baselines\nBaseline: each student's mean score over past tests.\n",
    "## Бейзлайн\nБейзлайн: среднее время ответа по очереди за последние 30 дней.\n",
])
def test_mean_durations_stay_simple_baselines(md):
    assert check(md, RULE) == []


@pytest.mark.parametrize("md, expected", [
    # a dummy classifier predicts the prior: the simplest baseline there is
    ("## Baselines\nA dummy classifier was used as a reference point.\n", []),
    ("## Бейзлайн\nDummy-классификатор как точка отсчёта.\n", []),
    ("## Baselines\nXGBoost with default settings.\n", [(1, "no-simple-baseline")]),
    # review: a dummy classifier set aside is no baseline
    ("## Baselines\nA dummy classifier is not informative here, so we compare BERT against gradient boosting.\n",
     [(1, "no-simple-baseline")]),
])
def test_a_dummy_classifier_is_a_simple_baseline(md, expected):
    assert check(md, "no-simple-baseline") == expected
