"""A/B design rules (DD230–DD239), deferral included."""

from __future__ import annotations

from textwrap import dedent

import pytest

from _content import check, severities

FULL_EN = """\
## A/B test
Hypothesis: the ranker raises CTR by 2%. Primary metric: CTR; guardrails: latency p99.
Split by user id 50/50 for two weeks. α = 0.05, power 0.8, MDE 2%.
An A/A test runs first. Ship if CTR wins at α; stop if revenue drops 3%.
"""
FULL_RU = """\
## A/B-тест
Гипотеза: скоринг снижает потери на 30%. Основная метрика — потери; контрольные метрики — жалобы.
Рандомизация по клиентам 50/50, длительность — 6 недель. Уровень значимости 0,05, мощность 80%.
Перед тестом — A/A-тест. Раскатываем, если потери ниже при статистической значимости.
"""
AB_RULES = [
    "ab-no-hypothesis", "ab-no-primary-metric", "ab-no-guardrail-metric", "ab-no-split-unit",
    "ab-no-significance-level", "ab-no-power-or-mde", "ab-no-duration", "ab-no-aa-test",
    "ab-no-stop-criteria",
]


@pytest.mark.parametrize("rule", AB_RULES)
@pytest.mark.parametrize("md", [FULL_EN, FULL_RU])
def test_full_design_passes(md, rule):
    assert check(md, rule) == []


@pytest.mark.parametrize("rule", AB_RULES)
def test_bare_design_fails_every_rule(rule):
    assert check("## A/B test\nWe will run a test.\n", rule) == [(1, rule)]


@pytest.mark.parametrize("rule", AB_RULES + ["ab-deferred"])
def test_missing_or_empty_section_is_silent(rule):
    assert check("## Metrics\nCTR +2%.\n", rule) == []
    assert check("## A/B test\n<!-- fill me -->\n## Monitoring\nX.\n", rule) == []
    assert check("## A/B test\nTBD\n", rule) == []


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nα = 0.05, power 0.8.\n", []),
    ("## A/B test\nalpha 0.05\n", []),
    ("## A/B test\nA significance level of 5% and 80% power.\n", []),
    ("## A/B test\nWe reject H0 when p-value < 0.05.\n", []),
    ("## A/B-тест\nУровень значимости 0,05.\n", []),
    ("## A/B-тест\nАльфа 5%.\n", []),
    ("## A/B test\n- **Significance level (α):** 0.05\n", []),
    ("## A/B test\nWe will run an A/B test for two weeks and check significance.\n",
     [(1, "ab-no-significance-level")]),
    ("## A/B-тест\nДве недели, сплит по user_id.\n", [(1, "ab-no-significance-level")]),
    # stated elsewhere in the doc (e.g. under Metrics)
    ("## Metrics\nTests use α = 0.05.\n## A/B test\nTwo weeks.\n", []),
])
def test_significance(md, expected):
    assert check(md, "ab-no-significance-level") == expected


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\npower 0.8\n", []),
    ("## A/B test\nMDE 2%\n", []),
    ("## A/B test\nThe minimum detectable effect is one point.\n", []),
    ("## A/B-тест\nМощность 80%.\n", []),
    ("## A/B-тест\nМинимальный детектируемый эффект — 1 п.п.\n", []),
    ("## A/B-тест\nСтатистическая мощность теста 0,8.\n", []),
    # «мощности» of servers are not statistical power
    ("## A/B-тест\nМощности серверов хватит на 14 дней теста.\n", [(1, "ab-no-power-or-mde")]),
    ("## A/B test\nComputing power is enough; the analyst sizes the sample.\n", [(1, "ab-no-power-or-mde")]),
    ("## A/B test\nα = 0.05, two weeks, split by user id.\n", [(1, "ab-no-power-or-mde")]),
    # the effect the test must be able to catch, in words
    ("## A/B test\nPower: detecting a 5% relative change in fraud bps needs a 50/50 split.\n", []),
    ("## A/B test\nThe sample lets us detect a 2 pp lift in conversion.\n", []),
    ("## A/B-тест\nВыборки хватит, чтобы обнаружить изменение конверсии на 2%.\n", []),
    ("## A/B-тест\nТест должен заметить рост в 1,5 п.п.\n", []),
    # an alert that detects a drop is no effect size
    ("## A/B test\nTwo weeks.\n## Monitoring\nAlert when we detect a 5% drop in CTR.\n", [(1, "ab-no-power-or-mde")]),
    ("## A/B-тест\nДве недели.\n## Мониторинг\nЕсли мониторинг обнаружит падение CTR на 5%, откатываем.\n",
     [(1, "ab-no-power-or-mde")]),
])
def test_power_or_mde(md, expected):
    assert check(md, "ab-no-power-or-mde") == expected


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nRuns 2 weeks.\n", []),
    ("## A/B test\nRuns 14 days.\n", []),
    ("## A/B test\nRuns for a month.\n", []),
    ("## A/B test\nTwo quarters.\n", []),
    ("## A/B-тест\nДлительность — 14 дней.\n", []),
    ("## A/B-тест\nДве недели.\n", []),
    ("## A/B-тест\nПилот в течение квартала.\n", []),
    ("## A/B-тест\nТест идет месяц.\n", []),
    ("## Пилот\nВ конце экспериментального периода (около недели) сравниваем метрики.\n", []),
    ("## Пилот\nТест длится примерно месяц.\n", []),
    ("## A/B test\nSplit by user id; α = 0.05, power 0.8.\n", [(1, "ab-no-duration")]),
    # a plan row elsewhere counts
    ("## A/B test\nSplit by user.\n## Plan\n| stage | estimate |\n|---|---|\n| A/B test | 3 weeks |\n", []),
])
def test_duration(md, expected):
    assert check(md, "ab-no-duration") == expected


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nSplit by user id.\n", []),
    ("## A/B test\nSessions are randomised per session.\n", []),
    ("## A/B test\nAccounts are randomised 50/50 within each book.\n", []),
    ("## A/B test\nSwitchback: 30-minute time slots are randomly assigned.\n", []),
    ("## A/B test\nA rollout to 20% of submitters.\n", []),
    ("## A/B-тест\nРандомизация по пользователям.\n", []),
    ("## A/B-тест\nСплит по user_id.\n", []),
    ("## A/B-тест\nПодписчики делятся случайно на две группы.\n", []),
    ("## A/B-тест\nПилот на 2 станциях из 12.\n", []),
    ("## A/B test\n50/50 split for two weeks.\n", [(1, "ab-no-split-unit")]),
    ("## A/B-тест\nДелим трафик 50/50.\n", [(1, "ab-no-split-unit")]),
    # a share of units put into an arm is a split; a share that reports an outcome is not
    ("## A/B test\n20% of users get the new ranker for two weeks.\n", []),
    ("## A/B test\nUnit: user; 5% of users are enrolled, the rest see the production feed.\n", []),
    ("## A/B test\nA/B testing: one group receives the recommendations, the other group does not.\n", []),
    ("## A/B-тест\n20% пользователей получают новую модель.\n", []),
    ("## A/B-тест\nРаскатываем на 20% клиентов.\n", []),
    ("## Pilot\nSuccess: over 75% of pilot users report satisfaction.\n", [(1, "ab-no-split-unit")]),
    ("## Pilot\nA limited release to a small group of users.\n", [(1, "ab-no-split-unit")]),
    ("## Пилот\nНе менее 75% пользователей довольны сервисом.\n", [(1, "ab-no-split-unit")]),
])
def test_split_unit(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    # two arms of users described in words
    ("## A/B test\nOne group of users will have access to the chatbot with the new functionality "
     "(Group A), while the other group will use the regular chatbot.\n", []),
    ("## A/B-тест\nОдна группа пользователей получает новый бот, другая группа работает со старым.\n", []),
    ("## A/B-тест\nОдна группа получает скидку.\n", [(1, "ab-no-split-unit")]),
])
def test_split_unit_two_groups(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    ("## Эксперимент\nA/B по клиентам, 50/50, 4 недели.\n", []),
    ("## Experiment\nA/B test by customer, 50/50, four weeks.\n", []),
])
def test_split_unit_ab_by_unit(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    ("## Пилот\nВыбрать группу пользователей и случайно разбить их на 2 подгруппы по 25 человек.\n", []),
    ("## Pilot\nWe recruit 50 users and randomly split them into two groups.\n", []),
    ("## Pilot\nWe split the work into two groups of tasks.\n", [(1, "ab-no-split-unit")]),
])
def test_split_unit_units_split_into_groups(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    # a share of items that "receive 80% of ratings" reports a distribution, it assigns nothing
    ("## A/B test\nThe top 20% of items receive ~80% of all ratings.\n", [(1, "ab-no-split-unit")]),
    ("## A/B test\n20% of users receive the new ranker.\n", []),
])
def test_split_unit_share_that_reports(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    # units shared between two arms, counted, or assigned one by one
    ("## Пилот\nA/B: 50% магазинов на ML, 50% — ручной заказ.\n", []),
    ("## Пилот\nВ эксперименте могут участвовать две кофейни.\n", []),
    ("## Пилот\nТест на 5 винодельнях: сравнение прогноза с реальным урожаем.\n", []),
    ("## Пилот\nТест на 5 дней: сравнение прогноза с реальным урожаем.\n", [(1, "ab-no-split-unit")]),
    ("## Пилот\n50% пользователей довольны, 30% нет.\n", [(1, "ab-no-split-unit")]),
    ("## A/B test\nRandomly assign every eligible customer to contact (90%) or control (10%).\n", []),
    ("## A/B test\nRandomize eligible customers between two model-ranked queues.\n", []),
    ("## A/B test\nRandomize eligible users into:\n\n- treatment arm: receive the action\n- holdout arm: do not\n", []),
    ("## Pilot\nTwo coffee shops take part in the experiment.\n", []),
    ("## A/B test\nWe split the work between two sprints.\n", [(1, "ab-no-split-unit")]),
])
def test_split_unit_arms_of_named_units(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    # the share of traffic in each arm
    ("## A/B test\nControl: manual banners; treatment: generated banners. Traffic split: 50/50.\n", []),
    ("## A/B test\nAn 80/20 traffic split between the old and the new ranker.\n", []),
    ("## A/B-тест\nКонтроль — ручные баннеры, тест — сгенерированные. Распределение трафика: 50/50.\n", []),
    ("## A/B-тест\nТрафик делим 80/20 между старой и новой моделью.\n", []),
    ("## A/B test\nTraffic grew 50/50 between web and app last year.\n", [(1, "ab-no-split-unit")]),
    ("## A/B-тест\nПравило 80/20: большая часть трафика — с мобильных.\n", [(1, "ab-no-split-unit")]),
    # assignment by stratum
    ("## A/B test\nNot a random split: use stratum-based routing of devices.\n", []),
    ("## A/B test\nRoute devices to the model or the baseline by their stratum.\n", []),
    ("## A/B-тест\nРаспределение устройств по стратам: модель или бейзлайн.\n", []),
    ("## A/B test\nThe gateway routes requests to GPUs.\n", [(1, "ab-no-split-unit")]),
    # the share of traffic sent to each arm
    ("## A/B test\n- 90% traffic to production model (champion)\n- 10% traffic to new model (challenger)\n", []),
    ("## A/B-тест\n- 90% трафика — на текущую модель\n- 10% трафика — на новую\n", []),
    ("## A/B test\n90% of traffic comes from mobile.\n", [(1, "ab-no-split-unit")]),
])
def test_split_unit_traffic_share_and_strata(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    # a fully offline comparison under an A/B heading: one note, not the online-test rules
    ("## A/B test design\nThis is a fully offline experiment on the train/test split. "
     "Hypothesis: the penalty raises long-tail exposure by 10 pp.\n", [(1, "ab-deferred")]),
    ("## A/B-тест\nЭто полностью офлайн-эксперимент на исторических данных; гипотеза: покрытие +10 п.п.\n",
     [(1, "ab-deferred")]),
    # a pilot whose main testing is a backtest, an A/B test only a possibility
    ("## Conducting a pilot\nThe main testing is expected to be based on historical data. There is a possibility "
     "of conducting an A/B test later.\n", [(1, "ab-deferred")]),
    ("## Пилот\nОсновное тестирование предполагается проводить на исторических данных; A/B-тест возможен позже.\n",
     [(1, "ab-deferred")]),
    # ... but a backtest before a designed split is no deferral
    ("## Pilot\nThe main testing is based on historical data, then users are split 50/50 by user id.\n", []),
    ("## Пилот\nОсновная проверка на исторических данных, затем пользователи делятся 50/50 по user_id.\n", []),
])
def test_offline_only_ab_section_is_deferred(md, expected):
    assert check(md, "ab-deferred") == expected


@pytest.mark.parametrize("md, expected", [
    # the A/B test listed among what this iteration leaves out
    ("## Scope\n**Out of scope (v2):**\n\n- Fine-tuning\n- A full A/B test with live users\n\n"
     "## Pilot\nOffline benchmark on 100 examples; accuracy ≥ 45%.\n", [(7, "ab-deferred")]),
    ("## Скоуп\n**Не входит (технический долг → v2):**\n\n- Файнтюн\n- Полноценный A/B тест с живыми пользователями\n\n"
     "## Пилот\nОфлайн-бенчмарк на 100 примерах; accuracy ≥ 45%.\n", [(7, "ab-deferred")]),
    ("## Non-goals\n- An A/B test in this iteration\n## Pilot\nA demo for the sponsor.\n", [(3, "ab-deferred")]),
    # ... but leaving out an A/B platform, or keeping the test in scope, defers nothing
    ("## Scope\n**Out of scope:**\n\n- Building an A/B testing platform\n\n"
     "## A/B test\nUsers split 50/50 by user_id.\n", []),
    ("## Скоуп\n**Не входит:**\n\n- Своя платформа A/B-тестов\n\n## A/B-тест\nДелим 50/50 по user_id.\n", []),
    ("## Scope\n**In scope:**\n\n- A/B test on 10% of users\n\n## A/B test\nUsers split 50/50 by user_id.\n", []),
    # review: an aspect of a test that still runs, or another team's test, is left out, not the test
    ("## Scope\n**Out of scope:**\n\n- Changing the A/B test duration after launch\n\n"
     "## A/B test\nWe compare search conversion.\n", []),
    ("## Scope\n**Won't have in this iteration:**\n\n- A second A/B test on the mobile app\n\n"
     "## A/B test\nWe compare search conversion.\n", []),
    ("## Non-goals\n- Per-category breakdown of the A/B test results\n## A/B test\nWe compare conversion.\n", []),
    ("## Скоуп\n**Не входит:**\n\n- анализ A/B-теста в разрезе регионов\n\n## A/B-тест\nСравниваем конверсию.\n", []),
    ("## Вне скоупа\n- повторный A/B-тест в мобильном приложении\n## A/B-тест\nСравниваем конверсию.\n", []),
    ("## Скоуп\n**Что не входит:**\n\n- A/B-тест email-рассылок (делает CRM-команда)\n\n"
     "## A/B-тест\nСравниваем конверсию.\n", []),
])
def test_ab_test_left_out_of_scope_is_deferred(md, expected):
    assert check(md, "ab-deferred") == expected


@pytest.mark.parametrize("md, expected", [
    # the A/B test placed in a later phase, with what this phase does instead
    ("## Pilot\nProduct evaluation (phase 2, after the MVP)\n\nA/B: chat with memory vs without -> D30 retention.\n\n"
     "In the MVP we only run a scripted demo and a manual checklist.\n", [(1, "ab-deferred")]),
    ("## Пилот\nПродуктовая оценка (после MVP, phase 2)\n\nA/B: чат с памятью vs без → удержание D30.\n\n"
     "На итерации MVP — только демо по сценарию и ручной чек-лист.\n", [(1, "ab-deferred")]),
    ("## Pilot\nAn A/B test on retention follows in the next phase. For this iteration, only an offline benchmark.\n",
     [(1, "ab-deferred")]),
    # a later-phase test without saying what this phase does is judged as a design
    ("## Pilot\nAn A/B test on retention follows in the next phase, split by user id for two weeks.\n", []),
    ("## Пилот\nA/B-тест на следующем этапе: сплит по user_id, 2 недели.\n", []),
    # "only" about the current phase without a later A/B test is no deferral
    ("## Pilot\nIn the pilot only ten agents use the tool; A/B test by agent, 2 weeks.\n", []),
])
def test_ab_test_in_a_later_phase_is_deferred(md, expected):
    assert check(md, "ab-deferred") == expected



@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nPrimary metric: CTR; guardrails: latency.\n", []),
    ("## A/B test\nControl metrics: reopen rate, CSAT.\n", []),
    ("## A/B test\nCTR must rise without hurting revenue per session.\n", []),
    ("## A/B-тест\nКонтрольные метрики — доля проверок и жалобы.\n", []),
    ("## A/B-тест\nОтток ниже без роста расходов на скидки.\n", []),
    ("## Metrics\nGuardrail metrics: latency.\n## A/B test\nTwo weeks.\n", []),
    ("## Goals\nRevPAR +2% without an increase in relocations.\n## A/B test\nTwo weeks.\n", []),
    # NeMo Guardrails is an LLM library, a control group is not a control metric
    ("## A/B test\nPrimary metric: CSAT. Answers pass through NeMo Guardrails.\n",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B test\nPrimary metric: CSAT; LLM guardrails filter outputs.\n", [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nКонтрольная группа получает старую рассылку.\n", [(1, "ab-no-guardrail-metric")]),
    # an allowed drop of another metric, or a bound on an operational measure, is a guardrail
    ("## A/B-тест\nv2 заменяет v1, если recall выше и precision не упал критично (просадка не более 10%).\n", []),
    ("## A/B test\nShip if recall wins and precision did not drop by more than 10%.\n", []),
    ("## Пилот\nКритерии: обнаруживает дипфейки; не увеличивает время онбординга более чем на N секунд.\n", []),
    ("## A/B-тест\nУспех: Recall v2 ≥ Recall v1 при одинаковом пороге риска.\n", []),
    ("## Пилот\nКоличество ошибок: примерно 15% ошибок допустимо при работе с системой.\n", []),
    ("## A/B test\nShip if recall improves at comparable precision.\n", []),
    ("## A/B-тест\nПроверить, превосходит ли v2 модель v1 по F1, не ухудшая Recall.\n", []),
    ("## A/B test\nCheck that v2 beats v1 on F1, not degrading recall.\n", []),
    ("## Пилот\n### Что считаем успешным пилотом\n- Время обработки изображения не превысит 3 секунд.\n", []),
    ("## Pilot\n### Success criteria\n- TTFT p95 < 2000 ms\n- SLA: 80% of answers < 3 s\n", []),
    ("## A/B-тест\nУспех: нет статистически значимого роста latency.\n", []),
    ("## A/B test\nSuccess: no statistically significant increase in latency.\n", []),
    ("## Пилот\nПроверить, что модель не приводит к ухудшению системных характеристик.\n", []),
    ("## Pilot\nCheck that the model does not lead to a degradation of system performance.\n", []),
    ("## Пилот\nОтсутствует существенная деградация на контрольных персонажах (ошибки ≤ 1 из 4).\n", []),
    ("## Pilot\nNo significant degradation in quality on the control characters.\n", []),
    ("## Пилот\nУспех: F1 ≥ 0,8; среднее время генерации сюжета не более 1 минуты.\n", []),
    ("## Pilot\nSuccess: F1 ≥ 0.8; generation time under 60 s.\n", []),
    ("## Пилот\nУспех: F1 ≥ 0,8; среднее время реакции системы < 1 секунды.\n", []),
    ("## Пилот\nУспех: F1 ≥ 0,8; обработка 10 000 обращений должна занимать не более 1 часа.\n", []),
    ("## Pilot\nSuccess: F1 ≥ 0.8; processing 10,000 tickets must take under 1 hour.\n", []),
    ("## Pilot\nSuccess: F1 ≥ 0.8; we process tickets for 2 weeks.\n", [(1, "ab-no-guardrail-metric")]),
    # "Safety barriers:" as a label over the metrics that stop the test guards it ...
    ("## A/B-тест\nПервичная — выгода на перевод.\n\nБарьеры безопасности: отписки, жалобы.\n", []),
    ("## A/B test\nPrimary: gain per transfer.\n\nSafety barriers: unsubscribes, complaints.\n", []),
    # ... physical barriers in a detector's metric, or a stop rule on the primary metric, do not
    ("## A/B test\nPrimary metric: recall of workers crossing safety barriers without a helmet.\n",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nОсновная метрика — полнота: проход за барьеры безопасности без каски.\n",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B test\nPrimary: conversion. Metrics to stop the test early: sequential p-value < 0.01.\n",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nОсновная — конверсия. Метрики для остановки теста: p-value < 0.05.\n",
     [(1, "ab-no-guardrail-metric")]),
    # review: a finding bounds nothing
    ("## A/B test\nPrimary metric: conversion. The old banner does not lead to an increase in conversion.\n",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nОсновная метрика: конверсия. Старый баннер не приводит к росту конверсии.\n",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nОсновная метрика: конверсия. Летом не наблюдается падения спроса.\n",
     [(1, "ab-no-guardrail-metric")]),
    ("## Пилот\nНовая модель приводит к ухудшению качества у старых клиентов.\n", [(1, "ab-no-guardrail-metric")]),
    ("## Пилот\n### Критерии успеха пилота\n- FPR не превышает 20%\n", []),
    ("## Pilot\n### Success criteria\n- F1 >= 0.8\n- Response time <= 3 s\n- Availability >= 99.5%\n", []),
    ("## Пилот\n### Что считаем успешным пилотом\n- F1 ≥ 80%\n- Доступность сервиса ≥ 99.5%\n", []),
    # an operational measure without a bound, or a bound outside the test, is not
    ("## Pilot\n### Success criteria\n- F1 >= 0.8\n- We log response time.\n", [(1, "ab-no-guardrail-metric")]),
    ("## Deployment\nLatency <= 100 ms.\n## Pilot\nF1 >= 0.8 on the pilot group.\n", [(3, "ab-no-guardrail-metric")]),
    # a cap guards the test in its own design; in the requirements it is the system's SLA
    ("## A/B test\nPrimary metric: CTR. Latency must not exceed 300 ms.\n", []),
    ("## A/B-тест\nОсновная метрика: CTR. Задержка не должна превышать 300 мс.\n", []),
    ("## Requirements\nFor 99% of requests the response time must not exceed 1 s.\n## Pilot\nF1 >= 0.8.\n",
     [(3, "ab-no-guardrail-metric")]),
    ("## Требования\nДля 99% запросов время отклика не должно превышать 1 секунду.\n## Пилот\nF1 ≥ 0,8.\n",
     [(3, "ab-no-guardrail-metric")]),
    ("## Requirements\nConversion must not drop.\n## Pilot\nF1 >= 0.8.\n", []),
])
def test_guardrail(md, expected):
    assert check(md, "ab-no-guardrail-metric") == expected


@pytest.mark.parametrize("md, expected", [
    # an experiment plan giving the hypothesis its own heading beside the design
    ("## 3. Hypothesis\nH0: CR_treatment = CR_control. H1: CR_treatment > CR_control.\n"
     "## 4. Experimental Design\nUsers are split 50/50 by user id.\n", []),
    ("## Гипотеза\nОжидаем рост конверсии на 5%.\n## A/B-тест\nСплит 50/50 по user_id.\n", []),
    ("## Hypothesis\n\n## 4. Experimental Design\nUsers are split 50/50 by user id.\n",
     [(3, "ab-no-hypothesis")]),
])
def test_hypothesis_under_its_own_heading(md, expected):
    assert check(md, "ab-no-hypothesis") == expected


@pytest.mark.parametrize("md, expected", [
    # the expected change over control stated among the goals or success metrics
    ("## Success metrics\n- ≥10% improvement in acceptance rate over control group\n"
     "## A/B testing\nSplit by user id.\n", []),
    ("## Цели\nВ тестовой группе конверсия выше на 5%.\n## A/B-тест\nСплит по user_id.\n", []),
    # a metrics table's target vs control is not the hypothesis
    ("## Metrics\n| Metric | Target |\n|---|---|\n| Fraud loss | -20% vs control, lower is better |\n"
     "## A/B test\nSplit by user id.\n", [(5, "ab-no-hypothesis")]),
    # an arm named by its letter, with its bar, states what the test expects
    ("## A/B test\nDevices in approved strata get the model.\n### Success criteria\n"
     "- Group A (model) recall ≥ 75% in production\n", []),
])
def test_hypothesis_over_control_elsewhere(md, expected):
    assert check(md, "ab-no-hypothesis") == expected


@pytest.mark.parametrize("md, expected", [
    # the test's question of a directional change is its hypothesis
    ("## A/B test\nThe objective is to determine if a targeted offer can significantly reduce the churn rate.\n", []),
    ("## A/B-тест\nЦель — проверить, снизит ли персональное предложение отток.\n", []),
    ("## Пилот\nСравнив группы, узнаем, ускоряет ли сервис освоение кошелька.\n", []),
    ("## A/B test\nThe objective is to determine if the new page works.\n", [(1, "ab-no-hypothesis")]),
    # the expected direction against the control arm
    ("## Пилот\nУдовлетворенность в кофейне A должна быть выше, чем в контрольной кофейне B.\n", []),
    ("## Pilot\nSatisfaction in store A should be higher than in the control store.\n", []),
    ("## Pilot\nLatency should be lower than 200 ms.\n", [(1, "ab-no-hypothesis")]),
])
def test_hypothesis_as_a_question_of_change(md, expected):
    assert check(md, "ab-no-hypothesis") == expected


@pytest.mark.parametrize("md, expected", [
    # a pilot's bar alone names its primary metric, not the change it should show
    ("## 3. Подготовка пилота\n- Критерии успеха: Weighted Accuracy > 50% (сейчас ~33%).\n",
     [(1, "ab-no-hypothesis")]),
    ("## Pilot\nTen agents use it for a sprint; success: recall ≥ 0.8 on their tickets.\n",
     [(1, "ab-no-hypothesis")]),
    # an A/B test or a randomised holdout must say what it expects
    ("## Эксперимент\nA/B по клиентам, 50/50, 4 недели. MDE — 1 п.п. доли невыкупа.\n", [(1, "ab-no-hypothesis")]),
    ("## Holdout\nA 5% holdout randomised by user ID; keep v2 if RPM is not worse by more than 0.3%.\n",
     [(1, "ab-no-hypothesis")]),
])
def test_pilot_bar_alone_is_no_hypothesis(md, expected):
    assert check(md, "ab-no-hypothesis") == expected


@pytest.mark.parametrize("md, expected", [
    # settings written as the plan's analysis code
    ("## A/B test\nSplit by user id.\n\n```python\nalpha = 0.05  # significance level\npower = 0.8\n```\n", []),
    ("## A/B-тест\nСплит по user_id.\n\n```python\nzt_ind_solve_power(effect_size=0.1, alpha=0.05, power=0.8)\n```\n", []),
    # code that sets nothing of the test
    ("## A/B test\nSplit by user id.\n\n```python\nmodel.fit(X, y)\n```\n",
     [(1, "ab-no-significance-level"), (1, "ab-no-power-or-mde")]),
])
def test_test_settings_in_analysis_code(md, expected):
    got = check(md, "ab-no-significance-level") + check(md, "ab-no-power-or-mde")
    assert got == expected




@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nHypothesis: drafts reduce handling time by 15%.\n", []),
    ("## A/B test\nWe expect CTR to grow.\n", []),
    ("## A/B-тест\nГипотеза: скоринг снижает потери.\n", []),
    ("## A/B-тест\nОжидаем рост конверсии.\n", []),
    ("## A/B test\nSuccess: listening time +3% with statistical significance.\n", []),
    ("## A/B test\nSplit by user id for two weeks; α = 0.05, power 0.8.\n", [(1, "ab-no-hypothesis")]),
    ("## A/B-тест\nСплит по user_id, 2 недели.\n", [(1, "ab-no-hypothesis")]),
    # the goal of the pilot as a nominal claim: checking a reduction against today's system
    ("## Пилот\nЦелью пилота является проверка снижения потерь от мошенничества по сравнению "
     "с текущей системой правил.\n", []),
    ("## Pilot\nThe pilot verifies the reduction in fraud losses against the current rules.\n", []),
    # checking that "the model works" states no direction on a metric
    ("## Пилот\nЦель пилота — проверка работы модели на реальных данных.\n", [(1, "ab-no-hypothesis")]),
    ("## Pilot\nThe pilot checks the model on live data.\n", [(1, "ab-no-hypothesis")]),
    # a directional expectation against the control, or the expected effect named as a noun
    ("## A/B test\nDetection time must be significantly better than the analysts' detection time.\n", []),
    ("## A/B-тест\nВремя обнаружения должно быть значимо лучше, чем у аналитиков.\n", []),
    ("## A/B test\nSuccess: 20% reduction in time to first click.\n", []),
    ("## A/B-тест\nУспех: снижение времени до первого клика на 20%.\n", []),
    ("## Пилот\nУспех: увеличение скорости поиска информации в 3 раза.\n", []),
    ("## Пилот\nУспех: улучшение CLIP Score для русских персонажей по сравнению с базовой VLM.\n", []),
    ("## Pilot\nSuccess: an improvement in CLIP score over the baseline VLM.\n", []),
    ("## A/B test\nLatency must be lower than 100 ms.\n", [(1, "ab-no-hypothesis")]),
    # the MDE is the smallest effect worth catching, not the expected one
    ("## A/B-тест\nMDE — снижение на 1 п.п.; сплит по клиентам.\n", [(1, "ab-no-hypothesis")]),
    ("## A/B test\nMDE: 20% reduction in time to first click; split by user.\n", [(1, "ab-no-hypothesis")]),
    ("## A/B test\nMDE 2 pp. We expect the ranker to raise CTR by 3%.\n", []),
    ("## A/B-тест\nMDE 1 п.п. Ожидаем снижение оттока на 2 п.п.\n", []),
    # «ожидаем» / «предполагаем» as an expected change, not any expected quantity or a proposed design
    ("## A/B-тест\nСплит по user_id. Ожидаем, что доля автоответов вырастет.\n", []),
    ("## A/B-тест\nСплит по user_id. Предполагается, что модель сократит ручную проверку.\n", []),
    ("## Пилот\nОжидаемый эффект: сокращение времени обработки.\n", []),
    ("## Пилот\nОжидается снижение числа ошибок ввода.\n", []),
    ("## Пилот\nОжидаемая нагрузка: до 10000 запросов в час; ожидаемые затраты ~$1500 в месяц.\n",
     [(1, "ab-no-hypothesis")]),
    ("## Пилот\nРезультаты бейзлайн-модели соотносятся с ожидаемыми значениями.\n", [(1, "ab-no-hypothesis")]),
    ("## Пилот\nОписание предполагаемого дизайна пилота: демо на защите проекта.\n", [(1, "ab-no-hypothesis")]),
    ("## Pilot\nExpected load: up to 10,000 requests an hour.\n", [(1, "ab-no-hypothesis")]),
    # review: a detectable effect, a bound, a fact or a plan to measure is no expectation
    ("## A/B test\nSplit by user. We can detect a 2% increase in CTR with this sample.\n", [(1, "ab-no-hypothesis")]),
    ("## A/B test\nSplit by user. Guardrail: no more than a 2% increase in latency.\n", [(1, "ab-no-hypothesis")]),
    ("## A/B test\nSplit by user. Historically, December brings a 20% increase in demand.\n",
     [(1, "ab-no-hypothesis")]),
    ("## A/B test\nSplit by user. We report the lift in CTR relative to the control.\n", [(1, "ab-no-hypothesis")]),
    ("## A/B test\nSplit by user id. The MDE is 2%, and we expect a 5% increase in conversion.\n", []),
    # an MDE in the heading does not swallow the hypothesis below it
    ("## Эксперимент: сплит по магазинам, MDE 3%\n\nГипотеза: рекомендации снижают списания.\n", []),
    ("## Experiment: split by store, MDE 3%\n\nHypothesis: the recommendations cut write-offs.\n", []),
    ("## A/B-тест\nСплит по клиентам. Задержка не должна быть значимо выше, чем в контроле.\n",
     [(1, "ab-no-hypothesis")]),
    ("## A/B-тест\nСплит по клиентам. Рост задержки на 10% недопустим.\n", [(1, "ab-no-hypothesis")]),
    ("## A/B-тест\nСплит по клиентам. Тест останавливаем при росте числа жалоб по сравнению с контролем.\n",
     [(1, "ab-no-hypothesis")]),
])
def test_hypothesis(md, expected):
    assert check(md, "ab-no-hypothesis") == expected


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nPrimary metric: listening time per session.\n", []),
    ("## A/B test\nKey metrics. Handling time per ticket.\n", []),
    ("## A/B test\nA rollout comparing tag acceptance rate.\n", []),
    ("## A/B-тест\nОсновная метрика — доля ошибок категории.\n", []),
    ("## A/B-тест\nMDE — 1 п.п. оттока.\n", []),
    ("## A/B-тест\nСравнение числа внеплановых остановок.\n", []),
    ("## A/B test\nUsers are split 50/50 by user id for three weeks.\n", [(1, "ab-no-primary-metric")]),
    ("## A/B-тест\nПилот в 6 отелях из 40; разность разностей.\n", [(1, "ab-no-primary-metric")]),
    # "business metric —" under Metrics is not the test's primary metric
    ("## Metrics\nБизнес-метрика — RevPAR.\n## A/B-тест\nПилот 8 недель.\n", [(3, "ab-no-primary-metric")]),
    # a pilot success bar whose value is still a letter names the measure
    ("## Пилот\nShadow-режим.\n### Критерии успешного пилота\n- Recall не менее N % на известных кейсах.\n", []),
    ("## Pilot\nShadow mode.\n### Pilot success criteria\n- Recall of at least X% on known cases.\n", []),
    ("## Pilot\nShadow mode.\n### Pilot success criteria\n- Recall should be good.\n", [(1, "ab-no-primary-metric")]),
    # one metric labelled as the test's names it; a list of metrics does not
    ("## A/B-тест\nМетрика: CTR. Сплит по user_id.\n", []),
    ("## A/B-тест\nМетрики: CTR, выручка, удержание. Сплит по user_id.\n", [(1, "ab-no-primary-metric")]),
    # a "Primary - …" line names it; "Key - …" over a non-metric does not
    ("## A/B test\nSplit by client id.\n### Metrics\nPrimary - F1 for the default class.\n", []),
    ("## A/B-тест\nСплит по client_id.\n### Метрики\nОсновная - F1-score для класса дефолта.\n", []),
    ("## A/B test\nSplit by client id.\n- Key - the hash of client_id.\n", [(1, "ab-no-primary-metric")]),
    ("## A/B test\nSplit by client id.\n- Main - we roll out to 10% of users and log conversion.\n",
     [(1, "ab-no-primary-metric")]),
    ("## A/B-тест\nСплит по client_id.\n- Ключевая - гипотеза о росте конверсии.\n", [(1, "ab-no-primary-metric")]),
])
def test_primary_metric(md, expected):
    assert check(md, "ab-no-primary-metric") == expected


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nAn A/A week precedes the test.\n", []),
    ("## A/B-тест\nПеред тестом — А/А-тест на 2 недели.\n", []),
    ("## A/B test\nAn AA test on last year's data.\n", []),
    ("## A/B test\nSplit by user id for two weeks.\n", [(1, "ab-no-aa-test")]),
])
def test_aa_test(md, expected):
    assert check(md, "ab-no-aa-test") == expected


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nRoll out if CTR rises; stop the test if revenue drops 3%.\n", []),
    ("## A/B-тест\nОстанавливаем тест, если выручка упадет на 3%.\n", []),
    ("## A/B test\nPrimary metric CTR; α = 0.05; two weeks.\n", [(1, "ab-no-stop-criteria")]),
    # a plan table's "Stop" row over its condition
    ("## A/B test\n| | |\n|---|---|\n| Primary | CTR |\n| Stop | guardrail breach, or CI includes zero |\n", []),
    ("## A/B-тест\n| | |\n|---|---|\n| Основная | CTR |\n| Остановка | просадка контрольной метрики ниже 2% |\n", []),
    ("## A/B test\n| Step | Owner |\n|---|---|\n| Stop | Ann |\n", [(1, "ab-no-stop-criteria")]),
    # A failure branch or a rollback condition is a decision rule.
    ("## A/B test\nIf checkout time exceeds 3 s the experiment is considered a failure.\n", []),
    ("## A/B test\nWe switch back to the old ranker if refunds grow.\n", []),
    ("## Пилот\nПри невыполнении контрольной метрики откатываемся к ручной очереди.\n", []),
    ("## Пилот\nЕсли жалоб станет больше, откатим модель.\n", []),
    ("## Пилот\nПилот считаем неуспешным, если точность ниже 80%.\n", []),
    # a ship rule: the new model replaces the old one only if …, else the old one stays
    ("## A/B-тест\nНовая модель v2 заменяет v1, если одновременно выполняются условия.\n", []),
    ("## A/B-тест\nЕсли хотя бы одно условие не выполнено — v1 остаётся в проде.\n", []),
    ("## A/B test\nThe new model replaces v1 only if both conditions hold.\n", []),
    ("## A/B test\nOtherwise v1 stays in production.\n", []),
    ("## Пилот\nЕсли видим серьёзную проблему — переносим тестирование, решаем проблему.\n", []),
    ("## Пилот\nПриостанавливаем пилот при росте жалоб.\n", []),
    # suspending a payment is the product's action, not a stop rule
    ("## A/B-тест\nДоля ложных приостановок переводов — контрольная метрика.\n", [(1, "ab-no-stop-criteria")]),
    # A success bar alone (often the template's own heading) says nothing about
    # failure or stopping: it is not a decision rule.
    ("## A/B test\nPilot.\n## Requirements\nWhat we consider a successful pilot: +3%.\n",
     [(1, "ab-no-stop-criteria")]),
    ("## A/B test\nThe pilot is considered successful if we see significant gains.\n",
     [(1, "ab-no-stop-criteria")]),
    ("## Пилот\n### Что считаем успешным пилотом\nТочность не ниже 90%.\n",
     [(1, "ab-no-stop-criteria")]),
    # ... but with its failure branch it is one
    ("## A/B test\nThe test is successful if F1(v2) > F1(v1) with p < 0.05. Otherwise we keep v1.\n", []),
    ("## A/B-тест\nТест успешен, если F1(v2) > F1(v1) с p < 0.05. Иначе оставляем v1.\n", []),
    # second review: "otherwise we keep" something that is no model is no decision rule
    ("## A/B test\nSplit by user for two weeks. Otherwise we keep the logs for 30 days.\n", [(1, "ab-no-stop-criteria")]),
    ("## A/B-тест\nСплит по user_id. Иначе оставляем комментарий в тикете.\n", [(1, "ab-no-stop-criteria")]),
    # a guardrail's breach with its action, often written under the metrics
    ("## Пилот\nТри этапа.\n## Метрики\n- FRR > 5% — автоматическое переключение на карточный доступ.\n", []),
    ("## Pilot\nThree stages.\n## Metrics\n- FRR > 5% — automatic switch to card access.\n", []),
    ("## Pilot\nIf FRR > 5%, switch the gate back to cards.\n", []),
    ("## Пилот\nТри этапа.\n## Метрики\n**Действия при пробитии порогов:** разбор причин.\n", []),
    ("## Pilot\nThree stages.\n## Metrics\nAccuracy ≥ 90% - stopping at epoch 10.\n", [(1, "ab-no-stop-criteria")]),
    ("## Pilot\nThree stages.\n## Metrics\nFRR > 5% — stop the pilot.\n", []),
    ("## Пилот\nТри этапа.\n## Метрики\n- FRR > 5% — переключить на карточный доступ.\n", []),
    ("## Пилот\nТри этапа.\n## Метрики\n- FRR > 5% — возвращаемся к карточному доступу.\n", []),
    ("## Пилот\nТри этапа.\n## Метрики\n- FRR > 5% — отключить модель.\n", []),
    ("## Пилот\nТри этапа.\n## Метрики\n**Действие при пробитии порога:** разбор.\n", []),
    # review: training's early stopping, a user's own switch, a class threshold are no stop rules
    ("## Pilot\nThree stages.\n## Metrics\nValidation loss with early stopping on AUC.\n", [(1, "ab-no-stop-criteria")]),
    ("## Пилот\nТри этапа.\n## Метрики\nКритерий остановки обучения — val loss.\n", [(1, "ab-no-stop-criteria")]),
    ("## Pilot\nThree stages.\n## Metrics\nUsers can switch back to the classic feed at any time.\n",
     [(1, "ab-no-stop-criteria")]),
    ("## Pilot\nThree stages.\n## Metrics\nThreshold > 0.7 - switching the model output to the 'fraud' class.\n",
     [(1, "ab-no-stop-criteria")]),
    # a failure branch over its list of actions
    ("## Пилот\n### Следующие шаги в зависимости от исхода пилота\n**В случае неудачи:**\n"
     "- Провести анализ ошибок.\n- Доработать модель и повторить пилот.\n", []),
    ("## Pilot\n### Next steps by outcome\n**In case of failure:**\n- Analyse the errors.\n- Retrain and rerun.\n", []),
    ("## Pilot\nOn a negative result:\n- drop the approach.\n", []),
    # a condition under which the pilot does not count as a success
    ("## Пилот\nЕсли технические метрики достигнуты, но бизнес не получает выигрыша, пилот нельзя считать "
     "полностью успешным.\n", []),
    ("## Pilot\nIf the metrics are met but the business sees no gain, the pilot cannot be considered "
     "a success.\n", []),
    ("## Pilot\nThe pilot is considered a success if recall ≥ 0.8.\n", [(1, "ab-no-stop-criteria")]),
    ("## Пилот\nВ случае неудачи загрузки файла сервис повторяет запрос.\n", [(1, "ab-no-stop-criteria")]),
    ("## Pilot\nOn failure of the upload the service retries.\n", [(1, "ab-no-stop-criteria")]),
])
def test_stop_criteria(md, expected):
    assert check(md, "ab-no-stop-criteria") == expected


def test_stop_criteria_is_info():
    assert severities("## A/B test\nTwo weeks.\n", "ab-no-stop-criteria") == ["info"]


DEFERRED = [
    "## A/B test\nA/B test: not run in this phase because the tool has 40 internal users; "
    "we compare handling time before/after instead.\n",
    "## A/B test\nNo A/B test because traffic is too low; a pilot in one region instead.\n",
    "## A/B-тест\nA/B-тест не проводится, так как трафика мало; оцениваем пилотом.\n",
    "## A/B-тест\nНе будем проводить A/B-тест. Причина: регулятор запрещает разные условия.\n",
    # Scoped out of this phase: the phase is the reason.
    "## A/B test\nAn A/B split experiment is not foreseen in this iteration; dispatchers rate the "
    "routes instead.\n",
    "## A/B test\nThe A/B test is not part of the current MVP; store managers review the output.\n",
    "## A/B-тест\nВ рамках пилота A/B-тест не предусмотрен: качество оценивают эксперты.\n",
    "## A/B-тест\nНа данном этапе не предусмотрено проведение A/B-теста, сравниваем с ручным планом.\n",
    # "impossible" in one word
    "## Пилот\nПоскольку A/B тестирование на этапе MVP невозможно из-за отсутствия трафика, проводим UAT.\n",
    "## Pilot\nSince an A/B test is impossible at the MVP stage for lack of traffic, we run a UAT.\n",
]


@pytest.mark.parametrize("md", DEFERRED)
@pytest.mark.parametrize("rule", AB_RULES)
def test_deferral_silences_ab_rules(md, rule):
    assert check(md, rule) == []


@pytest.mark.parametrize("md", DEFERRED)
def test_deferral_is_one_info_note(md):
    assert check(md, "ab-deferred") == [(1, "ab-deferred")]
    assert severities(md, "ab-deferred") == ["info"]


@pytest.mark.parametrize("md", [
    "## Goals\nLess waste. The uplift needs an A/B controlled test, which is not provided in this "
    "pilot.\n## A/B test\nShop owners rate the forecasts for a month.\n",
    "## Цели\nМеньше списаний. В рамках пилота A/B-эксперимент не предусмотрен.\n"
    "## A/B-тест\nТоваровед оценивает прогнозы в течение месяца.\n",
])
def test_deferral_stated_outside_the_ab_section_counts(md):
    assert check(md, "ab-deferred") == [(3, "ab-deferred")]
    assert check(md, "ab-no-split-unit") == []


@pytest.mark.parametrize("md", [
    "## A/B test\nThe A/B test is not planned yet.\n",
    "## A/B-тест\nA/B-тест пока не запланирован.\n",
])
def test_deferral_without_reason_or_phase_keeps_rules(md):
    assert check(md, "ab-deferred") == []
    assert check(md, "ab-no-split-unit") == [(1, "ab-no-split-unit")]


def test_deferral_without_reason_keeps_rules():
    md = "## A/B test\nNo A/B test.\n"
    assert check(md, "ab-deferred") == []
    assert check(md, "ab-no-significance-level") == [(1, "ab-no-significance-level")]


def test_approved_deferral_needs_an_alternative():
    head = "---\nstatus: approved\n---\n"
    bare = head + "## A/B test\nNo A/B test because the regulator forbids it.\n"
    alt = head + "## A/B test\nNo A/B test because traffic is low; we run a pilot in one city.\n"
    assert severities(bare, "ab-deferred") == ["warning"]
    assert severities(alt, "ab-deferred") == ["info"]
    assert check(bare, "ab-no-significance-level") == []


def test_one_pager_ab_rules_need_a_sub_section():
    md = dedent("""\
    ---
    kind: one-pager
    ---
    ## Why
    Late orders.
    ## What
    ETA model.
    ## How
    Online A/B test by customer id for 2 weeks.
    """)
    assert check(md, "ab-no-significance-level") == []
    md_sub = md + "### A/B test\nSplit by user_id for three weeks.\n"
    assert check(md_sub, "ab-no-significance-level") == [(10, "ab-no-significance-level")]


@pytest.mark.parametrize("md, rule", [
    # terse "H:" label and a comparison as the expected effect
    ("## a/b\n- H: ranker v4 raises search conversion ≥ 1.5%\n", "ab-no-hypothesis"),
    # parameters table: "α / power | 0.05 / 0.8"
    ("## Experiment design\n\n| Item | Value |\n|---|---|\n| α / power | 0.05 / 0.8 |\n",
     "ab-no-significance-level"),
    ("## Experiment\nStores are the unit: 100 stores in treatment, 100 in control.\n", "ab-no-split-unit"),
    ("## Pilot\nWe compare expansion pipeline between the two regions.\n", "ab-no-split-unit"),
    ("## Pilot\nWe compare expansion pipeline between the two regions.\n", "ab-no-primary-metric"),
    ("## Пилот\nРандомизация по заявке: 20% заявок получают модель.\n", "ab-no-split-unit"),
    ("## Пилот\nЗапускаем на двух площадках, остальные площадки — контроль.\n", "ab-no-split-unit"),
    ("## Пилот\nОсновная метрика — портфель; контрольная — ранняя просрочка 30+.\n",
     "ab-no-guardrail-metric"),
])
def test_more_wordings_pass(md, rule):
    assert check(md, rule) == []


def test_guardrail_in_goals_without_more():
    md = "## Goals\nCut write-offs to 7% without more evening out-of-stocks.\n## Experiment\nPrimary metric: write-offs.\n"
    assert check(md, "ab-no-guardrail-metric") == []
    md = "## Goals\nWe cannot train it without more data.\n## Experiment\nPrimary metric: write-offs.\n"
    assert check(md, "ab-no-guardrail-metric") == [(3, "ab-no-guardrail-metric")]


def test_significance_in_a_russian_parameter_table() -> None:
    md = "## A/B-тест\n\n| Параметр | Значение |\n|---|---|\n| Уровень значимости | 0,05 |\n"
    assert check(md, "ab-no-significance-level") == []



def test_hypothesis_stated_as_pilot_success_criterion_counts():
    md = """\
    ## Критерии успеха пилота
    - Средний остаток в пилотной группе ниже контрольной на 12% и больше.

    ## Пилот
    Банкоматы делим на пары, в каждой паре случайно один получает новый прогноз; 8 недель.
    """
    assert check(md, "ab-no-hypothesis") == []
    assert check(md, "ab-no-split-unit") == []


@pytest.mark.parametrize(
    "line",
    ["50/50 by user id, 2 weeks.", "Абонентов делим по хешу номера: 20% и 80%.", "Stepped-wedge rollout randomised by clinic."],
)
def test_split_unit_wordings(line):
    assert check(f"## A/B test\n{line}\n", "ab-no-split-unit") == []


def test_template_slots_are_not_a_written_design():
    md = """\
    ## A/B test design
    - Hypothesis: <what will change>
    - Primary metric: <metric>
    - Split unit: <unit>
    - Duration: <weeks>
    """
    for rule in AB_RULES:
        assert check(md, rule) == []


@pytest.mark.parametrize("md, expected", [
    # a pilot's success criterion with a number names the measure that decides it
    ("## Pilot\nForemen use the bot for three months.\n### What we count as a successful pilot\n"
     "Feedback is positive in at least 50% of cases.\n", []),
    ("## Подготовка пилота\nБригадиры пользуются ботом три месяца.\n### Что считаем успешным пилотом\n"
     "Отзывы положительны хотя бы в 50% случаев.\n", []),
    ("## Подготовка пилота\nОфлайн-инференс через API.\n### Критерии успешности пилота\n"
     "- Recall (toxic) не менее чем 0,85\n", []),
    # a success heading without a number decides nothing
    ("## Pilot\nForemen use the bot for three months.\n### What we count as a successful pilot\n"
     "Foremen like it.\n", [(1, "ab-no-primary-metric")]),
    ("## Подготовка пилота\nБригадиры пользуются ботом три месяца.\n### Что считаем успешным пилотом\n"
     "Бригадирам нравится.\n", [(1, "ab-no-primary-metric")]),
])
def test_pilot_success_criterion_names_the_primary_metric(md, expected):
    assert check(md, "ab-no-primary-metric") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # A pilot success bar against the control or the baseline, by a number, states the hypothesis.
    ("## A/B test\nThe pilot runs in two depots.\n## What we consider a successful pilot\n"
     "- Waiting time at least 20% lower than the control depots.\n", "ab-no-hypothesis", []),
    ("## 3. Пилот\nСравниваем с ручным планом.\n## 3.2. Метрики успеха пилота\n"
     "- ≥ 70% складов: модель лучше бейзлайна.\n", "ab-no-hypothesis", []),
    # … and its heading may sit beside the pilot heading rather than under it.
    ("## 3. Пилот\nСравниваем с ручным планом.\n## 3.2. Метрики успеха пилота\n"
     "- Ошибка прогноза ниже 12%.\n", "ab-no-primary-metric", []),
    ("## 3. Pilot\nCompare with the planners' numbers.\n## 3.2. Pilot success criteria\n"
     "- Forecast error below 12%.\n", "ab-no-primary-metric", []),
    # A bar the pilot must clear states no expected change, with or without a control group.
    ("## 3. Пилот\nСравниваем с ручным планом.\n## 3.2. Метрики успеха пилота\n"
     "- Ошибка прогноза ниже 12%.\n", "ab-no-hypothesis", [(1, "ab-no-hypothesis")]),
    ("## 3. A/B-тест\nКонтрольная группа — 50% складов.\n## 3.2. Метрики успеха пилота\n"
     "- Ошибка прогноза ниже 12%.\n", "ab-no-hypothesis", [(1, "ab-no-hypothesis")]),
    # A success section of another topic is no pilot bar.
    ("## A/B test\nThe pilot runs in two depots.\n## Business success criteria\n"
     "- Revenue of 2M per year.\n", "ab-no-primary-metric", [(1, "ab-no-primary-metric")]),
])
def test_pilot_success_bar_outside_the_ab_section(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    ("## A/B test\nTreatment: ranked queue; control: FIFO, assigned by hash(post_id) mod 2.\n", []),
    ("## A/B-тест\nРандомизация по hash(order_id) mod 2.\n", []),
    ("## A/B-тест\nДелим трафик по store_id.\n", []),
    ("## A/B test\nTreatment: ranked queue; control: FIFO.\n", [(1, "ab-no-split-unit")]),
    # "a hash of <column>_id" in words
    ("## A/B test\nGroups are assigned by a hash of application_id.\n", []),
    ("## A/B-тест\nГруппу назначаем через хэш от application_id.\n", []),
    ("## A/B-тест\nХэш пароля хранится в БД.\n", [(1, "ab-no-split-unit")]),
])
def test_split_by_hash_of_an_id_column(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, expected", [
    # a success criterion that names the direction a business measure should move is the pilot's
    # hypothesis ...
    ("## Pilot\nUsers try the tool for a month.\n### Success criteria\n"
     "- Reduced time operators spend on each ticket.\n", []),
    ("## Пилот\nОператоры работают с моделью месяц.\n### Критерии успеха пилота\n"
     "- Сокращённое время, которое затрачивает работник на мониторинг оборудования.\n", []),
    # ... a bar alone is not: it names the metric, not the change the pilot should show
    ("## Pilot\nUsers try the tool for a month.\n### Success criteria\n- User satisfaction ≥ 80%.\n",
     [(1, "ab-no-hypothesis")]),
    ("## Пилот\nОператоры работают с моделью месяц.\n### Критерии успеха пилота\n- Recall ≥ 0,85.\n",
     [(1, "ab-no-hypothesis")]),
    # nor is the direction of a technical measure
    ("## Pilot\nUsers try the tool for a month.\n### Success criteria\n- Reduced inference latency.\n",
     [(1, "ab-no-hypothesis")]),
    ("## Pilot\nUsers try the tool for a month.\n### Success criteria\n- No more than 2 outages.\n",
     [(1, "ab-no-hypothesis")]),
])
def test_pilot_success_direction_as_hypothesis(md, expected):
    assert check(md, "ab-no-hypothesis") == expected


@pytest.mark.parametrize("md", [
    "## A/B test\nWe run the experiment on 10% of sessions for two weeks.\n",
    "## A/B-тест\nЭксперимент на 50% клиентов, 2 недели.\n",
    "## A/B-тест\nНовая модель для 10% пользователей.\n",
])
def test_share_of_units_in_the_experiment_is_a_split(md):
    assert check(md, "ab-no-split-unit") == []


# Regression rows from a review of this vocabulary: ordinary design-doc wording
# that must not pass for a guardrail, a test level, a hypothesis or a stop rule.
@pytest.mark.parametrize("md, rule", [
    # regularisation and loss parameters in the modelling code are not the test's α / power
    ("## Modeling\n```python\nRidge(alpha=0.1)\nFocalLoss(alpha=0.25, gamma=2)\n```\n"
     "## A/B test\nSplit by user id for two weeks.\n", "ab-no-significance-level"),
    ("## Modeling\n```yaml\ngpu:\n  power: 250\n```\n## A/B test\nSplit by user id for two weeks.\n",
     "ab-no-power-or-mde"),
    # a primary metric's expected drop is not a guardrail bound
    ("## A/B test\nPrimary metric: false positive rate, expected to decrease by at least 20%.\n",
     "ab-no-guardrail-metric"),
    ("## A/B-тест\nОсновная метрика: доля ложных срабатываний снизится на 20%.\n", "ab-no-guardrail-metric"),
    # findings and goals are not guardrails
    ("## Goals\nLast year's manual campaign did not increase conversion.\n## A/B test\nSplit by user id.\n",
     "ab-no-guardrail-metric"),
    ("## Цели\nПрошлая кампания не дала эффекта: конверсия не выросла.\n## A/B-тест\nСплит по user_id.\n",
     "ab-no-guardrail-metric"),
    ("## Goals\nMaximum increase in revenue.\n## A/B test\nSplit by user id.\n", "ab-no-guardrail-metric"),
    # the pilot's length or size is not a bar on its metric
    ("## Pilot\nThe pilot runs in two offices for at least 4 weeks and we measure the accuracy of drafts.\n",
     "ab-no-hypothesis"),
    ("## Пилот\nПилот идёт в двух офисах не менее 4 недель, собираем точность черновиков.\n",
     "ab-no-primary-metric"),
    # a guardrail check is not the hypothesis
    ("## A/B test\nSplit by user id. Check if guardrail metrics such as latency increase during the test.\n",
     "ab-no-hypothesis"),
    # data cleaning is not a ship rule
    ("## A/B test\nWe replace missing values with the median when the field is empty.\n", "ab-no-stop-criteria"),
    ("## A/B-тест\nЗаменяем пропуски медианой, если поле пусто.\n", "ab-no-stop-criteria"),
    # a segment named by a letter is not an arm; a lower-case letter is not a placeholder bar
    ("## Pilot\nRisk group A: high risk customers get the offer.\n", "ab-no-hypothesis"),
])
def test_review_regressions(md, rule):
    assert [r for _, r in check(md, rule)] == [rule]


@pytest.mark.parametrize("md, rule, expected", [
    # «метрика-предохранитель» is the Russian for a guardrail; "without a quality drop" holds one
    ("## Пилот\n- доля роликов, размеченных заново, ≤ 5 % (метрика-предохранитель).\n", "ab-no-guardrail-metric", []),
    ("## Пилот\n- Время на ролик сократилось ≥ 3× без просадки качества.\n", "ab-no-guardrail-metric", []),
    ("## Пилот\n- Время на ролик сократилось ≥ 3×.\n", "ab-no-guardrail-metric", [(1, "ab-no-guardrail-metric")]),
    # a crossover design names its unit: each participant works in both modes
    ("## Пилот\n10 роликов, минимум 2 участника, перекрёстные наборы.\n", "ab-no-split-unit", []),
    ("## Pilot\nA crossover design: each annotator labels half the clips in each mode.\n", "ab-no-split-unit", []),
    # a minimum length, or a length that covers the weekly cycle, is a duration
    ("## Пилот\nПилот длится не менее месяца.\n", "ab-no-duration", []),
    ("## Пилот\nЗадержка тестовых данных — около суток.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    ("## A/B-тест\nДлительности теста хватило, чтобы покрыть недельную сезонность.\n", "ab-no-duration", []),
    ("## A/B test\nThe test runs long enough to capture weekly seasonality.\n", "ab-no-duration", []),
    ("## A/B test\nThe model captures weekly seasonality via day-of-week features.\n", "ab-no-duration",
     [(1, "ab-no-duration")]),
    ("## A/B-тест\nНа тестовой выборке модель учитывает недельную сезонность.\n", "ab-no-duration",
     [(1, "ab-no-duration")]),
    ("## A/B test\nThe test covers all users.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    # a lower bound in days, or a run length in hours, is a duration too
    ("## Пилот\nТест идёт не менее суток.\n", "ab-no-duration", []),
    ("## Пилот\nТест идёт минимум двое суток.\n", "ab-no-duration", []),
    ("## Пилот\nТест идёт 72 часа.\n", "ab-no-duration", []),
    ("## A/B test\nThe test runs for at least 48 hours.\n", "ab-no-duration", []),
    ("## A/B test\nThe test runs for at least a day.\n", "ab-no-duration", []),
    ("## A/B test\nLabels arrive within 48 hours.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    ("## Пилот\nМетки приходят через 48 часов.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    ("## Пилот\nТест идёт не менее 3 суток.\n", "ab-no-duration", []),
    # review: a cache, an average or a delay in hours is no test length
    ("## A/B test\nSplit by user. Features are cached for 24 hours.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    ("## A/B test\nSplit by user. Latency is averaged over 24 hours.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    # a duration label, or hours of testing, states the length
    ("## A/B test\n- **Duration**: Minimum 48 hours of continuous testing\n", "ab-no-duration", []),
    ("## A/B test\nStable performance over 48+ hours of testing.\n", "ab-no-duration", []),
    ("## A/B test\nSplit by user. Cache TTL: 24 hours.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    ("## Пилот\nМетки приходят в течение 48 часов.\n", "ab-no-duration", [(1, "ab-no-duration")]),
    ("## Пилот\nПоддержка работает 24 часа в сутки.\n", "ab-no-duration", [(1, "ab-no-duration")]),
])
def test_fresh9_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # units counted per arm, or assigned one by one, name the split unit
    ("## A/B test\n- Sample size target: 5,000 users total (2,500 per group)\n", "ab-no-split-unit", []),
    ("## A/B test\n- User assignment: deterministic hash-based\n", "ab-no-split-unit", []),
    ("## A/B-тест\nПо 2 500 пользователей в каждой группе.\n", "ab-no-split-unit", []),
    ("## A/B test\n- Sample size target: 5,000 events\n", "ab-no-split-unit", [(1, "ab-no-split-unit")]),
    # an expected result with its sign is the hypothesis
    ("## A/B test\n- Expected result: +4.24 points of nDCG@10\n", "ab-no-hypothesis", []),
    ("## A/B test\n- Expected result: a report\n", "ab-no-hypothesis", [(1, "ab-no-hypothesis")]),
    # a final decision between shipping and rolling back is a decision rule
    ("## A/B test\n- Final decision: deploy to 100% production or rollback\n", "ab-no-stop-criteria", []),
    ("## A/B test\n### Decision framework\n- Deploy to 100%: success criteria met\n", "ab-no-stop-criteria", []),
    ("## A/B-тест\nИтоговое решение: раскатка на 100% или откат.\n", "ab-no-stop-criteria", []),
])
def test_fresh9_en_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md", [
    # counted things that are no experiment's units, and shares that assign no arm
    "## A/B-тест\nМодель тестировали на 5 датасетах.\n",
    "## A/B-тест\nПилот в 2 этапах.\n",
    "## A/B-тест\n80% заказов в Москве, 20% в регионах.\n",
    "## A/B-тест\nПерекрестная схема валидации по времени.\n",
    "## A/B-тест\nВ эксперименте участвуют несколько моделей.\n",
    "## A/B test\nThe model assigns each transaction to a risk bucket.\n",
    "## A/B test\nThree managers took part in the interviews.\n",
    "## A/B test\nUser assignment of roles is handled by IAM.\n",
])
def test_split_unit_review_negatives(md):
    assert check(md, "ab-no-split-unit") == [(1, "ab-no-split-unit")]


@pytest.mark.parametrize("md, rule", [
    # a range or a list marker is no signed expected change; deploy scripts are no decision rule
    ("## A/B test\nExpected impact: 2-3 weeks of engineering.\n", "ab-no-hypothesis"),
    ("## A/B test\nExpected results - 3 dashboards and a report.\n", "ab-no-hypothesis"),
    ("## A/B test\nError rate must be lower than control limits.\n", "ab-no-hypothesis"),
    ("## A/B test\nDeploy via Helm or roll back with helm rollback.\n", "ab-no-stop-criteria"),
    ("## A/B-тест\nВыкатка новой версии или откат на старую выполняется скриптом deploy.sh.\n", "ab-no-stop-criteria"),
])
def test_review_negatives_fire(md, rule):
    assert check(md, rule) == [(1, rule)]


@pytest.mark.parametrize("md, rule, expected", [
    # units split into groups, verb first; groups picked by a unit
    ("## A/B-тест\nМы разбиваем транзакции на группы A и B.\n", "ab-no-split-unit", []),
    ("## A/B-тест\nОтбор групп должен производиться по транзакциям, а не по пользователям.\n",
     "ab-no-split-unit", []),
    ("## A/B-тест\nМы разбиваем работу на группы задач.\n", "ab-no-split-unit", [(1, "ab-no-split-unit")]),
    # A/A/B groups and an A/A check replayed on history
    ("## A/B-тест\nГруппы AB или AAB.\n", "ab-no-aa-test", []),
    ("## A/B test\nUsers go to A/A/B groups.\n", "ab-no-aa-test", []),
    ("## A/B-тест\nПроверить тест на исторических данных и подтвердить уровни ошибок первого и второго рода.\n",
     "ab-no-aa-test", []),
    ("## A/B test\nReplay the test on historical data to confirm its false positive rate.\n", "ab-no-aa-test", []),
    ("## A/B test\nTrain on historical data.\n", "ab-no-aa-test", [(1, "ab-no-aa-test")]),
    # what happens when the pilot fails is a decision rule
    ("## Пилот\nУчаствуют 3 региона. В случае неуспеха пилота исправляем ошибки или отказываемся от решения.\n",
     "ab-no-stop-criteria", []),
    ("## A/B test\nSplit by user. If the pilot fails, the team goes back to the rules.\n", "ab-no-stop-criteria", []),
    ("## A/B-тест\nСплит по клиентам. В случае неудачи с загрузкой файла переходим к следующему.\n",
     "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
])
def test_fresh12_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # a model backtest on history is no A/A check (review)
    ("## A/B test\nSplit by user.\nWe validate the fraud model on historical data: false positive rate below 2%.\n",
     "ab-no-aa-test", [(1, "ab-no-aa-test")]),
    ("## A/B-тест\nСплит по клиентам.\nПроверяем модель на исторических данных: ложноположительных меньше 5%.\n",
     "ab-no-aa-test", [(1, "ab-no-aa-test")]),
    # a fixed-sample end is the test's length; a small count is not
    ("## A/B test\nSplit by session. Stop after 5000 predictions per version.\n", "ab-no-duration", []),
    ("## A/B-тест\nСплит по сессиям. Останавливаем после 5 000 предсказаний на каждую версию.\n",
     "ab-no-duration", []),
    ("## A/B test\nSplit by session. Review after 3 users complained.\n", "ab-no-duration",
     [(1, "ab-no-duration")]),
    # sticky assignment names the unit
    ("## A/B test\nSticky sessions keep every user on one version.\n", "ab-no-split-unit", []),
    ("## A/B test\nA fixed model version per session.\n", "ab-no-split-unit", []),
    ("## A/B test\nSessions are long.\n", "ab-no-split-unit", [(1, "ab-no-split-unit")]),
    # "accept v2 if …" is a decision rule
    ("## A/B test\nSplit by user. Accept v2 if its error rate is lower.\n", "ab-no-stop-criteria", []),
])
def test_fresh13_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # red flags with what happens then are the pilot's stop rule
    ("## Pilot\nSplit by school.\n### Red flags\n- Retention < 50%\n**Action:** pause public launch.\n", []),
    ("## Пилот\nСплит по школам.\n### Красные флаги\n- Удержание < 50% — ставим запуск на паузу.\n", []),
    ("## Pilot\nSplit by school. Pause for lunch at noon.\n", [(1, "ab-no-stop-criteria")]),
])
def test_red_flags_are_a_stop_rule(md, expected):
    assert check(md, "ab-no-stop-criteria") == expected


@pytest.mark.parametrize("md, expected", [
    # a list of metrics to track is no primary metric
    ("## A/B test\nSplit by user. We will track metrics such as precision, recall and user satisfaction.\n",
     [(1, "ab-no-primary-metric")]),
    ("## A/B test\nSplit by user. Key metrics to track: CTR, revenue, latency.\n", [(1, "ab-no-primary-metric")]),
    ("## A/B-тест\nСплит по клиентам. Основные метрики для оценки включают: конверсию, выручку.\n",
     [(1, "ab-no-primary-metric")]),
    ("## Pilot\nSplit by school. Target: 3-5 schools for the pilot.\n", [(1, "ab-no-primary-metric")]),
    # one metric named as the test's
    ("## A/B test\nSplit by customer.\n| Role | Metric |\n|---|---|\n| Primary | 90-day churn rate |\n", []),
    ("## A/B test\nSplit by user. Conversion is compared between the arms.\n", []),
    ("## A/B-тест\nСплит по клиентам. Основная метрика — конверсия.\n", []),
])
def test_primary_metric_is_one_metric_not_a_list(md, expected):
    assert check(md, "ab-no-primary-metric") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # "red flags" as product wording is no stop rule (review)
    ("## Requirements\nThe assistant must highlight red flags in NDA clauses.\n## A/B test\n"
     "Split by lawyer; primary metric review time; two weeks.\n", "ab-no-stop-criteria", [(3, "ab-no-stop-criteria")]),
    ("## A/B-тест\nСплит по юристам. Ассистент подсвечивает красные флаги в договорах.\n", "ab-no-stop-criteria",
     [(1, "ab-no-stop-criteria")]),
    # a sentence naming the metric stays a primary metric even with "including" (review)
    ("## A/B test\nSplit by user. Conversion is compared between the arms, including mobile users.\n",
     "ab-no-primary-metric", []),
    ("## A/B test\nSplit by user. The key metrics are conversion (primary) and latency (guardrail).\n",
     "ab-no-primary-metric", []),
    ("## A/B-тест\nСплит по клиентам.\n| Роль | Метрика |\n|---|---|\n| Основная | конверсия в заказ |\n",
     "ab-no-primary-metric", []),
])
def test_second_review_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # a sub-heading labels the metric under it
    ("# A/B testing\n## Primary\n- Revenue per mille\n## Guardrails\n- User time spent\n", "ab-no-primary-metric", []),
    ("# A/B-тест\n## Основная метрика\n- Конверсия в покупку\n", "ab-no-primary-metric", []),
    ("# A/B testing\n## Guardrails\n- Conversion rate\n", "ab-no-primary-metric", [(1, "ab-no-primary-metric")]),
    # a stop rule on an operational measure guards it
    ("## A/B test\nControl the number of complaints and appeals: if they grow rapidly, stop the experiment.\n",
     "ab-no-guardrail-metric", []),
    ("## A/B test\nIf revenue grows, stop the experiment and ship.\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
    # a share of units the model is tried on is the split unit
    ("## A/B test\nThen try the model on 1-5% of users and measure time in app.\n", "ab-no-split-unit", []),
    ("## A/B test\nThen try the model on 5% of the budget.\n", "ab-no-split-unit", [(1, "ab-no-split-unit")]),
    ("## A/B test\nThe test set holds 20% of the users.\n", "ab-no-split-unit", [(1, "ab-no-split-unit")]),
    # a stop on a significant difference of the primary metric guards nothing
    ("## A/B test\nWe stop the test when the cancellation rate difference is significant.\n",
     "ab-no-guardrail-metric", [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nЕсли жалобы резко растут — останавливаем эксперимент.\n", "ab-no-guardrail-metric", []),
])
def test_fresh31_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # an experiment config and an assignment function in the A/B section's code state the design
    ('## A/B test\nTwo weeks.\n```python\nexperiment = {"metrics": {"primary": "add_to_cart_rate"}}\n```\n',
     "ab-no-primary-metric", []),
    ('## A/B test\nTwo weeks.\n```python\nexperiment = {"metrics": {"guardrails": ["p99_ms"]}}\n```\n',
     "ab-no-primary-metric", [(1, "ab-no-primary-metric")]),
    ('## A/B test\nTwo weeks.\n```python\nh = hashlib.md5(f"{user_id}:{experiment_id}".encode())\n```\n', "ab-no-split-unit", []),
    ('## A/B test\nTwo weeks.\n```python\nlog.info("served", extra={"model": name})\n```\n', "ab-no-split-unit",
     [(1, "ab-no-split-unit")]),
    ('## A/B test\nTwo weeks.\n```json\n{"required_power": 0.8, "min_detectable_effect": 0.02}\n```\n', "ab-no-power-or-mde", []),
    ('## A/B-тест\nДве недели.\n```json\n{"significance_level": 0.05}\n```\n', "ab-no-significance-level", []),
    # review: a database's primary, a flag, a pandas assign or a shadow run are no design
    ('## A/B test\nTwo weeks.\n```yaml\ndatabase:\n  primary: pg-main\n```\n', "ab-no-primary-metric",
     [(1, "ab-no-primary-metric")]),
    ('## A/B test\nTwo weeks.\n```python\ncfg = {"primary": True}\n```\n', "ab-no-primary-metric",
     [(1, "ab-no-primary-metric")]),
    ('## A/B test\nTwo weeks.\n```python\ndf = df.assign(user_id=ids)\n```\n', "ab-no-split-unit",
     [(1, "ab-no-split-unit")]),
    ('## A/B test\nTwo weeks.\n```python\nrun_shadow(model, user_id)\n```\n', "ab-no-split-unit",
     [(1, "ab-no-split-unit")]),
    # modelling code elsewhere is not the test's
    ('## A/B test\nTwo weeks.\n## Modeling\n```python\nh = hashlib.md5(user_id)\n```\n', "ab-no-split-unit",
     [(1, "ab-no-split-unit")]),
])
def test_design_written_as_code(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # a time bound on the check in the pilot's success criteria guards latency
    ("## Пилот\nДве недели.\n### Что считаем успешным пилотом\n- проверка сообщения происходит почти мгновенно "
     "(до ~0.2 секунды на типовой текст).\n", "ab-no-guardrail-metric", []),
    ("## Пилот\nДве недели.\n### Что считаем успешным пилотом\n- проверка сообщения проходит вручную.\n",
     "ab-no-guardrail-metric", [(1, "ab-no-guardrail-metric")]),
    # a decision between going to production and reworking is a decision rule
    ("## Пилот\nРешение «идём в прод / дорабатываем» принимается по цифрам.\n", "ab-no-stop-criteria", []),
    ("## Pilot\nThe go to prod / rework decision is made on the numbers.\n", "ab-no-stop-criteria", []),
    ("## Pilot\nWe go to production in May.\n", "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
    ("## Пилот\nРешение: «идти в прод» или «дорабатывать».\n", "ab-no-stop-criteria", []),
    ("## Pilot\nThe go-to-prod vs rework call is made on the numbers.\n", "ab-no-stop-criteria", []),
    # second review: an input length or a reply window in seconds is no latency bound
    ("## Пилот\nДве недели.\n### Что считаем успешным пилотом\n- классификация аудиофрагментов длиной до 10 секунд.\n",
     "ab-no-guardrail-metric", [(1, "ab-no-guardrail-metric")]),
    ("## Пилот\nДве недели.\n### Что считаем успешным пилотом\n- ответы пользователей собираем не более 60 секунд.\n",
     "ab-no-guardrail-metric", [(1, "ab-no-guardrail-metric")]),
    ("## Пилот\nДве недели.\n### Что считаем успешным пилотом\n- проверка проходит быстро, до 0.5 с.\n",
     "ab-no-guardrail-metric", []),
    # a bound with a tilde in English too; «не дольше» is a bound
    ("## A/B test\nPrimary: CTR. Response latency up to ~200 ms.\n", "ab-no-guardrail-metric", []),
    ("## A/B-тест\nОсновная метрика — CTR. Время ответа не дольше 300 мс.\n", "ab-no-guardrail-metric", []),
])
def test_fresh34_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # people in a user study, districts in a matched comparison, a counterbalanced half split
    ("## A/B test\nHalf of reviewers do the baseline workflow first, half do the new tool first.\n", []),
    ("## Experimental design\nTreatment: 4 districts with the tool. Control: 4 matched districts on legacy practice.\n",
     []),
    ("## A/B-тест\nПоловина участников сначала работает по-старому, другая половина — с новым инструментом.\n", []),
    ("## A/B-тест\nСравниваем 4 района с инструментом и 4 сопоставимых района без него; районы распределены случайно.\n",
     []),
    # half of a metric's change is no split
    ("## A/B test\nHalf of the uplift comes from new users; two weeks.\n", [(1, "ab-no-split-unit")]),
    ("## A/B-тест\nПоловина прироста — от новых клиентов.\n", [(1, "ab-no-split-unit")]),
])
def test_split_units_of_studies_and_districts(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # the effect the sample was sized for plays the MDE's part
    ("## A/B test\n### Sample size\n- Expected effect: +5% F1\n- At least 5000 requests per group\n",
     "ab-no-power-or-mde", []),
    ("## A/B-тест\n### Размер выборки:\n- Ожидаемый эффект: +5% к F1-score\n- Минимально необходимый размер: 5000 "
     "запросов на группу\n", "ab-no-power-or-mde", []),
    # an expected effect far from any sample size is a hypothesis, not an MDE
    ("## A/B test\nExpected effect: +5% F1.\n\nTwo weeks.\n\nSplit by user.\n\nAlpha 0.05.\n\nSample: all users.\n",
     "ab-no-power-or-mde", [(1, "ab-no-power-or-mde")]),
    ("## A/B-тест\nОжидаемый эффект — рост конверсии.\nРазмер выборки: 5000.\n", "ab-no-power-or-mde",
     [(1, "ab-no-power-or-mde")]),
    # the failure branch after a condition is a decision rule
    ("## A/B test\n### If p < 0.05 and F1_v2 > F1_v1:\n→ **Deploy v2** ✅\n### If p < 0.05 and F1_v2 < F1_v1:\n"
     "→ **Keep v1** ❌\n", "ab-no-stop-criteria", []),
    ("## A/B-тест\n### Если p-value < 0.05 и F1_v2 > F1_v1:\n→ **Развернуть v2** ✅\n"
     "### Если p-value < 0.05 и F1_v2 < F1_v1:\n→ **Оставить v1** ❌\n", "ab-no-stop-criteria", []),
    ("## A/B test\n### If p < 0.05:\n→ **Deploy v2** ✅\n", "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
    # a choice by business priority is no decision on the test's result
    ("## A/B-тест\nЕсли критичнее не пропускать дефолты — оставить v1; если важнее не отказывать — выбрать v2.\n",
     "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
])
def test_sized_effects_and_arrow_branches(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # a decision table, a reject rule, an early stop of the test itself
    ("## A/B-тест\n| Условие | Решение |\n|---|---|\n| F1(v2) > F1(v1) и p < 0.05 | Перевести трафик на v2 |\n",
     "ab-no-stop-criteria", []),
    ("## A/B test\n| Condition | Decision |\n|---|---|\n| F1(v2) > F1(v1), p < 0.05 | Move traffic to v2 |\n",
     "ab-no-stop-criteria", []),
    ("## A/B-тест\n### Отклонить v2, если выполнено любое условие:\n1. F1_v2 < F1_v1\n", "ab-no-stop-criteria", []),
    ("## A/B test\n### Reject v2 if any condition holds:\n1. F1_v2 < F1_v1\n", "ab-no-stop-criteria", []),
    ("## A/B-тест\n- ранняя остановка и отмена теста, если обнаружен рост дефолта\n", "ab-no-stop-criteria", []),
    # the test's own cancellation is no cancellation rate to guard
    ("## A/B-тест\n- ранняя остановка и отмена теста, если обнаружен рост дефолта\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B test\n- cancellation of the test if the default rate grows\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B test\n- stop the test if the cancellation rate grows\n", "ab-no-guardrail-metric", []),
    # training's early stopping stays no decision rule
    ("## A/B-тест\nДве недели.\n## Модель\nРанняя остановка по val loss, 10 эпох.\n", "ab-no-stop-criteria",
     [(1, "ab-no-stop-criteria")]),
    # a share of requests per named group, sticky assignment
    ("## A/B-тест\n- 50% запросов - контрольная группа v1;\n- 50% запросов - тестовая группа v2.\n",
     "ab-no-split-unit", []),
    ("## A/B test\n- 50% of requests — control group v1\n- 50% of requests — test group v2\n", "ab-no-split-unit", []),
    ("## A/B-тест\nОдин и тот же клиент остаётся в одной группе на протяжении теста.\n", "ab-no-split-unit", []),
    ("## A/B test\nThe same customer always stays in the same group.\n", "ab-no-split-unit", []),
    ("## A/B test\n50% of requests are slower than 200 ms.\n", "ab-no-split-unit", [(1, "ab-no-split-unit")]),
])
def test_decision_tables_and_request_groups(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # the question a pilot answers is its hypothesis
    ("## Pilot\nDoes the pre-check cut rejections enough to pay for itself?\n", "ab-no-hypothesis", []),
    ("## Пилот\nСнижает ли проверка долю отказов настолько, чтобы окупиться?\n", "ab-no-hypothesis", []),
    ("## Pilot\nDoes the model run on a GPU?\n", "ab-no-hypothesis", [(1, "ab-no-hypothesis")]),
    # groups of named units in a pilot table
    ("## Pilot\n| Role | Who |\n|---|---|\n| Pilot group | Two departments, about 60 travellers |\n"
     "| Comparison group | Two similar departments |\n", "ab-no-split-unit", []),
    ("## Пилот\nПилотная группа — два отдела, сравнение — два похожих отдела; отделы распределены случайно.\n",
     "ab-no-split-unit", []),
    # a user's added effort under a cap, a cost cap in dollars
    ("## Pilot\n### Success metrics\n| Metric | Target |\n|---|---|\n| Employee minutes added | ≤ 1 minute per claim |\n",
     "ab-no-guardrail-metric", []),
    ("## Pilot\n### Success metrics\n- Model cost per 100 claims: alert above US$1\n", "ab-no-guardrail-metric", []),
    # a go / no-go heading and a stop label over its condition
    ("## Pilot\n### Go / no-go criteria\n* Go: primary effect with the 95% interval excluding zero.\n",
     "ab-no-stop-criteria", []),
    ("## Pilot\n* **Stop:** treatment territories show a materially worse recovery per visit.\n",
     "ab-no-stop-criteria", []),
    ("## Пилот\n* **Стоп:** в тестовых районах заметно хуже сборы.\n", "ab-no-stop-criteria", []),
    ("## Pilot\nStop: 10 min walk from the station.\n", "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
])
def test_pilot_questions_groups_and_go_no_go(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # a random choice on every request names the request as the unit
    ("## A/B-тест\nПри каждом запросе к /predict сервер случайным образом выбирает модель.\n", "ab-no-split-unit", []),
    ("## A/B test\nOn every request the server picks a model at random.\n", "ab-no-split-unit", []),
    ("## A/B test\nEvery request is logged with a random trace id.\n", "ab-no-split-unit", [(1, "ab-no-split-unit")]),
    # the lose branch: the old model stays in production
    ("## A/B-тест\nЕсли хотя бы одно условие не выполнено — в production остаётся модель v1.\n",
     "ab-no-stop-criteria", []),
    # a second metric that must not get worse
    ("## A/B-тест\nv2 лучше, если F1 выше и Recall (v2) ≥ Recall (v1) — новая модель не стала хуже находить дефолты.\n",
     "ab-no-guardrail-metric", []),
])
def test_request_units_lose_branches_and_held_metrics(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md", [
    # review: the model's own business logic and statistics words are no decision on the test
    "## A/B test\nTreatment arm: if the PD score is above 0.3 → reject the application automatically.\n",
    "## A/B test\nThe treatment model is deployed behind a feature flag; when the test starts we log both scores.\n",
    "## A/B test\nThe model rejects applications when the score is below 0.3.\n",
    "## A/B-тест\nМодель отклоняет заявку, если скор ниже 0.3.\n",
    "## A/B-тест\nСтандартное отклонение конверсии, когда выборка мала, оценим бутстрепом.\n",
    "## A/B-тест\nЦель теста — оценить эффект внедрения модели при условии сохранения SLA.\n",
    "## A/B-тест\nСледим за долей отмен заказов в пилотных городах.\n",
    "## A/B test\n| Condition | Outcome |\n|---|---|\n| diabetes | readmission |\n",
    "## A/B test\n**Pause:** users can pause recommendations; pause rate is above 2% today.\n",
])
def test_business_logic_is_no_decision_rule(md):
    assert check(md, "ab-no-stop-criteria") == [(1, "ab-no-stop-criteria")]


@pytest.mark.parametrize("md, rule", [
    # review: monitoring that detects a change is no MDE; an effect with no size computed sizes nothing
    ("## A/B test\nTwo weeks.\n## Monitoring\nAlerting will detect a 10% drop in orders within 15 minutes.\n",
     "ab-no-power-or-mde"),
    ("## A/B test\nTwo weeks. The drift monitor fires on detecting a 10% shift in daily volume.\n", "ab-no-power-or-mde"),
    ("## A/B-тест\nДве недели. Алерт должен обнаружить падение выручки на 10% в течение часа.\n", "ab-no-power-or-mde"),
    ("## A/B test\nExpected effect: +2% conversion (from the pilot).\nSample size: not computed yet.\n",
     "ab-no-power-or-mde"),
    # segments that are halves, a pre-period as control, people sharing feedback are no split
    ("## A/B test\nAbout half of our customers are new, half are returning; we report both segments.\n",
     "ab-no-split-unit"),
    ("## A/B test\nControl group: 4 weeks before the launch (pre-period).\n", "ab-no-split-unit"),
    ("## A/B-тест\nУчастники пилота делятся отзывами в общем чате.\n", "ab-no-split-unit"),
    # the primary metric's growth is no guardrail; an open question is no hypothesis
    ("## A/B test\nWe expect time spent on the feed to grow by at least 2%.\n", "ab-no-guardrail-metric"),
    ("## A/B test\nOpen question: will the new ranker increase latency beyond the budget?\n", "ab-no-hypothesis"),
    ("## A/B-тест\nОткрытый вопрос: увеличит ли ранкер задержку?\n", "ab-no-hypothesis"),
])
def test_review_lookalikes_still_fire(md, rule):
    assert check(md, rule) == [(1, rule)]


@pytest.mark.parametrize("md, rule, expected", [
    # a request with an adjective, a held metric in the first person, a hyphen before the lose branch
    ("## A/B-тест\nКаждый входящий запрос случайно назначается в группу A (v1) или группу B (v2).\n",
     "ab-no-split-unit", []),
    ("## A/B-тест\nПереходим на v2, если F1 выше и Recall(v2) ≥ Recall(v1) (не ухудшаем главную бизнес-метрику).\n",
     "ab-no-guardrail-metric", []),
    ("## A/B-тест\nЕсли v2 хуже или не даёт значимого улучшения - остаёмся на v1.\n", "ab-no-stop-criteria", []),
    ("## A/B-тест\nЕсли данных меньше - остаёмся на связи с командой.\n", "ab-no-stop-criteria",
     [(1, "ab-no-stop-criteria")]),
])
def test_russian_request_units_held_metrics_and_hyphen_branches(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md", [
    # a stop/go review decides the pilot like a go / no-go
    "## Пилот\n| Неделя | Режим |\n|---|---|\n| 4 | decision review: метрики, стоимость, stop/go решение |\n",
    "## Pilot\n| Week | Mode |\n|---|---|\n| 4 | decision review: metrics, cost, go/stop decision |\n",
])
def test_stop_go_review_is_a_decision_rule(md):
    assert check(md, "ab-no-stop-criteria") == []


@pytest.mark.parametrize("md, rule, expected", [
    # a launch rule with the condition first: the metric with the bar decides, the one held
    # stable guards
    ("## A/B test\n- If v2 recall ↑ ≥5% and precision stable → promote v2 to 100%\n", "ab-no-primary-metric", []),
    ("## A/B test\n- If v2 recall ↑ ≥5% and precision stable → promote v2 to 100%\n", "ab-no-guardrail-metric", []),
    ("## A/B-тест\n- Если recall v2 вырос на 5% и precision стабилен → раскатываем v2 на 100%\n",
     "ab-no-primary-metric", []),
    ("## A/B-тест\n- Если recall v2 вырос на 5% и precision стабилен → раскатываем v2 на 100%\n",
     "ab-no-guardrail-metric", []),
    # an outage rule names no metric; a stable split is no guardrail
    ("## A/B test\nIf the service is down → deploy the old version.\n", "ab-no-primary-metric",
     [(1, "ab-no-primary-metric")]),
    ("## A/B-тест\nЕсли сервис упал → переключаем на старую версию.\n", "ab-no-primary-metric",
     [(1, "ab-no-primary-metric")]),
    ("## A/B test\nIf recall rises by 5% → promote. The split remains stable.\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nЕсли конверсия выросла → раскатываем. Сплит остаётся стабильным.\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
])
def test_condition_first_launch_rules(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # graduation criteria: a p-value bar either way, a metric held "equal or better", no regression
    ("## A/B test\nReplace the model when lift is not significantly worse (p-value > 0.05, z-test).\n",
     "ab-no-significance-level", []),
    ("## A/B test\nShip if the p-value is below 0.05.\n", "ab-no-significance-level", []),
    ("## A/B-тест\nРаскатываем, если p-value ниже 0,05.\n", "ab-no-significance-level", []),
    ("## A/B-тест\nРаскатываем, если рост выше 0,05.\n", "ab-no-significance-level",
     [(1, "ab-no-significance-level")]),
    # an A/A check's "p > 0.05" is its outcome, not the test's α
    ("## A/B test\nA/A week first: the groups must not differ (p > 0.05).\n", "ab-no-significance-level",
     [(1, "ab-no-significance-level")]),
    ("## A/B-тест\nСначала A/A-неделя: различие должно быть незначимым (p-value выше 0,05).\n",
     "ab-no-significance-level", [(1, "ab-no-significance-level")]),
    ("## A/B test\nShip when: 1. Precision is equal or better. 2. No regression on internal metrics.\n",
     "ab-no-guardrail-metric", []),
    ("## A/B-тест\nРаскатываем, если precision не хуже текущей и нет регрессии по внутренним метрикам.\n",
     "ab-no-guardrail-metric", []),
    ("## A/B test\nShip when conversion is up; we need no less than a month of data.\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nРаскатываем, если конверсия выросла; данных не меньше месяца.\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
])
def test_graduation_criteria(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # spans of time that are not the test's run: a forecast horizon, a data or
    # training window, a rate, a metric's window, the project's or a team's
    # time, a vague "several weeks", "2D" as a dimension
    ("## Pilot\nMAPE < 10% at a forecast horizon of 3 months.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nWe score a 3-month horizon.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nPR-AUC ≥ 0.3 on the last month held out.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nUse interactions from the past 3 weeks to train the model.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nThe model is trained on the first 11 months.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nUsers open the app 3 times a week.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nGPU cost: ~$50-100/month.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nHosting costs $200 a month.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nRetention rate (7 days) ≥ 60%.\n", [(1, "ab-no-duration")]),
    ("## Pilot\n30-day retention of the treatment group grows.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nThe project must be completed within 6 months.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nSalaries of 3 ML engineers over 2-4 months.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nThe business can use it in test mode for several weeks.\n", [(1, "ab-no-duration")]),
    ("## Pilot\nCompare IoU of the production model and the R&D 2D model.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nMAPE < 10% на горизонте 3 месяцев.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nДоверие к прогнозу растёт на горизонте нескольких месяцев.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nИстория за 1 год → обучаемся на 11 месяцев, прогнозируем на 1.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nБерём данные за последние три недели для обучения.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nПереобучение один раз в месяц.\n", [(1, "ab-no-duration")]),
    ("## Пилот\n80% пользователей генерируют меню ≥ 2 раз за неделю.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nИздержки: GPU ~$50-100/месяц.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nRetention rate (7 дней) ≥ 60%.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nПроект должен быть завершён в течение 6 месяцев, включая пилотный запуск.\n",
     [(1, "ab-no-duration")]),
    ("## Пилот\nРазумный срок для завершения разработки — от 6 до 8 недель.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nЗарплаты 3 МЛ специалистов на период от 2 - 4 месяцев.\n", [(1, "ab-no-duration")]),
    ("## Пилот\nБизнес использует прогноз в тестовом режиме несколько недель подряд.\n",
     [(1, "ab-no-duration")]),
    # the test's own length still counts beside them
    ("## Pilot\nThe pilot runs 4 weeks; the forecast horizon is 3 months.\n", []),
    ("## Pilot\nWe train on the past 6 months and run the test for two weeks.\n", []),
    ("## Pilot\nThe test lasts a month.\n", []),
    ("## Pilot\nDuration: 14d.\n", []),
    ("## Пилот\nПилот длится 4 недели, горизонт прогноза — 3 месяца.\n", []),
    ("## Пилот\nОбучаемся на 11 месяцах истории, тест идёт 2 недели.\n", []),
    ("## Пилот\nТест проводим в течение месяца.\n", []),
])
def test_spans_that_are_not_the_run(md, expected):
    assert check(md, "ab-no-duration") == expected


@pytest.mark.parametrize("md, expected", [
    # a metric that may not worsen "critically", or whose growth is capped, is a guardrail
    ("## Pilot\nThe pilot succeeds if BERT cuts misses by 20% and does not degrade the UX critically.\n", []),
    ("## Pilot\nThe increase in false blocks is no more than +10% over baseline A.\n", []),
    ("## Пилот\nBERT не ухудшает бизнес-UX критично.\n", []),
    ("## Пилот\nРост ложных блокировок не больше +10% к baseline A.\n", []),
    # a floor on the primary metric's growth, or a growth target, is not
    ("## Pilot\nThe increase in conversion is at least 5%.\n", [(1, "ab-no-guardrail-metric")]),
    ("## Пилот\nРост конверсии не менее 5%.\n", [(1, "ab-no-guardrail-metric")]),
    ("## Пилот\nУвеличение выручки до 10%.\n", [(1, "ab-no-guardrail-metric")]),
])
def test_guardrails_held_by_a_bound_on_their_growth(md, expected):
    assert check(md, "ab-no-guardrail-metric") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # the losing branch with its action is a stop criterion
    ("## A/B test\nIf the challenger loses or is inconclusive\n- Reset the traffic split to 100/0 (all traffic to champion)\n",
     "ab-no-stop-criteria", []),
    ("## A/B-тест\nЕсли челленджер проигрывает:\n- возвращаем весь трафик чемпиону\n", "ab-no-stop-criteria", []),
    ("## A/B test\nIf the challenger loses, we learn something.\n", "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
    # a latency the challenger must keep within its SLA is a guardrail of the test
    ("## A/B test\n| Metric | How to compare |\n|---|---|\n| P95 latency | Challenger must meet SLA |\n",
     "ab-no-guardrail-metric", []),
    ("## A/B-тест\n| Метрика | Как сравниваем |\n|---|---|\n| P95 латентность | Челленджер должен укладываться в SLA |\n",
     "ab-no-guardrail-metric", []),
])
def test_losing_branches_and_sla_guardrails(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # the test's own length beside words the not-the-run excludes know
    ("## A/B test\nWe collect 3 weeks of user interactions per arm.\n", "ab-no-duration", []),
    ("## A/B test\nPrimary metric: D7 retention; duration: 3 weeks.\n", "ab-no-duration", []),
    ("## A/B-тест\nОсновная метрика: отток, срок 3 недели.\n", "ab-no-duration", []),
    ("## A/B test\nOnce the MVP is live, the A/B test will take 3 weeks.\n", "ab-no-duration", []),
    ("## A/B-тест\nПосле реализации MVP тест займёт 4 недели.\n", "ab-no-duration", []),
    ("## A/B test\nThe new ranker is shown to 5000 people over 2 weeks.\n", "ab-no-duration", []),
    ("## A/B-тест\nВ тест попадут 5000 человек на 2 недели.\n", "ab-no-duration", []),
    ("## A/B test\nExperiment horizon: 2 weeks.\n", "ab-no-duration", []),
    ("## A/B-тест\nНабираем выборку за 2 недели.\n", "ab-no-duration", []),
    ("## A/B-тест\nСрок завершения эксперимента — 3 недели.\n", "ab-no-duration", []),
    # an expected uplift capped from above is no guardrail; nor is a decision on the primary metric
    ("## A/B test\nThe expected increase in CTR is at most 2%, so we need 200k users per arm.\n",
     "ab-no-guardrail-metric", [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nОжидаемый рост конверсии не больше 2%.\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
    ("## A/B-тест\nЕсли новая модель не снижает отток значимо, оставляем старую.\n", "ab-no-guardrail-metric",
     [(1, "ab-no-guardrail-metric")]),
    # a timeout fallback of the service is no stop criterion of the test
    ("## A/B test\nSplit by user.\n## Requirements\nIf the new model fails to respond within 200 ms, the service "
     "returns the cached score.\n", "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
    ("## A/B-тест\nСплит по пользователям.\n## Требования\nЕсли новая модель не даёт ответа за 200 мс, возвращаем "
     "кэшированный скор.\n", "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
])
def test_review_look_alikes_of_this_sessions_wordings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # a bootstrap interval of the arms' difference fixes its level by its percentiles
    ("## A/B test\nBootstrap; compute the arm difference each time and take the 2.5th and 97.5th percentiles "
     "as the interval.\n", "ab-no-significance-level", []),
    ("## A/B-тест\nБутстреп: берём 2,5 и 97,5 перцентили разницы между группами.\n", "ab-no-significance-level", []),
    ("## A/B test\nBootstrap the difference 10,000 times.\n",
     "ab-no-significance-level", [(1, "ab-no-significance-level")]),
    # review: percentiles that clip data or bound a forecast set no α
    ("## A/B test\nSplit by user.\n## Model\nPrices are clipped to the 2.5–97.5 percentile range before training.\n",
     "ab-no-significance-level", [(1, "ab-no-significance-level")]),
    ("## A/B test\nSplit by user.\n## Model\nPrediction intervals are taken from the 2.5th and 97.5th percentiles "
     "of the bootstrap residuals.\n", "ab-no-significance-level", [(1, "ab-no-significance-level")]),
    ("## A/B-тест\nСплит по пользователям.\n## Модель\nЦены обрезаем по 2,5 и 97,5 перцентилям перед обучением.\n",
     "ab-no-significance-level", [(1, "ab-no-significance-level")]),
    # review: a "Stop" row holding a date is the timeline's end, not a stop rule
    ("## A/B test\n| Phase | Date |\n|---|---|\n| Stop | 15 March (traffic in the first week will be below normal) |\n",
     "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
    ("## A/B-тест\n| Этап | Дата |\n|---|---|\n| Остановка | 15 марта (трафик будет ниже обычного) |\n",
     "ab-no-stop-criteria", [(1, "ab-no-stop-criteria")]),
])
def test_bootstrap_levels_and_dated_stop_rows(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # a "Primary:" / «Основная:» label line under the metrics names the test's primary metric
    ("## Metrics\nPrimary: conversion to order.\nSecondary: CTR.\n## A/B test\nUsers split 50/50 by user id "
     "for 2 weeks.\n", []),
    ("## Метрики\nОсновная: F1-score для класса дефолта.\nДополнительная: Precision.\n## A/B-тест\nДелим "
     "пользователей 50/50 по user id на 2 недели.\n", []),
    # a list of metrics with no label names none
    ("## Metrics\nConversion, CTR.\n## A/B test\nUsers split 50/50 by user id for 2 weeks.\n",
     [(3, "ab-no-primary-metric")]),
])
def test_a_primary_label_line_names_the_primary_metric(md, expected):
    assert check(md, "ab-no-primary-metric") == expected


@pytest.mark.parametrize("md, expected", [
    # a formal early-stop rule is a stop criterion
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks. Analysis: sequential monitoring with alpha "
     "spending.\n", []),
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks; O'Brien-Fleming bounds at each weekly look.\n", []),
    ("## A/B-тест\nДелим по user id на 2 недели. Анализ: последовательное тестирование с поправкой.\n", []),
    # "sequential" about something else is none
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks. Features are built in sequential order.\n",
     [(1, "ab-no-stop-criteria")]),
])
def test_sequential_testing_is_a_stop_rule(md, expected):
    assert check(md, "ab-no-stop-criteria") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # review: a label line over no metric names no primary metric; a sequential design ruled out, or
    # "sequential" about the model, is no stop rule
    ("## A/B test\nUsers split 50/50 by user_id for 3 weeks.\nSamples:\n- Main: 20% of iOS users in the EU\n- Control: 20% of iOS users in the EU\n", "ab-no-primary-metric", [(1, 'ab-no-primary-metric')]),
    ("## A/B test\nUsers split 50/50 by user_id for 3 weeks.\nOwners:\n- Primary: @ivanov (ML on-call)\n", "ab-no-primary-metric", [(1, 'ab-no-primary-metric')]),
    ("## A/B-тест\nДелим пользователей 50/50 по user_id на 3 недели.\nГипотезы:\n- Основная: новый ранжировщик понравится пользователям.\n", "ab-no-primary-metric", [(1, 'ab-no-primary-metric')]),
    ("## A/B test\nUsers split 50/50 by user_id for 3 weeks.\nWe do not use sequential monitoring or alpha spending: one fixed-horizon test.\n", "ab-no-stop-criteria", [(1, 'ab-no-stop-criteria')]),
    ("## A/B-тест\nДелим пользователей 50/50 по user_id на 3 недели.\nПоследовательное тестирование не применяем: один тест фиксированной длины.\n", "ab-no-stop-criteria", [(1, 'ab-no-stop-criteria')]),
    ("## Requirements\nScores daily.\nSequential analysis of user sessions feeds the model.\n## A/B test\nUsers split 50/50 by user_id for 3 weeks.\n", "ab-no-stop-criteria", [(4, 'ab-no-stop-criteria')]),
    ("## Требования\nСкоры раз в день.\nПоследовательная проверка документов: сначала OCR, потом классификатор.\n## A/B-тест\nДелим пользователей 50/50 по user_id на 3 недели.\n", "ab-no-stop-criteria", [(4, 'ab-no-stop-criteria')]),
])
def test_review_look_alikes_of_primary_and_stop_readings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # a decision-rule section of its own, outside the A/B section, decides the test
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks.\n## Decision rule\nAfter 5000 predictions per "
     "version:\n- Accept v2 if its error rate is within 2 points of v1's.\n- Otherwise keep v1.\n", []),
    ("## A/B-тест\nДелим пользователей 50/50 по user id на 2 недели.\n## Правило принятия решения\n"
     "Раскатываем v2, если конверсия значимо выше; иначе оставляем v1.\n", []),
    # a rule engine's "decision rules" decide payments, not the test
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks.\n## Decision rules\nDecline the payment if the "
     "score is above 0.9.\n", [(1, "ab-no-stop-criteria")]),
    ("## A/B-тест\nДелим пользователей 50/50 по user id на 2 недели.\n## Правило принятия решения\n"
     "Отклоняем заявку, если скор выше 0,9.\n", [(1, "ab-no-stop-criteria")]),
    # review: a section that decides a payment, an agent loop or training, not the test's arms
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks.\n## Decision rules\nThe scoring service accepts "
     "the payment when the score is below 0.3 and declines it above 0.8.\n", [(1, "ab-no-stop-criteria")]),
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks.\n## Stopping criteria\nWe revert to the best "
     "checkpoint if validation loss rises for 3 epochs in a row.\n", [(1, "ab-no-stop-criteria")]),
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks.\n## Launch criteria\nWe deploy the model server "
     "only when the load test sustains 2,000 RPS at p99 < 150 ms.\n", [(1, "ab-no-stop-criteria")]),
    ("## A/B-тест\nДелим пользователей 50/50 по user id на 2 недели.\n## Правило принятия решения\n"
     "Заявку переводим на ручную проверку, если скор между 0.4 и 0.7.\n", [(1, "ab-no-stop-criteria")]),
    # review: an uplift model's targeting rule, a genomic variant
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks.\n## Decision rule\nTarget a customer when the "
     "treatment response exceeds the control group response by 2 points.\n", [(1, "ab-no-stop-criteria")]),
    ("## A/B test\nUsers split 50/50 by user id for 2 weeks.\n## Decision rule\nA variant is reported as "
     "pathogenic if its score is above 0.9; otherwise it is kept as uncertain.\n", [(1, "ab-no-stop-criteria")]),
    ("## A/B-тест\nДелим пользователей 50/50 по user id на 2 недели.\n## Правило принятия решения\n"
     "Клиента берём в кампанию, если отклик в тестовой группе выше, чем в контрольной группе.\n",
     [(1, "ab-no-stop-criteria")]),
])
def test_a_decision_rule_section_decides_the_test(md, expected):
    assert check(md, "ab-no-stop-criteria") == expected


@pytest.mark.parametrize("md, expected", [
    # a breach named as the signal to stop the test is a stop rule
    ("## A/B-тест\nСплит по user id, две недели.\nЛюбая утечка данных — сигнал к остановке пилота.\n", []),
    # a stop sign, a robot's or a recorder's stop signal, or grounds to suspend an account is none
    ("## A/B test\nSplit by user id, two weeks.\nThe stop signal icon turns red in the UI.\n",
     [(1, "ab-no-stop-criteria")]),
    ("## Requirements\nThe endpointer must close the utterance: 700 ms of silence is a stop signal for the "
     "recorder.\n## A/B test\nSplit by user id, two weeks.\n", [(3, "ab-no-stop-criteria")]),
    ("## A/B test\nSplit by user id, two weeks.\nThe warning screen acts as a stop signal for the transfer.\n",
     [(1, "ab-no-stop-criteria")]),
    ("## A/B-тест\nСплит по user id, две недели.\nСигнал светофора к остановке распознаёт модель.\n",
     [(1, "ab-no-stop-criteria")]),
    ("## Требования\nМодель находит операции, которые дают основания для приостановки операций по счёту.\n"
     "## A/B-тест\nСплит по user id, две недели.\n", [(3, "ab-no-stop-criteria")]),
    ("## Требования\nЖест «ладонь вперёд» — сигнал к остановке робота.\n## A/B-тест\nСплит по user id, "
     "две недели.\n", [(3, "ab-no-stop-criteria")]),
    ("## A/B-тест\nСплит по user id, две недели. Основная метрика — доля верно распознанных стоп-сигналов.\n",
     [(1, "ab-no-stop-criteria")]),
])
def test_a_breach_named_as_a_stop_signal(md, expected):
    assert check(md, "ab-no-stop-criteria") == expected


@pytest.mark.parametrize("md, expected", [
    # a hash over the unit's id written as a call assigns the arms
    ("## A/B test\nPrimary metric: retention; two weeks.\n### Assignment\n- **Method:** deterministic hash — "
     "`hash(subscriber_id + test_id) mod 100`.\n", []),
    ("## A/B-тест\nОсновная метрика — удержание; две недели.\nНазначение группы: `hash(subscriber_id) % 100`.\n", []),
    # review: a hash over another id, a pseudonymising hash, or hashing in logging code
    ("## A/B test\nPrimary metric: retention; two weeks.\nRuns are tagged with hash(model_id + git_sha).\n",
     [(1, "ab-no-split-unit")]),
    ("## A/B test\nPrimary metric: retention; two weeks.\nLogs keep hash_pii(member_id) only.\n",
     [(1, "ab-no-split-unit")]),
    ("## A/B test\nPrimary metric: retention; two weeks.\n```python\nlog.info(hashlib.sha256(SALT + player_id))\n```\n",
     [(1, "ab-no-split-unit")]),
    # a hash of something else assigns nothing
    ("## A/B test\nPrimary metric: retention; two weeks.\nWe cache hash(document_text) to skip duplicates.\n",
     [(1, "ab-no-split-unit")]),
    ("## A/B-тест\nОсновная метрика — удержание; две недели.\nКэшируем hash(text) для дедупликации.\n",
     [(1, "ab-no-split-unit")]),
])
def test_a_hash_call_over_the_unit_id_is_the_split(md, expected):
    assert check(md, "ab-no-split-unit") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # second review: look-alikes of this session's readings (each read right before it too)
    ('## Requirements\nNo raw card numbers in feature logs: any PAN found by the nightly scanner is a stop-and-investigate event for the data team.\n## A/B test\nUsers are split 50/50 by user_id for 14 days. Primary metric: conversion rate; α = 0.05, power 0.8, MDE 1%.\n',
     'ab-no-stop-criteria', [(3, 'ab-no-stop-criteria')]),
    ('## A/B test\nUsers are split 50/50 by user_id for 14 days. Primary metric: conversion rate; α = 0.05, power 0.8, MDE 1%.\n## Metrics\nData quality: a null rate above 5% in any input feature is a stop-and-investigate event for the pipeline.\n',
     'ab-no-stop-criteria', [(1, 'ab-no-stop-criteria')]),
    ('## Requirements\nLoad test: 2,000 RPS for an hour; a 5xx rate above 1% is a stop-and-investigate event.\n## A/B test\nUsers are split 50/50 by user_id for 14 days. Primary metric: conversion rate; α = 0.05, power 0.8, MDE 1%.\n',
     'ab-no-stop-criteria', [(3, 'ab-no-stop-criteria')]),
    ('## A/B test\nUsers are split 50/50 by user_id for 14 days. Primary metric: conversion rate; α = 0.05, power 0.8, MDE 1%.\n## Decision rule\nA customer gets the coupon if the predicted uplift (treatment response minus control group response) is above 2 p.p.; otherwise we keep the current offer.\n',
     'ab-no-stop-criteria', [(1, 'ab-no-stop-criteria')]),
    ('## A/B-тест\nПользователи делятся 50/50 по user_id на 14 дней. Основная метрика — конверсия; α = 0.05, мощность 0.8, MDE 1%.\n## Правило принятия решения\nКупон получает клиент, у которого прогнозный аплифт (отклик тестовой группы минус отклик контрольной группы) выше 2 п.п.; иначе оставляем текущее предложение.\n',
     'ab-no-stop-criteria', [(1, 'ab-no-stop-criteria')]),
])
def test_second_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # third review: look-alikes of this session's readings (each read right before it too)
    ('## A/B test\nControl: ranking v1; treatment: v2. 50/50, two weeks; primary metric: CTR; α = 0.05.\nEach logged score carries hash(model_id + git_sha) so we know which ranker produced it.\n',
     'ab-no-split-unit', [(1, 'ab-no-split-unit')]),
    ('## A/B-тест\nКонтроль — ранжирование v1, тест — v2. 50/50, две недели; основная метрика — CTR; α = 0,05.\nКаждый скор в логе помечаем hash(model_id + git_sha), чтобы знать, какой ранкер его выдал.\n',
     'ab-no-split-unit', [(1, 'ab-no-split-unit')]),
    ('## A/B test\nControl: ranking v1; treatment: v2. 50/50, two weeks; primary metric: CTR; α = 0.05.\nThe feature cache is keyed by hash(item_id, feature_version), so both arms read the same features.\n',
     'ab-no-split-unit', [(1, 'ab-no-split-unit')]),
    ('## A/B test\nControl: ranking v1; treatment: v2. 50/50, two weeks; primary metric: CTR; α = 0.05.\nLogs keep only hash_pii(member_id), never the raw id.\n',
     'ab-no-split-unit', [(1, 'ab-no-split-unit')]),
    ('## A/B-тест\nКонтроль — ранжирование v1, тест — v2. 50/50, две недели; основная метрика — CTR; α = 0,05.\nВ логах храним только hash_pii(member_id), без исходного идентификатора.\n',
     'ab-no-split-unit', [(1, 'ab-no-split-unit')]),
    ("## A/B test\nControl: ranking v1; treatment: v2. 50/50, two weeks; primary metric: CTR; α = 0.05.\n```python\nrow = {'player': hashlib.sha256(SALT + player_id).hexdigest(), 'arm': arm, 'ts': ts}\n```\n",
     'ab-no-split-unit', [(1, 'ab-no-split-unit')]),
    ("## A/B-тест\nКонтроль — ранжирование v1, тест — v2. 50/50, две недели; основная метрика — CTR; α = 0,05.\nЛогирование показа:\n```python\nrow = {'merchant': hashlib.sha256(SALT + merchant_id).hexdigest(), 'arm': arm}\n```\n",
     'ab-no-split-unit', [(1, 'ab-no-split-unit')]),
])
def test_third_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # fourth review: look-alikes of this session's readings (each read right before it too)
    ('## A/B-тест\nРандомизация по заявкам 50/50, 6 недель. Основная метрика — уровень одобрения при том же уровне дефолтов.\n## Риски\n- Жалобы клиентов в соцсетях могут стать для банка поводом для прекращения пилота; готовим FAQ для поддержки.\n',
     'ab-no-stop-criteria', [(1, 'ab-no-stop-criteria')]),
    ('## A/B-тест\nРайоны делятся 50/50, 6 недель. Основная метрика — выручка на заказ.\n## Риски\n- Если клиенты заметят разницу в тарифах между районами, это может стать поводом для прекращения эксперимента со стороны регионального руководства; заранее согласуем коммуникацию.\n',
     'ab-no-stop-criteria', [(1, 'ab-no-stop-criteria')]),
])
def test_fourth_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected
