"""Metrics rules: online and offline metrics, numeric targets, accuracy traps."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designdoc import lexicon
from designdoc.document import Document, Section
from designdoc.lexicon.scope import (
    Scope,
    clean_own_text,
    column,
    body_without,
    doc_text,
    scope,
    sentences,
    sentences_hit,
    tables,
    text_of,
    without_placeholders,
)
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule
from designdoc.rules.requirements import model_bar

# Where else docs name metrics: the A/B design names the primary metric,
# success criteria sit under requirements, validation names model metrics.
_ONLINE_ELSEWHERE = ("ab_test", "requirements", "expected_effect", "verdict", "monitoring")
_OFFLINE_ELSEWHERE = ("modeling", "requirements", "baselines")
_TARGET_ELSEWHERE = ("requirements", "ab_test", "goals", "expected_effect", "what", "why")


def _metrics(doc: Document) -> Scope | None:
    return scope(doc, "metrics")


# A pasted scikit-learn classification report names its metrics in its header
# row, inside a code block the rules otherwise skip.
_REPORT_HEADER_RE = re.compile(r"^[ \t]*precision[ \t]+recall[ \t]+f1-score(?:[ \t]+support)?[ \t]*$", re.M)


def _classification_report(sc: Scope) -> bool:
    return any(b.type == "code" and _REPORT_HEADER_RE.search(b.text) for b in sc.blocks())


# A "Loss functions" part of the metrics chapter is about training, and its
# "losses" are not the business's.
_LOSS_TITLE_RE = re.compile(r"\bloss(?:es)?\b|\bфункци\w*\s+потерь|\bлосс", re.I)
_LOSS_WORD_RE = re.compile(r"loss|entropy|потер", re.I)
_METRIC_TITLE_RE = re.compile(r"\bmetric|\bметрик|\bkpi", re.I)


def _without_loss_parts(sc: Scope) -> str:
    """The metrics text minus sub-sections about loss functions."""

    def visit(sec: Section, top: bool) -> list[str]:
        if not top and _LOSS_TITLE_RE.search(sec.title) and not _METRIC_TITLE_RE.search(sec.title):
            return []
        parts = [sec.title, clean_own_text(sec)]
        for child in sec.children:
            parts.extend(visit(child, False))
        return parts

    return without_placeholders("\n".join(p for sec in sc.sections for p in visit(sec, True) if p))


def _offline_hits(text: str) -> list[lexicon.Match]:
    # "offline" is a label, not a metric.
    return [
        m for m in lexicon.find_all("offline_metric", text)
        if m.text.lower() not in ("offline", "офлайн", "оффлайн")
    ]


_RECALL_WORD_RE = re.compile(r"полнот|recall|\bf1\b|f-мер|precision", re.I)


def _is_bare_tochnost(m: lexicon.Match, text: str, whole: str) -> bool:
    """«Точность» alone, without its pair «полнота»: in Russian it then means accuracy.

    «Точность рекомендаций > 85%» is the share of right answers; «точность и
    полнота», «точность@5» and «precision» are precision.
    """
    word = m.text.lower()
    if not word.startswith("точност") or not word.isalpha():
        return False
    if text[m.end : m.end + 1] in ("@", "(") or text[m.end : m.end + 2] == " @":
        return False
    return _RECALL_WORD_RE.search(whole) is None


def _one_pager_parts(doc: Document) -> str:
    return text_of(doc, "what", "how") if doc.kind == "one-pager" else ""


@rule(
    code="DD201",
    name="no-online-metric",
    severity="error",
    section="metrics",
    summary="The metrics name no online (business or product) metric.",
)
def no_online_metric(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name at least one online metric: what the business or the user feels.

    Conversion, revenue, retention, CTR, complaints, handling time, cost
    reduction, a clinical model's "patient outcome improvement", a "share
    of …" or "… rate" read as online metrics, as do "Online:" and "business
    metric" labels, trust-and-safety outcomes ("harmful content exposure",
    "moderator efficiency") and the money a fraud model keeps or costs ("£
    fraud prevented", "cost of false declines"). The A/B design's primary
    metric and the success criteria under requirements also count. "Online
    inference", "online evaluation" or «онлайн-применение» (a mode or a
    stage), "evaluate online metrics" (none named), MRR as Mean Reciprocal
    Rank (spelled out, or beside NDCG / Recall@k), counts of the data or the
    model ("number of bedrooms", "number of exact matches", «доля случаев,
    когда модель …», «доля вредоносных промптов») and the share the model
    catches ("share of fraud caught", its recall) do not, nor do the model's
    own behaviour as a rate ("abstention rate", "agreement rate vs gold"), a
    share defined by what the model does («доля дефолтов, которые модель
    находит») or a pipeline's "message loss".

    Fails:

        ## Metrics
        Offline: PR-AUC ≥ 0.35 on the held-out month.

    Passes:

        ## Metrics
        Online: churn rate −1 pp. Offline: PR-AUC ≥ 0.35.

        ## Метрики
        Онлайн: конверсия в оплату +1,5 п.п. Офлайн: PR-AUC ≥ 0,35.
    """
    sc = _metrics(doc)
    if sc is None:
        return
    if lexicon.has("online_metric", _without_loss_parts(sc)):
        return
    elsewhere = text_of(doc, *_ONLINE_ELSEWHERE) + "\n" + _one_pager_parts(doc)
    if lexicon.has("online_metric", elsewhere):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No online metric: name the business or product metric the system should move "
            "(e.g. conversion, retention, revenue per user) and its target.",
            ru="Нет онлайн-метрики: назовите бизнесовую или продуктовую метрику, которую должна "
            "сдвинуть система (например, конверсию, удержание, выручку на пользователя), и её целевое значение.",
        ),
    )


@rule(
    code="DD202",
    name="no-offline-metric",
    severity="error",
    section="metrics",
    summary="The metrics name no offline (model) metric.",
)
def no_offline_metric(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name at least one offline metric: how the model is scored before launch.

    Precision, recall, F1, ROC-AUC, PR-AUC, log-loss, MAE/MAPE/WAPE/RMSE,
    NDCG@k, recall@k, accuracy and their Russian names (точность, полнота)
    count, as does the share of wrong answers ("misclassification rate",
    «доля неверных предсказаний»; not a service's "error rate"), and so
    does an "Offline:" label or a pasted scikit-learn classification report ("precision recall f1-score support" in a code
    block); for a generator, the share of hallucinations or of correct
    answers («доля галлюцинаций», «количество корректных ответов / общее
    количество ответов»). The validation section is read too, since many
    docs name the model metric there.

    Fails:

        ## Metrics
        Online: conversion to paid +1.5 pp.

    Passes:

        ## Metrics
        Online: conversion +1.5 pp. Offline: recall@20 ≥ 0.3.

        ## Метрики
        Онлайн: конверсия +1,5 п.п. Офлайн: полнота ≥ 0,6 при точности 0,8.
    """
    sc = _metrics(doc)
    if sc is None:
        return
    for text in (sc.text, text_of(doc, *_OFFLINE_ELSEWHERE) + "\n" + _one_pager_parts(doc)):
        if lexicon.has("offline_metric", text) or lexicon.has("accuracy", text):
            return
    if _classification_report(sc):
        return
    # A named model metric anywhere else counts too (an A/B plan's admission
    # bar "ROC-AUC ≥ 0.90", a goal "F1 > 0.8"); a bare "accuracy" there does not.
    if lexicon.has("offline_metric", body_without(doc, "prior_art", "risks")):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No offline metric: name the model metric you will validate on held-out data "
            "(e.g. PR-AUC, recall@k, MAE) and its threshold.",
            ru="Нет офлайн-метрики: назовите метрику модели, по которой её проверят на отложенной "
            "выборке (например, PR-AUC, recall@k, MAE), и пороговое значение.",
        ),
    )


def _table_target(sc: Scope) -> bool:
    """A metrics table with a Target / Цель column holding a number."""
    for block in tables(sc.blocks()):
        cells = column(block, "target_column")
        if cells and any(any(ch.isdigit() for ch in c) for c in cells):
            return True
    return False


@rule(
    code="DD203",
    name="metric-without-target",
    severity="error",
    section="metrics",
    summary="No metric of the doc has a numeric target.",
)
def metric_without_target(doc: Document, ctx: Context) -> Iterator[Problem]:
    """At least one metric needs a number to hit: a target or a threshold.

    Recognised: comparisons (`≥ 0.8`, `<= 5%`, `below 1.5%`, «не ниже 0,6»),
    signed changes (`+3%`, `−1 pp`, `+2 п.п.`), "from 16% to under 5%"
    («с 9% до 4%»), "target 0.8" («цель — 9%»), and a metrics table whose
    Target / Goal / Цель / Целевое значение column holds numbers. Targets
    stated as success criteria (requirements, the A/B design, goals) count,
    as does a stage result in the modelling plan that sets a bar beside a
    named metric ("a classifier with accuracy above 80%"), and a model
    metric's bar on held-out data anywhere ("models will achieve MAPE below
    10% on the test data"): the rule asks whether *any* metric of the doc
    has one. `recall@20` or `Precision@10%` alone are metric names, not
    targets, and neither are the test's own statistics ("p-value < 0.05",
    "alpha = 0.05", «мощность = 0.8»), a formula's constant ("F1 = 2 × …")
    or a fold count ("k = 5").

    Fails:

        ## Metrics
        Online: conversion. Offline: PR-AUC and recall@20.

    Passes:

        ## Metrics
        | Metric | Target |
        |---|---|
        | Conversion | +1.5 pp |

        ## Метрики
        Офлайн: PR-AUC не ниже 0,35; онлайн: отток −1 п.п.
    """
    sc = _metrics(doc)
    if sc is None:
        return
    if lexicon.has("numeric_target", sc.text) or _table_target(sc):
        return
    if lexicon.has("numeric_target", text_of(doc, *_TARGET_ELSEWHERE)):
        return
    # A stage's expected result in the modelling plan ("a model with accuracy above
    # 80% on the test data"): there a number counts only beside a named metric, as
    # hyper-parameters ("n_estimators > 100") are numbers too.
    for sent in sentences(text_of(doc, "modeling", "baselines")):
        if lexicon.has("numeric_target", sent) and any(
            lexicon.has(c, sent) for c in ("offline_metric", "online_metric", "accuracy")
        ):
            return
    # A model metric's bar on held-out data is a target wherever it is written
    # ("models will achieve MAPE below 10% on post-COVID test data" among research questions).
    if any(model_bar(sent) for sent in sentences_hit("held_out", doc_text(doc))):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No metric has a numeric target: add a target or threshold "
            "(e.g. 'PR-AUC ≥ 0.35', 'conversion +1.5 pp').",
            ru="Ни у одной метрики нет числовой цели: добавьте целевое значение или порог "
            "(например, «PR-AUC ≥ 0,35», «конверсия +1,5 п.п.»).",
        ),
    )


@rule(
    code="DD204",
    name="accuracy-only-metric",
    severity="warning",
    section="metrics",
    summary="Accuracy is the only offline metric of an imbalanced or asymmetric-cost problem.",
)
def accuracy_only_metric(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Accuracy alone hides what matters when classes are rare or errors differ in cost.

    Fires when accuracy is the only offline metric and the doc hints at class
    imbalance (rare events, fraud, defects, "only 2% positive", дисбаланс)
    or at unequal error costs (false positives vs false negatives). Add
    precision/recall, PR-AUC or a cost-weighted metric. Another model metric
    named in the success criteria, the validation plan or the pilot design
    pairs it too (a training loss does not). A bare «точность»
    with no «полнота» / recall anywhere in the doc reads as accuracy. When the
    metrics section names no model metric, the task statement, success
    criteria and validation are read instead.

    Fails:

        ## Metrics
        Accuracy ≥ 0.95. (and elsewhere: "fraud is 0.3% of payments")

    Passes:

        ## Metrics
        Recall at 1% FPR ≥ 0.6; accuracy reported for reference.

        ## Метрики
        Полнота ≥ 0,6 при точности ≥ 0,8 (доля правильных ответов — справочно).
    """
    sc = _metrics(doc)
    if sc is None:
        return
    text = sc.text
    if not _offline_hits(text) and lexicon.find("accuracy", text) is None:
        # The metrics section names no model metric: read where the doc does
        # (the task statement, success criteria, validation).
        text = text_of(doc, *_OFFLINE_ELSEWHERE, "goals")
    hits = _offline_hits(text)
    acc = lexicon.find("accuracy", text)
    whole = doc_text(doc)
    bare_tochnost = [m for m in hits if _is_bare_tochnost(m, text, whole)]
    if acc is None and not bare_tochnost:
        return
    others = [m for m in hits if "accuracy" not in m.text.lower() and m not in bare_tochnost]
    if others:
        return
    # A pilot's success criteria or the validation plan may pair it ("<10% false
    # positive rate" beside ">85% accuracy", "accuracy, precision and recall are
    # computed on the validation split"); a training loss ("trained with log loss") does not.
    beside = text_of(doc, "requirements", "ab_test", "modeling")
    if any(
        "accuracy" not in m.text.lower()
        and not _LOSS_WORD_RE.search(m.text)
        and not _is_bare_tochnost(m, beside, whole)
        for m in _offline_hits(beside)
    ):
        return
    hint = (
        lexicon.find("imbalance_hint", whole)
        or lexicon.find("error_costs", whole)
        or lexicon.find("error_kind", whole)
    )
    if hint is None:
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en=f"Accuracy is the only offline metric, but the doc mentions '{hint.text}': "
            "add precision/recall, PR-AUC or a cost-weighted metric.",
            ru=f"Accuracy — единственная офлайн-метрика, хотя в документе упомянуто «{hint.text}»: "
            "добавьте precision/recall, PR-AUC или метрику, учитывающую цену ошибок.",
        ),
    )
