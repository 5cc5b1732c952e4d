"""Data rules: where the features and the labels come from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designdoc import lexicon
from designdoc.document import Document
from designdoc.lexicon.scope import body_without, doc_text, model_scope, section_text
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule

# Docs often define the label with the task ("binary classification: will the
# customer cancel within 30 days") rather than under Data.

# Where the inputs come from is often told under another heading that names
# the data ("Existing data flow", «Блоки данных») inside the problem statement.
_DATA_TITLE_RE = re.compile(r"\bdata\b|\bdatasets?\b|\bданн\w*|\bдатасет", re.I)


# "Data collection: public GAN sets and ImageNet" as a labelled line or list item.
_DATA_LABEL_LINE_RE = re.compile(
    r"^[^\w\n]{0,6}(?:\d+[.)]\s*)?(?:[\w-]+ ){0,2}(?:data|datasets?|данн\w*|датасет\w*)(?: [\w-]+){0,2}[ \t]*(?::|[ \t][—–-][ \t])[^\n]*",
    re.I | re.M,
)


# "Predict churn … Churn is defined as no purchase in 30 days": the event the
# model predicts, defined by a rule on the data, says which event is the label.
# The predicted thing is the up to three words right after the verb.
_PREDICT_RE = re.compile(
    r"\b(?:predict|forecast|detect|classify|flag|anticipate|прогнозир|предсказ|детектир|классифицир|выявл)\w*"
    r"((?:\s+[^\W\d_][\w-]*){1,3})",
    re.I,
)
_DEFINED_RE = re.compile(
    r"(?:^|(?<=[\s(*]))((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*)\s+(?:is|are)\s+defined\s+as\b"
    r"|(?:^|(?<=[\s(*]))((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*)\s+определя\w*\s+как\b"
    r"|\bпод\s+((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*)\s+понима\w*"
    # as a heading only: "Definition of Volatility Spike" (not "no definition of churn yet")
    r"|^[ \t]*definition\s+of\s+((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*)[ \t]*$"
    r"|^[ \t]*определение\s+((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*)[ \t]*$",
    re.I | re.M,
)
_ARTICLES = frozenset("a an the whether if which whose".split())
# Stems (first five letters) of who or what is scored, of time units and of
# system terms: defining these ("Active users are defined as …", "A week is
# defined as …", "Latency is defined as …") names no label.
_NOT_EVENT = frozenset(
    w[:5]
    for w in (
        "user users customer client account item product order session ticket transaction listing "
        "document claim request query patient store device equipment model system service latency "
        "real-time time week month day hour minute year период недел месяц день дня час минут год "
        "пользователь клиент аккаунт товар заказ сессия тикет заявка обращение транзакция документ "
        "пациент магазин устройство оборудование модель система сервис запрос"
    ).split()
)


def _stem(word: str) -> str:
    return word.lower()[:5]


def _target_defined(text: str) -> bool:
    """The predicted event is defined in the doc ("A volatility spike is defined as …")."""
    predicted = {
        _stem(w)
        for m in _PREDICT_RE.finditer(text)
        for w in m.group(1).split()
        if len(w) > 3 and w.lower() not in _ARTICLES
    }
    for m in _DEFINED_RE.finditer(text):
        words = [w for w in next(g for g in m.groups() if g).split() if w.lower() not in _ARTICLES]
        stems = [_stem(w) for w in words]
        if stems and not any(s in _NOT_EVENT for s in stems) and all(s in predicted for s in stems):
            return True
    return False


def _data_titled_text(doc: Document) -> str:
    """Text of other parts that name the data: sections headed so, and lines labelled so."""
    titled = section_text(
        s for s in doc.sections() if s.id != "data" and _DATA_TITLE_RE.search(s.title)
    )
    labelled = "\n".join(m.group(0) for m in _DATA_LABEL_LINE_RE.finditer(doc_text(doc)))
    return titled + "\n" + labelled if labelled else titled


@rule(
    code="DD211",
    name="no-feature-source",
    severity="error",
    section="data",
    summary="The data section does not say where the input data (features) comes from.",
)
def no_feature_source(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Say where X comes from: the systems, logs or datasets the features are built from.

    Recognised: logs, events, transactions, a warehouse / DWH / feature
    store / CRM / database table (`schema.table`), an API, a public dataset,
    "N months of …", "collected from …", who hands it over ("provided by
    the partner clinics"), historical records, a named body of data with
    its volume ("Employee request data (110k)"), and Russian equivalents
    (логи, выгрузка, витрина, хранилище, набор данных, «предоставлены
    банком», «за 2 года»). Data sub-sections count, and
    so does any other part whose heading names the data ("Existing data
    flow", «Блоки данных») or a line labelled so ("Data collection: …").
    A doc that only plans an A/B test or a rollback is not asked.

    Fails:

        ## Data
        We will gather the data we need.

    Passes:

        ## Data
        Features: 18 months of platform events from ClickHouse (`events.sessions`).

        ## Данные
        Признаки — события платформы за 18 месяцев из хранилища.
    """
    sc = model_scope(doc, "data")
    if sc is None or lexicon.has("feature_source", sc.text):
        return
    if lexicon.has("feature_source", _data_titled_text(doc)):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No feature source: name the systems, logs or datasets the model's inputs come "
            "from (e.g. '12 months of order logs from the warehouse').",
            ru="Не указан источник признаков: назовите системы, логи или датасеты, из которых "
            "берутся входные данные модели (например, «логи заказов за 12 месяцев из DWH»).",
        ),
    )


@rule(
    code="DD212",
    name="no-label-source",
    severity="error",
    section="data",
    summary="The doc does not say where the labels (the target) come from.",
)
def no_label_source(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Say where Y comes from: which event is the label, or who labels the data.

    Recognised: "label(s)", "labeling", "annotators", "the target is …", "we
    define the primary target as …", "ground truth", crowdsourcing / Toloka
    / a labeling vendor, moderators' decisions, and Russian «разметка»,
    «метка», «таргет», «целевая переменная», «асессоры», a recommender's
    explicit feedback ("viewer ratings", «явные оценки пользователей», an
    interaction log that records the rating: "Interactions: user :: movie ::
    rating"; not ratings listed among the features). Sub-sections of Data
    are read, then the rest of the doc bar prior art and risks ("precision
    against our 300 labeled documents" in a pilot); "without labels" / «без
    меток» names no source. An unsupervised task ("no labels needed",
    «разметка не нужна», clustering) passes, and so does a model that is not
    trained at all ("we will not fine-tune the model in this iteration",
    «дообучение не требуется»; not "we do not train the model online").
    Defining the event the doc predicts names its label ("Predict churn …
    Churn is defined as no purchase in 30 days", «Под аномалией понимаем
    …»); defining who is scored or a time unit ("active users are defined as
    …") does not. A doc that only plans an A/B test or a rollback is not
    asked.

    Fails:

        ## Data
        Order logs and customer profiles from the warehouse.

    Passes:

        ## Data
        Order logs; the label is a return registered within 30 days.

        ## Данные
        Логи заказов; метка — возврат в течение 30 дней (из биллинга).
    """
    # A one-pager's How names "the data needed"; labels are asked for only
    # when it has a Data sub-section.
    sc = model_scope(doc, "data", one_pager=False)
    if sc is None:
        return
    # Then the rest of the doc, but not where others' systems or what may go
    # wrong are told ("labels may be noisy").
    for text in (sc.text, body_without(doc, "prior_art", "risks")):
        if lexicon.has("label_source", text) or lexicon.has("label_not_needed", text) or _target_defined(text):
            return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No label source: say what the target is and where it comes from "
            "(an event in the logs, in-house annotators, crowdsourcing, a vendor).",
            ru="Не указан источник разметки: опишите, что служит таргетом и откуда он берётся "
            "(событие в логах, свои асессоры, краудсорсинг, внешний подрядчик).",
        ),
    )
