"""Typed YAML specs: one pydantic model per document kind.

Every field carries a ``description`` and its Russian twin (``ru`` in
``json_schema_extra``, one place per field): they become the comments of an
EN or RU spec skeleton and the JSON-schema docs an editor shows. Text
fields are optional on purpose: a draft spec may leave them empty and the
rendered document then shows a visible ``TODO:`` placeholder instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo

SPEC_VERSION = 1
KINDS: tuple[str, ...] = ("one-pager", "full", "hypothesis")
LANGS: tuple[str, ...] = ("en", "ru")
STATUSES: tuple[str, ...] = ("draft", "review", "approved", "rejected", "superseded")

Kind = Literal["one-pager", "full", "hypothesis"]
Lang = Literal["en", "ru"]
Status = Literal["draft", "review", "approved", "rejected", "superseded"]


class _Model(BaseModel):
    """Shared settings: unknown keys are errors, numbers in text fields are fine."""

    # coerce_numbers_to_str: `volume: 120000` or `target: 0.85` in a text field is
    # what people write; refusing it would only annoy them.
    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        frozen=True,
    )


def _ru(text: str) -> dict[str, Any]:
    """The Russian help of a field, kept next to the English ``description``."""
    return {"ru": text}


def _text(description: str, ru: str, **kw: Any) -> Any:
    """An optional free-text field (empty renders as a TODO placeholder)."""
    return Field(None, description=description, json_schema_extra=_ru(ru), **kw)


def _list(description: str, ru: str, **kw: Any) -> Any:
    """An optional list field (empty renders as a TODO placeholder)."""
    return Field(default_factory=list, description=description, json_schema_extra=_ru(ru), **kw)


def field_help(field: FieldInfo, lang: str = "en") -> str | None:
    """The help text of ``field`` in ``lang`` (English when there is no translation)."""
    extra = field.json_schema_extra
    if lang != "en" and isinstance(extra, dict) and isinstance(extra.get(lang), str):
        return str(extra[lang])
    return field.description


def model_examples(model: type[BaseModel], lang: str = "en") -> list[Any]:
    """Example values of ``model`` in ``lang`` (``examples_<lang>``, else the English ones)."""
    extra = model.model_config.get("json_schema_extra")
    if not isinstance(extra, dict):
        return []
    found = extra.get(f"examples_{lang}") if lang != "en" else None
    examples = found if isinstance(found, list) else extra.get("examples")
    return list(examples) if isinstance(examples, list) else []


# ---------------------------------------------------------------- building blocks


class Metric(_Model):
    """One metric with its type and target."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "paid conversion", "kind": "online", "target": "+2% relative", "direction": "higher"}],
            "examples_ru": [{"name": "конверсия в оплату", "kind": "online", "target": "+2% относительно контроля", "direction": "higher"}],
        }
    )

    name: str = Field(
        description="Metric name, e.g. 'paid conversion' or 'PR-AUC'.",
        json_schema_extra=_ru("Название метрики, например «конверсия в оплату» или PR-AUC."),
        min_length=1,
    )
    kind: Literal["online", "offline"] = Field(
        description="online: a business/product metric measured in production or an A/B test; "
        "offline: a model metric measured on held-out data.",
        json_schema_extra=_ru(
            "online — бизнесовая или продуктовая метрика, её меряют в проде или в A/B-тесте; "
            "offline — метрика модели на отложенной выборке."
        ),
    )
    target: Union[str, None] = _text(
        "Target or threshold, with a number: '>= 0.80', '+2% relative', '<= 50 ms p99'.",
        "Целевое значение или порог, обязательно с числом: '>= 0.80', '+2% относительно', '<= 50 мс p99'.",
        examples=[">= 0.80"],
    )
    direction: Union[Literal["higher", "lower"], None] = _text(
        "Which way is better: 'higher' or 'lower'.",
        "Что лучше: higher (чем больше, тем лучше) или lower (чем меньше, тем лучше).",
    )
    proxy: bool = Field(
        False,
        description="True when this is a fast proxy that correlates with a slower final metric.",
        json_schema_extra=_ru("true, если это быстрая прокси-метрика, которая коррелирует с более медленной итоговой."),
    )
    notes: Union[str, None] = _text(
        "Why this metric, how it is computed, caveats.",
        "Почему выбрали эту метрику, как она считается, какие есть оговорки.",
    )


class Baseline(_Model):
    """A reference solution the model must beat."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "median of the last 90 days", "simple": True, "description": "Predict the median for the same weekday.", "expected": "MAPE 24%"}],
            "examples_ru": [{"name": "медиана за последние 90 дней", "simple": True, "description": "Прогнозируем медиану по тому же дню недели.", "expected": "MAPE 24%"}],
        }
    )

    name: str = Field(
        description="Short name, e.g. 'median of the last 90 days'.",
        json_schema_extra=_ru("Короткое название, например «медиана за последние 90 дней»."),
        min_length=1,
    )
    simple: bool = Field(
        False,
        description="True for a constant, heuristic, rule, linear/logistic model or the current "
        "system; at least one baseline should be simple.",
        json_schema_extra=_ru(
            "true для константы, эвристики, правила, линейной или логистической регрессии "
            "либо текущей системы; хотя бы один бейзлайн должен быть простым."
        ),
    )
    description: Union[str, None] = _text(
        "How it works, in a sentence or two.",
        "Как он работает — в одном-двух предложениях.",
    )
    expected: Union[str, None] = _text(
        "Its measured or expected quality on the offline metric.",
        "Его измеренное или ожидаемое качество по офлайн-метрике.",
    )


class Reference(_Model):
    """An existing system, product or publication worth learning from."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "Competitor X engineering blog", "url": "https://example.com/post", "finding": "+3% retention after launch"}],
            "examples_ru": [{"name": "Технический блог конкурента X", "url": "https://example.com/post", "finding": "+3% к удержанию после запуска"}],
        }
    )

    name: str = Field(
        description="System, company, product or paper.",
        json_schema_extra=_ru("Система, компания, продукт или статья."),
        min_length=1,
    )
    url: Union[str, None] = _text("Link to the source, if public.", "Ссылка на источник, если он публичный.")
    finding: Union[str, None] = _text(
        "What they did and the uplift they reported, scaled to our traffic where possible.",
        "Что они сделали и какой прирост получили — по возможности в пересчёте на наш трафик.",
    )


class Data(_Model):
    """Where features (X) and labels (Y) come from."""

    feature_sources: list[str] = _list(
        "Sources of the features (X): tables, event streams, external providers.",
        "Источники признаков (X): таблицы, потоки событий, внешние поставщики.",
    )
    label_sources: list[str] = _list(
        "Sources of the labels (Y): where the ground truth comes from.",
        "Источники разметки (Y): откуда берётся целевая переменная.",
    )
    labeling_method: Union[str, None] = _text(
        "How labels are obtained: in-house annotators, a crowdsourcing platform, a vendor, "
        "corrected model outputs, or events that happen naturally.",
        "Как получаем разметку: свои асессоры, краудсорсинг, подрядчик, исправленные ответы "
        "модели или события, которые происходят сами (покупка, отток).",
    )
    volume: Union[str, None] = _text(
        "How much data: rows, period, positives share, growth per day.",
        "Сколько данных: число строк, глубина истории, доля положительного класса, прирост в день.",
    )
    coverage: Union[str, None] = _text(
        "Coverage of rare groups and segments, and what is done about the thin ones.",
        "Насколько покрыты редкие группы и сегменты и что делаем с теми, где данных мало.",
    )
    quality_checks: list[str] = _list(
        "Data quality tests run before training and serving.",
        "Проверки качества данных перед обучением и инференсом.",
    )
    leakage: Union[str, None] = _text(
        "Where target leakage could creep in and how it is prevented.",
        "Где может возникнуть утечка таргета и как мы её исключаем.",
    )
    privacy: Union[str, None] = _text(
        "Personal data, consent, retention and access restrictions.",
        "Персональные данные: согласия, сроки хранения, ограничения доступа.",
    )


class ABTest(_Model):
    """The online experiment that decides whether the model ships."""

    hypothesis: Union[str, None] = _text(
        "What we expect to change and why: 'if …, then <metric> grows by …, because …'.",
        "Что и почему изменится: «если …, то <метрика> вырастет на …, потому что …».",
    )
    primary_metric: Union[str, None] = _text(
        "The single key metric the decision is based on.",
        "Одна ключевая метрика, по которой принимаем решение.",
    )
    guardrail_metrics: list[str] = _list(
        "Metrics that must not degrade (revenue, latency, complaints).",
        "Контрольные метрики, которые не должны ухудшиться (выручка, задержка, жалобы).",
    )
    split_unit: Union[str, None] = _text(
        "Randomization unit: user, session, device, city, day.",
        "Единица рандомизации: пользователь, сессия, устройство, город, день.",
    )
    split: Union[str, None] = _text(
        "Split strategy and group sizes, e.g. '50/50 by hash of user_id'.",
        "Как делим на группы и какого они размера, например «50/50 по хешу user_id».",
    )
    alpha: Union[float, None] = Field(
        None,
        gt=0,
        lt=1,
        description="Significance level α (type I error), e.g. 0.05.",
        json_schema_extra=_ru("Уровень значимости α (вероятность ошибки I рода), например 0.05 — в YAML через точку."),
    )
    power: Union[float, None] = Field(
        None,
        gt=0,
        lt=1,
        description="Statistical power 1 − β, e.g. 0.8.",
        json_schema_extra=_ru("Мощность теста 1 − β, например 0.8 — в YAML через точку."),
    )
    mde: Union[str, None] = _text(
        "Minimum detectable effect, e.g. '+1.5% relative'.",
        "Минимальный детектируемый эффект (MDE), например «+1,5% относительно контроля».",
    )
    statistical_test: Union[str, None] = _text(
        "The test used: t-test, bootstrap, CUPED, Mann–Whitney…",
        "Статистический критерий: t-тест, бутстрап, CUPED, критерий Манна — Уитни…",
    )
    sample_size: Union[str, None] = _text(
        "Sample size needed per group.",
        "Какой размер выборки нужен в каждой группе.",
    )
    duration: Union[str, None] = _text(
        "How long the test runs, covering whole weekly cycles.",
        "Сколько длится тест; берите целое число недель.",
    )
    aa_test: Union[bool, str, None] = Field(
        None,
        description="The A/A test run first to prove the split is sound: a description, or "
        "true/false.",
        json_schema_extra=_ru(
            "A/A-тест, который проводим заранее, чтобы убедиться, что разбиение корректно: "
            "описание или true/false."
        ),
    )
    decision_rule: Union[str, None] = _text(
        "When we ship, iterate or stop.",
        "При каком результате выкатываем, дорабатываем или останавливаемся.",
    )
    on_failure: Union[str, None] = _text(
        "What happens if metrics drop or something breaks mid-test.",
        "Что делаем, если метрики просели или что-то сломалось посреди теста.",
    )


class RollbackRule(_Model):
    """A trigger and the action it sets off."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"trigger": "paid conversion -1% vs control for 2 days", "action": "switch the feature flag back to the previous model"}],
            "examples_ru": [{"trigger": "конверсия в оплату на 1% ниже контроля два дня подряд", "action": "переключаем фича-флаг обратно на предыдущую модель"}],
        }
    )

    trigger: str = Field(
        description="What starts a rollback: a metric threshold, error rate, outage.",
        json_schema_extra=_ru("Что запускает откат: порог метрики, доля ошибок, отказ сервиса."),
        min_length=1,
    )
    action: str = Field(
        description="What happens then: switch to the previous model, baseline, kill switch.",
        json_schema_extra=_ru("Что тогда делаем: возвращаем предыдущую модель или бейзлайн, нажимаем рубильник (kill switch)."),
        min_length=1,
    )


class Rollback(_Model):
    """How the system falls back when things go wrong."""

    triggers: list[RollbackRule] = _list("Trigger → action pairs.", "Пары «триггер → действие».")
    owner: Union[str, None] = _text(
        "Who decides on a rollback (person or on-call role).",
        "Кто принимает решение об откате (человек или роль дежурного).",
    )
    fallback: Union[str, None] = _text(
        "What serves traffic while the model is off.",
        "Что обслуживает трафик, пока модель выключена.",
    )
    time_to_rollback: Union[str, None] = _text(
        "How fast a rollback completes, and how it is rehearsed.",
        "За сколько времени завершается откат и как мы его репетируем.",
    )
    notes: Union[str, None] = _text(
        "Release rules, e.g. no rollouts before weekends or holidays.",
        "Правила релизов, например «не выкатываем перед выходными и праздниками».",
    )


class MoSCoW(_Model):
    """Deliverables sorted by priority."""

    must: list[str] = _list(
        "Must have: without these the project fails.",
        "Must have — обязательно: без этого проект провалится.",
    )
    should: list[str] = _list(
        "Should have: important, planned into the buffer.",
        "Should have — важно: закладываем в запас по времени.",
    )
    could: list[str] = _list(
        "Could have: nice if time allows.",
        "Could have — желательно: сделаем, если останется время.",
    )
    wont: list[str] = _list(
        "Won't have in this phase: explicitly out of scope.",
        "Won't have — не в этот раз: явно вне рамок текущего этапа.",
    )
    notes: Union[str, None] = _text(
        "How time is split, e.g. 60–70% for Must, the rest as buffer.",
        "Как делим время, например 60–70% на Must, остальное — запас.",
    )


class Risk(_Model):
    """A risk and what we do about it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"risk": "labels arrive 30 days late", "mitigation": "monitor a proxy metric meanwhile"}],
            "examples_ru": [{"risk": "разметка приходит с опозданием на 30 дней", "mitigation": "пока ждём, следим за прокси-метрикой"}],
        }
    )

    risk: str = Field(
        description="What may go wrong, or an assumption that may be false.",
        json_schema_extra=_ru("Что может пойти не так или какое допущение может оказаться неверным."),
        min_length=1,
    )
    mitigation: Union[str, None] = _text(
        "How we reduce the likelihood or the damage.",
        "Как снижаем вероятность или ущерб.",
    )


# ---------------------------------------------------------------- full doc sections


class Goals(_Model):
    """Goals and problem statement."""

    problem: Union[str, None] = _text(
        "The business problem and who suffers from it.",
        "Бизнес-проблема и кто от неё страдает.",
    )
    business_goal: Union[str, None] = _text(
        "The measurable business goal, with a number.",
        "Измеримая бизнес-цель — с числом.",
    )
    why_now: Union[str, None] = _text("Why this matters now.", "Почему это важно именно сейчас.")
    why_ml: Union[str, None] = _text(
        "Is ML needed at all? What a simple rule would achieve and why it is not enough.",
        "Нужно ли здесь ML вообще? Чего добьётся простое правило и почему этого мало.",
    )
    buy_or_build: Union[str, None] = _text(
        "Ready-made products considered, and why building is cheaper over the whole life.",
        "Какие готовые решения рассматривали и почему своя разработка дешевле на всём сроке жизни системы.",
    )
    value_type: Union[Literal["value-added", "value-enabling"], None] = _text(
        "value-added: ML improves a process a person could run; value-enabling: the product "
        "cannot exist without ML.",
        "value-added — ML улучшает процесс, с которым справился бы и человек; value-enabling — "
        "без ML продукт невозможен.",
    )
    expected_uplift: Union[str, None] = _text(
        "Expected uplift in money or a business metric.",
        "Ожидаемый эффект в деньгах или в бизнес-метрике.",
    )


class PriorArt(_Model):
    """Similar systems inside and outside the company."""

    summary: Union[str, None] = _text(
        "What the industry does and what it teaches us.",
        "Как эту задачу решают в индустрии и чему это нас учит.",
    )
    references: list[Reference] = _list(
        "Systems, products and papers, with their reported uplift.",
        "Системы, продукты и статьи — с заявленным приростом.",
    )


class Requirements(_Model):
    """Requirements and success criteria."""

    outputs: Union[str, None] = _text("What the system outputs, and to whom.", "Что выдаёт система и кому.")
    usage: Union[str, None] = _text(
        "How often users or systems interact with it.",
        "Как часто к ней обращаются пользователи или другие системы.",
    )
    mode: Union[Literal["real-time", "near-real-time", "batch"], None] = _text(
        "real-time, near-real-time or batch.",
        "Режим работы: real-time (в реальном времени), near-real-time (с небольшой задержкой) или batch (пакетно).",
    )
    latency: Union[str, None] = _text(
        "Latency budget, e.g. '<= 80 ms p99'.",
        "Допустимая задержка, например '<= 80 мс p99'.",
    )
    error_costs: Union[str, None] = _text(
        "What a false positive and a false negative cost, and which is worse.",
        "Во что обходятся ложноположительная и ложноотрицательная ошибки и какая из них хуже.",
    )
    readiness: Union[str, None] = _text(
        "The explicit definition of 'the model is ready': an A/B result or a held-out metric.",
        "Явный критерий «модель готова»: результат A/B-теста или метрика на отложенной выборке.",
    )
    constraints: list[str] = _list(
        "Other constraints: regulation, explainability, budget, hardware.",
        "Прочие ограничения: регуляторика, объяснимость, бюджет, железо.",
    )
    product_direction: Union[str, None] = _text(
        "Where the product is heading, and how this fits.",
        "Куда развивается продукт и как в это вписывается система.",
    )


class Modeling(_Model):
    """Modeling and validation."""

    ml_task: Union[str, None] = _text(
        "The problem in ML terms: target, objects, loss.",
        "Задача в терминах ML: целевая переменная, объекты, функция потерь.",
    )
    validation: Union[str, None] = _text(
        "Validation scheme: time-based split, grouped k-fold, holdout…",
        "Схема валидации: разбиение по времени, групповой k-fold, отложенная выборка…",
    )
    candidates: list[str] = _list(
        "Candidate models, simplest first.",
        "Модели-кандидаты, начиная с самых простых.",
    )
    tradeoffs: Union[str, None] = _text(
        "Trade-offs chosen: quality vs latency, running cost, complexity, robustness.",
        "На какие компромиссы идём: качество против задержки, стоимость эксплуатации, сложность, устойчивость.",
    )
    expected_gain: Union[str, None] = _text(
        "Expected gain over the best baseline.",
        "Ожидаемый выигрыш относительно лучшего бейзлайна.",
    )
    calibration: Union[str, None] = _text(
        "Whether scores are read as probabilities, and how they are calibrated.",
        "Читаем ли скоры модели как вероятности и как их калибруем.",
    )
    error_analysis: Union[str, None] = _text(
        "How errors are analysed: slices, hard examples, learning curves.",
        "Как разбираем ошибки: срезы, трудные примеры, кривые обучения.",
    )
    tracking: Union[str, None] = _text(
        "Experiment tracking: tool, what is logged.",
        "Трекинг экспериментов: какой инструмент и что логируем.",
    )


class Deployment(_Model):
    """Training pipeline and deployment."""

    training: Union[str, None] = _text(
        "How the model is trained: pipeline, orchestration, data snapshot.",
        "Как обучается модель: пайплайн, оркестрация, снимок данных.",
    )
    retraining: Union[str, None] = _text(
        "Retraining cadence and trigger.",
        "Как часто и по какому сигналу переобучаем модель.",
    )
    serving: Union[str, None] = _text(
        "How it is served: batch job or online service, and where.",
        "Как модель работает в проде: пакетная задача или онлайн-сервис, и где он развёрнут.",
    )
    integration: Union[str, None] = _text(
        "Integration with the backend: API, contract, fallbacks.",
        "Интеграция с бэкендом: API, контракт, что отдаём при сбое.",
    )
    inference_budget: Union[str, None] = _text(
        "Inference budget: latency, throughput, hardware, cost.",
        "Бюджет на инференс: задержка, пропускная способность, железо, стоимость.",
    )
    logging: Union[str, None] = _text(
        "What inputs, outputs and model versions are logged.",
        "Какие входы, выходы и версии моделей логируем.",
    )


class Monitoring(_Model):
    """Monitoring."""

    technical: list[str] = _list(
        "Technical metrics on dashboards: latency, errors, load.",
        "Технические метрики на дашбордах: задержка, ошибки, нагрузка.",
    )
    model_quality: list[str] = _list(
        "Model quality tracked in production, with delayed labels where needed.",
        "Качество модели в проде — где нужно, по запаздывающей разметке.",
    )
    data_drift: Union[str, None] = _text(
        "How data and prediction drift are detected.",
        "Как замечаем дрейф данных и предсказаний.",
    )
    alerts: list[str] = _list(
        "Alerts: condition → who is paged.",
        "Алерты: условие → кому приходит оповещение.",
    )
    manual_review: Union[str, None] = _text(
        "Regular eyeballing of real predictions: who, how often.",
        "Регулярный ручной просмотр реальных предсказаний: кто смотрит и как часто.",
    )
    repeat_ab: Union[str, None] = _text(
        "When the A/B test is repeated (e.g. a long-term holdout).",
        "Когда повторяем A/B-тест (например, держим долгосрочную контрольную группу).",
    )


class Support(_Model):
    """Scaling and support."""

    scaling: Union[str, None] = _text(
        "Steps to scale after rollout: markets, traffic, new use cases.",
        "Как масштабируемся после запуска: новые рынки, рост трафика, новые сценарии.",
    )
    owner: Union[str, None] = _text(
        "The team that owns the system after launch.",
        "Команда, которая владеет системой после запуска.",
    )
    on_call: Union[str, None] = _text("On-call rotation and escalation.", "Дежурства и порядок эскалации.")
    retraining: Union[str, None] = _text(
        "Who keeps the model fresh, and how.",
        "Кто и как поддерживает модель в актуальном состоянии.",
    )
    costs: Union[str, None] = _text(
        "Running cost per month and who pays.",
        "Сколько стоит эксплуатация в месяц и кто за это платит.",
    )


class Stage(_Model):
    """A stage of the plan."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "Baseline and metrics", "tasks": ["metric code", "heuristic baseline"], "estimate": "2 weeks", "uncertainty": 1.5}],
            "examples_ru": [{"name": "Бейзлайн и метрики", "tasks": ["код расчёта метрик", "эвристический бейзлайн"], "estimate": "2 недели", "uncertainty": 1.5}],
        }
    )

    name: str = Field(description="Stage name.", json_schema_extra=_ru("Название этапа."), min_length=1)
    tasks: list[str] = _list("Tasks in this stage.", "Задачи этапа.")
    estimate: Union[str, None] = _text("Estimate, e.g. '2 weeks'.", "Оценка, например «2 недели».")
    uncertainty: Union[float, None] = Field(
        None,
        ge=1,
        description="Uncertainty factor the estimate is multiplied by (about 2 for uncertain steps).",
        json_schema_extra=_ru("Коэффициент неопределённости, на который умножаем оценку (около 2 для неясных шагов)."),
    )


# ---------------------------------------------------------------- one-pager parts


class Why(_Model):
    """Why: the need and the value."""

    problem: Union[str, None] = _text("The problem and who has it.", "Проблема и у кого она.")
    value: Union[str, None] = _text(
        "The value we expect, in money or a business metric.",
        "Какую ценность ждём — в деньгах или в бизнес-метрике.",
    )
    why_now: Union[str, None] = _text(
        "Why now, and why ML rather than a rule.",
        "Почему сейчас и почему ML, а не простое правило.",
    )


class What(_Model):
    """What: the service, its metrics and its success criterion."""

    service: Union[str, None] = _text(
        "What the service does and returns.",
        "Что делает сервис и что он возвращает.",
    )
    integration: Union[str, None] = _text(
        "How it talks to existing systems.",
        "Как он встраивается в существующие системы.",
    )
    metrics: list[Metric] = _list(
        "Metrics it moves: online and offline, each with a target.",
        "Метрики, которые он двигает: онлайн и офлайн, у каждой — целевое значение.",
    )
    success: Union[str, None] = _text("What counts as success.", "Что считаем успехом.")


class How(_Model):
    """How: ML framing, data, evaluation, A/B test, deliverables."""

    ml_task: Union[str, None] = _text("The problem in ML terms.", "Задача в терминах ML.")
    data: Data = Field(default_factory=Data, description="Data and labels.", json_schema_extra=_ru("Данные и разметка."))
    baselines: list[Baseline] = _list(
        "Baselines, at least one simple.",
        "Бейзлайны, хотя бы один простой.",
    )
    evaluation: Union[str, None] = _text(
        "How results are evaluated offline: validation scheme, slices.",
        "Как оцениваем результат офлайн: схема валидации, срезы.",
    )
    ab_test: ABTest = Field(
        default_factory=ABTest,
        description="How the A/B test runs.",
        json_schema_extra=_ru("Как проводим A/B-тест."),
    )
    priorities: MoSCoW = Field(
        default_factory=MoSCoW,
        description="Deliverables by MoSCoW.",
        json_schema_extra=_ru("Что сдаём, по приоритетам MoSCoW."),
    )


# ---------------------------------------------------------------- hypothesis parts


class Idea(_Model):
    """The idea of the experiment."""

    statement: Union[str, None] = _text(
        "The hypothesis in one or two sentences.",
        "Гипотеза в одном-двух предложениях.",
    )
    background: Union[str, None] = _text(
        "What observation or data suggests it.",
        "Какие наблюдения или данные на неё наводят.",
    )


class Option(_Model):
    """One way to implement the idea."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "Rule-based prototype", "description": "A hand-written rule behind a flag.", "effort": "3 days"}],
            "examples_ru": [{"name": "Прототип на правилах", "description": "Правило, написанное вручную, за фича-флагом.", "effort": "3 дня"}],
        }
    )

    name: str = Field(
        description="Short name of the option.",
        json_schema_extra=_ru("Короткое название варианта."),
        min_length=1,
    )
    description: Union[str, None] = _text("What is built.", "Что именно делаем.")
    effort: Union[str, None] = _text("Effort estimate.", "Оценка трудозатрат.")


class ExpectedEffect(_Model):
    """What we expect to move, and by how much."""

    metric: Union[str, None] = _text("The metric expected to move.", "Метрика, которая должна сдвинуться.")
    effect: Union[str, None] = _text(
        "Expected size of the effect, with a number.",
        "Ожидаемый размер эффекта — с числом.",
    )
    rationale: Union[str, None] = _text(
        "Why we expect this size: back-of-the-envelope maths, analogues.",
        "Почему ждём именно такой эффект: прикидка на салфетке, аналоги.",
    )


class Verdict(_Model):
    """How fast we will know."""

    time_to_verdict: Union[str, None] = _text(
        "How long until we know whether it works.",
        "Через сколько времени станет ясно, работает ли идея.",
    )
    proxy_metric: Union[str, None] = _text(
        "A fast proxy metric that correlates with the final one.",
        "Быстрая прокси-метрика, которая коррелирует с итоговой.",
    )
    method: Union[str, None] = _text(
        "How it is checked: offline backtest, A/B test, interleaving…",
        "Как проверяем: офлайн-бэктест, A/B-тест, интерливинг…",
    )
    decision_rule: Union[str, None] = _text(
        "What result means go, and what means stop.",
        "При каком результате продолжаем, а при каком — останавливаемся.",
    )


class Resources(_Model):
    """What the experiment costs."""

    people: Union[str, None] = _text("People and their time.", "Кто нужен и сколько их времени.")
    compute: Union[str, None] = _text(
        "Compute: GPUs, cluster hours, serving cost.",
        "Вычисления: GPU, часы кластера, стоимость инференса.",
    )
    data: Union[str, None] = _text(
        "Data that must be collected, bought or labelled.",
        "Какие данные нужно собрать, купить или разметить.",
    )


# ---------------------------------------------------------------- the specs


class SpecBase(_Model):
    """Metadata every spec carries (it becomes the document's front matter)."""

    spec_version: Literal[1] = Field(
        1,
        description="Version of the spec format; currently 1.",
        json_schema_extra=_ru("Версия формата спецификации; сейчас 1."),
    )
    kind: Kind = Field(
        description="Document kind: one-pager, full or hypothesis.",
        json_schema_extra=_ru("Вид документа: one-pager, full или hypothesis."),
    )
    title: str = Field(description="Document title.", json_schema_extra=_ru("Название документа."), min_length=1)
    lang: Lang = Field(
        "en",
        description="Language of the document: en or ru.",
        json_schema_extra=_ru("Язык документа: en или ru."),
    )
    status: Status = Field(
        "draft",
        description="draft → review → approved, or rejected / superseded.",
        json_schema_extra=_ru(
            "Статус: draft (черновик) → review (на ревью) → approved (утверждён), "
            "либо rejected (отклонён) / superseded (заменён другим)."
        ),
    )
    owners: list[str] = _list(
        "Authors responsible for the document.",
        "Авторы, которые отвечают за документ, например [anna.ivanova].",
    )
    reviewers: list[str] = _list(
        "Who reviews and approves it.",
        "Кто проверяет и утверждает документ.",
    )
    created: Union[dt.date, None] = Field(
        None,
        description="Creation date, YYYY-MM-DD.",
        json_schema_extra=_ru("Дата создания в формате ГГГГ-ММ-ДД."),
    )
    updated: Union[dt.date, None] = Field(
        None,
        description="Last update date, YYYY-MM-DD.",
        json_schema_extra=_ru("Дата последнего изменения в формате ГГГГ-ММ-ДД."),
    )


class OnePagerSpec(SpecBase):
    """A one-page Why–What–How design doc."""

    model_config = ConfigDict(title="designdoc one-pager spec")

    kind: Literal["one-pager"] = Field(
        description="Document kind: one-pager.",
        json_schema_extra=_ru("Вид документа: one-pager (одностраничник)."),
    )
    why: Why = Field(
        default_factory=Why,
        description="Why: the need, the problem, the value.",
        json_schema_extra=_ru("Зачем: потребность, проблема, ценность."),
    )
    what: What = Field(
        default_factory=What,
        description="What: the service, its metrics, success.",
        json_schema_extra=_ru("Что: сервис, его метрики, критерий успеха."),
    )
    how: How = Field(
        default_factory=How,
        description="How: ML framing, data, evaluation, A/B test, MoSCoW.",
        json_schema_extra=_ru("Как: постановка ML-задачи, данные, оценка качества, A/B-тест, MoSCoW."),
    )
    risks: list[Risk] = _list("Main risks with mitigations.", "Главные риски и как их снижаем.")


class FullSpec(SpecBase):
    """A full ML system design doc."""

    model_config = ConfigDict(title="designdoc full spec")

    kind: Literal["full"] = Field(
        description="Document kind: full.",
        json_schema_extra=_ru("Вид документа: full (полный дизайн-документ)."),
    )
    goals: Goals = Field(
        default_factory=Goals,
        description="Goals and problem statement.",
        json_schema_extra=_ru("Цели и постановка задачи."),
    )
    prior_art: PriorArt = Field(
        default_factory=PriorArt,
        description="Prior art and industry analysis.",
        json_schema_extra=_ru("Аналоги и опыт индустрии."),
    )
    requirements: Requirements = Field(
        default_factory=Requirements,
        description="Requirements and success criteria.",
        json_schema_extra=_ru("Требования и критерии успеха."),
    )
    metrics: list[Metric] = _list(
        "Online and offline metrics, each with a numeric target.",
        "Онлайн- и офлайн-метрики, у каждой — числовая цель.",
    )
    data: Data = Field(default_factory=Data, description="Data and labels.", json_schema_extra=_ru("Данные и разметка."))
    baselines: list[Baseline] = _list(
        "Baselines, simplest first; at least one simple.",
        "Бейзлайны, от простых к сложным; хотя бы один простой.",
    )
    modeling: Modeling = Field(
        default_factory=Modeling,
        description="Modeling and validation.",
        json_schema_extra=_ru("Моделирование и валидация."),
    )
    deployment: Deployment = Field(
        default_factory=Deployment,
        description="Training pipeline and deployment.",
        json_schema_extra=_ru("Обучение и внедрение."),
    )
    ab_test: ABTest = Field(
        default_factory=ABTest,
        description="A/B test design.",
        json_schema_extra=_ru("Дизайн A/B-теста."),
    )
    rollback: Rollback = Field(
        default_factory=Rollback,
        description="Rollback plan.",
        json_schema_extra=_ru("План отката."),
    )
    monitoring: Monitoring = Field(
        default_factory=Monitoring,
        description="Monitoring.",
        json_schema_extra=_ru("Мониторинг."),
    )
    support: Support = Field(
        default_factory=Support,
        description="Scaling and support.",
        json_schema_extra=_ru("Масштабирование и поддержка."),
    )
    priorities: MoSCoW = Field(
        default_factory=MoSCoW,
        description="Priorities (MoSCoW).",
        json_schema_extra=_ru("Приоритеты (MoSCoW)."),
    )
    risks: list[Risk] = _list("Risks with mitigations.", "Риски и как их снижаем.")
    open_questions: list[str] = _list("Questions still open.", "Вопросы, на которые пока нет ответа.")
    timeline: list[Stage] = _list(
        "Stages with estimates and uncertainty factors.",
        "Этапы работ с оценками и коэффициентами неопределённости.",
    )


class HypothesisSpec(SpecBase):
    """A hypothesis card for one experiment."""

    model_config = ConfigDict(title="designdoc hypothesis spec")

    kind: Literal["hypothesis"] = Field(
        description="Document kind: hypothesis.",
        json_schema_extra=_ru("Вид документа: hypothesis (карточка гипотезы)."),
    )
    project: Union[str, None] = _text(
        "The project or design doc this hypothesis belongs to.",
        "Проект или дизайн-документ, к которому относится гипотеза.",
    )
    idea: Idea = Field(default_factory=Idea, description="The idea.", json_schema_extra=_ru("Идея."))
    implementation: list[Option] = _list(
        "Ways to implement it, cheapest first.",
        "Варианты реализации, начиная с самого дешёвого.",
    )
    expected_effect: ExpectedEffect = Field(
        default_factory=ExpectedEffect,
        description="Expected effect and on which metric.",
        json_schema_extra=_ru("Ожидаемый эффект и на какой метрике."),
    )
    verdict: Verdict = Field(
        default_factory=Verdict,
        description="Time to a verdict and proxy metric.",
        json_schema_extra=_ru("Как быстро узнаем результат и по какой прокси-метрике."),
    )
    risks: list[Risk] = _list("Risks with mitigations.", "Риски и как их снижаем.")
    resources: Resources = Field(
        default_factory=Resources,
        description="Resources needed.",
        json_schema_extra=_ru("Какие ресурсы нужны."),
    )


Spec = Union[OnePagerSpec, FullSpec, HypothesisSpec]

_BY_KIND: dict[str, type[SpecBase]] = {
    "one-pager": OnePagerSpec,
    "full": FullSpec,
    "hypothesis": HypothesisSpec,
}


def model_for_kind(kind: str) -> type[SpecBase]:
    """The spec model for ``kind``; raises ``KeyError`` for an unknown kind."""
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}") from None
