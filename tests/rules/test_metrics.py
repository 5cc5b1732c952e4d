"""Metrics rules (DD201–DD204)."""

from __future__ import annotations

import pytest

from _content import check

ONLINE = "no-online-metric"
OFFLINE = "no-offline-metric"
TARGET = "metric-without-target"
ACC = "accuracy-only-metric"


@pytest.mark.parametrize("md, expected", [
    ("## Metrics\nOnline: churn rate −1 pp. Offline: PR-AUC ≥ 0.35.\n", []),
    ("## Метрики\nОнлайн: конверсия в оплату +1,5 п.п. Офлайн: PR-AUC ≥ 0,35.\n", []),
    ("## Metrics\nOffline: PR-AUC ≥ 0.35 on the held-out month.\n", [(1, ONLINE)]),
    ("## Метрики\nОфлайн: ROC-AUC ≥ 0,8.\n", [(1, ONLINE)]),
    # "online inference" is not an online metric
    ("## Metrics\nRecall@20 ≥ 0.3, computed with online inference.\n", [(1, ONLINE)]),
    # the A/B design's primary metric counts
    ("## Metrics\nRecall@20 ≥ 0.3.\n## A/B test\nPrimary metric: carousel CTR.\n", []),
    ("## Метрики\nДоля объявлений в неверной категории — с 9% до 4%.\n", []),
    # active-user counts and safety outcomes are what the business moves
    ("## Success metrics\nWeekly active users of the planner; top-1 accuracy ≥ 0.8.\n", []),
    ("## Success metrics\nHalve road fatalities on the pilot routes; recall ≥ 0.95.\n", []),
    ("## Метрики\nЧисло активных пользователей в месяц; F1 ≥ 0,7.\n", []),
    # a load, a system's resources or the task named as a goal are no online metric
    ("## Metrics\nRecall@10; the API must process a large number of requests.\n", [(1, ONLINE)]),
    ("## Metrics\nRecall@10; request rate (requests/second) on the dashboard.\n", [(1, ONLINE)]),
    ("## Metrics\nNDCG@10 and model performance (response time, memory, resource use).\n", [(1, ONLINE)]),
    ("## Metrics\nWhich model gives better churn predictions: PR-AUC.\n", [(1, ONLINE)]),
    ("## Метрики\nMAPE; время обработки: среднее время на обработку одного изображения.\n", [(1, ONLINE)]),
    ("## Метрики\nF1; время инференса на фиксированное число джетов.\n", [(1, ONLINE)]),
    ("## Метрики\nF1; при повторных обращениях к API ответ берётся из кэша.\n", [(1, ONLINE)]),
    # ... while the users' side of the same words is one
    ("## Metrics\nRecall@10; response time of support agents to a customer.\n", []),
    ("## Метрики\nF1; число обращений в поддержку.\n", []),
    ("## Metrics\n- F1 ≥ 0.75.\n- First response time and agent resources (FTE) per 1,000 chats.\n", []),
    ("## Metrics\n- NDCG@10.\n- Reduce the growing number of escalations to the second line by 20%.\n", []),
    ("## Метрики\n- F1 ≥ 0,8.\n- FCR — решение вопроса при первом обращении, цель +10 п.п.\n", []),
    ("## Метрики\n- F1 ≥ 0,8.\n- Время обработки каждого документа сотрудником — цель 3 мин.\n", []),
    ("## Метрики\n- ROC-AUC ≥ 0,8.\n- Сократить большое количество жалоб клиентов на 15%.\n", []),
    # the share of work done without a person, and the process's cycle time
    ("## Metrics\nStraight-through-processing (STP) rate; exact match ≥ 0.9.\n", []),
    ("## Metrics\nCycle time from receipt to a usable record; exact match ≥ 0.9.\n", []),
    ("## Метрики\nУровень автоматизации; F1 ≥ 0,7.\n", []),
    # ... not an engineering cycle or the automation of tests
    ("## Metrics\nF1 ≥ 0.8. Engineering: retraining cycle time under 2 hours.\n", [(1, ONLINE)]),
    ("## Метрики\nF1 ≥ 0,8. Уровень автоматизации тестов пайплайна — не ниже 80%.\n", [(1, ONLINE)]),
    ("## Метрики\nДоля автоматически обработанных заявок; F1 ≥ 0,7.\n", []),
    ("## Метрики\nМинус 30% ДТП на участке пилота; recall ≥ 0,9.\n", []),
    # the users' own rating of the product is what it moves
    ("## Метрики\nСредняя оценка пользователей ≥ 4,0; F1 ≥ 0,7.\n", []),
    ("## Metrics\nUser rating of the answers ≥ 4.0; F1 ≥ 0.7.\n", []),
    ("## Metrics\nRMSE of predicted user ratings ≤ 0.9 on the held-out month.\n", [(1, ONLINE)]),
    ("## Метрики\nОценка пользовательского опыта; F1 ≥ 0,7.\n", [(1, ONLINE)]),
    # unit economics of the service is what a cost-cutting change moves; an error's cost is not
    ("## Success metrics\n- Cost per transcribed minute within budget.\n- WER change < 5%.\n", []),
    ("## Метрики\n- Стоимость минуты распознавания не выше 0,5 руб.\n- WER < 12%.\n", []),
    ("## Metrics\nCost per false positive; WER < 12%.\n", [(1, ONLINE)]),
    ("## Метрики\nСтоимость ошибки; WER < 12%.\n", [(1, ONLINE)]),
    # product metrics the team will watch after launch are online metrics
    ("## Metrics\nMacro F1 ≥ 0.8.\n## Monitoring\n- Business metrics: verification agreement rate.\n", []),
    ("## Метрики\nMacro F1 ≥ 0,8.\n## Мониторинг\n- Бизнес-метрики: доля подтверждённых диагнозов.\n", []),
    ("## Metrics\nMacro F1 ≥ 0.8.\n## Monitoring\n- Latency p95, drift of inputs.\n", [(1, ONLINE)]),
    # what the operators spend or agree with is a product measure
    ("## Metrics\nPrecision/recall of anomalies; operator agreement and review time from feedback.\n", []),
    ("## Метрики\nPrecision/recall аномалий; время разбора инцидентов операторами по обратной связи.\n", []),
    # review: code review, parsing and annotator agreement are no product measures
    ("## Metrics\nF1 ≥ 0.8; model review time before each release is 2 days.\n", [(1, ONLINE)]),
    ("## Metrics\nF1 ≥ 0.8; label quality: operator agreement (Cohen kappa) ≥ 0.8.\n", [(1, ONLINE)]),
    ("## Метрики\nF1 ≥ 0,8; время разбора входного JSON.\n", [(1, ONLINE)]),
    # no metrics section: missing-section covers it
    ("## Data\nLogs.\n", []),
    ("## Metrics\n<!-- name the metrics -->\n", []),
])
def test_no_online_metric(md, expected):
    assert check(md, ONLINE) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Metrics\nOnline: conversion +1.5 pp. Offline: recall@20 ≥ 0.3.\n", []),
    ("## Метрики\nОнлайн: конверсия. Офлайн: полнота ≥ 0,6 при точности 0,8.\n", []),
    ("## Metrics\nOnline: conversion to paid +1.5 pp.\n", [(1, OFFLINE)]),
    ("## Метрики\nВыручка +3%.\n", [(1, OFFLINE)]),
    # named in validation instead
    ("## Metrics\nConversion +2%.\n## Modeling\nTime split; MAE on the last month.\n", []),
    ("# One-pager\n## What\nConversion +2%.\n## How\nOffline we measure recall@5.\n", []),
    # a named model metric anywhere counts (an A/B plan's admission bar) ...
    ("## Metrics\nConversion +2%.\n## Rollout plan\nAdmitted to the test at ROC-AUC ≥ 0.90.\n", []),
    ("## Метрики\nКонверсия +2%.\n## План запуска\nДопуск в A/B: nDCG@10 ≥ 0,5.\n", []),
    # judged quality of generated text, and a share of correct outputs
    ("## Метрики\nКонверсия +2%. Связность текста (оценка экспертами, не менее 7/10).\n", []),
    ("## Metrics\nConversion +2%. LLM-as-a-judge score ≥ 4/5.\n", []),
    ("## Метрики\nКонверсия +2%. Процент успешно распознанных команд не менее 85%.\n", []),
    ("## Metrics\nConversion +2%. Percentage of correctly recognised commands ≥ 85%.\n", []),
    # review: an effort estimate, a label-quality check or a label source is no model metric
    ("## Метрики\nКонверсия +2%.\n## План работ\nОценка трудозатрат экспертами — 2 дня.\n", [(1, OFFLINE)]),
    ("## Метрики\nКонверсия +2%.\n## Данные\nОценка качества разметки асессорами раз в неделю.\n", [(1, OFFLINE)]),
    ("## Metrics\nConversion +2%.\n## Data\nLabels come from human evaluation by support agents.\n", [(1, OFFLINE)]),
    # ... a bare "accurate" outside the metrics does not
    ("## Metrics\nConversion +2%.\n## Goals\nAccurate recommendations for every user.\n", [(1, OFFLINE)]),
    # overlap of a predicted span or mask with the truth
    ("## Метрики\nОсновная метрика — коэффициент Жаккара между спанами.\n", []),
    ("## Metrics\nThe main metric is the Jaccard score of predicted and true spans.\n", []),
    ("## Metrics\nConversion +2%.\n## Data\nNear-duplicates removed with Jaccard similarity > 0.8.\n", [(1, OFFLINE)]),
])
def test_no_offline_metric(md, expected):
    assert check(md, OFFLINE) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Metrics\nOnline: conversion +1.5 pp. Offline: PR-AUC ≥ 0.35.\n", []),
    ("## Метрики\nОфлайн: PR-AUC не ниже 0,35; онлайн: отток −1 п.п.\n", []),
    ("## Metrics\nOnline: conversion. Offline: PR-AUC and recall@20.\n", [(1, TARGET)]),
    ("## Metrics\nPrecision@10% and NDCG@5.\n", [(1, TARGET)]),
    ("## Метрики\nКонверсия и PR-AUC.\n", [(1, TARGET)]),
    # a change by a share, far from its verb, or by a range
    ("## Метрики\nУвеличение конверсии откликов на кампанию на 3–5% к базовой стратегии.\n", []),
    ("## Metrics\nIncrease response conversion of the campaign by 3–5% vs the base strategy.\n", []),
    ("## Metrics\nTime to first click: 20% reduction in time over keyword search.\n", []),
    # a target of nought
    ("## Metrics\nIntake completion rate. Zero known incidents of unapproved pricing commitments.\n", []),
    ("## Метрики\nДоля заявок без оператора. Ноль инцидентов с неподтверждённой ценой.\n", []),
    ("## Metrics\nZero-shot accuracy of the classifier.\n", [(1, TARGET)]),
    # review: rollout shares, base rates and history facts set no target
    ("## Metrics\nOnline: conversion. Offline: PR-AUC.\n## A/B-тест\nРаскатываем модель на 5% пользователей.\n",
     [(1, TARGET)]),
    ("## Metrics\nOnline: retention. Offline: ROC-AUC.\n## Goals\nIn 2023 we saw a 12% drop in retention.\n",
     [(1, TARGET)]),
    ("## Metrics\nOnline: chargebacks. Offline: PR-AUC.\n## Goals\nLast year the rules gave a 15% reduction "
     "in chargebacks.\n", [(1, TARGET)]),
    ("## Metrics\n| Metric | Target |\n|---|---|\n| Conversion | 5.1 |\n", []),
    ("## Метрики\n| Метрика | Целевое значение |\n|---|---|\n| Конверсия | 5,1 |\n", []),
    ("## Metrics\n| Metric | Target |\n|---|---|\n| Conversion | higher |\n", [(1, TARGET)]),
    ("## Metrics\nZero-result rate from 16% to under 5%.\n", []),
    ("## Метрики\nДоля ошибок — с 9% до 4%.\n", []),
    # a success criterion elsewhere is a target of a metric of the doc
    ("## Requirements\nThe model is ready when precision ≥ 0.4.\n## Metrics\nPrecision@10%.\n", []),
    ("## Metrics\n- Recall ≥ 0.9\n- MAE <= 7 minutes\n", []),
    # a multiplicative target
    ("## Metrics\nCut support tickets by a factor of 2.\n", []),
    ("## Metrics\nHalve the manual review queue.\n", []),
    ("## Метрики\nСократить число ручных проверок в 2 раза.\n", []),
    ("## Метрики\nСнизить ДТП вдвое.\n", []),
    ("## Metrics\nConversion; double-check the tracking first.\n", [(1, TARGET)]),
    # LaTeX comparison signs
    ("## Metrics\nROC-AUC $\\ge$ 0.85, Recall $\\geq$ 0.80.\n", []),
    # a display formula defines a metric, and k-fold is the validation scheme: no targets
    ("## Metrics\n$$\\text{DCG}@K = \\sum_{i=1}^K \\frac{2^{r_i} - 1}{\\log_2(i+1)}$$\n", [(1, TARGET)]),
    ("## Metrics\nBoth models reach about 0.96 accuracy under 5-fold CV.\n", [(1, TARGET)]),
    ("## Metrics\n$$\\text{Recall@10} \\geq 0.8$$\n", []),
    ("## Metrics\nIncrease throughput of the ranking service over 10-fold.\n", []),
    # a stage's expected result in the modelling plan, beside a named metric
    ("## Metrics\nAccuracy, F1.\n## Modeling\nStage result: a classifier with accuracy above 80% on the test data.\n",
     []),
    ("## Метрики\nТочность, F1.\n## Моделирование\nРезультат этапа: модель с точностью более 80% на тесте.\n", []),
    # ... a hyper-parameter's bound is no metric target
    ("## Metrics\nAccuracy, F1.\n## Modeling\nGradient boosting with more than 100 trees.\n", [(1, TARGET)]),
])
def test_metric_without_target(md, expected):
    assert check(md, TARGET) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Goals\nFraud is 0.3% of payments.\n## Metrics\nAccuracy ≥ 0.95.\n", [(3, ACC)]),
    ("## Цели\nМошенничество — редкое событие.\n## Метрики\nAccuracy ≥ 0,95.\n", [(3, ACC)]),
    ("## Goals\nFraud is rare.\n## Metrics\nAccuracy ≥ 0.95, recall ≥ 0.6.\n", []),
    ("## Цели\nМошенничество — редкое событие.\n## Метрики\nAccuracy и полнота ≥ 0,6.\n", []),
    # balanced problem, no cost hints
    ("## Goals\nSort photos into 10 balanced classes.\n## Metrics\nAccuracy ≥ 0.9.\n", []),
    ("## Goals\nA false negative is worse than a false positive.\n## Metrics\nTop-3 accuracy ≥ 0.9.\n", [(3, ACC)]),
    # Naming false alarms is still a hint of unequal error kinds ...
    ("## Goals\nFalse alarms wake the on-call team.\n## Metrics\nAccuracy ≥ 0.9.\n", [(3, ACC)]),
    ("## Цели\nЛожные срабатывания будят дежурных.\n## Метрики\nAccuracy ≥ 0,9.\n", [(3, ACC)]),
    # ... but a misclassified item sent back for review is not.
    ("## Goals\nMisclassified tickets go back to an agent.\n## Metrics\nAccuracy ≥ 0.9.\n", []),
    ("## Цели\nНеверный ответ уходит оператору на проверку.\n## Метрики\nAccuracy ≥ 0,9.\n", []),
    # an LLM answer's factual accuracy is no classification accuracy
    ("## Metrics\nFactual accuracy: no hallucinations; judge score ≥ 4.\n## Data\nFraud cases.\n", []),
])
def test_accuracy_only_metric(md, expected):
    assert check(md, ACC) == expected


@pytest.mark.parametrize("md, expected", [
    # "losses" under a loss-functions part are training losses, not the business's
    ("## Metrics and losses\n### Metrics\nMAE on the last quarter.\n"
     "### Loss functions\nWe try quantile losses, so our losses come with a range.\n", [(1, ONLINE)]),
    ("## Метрики и функции потерь\n### Метрики\nMAE на последнем квартале.\n"
     "### Функция потерь\nКвантильные потери и функция потерь Хьюбера.\n", [(1, ONLINE)]),
    # a business loss named in the metrics themselves still counts
    ("## Metrics and losses\n### Metrics\nFraud losses per month −10%; PR-AUC ≥ 0.4.\n"
     "### Loss functions\nLog loss.\n", []),
    ("## Метрики\nПотери от мошенничества −10% в месяц; PR-AUC ≥ 0,4.\n", []),
    # an app's response-time budget is a technical constraint, not a product metric
    ("## Metrics\nRecall ≥ 0.8.\n## Requirements\nThe app response time must be under 3 seconds.\n",
     [(1, ONLINE)]),
    ("## Метрики\nТочность ≥ 0,85.\n## Требования\nВремя ответа не более 5 секунд.\n", [(1, ONLINE)]),
    ("## Metrics\nRecall ≥ 0.8.\n## Requirements\nThe response time should be no more than 10 seconds.\n",
     [(1, ONLINE)]),
    # the time it takes an operator to answer a customer is a product metric
    ("## Metrics\nOperator response time −20%; recall ≥ 0.8.\n", []),
    ("## Метрики\nВремя ответа оператора клиенту −20%; полнота ≥ 0,8.\n", []),
    # the book template's "Key takeaways" list is not the author's text
    ("## Metrics and losses\nPR-AUC ≥ 0.4.\n\n- **Key Takeaways:**\n"
     "    1. A thoughtful choice of offline and online metrics links the model to business goals.\n",
     [(1, ONLINE)]),
])
def test_online_metric_ignores_training_losses_latency_and_template_summaries(md, expected):
    assert check(md, ONLINE) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Metrics and losses\nShare of positive feedback +5%.\n\n- **Key Takeaways:**\n"
     "    1. Pick both offline and online metrics; accuracy alone rarely tells the story.\n",
     [(1, OFFLINE)]),
    ("## Metrics and losses\nShare of positive feedback +5%; recall@5 ≥ 0.6.\n\n- **Key Takeaways:**\n"
     "    1. Pick both offline and online metrics.\n", []),
    # the label as a paragraph of its own heads the list below it
    ("## Metrics and losses\nShare of positive feedback +5%.\n\nKey takeaways:\n\n"
     "1. Pick offline metrics such as recall@k and PR-AUC.\n", [(1, OFFLINE)]),
    ("## Метрики\nДоля положительных отзывов +5%.\n\nКлючевые выводы главы:\n\n"
     "1. Выбирайте офлайн-метрики вроде recall@k и PR-AUC.\n", [(1, OFFLINE)]),
])
def test_offline_metric_ignores_template_summaries(md, expected):
    assert check(md, OFFLINE) == expected


@pytest.mark.parametrize("md, expected", [
    # a bare «точность» with no «полнота» anywhere is accuracy
    ("## Цели\nАллергены редки: баланс классов 4:1.\n## Метрики\nТочность рекомендаций > 85%.\n", [(3, ACC)]),
    # «точность» beside «полнота» is precision
    ("## Цели\nАллергены редки; важна полнота.\n## Метрики\nТочность рекомендаций > 85%.\n", []),
    ("## Цели\nАллергены редки.\n## Метрики\nТочность@5 > 85%.\n", []),
    # balanced, no cost hint: no warning
    ("## Цели\nСортируем фото по 10 равным классам.\n## Метрики\nТочность > 85%.\n", []),
    # the metrics section names no model metric: the task statement is read
    ("## Goals\nFind wall defects in photos; we score the model by accuracy ≥ 0.9.\n"
     "## Metrics\nForemen's feedback is positive in half of the cases.\n", [(3, ACC)]),
    ("## Цели\nИщем дефекты стен на фото; качество модели меряем по accuracy ≥ 0,9.\n"
     "## Метрики\nОтзывы прорабов положительны в половине случаев.\n", [(3, ACC)]),
    ("## Goals\nFind wall defects; we score the model by recall ≥ 0.9 and accuracy.\n"
     "## Metrics\nForemen's feedback is positive in half of the cases.\n", []),
])
def test_accuracy_only_reads_bare_tochnost_and_the_task_statement(md, expected):
    assert check(md, ACC) == expected


def test_a_model_metric_of_other_systems_is_no_offline_metric():
    md = "## Metrics\nConversion +2%.\n## Prior art\nCompany X reports ROC-AUC 0.91.\n"
    assert check(md, OFFLINE) == [(1, OFFLINE)]


@pytest.mark.parametrize("md, expected", [
    # failures of the thing predicted hint at rare positives ...
    ("## Goals\nPredict equipment failures a week ahead.\n## Metrics\nAccuracy ≥ 0.9.\n", [(3, ACC)]),
    ("## Цели\nПрогнозирование отказов насосов.\n## Метрики\nAccuracy ≥ 0,9.\n", [(3, ACC)]),
    # ... a service's error handling or fault tolerance does not
    ("## Goals\nAnswer questions.\n## Error handling\nPDF parsing failures are retried.\n## Metrics\nAccuracy ≥ 0.7.\n", []),
    ("## Цели\nОтвечать на вопросы.\n## Архитектура и отказоустойчивость\nДва узла.\n## Метрики\nAccuracy ≥ 0,7.\n", []),
])
def test_accuracy_only_reads_failures_of_the_predicted_thing(md, expected):
    assert check(md, ACC) == expected


@pytest.mark.parametrize("md, expected", [
    # a model's own rates, the task's name and model/data counts are no online metric
    ("## Metrics\nSpecificity (True Negative Rate); recall ≥ 0.8.\n", [(1, ONLINE)]),
    ("## Metrics\nEfficiency and mistag rate at the chosen thresholds.\n", [(1, ONLINE)]),
    ("## Metrics\nJailbreak Success Rate and false-positive rate of the filter.\n", [(1, ONLINE)]),
    ("## Metrics\nRecall matters: a missed churner is worse than a wasted retention touchpoint.\n",
     [(1, ONLINE)]),
    ("## Metrics\nROC-AUC of the churn prediction model ≥ 0.8.\n", [(1, ONLINE)]),
    ("## Metrics\nC-index for time-to-event ordering; number of parameters.\n", [(1, ONLINE)]),
    ("## Метрики\nMAE; R2 — доля объяснённой дисперсии; число параметров модели.\n", [(1, ONLINE)]),
    ("## Метрики\nF1. Время обработки одного изображения до 2 с; среднее время ответа: 2.1с.\n",
     [(1, ONLINE)]),
    ("## Метрики\nROC-AUC модели прогноза оттока ≥ 0,8.\n", [(1, ONLINE)]),
    ("## Метрики\nF1 ≥ 0,8.\n## Требования\nБесплатный тариф имеет ограничения по количеству запросов.\n",
     [(1, ONLINE)]),
    # "online" naming a stage or a mode, unnamed online metrics, a ranking MRR, saved artefacts
    ("## Metrics\nPrecision ≥ 0.9.\n### Online evaluation\nOnline evaluation ensures the model works on live data.\n",
     [(1, ONLINE)]),
    ("## Metrics\nPrecision ≥ 0.9.\n## Pilot\nCollect feedback, evaluate online metrics, decide.\n", [(1, ONLINE)]),
    ("## Метрики\nROC-AUC ≥ 0,9; модель пригодна для онлайн-применения.\n", [(1, ONLINE)]),
    ("## Metrics\nMean Reciprocal Rank (MRR) of the first relevant paper.\n", [(1, ONLINE)]),
    ("## Metrics\nMRR@10 ≥ 0.4.\n", [(1, ONLINE)]),
    ("## Metrics\nF1.\n## Requirements\nModel training, comparison, and saved prediction pipelines.\n",
     [(1, ONLINE)]),
    ("## Metrics\nOnline: conversion +1 pp. MRR (monthly recurring revenue) +3%.\n", []),
    ("## Metrics\nF1.\n## Requirements\nHours saved per analyst per week ≥ 5.\n", []),
    # the same words as outcomes still count
    ("## Metrics\nChurn rate −1 pp; 30-day retention +2%; recall ≥ 0.8.\n", []),
    ("## Метрики\nОтток клиентов −2 п.п.; количество успешных продаж +5%.\n", []),
    ("## Metrics\nNumber of orders per user +3%.\n", []),
])
def test_online_metric_ignores_model_rates_task_names_and_model_counts(md, expected):
    assert check(md, ONLINE) == expected


@pytest.mark.parametrize("md, expected", [
    # a label's encoding, a reported p-value, a decision threshold, ages and approximate
    # spans of time set no target for a metric
    ("## Metrics\nRecall and precision.\n## Goals\nTarget label ($y = 1$): the patient was readmitted.\n",
     [(1, TARGET)]),
    ("## Metrics\nPR-AUC.\n## Goals\nClaims labelled FraudFound_P = 1 are fraud.\n", [(1, TARGET)]),
    ("## Metrics\nPR-AUC; the intent signal is at the base rate, p = 0.38.\n", [(1, TARGET)]),
    ("## Metrics\nRecall at a provisional threshold of 0.20.\n", [(1, TARGET)]),
    ("## Метрики\nПолнота при пороге классификации 0,5.\n", [(1, TARGET)]),
    ("## Metrics\nAccuracy per age group.\n## Goals\nPeople in care, ages up to 98.\n", [(1, TARGET)]),
    ("## Metrics\nRecovery rate.\n## Goals\nRetry in ~2–6 hours.\n", [(1, TARGET)]),
    # real targets stay
    ("## Metrics\nRecall = 1 on the critical class; precision target of 0.9.\n", []),
    ("## Метрики\nПолнота не ниже 0,8.\n", []),
])
def test_metric_target_ignores_label_codes_p_values_and_thresholds(md, expected):
    assert check(md, TARGET) == expected


@pytest.mark.parametrize("md, expected", [
    # the cost of an error, of training or of hardware is no unit economics (review)
    ("## Metrics\nCost per missed fraud case; recall ≥ 0.8.\n", [(1, ONLINE)]),
    ("## Metrics\nTraining cost per epoch and cost per GPU hour; F1 ≥ 0.8.\n", [(1, ONLINE)]),
    ("## Метрики\nСтоимость частичной разметки; F1 ≥ 0,8.\n", [(1, ONLINE)]),
    ("## Метрики\nСтоимость часа GPU; F1 ≥ 0,8.\n", [(1, ONLINE)]),
    ("## Метрики\nСтоимость заказной разработки; F1 ≥ 0,8.\n", [(1, ONLINE)]),
    ("## Метрики\nСтоимость одного заказа −10%; F1 ≥ 0,8.\n", []),
])
def test_unit_economics_is_not_any_cost(md, expected):
    assert check(md, ONLINE) == expected


@pytest.mark.parametrize("md, expected", [
    # another model metric among the pilot's success criteria pairs accuracy
    ("## Metrics\n| Metric | Target |\n|---|---|\n| AI accuracy | >90% |\n"
     "## Pilot success criteria\n- <10% false positive rate\n## Goals\nFraud is rare.\n", []),
    ("## Metrics\nAccuracy ≥ 0.95.\n## Goals\nFraud is 0.3% of payments.\n", [(1, ACC)]),
])
def test_accuracy_paired_in_the_success_criteria(md, expected):
    assert check(md, ACC) == expected


@pytest.mark.parametrize("md", [
    # a training loss or another system's metric does not pair accuracy (review)
    "## Metrics\nAccuracy ≥ 0.95.\n## Goals\nFraud is 0.3% of payments.\n## Modeling\nLightGBM trained with log loss.\n",
    "## Метрики\nAccuracy ≥ 0,95.\n## Цели\nМошенничество — 0,3% платежей.\n## Модель\nCatBoost с функцией потерь Logloss.\n",
    "## Metrics\nAccuracy ≥ 0.95.\n## Goals\nFraud is 0.3% of payments.\n## Baselines\nThe vendor reported ROC-AUC 0.71.\n",
])
def test_accuracy_is_not_paired_by_a_loss(md):
    assert [r for _, r in check(md, ACC)] == [ACC]


@pytest.mark.parametrize("md, expected", [
    # trust and safety outcomes are what the platform's users feel
    ("## Metrics\n| Metric | Before | After |\n|---|---|---|\n| Harmful content exposure | 2% | 0.08% |\n"
     "| False positive rate | 15% | 4.2% |\n", []),
    ("## Metrics\nModerator efficiency: 50 → 200 items a day; FPR 4.2%.\n", []),
    ("## Метрики\nДоля вредного контента в показах < 0,1 %; FPR ≤ 5 %.\n", []),
    ("## Метрики\nПроизводительность модераторов: 200 заявок в день; FPR ≤ 5 %.\n", []),
    # a model's detection of harmful content is no outcome
    ("## Metrics\nRecall on harmful content ≥ 99%; FPR ≤ 5%.\n", [(1, ONLINE)]),
    ("## Метрики\nПолнота на вредном контенте ≥ 99 %; FPR ≤ 5 %.\n", [(1, ONLINE)]),
])
def test_trust_and_safety_online_metrics(md, expected):
    assert check(md, ONLINE) == expected



@pytest.mark.parametrize("md", [
    # review: the class's share in the data or the class's name is no online metric
    "## Metrics\nToxic content prevalence is about 3% of comments, so accuracy is misleading.\n",
    "## Metrics\nWe report PR-AUC on fraudulent impressions and recall at 1% FPR.\n",
    "## Метрики\nЭффективность агента в симуляторе оцениваем по средней награде.\n",
])
def test_class_shares_are_no_online_metrics(md):
    assert check(md, ONLINE) == [(1, ONLINE)]


@pytest.mark.parametrize("md, rule, expected", [
    # a minimum or target stated on a score or a share is a target; a maximum length is not
    ("## Metrics\nAccuracy: achieve a minimum accuracy of 90% on the validation set.\n", "metric-without-target", []),
    ("## Метрики\nДоля верных ответов: добиться минимальной доли верных ответов в 90%.\n", "metric-without-target", []),
    ("## Metrics\nAccuracy; the maximum length of 512 tokens.\n", "metric-without-target",
     [(1, "metric-without-target")]),
    ("## Метрики\nДоля верных ответов; максимальная длина текста 512 токенов.\n", "metric-without-target",
     [(1, "metric-without-target")]),
    # precision and recall computed in the validation plan pair the accuracy target
    ("## Metrics\nAccuracy ≥ 90% for early detection of heart disease.\n## Validation\nMetrics: accuracy, precision, "
     "recall and F1-score on the validation split.\n", "accuracy-only-metric", []),
    ("## Метрики\nAccuracy ≥ 90% для раннего выявления болезней сердца.\n## Валидация\nСчитаем accuracy, precision, "
     "recall и F1 на валидационной выборке.\n", "accuracy-only-metric", []),
    ("## Metrics\nAccuracy ≥ 90% for early detection of heart disease.\n## Validation\nTrained with log loss on a "
     "20% validation split.\n", "accuracy-only-metric", [(1, "accuracy-only-metric")]),
])
def test_minimum_targets_and_validation_metrics(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # a "User Metrics" label and a table row filed under the business layer are online metrics
    ("## Metrics\n- Retrieval: Precision@k.\n- User Metrics: Feedback ratio (thumbs up vs down).\n", []),
    ("## Метрики\n- Recall ≥ 0.9.\n- Пользовательские метрики: доля лайков.\n", []),
    ("## Metrics\n| Layer | Metric | Target |\n|---|---|---|\n| Business | Avg quotation prep time | -50% |\n"
     "| Model | Recall | ≥ 90% |\n", []),
    ("## Метрики\n| Уровень | Метрика | Цель |\n|---|---|---|\n| Бизнес | Время подготовки КП | -50% |\n"
     "| Модель | Recall | ≥ 90% |\n", []),
    # an empty business row, or a user in running text, names no metric
    ("## Metrics\n| Layer | Metric | Target |\n|---|---|---|\n| Business |  |  |\n| Model | Recall | ≥ 90% |\n",
     [(1, "no-online-metric")]),
    ("## Metrics\n- Recall ≥ 0.9; the user sees the top 5.\n", [(1, "no-online-metric")]),
])
def test_user_metrics_and_business_rows(md, expected):
    assert check(md, "no-online-metric") == expected


@pytest.mark.parametrize("md, expected", [
    # a model metric's bar on held-out data is a target wherever it is written
    ("## Metrics\nMAE, RMSE, MAPE.\n## Research questions\nWe hypothesize the models will achieve MAPE below 10% "
     "on test data.\n", []),
    ("## Метрики\nMAE, MAPE.\n## Исследовательские вопросы\nОжидаем, что модели дадут MAPE ниже 10% на тестовой "
     "выборке.\n", []),
    # a measured result, or a number about the split, is not
    ("## Metrics\nMAE, RMSE, MAPE.\n## Research questions\nMAPE was 12% on the test data.\n",
     [(1, "metric-without-target")]),
    ("## Metrics\nMAE.\n## Data\nThe test set holds 20% of 10000 rows.\n", [(1, "metric-without-target")]),
])
def test_held_out_bars_anywhere_are_targets(md, expected):
    assert check(md, "metric-without-target") == expected


@pytest.mark.parametrize("md, expected", [
    # a listing's attributes, MRR beside ranking metrics, a test set's share, an accuracy's
    # numerator: model and data words, not business metrics
    ("## Metrics\nMAE, RMSE.\n## Requirements\n| bedrooms | Number of bedrooms | 0-20 |\n",
     [(1, "no-online-metric")]),
    ("## Metrics\n| Policy | Validation NDCG@10 | Validation MRR |\n|---|---|---|\n| A | 0.35 | 0.31 |\n",
     [(1, "no-online-metric")]),
    ("## Метрики\nJSR — доля вредоносных промптов, на которых фильтр ошибся.\n", [(1, "no-online-metric")]),
    ("## Метрики\nТочность — доля случаев, когда модель ответила верно.\n", [(1, "no-online-metric")]),
    ("## Метрики\nТочность = (Количество совпадений) / (все ответы).\n", [(1, "no-online-metric")]),
    ("## Metrics\nAccuracy = number of exact matches / all answers.\n", [(1, "no-online-metric")]),
    # the business's own counts and MRR as revenue still count
    ("## Metrics\nNumber of bookings per week; MRR growth.\n", []),
    ("## Метрики\nДоля пользователей, вернувшихся через неделю.\n", []),
])
def test_model_and_data_counts_are_not_online_metrics(md, expected):
    assert check(md, "no-online-metric") == expected


@pytest.mark.parametrize("md", [
    # the business's own shares and counts beside the model-count excludes
    "## Метрики\nДоля обработанных документов без участия оператора ≥ 70%.\n",
    "## Metrics\nNumber of images uploaded per active user per week.\n",
    "## Metrics\nBusiness: MRR growth +5%; model: NDCG@10 ≥ 0.35 on the holdout.\n",
])
def test_review_look_alikes_still_online_metrics(md):
    assert check(md, "no-online-metric") == []


@pytest.mark.parametrize("md, expected", [
    # a pipeline losing records, the model's own behaviour counted as a rate, a metric
    # defined by what the model does, "online monitoring" (a stage): none is a business metric
    ("## Metrics\n- Precision, recall\n- Message loss from WebSocket to Kafka < 0.1%\n", [(1, "no-online-metric")]),
    ("## Metrics\n- Macro F1\n- Coverage and abstention rate\n", [(1, "no-online-metric")]),
    ("## Metrics\n- NDCG@10\n- Production agreement rate vs gold ≥ 0.9\n", [(1, "no-online-metric")]),
    ("## Metrics\n- Recall: the share of actual frauds that the model flags\n", [(1, "no-online-metric")]),
    ("## Metrics\nPR-AUC ≥ 0.3, tracked during online monitoring.\n", [(1, "no-online-metric")]),
    ("## Метрики\n- Recall — доля реальных дефолтов, которые модель находит\n", [(1, "no-online-metric")]),
    ("## Метрики\n- Hallucinations = количество ответов, где модель галлюцинирует\n", [(1, "no-online-metric")]),
    ("## Метрики\n- HIT@5 — доля случаев, когда релевантный фильм попал в топ-5\n", [(1, "no-online-metric")]),
    ("## Метрики\n- Частичное совпадение = количество частичных совпадений / все ответы\n",
     [(1, "no-online-metric")]),
    # the business's own losses, rates and shares, and the operators' alert load, still count
    ("## Metrics\n- Precision\n- Revenue loss from fraud per month\n", []),
    ("## Metrics\n- Precision\n- Approval rate of loan applications\n", []),
    ("## Metrics\n- Precision\n- Alert volume per operator shift within ±30% of today\n", []),
    ("## Метрики\n- Precision\n- Доля клиентов, которые вернулись через месяц\n", []),
    ("## Метрики\n- Precision\n- Объём алертов на смену оператора\n", []),
])
def test_model_behaviour_and_pipeline_counts_are_not_online_metrics(md, expected):
    assert check(md, "no-online-metric") == expected


@pytest.mark.parametrize("md, expected", [
    # money a fraud model keeps or costs is a business metric
    ("## Metrics\n- Precision@k\n- Estimated £ fraud prevented vs £ cost of false declines\n", []),
    ("## Metrics\n- Precision@k\n- Chargebacks prevented per month\n", []),
    ("## Метрики\n- Precision@k\n- Предотвращённый ущерб в рублях за месяц\n", []),
    ("## Метрики\n- Precision@k\n- Стоимость ложных блокировок\n", []),
    # the share of fraud the model catches is its recall
    ("## Metrics\n- Precision@k\n- Share of fraud caught by the model\n", [(1, "no-online-metric")]),
    ("## Метрики\n- Precision@k\n- Доля выявленного мошенничества\n", [(1, "no-online-metric")]),
    # review: the manual-review load is an operational metric, not the model's recall
    ("## Metrics\n- Precision@k\n- Share of orders flagged for manual review per day\n", []),
])
def test_fraud_money_is_an_online_metric(md, expected):
    assert check(md, "no-online-metric") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # a generator's errors and its share of correct answers are model metrics
    ("## Метрики\n- Relevance = количество корректных ответов / общее количество ответов.\n",
     "no-offline-metric", []),
    ("## Метрики\n- Доля галлюцинаций ниже 5%.\n", "no-offline-metric", []),
    ("## Метрики\n- Доля корректных ответов ≥ 80%.\n", "no-offline-metric", []),
    ("## Метрики\n- Relevance = количество корректных ответов / общее количество ответов.\n",
     "no-online-metric", [(1, "no-online-metric")]),
    ("## Метрики\n- Доля галлюцинаций ниже 5%.\n", "no-online-metric", [(1, "no-online-metric")]),
    # a count of correct answers per day is no ratio; the support load is a business count
    ("## Метрики\n- Количество корректных ответов за день.\n", "no-offline-metric", [(1, "no-offline-metric")]),
    ("## Метрики\n- Количество обращений в поддержку.\n", "no-online-metric", []),
])
def test_generation_errors_and_correct_shares_are_model_metrics(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # a pasted classification report names precision, recall and F1 in its header row
    ("## Metrics\nWe report quality per class.\n\n              precision    recall  f1-score   support\n\n"
     "           0       0.91      0.88      0.90      1644\n", []),
    ("## Метрики\nКачество по классам.\n```\nprecision recall f1-score support\n0 0.9 0.8 0.85 10\n```\n", []),
    # other code naming a metric stays code
    ("## Metrics\nWe report quality per class.\n```\nprint(precision)\n```\n", [(1, "no-offline-metric")]),
])
def test_a_pasted_classification_report_names_offline_metrics(md, expected):
    assert check(md, "no-offline-metric") == expected


@pytest.mark.parametrize("md, expected", [
    # the test's own statistics, a formula's constant and a fold count set no metric a target
    ("## Metrics\nF1 on the default class.\n## A/B test\nv2 wins if F1(v2) > F1(v1) with p-value < 0.05.\n",
     [(1, "metric-without-target")]),
    ("## Metrics\nF1 = 2 × (precision × recall) / (precision + recall).\n", [(1, "metric-without-target")]),
    ("## Metrics\nMAE with 5-fold CV (k = 5).\n", [(1, "metric-without-target")]),
    ("## Метрики\nF1 для класса дефолта.\n## A/B-тест\nУровень значимости: alfa = 0.05, мощность = 0.8.\n",
     [(1, "metric-without-target")]),
    ("## Метрики\nКоэффициент Левенштейна = 1 - (d(a, b) / max(|a|, |b|)).\n", [(1, "metric-without-target")]),
    # a metric's own bar beside them still counts
    ("## Metrics\nPrecision ≥ 0.8, tested at α = 0.05.\n", []),
    ("## Метрики\nF1 ≥ 0,7; уровень значимости 0,05.\n", []),
])
def test_test_statistics_and_formulas_are_no_targets(md, expected):
    assert check(md, "metric-without-target") == expected


@pytest.mark.parametrize("md, expected", [
    # the share of wrong answers (1 − accuracy) is a model metric
    ("## Metrics\nConversion.\nIncorrect-prediction rate per version.\n", []),
    ("## Metrics\nConversion.\nMisclassification rate on the test set.\n", []),
    ("## Метрики\nКонверсия.\nДоля неверных предсказаний.\n", []),
    ("## Метрики\nКонверсия.\nПроцент ошибок классификации.\n", []),
    # a service's error rate is no model metric
    ("## Metrics\nConversion.\nAPI error rate below 1%.\n", [(1, "no-offline-metric")]),
    ("## Метрики\nКонверсия.\nДоля ошибок API ниже 1%.\n", [(1, "no-offline-metric")]),
])
def test_error_shares_are_offline_metrics(md, expected):
    assert check(md, "no-offline-metric") == expected


@pytest.mark.parametrize("md, expected", [
    # the money saved and a clinical model's patient outcomes are what the product moves
    ("## Metrics\n- AUC > 0.9\n- Healthcare cost reduction\n", []),
    ("## Metrics\n- AUC > 0.9\n- Patient outcome improvement\n", []),
    ("## Метрики\n- AUC > 0,9\n- Снижение затрат на обработку заявок\n", []),
    ("## Метрики\n- AUC > 0,9\n- Улучшение исходов лечения пациентов\n", []),
    # predicting an outcome is the model's task, not a business metric
    ("## Metrics\n- AUC > 0.9 for predicting patient outcomes\n", [(1, "no-online-metric")]),
])
def test_cost_reduction_and_patient_outcomes_are_online_metrics(md, expected):
    assert check(md, "no-online-metric") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # review: look-alikes of this change's metric readings, each read as before it: the ML system's own
    # compute bill, a predicted outcome, infrastructure alerts, business rates and shares that name the
    # model, human errors, energy power, portfolio alpha and a per-unit rate
    ("## Metrics\n- PR-AUC ≥ 0.35\n- Mixed precision gives a 30% training cost reduction per run.\n", "no-online-metric", [(1, 'no-online-metric')]),
    ("## Метрики\n- PR-AUC ≥ 0,35\n- Квантизация даёт сокращение расходов на инференс в 3 раза.\n", "no-online-metric", [(1, 'no-online-metric')]),
    ("## Metrics\n- AUROC ≥ 0.80 for predicting clinical outcome improvement at 90 days.\n", "no-online-metric", [(1, 'no-online-metric')]),
    ("## Метрики\n- ROC-AUC ≥ 0,80 для прогноза улучшения исхода лечения пациента.\n", "no-online-metric", [(1, 'no-online-metric')]),
    ("## Metrics\n- AUROC ≥ 0.80.\n- The ultimate aim is improved patient outcomes; this project does not measure them.\n", "no-online-metric", [(1, 'no-online-metric')]),
    ("## Metrics\n- PR-AUC ≥ 0.35\n- Prometheus alert volume for drift is reviewed weekly.\n", "no-online-metric", [(1, 'no-online-metric')]),
    ("## Метрики\n- PR-AUC ≥ 0,35\n- Потоковые оповещения о дрейфе уходят в Slack.\n", "no-online-metric", [(1, 'no-online-metric')]),
    ("## Metrics\n- PR-AUC\n- Refund request rate on recommended items: −10%.\n", "no-online-metric", []),
    ("## Metrics\n- PR-AUC\n- Payment-plan agreement rate among contacted debtors: +5 pp.\n", "no-online-metric", []),
    ("## Metrics\n- PR-AUC\n- Data loss from leaked customer documents: −30% per quarter.\n", "no-online-metric", []),
    ("## Metrics\n- PR-AUC\n- Share of support tickets that the model resolves without a human: ≥ 40%.\n", "no-online-metric", []),
    ("## Metrics\n- PR-AUC\n- Share of searches where the ranker's top result gets a click: +2 pp.\n", "no-online-metric", []),
    ("## Metrics\n- PR-AUC\n- Online monitoring: average basket size +3% vs control.\n", "no-online-metric", []),
    ("## Метрики\n- PR-AUC\n- Доля покупателей, которые купили рекомендованный моделью товар: +1,5 п.п.\n", "no-online-metric", []),
    ("## Метрики\n- PR-AUC\n- Доля клиентов, которых модель удержала предложением скидки: +2 п.п.\n", "no-online-metric", []),
    ("## Метрики\n- PR-AUC\n- Число взаимных совпадений на пользователя в неделю: +10%.\n", "no-online-metric", []),
    ("## Метрики\n- PR-AUC\n- Доля случаев, когда релевантный оффер принят клиентом: +3 п.п.\n", "no-online-metric", []),
    ("## Metrics\nOnline: conversion to paid +1.5 pp.\n## Deployment\nThe dashboard shows the top 10 error codes returned by the API.\n", "no-offline-metric", [(1, 'no-offline-metric')]),
    ("## Metrics\nOnline: conversion to paid +1.5 pp.\n## Deployment\nThe service sustains a classification rate of 300 documents per second.\n", "no-offline-metric", [(1, 'no-offline-metric')]),
    ("## Metrics\nOnline: wrong prediction share of the human forecasters −20%.\n", "no-offline-metric", [(1, 'no-offline-metric')]),
    ("## Метрики\nОнлайн: доля неверных ответов операторов клиентам −20%.\n", "no-offline-metric", [(1, 'no-offline-metric')]),
    ("## Metrics\n- Offline: nMAE of the day-ahead forecast power ≤ 6% of installed capacity.\n", "metric-without-target", []),
    ("## Метрики\n- Офлайн: MAPE прогноза мощности ≤ 5% от установленной.\n", "metric-without-target", []),
    ("## Metrics\n- Online: portfolio alpha ≥ 1.5% per year vs the benchmark.\n", "metric-without-target", []),
    ("## Metrics\n- Online: tickets handled per agent = 60/day (today 45).\n", "metric-without-target", []),
])
def test_review_look_alikes_of_metric_readings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # third review: look-alikes of this session's readings (each read right before it too)
    ('## Goal\nPredict which subscribers will cancel in the next 30 days so the CRM team can call them.\n## Metrics\nOffline: PR-AUC and recall@20. Online: retention of called subscribers.\n## Data\n| Task | Target | Positives |\n|---|---|---|\n| Churn | no paid order in 30 days after the renewal date | 4.1% |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки в ближайшие 30 дней, чтобы CRM-команда успела им позвонить.\n## Метрики\nОфлайн: PR-AUC и recall@20. Онлайн: удержание абонентов после звонка.\n## Данные\n| Задача | Целевая переменная | Доля положительных |\n|---|---|---|\n| Отток | нет оплаты в течение 30 дней после даты продления | 4,1% |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Goal\nPredict which subscribers will cancel in the next 30 days so the CRM team can call them.\n## Metrics\nOffline: PR-AUC and recall@20. Online: retention of called subscribers.\n## Serving\n| Metric | Decision threshold |\n|---|---|\n| F1 | score cut-off 0.35, tuned on validation |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки в ближайшие 30 дней, чтобы CRM-команда успела им позвонить.\n## Метрики\nОфлайн: PR-AUC и recall@20. Онлайн: удержание абонентов после звонка.\n## Инференс\n| Метрика | Порог решения |\n|---|---|\n| F1 | отсечка скора 0,35, подобрана на валидации |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Goal\nPredict which subscribers will cancel in the next 30 days so the CRM team can call them.\n## Metrics\nOffline: PR-AUC and recall@20. Online: retention of called subscribers.\n## Prior art\n| Metric | Goal of the 2022 Kaggle churn challenge | Winner |\n|---|---|---|\n| ROC-AUC | 0.80 | 0.83 |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки в ближайшие 30 дней, чтобы CRM-команда успела им позвонить.\n## Метрики\nОфлайн: PR-AUC и recall@20. Онлайн: удержание абонентов после звонка.\n## Существующие решения\n| Метрика | Порог в соревновании 2022 года | Победитель |\n|---|---|---|\n| ROC-AUC | 0,80 | 0,83 |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Goal\nPredict which subscribers will cancel in the next 30 days so the CRM team can call them.\n## Metrics\nOffline: PR-AUC and recall@20. Online: retention of called subscribers.\n## Timeline\n| Metric | Target |\n|---|---|\n| PR-AUC | TBD after the Q3 pilot |\n| Retention | to be agreed with finance by 2025-06-01 |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки в ближайшие 30 дней, чтобы CRM-команда успела им позвонить.\n## Метрики\nОфлайн: PR-AUC и recall@20. Онлайн: удержание абонентов после звонка.\n## План работ\n| Метрика | Цель |\n|---|---|\n| PR-AUC | определим после пилота в 3 квартале |\n| Удержание | согласовать с финансами до 01.06.2025 |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
])
def test_third_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # fourth review: look-alikes of this session's readings (each read right before it too)
    ('## Goal\nPredict which subscribers will cancel in the next 30 days so the CRM team can call them.\n## Metrics\nOffline: PR-AUC and recall@20. Online: retention of called subscribers.\n## Training pipeline\n| Check | Threshold |\n|---|---|\n| Adversarial validation ROC-AUC (train vs test) | 0.6 |\n| Share of missing values per feature | 5% |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки в ближайшие 30 дней.\n## Метрики\nОфлайн: PR-AUC и recall@20. Онлайн: удержание абонентов после звонка.\n## Пайплайн обучения\n| Проверка | Порог |\n|---|---|\n| ROC-AUC adversarial validation (train vs test) | 0,6 |\n| Доля пропусков в признаке | 5% |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Goal\nRank loan applications by default risk.\n## Metrics\nOffline: Gini on the out-of-time sample. Online: approval rate at a fixed default rate.\n## Validation design\n| Check | Threshold |\n|---|---|\n| Adversarial ROC-AUC, train vs out-of-time | 0.6 |\n| Gini of any single feature (leakage check) | 0.5 |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Цель\nРанжировать заявки по риску дефолта.\n## Метрики\nОфлайн: Gini на out-of-time выборке. Онлайн: уровень одобрения при фиксированном уровне дефолтов.\n## Дизайн валидации\n| Проверка | Порог |\n|---|---|\n| Adversarial ROC-AUC, train против out-of-time | 0,6 |\n| Gini отдельного признака (проверка на утечку) | 0,5 |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Goal\nRank loan applications by default risk.\n## Metrics\nOffline: Gini on the out-of-time sample. Online: approval rate at a fixed default rate.\n## Appendix: how to read the metrics\n| Metric | Threshold | Interpretation |\n|---|---|---|\n| Gini | 0.4 | acceptable |\n| Gini | 0.6 | good |\n| PSI | 0.25 | significant population shift |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
    ('## Цель\nРанжировать заявки по риску дефолта.\n## Метрики\nОфлайн: Gini на out-of-time выборке. Онлайн: уровень одобрения при фиксированном уровне дефолтов.\n## Приложение: шкала интерпретации\n| Метрика | Порог | Интерпретация |\n|---|---|---|\n| Gini | 0,4 | приемлемо |\n| Gini | 0,6 | хорошо |\n| PSI | 0,25 | существенный сдвиг популяции |\n',
     'metric-without-target', [(3, 'metric-without-target')]),
])
def test_fourth_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected
