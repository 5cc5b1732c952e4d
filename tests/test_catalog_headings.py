"""Heading synonyms of the catalogue: a heading in, the section id it means out.

Table-driven; each row is a wording seen in filled templates (the ML System
Design book template, the Russian Reliable ML template and student docs built
on them), written here in our own words.
"""

from __future__ import annotations

import pytest

from designdoc.catalog import default_catalog
from designdoc.document import parse


def _ids(md: str) -> list[tuple[str, str | None]]:
    doc = parse(md, "t.md", kind="full")
    return [(s.title, s.id) for s in doc.sections()]


@pytest.mark.parametrize(
    "heading, expected",
    [
        # Constraints on solving the task (template heading, both languages).
        ("Task Solution Constraints", "requirements"),
        ("1.5. Constraints on the solution", "requirements"),
        ("Ограничения на решение задачи", "requirements"),
        # Success criteria of the technical solution hold the model metric targets.
        ("2.2 Критерии успеха технического решения", "metrics"),
        ("Technical success criteria", "metrics"),
        # Business success criteria stay requirements.
        ("Критерии успеха", "requirements"),
        ("MVP success criteria", "requirements"),
        # "Data for the task" is data, not the task statement.
        ("2.5. Данные для задачи", "data"),
        ("Data for the task", "data"),
        ("Постановка задачи", "goals"),
        # Building a baseline as a stage of the plan.
        ("Этап 2. Построение Baseline ML модели", "baselines"),
        ("Построение бейзлайна", "baselines"),
        ("Baseline решение", "baselines"),
        ("Building the baseline", "baselines"),
        # "ML model" is the model, not "why ML".
        ("ML Модель:", "modeling"),
        ("ML model", "modeling"),
        ("Why ML?", "goals"),
        # Monitoring with its feedback loop.
        ("Monitoring and feedback loop", "monitoring"),
        ("Мониторинг и обратная связь", "monitoring"),
        # The metrics a monitoring plan watches are monitoring, not the metrics section.
        ("Key Metrics to Monitor", "monitoring"),
        ("Monitoring metrics", "monitoring"),
        ("Метрики для мониторинга", "monitoring"),
        ("Key metrics", "metrics"),
        # Infrastructure *and scalability* is the scaling section (as in English).
        ("4.2. Описание инфраструктуры и масштабируемости", "support"),
        ("Scalability and infrastructure planning", "support"),
        ("Инфраструктура", "deployment"),
        # Operating notes of a deploy plan (latency, logs, secrets, cost) are operations, not risks.
        ("Operational concerns", "support"),
        ("Operational considerations", "support"),
        # One tier of a ranked list is an item, not the MoSCoW section ...
        ("Priority A — Fast wins (expected improvement vs local Whisper)", None),
        ("3.1 Priority A — Fast wins", None),
        ("Приоритет 1 — быстрые победы", None),
        # ... unless it names a MoSCoW category; the section's own names stay.
        ("Priority 1 (Must have)", "priorities"),
        ("Priority B (Nice to have)", "priorities"),
        # «в» is a preposition, not tier "B"
        ("Приоритет в MVP", "priorities"),
        ("Приоритет 1: обязательно", "priorities"),
        ("Priorities", "priorities"),
        ("Приоритеты задач", "priorities"),
        # review: a heading with both risk and scoring words is still the risk register
        ("Risk assessment and scoring", "risks"),
        ("Оценка и скоринг рисков", "risks"),
        # an enumerated alternative numbers the options: the heading is what follows it
        ("Plan B — Sentiment Surprise (Rolling Delta)", None),
        ("Plan A — Replace Embedding with Scalar Probability Score (Low cost)", None),
        ("Вариант Б — откат на правила", "rollback"),
        ("Plan B", "rollback"),
        ("Plan B: fallback to rules", "rollback"),
        # pronouns dilute nothing: "them" is no second topic
        ("Risks and how we handle them", "risks"),
        ("Риски и как мы с ними работаем", "risks"),
        ("Этап 3 - Выбор метрик и их связь с бизнес-результатом", "metrics"),
        # a risk register with its mitigation plan is no plan of work; «успешности» is «успеха»
        ("4. Риски проекта и план их снижения", "risks"),
        ("План снижения рисков", "risks"),
        ("5.4. Критерии успешности", "requirements"),
        ("План проекта и риски", "timeline"),
        ("План управления рисками", "risks"),
        ("Критерии успешности A/B теста", "ab_test"),
        # a train/validation/test split is the validation scheme, not a split test
        ("3. Train/Validation/Test Split", "modeling"),
        ("Разбиение на выборки", "modeling"),
        ("Split test", "ab_test"),
        # the business task is the goal; "NFR" abbreviates the non-functional requirements
        ("Business task", "goals"),
        ("NFR", "requirements"),
        ("False Reject (FR)", None),
        # two topics joined by "and", each naming a section: the first names the heading
        ("Baseline и метрики выбора", "baselines"),
        ("Baseline and selection metrics", "baselines"),
        ("Problem and research question", "goals"),
        ("Требования к быстродействию и надежности, масштабирование", "requirements"),
        # ... unless a later part is just the name of an experiment or rollback plan
        ("План раскатки и пилот", "ab_test"),
        ("Сроки и этапы пилота", "timeline"),
        # ... even when the other topic names nothing
        ("План пилота и раскатки", "ab_test"),
        # ... but not when a part names nothing: one question, not two topics
        ("Что чем решается и почему", None),
        # "or" joins two topics as "and" does: the rollback part names the heading
        ("Phase 7: Model Promotion or Rollback", "rollback"),
        ("Продвижение модели или откат", "rollback"),
        ("Build or buy", "goals"),
        ("Synthetic Anomaly Injection & Evaluation Framework", None),
        ("Initialisation — and the risk that decides it", None),
        # the model's own risk output is no risk register; adjacency decides
        ("Risk Aggregation", None),
        ("Risk scoring", None),
        ("Стратификация риска", None),
        ("Риск-скоринг", None),
        ("Stage 3 — Risk Stratification (Model 2 — XGBoost)", "modeling"),
        ("Risks and risk scoring", "risks"),
        ("Risks: risk scoring model", "risks"),
        ("Risk estimation and mitigation", "risks"),
        ("Risk classification", "risks"),
        ("Прогноз рисков", "risks"),
        ("Стратификация рисков и их митигация", "risks"),
        ("Risk analysis", "risks"),
        ("5. Risk-Impact Matrix", "risks"),
        ("Risk Register", "risks"),
        # what the system does when it fails is its failure plan
        ("Fail-Safe Behavior", "rollback"),
        ("🚨 INCIDENT RESPONSE", "rollback"),
        ("Обработка сбоев", "rollback"),
        ("Аварийный режим", "rollback"),
        ("Реагирование на инциденты", "rollback"),
        ("Обработка данных", None),
        # gates a model must pass before promotion are its readiness requirements
        ("Promotion gating", "requirements"),
        ("Quality gates", "requirements"),
        ("Гейты приёмки", "requirements"),
        # watching the data in production is monitoring, not the data section
        ("7.1 Data quality monitoring", "monitoring"),
        ("Data monitoring", "monitoring"),
        ("Мониторинг качества данных", "monitoring"),
        ("Data quality", "data"),
        ("Качество данных", "data"),
        # a register of risks by tier is still the risk register
        ("Risk tiers", "risks"),
        # an experiment plan's measurement part names its metrics
        ("3. Measurement Plan", "metrics"),
        ("Primary Outcome Metric", "metrics"),
        ("4. What we measure", "metrics"),
        ("Tracked Pilot KPIs", "metrics"),
        ("План измерений", "metrics"),
        ("Что будем измерять", "metrics"),
        ("KPI пилота", "metrics"),
        ("Plan", "timeline"),
        # keeping data safe is a constraint, not the data section; paperwork is no requirements
        ("4.5 Data Security", None),
        ("4.5. Data Safety", None),
        ("7. Data protection", None),
        ("Защита данных", None),
        ("10. Documentation Requirements", None),
        # ... but a heading that also names the data, or the requirements, still does
        ("Data sources and data protection", "data"),
        ("Сбор, хранение и защита данных", "data"),
        ("Data and security", "data"),
        ("Functional and documentation requirements", "requirements"),
        # feature flags are how the model is rolled out; with a kill switch, how it is rolled back
        ("4.2 Feature Flags", "deployment"),
        ("Фича-флаги", "deployment"),
        ("Feature flags and kill switch", "rollback"),
        # design alternatives a doc weighed are not others' work; a research question is the problem
        ("10. Alternatives Considered", None),
        ("Alternative Considered", None),
        ("2. Research Questions", "goals"),
        ("The Research Question", "goals"),
        ("Исследовательские вопросы", "goals"),
        ("Open research questions", "risks"),
        ("Открытые исследовательские вопросы", "risks"),
        ("Related work", "prior_art"),
        # a heading that holds "rollback" / «откат» and names nothing else is the plan
        ("Manual rollback procedure", "rollback"),
        ("Step 5 — Document the rollback in the incident log", "rollback"),
        ("Порядок отката модели", "rollback"),
        ("Резервный план", "rollback"),
        ("Rollback Success Criteria", "requirements"),
        # "fallback" alone also names a model's fallback value or intent
        ("Fallback values for missing features", None),
        ("Фолбэк-значения для пропусков", None),
    ],
)
def test_heading_means_section(heading: str, expected: str) -> None:
    assert default_catalog().match(heading, "full") == expected


@pytest.mark.parametrize(
    "heading",
    [
        "Результат этапа",
        "Результаты этапа",
        "Выход этапа",
        "Stage result",
        "Stage output",
        # A stage enumerator is not the plan of stages, however it is written.
        "Этап 3",
        "Этап - 4 Сбор отзывов пилотной группы",
        "Этап №2 — уточнение требований заказчика",
        "Stage 3 — interpretation agreed with the client",
        "Step 5: hand-over report",
    ],
)
def test_stage_outcome_is_not_a_section(heading: str) -> None:
    assert default_catalog().match(heading, "full") is None


def test_stage_outcomes_inside_a_plan_do_not_make_a_timeline() -> None:
    md = (
        "## Этапы решения задачи\n\n"
        "### Этап 1. Подготовка данных\nСобираем логи заказов за год.\n\n"
        "**Результат этапа**\n\nОчищенный датасет.\n"
    )
    assert [sid for _, sid in _ids(md)] == ["modeling", "data", None]


@pytest.mark.parametrize(
    "heading, expected",
    [
        # A loosely written stage enumerator leaves the topic after it.
        ("Этап - 1 сбор и разметка данных", "data"),
        ("Этап №3. Мониторинг качества", "monitoring"),
        ("Stage - 2 baseline", "baselines"),
        # The plan of stages itself stays a timeline.
        ("Этапы", "timeline"),
        ("Этапы проекта", "timeline"),
    ],
)
def test_stage_enumerators_are_numbering(heading: str, expected: str) -> None:
    assert default_catalog().match(heading, "full") == expected


@pytest.mark.parametrize(
    "heading, expected",
    [
        # A heading that opens with a synonym and then runs on as a sentence.
        ("2.3.2 Этап 2. Подготовка бейзлайн решения на основе открытой модели из каталога", "baselines"),
        ("Baseline solution built from last quarter's median order value per store", "baselines"),
        ("Previous work on matching duplicate listings has been done by several teams", "prior_art"),
        ("Риски проекта и то, что может пойти не так при запуске в магазинах", "risks"),
        # Short headings whose first words name nothing still match nothing.
        ("Описание планируемого технического долга на следующий квартал", None),
        ("Notes from the kickoff meeting with the store managers", None),
    ],
)
def test_long_heading_is_matched_on_its_opening_words(heading: str, expected: str | None) -> None:
    assert default_catalog().match(heading, "full") == expected


@pytest.mark.parametrize(
    "heading, expected",
    [
        # Results and description of the baseline, as a stage sub-heading.
        ("Baseline results", "baselines"),
        ("Description of the baseline structure", "baselines"),
        ("Результаты бейзлайна", "baselines"),
        ("Описание структуры бейзлайна", "baselines"),
        # Risks of a stage of the plan, with the ways to lower them.
        ("Risks of this stage and ways to reduce them", "risks"),
        ("Риски этапа и способы их снижения", "risks"),
        ("Риски и митигация", "risks"),
        # a list of ways the system fails is a risk analysis, not a rollback plan
        ("6. Common Failure Modes (Lessons Learned)", "risks"),
        ("Failure modes", "risks"),
        # "non-ml" splits into two words, which outweigh "baseline"
        ("⚙️ Non-ML Baseline", "baselines"),
        ("Бейзлайн без ML", "baselines"),
        # review: failure modes with their fallbacks are the rollback plan; why-ML headings are goals
        ("Failure modes and fallbacks", "rollback"),
        ("Failure Modes and Recovery", "rollback"),
        ("Failure modes & mitigations", "risks"),
        ("Почему ML?", "goals"),
        ("Need for ML", "goals"),
        ("Необходимость ML", "goals"),
        ("ML or heuristics?", "goals"),
        # an experiment's pre-period measurement is no baseline model
        ("Pre-Test Data (T0 - Baseline)", None),
        ("Baseline measurement", "baselines"),
        ("Базовый период", None),
        # The framework that compares a new model with the current one online.
        ("A/B testing framework", "ab_test"),
        ("Фреймворк A/B-тестирования", "ab_test"),
        # Earlier research on the same problem is prior art.
        ("Previous research", "prior_art"),
        ("Предыдущие исследования", "prior_art"),
        # An inference-time budget is a requirement, not the serving design.
        ("Inference time", "requirements"),
        ("Время инференса", "requirements"),
        # Evaluating and comparing candidate models is modelling, not a plan estimate.
        ("Evaluation and comparison", "modeling"),
        ("Оценка и сравнение", "modeling"),
        # How the model will be scored is the metrics; with validation in the
        # title it is the validation scheme.
        ("🧪 Model Evaluation Strategy", "metrics"),
        ("Model evaluation", "metrics"),
        ("5. Validation & Evaluation Strategy", "modeling"),
    ],
)
def test_stage_subheadings_of_course_templates(heading: str, expected: str) -> None:
    assert default_catalog().match(heading, "full") == expected


@pytest.mark.parametrize(
    "heading, kind, expected",
    [
        # a question word dropped as filler still carries a short synonym's meaning:
        # "Why ML" is goals, not any heading with "ML" in it
        ("Why ML?", "full", "goals"),
        ("ML Design — SyscallMind", "full", None),
        ("ML-1 — Spatial service-hub detection (HDBSCAN)", "full", None),
        ("What we're building", "one-pager", "what"),
        ("Что делаем", "one-pager", "what"),
        ("Как делаем", "one-pager", "how"),
        ("Делаем MVP", "one-pager", None),
        ("Сделать прототип", "one-pager", None),
    ],
)
def test_question_word_synonyms_need_their_question_word(heading: str, kind: str, expected: str | None) -> None:
    assert default_catalog().match(heading, kind) == expected


@pytest.mark.parametrize(
    "heading",
    [
        # A bibliography supports the text; it is not an analysis of similar systems.
        "References",
        "7.6. References",
        # Throughput and latency benchmarks of the system are not a model baseline.
        "Performance benchmarks",
        "7.3. Performance benchmarks",
        "Бенчмарки производительности",
        # Spending plans are not the work plan.
        "Budget planning",
        "Планирование бюджета",
        # A threshold or tiers of a risk score are the model's output, not a risk register.
        "10. Risk Threshold",
        "Порог риска",
        # A design principle, not a risk register.
        "1.1 Separation of concerns",
        "Разделение ответственности",
    ],
)
def test_appendix_headings_that_are_not_sections(heading: str) -> None:
    assert default_catalog().match(heading, "full") is None


@pytest.mark.parametrize(
    "heading, expected",
    [
        # The words that made the headings above unmatched still work on their own.
        ("Benchmarks", "baselines"),
        ("Related work and references", "prior_art"),
        ("Project planning", "timeline"),
    ],
)
def test_neighbours_of_unmatched_appendix_headings(heading: str, expected: str) -> None:
    assert default_catalog().match(heading, "full") == expected


@pytest.mark.parametrize(
    "heading, expected",
    [
        # A bracketed note is not part of the title ...
        ("1.2.4. Conducting a pilot [at the approval stage]", "ab_test"),
        ("Метрики [черновик]", "metrics"),
        ("Success criteria (see section 3)", "requirements"),
        ("2. Methodology (Data Scientist)", "modeling"),
        # ... and a translation beside the title is read on its own.
        ("Проблема (Problem Statement)", "goals"),
        ("Данные (Datasets)", "data"),
        ("Something else (Risks)", "risks"),
        # Software testing is no A/B test, in either form.
        ("8.1. Unit Tests", None),
        ("Стратегия тестирования (Testing Strategy)", None),
        ("Нагрузочное тестирование", None),
        ("A/B test plan", "ab_test"),
    ],
)
def test_brackets_and_software_tests(heading: str, expected: str | None) -> None:
    assert default_catalog().match(heading, "full") == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Russian -ия/-ие/-ии/-ием forms of one noun share a stem, so a heading
        # matches whatever case the author put it in.
        ("A/B-тестирования", "A/B-тестирование"),
        ("A/B-тестированием", "A/B-тестировании"),
        ("Критерии успеха", "Критерий успеха"),
        ("Этапы решения", "Этапы решение"),
    ],
)
def test_russian_case_forms_share_a_stem(a: str, b: str) -> None:
    from designdoc.catalog import heading_stems

    assert heading_stems(a) == heading_stems(b)


def test_ab_plan_title_in_the_genitive_is_the_ab_section() -> None:
    from designdoc.catalog import default_catalog

    assert default_catalog().match("План A/B-тестирования: v1 vs v2", "full") == "ab_test"


@pytest.mark.parametrize(
    ("title", "sid"),
    [
        # a number inside a title enumerates; it does not dilute the match
        ("Бейзлайн для этапа 2:", "baselines"),
        ("Baseline for stage 3", "baselines"),
        # a pilot's success is its success criteria, its success metrics are metrics
        ("Успех пилота (Product Owner):", "requirements"),
        ("Pilot success", "requirements"),
        ("3.2. Метрики успеха пилота", "metrics"),
    ],
)
def test_numbered_and_pilot_success_headings(title: str, sid: str) -> None:
    assert default_catalog().match(title, "full") == sid


@pytest.mark.parametrize(
    ("titles", "kind"),
    [
        # a title that calls the doc a one-pager decides its kind
        (["One-Page Project Description", "Task", "Data", "Model", "Metrics", "Risks"], "one-pager"),
        (["Одностраничник: антифрод", "Задача", "Данные"], "one-pager"),
        (["Churn model one-pager", "Problem"], "one-pager"),
        # a long doc's title alone does not
        (["ML System Design Doc", "Goals", "Metrics", "Data", "Baselines"], "full"),
        # review: a one-pager's Why is often named "Problem" or «Проблема»
        (["Churn model", "Problem", "What we build", "How"], "one-pager"),
        (["Отток", "Проблема", "Что делаем", "Как"], "one-pager"),
    ],
)
def test_a_one_pager_title_decides_the_kind(titles: list[str], kind: str) -> None:
    cat = default_catalog()
    ids = cat.match_all(titles, None)
    assert cat.infer_kind(ids, [1] + [2] * (len(titles) - 1), titles) == kind


@pytest.mark.parametrize(
    ("title", "sid"),
    [
        ("Model quality monitoring", "monitoring"),
        ("Experimental setup", None),  # offline evaluation, as often as not
        ("One-page checkout fraud scoring", None),
    ],
)
def test_review_regressions_headings(title: str, sid: str | None) -> None:
    assert default_catalog().match(title, "full") == sid


def test_one_page_product_title_is_not_a_one_pager() -> None:
    cat = default_catalog()
    titles = ["One-page checkout fraud scoring", "Goals", "Metrics", "Data"]
    assert cat.infer_kind(cat.match_all(titles, None), [1, 2, 2, 2], titles) == "full"


@pytest.mark.parametrize(
    ("title", "sid"),
    [
        # A list of known limitations is no risk register: nothing there asks
        # for a mitigation. With risks in the title it is one.
        ("Known Limitations", None),
        ("Limitations & Mitigations", "risks"),
        ("Model training and evaluation", "modeling"),
        ("Model evaluation and selection", "modeling"),
        ("8. Limitations", None),
        ("Risks and limitations", "risks"),
        ("Риски и ограничения", "risks"),
    ],
)
def test_limitations_alone_are_not_the_risks(title: str, sid: str | None) -> None:
    assert default_catalog().match(title, "full") == sid


@pytest.mark.parametrize(
    ("title", "sid"),
    [
        # "estimates" / «оценки» alone are statistics or evaluation more often than
        # a work plan; the plan keeps its own words.
        ("Quantile estimates", None),
        ("3.2. Способ оценки:", None),
        ("Plan and estimates", "timeline"),
        ("Time estimates", "timeline"),
        ("Оценка сроков", "timeline"),
        ("План работ и оценки", "timeline"),
    ],
)
def test_estimates_alone_are_not_the_plan(title: str, sid: str | None) -> None:
    assert default_catalog().match(title, "full") == sid



@pytest.mark.parametrize(
    "md, expected",
    [
        # a data heading under monitoring or risks is part of that section
        ("## Monitoring layers\n### 2. Data quality\nNull rates.\n", [("Monitoring layers", "monitoring"), ("2. Data quality", "monitoring")]),
        ("## Risks\n### Data risks\nAPI limits.\n", [("Risks", "risks"), ("Data risks", "risks")]),
        ("## Мониторинг\n### Качество данных\nДоля пропусков.\n", [("Мониторинг", "monitoring"), ("Качество данных", "monitoring")]),
        # through an unrecognised heading between them
        ("## Risks\n### Technical\n#### Data quality issues\nGaps.\n",
         [("Risks", "risks"), ("Technical", None), ("Data quality issues", "risks")]),
        # elsewhere it stays the data section
        ("# Credit Risk Assessment for SME Loans\n## Data\nBureau files.\n",
         [("Credit Risk Assessment for SME Loans", "risks"), ("Data", "data")]),
        ("## Risk Assessment Model\n### Data\nBureau files.\n", [("Risk Assessment Model", "risks"), ("Data", "data")]),
        ("# Мониторинг оборудования\n## Данные\nТелеметрия.\n",
         [("Мониторинг оборудования", "monitoring"), ("Данные", "data")]),
        ("## Modeling\n### Data quality\nNull rates.\n", [("Modeling", "modeling"), ("Data quality", "data")]),
        ("## Data quality\nNull rates.\n## Risks\nX.\n", [("Data quality", "data"), ("Risks", "risks")]),
        # a stage before the parent's word; a model heading stays modelling (a monitoring product has a model)
        ("## Phase 11 — Monitoring and Observability\n### Data\nNull rates.\n### Model\nAUC by week.\n",
         [("Phase 11 — Monitoring and Observability", "monitoring"), ("Data", "monitoring"), ("Model", "modeling")]),
        ("## Этап 3: мониторинг\n### Данные\nДоля пропусков.\n### Модель\nAUC по неделям.\n",
         [("Этап 3: мониторинг", "monitoring"), ("Данные", "monitoring"), ("Модель", "modeling")]),
    ],
)
def test_a_data_heading_under_monitoring_or_risks_belongs_to_it(md: str, expected: list) -> None:
    assert _ids(md) == expected
