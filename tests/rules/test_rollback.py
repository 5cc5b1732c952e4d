"""Rollback rules (DD251–DD253)."""

from __future__ import annotations

import pytest

from _content import check

TRIG = "rollback-no-trigger"
ACT = "rollback-no-action"
OWNER = "rollback-no-owner"


@pytest.mark.parametrize("md, expected", [
    ("## Rollback plan\nIf precision falls below 0.25 for two weeks, revert to the rules.\n", []),
    ("## План отката\nЕсли доля проверок превысит 1% за час — флаг отключает модель.\n", []),
    ("## Rollback plan\nWe can switch back to the previous model.\n", [(1, TRIG)]),
    ("## План отката\nМожно вернуться к предыдущей версии.\n", [(1, TRIG)]),
    ("## Rollback\n| Trigger | Action |\n|---|---|\n| p99 > 300 ms | flag off |\n", []),
    ("## Откат\n| Условие | Действие |\n|---|---|\n| рост жалоб | откат |\n", []),
    ("## Goals\nX.\n", []),
    ("## Fallback\nIn case of model failing - operators check the users manually.\n", []),
])
def test_rollback_no_trigger(md, expected):
    assert check(md, TRIG) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Rollback plan\nIf error rate exceeds 1%, a feature flag switches back to the rules.\n", []),
    ("## План отката\nПри росте ошибок возвращаемся к предыдущей версии модели.\n", []),
    ("## Rollback plan\nWe watch error rate and latency closely.\n", [(1, ACT)]),
    ("## План отката\nСледим за ошибками и задержкой.\n", [(1, ACT)]),
    ("## Fallback\nIf the LLM vendor errors, the tool shows the top BM25 paragraphs instead.\n", []),
    ("## Откат\nЕсли сервис недоступен, работают только правила.\n", []),
    ("## Rollback\n| Trigger | Action |\n|---|---|\n| p99 > 300 ms | page on-call |\n", []),
    # the action described under deployment
    ("## Rollback plan\nIf latency > 300 ms.\n## Deployment\nA kill switch reverts to the baseline.\n", []),
    # a batch job's fallback: nothing new goes out, the last scores stay
    ("## Failure handling\nIf data checks fail, no outputs are published and the on-call analyst re-runs it.\n", []),
    ("## Действия при сбое\nЕсли проверки данных не прошли, новые скоры не публикуются, дежурный аналитик "
     "перезапускает расчёт.\n", []),
    # people take the work over by hand, on a model failure
    ("## Fallback\nIn case of model failing - operators check the complained-about users manually.\n", []),
    ("## Фолбэк\nВ случае отказа модели операторы проверяют жалобы вручную.\n", []),
    ("## Fallback\nIf recall drops, we label 100 more examples.\n", [(1, ACT)]),
    ("## Fallback\nIf recall drops, we label 100 more examples manually and retrain.\n", [(1, ACT)]),
    ("## Fallback\nIf recall drops, the on-call manually checks the dashboard.\n", [(1, ACT)]),
    ("## Фолбэк\nЕсли полнота падает, дежурный вручную проверяет дашборд.\n", [(1, ACT)]),
    ("## Фолбэк\nПри отказе модели операторы рассматривают заявки вручную.\n", []),
    # the simple substitute takes over
    ("## Fallback\n- Use keyword heuristic if model confidence is low or the service is down.\n", []),
    ("## Фолбэк\n- Используем эвристику по ключевым словам, если уверенность модели низкая.\n", []),
    ("## Fallback\nWe use rules written by analysts to label the training set.\n", [(1, ACT)]),
    # review: how the trigger is detected, or routing before launch, is no action
    ("## Rollback plan\nMisrouted tickets are detected using the reassignment heuristic when an agent "
     "moves a ticket.\n", [(1, ACT)]),
    ("## Rollback plan\nThe alert uses the Prometheus rules when p99 latency exceeds 500 ms.\n", [(1, ACT)]),
    ("## План отката\nАлерт использует правила Prometheus, когда p99 превышает 500 мс.\n", [(1, ACT)]),
    ("## План отката\nДо запуска маршрутизация использует правила, пока операторы размечают обращения.\n",
     [(1, ACT)]),
])
def test_rollback_no_action(md, expected):
    assert check(md, ACT) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Rollback plan\nIf errors > 1%, the on-call engineer reverts to the previous model.\n", []),
    ("## План отката\nРешение об откате принимает дежурный инженер.\n", []),
    ("## Rollback plan\nIf error rate exceeds 1%, revert to the previous model.\n", [(1, OWNER)]),
    ("## План отката\nЕсли ошибок больше 1%, откатываемся.\n", [(1, OWNER)]),
    ("## Rollback plan\nIf missed anomalies rise by 100%, notify ML Engineers and switch back.\n", []),
    ("## План отката\nЕсли пропуски выросли вдвое, уведомляем ML-инженеров и откатываемся.\n", []),
    # review: "leads to" and the people who only see the effect own nothing
    ("## Rollback plan\nIf error rate exceeds 1%, which usually leads to user complaints, we revert.\n", [(1, OWNER)]),
    ("## Rollback plan\nIf error rate exceeds 1%, we revert. Store managers then see the old list.\n", [(1, OWNER)]),
    # "lead" as a verb and "decide" as an endpoint or a command's argument name no one
    ("## Fallback\nIf silhouette < 0.2, report it and lead with ML-1.\n", [(1, OWNER)]),
    ("## Rollback\nIf /decide p99 rises by 20%, revert to the previous bundle.\n", [(1, OWNER)]),
    ("## Rollback\nIf errors exceed 1%, `canary --action decide` reverts the bundle.\n", [(1, OWNER)]),
    ("## Rollback\nIf errors exceed 1%, the data science lead reverts the bundle.\n", []),
    # review: a person or a role that will lead the rollback, or "reviews/decides", is an owner
    ("## Rollback plan\nIf AUC drops below 0.78, Anna Smirnova will lead the rollback to v3.\n", []),
    ("## Rollback plan\nIf the error rate exceeds 2%, the developer on duty or lead reverts.\n", []),
    ("## Rollback plan\nIf catch rate falls below 80%, the PM reviews/decides on switching back.\n", []),
    ("## Rollback\n| Trigger | Action | Owner |\n|---|---|---|\n| errors | revert | Kim |\n", []),
    # a runbook's escalation part names who owns the rollout
    ("## Rollback plan\nIf error rate exceeds 1%, revert.\n## Contact & Escalation\n**Canary Owner**: Backend Team\n", []),
    ("## План отката\nЕсли ошибок больше 1%, откатываемся.\n## Эскалация\nДежурный инженер платформы.\n", []),
    ("## Rollback plan\nIf error rate exceeds 1%, revert.\n## Contact & Escalation\nSee the wiki.\n", [(1, OWNER)]),
    # an appendix titled for rollback is read whole
    ("## Rollback plan\nIf error rate exceeds 1%, revert.\n## Appendix B: Rollback checklist\n"
     "- [ ] Traffic router set to the old model\n- [ ] Alert sent to oncall\n", []),
    # an owner word in a title names no one
    ("## Rollback plan\nIf error rate exceeds 1%, revert.\n## Data ownership\nSee the data catalogue.\n", [(1, OWNER)]),
    ("## Rollback plan\nIf error rate exceeds 1%, revert.\n## Escalation and on-call\nTBD.\n", [(1, OWNER)]),
])
def test_rollback_no_owner(md, expected):
    assert check(md, OWNER) == expected


def test_time_to_act_is_not_a_trigger():
    md = "## rollback\n- flag `ranker_v4` off → back to BM25\n- on-call can flip in < 1 min\n"
    assert check(md, "rollback-no-trigger") == [(1, "rollback-no-trigger")]


def test_switched_off_is_an_action():
    md = "## Rollback\nIf errors exceed 2%, extraction is switched off per supplier.\n"
    assert check(md, "rollback-no-action") == []


@pytest.mark.parametrize("md, expected", [
    # a fallback heading that names what takes over states the action
    ("## Statistical Fallback (secondary path)\nWhen ONNX models are unavailable, statisticalEstimation() runs.\n", []),
    ("## Rule-based fallback\nWhen the model times out, the old rules answer.\n", []),
    ("## Фолбэк на правила\nЕсли модель недоступна, отвечают старые эвристики.\n", []),
    ("## Эвристический фолбэк\nЕсли модель недоступна более 5 минут, срабатывает он.\n", []),
    # a bare fallback heading does not
    ("## Fallback\nWhen ONNX models are unavailable, an alert fires.\n", [(1, "rollback-no-action")]),
    ("## Фолбэк\nЕсли модель недоступна, срабатывает алерт.\n", [(1, "rollback-no-action")]),
])
def test_a_named_fallback_is_the_action(md, expected):
    assert check(md, "rollback-no-action") == expected


@pytest.mark.parametrize("md, expected", [
    # restoring the previous bundle is the rollback's action
    ("## Approval and rollback\nRollback must restore both the scoring bundle and the compatible feature schema.\n", []),
    ("## План отката\nОткат восстанавливает предыдущую версию модели и схему признаков.\n", []),
    ("## Rollback\nWe restore trust with customers after incidents.\n", [(1, "rollback-no-action")]),
])
def test_restoring_the_previous_bundle_is_the_action(md, expected):
    assert check(md, "rollback-no-action") == expected


@pytest.mark.parametrize("md", [
    # a fallback heading that names the failure, not what takes over
    "## Fallback on failure\nWhen the model fails, on-call is paged.\n",
])
def test_a_fallback_named_for_the_failure_states_no_action(md):
    assert check(md, "rollback-no-action") == [(1, "rollback-no-action")]


@pytest.mark.parametrize("md, expected", [
    # an escalation table's Who column names who acts
    ("## Rollback\nIf AUC drops below 0.7, revert to v1.\n## Escalation\n| Situation | Who |\n|---|---|\n"
     "| Suspected data corruption | Data engineering |\n", []),
    ("## План отката\nЕсли AUC ниже 0,7, возвращаем v1.\n## Эскалация\n| Ситуация | Кто |\n|---|---|\n"
     "| Сломались данные | Дата-инженеры |\n", []),
    # an escalation table without one does not
    ("## Rollback\nIf AUC drops below 0.7, revert to v1.\n## Escalation\n| Situation | Action |\n|---|---|\n"
     "| Suspected data corruption | Pause the pipeline |\n", [(1, OWNER)]),
    ("## План отката\nЕсли AUC ниже 0,7, возвращаем v1.\n## Эскалация\n| Ситуация | Действие |\n|---|---|\n"
     "| Сломались данные | Остановить пайплайн |\n", [(1, OWNER)]),
])
def test_an_escalation_table_names_the_owner(md, expected):
    assert check(md, OWNER) == expected


@pytest.mark.parametrize("md", [
    # review: a Who column that names no actor of the rollback
    "## Rollback\nIf AUC drops below 0.7, revert to v1.\n## Escalation matrix\n| Severity | Who is affected | "
    "Response time |\n|---|---|---|\n| SEV1 | All customers | 15 min |\n",
    "## План отката\nЕсли AUC ниже 0,7, возвращаем v1.\n## Матрица эскалации\n| Уровень | Кто затронут | Время "
    "реакции |\n|---|---|---|\n| SEV1 | Все клиенты | 15 мин |\n",
    "## Rollback\nIf AUC drops below 0.7, revert to v1.\n## Escalation to human agents\n| Trigger | Who takes over "
    "|\n|---|---|\n| Refund above $500 | Tier-2 agent |\n",
    "## План отката\nЕсли AUC ниже 0,7, возвращаем v1.\n## Эскалация на оператора\n| Тема | Кто подключается "
    "|\n|---|---|\n| Возврат | Оператор 2-й линии |\n",
])
def test_an_escalation_column_must_name_who_acts(md):
    assert check(md, OWNER) == [(1, OWNER)]


@pytest.mark.parametrize("md, rule, expected", [
    # second review: look-alikes of this session's readings (each read right before it too)
    ('## План отката\nЕсли CSAT диалогов с ботом ниже 4.0 два дня подряд, переключаем трафик на предыдущую модель через флаг.\n## Эскалация\n| Уровень | Кто |\n|---|---|\n| P1 | ? |\n| P2 | (назначим позже) |\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nIf the CSAT of bot conversations drops below 4.0 for two days, we switch traffic back to the previous model via the feature flag.\n## Escalation\n| Severity | Who |\n|---|---|\n| SEV1 | TBD |\n| SEV2 | TBD |\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## План отката\nЕсли CSAT диалогов с ботом ниже 4.0 два дня подряд, переключаем трафик на предыдущую модель через флаг.\n## Эскалация\n| Уровень | Кто |\n|---|---|\n| P1 | TBD |\n| P2 | TBD |\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nIf the CSAT of bot conversations drops below 4.0 for two days, we switch traffic back to the previous model via the feature flag.\n## Escalation to human agents\n| Topic | Who |\n|---|---|\n| Refunds above $500 | Billing desk |\n| Legal threats | Legal desk |\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## План отката\nЕсли CSAT диалогов с ботом ниже 4.0 два дня подряд, переключаем трафик на предыдущую модель через флаг.\n## Эскалация обращений\n| Тема | Кто |\n|---|---|\n| Возврат свыше 50 000 ₽ | Старший оператор |\n| Угроза суда | Юрист |\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nIf the CSAT of bot conversations drops below 4.0 for two days, we switch traffic back to the previous model via the feature flag.\n## On-call doctors\n| Ward | Who |\n|---|---|\n| ICU | Dr. Ivanova |\n| Cardiology | Dr. Petrov |\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
])
def test_second_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # third review: look-alikes of this session's readings (each read right before it too)
    ('## Rollback plan\nIf PR-AUC on fresh labels falls below 0.3, switch traffic back to v1 with the feature flag.\n## Escalation\nNobody owns the rollback decision yet; this is an open item for the steering meeting.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nIf PR-AUC on fresh labels falls below 0.3, switch traffic back to v1 with the feature flag.\n## Escalation\nIt is still open who owns the rollback call; to be settled before launch.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nIf PR-AUC on fresh labels falls below 0.3, switch traffic back to v1 with the feature flag.\n## Escalation\nIf the drop comes from feature engineering, re-run the feature pipeline before anything else.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## План отката\nЕсли PR-AUC на свежей разметке упадёт ниже 0,3, переключаем трафик обратно на v1 фича-флагом.\n## Эскалация\nЕсли просадка вызвана feature engineering, сначала перезапускаем пайплайн признаков.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nIf PR-AUC on fresh labels falls below 0.3, switch traffic back to v1 with the feature flag.\n## On-call\nPrompt engineering changes need a fresh eval run before they reach production.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## План отката\nЕсли PR-AUC на свежей разметке упадёт ниже 0,3, переключаем трафик обратно на v1 фича-флагом.\n## Дежурство\nИзменения в prompt engineering выкатываем только после нового прогона оценки.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
])
def test_third_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # fourth review: look-alikes of this session's readings (each read right before it too)
    ('## Rollback plan\nSwitch the feature flag back to the v1 model. No data engineering work is needed: v1 reads the same features.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## План отката\nПереключаем фичефлаг обратно на v1. Работ по data engineering не требуется: v1 читает те же признаки.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nThe model itself rolls back in minutes; reverting the feature-store schema takes about two days of ML engineering effort.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## План отката\nСама модель откатывается за минуты; откат схемы фичестора займёт около двух дней работы по ML engineering.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## Rollback plan\nBlue-green deployment following standard site reliability engineering practice: one switch returns all traffic to v1.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
    ('## План отката\nBlue-green деплой по стандартным практикам site reliability engineering: одно переключение возвращает весь трафик на v1.\n',
     'rollback-no-owner', [(1, 'rollback-no-owner')]),
])
def test_fourth_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected
