"""Risk rules (DD271)."""

from __future__ import annotations

import pytest

from _content import check

RULE = "risk-without-mitigation"


@pytest.mark.parametrize("md, expected", [
    ("## Risks\nLabel delay → we monitor a proxy metric daily.\n", []),
    ("## Риски\nЗадержка меток — отслеживаем прокси-метрику ежедневно.\n", []),
    ("## Risks\nLabel delay; fraudsters adapt to the model.\n", [(1, RULE)]),
    ("## Риски\nЗадержка меток; адаптация мошенников к модели.\n", [(1, RULE)]),
    ("## Risks & mitigations\nFalse warnings on artistic photos — start with a conservative threshold.\n", []),
    ("## Risks & mitigations\nLabel delay.\n", [(1, RULE)]),  # the heading is not a mitigation
    ("## Open questions\n- Do advertisers need to see the score?\n- How do we treat new ads?\n", []),
    ("## Risks\n| Risk | Mitigation |\n|---|---|\n| Drift | weekly retrain |\n| Label delay | |\n", [(5, RULE)]),
    ("## Риски\n| Риск | Меры |\n|---|---|\n| Дрейф | переобучение |\n", []),
    ("---\nkind: hypothesis\n---\n## Idea\nA.\n## Risks\nReposts of old listings.\n", [(6, RULE)]),
    ("## Goals\nX.\n", []),
    # a remedy under its own label in each item
    ("## Риски\n1. **Переобучение**\n   - *Риск*: модель запоминает шум\n   - *Снижение*: регуляризация\n", []),
    ("## Risks\n1. **Overfitting**\n   - *Risk*: the model learns noise\n   - *Mitigation*: regularisation\n", []),
    ("## Риски\n- Снижение выручки: клиенты уйдут к конкурентам.\n", [(1, RULE)]),
])
def test_risk_without_mitigation(md, expected):
    assert check(md, RULE) == expected


def test_arrow_inside_an_example_is_not_a_mitigation():
    md = '## Risks\n- Wrong synonyms ("apple" → phone accessories) hurt precision.\n'
    assert check(md, "risk-without-mitigation") == [(1, "risk-without-mitigation")]


@pytest.mark.parametrize("text", [
    "- AM adoption: AMs may ignore the list. We will partner with sales enablement.",
    "- Макрошок — стресс-тест на сценарии 2020 года.",
    # what can remedy or soften a risk is its mitigation
    "Wrong features may be collected. However, this can be readily remedied with a user survey.",
    "False positives annoy customers; a verification step can partially alleviate this.",
    "Сбои парсера PDF. Это можно частично компенсировать ручной проверкой.",
    "Задержка меток: риск снимается еженедельной сверкой с CRM.",
    # a correction is what handles multiple comparisons
    "- Множественные сравнения: при нескольких метриках нужна поправка Бонферрони.",
    "- Multiple comparisons: testing several metrics requires a Bonferroni correction.",
    "- **Переобучение**: для предотвращения переобучения используется регуляризация.",
    # a remedy named as a noun with its means
    "- Ошибки в разметке. Минимизация через скрипты валидации и перекрёстную разметку.",
    "- Label errors. Minimisation through validation scripts and cross-annotation.",
    "- Ошибки в разметке: снижение за счёт ручной проверки.",
    # one remedy for the whole list
    "- Дрейф данных.\n- Мало данных.\nЭти риски должны закрываться регулярным мониторингом качества.",
])
def test_more_mitigation_wordings(text):
    assert check(f"## Risks\n{text}\n", "risk-without-mitigation") == []


@pytest.mark.parametrize("md, expected", [
    # what the team must do about a risk is its mitigation
    ("## Риски\nПродавцы могут перестать обновлять карточки — нужно прописать в договоре их обязанности.\n", []),
    ("## Риски\nУтечка персональных данных: необходимо предусмотреть обезличивание.\n", []),
    ("## Risks\nSellers may stop updating listings; we need to write their duties into the contract.\n", []),
    ("## Risks\nA data leak is possible; the team must restrict access to raw logs.\n", []),
    # a need without an action is still a bare risk
    ("## Риски\nНужно больше данных; продавцы могут перестать обновлять карточки.\n", [(1, RULE)]),
    ("## Risks\nWe need more data; sellers may stop updating listings.\n", [(1, RULE)]),
])
def test_what_the_team_must_do_is_a_mitigation(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md, expected", [
    # a risks table whose answer column is headed "Решение" / "Solution"
    ("## Риски\n| Риск | Решение |\n|---|---|\n| Переобучение | регуляризация |\n| Дрейф | |\n", [(5, RULE)]),
    ("## Risks\n| Risk | Solution |\n|---|---|\n| Overfitting | regularisation |\n", []),
])
def test_solution_column_is_the_mitigation_column(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("text", [
    "Wrong features may be collected, and the loss cannot be remedied.",
    "Сбои парсера PDF; последствия не устранить.",
])
def test_a_risk_said_to_be_beyond_remedy_has_no_mitigation(text):
    assert check(f"## Risks\n{text}\n", "risk-without-mitigation") == [(1, "risk-without-mitigation")]


@pytest.mark.parametrize("text", [
    "Сбой парсера; этот риск не может быть устранён.",
    "Утечка данных; ущерб не будет компенсирован.",
])
def test_a_negated_remedy_is_no_mitigation(text):
    assert check(f"## Риски\n{text}\n", "risk-without-mitigation") == [(1, "risk-without-mitigation")]


@pytest.mark.parametrize("md", [
    # a risk that mentions a correction or a reduction is still a bare risk
    "## Risks\n- Labels require manual correction, which is slow.\n",
    "## Риски\n- Данных может не хватить для снижения ошибки.\n",
    # a reduction of something else with its cause is no remedy
    "## Risks\n- Reduction in recall through seasonal drift.\n",
    "## Risks\n- Revenue reduction by 10% if the model fails.\n",
    "## Риски\n- Снижение продаж за счёт каннибализации.\n",
])
def test_review_regressions_bare_risks(md):
    assert check(md, RULE) == [(1, RULE)]


def test_impact_column_is_not_the_mitigation_column():
    md = "## Риски\n| Риск | Влияние на решение | Меры |\n|---|---|---|\n| Дрейф | высокое | |\n"
    assert check(md, RULE) == [(4, RULE)]


@pytest.mark.parametrize("md, expected", [
    # a risk answered by an action noun after its dash, or by what happens then
    ("## Риски\n- Сбой модели из-за атак - создание standby-сервисов.\n"
     "- Технический сбой - переключаемся на предыдущую модель.\n", []),
    ("## Риски\n- Чековые данные не похожи на системные. В этом случае чеки не берём.\n", []),
    ("## Риски\n- Дубликаты ID магазинов. Потребуется более точный алгоритм удаления дубликатов.\n", []),
    ("## Risks\n- The vendor API goes down. In that case we run jobs on the local model.\n", []),
    # a dash followed by more of the risk is not a remedy
    ("## Риски\n- Сбой метрик - данные приходят с задержкой.\n", [(1, RULE)]),
    ("## Risks\n- The vendor API goes down - jobs pile up.\n", [(1, RULE)]),
    # "in this case" over a consequence, a cost to bear, a dash over more of the risk: no remedy
    ("## Risks\n- Data drift. In this case the model silently degrades.\n", [(1, RULE)]),
    ("## Риски\n- Дрейф данных. В этом случае качество модели падает.\n", [(1, RULE)]),
    ("## Риски\n- Потребуется ручная разметка, бюджета на которую нет.\n", [(1, RULE)]),
    ("## Риски\n- Смена API партнёра — отключение фида без предупреждения.\n", [(1, RULE)]),
])
def test_action_nouns_and_what_happens_then(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md, expected", [
    # a remedy labelled with a dash instead of a colon
    ("## Риски\n- Сбой модели (drift): Решение - мониторинг метрик и retraining pipeline.\n", []),
    ("## Risks\n- Model drift. Solution - monitoring and a retraining pipeline.\n", []),
    ("## Risks\n- Model drift. No solution - yet.\n", [(1, RULE)]),
    ("## Риски\n- Дрейф модели. Решение - пока нет.\n", [(1, RULE)]),
])
def test_remedy_after_a_dash_label(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md, expected", [
    # a remedy under its own label in a risk card
    ("## Оценка рисков\n- **Срыв сроков**\n\n    *Ущерб:* высокий\n\n    *Метод компенсации:* недельные спринты.\n", []),
    ("## Риски\n- Дрейф данных. Реагирование: еженедельная проверка PSI.\n", []),
    ("## Риски\n- Срыв сроков. Ущерб: высокий. Вероятность: 50%.\n", [(1, "risk-without-mitigation")]),
])
def test_remedy_labels_ru(md, expected):
    assert check(md, "risk-without-mitigation") == expected


@pytest.mark.parametrize("md, expected", [
    # a section named for the remedies lists remedies, however bare
    ("## Risk Mitigation\n- Gradual scaling approach\n- Comprehensive monitoring\n", []),
    ("## Меры по снижению рисков\n- Постепенное масштабирование\n- Мониторинг\n", []),
    ("## Risks\n- Label delay\n### Mitigation\n- Weekly proxy metric\n", []),
    # a heading that names risks beside remedies still needs the remedies
    ("## Risks and mitigations\n- Label delay\n- Fraudsters adapt\n", [(1, RULE)]),
    ("## Риски и меры\n- Задержка меток\n- Адаптация мошенников\n", [(1, RULE)]),
])
def test_sections_named_for_remedies(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("heading", ["Risks, mitigations", "Risks — mitigation owners", "Risks (mitigation in progress)"])
def test_headings_naming_risks_first_still_need_remedies(heading):
    assert check(f"## {heading}\n- Label delay of 30 days\n- Fraudsters adapt\n", RULE) == [(1, RULE)]


@pytest.mark.parametrize("md, expected", [
    # the remedy in the imperative after a dash pairs each risk
    ("## Risks and Mitigation\n1. Data Risks:\n   - Salary range variability - use outlier handling\n"
     "   - Skills bias - develop cluster-specific models\n", []),
    ("## Риски\n- Разброс зарплат — использовать обработку выбросов\n"
     "- Смещение по навыкам — регулярный анализ важности признаков\n", []),
    # a dash before a consequence is no remedy
    ("## Risks\n- Data drift - the model degrades over time\n- Latency - high under load\n",
     [(1, "risk-without-mitigation")]),
    ("## Риски\n- Дрейф данных — модель со временем деградирует\n", [(1, "risk-without-mitigation")]),
])
def test_remedy_after_a_dash(md, expected):
    assert check(md, "risk-without-mitigation") == expected


@pytest.mark.parametrize("md, expected", [
    # a risks table whose answer column is headed "Стратегия минимизации" / "Prevention"
    ("## Риски\n| Риск | Влияние | Стратегия минимизации |\n|---|---|---|\n| Сдвиг модели | Средне | Периодическое дообучение |\n", []),
    ("## Риски\n| Риск | Влияние | Стратегия минимизации |\n|---|---|---|\n| Дрейф | Высокое | |\n", [(4, RULE)]),
    ("## Риски\n| Риск | Предотвращение |\n|---|---|\n| Утечка | шифрование |\n", []),
    ("## Risks\n| Risk | Impact | Minimisation strategy |\n|---|---|---|\n| Drift | High | periodic retraining |\n", []),
    ("## Risks\n| Risk | Impact | Minimization strategy |\n|---|---|---|\n| Drift | High | |\n", [(4, RULE)]),
    ("## Risks\n| Risk | Prevention |\n|---|---|\n| Leak | encryption |\n", []),
])
def test_minimisation_column_is_the_mitigation_column(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md, expected", [
    # a risk answered after its dash by what the team switches to or builds
    ("## Риски\nСлишком долгий инференс — переход на упрощённый режим и ускорение TensorRT\n", []),
    ("## Риски\nРост нагрузки выше одного GPU — горизонтальное масштабирование и очередь\n", []),
    ("## Риски\nЗависимость от открытой модели — полная контейнеризация и план замены\n", []),
    ("## Risks\nSlow inference — switch to a light mode and TensorRT\n", []),
    ("## Risks\nGPU load beyond one card — horizontal scaling and a queue\n", []),
    ("## Risks\nDependence on an open model — containerisation and a replacement plan\n", []),
    # a dash before a bare consequence is still a bare risk
    ("## Риски\nСлишком долгий инференс — пользователи уходят\n", [(1, RULE)]),
    ("## Risks\nSlow inference — users leave\n", [(1, RULE)]),
])
def test_dash_answers_that_switch_or_scale(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md, expected", [
    # a remedy required of the deployment is a mitigation
    ("## Risks\n- Training only on wins can create selection bias. A real deployment should jointly model "
     "acceptance probability and price.\n", []),
    ("## Risks\n- Tiers can encode policy differences; legal and compliance review is required before live use.\n", []),
    ("## Риски\n- Тарифы могут кодировать политику; юридическая проверка обязательна перед запуском.\n", []),
    ("## Риски\n- Тарифы могут кодировать политику; перед запуском обязательна юридическая проверка.\n", []),
    # a requirement that is not a remedy is not
    ("## Risks\n- Legal review may be slow.\n", [(1, RULE)]),
    ("## Риски\n- Юридическая проверка может затянуться.\n", [(1, RULE)]),
])
def test_remedies_required_of_the_deployment(md, expected):
    assert check(md, RULE) == expected


@pytest.mark.parametrize("md", [
    # what the system must do, a required review or an action noun can be the risk itself
    "## Risks\n- The model must use customer transaction history, which may violate GDPR.\n",
    "## Risks\n- Manual review is required for every flagged case, which does not scale.\n",
    "## Риски\n- Ручная проверка требует 5 минут на заявку.\n",
    "## Risks\n- Stale answers — caching makes users see outdated prices.\n",
    "## Risks\n- Accuracy loss — quantization to INT8 may cost up to 2% recall.\n",
    "## Риски\n- Деградация качества — квантизация модели снижает точность.\n",
])
def test_review_look_alikes_stay_bare_risks(md):
    assert check(md, RULE) == [(1, RULE)]


@pytest.mark.parametrize("md, expected", [
    # a question followed by how it will be answered is still a question, not a bare risk
    ("## Open questions\n- What SLAs apply to P0 and P1? (Confirm with the support leads.)\n"
     "- Which rules apply? Confirm the full set with legal.\n", []),
    ("## Открытые вопросы\n- Какие SLA действуют для P0? (Уточнить у поддержки.)\n"
     "- Какие нормы применимы? Подтвердить с юристами.\n", []),
    # a bare risk beside a question is still reported
    ("## Risks\n- What SLAs apply? (Confirm with support.)\n- Fraudsters adapt to the model.\n",
     [(1, "risk-without-mitigation")]),
    ("## Риски\n- Какие SLA действуют? (Уточнить.)\n- Мошенники подстроятся под модель.\n",
     [(1, "risk-without-mitigation")]),
])
def test_a_question_with_its_follow_up_is_no_risk(md, expected):
    assert check(md, "risk-without-mitigation") == expected


@pytest.mark.parametrize("md, expected", [
    # a questions table: its header row is no risk, and "€0.10" does not end the question
    ("## Open questions\n| Question | Owner | Due |\n|---|---|---|\n"
     "| Which provider fits the €0.10 budget and the latency target? | team | M2 |\n", []),
    ("## Открытые вопросы\n| Вопрос | Владелец | Срок |\n|---|---|---|\n"
     "| Какая модель укладывается в бюджет €0.10 и целевую задержку? | команда | КТ2 |\n", []),
    # a risks table without a mitigation column still needs one
    ("## Risks\n| Risk | Owner |\n|---|---|\n| Fraudsters adapt to the model | ML team |\n",
     [(1, "risk-without-mitigation")]),
    ("## Риски\n| Риск | Владелец |\n|---|---|\n| Мошенники подстроятся под модель | команда ML |\n",
     [(1, "risk-without-mitigation")]),
])
def test_a_questions_table_is_no_risk_list(md, expected):
    assert check(md, "risk-without-mitigation") == expected


@pytest.mark.parametrize("md, expected", [
    # review: among risks, a rhetorical question that states the risk is a risk
    ("## Risks\n- What if fraudsters adapt? They will: recall can fall by a third within a month.\n",
     [(1, "risk-without-mitigation")]),
    ("## Риски\n- А если мошенники адаптируются? Адаптируются: полнота упадёт на треть за месяц.\n",
     [(1, "risk-without-mitigation")]),
    # a link's query string or a hedge in brackets does not make a risk a question
    ("## Risks\n- Chargeback labels lag up to 90 days (see https://wiki.example.com/display/RISK?pageId=4412).\n",
     [(1, "risk-without-mitigation")]),
    ("## Open questions\n- Chargeback labels lag up to 90 days (see https://wiki.example.com/x?pageId=4412).\n",
     [(1, "risk-without-mitigation")]),
    ("## Риски\n- Метки чарджбэков запаздывают до 90 дней (подробнее https://wiki.example.ru/view?pageId=4412).\n",
     [(1, "risk-without-mitigation")]),
    ("## Risks\n- GDPR exposure (does it cover pseudonymised IDs?): raw card BINs are kept for 2 years.\n",
     [(1, "risk-without-mitigation")]),
    # a pasted table without header cells starts with a risk
    ("## Risks\n| Chargeback labels arrive up to 90 days late | High |\n|---|---|\n| TBD | |\n",
     [(1, "risk-without-mitigation")]),
    ("## Риски\n| Метки чарджбэков приходят с задержкой до 90 дней | Высокий |\n|---|---|\n| TBD | |\n",
     [(1, "risk-without-mitigation")]),
])
def test_review_risks_that_look_like_questions_or_headers(md, expected):
    assert check(md, "risk-without-mitigation") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # second review: look-alikes of this session's readings (each read right before it too)
    ('## Risks\n- What if the bureau changes its score format again? (It did so twice in 2023 and approvals collapsed for a week each time.)\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
    ('## Риски\n- А если бюро снова поменяет формат скора? (В 2023 году это было дважды, и одобрения падали на неделю.)\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
    ('## Open questions and known issues\n- Chargeback labels lag up to 90 days (can the bank share them sooner?), so fresh fraud patterns stay invisible to training.\n- Which bureau fields may we legally use?\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
    ('## Открытые вопросы и известные проблемы\n- Метки чарджбэков приходят с задержкой до 90 дней (можно ли получать их раньше?), поэтому свежие схемы мошенничества в обучении не видны.\n- Какие поля бюро можно использовать по закону?\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
    ('## Risks\n| Label leakage | High |\n|---|---|\n| | |\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
    ('## Риски\n| Утечка меток | Высокая |\n|---|---|\n| | |\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
    ('## Risks\n| Label leakage | High |\n|---|---|\n| TBD | |\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
    ('## Риски\n| Утечка меток | Высокая |\n|---|---|\n| TBD | |\n',
     'risk-without-mitigation', [(1, 'risk-without-mitigation')]),
])
def test_second_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected
