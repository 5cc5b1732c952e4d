"""Requirement rules: when is the model ready, and what do its errors cost?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from designdoc import lexicon
from designdoc.document import Block, Document, Section
from designdoc.lexicon.scope import (
    Scope,
    body_without,
    clean_own_text,
    clean_text,
    column,
    doc_text,
    home_or,
    sentences,
    sentences_hit,
    tables,
    text_of,
    without_placeholders,
)
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule
from designdoc.rules.structure import find_placeholders


def _readiness_stated(doc: Document) -> bool:
    """A readiness phrase in the text, or a readiness heading over a measurable bar.

    "Success criteria" as a heading over "accuracy should be ….." or "useful
    for decisions" states no bar: the heading alone does not count, a number
    under it does.
    """
    for sec in doc.root.walk():
        text = without_placeholders(clean_own_text(sec))
        if lexicon.has("readiness", text) and _bar_in(text):
            return True
        if lexicon.has("readiness_gate", text) and _gate_in(text):
            return True
        # A label over a list ("Критерий успеха:" and its items) reaches the whole list.
        for label, items in _labelled_lists(sec):
            if lexicon.has("readiness", label) and _sets_bar(without_placeholders(items)):
                return True
            if lexicon.has("readiness_gate", label) and _gate_bar(label + "\n" + without_placeholders(items)):
                return True
        if sec.title and lexicon.has("readiness", sec.title):
            body = without_placeholders(clean_text(sec))
            # a number: a target or an expected change («сократить время на 30%»);
            # or a model metric held to a sign or to today's level ("QINI/AUUC are positive")
            if lexicon.has("numeric_target", body) or lexicon.has("expected_change", body):
                return True
            if lexicon.has("relative_bar", body) and _names_model_metric(body):
                return True
        if sec.title and lexicon.has("readiness_gate", sec.title) and _gate_bar(without_placeholders(clean_text(sec))):
            return True
    return False


def _gate_bar(text: str) -> bool:
    """A gate's condition is about the model: a metric or held-out data, and a bar."""
    about_model = (
        _names_model_metric(text) or lexicon.has("online_metric", text) or lexicon.has("held_out", text)
    )
    bar = _sets_bar(text) or lexicon.has("expected_change", text) or lexicon.has("relative_bar", text)
    return bool(about_model and bar)


def _gate_in(text: str) -> bool:
    """A gate or conditional acceptance ("Regression gate: …", «Подход принимается, если: …»)
    whose sentence or the two after it set a bar on a metric or on held-out data."""
    sents = sentences(text)
    return any(
        lexicon.has("readiness_gate", sent) and _gate_bar("\n".join(sents[i : i + 3]))
        for i, sent in enumerate(sents)
    )


def _sets_bar(text: str) -> bool:
    """A number, a direction or a count to reach."""
    return bool(
        lexicon.has("numeric_target", text) or lexicon.has("change_direction", text) or lexicon.has("count_bar", text)
    )


def _label_before_placeholder(line: str) -> str:
    """"Success criteria: TODO: adjust" → "Success criteria:"; "" when the line is no such label."""
    found = find_placeholders(line)
    label = line[: found[0][0]].rstrip() if found else ""
    return label if label.endswith(":") else ""


def _labelled_lists(sec: Section) -> Iterator[tuple[str, str]]:
    """(label, its items) for each line ending in ":" that opens a list.

    "Критерий успеха:" as a paragraph over a list, or as a list item over
    nested items: the items are the lines that follow it in its list, or the
    list right after its paragraph. A list item whose label carries a note to
    the author ("- Success criteria: TODO: adjust") heads only the items
    nested under it.
    """
    blocks = [b for b in sec.blocks if b.type not in ("code", "template")]
    for k, block in enumerate(blocks):
        lines = [ln.strip() for ln in block.text.split("\n")]
        for j, line in enumerate(lines):
            if not line.endswith(":"):
                label = _label_before_placeholder(line) if block.type == "list" else ""
                if label:
                    items = block.nested_under(j)
                    if items:
                        yield label, "\n".join(items)
                continue
            if j + 1 < len(lines):
                if block.type == "list":
                    yield line, "\n".join(lines[j + 1 :])
            elif k + 1 < len(blocks) and blocks[k + 1].type == "list":
                yield line, blocks[k + 1].text


def _bar_in(text: str) -> bool:
    """A readiness phrase that sets a bar: "ready when …", or a named bar
    ("success criteria", «критерии успеха») with a number or a direction
    ("less time per article") in its sentence or the two after it. "The
    success criteria will be the response rate" sets none.
    """
    sents = sentences(text)
    for i, sent in enumerate(sents):
        if not lexicon.has("readiness", sent):
            continue
        rest = sent
        for hit in reversed(lexicon.find_all("readiness_label", sent)):
            rest = rest[: hit.start] + " " + rest[hit.end :]
        if lexicon.has("readiness", rest):
            return True
        if any(_sets_bar(s) for s in sents[i : i + 3]):
            return True
    return False


def _success_targets(doc: Document, home: Scope) -> bool:
    """Targets that act as the readiness bar.

    A "Success metrics" / «Метрика успеха» section with numbers; in the rule's
    home (requirements, or the section standing in for it), a threshold on a
    model metric ("precision@5 ≥ 0.8") or a metric that must hold today's
    level ("Gini must be no lower than the current scorecard's"); anywhere in
    the doc, a threshold on a model metric on held-out data ("SMAPE < 25% on
    the held-out test set"). A metric's own sub-section with a target line
    ("### MAE" over "Target: < 10% of the mean price") sets one too, and so
    does a target on a model metric anywhere: a line such as "R² score …
    Target: > 0.85" or "our target is recall > 85%", or a Target column
    holding a bar beside a model metric.
    """
    requirements = home.text
    for sec in doc.sections():
        if sec.id in ("metrics", "requirements", "goals") and lexicon.has("success_heading", sec.title):
            if lexicon.has("numeric_target", sec.text()):
                return True
    if any(model_bar(s) for s in sentences(requirements)):
        return True
    for sec in (sub for top in (*home.sections, *doc.sections_for("metrics")) for sub in top.walk()):
        if sec.title and _names_model_metric(sec.title) and any(
            lexicon.has("target_label", line) and lexicon.has("bar_comparison", line)
            for line in clean_own_text(sec).split("\n")
        ):
            return True
    # A metric's target held on a model metric: "Target: R² > 0.85", "our target is recall > 85%",
    # or a Target column beside it in a metrics table.
    for sec in doc.sections():
        if any(_target_line(line) for line in clean_own_text(sec).split("\n")):
            return True
        if any(_target_table_bar(b) for b in tables(sec.blocks)):
            return True
    # by line: "Gini; it must be no lower than the current scorecard's" splits at the semicolon
    if any(_relative_bar(line) for line in requirements.split("\n")):
        return True
    # DOMAIN: "an A/B result": the experiment says when the change ships.
    if any(lexicon.has("ship_rule", s) for s in sentences(text_of(doc, "ab_test"))):
        return True
    # DOMAIN: "a metric on held-out data" is a readiness bar wherever it is set.
    # A result reported with "=" ("ROC-AUC = 0.71 on the test set") is no bar.
    if any(model_bar(s) and lexicon.has("bar_comparison", s) for s in sentences_hit("held_out", doc_text(doc))):
        return True
    return any(_evaluation_bars(doc.root, False))


_BAR_REACH = 7  # words between the metric's name and its comparison
_SHORT_ITEM = 10  # words in a list item that states a bar and nothing else
_DEMAND_RE = re.compile(
    r"\b(?:target|goal|must|should|required|requirement|at least|at most|minimum|maximum"
    r"|no (?:less|more|lower|higher|worse) than|not (?:below|above|less|lower|worse|higher))\b"
    r"|\bцел[ьиея]\w*|\bдолжн\w*|\bтребу\w*|не ниже|не менее|не хуже|не более|не выше|\bминимум\w*|\bминимальн\w*",
    re.I,
)
# A clause that bounds something else between them: "recall for every segment with ≥ 1,000 customers".
_OTHER_BOUND_RE = re.compile(
    r"\b(?:with|for|per|where|whose|which|that|when|if|among|across|unless|для|если|когда|где|среди|котор\w*)\b", re.I
)
_BRACKETS_RE = re.compile(r"\([^()]*\)")
# What the project will not do: a bar there is ruled out ("Non-goals: recall above 0.95").
_NON_GOALS_RE = re.compile(r"non[- ]?goals?|out of scope|not in scope|не\s+цел|вне\s+(?:рамок|скоупа)", re.I)
# Where a bar on a model metric is the readiness bar: the sections that say what
# success is, and any part titled for evaluation ("Оценка эффективности",
# "Validation plan", "Acceptance"). Elsewhere (data, infrastructure, risks,
# training) a model metric with a number is a data check, an SLA or a risk.
_BAR_SECTIONS = ("metrics", "requirements", "goals", "ab_test")
_NO_BAR_SECTIONS = ("monitoring", "rollback", "data", "deployment", "risks", "prior_art", "support", "timeline")


def _new_model_bar(sentence: str) -> bool:
    """A bar the new model must clear: a model metric (named outside brackets:
    "Revenue (precision tracked separately) > 1.2M" is no bar on precision) held
    to a threshold; not an alert or a trigger, another system's figure, or a
    result already reported ("the prototype got RMSE < 10")."""
    return bool(
        _names_model_metric(_BRACKETS_RE.sub(" ", sentence))
        and lexicon.has("numeric_target", sentence)
        and _bar_beside_metric(sentence)
        # stated as a bar: a short item ("Точность: BLEU ≥ 80%", "AUC-ROC (target > 0.95)")
        # or with a word that demands it; a longer sentence with a bar in it
        # usually explains a scale, a norm or an error ("a ROC-AUC above 0.5 means …")
        and (len(sentence.split()) <= _SHORT_ITEM or bool(_DEMAND_RE.search(sentence)))
        and not any(
            lexicon.has(c, sentence)
            for c in ("alert_context", "other_system", "reported_result", "metric_definition", "mde", "power")
        )
    )


def _bar_beside_metric(sentence: str) -> bool:
    """The comparison follows a model metric closely ("AUC-ROC (target > 0.95)",
    «Точность: BLEU ≥ 80%»); "recall for every segment with ≥ 1,000 customers"
    bounds the segment, not the recall."""
    metrics = [h.end for c in ("offline_metric", "accuracy") for h in lexicon.find_all(c, sentence)]
    for bar in lexicon.find_all("bar_comparison", sentence):
        for end in metrics:
            gap = sentence[end : bar.start] if end <= bar.start else None
            if gap is not None and len(gap.split()) <= _BAR_REACH and not _OTHER_BOUND_RE.search(gap):
                return True
    return False


def _evaluation_bars(sec: Section, inherited: bool) -> Iterator[bool]:
    """Bars on a model metric in the parts of the doc that say when it succeeds.

    Real docs set the bar where they evaluate the model ("Точность: BLEU/ROUGE
    ≥ 80%" under «Оценка эффективности», "AUC-ROC (target > 0.95)" under
    "Primary metrics"); under "Monitoring" or "When to roll back", or in a
    sentence that raises an alert ("alerts when nDCG drops > 0.03"), the same
    bar says when to act on a live model. Yields once per such bar (lazily).
    """
    if sec.id in _NO_BAR_SECTIONS:
        return
    if sec.title and (lexicon.has("alert_context", sec.title) or _NON_GOALS_RE.search(sec.title)):
        return
    here = inherited or sec.id in _BAR_SECTIONS or bool(sec.title and lexicon.has("evaluation_heading", sec.title))
    if here:
        for s in sentences(without_placeholders(clean_own_text(sec))):
            if _new_model_bar(s):
                yield True
    for child in sec.children:
        yield from _evaluation_bars(child, here)


_LIST_MARK_RE = re.compile(r"^\s*(?:\d+[.)]|[-*+•])\s*")
_SENTENCE_END_RE = re.compile(r"[.!?]\s")


def _target_line(line: str) -> bool:
    """A target on a model metric named in the target's own sentence or in the line's label.

    "1. **R² score**: … Target: > 0.85" counts; "Recall is logged. Target: > 3
    stores" does not: the metric sits in a neighbouring sentence.
    """
    item = _LIST_MARK_RE.sub("", line)
    label = item.split(":", 1)[0] if ":" in item else ""
    if _SENTENCE_END_RE.search(label):
        label = ""
    return any(
        lexicon.has("target_label", s)
        and lexicon.has("bar_comparison", s)
        and (_names_model_metric(s) or _names_model_metric(label))
        for s in sentences(line)
    )


def _target_table_bar(block: Block) -> bool:
    """A row naming a model metric whose Target cell holds a bar ("| FP rate | < 2% |")."""
    targets = column(block, "target_column") or []
    return any(
        lexicon.has("bar_comparison", cell) and _names_model_metric(_metric_name(row))
        for row, cell in zip(block.rows[1:], targets)
    )


def _metric_name(row: tuple[str, ...]) -> str:
    """A metrics table row's metric name: its first cell, without a bracketed note."""
    return _BRACKETS_RE.sub(" ", row[0]) if row else ""


def _names_model_metric(text: str) -> bool:
    return lexicon.has("offline_metric", text) or lexicon.has("accuracy", text)


def _relative_bar(line: str) -> bool:
    """A model metric that must hold today's level: «Gini должен быть не ниже, чем у текущей карты»."""
    return bool(_names_model_metric(line) and lexicon.has("relative_bar", line) and lexicon.has("demand", line))


def model_bar(sentence: str) -> bool:
    """A model metric with a threshold: "precision@5 ≥ 0.8", «доля правильных ответов ≥ 0,9»."""
    return _names_model_metric(sentence) and lexicon.has("numeric_target", sentence)


# Where a whole-doc question is reported when the doc has no requirements
# section: the first of these the doc has.
_WHOLE_DOC_HOMES = ("metrics", "goals", "modeling", "data", "baselines", "deployment")


@rule(
    code="DD281",
    name="no-readiness-criterion",
    severity="warning",
    section="requirements",
    summary="The doc never says when the model counts as ready.",
)
def no_readiness_criterion(doc: Document, ctx: Context) -> Iterator[Problem]:
    """State explicitly when the model is ready: an A/B result or a metric on held-out data.

    Recognised anywhere in the doc: "the model is ready when …", "success
    criteria", "definition of done", "acceptance criteria", "the MVP
    succeeds if …", "ship if …", "Success: …", «критерии готовности /
    успеха», «модель готова, если …», «что считаем успешным пилотом». A
    "Success metrics" section with numeric targets, or a requirement that
    sets a threshold on a model metric ("precision@5 ≥ 0.8"), also counts.
    A "Success criteria" heading counts only over a measurable bar (a number,
    or a model metric held to a sign or to today's level: "QINI/AUUC are
    positive" under "Offline readiness gates"): "accuracy should be …" or
    "useful for decisions" under it is no criterion.
    A model metric held to a threshold counts on held-out data ("PR-AUC ≥
    0.35 on the held-out month") and in the parts that say what success is
    (metrics, requirements, goals, the A/B design, or a part titled for
    evaluation, validation or acceptance: "recall@5 (target ≥ 0.8)",
    «Оценка эффективности: BLEU ≥ 80%»), unless it says when to act on a
    live model (an alert, a retraining trigger, a rollback condition), quotes
    another system (a competitor, a paper, the current heuristic) or reports
    a result ("the prototype got RMSE < 10"), and is stated as a bar (a short
    item, or with target / must / at least / «должна» / «не ниже»: "a ROC-AUC
    above 0.5 means …" explains a scale); so does a metric held to today's
    level («Gini не ниже, чем у текущей карты», "better ROC-AUC than the
    Logistic Regression baseline"), a stated target on a model
    metric ("R² … Target: > 0.85", "our target is recall > 85%", a Target
    column beside a model metric), a named minimum over a model metric
    ("Minimum benchmarks: Dice > 0.80", «Минимальные показатели: …»), a
    promotion threshold over a model metric ("below the predeclared 3%
    relative promotion threshold" on NDCG@10), a
    champion-challenger gate ("serving stays on v9 until a new candidate
    beats it", «пока новый кандидат её не обгонит»), or an A/B design that says
    when the change ships ("ship the winning arm if …"). A full design doc without a
    requirements section is still asked (the report goes to its metrics, goals
    or a design section); a doc that only plans an A/B test or a rollback is not.

    Fails:

        ## Requirements
        Weekly batch; scores in the CRM by Monday 9:00.

    Passes:

        ## Requirements
        The model is ready when precision in the top 10% is ≥ 0.4 on the last two quarters.

        ## Требования
        Модель готова, если на отложенном месяце recall ≥ 0,6.
    """
    sc = home_or(doc, "requirements", *_WHOLE_DOC_HOMES)
    if sc is None or _readiness_stated(doc) or _success_targets(doc, sc):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No readiness criterion: say when the model counts as ready (e.g. 'ready when "
            "PR-AUC ≥ 0.35 on the held-out month, then an A/B test decides').",
            ru="Нет критерия готовности: напишите, когда модель считается готовой (например, "
            "«готова, если PR-AUC ≥ 0,35 на отложенном месяце; дальше решает A/B-тест»).",
        ),
    )


def _error_costs_in(text: str) -> bool:
    """A cost or comparison of errors, or an error kind given its consequence in one sentence.

    Naming an error kind alone ("false positive rate < 5%") is not a discussion.
    """
    if lexicon.has("error_costs", text):
        return True
    named = [sent for concept in ("error_kind", "error_miss") for sent in sentences_hit(concept, text)]
    return any(lexicon.has("error_consequence", sent) for sent in named)


def _model_errors_in_ab(doc: Document) -> str:
    """The A/B design's sentences about the model's errors, not the test's own
    ("H2: fewer false positives — fewer declines of good customers")."""
    return "\n".join(s for s in sentences(text_of(doc, "ab_test")) if not lexicon.has("test_error", s))


@rule(
    code="DD282",
    name="error-costs-not-discussed",
    severity="warning",
    section="requirements",
    summary="The doc does not compare the cost of false positives and false negatives.",
)
def error_costs_not_discussed(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Say what each kind of error costs: false positives and false negatives are rarely equal.

    Recognised in requirements, metrics or anywhere else; in the A/B design
    only sentences free of the test's own errors and settings ("type I/II
    error", α, power are about the test, not the model): "a missed fraud
    costs …", "precision vs recall", "errors are not symmetric", "at the
    cost of more false alarms", "a balance between precision and recall",
    «пропуск мошенничества стоит …», «цена ошибки», «ошибка хуже пустого
    поля»; or an error kind given its consequence in the same sentence ("a
    missed pedestrian may result in a collision", «ложные срабатывания —
    нагрузка на операторов», "a false positive … creates unnecessary review
    work"; "we can recall any misclassified items using manual labeling",
    «ошибочно классифицированные заявки можно исправить»:
    an error that can be undone is a cheap one; an output worse than none:
    "a hypothesis without a source is worse than no hypothesis"; a
    forecast's two errors each with what it causes: "over-preparing leads to
    food waste, under-preparing hurts morale", "positive bias inflates waste,
    negative bias triggers stockouts"; one error held down under a bar on
    the other ("minimize false declines subject to catching 95% of fraud
    dollars"); a recall bar with the error
    it holds down: "Recall > 0.8 (minimise false negatives)"; two outcomes'
    costs compared, one of them an error: "the cost of an extra manual check
    is lower than the cost of a wrong auto-close"; a time estimate's early
    against late errors: "Early vs Late Deliveries"; a misroute's cost
    ("misroutes more often costs more once rework is counted"); a stock-out
    or an overstock priced as its own cost, or a newsvendor rule, which
    weighs the two; over- and undervaluation listed together; an F-beta with
    β ≠ 1, which weighs recall against precision on purpose). Naming an
    error kind alone ("false positive rate < 5%", «минимум ложных
    срабатываний») compares nothing and does not count. A full design doc
    without a requirements section is still asked (the report goes to its
    metrics, goals or a design section); a doc that only plans an A/B test
    or a rollback is not.

    Fails:

        ## Requirements
        Scores within 80 ms p99.

    Passes:

        ## Requirements
        A missed fraud costs the full amount; a false step-up costs a small conversion loss.

        ## Требования
        Пропуск мошенничества стоит всей суммы, ложная блокировка — звонка оператора.
    """
    sc = home_or(doc, "requirements", *_WHOLE_DOC_HOMES)
    if sc is None:
        return
    for text in (sc.text, text_of(doc, "metrics"), body_without(doc, "ab_test"), _model_errors_in_ab(doc)):
        if _error_costs_in(text):
            return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="Error costs not discussed: say what a false positive and a false negative cost "
            "and which is worse; the choice of metric follows from it.",
            ru="Не разобрана цена ошибок: напишите, во что обходятся ложное срабатывание и "
            "пропуск и что из них хуже — от этого зависит выбор метрики.",
        ),
    )
