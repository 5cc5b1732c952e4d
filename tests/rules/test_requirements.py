"""Requirement rules (DD281, DD282)."""

from __future__ import annotations

import pytest

from _content import check

READY = "no-readiness-criterion"
COSTS = "error-costs-not-discussed"


@pytest.mark.parametrize("md, expected", [
    ("## Requirements\nThe model is ready when precision in the top 10% is ≥ 0.4.\n", []),
    ("## Требования\nМодель готова, если на отложенном месяце recall ≥ 0,6.\n", []),
    ("## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n", [(1, READY)]),
    ("## Требования\nПрогноз раз в сутки по каждому насосу.\n", [(1, READY)]),
    ("## Requirements\nBatch.\n### MVP success criteria\nPromo cost −6%.\n", []),
    ("## Требования\nПакетно.\n## Пилот\nЧто считаем успешным пилотом: отток −1 п.п.\n", []),
    ("## Requirements\nAnswer < 1 s; precision@5 ≥ 0.8 on the labelled set.\n", []),
    ("## Success metrics\nChargebacks −20%.\n## Requirements\n80 ms p99.\n", []),
    # a bar on accuracy in a requirements table is a readiness bar too
    ("## Non-functional requirements\n| ID | Category | Requirement |\n|---|---|---|\n"
     "| NFR-2 | Accuracy | Validation accuracy ≥ 90% on held-out data |\n", []),
    ("## Нефункциональные требования\n- Доля правильных ответов не ниже 0,9 на отложенной выборке.\n", []),
    ("## Requirements\nAccuracy of the logs must be kept.\n", [(1, READY)]),
    # a bar on the share of right outputs, as a count out of ten
    ("## Goals\nQuality: at least 8 out of 10 automatically found facts must match the expert markup.\n", []),
    ("## Цели\nКачество: не менее 8 из 10 найденных фактов должны совпадать с разметкой экспертов.\n", []),
    ("## Goals\nAt least 8 out of 10 analysts use the tool weekly.\n", [(1, READY)]),
    ("## Цели\nНе менее 8 из 10 аналитиков пользуются сервисом.\n", [(1, READY)]),
    # review: annotators agreeing, a consistency check or a run-time gate is no readiness bar
    ("## Data\nAt least 2 out of 3 labels must agree for a ticket to enter the training set.\n", [(1, READY)]),
    ("## Serving\nAt least 99.9% of the predictions must match the PyTorch model's predictions.\n", [(1, READY)]),
    ("## Данные\nНе менее 2 из 3 меток разметчиков должны совпадать, иначе нужен арбитраж.\n", [(1, READY)]),
])
def test_no_readiness_criterion(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Requirements\nA missed fraud costs the full amount; a false step-up costs a little conversion.\n", []),
    ("## Требования\nПропуск мошенничества стоит всей суммы, ложная блокировка — звонка.\n", []),
    ("## Requirements\nScores within 80 ms p99.\n", [(1, COSTS)]),
    ("## Требования\nОтвет за 150 мс.\n", [(1, COSTS)]),
    ("## Requirements\n80 ms.\n## Metrics\nPrecision ≥ 0.95 because a false merge is much worse than a missed one.\n", []),
    ("## Требования\n150 мс.\n## Метрики\nЛожные срабатывания дороже пропусков.\n", []),
    # type I / II errors of the A/B test are not model error costs
    ("## Requirements\n80 ms.\n## A/B test\nType I error 5%, type II error 20%.\n", [(1, COSTS)]),
])
def test_error_costs_not_discussed(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("text", [
    "A bad candidate costs little; missing a show the user would love costs a lost session.",
    "Recall matters more than precision here.",
    "A wrong total that a clerk accepts leads to a wrong payment (costly).",
    "Ошибка в серии/номере хуже пустого поля.",
    "Оптимизируем полноту в топе, точность вторична.",
    "Пропуск мошенничества — в среднем 86 тыс. ₽ потерь.",
    # a verdict on what errors cost, or a mislabel with what it does to trust
    "Ultimately, errors are mostly benign: a 4-star label instead of 5 barely matters.",
    "A mislabeled star value could affect the trust users have in the system.",
    "Ошибки модели некритичны: оператор всё равно проверяет ответ.",
    "Неверная классификация новости подрывает доверие редакции к системе.",
    # an asymmetric loss: under- and over-estimates weighed against each other
    "Нам менее важно переоценить время выполнения задачи, чем недооценить.",
    "Вес ошибки — коэффициент штрафа за недооценку времени (alpha = 2).",
    "Weighted accuracy applies a penalty for underestimates (alpha = 2).",
    # a rate of an error kind with its consequence
    "FPR — бизнес-ограничение (недопустимость блокировки хороших запросов).",
    "FPR is a hard limit: blocking good requests is unacceptable for the business.",
    "Lowering the threshold catches more fraud but can increase false positives and inconvenience customers.",
    # a stock forecast's two errors with what each costs
    "Частые ошибки (избыток/дефицит) ведут к потерям из-за просроченных товаров или упущенной выручки.",
    "Снизить убытки из-за избыточных или недостаточных запасов.",
    "Overstock means spoilage, while stock-outs mean lost sales.",
    "We can tolerate a healthy level of mistakes: sending the wrong email to the wrong user is not life-threatening.",
    "Если станция превысила заявленный объем, излишки уходят на рынок за 1 рубль.",
    # a threshold chosen on money weighs the two errors
    "We pick the threshold by expected net revenue: $0.68 per contact against the average gift.",
    "Порог выбираем по ожидаемой прибыли кампании.",
    # a stock-out or an overstock priced, or a newsvendor rule that weighs the two
    "KPIs: 1. stockout cost 2. overstock / waste cost.",
    "A newsvendor rule turns the forecast into an order quantity.",
    "Считаем стоимость дефицита и издержки затоваривания.",
    # a misroute's cost once rework is counted
    "A cheaper extractor that misroutes more often costs more once rework is counted.",
    # a valuation's two errors listed together, an F-beta weighted on purpose
    "Inaccurate estimates lead to:\n- overvalued homes staying on the market,\n- undervalued homes hurting seller trust.",
    "Неточная оценка ведёт к тому, что:\n- переоценённые квартиры долго висят,\n- недооценённые бьют по доверию.",
    "Operating threshold 0.525 (validation F-beta, β=2, min precision 0.20).",
    "We report the F2-score.",
    # a time estimate's two errors: late against early
    "### Early vs Late Deliveries\n- Early deliveries may create waiting friction.",
    "Late deliveries are far worse than early ones.",
    "Опоздание курьера хуже, чем раннее прибытие.",
    "### Ранняя vs поздняя доставка\nРанняя — ожидание клиента.",
])
def test_error_cost_wordings(text):
    assert check(f"## Requirements\n{text}\n", "error-costs-not-discussed") == []


@pytest.mark.parametrize("text", [
    # An error kind with what it leads to, in one sentence.
    "A missed pedestrian may result in a collision; a phantom obstacle causes harsh braking.",
    "Raising the threshold catches more fraud at the cost of more false alarms.",
    "F1 is chosen because we need a balance between precision and recall.",
    "The threshold balances precision and recall: a miss costs more than a review.",
    "An incorrect answer about fees is more expensive than no suggestion at all.",
    "Пропуск дефекта не менее важен, чем ложная тревога: оба ведут к простою линии.",
    "Высокая точность снижает число ложных срабатываний и нагрузку на операторов.",
    "Неверный совет по тарифу обходится дороже, чем отсутствие подсказки.",
    # an error the team can undo is a cheap one
    "High precision matters; for items we label 'other', we can recall any misclassified ones "
    "using manual labeling workflows.",
    "Ошибочно классифицированные заявки операторы всегда можно исправить вручную.",
    # an error told as the model's act, and an output worse than none
    "Модели могут неточно переводить отдельные термины, что недопустимо в научном переводе.",
    "The model may inaccurately translate domain terms, which is unacceptable here.",
    "| Галлюцинации LLM | Гипотеза без реального источника хуже, чем отсутствие гипотезы |",
    "A hypothesis without a real source is worse than no hypothesis at all.",
    # an error kind that wastes people's effort
    "Слишком много false positives — бизнес начинает тратить усилия на брони, которые не были бы отменены.",
    "Too many false positives make the team waste effort on bookings that would not be cancelled.",
    # a false alarm that makes needless work for people
    "A false positive may incorrectly flag a compliant vehicle and create unnecessary review work.",
    "Ложное срабатывание означает лишний выезд бригады на исправный участок.",
    # a forecast's two biases, each with what it causes
    "Persistent positive bias inflates waste; persistent negative bias triggers stockouts.",
    "Положительное смещение прогноза раздувает списания, отрицательное ведёт к дефициту.",
    # one error held down under a bar on the other
    "Threshold chosen to minimize false declines subject to catching at least 95% of fraud dollars.",
    "We maximise recall while keeping false positives under 2%.",
    "Порог: минимизируем ложные отказы при условии, что ловим не менее 95% мошенничества.",
    "Максимизируем полноту при ограничении на долю ложных срабатываний 2%.",
    # failing towards the safe verdict weighs the two errors
    "If the reply is unparseable, defaulting to high risk is safer than defaulting to low risk.",
    "Безопаснее считать пакет опасным, чем присвоить ему низкий риск.",
    # which of the two matters more
    "Trade-off: in finance, recall is more critical than precision.",
    "Для медицины полнота критичнее точности.",
])
def test_error_kind_with_its_consequence_is_a_discussion(text):
    assert check(f"## Requirements\n{text}\n", "error-costs-not-discussed") == []


@pytest.mark.parametrize("text", [
    # Naming an error kind (as a metric, or as something to collect) compares nothing.
    "False positive rate below 5%, false negative rate below 5%.",
    "A review tool will collect false negatives for relabelling.",
    "Users may miss out on good deals without the assistant.",
    "Important: keep false positives and misses to a minimum.",
    "Доля ложных срабатываний не выше 5%.",
    "Важно обеспечить минимум ложных срабатываний и пропусков.",
    # A balance of quality and speed is not a balance of error kinds.
    "Баланс точности и скорости инференса.",
    # Growing storage costs are not error costs.
    "Хранить данные всё дороже.",
    # fixing something that is not the model's error says nothing of error costs
    "Missing values in the logs: we can fix the pipeline later.",
    "Пропуски в данных можно исправить интерполяцией.",
    # a model compared with nothing is no error weighed
    "The new ranker is no worse than the current one.",
    "Перевод неточно передаёт стиль автора.",
    # needless work with no error kind in the sentence is no error's cost
    "The new pipeline avoids unnecessary review work for analysts.",
    "Автоматизация убирает лишние проверки документов.",
    # biases reported, and stock-outs as a data problem, weigh no error
    "We report positive bias and negative bias per store.",
    "Stockouts distort the sales history.",
    # an optimisation under a bar that is not about the two errors
    "We minimize latency subject to a budget of 50 ms.",
    "Minimize training time while keeping recall stable.",
])
def test_naming_an_error_kind_is_not_a_discussion(text):
    md = f"## Requirements\n{text}\n"
    assert check(md, "error-costs-not-discussed") == [(1, "error-costs-not-discussed")]


@pytest.mark.parametrize("text", [
    "Дефицит кадров и избыток задач.",
    "We tolerate no downtime.",
    "The consumer can tolerate broker errors and retries.",
    "We forecast overstock and shortages for 500 SKUs from ERP logs.",
    "Нехватка GPU: докупаем мощности в облаке по рыночной цене.",
    "Избыток/дефицит товара выгружается в отчёт о стоимости запасов.",
    "Нехватка данных — главный риск.",
    "The threshold is 0.5.",
    "Запасы на складе обновляются ежедневно.",
    # a portfolio compared, not an error's direction
    "The new strategy is better than a low risk portfolio of bonds.",
    "Эта стратегия лучше, чем низкорисковый портфель облигаций.",
    # review: a measuring choice, numeric precision or a trade-off with speed weighs no model errors
    "Recall is more important to compute per queue on the rare queues.",
    "Float precision is more critical for the embedding distances than for the head.",
    "Для поиска похожих обращений точность критичнее скорости.",
    "Для разметки точность приоритетнее объёма.",
    # review: caution about budgets or outages, or a return target, weighs no model errors
    "We err on the side of caution with GPU budgets: provision twice the expected peak.",
    "A fallback to BM25 is safer than assuming zero risk of model-server outages.",
    "По памяти лучше перестраховаться: закладываем 64 ГБ на под.",
    "Держать резерв мощностей безопаснее, чем полагаться на низкий риск пиковой нагрузки.",
    "Портфель должен приносить доходность лучше, чем портфель с минимальным риском.",
])
def test_stock_words_alone_are_no_error_cost(text):
    assert check(f"## Requirements\n{text}\n", "error-costs-not-discussed") == [(1, "error-costs-not-discussed")]


def test_bad_data_is_not_an_error_cost():
    md = "## Requirements\nBad data costs us time.\n"
    assert check(md, "error-costs-not-discussed") == [(1, "error-costs-not-discussed")]


@pytest.mark.parametrize("text, fired", [
    ("Готово к эксперименту, когда Recall@20 выше эвристики на 15%.", False),
    ("Данные будут готовы, когда закончим выгрузку.", True),
])
def test_readiness_ru(text, fired):
    got = check(f"## Требования\n{text}\n", "no-readiness-criterion")
    assert bool(got) == fired


@pytest.mark.parametrize("text, fired", [
    # the template's «Необходимый результат этапа» over a measurable bar is a done criterion
    ("### Необходимый результат этапа\nОбученная модель с точностью более 80% на тестовых данных.", False),
    ("### Необходимый результат этапа\nИтоговый DataFrame с вакансиями.", True),
    ("Пилот на 10 контрольных вопросах, успех воспроизводимости сценария - 80-85%.", False),
])
def test_required_stage_result_is_a_readiness_bar(text, fired):
    got = check(f"## Требования\nПакетный режим.\n{text}\n", "no-readiness-criterion")
    assert bool(got) == fired


@pytest.mark.parametrize("text, fired", [
    # a gate that passes on a stated improvement is a readiness criterion
    ("The policy changes only when the gate passes when a comparison shows a credible improvement.", False),
    ("M0 passes when the problem and owner can be explained without a model.", False),
    ("The request passes through the gateway.", True),
    # a ship rule names when the model is ready
    ("Promote the challenger only if its incremental conversion exceeds the champion's.", False),
    ("Promotion emails are sent only if the user opted in.", True),
    ("Features are shipped to the feature store only if they pass schema checks.", True),
    ("We switched to PostgreSQL only when the load grew.", True),
])
def test_gate_passes_when(text, fired):
    got = check(f"## Requirements\nWeekly batch.\n{text}\n", "no-readiness-criterion")
    assert bool(got) == fired


@pytest.mark.parametrize("text, fired", [
    # a success label over a list reaches the list's items; a count to reach is a bar
    ("Критерий успеха:\n\n- решение работает, доступно по API\n- на входе - текст\n"
     "- на выходе - вероятность\n- ROC-AUC > 75%", False),
    ("Success criteria:\n\n- the service is up\n- input is text\n- output is a score\n- ROC-AUC > 0.75", False),
    ("Критерий успеха:\n\n- решение работает\n- доступно по API", True),
    ("Успех MVP — запуск портала с 10+ клиентами.", False),
    ("Успех MVP — запуск портала.", True),
    # the list ends where its items end; a version or an age is no count to reach
    ("Success criteria:\n\n- the service is up\n- the team likes it\n\nThe service runs on 2 GPUs. It is hosted. "
     "Latency stays under 200 ms.", True),
    ("Критерий успеха:\n\n- сервис работает\n- доступен по API\n- пропускная способность ≥ 1000 запросов в день", False),
    ("Success criteria are to be agreed. Supports Python 3+ environments.", True),
    ("Критерии успеха пока не определены. Контент 18+ фильтруется.", True),
    # a target named for the MVP is its bar when it has a number
    ("Целевая точность MVP: средняя ошибка ≤ 50 м.", False),
    ("Target accuracy for the MVP: mean error ≤ 50 m.", False),
    ("Целевая точность MVP обсуждается.", True),
    # a success heading over an expected change by a number
    ("###### Что считать успехом итерации\n- Уменьшение времени HR-специалиста на просмотр резюме на 30%", False),
])
def test_success_label_over_a_list(text, fired):
    got = check(f"## Требования\nПакетный режим.\n{text}\n", "no-readiness-criterion")
    assert bool(got) == fired



@pytest.mark.parametrize(
    "hint",
    [
        "_Describe the output, who uses it, latency, and when the model is \"ready\"._",
        "_Опишите, что выдаёт система, кому, как быстро и когда модель считается готовой._",
    ],
)
def test_author_hint_alone_is_not_a_requirements_section(hint):
    md = f"## Requirements\n{hint}\n"
    assert check(md, "error-costs-not-discussed") == []
    assert check(md, "no-readiness-criterion") == []


@pytest.mark.parametrize("md, expected", [
    # a success-criteria heading over a bar left unfilled or unmeasurable is no criterion
    ("## Requirements\nMonthly batch.\n### Success criteria for the model\n"
     "- Forecast accuracy should be .....\n- Forecasts should help planning.\n", [(1, READY)]),
    ("## Требования\nРаз в месяц.\n### Критерии успеха модели\n"
     "- Точность прогноза должна быть .....\n- Прогноз должен помогать планированию.\n", [(1, READY)]),
    # the same heading over a number is a criterion
    ("## Requirements\nMonthly batch.\n### Success criteria for the model\nMAPE ≤ 15% on the last year.\n", []),
    ("## Требования\nРаз в месяц.\n### Критерии успеха модели\nMAPE не выше 15% на последнем году.\n", []),
    # a readiness sentence in the text needs no number of its own heading
    ("## Requirements\nMonthly batch; ready when the planners accept the forecast.\n", []),
    # a model metric held to a sign or to today's level is a bar too
    ("## Requirements\nWeekly batch.\n### Offline readiness gates\n"
     "| Gate | Requirement |\n|---|---|\n| Model ranking | QINI/AUUC and Top-K are positive |\n", []),
    ("## Требования\nРаз в неделю.\n### Критерии готовности\n"
     "- ROC-AUC модели не ниже, чем у текущей скоринговой карты.\n", []),
    ("## Требования\nРаз в неделю.\n### Критерии готовности\n- AUUC модели больше нуля.\n", []),
    # ... but a sign on no model metric is not
    ("## Requirements\nWeekly batch.\n### Readiness\n- User feedback is positive.\n", [(1, READY)]),
])
def test_readiness_heading_needs_a_measurable_bar(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize(("text", "fires"), [
    # A sentence hard-wrapped across lines is still one sentence.
    ("A missed pedestrian in the camera feed of the test vehicle\nmay result in a collision.", False),
    ("Пропуск дефекта на изображении с камеры контроля качества линии\nприводит к простою линии.", False),
    # Short list items are not one wrapped sentence.
    ("- missed pedestrian\n- result in a collision report", True),
])
def test_hard_wrapped_sentences(text, fires):
    got = check(f"## Requirements\n{text}\n", "error-costs-not-discussed")
    assert got == ([(1, "error-costs-not-discussed")] if fires else [])


@pytest.mark.parametrize(("text", "fires"), [
    # naming the success criterion without a bar or a direction sets no bar
    ("What are the success criteria?\nThe success criteria will be the resulting response rate.", True),
    ("Критерий успеха — доля ответов на рассылку.", True),
    # a number or a direction near it does
    ("The success criteria: response rate of at least 12%.", False),
    ("Критерий успеха пилота: уменьшение времени на перевод одной статьи.", False),
    # a phrase that states the bar itself needs neither
    ("The model is ready when the response rate beats the current subject lines.", False),
])
def test_a_named_success_criterion_needs_a_bar(text, fires):
    got = check(f"## Requirements\nWeekly batch.\n{text}\n", "no-readiness-criterion")
    assert got == ([(1, "no-readiness-criterion")] if fires else [])


def test_long_list_items_are_not_joined_as_one_wrapped_sentence():
    # each item is longer than a wrapped line and ends in a letter: still two items
    md = ("## Requirements\n- a missed pedestrian in the camera feed of the test vehicle\n"
          "- result in a collision report for the quarterly safety review\n")
    assert check(md, "error-costs-not-discussed") == [(1, "error-costs-not-discussed")]


@pytest.mark.parametrize("text, fires", [
    # a preference between the two errors
    ("Regulators prefer fewer false negatives; we bias toward precision and alert triage.", False),
    ("Предпочитаем полноту: лучше проверить лишнюю заявку.", False),
    ("We prefer Python for the backend services.", True),
    # both errors of the old system weighed in one sentence
    ("Rule-based systems either miss complex fraud patterns or block too many legitimate users.", False),
    ("Правила либо пропускают сложное мошенничество, либо блокируют добросовестных клиентов.", False),
    # a false positive told in words, with its consequence
    ("If we block the card of a legitimate client, it damages the bank's reputation.", False),
    ("Если заблокировать карту добросовестного клиента, банк потеряет клиента.", False),
    ("We block legitimate traffic spikes by rate limiting.", True),
])
def test_error_preference_and_errors_in_words(text, fires):
    got = check(f"## Requirements\nBatch scoring.\n{text}\n", COSTS)
    assert got == ([(1, COSTS)] if fires else [])


# Readiness and error costs are whole-doc questions (DOMAIN §3): a full design doc
# without a requirements section still owes them, reported at its metrics or goals.
@pytest.mark.parametrize("md, rule, expected", [
    ("## Goals\nCut churn.\n## Metrics\nRecall of churners.\n", READY, [(3, READY)]),
    ("## Цели\nСнизить отток.\n## Метрики\nПолнота по уходящим.\n", READY, [(3, READY)]),
    ("## Goals\nCut churn.\n", READY, [(1, READY)]),
    ("## Goals\nCut churn.\n## Metrics\nRecall of churners.\n", COSTS, [(3, COSTS)]),
    ("## Цели\nСнизить отток.\n", COSTS, [(1, COSTS)]),
    # no requirements, metrics or goals: the first design section takes the report
    ("## Data\nEvent logs.\n## Model\nGradient boosting.\n", READY, [(3, READY)]),
    ("## Данные\nЛоги событий.\n## Модель\nГрадиентный бустинг.\n", COSTS, [(3, COSTS)]),
    # answered elsewhere in the doc: silent
    ("## Goals\nCut churn.\n## Metrics\nPR-AUC ≥ 0.35 on the held-out month.\n", READY, []),
    ("## Цели\nСнизить отток.\n## Метрики\nPR-AUC ≥ 0,35 на отложенном месяце.\n", READY, []),
    ("## Goals\nCut churn.\n## Metrics\nRecall; a missed churner costs a year of margin.\n", COSTS, []),
    # a doc that plans one part only is not asked
    ("# A/B Test Plan: cart recommendations\n## Hypothesis\nCTR +2%.\n## Metrics\nCTR.\n", READY, []),
    ("# План A/B-эксперимента\n## Метрики\nКонверсия.\n", COSTS, []),
    ("# Rollback Plan — scoring endpoint\n## Metrics\nAUC.\n", COSTS, []),
    # even with a requirements (success criteria) section of its own
    ("# Experimental Design Plan\n## Success criteria\nCTR up.\n## Metrics\nCTR.\n", COSTS, []),
    # an unfilled requirements section is empty-section's to report
    ("## Goals\nCut churn.\n## Requirements\nTODO\n## Metrics\nRecall.\n", READY, []),
    # a one-pager owes no requirements section
    ("---\nkind: one-pager\n---\n## Why\nChurn.\n## What\nA score.\n## How\nLogs.\n", COSTS, []),
    # a metric held to today's level is a bar
    ("## Requirements\nBatch.\nКачество оцениваем по Gini; он должен быть не ниже, чем у текущей карты.\n",
     READY, []),
    ("## Requirements\nRecall must be no worse than the current rules on last quarter.\n", READY, []),
    ("## Requirements\nThe API must be no worse than the current one.\n", READY, [(1, READY)]),
    # the metric between the comparison's words, a named model before "baseline"
    ("## Requirements\nScores daily.\n### Success criteria\n- Random Forest achieves better ROC-AUC / recall "
     "than the Logistic Regression baseline.\n", READY, []),
    ("## Требования\nСкоры раз в день.\n### Критерии успеха\n- Случайный лес даёт ROC-AUC выше, чем у "
     "логистической регрессии (бейзлайна).\n", READY, []),
    ("## Requirements\nScores daily.\n### Success criteria\n- Dashboards load faster than the current ones.\n",
     READY, [(1, READY)]),
    ("## Требования\nСкоры раз в день.\n### Критерии успеха\n- Отчёты строятся быстрее, чем у старой системы.\n",
     READY, [(1, READY)]),
])
def test_whole_doc_questions_without_a_requirements_section(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("text, fires", [
    # review: ordinary text that must not pass for an error-cost discussion
    ("Status: under approval by the risk committee.", True),
    ("Rows with either missing labels or flagged duplicates are dropped.", True),
    ("We prefer recall@10 as the offline metric.", True),
    ("Делаем упор на точность прогноза спроса.", True),
    ("Записи либо пропускаем при загрузке, либо отклоняем целиком.", True),
    ("Важно не пропустить дедлайн сдачи отчёта.", True),
    ("It is important not to miss the launch window.", True),
    # and wordings that are one
    ("Under-approving good clients loses interest income; over-approval raises defaults.", False),
    ("We favour recall over precision: a missed fraud is the costlier error.", False),
    ("Предпочтение отдаём полноте.", False),
    ("Recall > 0.70 | Важно не пропустить успешные стартапы.", False),
    ("It is important not to miss a fraudulent transfer.", False),
    ("Recall по рискованным классам: важнее не пропустить риск.", False),
    ("Важнее не пропустить дедлайн, чем вылизать код.", True),
    # an error in what the model outputs, given its consequence
    ("Ошибки в именах, суммах или датах могут привести к финансовым и юридическим рискам.", False),
    ("Errors in names or amounts can lead to legal and financial risks.", False),
    ("Ошибки в данных могут привести к неверным прогнозам.", True),
    ("Errors in the data pipeline lead to outages.", True),
    ("False acceptance rate < 2% (high precision required).", True),
    ("Errors in the source dates lead to broken features.", True),
    ("Ошибки в датах исходной выгрузки приводят к сбоям пайплайна.", True),
    ("Ошибки в суммах в выгрузке из 1С стоят денег.", True),
    ("Доля ложных срабатываний детектора сбоев — не более 5%.", True),
    # alert fatigue is what false alarms cost
    ("Охрана часто игнорирует сигналы тревоги из-за слишком большого количества FP.", False),
    ("Guards often ignore alarms because of too many false positives.", False),
    ("We ignore alerts from staging; FPR < 5%.", True),
    # a metric set to hold down one kind of error says which error is worse
    ("We target a recall of ≥ 0.85 on the Extreme class to minimize false negatives.", False),
    ("Recall ≥ 0,85, чтобы минимизировать пропуски аварий.", False),
    ("Precision is computed to reduce noise in the report.", True),
    # review: another system's figure, "recall" as a verb, data gaps, alerts ignored by a formula
    ("Acme's vendor system raised recall to 0.9 to reduce missed fraud.", True),
    ("As we recall from the v1 postmortem, rules were added to avoid false alarms.", True),
    ("Полнота данных проверяется ежедневно, чтобы минимизировать пропуски в признаках.", True),
    ("When computing the false positive rate, ignore alerts raised during maintenance windows.", True),
    ("При расчёте доли ложных срабатываний игнорируем алерты за время регламентных работ.", True),
    # decision-curve analysis weighs a false alarm against a caught case; a project's net benefit does not
    ("Compare against the baseline using calibration and net benefit, not only AUROC.", False),
    ("Сравниваем с бейзлайном по калибровке и чистой пользе на кривой решений.", False),
    ("The net benefit of the project is $1M a year.", True),
    ("Чистая польза проекта — 1 млн рублей в год.", True),
    # a miss named as a security incident; the verb form of a miss with its price
    ("We minimise false accepts because a missed intruder is a security incident.", False),
    ("Жёсткая минимизация FAR, так как пропуск постороннего является критическим инцидентом.", False),
    ("Асимметрия: пропустить критичное дороже, чем показать лишнее.", False),
    ("Пропустить дедлайн дороже, чем сдать черновик.", True),
    ("Missed alerts are tracked as security incidents.", True),
    ("Пропущенные алерты фиксируются как инциденты безопасности.", True),
    ("A missed deploy window is a serious incident for the release team.", True),
    ("Пропуск окна выкладки считается серьёзным инцидентом.", True),
    ("Пропустить ретро хуже, чем перенести его.", True),
    # a low recall (or precision) accepted for the sake of the other says which error is cheaper
    ("For auto-close a low recall is acceptable, but not a low precision.", False),
    ("Для автозакрытия допустима низкая полнота, но не низкая точность.", False),
    ("Low latency is acceptable for batch jobs.", True),
    ("Допустима низкая скорость обучения.", True),
    # second review: a miss that is no model error, and "since" as time, give no reason
    ("We reduce misses since the last release.", True),
    ("Reducing latency misses because of GC pauses.", True),
    ("Снижение пропусков данных, так как ETL падает.", True),
    # biometric error rates compared by cost; "far" in lower case is an adverb
    ("FAR дороже FRR: посторонний в контуре хуже очереди.", False),
    ("FAR is more expensive than FRR for the pilot.", False),
    ("FN is costlier than FP.", False),
    ("FAR ≤ 1e-4 on the pilot.", True),
    ("It is far worse to wait for the batch.", True),
    # one outcome preferred to an error says which error is worse
    ("Permission service down: refuse to answer rather than risk exposing restricted content.", False),
    ("It is better to say 'I don't know' than to give a wrong answer.", False),
    ("Лучше отказаться от ответа, чем выдать неверный.", False),
    ("Лучше переспросить, чем ошибиться с категорией.", False),
    ("Use Parquet rather than CSV.", True),
    ("Лучше раньше, чем позже.", True),
    ("The ranker performs better than the false-positive filter.", True),
    # an error given a safety or security consequence
    ("False negatives here mean a missed thermal event, which is a safety failure.", False),
    ("Ложноотрицательный результат — пропущенный пожар, это угроза безопасности.", False),
    ("Missed alerts are tracked as a security incident.", True),
    ("Missed alerts are counted as potential security incidents.", True),
    ("Пропущенные алерты записываются как инциденты безопасности.", True),
    ("Ложные срабатывания не несут угрозы безопасности.", True),
    # second review: no error is weighed in these; the textbook trade-off is
    ("Use CatBoost rather than guessing hyperparameters.", True),
    ("Store hashes rather than leaking PII into logs.", True),
    ("We use embeddings rather than misspelling-tolerant regexes.", True),
    ("LightGBM is better than the false-positive filter.", True),
    ("CatBoost лучше, чем ошибочная старая модель.", True),
    ("Better to miss a few frauds than to block honest customers.", False),
    ("We would rather miss a fraud than block a good customer.", False),
    ("Лучше пропустить спорный случай, чем заблокировать честного клиента.", False),
    ("Design principles: low false positives over high detection rates.", False),
    ("Keep low false positives over higher detection thresholds.", True),
])
def test_error_cost_review_wordings(text, fires):
    got = check(f"## Requirements\nBatch scoring.\n{text}\n", COSTS)
    assert got == ([(1, COSTS)] if fires else [])


@pytest.mark.parametrize("md, expected", [
    # a result reported with "=" on the test set is no bar; a comparison is
    ("## Goals\nX.\n## Baselines\nThe current rules reach ROC-AUC = 0.71 on the test set.\n", [(1, READY)]),
    ("## Цели\nX.\n## Бейзлайн\nТекущая модель: ROC-AUC = 0,71 на отложенной выборке.\n", [(1, READY)]),
    ("## Goals\nX.\n## Modeling\nROC-AUC ≥ 0.75 on the out-of-time sample.\n", []),
    ("## Цели\nX.\n## Моделирование\nF1 не ниже 0,8 на тесте.\n", []),
    # a relative bar must be demanded, not reported
    ("## Requirements\nBatch.\nAccuracy is better than the current rules, per the 2023 audit.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nТочность прогноза сейчас выше базового уровня.\n", [(1, READY)]),
    ("## Requirements\nBatch.\nRecall must not fall below the current model.\n", []),
    # a readiness word without a bar is no criterion
    ("## Requirements\nBatch.\nMinimum viable accuracy to be agreed with the business.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nМинимально допустимое качество обсудим позже.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nОценка успешности проекта будет проведена позже.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nМинимально допустимое качество: WAPE ≤ 30%.\n", []),
    # a metric's own sub-section with a bar in it
    ("## Requirements\nBatch.\n## Metrics\n### Mean Absolute Error (MAE)\nTarget: < 10% of the mean price.\n", []),
    ("## Требования\nПакетно.\n## Метрики\n### MAE\nЦель: не более 10% от средней цены.\n", []),
    ("## Requirements\nBatch.\n## Metrics\n### MAE\nMAE = 0.12 on last year.\n", [(1, READY)]),
    # review: a parameter, a filter or another system's result under the metric's heading is no bar
    ("## Requirements\nBatch.\n## Metrics\n### Precision@k\nShare of relevant items in the top k, k ≤ 10.\n", [(1, READY)]),
    ("## Requirements\nBatch.\n## Metrics\n### MAPE\nThe current heuristic scores MAPE < 31% on last year.\n",
     [(1, READY)]),
    ("## Требования\nПакетно.\n## Метрики\n### MAPE\nСчитаем только по товарам с продажами > 100 штук.\n", [(1, READY)]),
    # a champion/challenger rule on held-out data
    ("## Requirements\nBatch.\n- Promotion: challenger replaces champion only if it beats it on the frozen test set.\n",
     []),
    ("## Требования\nПакетно.\nНовая модель заменяет текущую, только если превосходит её на отложенной выборке.\n", []),
    # a regression or promotion gate with its bar; named without one it sets none
    ("## Metrics\nAUROC.\n**Regression gate:** a new version must beat current on AUROC and not regress by >1pt.\n", []),
    ("## Метрики\nAUROC.\nКритерии выкатки: новая версия не хуже текущей по AUROC более чем на 1 п.п.\n", []),
    ("## Metrics\nAUROC.\n**Regression gate:** to be agreed with the team.\n", [(1, READY)]),
    ("## Метрики\nAUROC.\nКритерии выкатки обсудим с командой.\n", [(1, READY)]),
    # an approach accepted only when it passes conditions; accepted input data is no model bar
    ("## Model\nLogistic regression first.\nA more complex approach is accepted if:\n1. It improves the main metric on "
     "the fixed test set.\n2. It passes shadow mode.\n", []),
    ("## Модель\nСначала логрегрессия.\nБолее сложный подход принимается, если:\n1. Улучшает основную метрику на "
     "фиксированном test set.\n2. Проходит shadow-проверку.\n", []),
    ("## Data\nA batch is accepted if its schema matches.\n", [(1, READY)]),
    ("## Данные\nДанные принимаются, если формат верный.\n", [(1, READY)]),
    # a model that must beat what it replaces on held-out data; a speed wish is no bar
    ("## Model\nBaselines first. A more complex model must demonstrate incremental value out-of-sample.\n", []),
    ("## Модель\nСначала бейзлайны. Более сложная модель должна показать прирост на отложенной выборке.\n", []),
    ("## Model\nThe model must show improvement in latency.\n", [(1, READY)]),
    ("## Модель\nМодель должна показать прирост скорости.\n", [(1, READY)]),
    # an acceptance gate with its bar; a switch justified only by a measured gain
    ("## Requirements\nBatch.\n- Acceptance gates: recall on high ≥ 0.95, priority precision ≥ 0.80.\n", []),
    ("## Требования\nПакетно.\n- Гейты приёмки: recall по high ≥ 0.95, точность приоритета ≥ 0.80.\n", []),
    ("## Model\nTF-IDF first. Moving to a transformer is justified only if it gives a macro-F1 gain of 3 pp.\n", []),
    ("## Модель\nСначала TF-IDF. Переход на трансформер оправдан, только если он даёт прирост macro-F1 на 3 п.п.\n",
     []),
    ("## Model\nTF-IDF first. A GPU is justified only if it gives a speed gain of 30%.\n", [(1, READY)]),
    ("## Модель\nСначала TF-IDF. GPU оправдан, только если позволяет бюджет.\n", [(1, READY)]),
    # a bar the pilot must meet; the pilot's size is none
    ("## Metrics\nFRR, FAR.\n- Target FRR ≤ 3% for the pilot\n", []),
    ("## Метрики\nFRR, FAR.\n- Целевая FRR ≤3% для пилота\n", []),
    ("## Metrics\nFRR, FAR.\n- At least 100 users in the pilot\n", [(1, READY)]),
    ("## Метрики\nFRR, FAR.\n- Не более 5 человек на пилоте\n", [(1, READY)]),
    # review: gates and conditional acceptance about software, people or infrastructure set no model bar
    ("## Requirements\nBatch.\nPromotion criteria: code coverage ≥ 80% and all unit tests green.\n", [(1, READY)]),
    ("## Requirements\nBatch.\nRegression gate: CI fails if unit-test coverage drops below 80%.\n", [(1, READY)]),
    ("## Requirements\nBatch.\nA model is accepted if it is registered in MLflow.\n", [(1, READY)]),
    ("## Requirements\nBatch.\nKubernetes is justified only if it gives a cost gain of 20%.\n", [(1, READY)]),
    ("## Requirements\nBatch.\nStores: at least 20 in the pilot.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nКритерии перехода к этапу 2: покрытие тестами ≥ 80%.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nВерсия принимается, если прошла код-ревью.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nМодель не допускается к продакшену, если нет документации.\n", [(1, READY)]),
    ("## Требования\nПакетно.\nМагазинов: не менее 20 на пилоте.\n", [(1, READY)]),
    ("## Модель\nМодель должна показать прирост скорости на тестовом стенде.\n", [(1, READY)]),
    # second review: a gate's relative bar counts
    ("## Metrics\nAUROC.\nRegression gate: a new version must beat current on AUROC.\n", []),
    ("## Метрики\nAUROC.\nКритерии выкатки: новая версия не хуже текущей по AUROC на отложенной выборке.\n", []),
    ("## Model\nLogReg first. The approach is accepted only if it beats the baseline on the held-out month.\n", []),
    # a component kept only on evidence from the backtest; a retraining trigger is no bar
    ("## Model\nThe weather correction goes into the final forecast only if the backtest shows a gain.\n", []),
    ("## Решение\nПогодная поправка входит в финальный прогноз, только если бэктест показывает прирост.\n", []),
    ("## Model\nWe retrain only if the backtest shows a drop.\n", [(1, READY)]),
    ("## Решение\nПереобучаем, только если бэктест показывает падение.\n", [(1, READY)]),
    # a named acceptance bar, and success criteria whose label carries a note to the author
    ("## Requirements\nBatch.\nAcceptance bar: median error within 11%.\n", []),
    ("## Требования\nПакетно.\nПорог приёмки модели: медианная ошибка не более 11%.\n", []),
    ("## Requirements\nBatch.\n- Success Criteria: TODO: adjust\n  - 20% reduction in time to first click\n", []),
    ("## Требования\nПакетно.\n- Критерии успеха: TODO уточнить\n  - снижение времени ответа на 20%\n", []),
    ("## Requirements\nBatch.\n- Success Criteria: TODO\n", [(1, READY)]),
    # review: a label wrapped onto a second line still heads the items nested under it
    ("## Requirements\nBatch.\n- Success Criteria: TODO: adjust\n  with the product owner\n"
     "  - 20% reduction in time to first click\n", []),
    ("## Требования\nПакетно.\n- Критерии успеха: TODO уточнить\n  с продуктом\n  - снижение времени ответа на 20%\n",
     []),
    # review: a placeholder label does not take its sibling items as its list
    ("## Requirements\n- Output: a fraud score.\n- Success criteria: TBD\n- Latency: under 200 ms p99.\n",
     [(1, READY)]),
    ("## Требования\n- Выход: скор.\n- Критерии успеха: TODO\n- Задержка: не более 200 мс.\n", [(1, READY)]),
    # review: an acceptance threshold for data batches is no readiness bar
    ("## Requirements\nBatch.\n## Data\nAcceptance threshold for each labeled batch: agreement ≥ 0.8.\n",
     [(1, READY)]),
    ("## Требования\nПакетно.\n## Данные\nПорог приемки партии разметки: не более 2% брака.\n", [(1, READY)]),
    # review: a rollout share or a base rate is no target
    ("## Требования\nПакетно.\nКритерии успеха определим после пилота. Пилот запускаем на 10% магазинов.\n",
     [(1, READY)]),
    # the A/B design's launch rule is the readiness criterion (DOMAIN: "an A/B result")
    ("## Requirements\nBatch.\n## A/B test\nSplit by user. Ship the winning arm if CTR is significantly higher.\n",
     []),
    ("## Требования\nПакетно.\n## A/B-тест\nСплит по клиентам. Раскатываем, если конверсия значимо выше.\n", []),
    ("## Requirements\nBatch.\n## A/B test\nSplit by user for two weeks.\n", [(1, READY)]),
])
def test_readiness_review_wordings(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # a bar set on a model metric is the readiness bar wherever the doc sets it
    ("## Requirements\nBatch.\n## Metrics\nOffline: retrieval recall@5 on labelled pairs (target ≥ 0.8).\n", []),
    ("## Requirements\nBatch.\n## Validation plan\n### Primary metrics\n- AUC-ROC (target > 0.95)\n- F1-score (target > 0.85)\n", []),
    ("## Требования\nПакетно.\n## Оценка эффективности\n- Точность: BLEU ≥ 80%.\n", []),
    ("## Требования\nПакетно.\n## Метрики\nML: MAPE прогноза спроса ≤ 20% на горизонте 30 минут.\n", []),
    # ... but not when it says when to act on a live model: an alert, a retraining trigger, a rollback
    ("## Metrics\nCTR.\n## Monitoring thresholds\nAlert if recall falls below 0.7.\n", [(1, READY)]),
    ("## Metrics\nCTR.\n## Operations\nThe drift job alerts when nDCG drops > 0.03.\n", [(1, READY)]),
    ("## Metrics\nCTR.\n## Operations\nRetrain when AUC < 0.7.\n", [(1, READY)]),
    ("## Requirements\nBatch.\n## When to roll back\nFalse positive rate > 20%.\n", [(1, READY)]),
    ("## Метрики\nCTR.\n## Эксплуатация\nАлерт, если recall < 0,7.\n", [(1, READY)]),
    ("## Метрики\nCTR.\n## Эксплуатация\nПереобучаем модель, если AUC < 0,7.\n", [(1, READY)]),
    ("## Требования\nПакетно.\n## Триггеры отката\nДоля ложных срабатываний > 20%.\n", [(1, READY)]),
    # ... nor another system's figure, nor a model metric named only in a bracketed note
    ("## Requirements\nBatch.\n## Prior art\nThe paper reports state of the art F1 > 0.9.\n", [(1, READY)]),
    ("## Requirements\nBatch.\n## Prior art\nCompetitors reach recall ≥ 0.8.\n", [(1, READY)]),
    ("## Требования\nПакетно.\n## Аналоги\nТекущая эвристика даёт MAPE < 31%.\n", [(1, READY)]),
    ("## Требования\nПакетно.\n## Аналоги\nУ конкурентов recall ≥ 0,8.\n", [(1, READY)]),
    ("## Requirements\nBatch.\n## Business case\nRevenue (forecast precision tracked apart) > 1.2M.\n", [(1, READY)]),
    # a result reported with "=" is no bar
    ("## Metrics\nCTR.\n## Results\nROC-AUC = 0.71 on the last month.\n", [(1, READY)]),
    ("## Метрики\nCTR.\n## Результаты\nROC-AUC = 0,71 на последнем месяце.\n", [(1, READY)]),
])
def test_a_bar_on_a_model_metric_is_the_readiness_bar(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # only the doc's own title (front matter or an opening H1) with a plan word marks a part plan
    ("---\ntitle: A/B test plan for cart recommendations\n---\n## Metrics\nCTR.\n", []),
    ("# Pilot: SME scoring\n## Goals\nCut defaults.\n## Metrics\nGini.\n", [(4, COSTS)]),
    ("# Пилот: скоринг МСБ\n## Цели\nСнизить дефолты.\n## Метрики\nGini.\n", [(4, COSTS)]),
    ("# A/B testing platform\n## Goals\nFaster tests.\n## Metrics\nTime to decision.\n"
     "## Data\nEvent logs.\n## Deployment\nA service.\n", [(4, COSTS)]),
    # without a plan word, a title naming the part marks a part plan when the doc designs nothing else
    ("# A/B Testing Guardrails for Feed Ranking\n## Experiment setup\nUser-level split.\n"
     "## Primary metrics\nCTR.\n", []),
    ("# Правила A/B-тестирования ленты\n## Сплит\nПо пользователям.\n## Метрики\nCTR.\n", []),
    # review: a whole design titled for its experiment
    ("# Experiment: LLM reranker for search\n## Goals\nBetter search.\n## Metrics\nCTR.\n## Model\nA reranker.\n"
     "## Monitoring\nDrift alerts.\n", [(4, COSTS)]),
    ("# Правила A/B-тестирования ленты\n## Метрики\nCTR.\n## Данные\nЛоги.\n## Модель\nБустинг.\n",
     [(2, COSTS)]),
    # no H1: a first "## A/B test" section is no title
    ("## A/B test\nSplit by user.\n## Metrics\nCTR.\n", [(3, COSTS)]),
])
def test_part_plan_needs_the_docs_own_title(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("md", [
    "# Rollback Standard Operating Procedure (SOP)\n## Triggers\nMAE up 20%.\n## Metrics\nMAE.\n",
    "# Регламент отката модели скоринга\n## Метрики\nGini.\n",
])
def test_a_rollback_procedure_is_a_part_plan(md):
    assert check(md, COSTS) == [] and check(md, READY) == []


@pytest.mark.parametrize("text, fires", [
    # a metric justified by what its error costs, or a tolerated share of one error
    ("High recall is critical in screening to minimise missed cancers.", False),
    ("Высокий recall критичен в медицинской диагностике для минимизации пропущенных случаев пневмонии.", False),
    ("Recall ≥ 0.78. Допустимый компромисс: пропуск ≤ 22% реальных ЧС.", False),
    ("Acceptable trade-off: misses up to 20% of small defects.", False),
    # importance alone weighs nothing
    ("Recall is important for the business.", True),
    ("Точность важна для бизнеса.", True),
])
def test_metric_justified_by_its_error(text, fires):
    got = check(f"## Requirements\nBatch scoring.\n{text}\n", COSTS)
    assert got == ([(1, COSTS)] if fires else [])


@pytest.mark.parametrize("md", [
    # a design that also covers its rollback is a whole design (review)
    "# Churn model: design, canary release and rollback\n## Goals\nCut churn.\n## Metrics\nRecall of churners.\n",
    "# Design of a rollback-safe pricing model\n## Goals\nX.\n## Metrics\nMAE.\n",
    "# Скоринг МСБ: дизайн, раскатка и откат\n## Цели\nX.\n## Метрики\nGini.\n",
])
def test_a_design_covering_its_rollback_is_still_asked(md):
    assert [r for _, r in check(md, COSTS)] == [COSTS]


@pytest.mark.parametrize("md, expected", [
    # a target held on a model metric, in a list item or a Target column, is a bar
    ("## Requirements\nWeekly batch.\n## Metrics\n1. **R² score**: variance explained. Target: > 0.85.\n", []),
    ("## Requirements\nWeekly batch.\n## Anomaly head\nAccuracy is 99.6%, but our target is recall > 85% with precision > 80%.\n", []),
    ("## Требования\nРаз в неделю.\n## Метрики\n- recall аномалий: наша цель — не ниже 0,85.\n", []),
    ("## Requirements\nWeekly batch.\n## Metrics\n| Metric | Target |\n|---|---|\n| False positive rate | < 2% |\n| Detection rate | > 95% |\n", []),
    # a business target, or a model metric reported without a bar, is not
    ("## Requirements\nWeekly batch.\n## Metrics\n| Metric | Target |\n|---|---|\n| Revenue | +5% |\n", [(1, READY)]),
    ("## Requirements\nWeekly batch.\n## Metrics\nRecall is 0.88 on the test set. Target: weekly report.\n", [(1, READY)]),
])
def test_metric_targets_are_a_readiness_bar(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # second review: the model metric must be in the target's own sentence, line label or name cell
    ("## Requirements\nBatch.\n## Modeling\nRecall is reported weekly. Our target is conversion > 5%.\n", [(1, READY)]),
    ("## Requirements\nBatch.\n## Modeling\nRecall is logged. Target: > 3 stores in the pilot.\n", [(1, READY)]),
    ("## Требования\nРаз в неделю.\n## Моделирование\nТочность считаем раз в неделю. Наша цель — выручка > 5 млн.\n",
     [(1, READY)]),
    ("## Requirements\nBatch.\n## Metrics\n| Metric | Target |\n|---|---|\n"
     "| Revenue (precision of forecast tracked separately) | > 1.2M |\n", [(1, READY)]),
    ("## Requirements\nBatch.\n## Metrics\n- **Recall (anomalies)**: share caught. Target: ≥ 0.9.\n", []),
])
def test_metric_target_must_name_its_metric(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # a minimum the model must clear, named so, over a model metric with a bar
    ("## Requirements\nBatch.\n## Conclusions\n**Minimum benchmarks and why:**\n- Metric 1: Dice coefficient (> 0.80)\n", []),
    ("## Требования\nРаз в неделю.\n## Выводы\n**Минимальные показатели (бенчмарки) и их обоснование:**\n"
     "- *Метрика 1: точность сегментации, Dice (> 0.80)*\n", []),
    # a minimum of features or of a business figure is no model bar
    ("## Requirements\nBatch.\n## Conclusions\n**Minimum benchmarks:**\n- At most 3 clicks per case\n", [(1, READY)]),
    ("## Требования\nРаз в неделю.\n## Выводы\n**Минимальные требования к функциональности:**\n"
     "- загрузка снимка, Dice > 0.80 у конкурента\n", [(1, READY)]),
])
def test_minimum_benchmarks_are_a_readiness_bar(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # a good customer turned away is what a false positive costs in credit
    ("## Requirements\nBatch.\n## Hypotheses\n- Precision up (fewer false positives — fewer declines of creditworthy "
     "customers)\n", []),
    ("## Требования\nРаз в день.\n## Гипотезы\n- Precision выше (снижение False Positives — меньше отказов "
     "платёжеспособным клиентам)\n", []),
    ("## Требования\nРаз в день.\n## Гипотезы\n- Меньше ложных срабатываний.\n", [(1, COSTS)]),
])
def test_good_customers_turned_away(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("md, expected", [
    # the model's errors weighed inside the A/B design count; the test's own errors do not
    ("## Requirements\nBatch.\n## A/B test\nH2: fewer false positives — fewer declines of creditworthy customers.\n", []),
    ("## Требования\nРаз в день.\n## A/B-тест\nH2: меньше ложных срабатываний — меньше отказов платёжеспособным "
     "клиентам.\n", []),
    ("## Requirements\nBatch.\n## A/B test\nA type II error costs us a missed launch; α = 0.05.\n", [(1, COSTS)]),
    ("## Требования\nРаз в день.\n## A/B-тест\nОшибка второго рода дороже: упустим хорошую модель.\n", [(1, COSTS)]),
])
def test_model_errors_weighed_in_the_ab_design(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("md, expected", [
    # a champion-challenger gate says when a new model is ready
    ("## Requirements\nBatch.\n## Alerts\n| Critical | If confirmed: retrain. Serving stays on v9 until a new Candidate "
     "beats it. |\n", []),
    ("## Требования\nРаз в день.\n## Алерты\nПрод остаётся на v9, пока новый кандидат её не обгонит на свежем окне.\n", []),
    # a model that beat another once is a result, not a gate
    ("## Requirements\nBatch.\n## Results\nThe new model beats v9 by 2 points.\n", [(1, READY)]),
    ("## Требования\nРаз в день.\n## Итоги\nНовая модель обгоняет v9 на 2 пункта.\n", [(1, READY)]),
])
def test_champion_challenger_gates(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # review: a minimum in running text is an alert or data cleaning, not a readiness bar
    ("## Requirements\nBatch.\n## Monitoring\nAlert: if CTR falls below the minimum threshold of 2% for an hour, on-call is "
     "paged.\n", [(1, READY)]),
    ("## Требования\nРаз в день.\n## Данные\nПропуски в признаке заполняем минимальным значением; конверсия по магазинам — "
     "от 1% до 5%.\n", [(1, READY)]),
])
def test_minimum_in_running_text_is_no_bar(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md", [
    # review: the test's own false positives are no model error cost
    "## Requirements\nBatch.\n## A/B test\nWe run an A/A test first: a false positive there would undermine trust in the "
    "experiment platform.\n",
    "## Requirements\nBatch.\n## A/B test\nPeeking daily inflates false positives, which would damage the team's "
    "reputation with finance.\n",
])
def test_the_tests_own_errors_are_no_model_error_costs(md):
    assert check(md, COSTS) == [(1, COSTS)]


def test_promotion_gates_in_a_table_are_a_readiness_bar():
    md = ("## Metrics\nAccuracy, precision, recall.\n## Promotion gating\nThe default gates are:\n\n"
          "| Task type | Gate |\n|---|---|\n| Classification | `accuracy >= 0.80` and weighted `f1_score >= 0.75` |\n")
    assert check(md, READY) == [] and check(md, "metric-without-target") == []


@pytest.mark.parametrize("md, expected", [
    # offline gates over model metrics with bars say when the model may go to the pilot
    ("## Требования\nРаз в день.\n## Baseline\nOffline gates перед пилотом:\n\n- recall high-risk категорий ≥ 99%;\n"
     "- precision safe auto-close ≥ 97%;\n", []),
    ("## Requirements\nBatch.\n## Baseline\nOffline gates before the pilot:\n\n- recall on high-risk classes ≥ 99%\n", []),
    ("## Требования\nРаз в день.\n## Модель\nОфлайн-гейты перед пилотом:\n\n- recall ≥ 0,95\n", []),
    # gates with no model metric are no readiness bar
    ("## Requirements\nBatch.\n## Plan\nOffline gates before the pilot:\n\n- legal sign-off\n- docs reviewed\n",
     [(1, READY)]),
])
def test_offline_gates_are_a_readiness_bar(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # the bar a first release must clear is when the model is ready
    ("## Goals\nCut vendor costs.\n- First go live of the classifier must replace 20% of the manually classified emails.\n"
     "## Metrics\nSaving per year.\n", []),
    ("## Цели\nСнизить затраты.\n- Первый релиз модели должен закрывать 20% обращений без оператора.\n"
     "## Метрики\nЭкономия.\n", []),
    # a release plan without a bar, or a share that is no bar
    ("## Goals\nCut vendor costs.\n- The first release must ship before the audit.\n## Metrics\nSaving.\n", [(4, READY)]),
    ("## Цели\nСнизить затраты.\n- Первый релиз должен выйти до аудита, второй — через полгода.\n## Метрики\nЭкономия.\n",
     [(4, READY)]),
    # "0.85+" is a bar on held-out data; "ROC-AUC 0.85" alone reports a result
    ("## Goals\nChurn.\n**Key Metrics**:\n- ROC-AUC: 0.85+ on test set\n## Metrics\nROC-AUC.\n", []),
    ("## Goals\nChurn.\n**Key Metrics**:\n- ROC-AUC: 0.85 on test set\n## Metrics\nROC-AUC.\n", [(5, READY)]),
])
def test_first_release_bars_and_open_ended_bars(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # a forecast's two errors, each with what it causes, weigh the error costs
    ("## Goals\nOver-preparing leads to food waste and cost overheads, while under-preparing degrades morale.\n", []),
    ("## Цели\nПереготовка приводит к отходам и затратам, а недоготовка злит сотрудников.\n", []),
    # naming one of them is not a discussion
    ("## Goals\nOver-preparing is common in canteens.\n", [(1, COSTS)]),
    ("## Цели\nПереготовка частая в столовых.\n", [(1, COSTS)]),
    # a recall bar with the error it holds down, in brackets
    ("## Goals\nRecall > 0.8 (minimise false negatives).\n", []),
    ("## Цели\nRecall > 0.8 (минимизация false negative).\n", []),
    ("## Goals\nRecall > 0.8 (on the test set).\n", [(1, COSTS)]),
    ("## Цели\nRecall > 0.8 (на тестовой выборке).\n", [(1, COSTS)]),
])
def test_forecast_error_pairs_and_bracketed_recall_reasons(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("md, expected", [
    # a promotion threshold on a model metric says when the model is ready
    ("## Requirements\nWeekly batch.\n## Evaluation\nHGB improved validation NDCG@10 by 2.77%, below the "
     "predeclared 3% relative promotion\nthreshold.\n", []),
    ("## Требования\nРаз в неделю.\n## Оценка\nHGB улучшил NDCG@10 на валидации на 2,77%, ниже порога "
     "продвижения в 3%.\n", []),
    # a threshold of an alert is not
    ("## Requirements\nWeekly batch.\n## Evaluation\nNDCG@10 is logged; the alert threshold is 3%.\n",
     [(1, READY)]),
    ("## Требования\nРаз в неделю.\n## Оценка\nNDCG@10 пишем в лог; порог алерта — 3%.\n", [(1, READY)]),
])
def test_promotion_thresholds(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # a hard-wrapped sentence whose first line ends in an acronym is still one sentence
    ("## Requirements\nWeekly batch.\n\nWe expect models built on lag and calendar features to achieve MAPE\n"
     "below 10% on post-COVID test data.\n", []),
    ("## Требования\nРаз в неделю.\n\nОжидаем, что модели на лаговых и календарных признаках дадут MAPE\n"
     "ниже 10% на тестовых данных после пандемии.\n", []),
    # ... also inside a list item; separate items are not joined
    ("## Requirements\nWeekly batch.\n\n1. **Accuracy?**\n   We expect models built on lag and calendar features to "
     "achieve MAPE\n   below 10% on post-COVID test data.\n", []),
    ("## Requirements\nWeekly batch.\n\n- We expect models built on lag and calendar features to achieve MAPE\n"
     "- below 10% on post-COVID test data\n", [(1, READY)]),
])
def test_sentences_wrapped_after_an_acronym(md, expected):
    assert check(md, READY) == expected


@pytest.mark.parametrize("md, expected", [
    # two outcomes' costs compared, one of them an error
    ("## Requirements\nThe model may abstain: the cost of an extra manual check is lower than the cost of a "
     "dangerous answer or a wrong auto-close.\n", []),
    ("## Requirements\nThe cost of a wrong auto-close is far higher than the cost of a manual check.\n", []),
    ("## Требования\nМодель может отказаться: цена лишней ручной проверки ниже цены опасного ответа или "
     "неверного автозакрытия.\n", []),
    ("## Требования\nЦена неверного автозакрытия выше цены ручной проверки.\n", []),
    # costs compared with no error in sight are not
    ("## Requirements\nThe cost of a GPU hour is higher than the cost of a CPU hour.\n", [(1, COSTS)]),
    ("## Требования\nЦена GPU-часа выше цены CPU-часа.\n", [(1, COSTS)]),
])
def test_compared_costs_of_an_error(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # costs of capacity or of two platforms are not the costs of the model's errors
    ("## Requirements\nOver-provisioning the GPU cluster wastes money, while under-provisioning leads to request "
     "timeouts.\n", COSTS, [(1, COSTS)]),
    ("## Requirements\nThe cost of cloud inference is lower than the cost of the on-prem cluster, which is "
     "error-prone.\n", COSTS, [(1, COSTS)]),
    ("## Требования\nЦена облачного инференса ниже цены своего кластера, который часто даёт ошибки.\n", COSTS,
     [(1, COSTS)]),
    # a retraining trigger is not a release bar
    ("## Requirements\nWeekly batch.\n## Monitoring\nRetraining launch threshold: F1 on fresh labels below 0.8.\n",
     READY, [(1, READY)]),
    ("## Требования\nРаз в неделю.\n## Мониторинг\nПорог запуска переобучения: F1 на свежей разметке ниже 0,8.\n",
     READY, [(1, READY)]),
])
def test_review_look_alikes_of_costs_and_bars(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("text", [
    # naming an error direction, a stock word or a metric alone compares nothing
    "Early access to the API is planned for week 3.",
    "Late deliveries are tracked on the dashboard.",
    "We track stockouts daily.",
    "The stock is overvalued by the market.",
    "Features: f2 score and f3.",
    "We report the F-beta score with beta = 1.",
    "Misrouted tickets are logged.",
    "Цены дефицитных товаров растут.",
    "Ранняя или поздняя доставка — решает курьер.",
    # review: costs left out of scope, a feature name, old labels cleaned, a risk about data
    "Stockout costs are not modelled in this phase.",
    "Newsvendor-style order optimisation is out of scope; we only deliver the forecast.",
    "Задача газетчика (оптимизация заказа) вне рамок проекта.",
    "Features: courier speed, early vs late arrivals share per courier, weather.",
    "Misclassified items from the old rules engine need rework before they can be used for training.",
    "Потери из-за нехватки данных по новым категориям обращений.",
    # review: a precondition on data or staff is no readiness bar, and no error cost either
    "For the project to be successful, we need at least 2 years of ticket history.",
])
def test_error_cost_look_alikes_are_no_discussion(text):
    assert check(f"## Requirements\nBatch scoring.\n{text}\n", COSTS) == [(1, COSTS)]


@pytest.mark.parametrize("text", [
    # review: what success takes in data or people sets no readiness bar
    "For the project to be successful, we need at least 2 years of ticket history.",
    "For this to be successful, we need at least 3 support leads involved in the review.",
    "Чтобы проект был успешным, нужно не менее 2 лет истории обращений.",
])
def test_a_precondition_is_no_readiness_bar(text):
    assert check(f"## Requirements\nBatch.\n## Modeling\n{text}\n", "no-readiness-criterion") == [
        (1, "no-readiness-criterion")
    ]


@pytest.mark.parametrize("md, rule, expected", [
    # review: a check that measures or filters errors, card debits, a label shortage and annotators'
    # bias weigh no error; a comparison on no model metric, or «для продакшена», sets no bar
    ("## Requirements\nScores daily.\nThe FN rate will be estimated on additional checks of a 1% sample of false negatives.\n", "error-costs-not-discussed", [(1, 'error-costs-not-discussed')]),
    ("## Требования\nСкоры раз в день.\nЛожные срабатывания отсекаются дополнительной проверкой.\n", "error-costs-not-discussed", [(1, 'error-costs-not-discussed')]),
    ("## Требования\nСкоры раз в день.\nЛожные срабатывания по всем списаниям по картам логируем.\n", "error-costs-not-discussed", [(1, 'error-costs-not-discussed')]),
    ("## Требования\nСкоры раз в день.\nПропуски в разметке из-за дефицита размеченных данных.\n", "error-costs-not-discussed", [(1, 'error-costs-not-discussed')]),
    ("## Requirements\nScores daily.\nAnnotators show a positive bias on false positives, which inflates the label noise.\n", "error-costs-not-discussed", [(1, 'error-costs-not-discussed')]),
    ("## Requirements\nScores daily.\n### Success criteria\n- The new labelling tool gives a higher number of labelled cases than the current audit sample.\n", "no-readiness-criterion", [(1, 'no-readiness-criterion')]),
    ("## Requirements\nScores daily.\n### Success criteria\n- Doctors rate the new UI better for triage than the current dashboard.\n", "no-readiness-criterion", [(1, 'no-readiness-criterion')]),
    ("## Требования\nСкоры раз в день.\n### Критерии успеха\n- Новый сервис лучше подходит для продакшена.\n", "no-readiness-criterion", [(1, 'no-readiness-criterion')]),
])
def test_review_look_alikes_of_cost_and_readiness_readings(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, expected", [
    # a case the system lets through, with what it costs, is the cost of a miss
    ("## Goals\nThe cost of allowing glaucoma to go undiagnosed is high.\n## Metrics\nRecall.\n", []),
    ("## Goals\nFraud that goes undetected leads to chargebacks.\n## Metrics\nRecall.\n", []),
    ("## Цели\nЕсли болезнь остаётся невыявленной, лечение обходится дороже.\n## Метрики\nRecall.\n", []),
    ("## Цели\nМошенничество, которое остаётся не замеченным, ведёт к потерям.\n## Метрики\nRecall.\n", []),
    # a case that is caught, or one let through at no cost, is none
    ("## Цели\nПроблема остаётся выявленной, это дорого.\n## Метрики\nRecall.\n", [(3, COSTS)]),
    ("## Goals\nFew defects go undetected.\n## Metrics\nRecall.\n", [(3, COSTS)]),
])
def test_a_case_let_through_with_its_cost(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("md, expected", [
    # a price set on each error is an error cost; a confusion count is none
    ("## Goals\nCut fraud.\n## Risks\n- Cost model is assumed. FN = amount + 15, FP = 0.10 · amount + 2.\n", []),
    ("## Goals\nCut fraud.\n## Metrics\nFP = $5; FN = $120.\n", []),
    ("## Цели\nСнизить фрод.\n## Метрики\nFP: 500 руб., FN: 20000 руб.\n", []),
    ("## Goals\nCut fraud.\n## Metrics\nFP = 120, FN = 35 on the test set.\n", [(3, COSTS)]),
    ("## Цели\nСнизить фрод.\n## Метрики\nFP = 120, FN = 35 на тесте.\n", [(3, COSTS)]),
])
def test_a_price_on_each_error(md, expected):
    assert check(md, COSTS) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # review: look-alikes of a readiness bar or an error cost that are none (each read right before this change too)
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Infrastructure\nThe feature store sits behind Redis; cache hit rate > 95% keeps p99 latency under 80 ms.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Data\nChurners are rare: the positive class is < 2% of customers, so accuracy above 98% is trivial and we report PR-AUC instead.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Architecture\nOffline scoring jobs must finish in < 2 hours on the nightly cluster.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Feature selection\nWe drop any feature whose single-feature ROC-AUC < 0.52 before training.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Risks\n- Recall on the smallest segment may stay below 0.5; mitigation: oversample it.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Related work\nTeams on the public Kaggle leaderboard reach F1 > 0.9 on a similar telco dataset.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Данные\nОтточники редки: положительный класс < 2% клиентов, поэтому точность выше 98% ничего не значит, смотрим PR-AUC.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Отбор признаков\nУдаляем признаки, у которых одномерный ROC-AUC ниже 0,52.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Риски\n- Полнота на малом сегменте может остаться ниже 0,5; меры: оверсэмплинг.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Обзор решений\nУчастники соревнования на Kaggle получают F1 больше 0,9 на похожем датасете.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Разметка\nВторой разметчик перепроверяет 5% тикетов; точность разметки должна быть не ниже 95%, иначе партию переразмечают.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Эксплуатация\nЕсли точность на еженедельной выборке аудита опускается ниже 0,7, владелец модели перенастраивает порог.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nScores within 80 ms p99.\n## Data\nSchema changes in the CRM export can go unnoticed for weeks and damage every downstream feature.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Monitoring\nWithout drift checks, a shift in the input distribution may go undetected and cost us a quarter of stale scores.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Risks\nA broken feature pipeline could remain unnoticed for days, causing losses in campaign budget.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Engineering\nBugs that go uncaught in code review are expensive to fix once the model is in production.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Evaluation\nMarch confusion matrix: FN = 35 frauds ($12k in total); FP = 120 declines.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Данные\nИзменения схемы выгрузки из CRM могут оставаться незамеченными неделями и приводят к потере признаков.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Риски\nПоломка пайплайна признаков остаётся незамеченной по нескольку дней, а это прямые убытки маркетинга.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Мониторинг\nБез контроля дрейфа сдвиг входных данных остаётся незамеченным, что приводит к устаревшим скорам.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Инфраструктура\nСбой ночной выгрузки остаётся незамеченным до утра, и это стоит нам дня без скоров.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Оценка\nМарт: FN = 35 случаев (на 800 тыс. руб.); FP = 120 отказов.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Labels\nFN: unflagged payment of any amount, FP: flagged payment the customer confirms.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Приватность\nПерсональные данные в свободных комментариях остаются незамеченными, а это штрафы регулятора.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
])
def test_review_look_alikes_of_bars_and_error_costs(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # second review: look-alikes of this session's readings (each read right before it too)
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Metrics\nmAP@0.5: a detection counts as a true positive when its IoU with the ground-truth box is ≥ 0.5.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Метрики\nmAP@0.5: детекция считается верной, если IoU с разметкой не ниже 0,5.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Metrics\nWe report recall separately for every segment with ≥ 1,000 customers.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Метрики\nПолноту считаем отдельно для каждого сегмента, где больше 1000 клиентов.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ("## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Evaluation\nWe compute ROC-AUC per region and pool regions with < 200 positives into 'Other'.\n",
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Metrics\nThroughput: with fp16 precision one T4 serves > 500 requests per second.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Метрики\nПропускная способность: с точностью fp16 одна T4 обслуживает больше 500 запросов в секунду.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Цели\nСейчас точность правил ниже 10%: девять из десяти отмеченных платежей чистые.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nScores within 80 ms p99.\n## Monitoring\nLatency SLA violations go unnoticed without per-endpoint dashboards, which costs us contract penalties.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Мониторинг\nНарушения SLA по задержке остаются незамеченными без дашбордов по эндпоинтам, а это штрафы по договору.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Data\nAnomalies in the partner feeds can go unnoticed for weeks and lead to stale features.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Данные\nАномалии во входных фидах партнёров остаются незамеченными неделями, а это прямые потери на устаревших признаках.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Configuration\nBad config defaults can go unnoticed for weeks and cost us a doubled compute bill.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Конфигурация\nНеверные дефолтные значения в конфиге остаются незамеченными неделями, а это двойной счёт за вычисления и прямые убытки.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores within 80 ms p99.\n## Security\nCredential-stuffing attacks on the login API currently go undetected for days and lead to account takeovers.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор за 80 мс на p99.\n## Безопасность\nАтаки перебором паролей на API логина сейчас остаются незамеченными по нескольку дней, и ущерб от угона аккаунтов растёт.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
])
def test_second_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # second review: bars and prices the narrowed readings still accept
    ("## Требования\nПакетно.\n## Метрики\nМодель должна достигать F1 не ниже 0,8.\n", READY, []),
    ("## Requirements\nBatch.\n## Metrics\nRecall ≥ 0.9 at a false-alarm rate of at most 2%.\n", READY, []),
    ("## Требования\nПакетно.\n## Метрики\nRecall не ниже 0,9 при доле ложных тревог не выше 2%.\n", READY, []),
    ("## Требования\nСкор за 80 мс.\n## Порог решения\nFN = сумма транзакции, FP = 200 ₽ на звонок оператора.\n",
     COSTS, []),
    ("## Требования\nСкор за 80 мс.\n## Порог решения\nFN = 1,5 × сумма платежа, FP = 2 руб.\n", COSTS, []),
    ("## Требования\nСкор за 80 мс.\n## Порог решения\nМошенническая операция может остаться незамеченной, и "
     "тогда убыток равен всей сумме.\n", COSTS, []),
])
def test_second_review_bars_and_prices_still_read(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # third review: look-alikes of this session's readings (each read right before it too)
    ('## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Hypotheses\nH1: orders whose ETA accuracy is below 80% have twice the cancellation rate.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Гипотезы\nH1: в заказах, у которых точность прогноза ETA ниже 80%, отмен вдвое больше.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ("## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Hypotheses\nH2: the outsourced annotators' label accuracy is below 90%, which caps any model trained on their labels.\n",
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Гипотезы\nH2: точность разметки у подрядчика ниже 90%, и это ограничивает любую модель на его метках.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ("## Requirements\nWeekly batch; scores in the CRM by Monday 9:00.\n## Model evaluation\nWe do not use accuracy: a model that always answers 'stays' has accuracy > 96% at this churn rate.\n",
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nЕженедельный батч; скоры в CRM к 9:00 понедельника.\n## Оценка модели\nAccuracy не используем: модель, которая всегда отвечает «останется», имеет accuracy > 96% при такой доле оттока.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
])
def test_third_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # fourth review: look-alikes of this session's readings (each read right before it too)
    ('## Requirements\nScores within 80 ms p99.\n## Metrics\nPrimary offline metric: ROC-AUC. A ROC-AUC above 0.5 means the model ranks fraud better than random guessing.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nОтвет скоринга за 80 мс p99.\n## Метрики\nОсновная офлайн-метрика — ROC-AUC. ROC-AUC выше 0,5 означает, что модель ранжирует лучше случайного угадывания.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nForecasts ready by 6 am.\n## Metrics\nWe report WAPE and R². An R² below 0 means the model is worse than predicting the mean.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nПрогноз готов к 6 утра.\n## Метрики\nСчитаем WAPE и R². R² < 0 означает, что модель хуже прогноза средним.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ("## Requirements\nResult within 1 minute of upload.\n## Evaluation\nAgreement between the model and radiologists is measured with Cohen's kappa; by the usual convention, kappa above 0.8 means almost perfect agreement.\n",
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nScore returned within 300 ms.\n## Metrics\nMain metric: Gini (2·ROC-AUC − 1). For application scorecards a Gini above 0.6 is typical.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nСкор за 300 мс.\n## Метрики\nОсновная метрика — Gini (2·ROC-AUC − 1). Для скоринговых карт на заявках Gini выше 0,6 типичен.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nScores within 80 ms p99.\n## Metrics\nPrimary metric: accuracy of the dispute category. Annotators disagree on 12% of disputes, so accuracy above 88% is not realistic.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nОтвет скоринга за 80 мс p99.\n## Метрики\nОсновная метрика — accuracy категории спора. Разметчики расходятся в 12% споров, поэтому точность выше 88% недостижима.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Требования\nОтвет скоринга за 80 мс p99.\n## Цели\nСнизить потери от фрода при меньшем числе ручных проверок.\n### Не цели\n- Полнота выше 0,95: сложные случаи остаются на ручной проверке.\n',
     'no-readiness-criterion', [(1, 'no-readiness-criterion')]),
    ('## Requirements\nScores refreshed nightly for all adult patients.\n## Data\nLabels come from ICD-10 codes. Many cases remain undiagnosed for years, which leads to label noise in the negative class.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкоры пересчитываются каждую ночь для всех взрослых пациентов.\n## Данные\nМетки — коды МКБ-10. Заболевание у многих пациентов годами остаётся недиагностированным, что приводит к шуму в отрицательном классе.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Requirements\nScores refreshed nightly for all adult patients.\n## Labelling\nSmall lesions are often left unflagged by the labelling radiologists, which leads to label noise in the positive class.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкоры пересчитываются каждую ночь для всех взрослых пациентов.\n## Разметка\nМелкие опухоли часто остаются незамеченными и для врачей-разметчиков, что приводит к шуму в разметке положительного класса.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
    ('## Требования\nСкор каждой авторизации за 50 мс.\n## Данные\nМетки — чарджбэки. Мошенничество, которое остаётся незамеченным для держателя карты, не становится чарджбэком, что приводит к недостающим положительным примерам в обучающей выборке.\n',
     'error-costs-not-discussed', [(1, 'error-costs-not-discussed')]),
])
def test_fourth_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected
