"""Baseline rules: start from the simplest thing that could work."""

from __future__ import annotations

from collections.abc import Iterator

from designdoc import lexicon
from designdoc.document import Document
from designdoc.lexicon.scope import body_without, model_scope, sentences_hit
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule


@rule(
    code="DD221",
    name="no-simple-baseline",
    severity="error",
    section="baselines",
    summary="No baseline is simple (constant, heuristic, rule, linear model or current system).",
)
def no_simple_baseline(doc: Document, ctx: Context) -> Iterator[Problem]:
    """At least one baseline must be simple, so the model's gain is honest.

    Simple: a constant or a dummy classifier, mean/median of recent
    history, a heuristic or rule set, a threshold, popularity / most
    popular, co-occurrence, BM25 or TF-IDF, linear or logistic regression,
    the current system or process.
    Russian: константа, медиана, среднее, эвристика, правило, порог,
    популярное, логистическая регрессия, текущее решение, «как в прошлом
    месяце». A list of only complex models (gradient boosting, a transformer)
    fails. A sentence elsewhere in the doc that calls a simple thing the
    baseline ("start with a baseline that matches queries by keywords")
    counts too, as does the system without its new component ("a no-RAG
    baseline", «baseline (без RAG)»); a metric's mean ("mean IoU", "average
    inference latency") is no mean predictor. A doc that only plans an A/B
    test or a rollback is not asked.

    Fails:

        ## Baselines
        Gradient boosting, then a fine-tuned transformer.

    Passes:

        ## Baselines
        Median demand of the last 90 days; then logistic regression.

        ## Бейзлайн
        Эвристика «не заходил 14 дней» и логистическая регрессия.
    """
    sc = model_scope(doc, "baselines")
    if sc is None or lexicon.has("simple_baseline", sc.text):
        return
    # A simple baseline named elsewhere ("a first baseline that matches queries
    # by keywords" in the plan) counts: in the sentence that calls it a baseline.
    elsewhere = body_without(doc, "prior_art", "risks")
    if any(lexicon.has("simple_baseline", s) for s in sentences_hit("baseline_word", elsewhere)):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No simple baseline: add a constant, heuristic, rule, mean/median or "
            "linear model (or the current system) to compare the model with.",
            ru="Нет простого бейзлайна: добавьте константу, эвристику, правило, среднее или медиану, "
            "линейную модель (или текущее решение), чтобы было с чем сравнивать модель.",
        ),
    )
