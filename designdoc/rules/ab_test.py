"""A/B test design rules: hypothesis, metrics, split, statistics, duration.

A reasoned deferral ("No A/B test in this phase because traffic is too
low") replaces the whole family with one ``ab-deferred`` note; see that
rule's docs for how it is judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from designdoc import lexicon
from designdoc.catalog import AB_RE
from designdoc.document import Document, Section
from designdoc.lexicon.scope import (
    Scope,
    clean_text,
    closest,
    doc_text,
    per_doc,
    scope,
    sentences,
    sentences_with,
    text_of,
    without_placeholders,
)
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule


# A label or heading over what this iteration leaves out: "Out of scope:",
# "Non-goals", "Won't have", «Не входит (технический долг → v2):», «Вне скоупа».
_OUT_OF_SCOPE_RE = re.compile(
    r"^\W*(?:out\s+of\s+scope|not\s+in\s+scope|non[- ]goals?|won['’]?t\s+(?:have|do)|what\s+we\s+(?:will\s+)?not\s+do"
    r"|не\s+входит|не\s+входят|вне\s+(?:скоупа|рамок)|что\s+не\s+(?:входит|делаем|будем\s+делать)|не\s+делаем)\b",
    re.I,
)
# The left-out item must be the test itself ("A full A/B test with live users",
# «Полноценный A/B тест с живыми пользователями"): not an aspect of a test that
# still runs ("Changing the A/B test duration", «повторный A/B-тест», «анализ
# A/B-теста по регионам»), another team's test, or an A/B platform.
_AB_ITEM_RE = re.compile(
    r"^\W*(?:(?:an?|the|full|fully[- ]fledged|proper|real|live|online|controlled|полноценн\w*|онлайн|живо\w*|реальн\w*)[\s-]+){0,3}"
    r"(?:[aа]\s*/\s*[bб]|ab|аб)[\s-]*(?:test\w*|experiment\w*|тест\w*|эксперимент\w*)\b",
    re.I,
)
_AB_ITEM_NOT_RE = re.compile(
    r"платформ|инфраструктур|фреймворк|инструмент|команд|рассыл|анализ|разрез|результат|длительност|повтор|мобильн"
    r"|platform|infrastructure|framework|tooling|team|e-?mail|owned|analys|breakdown|results?\b|duration|re-?run|mobile|second",
    re.I,
)
_LABEL_MAX = 100


def _scoped_out(doc: Document) -> str | None:
    """An A/B test listed among what this iteration leaves out, or None.

    "Out of scope (v2):" / «Не входит (технический долг → v2):» over a list
    holding "Full A/B test with live users" is a decision about the phase,
    which is its reason.
    """
    for sec in doc.root.walk():
        titled = bool(sec.title) and _OUT_OF_SCOPE_RE.search(sec.title) is not None
        labelled = False
        for block in sec.blocks:
            if block.type == "list" and (titled or labelled):
                for line in block.text.split("\n"):
                    if _AB_ITEM_RE.match(line) and not _AB_ITEM_NOT_RE.search(line):
                        return line.strip()
            labelled = (
                block.type == "paragraph"
                and len(block.text) <= _LABEL_MAX
                and _OUT_OF_SCOPE_RE.search(block.text) is not None
            )
    return None


@dataclass(frozen=True)
class _Deferral:
    quote: str
    alternative: bool  # names another way to measure the effect, or a later phase


def _deferral(sc: Scope, doc: Document) -> _Deferral | None:
    """A reasoned "we do not run an A/B test" statement.

    Looked for in the A/B section first, then anywhere in the doc: templates
    often settle it among the success criteria ("the business effect needs
    an A/B test, which this pilot does not include").
    """
    for text in (sc.text, doc_text(doc)):
        if not lexicon.has("ab_deferral", text):
            continue  # one scan of the text before one per sentence
        sents = sentences(text)
        for i, sent in enumerate(sents):
            if not lexicon.has("ab_deferral", sent):
                continue
            # The reason may follow in the next sentence ("No A/B test. Traffic is too low …");
            # scoping it out of this phase ("not provided in the pilot") is a reason too.
            around = " ".join(sents[i : i + 2])
            if lexicon.has("reason", around) or lexicon.has("ab_phase_scope", sent):
                return _Deferral(sent[:80], lexicon.has("ab_alternative", sc.text))
    # The test placed in a later phase, with what this phase does instead:
    # "A/B: memory vs none -> D30 retention (after the MVP, phase 2). In the
    # MVP only a scripted demo." A later-phase plan without that is judged.
    if lexicon.has("ab_phase_only", sc.text):
        sents = sentences(sc.text)
        for i, sent in enumerate(sents):
            # the phase may sit on the label line just above ("Product evaluation (phase 2)")
            label_and_line = " ".join(sents[max(i - 1, 0) : i + 1])
            if AB_RE.search(sent.lower()) and lexicon.has("ab_later_phase", label_and_line):
                return _Deferral(sent[:80], True)
    # The test listed among what this iteration leaves out.
    left_out = _scoped_out(doc)
    if left_out is not None:
        return _Deferral(left_out[:80], True)
    # An offline comparison in place of the online test ("This is a fully
    # offline experiment"), when the section designs no split: a design
    # written for later ("Not run. No live traffic exists yet.") is judged.
    if lexicon.has("ab_offline_only", sc.text) and not lexicon.has("ab_split_unit", sc.text):
        hit = lexicon.find("ab_offline_only", sc.text)
        return _Deferral(hit.text if hit else "offline", True)
    return None


@per_doc
def _ab_home(doc: Document) -> tuple[Scope | None, _Deferral | None]:
    """The A/B section and its deferral, if any (asked by every rule here)."""
    sc = scope(doc, "ab_test", one_pager=False)
    return sc, (_deferral(sc, doc) if sc is not None else None)


def _ab(doc: Document) -> Scope | None:
    """The A/B section when its rules apply: present, not empty, not deferred."""
    sc, deferred = _ab_home(doc)
    return None if deferred is not None else sc


# The test's settings written as analysis code: "alpha = 0.05  # significance",
# "power=0.8", "mde = 0.02". Code is not read as text, but these assignments
# state the design as plainly as a sentence would.
_ALPHA_CODE_RE = re.compile(
    r"\b(?:alpha|significance(?:_level)?|sig_level)[\"']?\s*[=:]\s*0?\.(?:0\d*|10*)\b", re.I
)  # a test level (≤ 0.1); "Ridge(alpha=0.5)" elsewhere in a doc is regularisation
# (power as a share: "power: 250" in a GPU config is watts)
_POWER_CODE_RE = re.compile(
    r"\b(?:(?:required|target|stat|statistical)_)?power[\"']?\s*[=:]\s*0?\.\d"
    r"|\b(?:mde|min(?:imum)?_detectable_effect|effect_size)[\"']?\s*[=:]\s*\d?\.?\d",
    re.I,
)
# A config's primary metric ('"primary": "add_to_cart_rate"') and an assignment
# that hashes a unit's id ('md5(f"{user_id}:{experiment_id}")') in the A/B code;
# a pandas "df.assign(user_id=…)" or "run_shadow(model, user_id)" is neither.
# The metric must be a quoted name: "primary: pg-main" in a database config is no metric.
_DIGIT_RE = re.compile(r"\d")
_PRIMARY_CODE_RE = re.compile(r"\bprimary(?:_metric)?[\"']?\s*[=:]\s*\[?\s*[\"'][a-z]", re.I)
_SPLIT_CODE_RE = re.compile(
    r"(?<!\.)\b(?:hash\w*|md5|sha(?:1|256|512)|murmur\w*|assign\w*\(|bucket\w*\()[^\n]{0,60}?"
    r"\b(?:user|customer|session|account|device|visitor|client|cookie)_?id\b",
    re.I,
)


# What a test's decision rule chooses between or names: "v2", "the challenger",
# "variant B", "the A/B test", «пилот». Not "treatment minus control" of an
# uplift model's targeting rule, nor a genomic "variant".
_ARMS_RE = re.compile(
    r"\b(?:v\d+|challengers?|champions?|variant\s+[ab]\b|a\s*/\s*b\b|ab[- ]?test\w*|experiment\w*|pilot\w*"
    r"|челленджер\w*|чемпион\w*|вариант\w*\s+[abаб]\b|a/b-тест\w*|аб-тест\w*|эксперимент\w*|пилот\w*)",
    re.I,
)


def _worsens(sentence: str) -> bool:
    """A measure said to get worse: a stop rule on it guards it ("if complaints grow, stop"),
    unlike a stop on a significant difference of the primary metric."""
    return lexicon.has("change_direction", sentence) or lexicon.has("worsening", sentence)


def _code_text(sc: Scope) -> str:
    """The A/B section's code blocks, for the settings a test plan writes as code.

    Only the section's own: "Ridge(alpha=0.1)" or "FocalLoss(alpha=0.25)" in
    the modelling part is not the test's α.
    """
    return "\n".join(b.text for sec in sc.sections for b in sec.all_blocks() if b.type == "code")


@per_doc
def _ab_sentences(doc: Document) -> str:
    """Sentences anywhere in the doc that talk about the experiment (plan rows too)."""
    return sentences_with("ab_context", doc_text(doc))


@rule(
    code="DD230",
    name="ab-deferred",
    severity="info",
    section="ab_test",
    summary="The A/B test is deferred with a reason; its design rules are skipped.",
)
def ab_deferred(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An explicit, reasoned deferral of the A/B test turns the A/B rules into this one note.

    Some projects cannot or should not run an online experiment now (too
    little traffic, regulation, a first offline-only phase). Writing that
    down with the reason is a design decision, not a gap, so instead of a
    wall of `ab-no-*` errors the linter leaves one info note that a reviewer
    should confirm. A deferral needs a negation ("no A/B test", "A/B test:
    not run in this phase", «A/B-тест не проводится») *and* a reason in the
    same or the next sentence ("because", "since", "due to", «так как»,
    «поскольку», «из-за»), or a scope that puts the test outside this phase
    ("an A/B test is not provided in the pilot", «в рамках пилота A/B-тест
    не предусмотрен»). The A/B section is read first, then the rest of the
    doc (templates often settle it among the success criteria). Without a
    reason the A/B rules apply as usual. A section that says it is a fully
    offline comparison ("This is a fully offline experiment", «полностью
    офлайн-эксперимент») and designs no split is treated the same way: it
    stands in for the online test rather than describing one, and so is a
    test placed in a later phase when the section says what this phase does
    instead ("A/B: memory vs none → D30 retention (phase 2, after the MVP).
    In the MVP only a scripted demo", «На итерации MVP — только демо»), and
    so is a test listed among what this iteration leaves out ("Out of scope
    (v2): a full A/B test with live users", «Не входит: полноценный A/B-тест»;
    the test itself, not an aspect of one that still runs, such as its
    duration or a re-run, nor an A/B platform).

    The deferral is honoured at every status: approval is exactly when a
    lead accepts or rejects it. In an `approved` doc the note becomes a
    warning unless the section also says how the effect will be measured
    instead (a pilot, before/after, difference-in-differences, shadow mode,
    a holdout) or in which later phase the test runs.

    Reported (info):

        ## A/B test
        Not run in this phase because the tool has only 40 internal users;
        we compare handling time before/after instead.

        ## A/B-тест
        A/B-тест не проводится, так как трафика мало; оцениваем пилотом.

    Not reported (a full design, or a deferral without a reason, which
    leaves the `ab-no-*` rules on):

        ## A/B test
        Hypothesis: … α = 0.05, power 0.8, two weeks, split by user id.
    """
    sc, found = _ab_home(doc)
    if sc is None or found is None:
        return
    if doc.status == "approved" and not found.alternative:
        yield ctx.problem(
            sc.anchor,
            ctx.say(
                en=f"A/B test deferred ('{found.quote}') in an approved doc without saying how the "
                "effect will be measured instead: name the alternative (pilot, before/after, "
                "holdout) or the phase in which the test runs.",
                ru=f"A/B-тест отложен («{found.quote}»), но утверждённый документ не говорит, как "
                "тогда будет измеряться эффект: укажите альтернативу (пилот, сравнение до/после, "
                "holdout) или этап, на котором тест всё же проведут.",
            ),
            severity="warning",
        )
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en=f"A/B test deferred ('{found.quote}'): A/B design rules skipped; reviewers should "
            "confirm the reason.",
            ru=f"A/B-тест отложен («{found.quote}»): проверки дизайна A/B-теста пропущены, "
            "ревьюерам нужно подтвердить причину.",
        ),
    )


@rule(
    code="DD232",
    name="ab-no-hypothesis",
    severity="error",
    section="ab_test",
    summary="The A/B design states no hypothesis.",
)
def ab_no_hypothesis(doc: Document, ctx: Context) -> Iterator[Problem]:
    """State what the test should show: which change moves which metric, which way.

    Recognised: "Hypothesis: …", H0/H1, "we expect …", "… should reduce
    handling time by 15%", «Гипотеза: …», «ожидаем», «модель снизит потери»,
    and an expected change of a named metric in the A/B section ("success:
    listening time +3%", «отток ниже на 1 п.п.»). A pilot success criterion
    that compares with the control group or the baseline by a number counts
    too ("handling time ≥ 30% lower vs control", «в 60% магазинов модель
    лучше бейзлайна»), and so does one that names the direction a business
    measure should move («Сокращённое время, которое работник тратит на
    мониторинг»). A bar alone ("Success criteria: recall ≥ 0.85") names the
    pilot's primary metric, not what the pilot should show: it is no
    hypothesis. So do an expected change over control
    among the goals ("≥10% improvement over the control group"), a question
    of a directional change ("to determine if the offer reduces churn", "Does
    the pre-check cut rejections enough to pay for itself?", «Снижает ли …?»;
    not an "Open question: …"), and a section of its own headed "Hypothesis" /
    «Гипотеза».

    Fails:

        ## A/B test
        Split by user id for two weeks; α = 0.05, power 0.8.

    Passes:

        ## A/B test
        Hypothesis: drafts reduce handling time per ticket by at least 15%.

        ## A/B-тест
        Гипотеза: скоринг снижает потери от мошенничества на 30%.
    """
    sc = _ab(doc)
    if sc is None:
        return
    if lexicon.has("ab_hypothesis", sc.text):
        return
    # "Listening time +3% with statistical significance" states the expected
    # effect on a metric: a hypothesis in all but name.
    for sent in sentences(sc.text):
        if lexicon.has("online_metric", sent) and lexicon.has("expected_change", sent):
            return
    # Pilot docs state it as a success criterion: "the pilot group's balance is
    # 12% below the control group's" («в пилотной группе ниже контрольной на 12%»),
    # "≥10% improvement in acceptance rate over control group" among the goals.
    for sent in sentences(text_of(doc, "requirements", "goals")):
        if lexicon.has("ab_group", sent) and (
            lexicon.has("expected_change", sent) or lexicon.has("numeric_target", sent)
        ):
            return
    # … or as a success metric that names the change it expects over control
    # ("≥10% improvement in acceptance rate over control group"); a metrics
    # table's bare "-20% vs control" is a target, not a hypothesis.
    for sent in sentences(text_of(doc, "metrics")):
        if (
            " | " not in sent  # a table row: a target column, not a statement
            and lexicon.has("ab_group", sent)
            and lexicon.has("numeric_target", sent)
            and lexicon.has("change_direction", sent)
        ):
            return
    # … or in the pilot's success criteria: a bar against the control or the
    # baseline ("time to review ≥ 30% lower vs control", «≥ 60% филиалов: модель
    # лучше бейзлайна»), or the direction a business measure should move
    # («Сокращённое время, которое работник тратит на мониторинг»). A bar alone
    # ("f1 > 0.8") names the pilot's primary metric but no expected change.
    for sec in _pilot_success(sc, doc):
        for sent in sentences(without_placeholders(clean_text(sec))):
            against = lexicon.has("ab_group", sent) or lexicon.has("ab_comparison", sent)
            if against and (lexicon.has("expected_change", sent) or lexicon.has("numeric_target", sent)):
                return
            if lexicon.has("online_metric", sent) and lexicon.has("change_direction", sent):
                return
    # An experiment plan may give the hypothesis its own heading beside the
    # design ("## 3. Hypothesis" with H0/H1, «## Гипотеза»).
    for sec in doc.sections():
        if sec.level and lexicon.has("ab_hypothesis", sec.title) and lexicon.has(
            "ab_hypothesis", without_placeholders(clean_text(sec))
        ):
            return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No hypothesis: state which change should move which metric and in which "
            "direction (e.g. 'Hypothesis: the ranker raises CTR by ≥ 2%').",
            ru="Нет гипотезы: сформулируйте, какое изменение сдвинет какую метрику и в какую "
            "сторону (например, «Гипотеза: новый ранкер поднимет CTR не менее чем на 2%»).",
        ),
    )


def _pilot_success(sc: Scope, doc: Document) -> Iterator[Section]:
    """Success-criteria sections of the pilot: under the A/B section, or headed as the pilot's."""
    under = {id(sec) for top in sc.sections for sec in top.walk() if sec is not top}
    for sec in doc.sections():
        if not (lexicon.has("success_heading", sec.title) or lexicon.has("readiness", sec.title)):
            continue
        if id(sec) in under or lexicon.has("ab_context", sec.title):
            yield sec


def _names_metric_bar(sent: str) -> bool:
    """A metric of either kind with a number or a direction to reach."""
    metric = lexicon.has("online_metric", sent) or lexicon.has("offline_metric", sent)
    return metric and (lexicon.has("numeric_target", sent) or lexicon.has("change_direction", sent))


def _metric_bar(sc: Scope) -> bool:
    """A bar on a named metric in the pilot section itself ("Weighted Accuracy > 50%").

    Only for a pilot with no control group, no split and no A/B test named:
    there the bar the pilot must clear names the metric it is judged by. A
    holdout randomised by user is an experiment, whose primary metric must
    be said.
    """
    text = sc.text
    if lexicon.has("ab_group", text) or lexicon.has("ab_split_unit", text) or AB_RE.search(text.lower()):
        return False
    for sent in sentences(text):
        if not lexicon.has("numeric_target", sent):
            continue
        # The bar must follow the metric ("Weighted Accuracy > 50%"): in "runs
        # at least 4 weeks and measures accuracy" the number is the duration.
        for concept in ("online_metric", "offline_metric", "accuracy"):
            for hit in lexicon.find_all(concept, sent):
                if lexicon.has("numeric_target", sent[hit.end : hit.end + 30]):
                    return True
    return False


def _success_bar(sc: Scope, doc: Document) -> bool:
    """A pilot's success criterion with a number names the measure that decides it.

    "What we count as a successful pilot: positive feedback in at least 50%
    of cases" / «Критерии успешности пилота: Recall ≥ 0,85» under the pilot,
    or anywhere in the doc when its heading names the pilot or experiment
    («3.2. Метрики успеха пилота» numbered under the pilot but written at the
    pilot heading's own level).
    """
    for sec in _pilot_success(sc, doc):
        for sent in sentences(without_placeholders(clean_text(sec))):
            # "detects at least N % of known cases": the value is to come, the measure is named
            if lexicon.has("numeric_target", sent) or lexicon.has("variable_bar", sent):
                return True
    return False


# A label line over a metric: "Primary: conversion to order", «Основная: F1-score».
_PRIMARY_LABEL_RE = re.compile(
    r"^[ \t]*(?:[-*•+][ \t]*)?(?:\*\*)?(?:primary|main|основная|главная|ключевая)(?:\*\*)?[ \t]*[:—–]",
    re.I,
)


@rule(
    code="DD233",
    name="ab-no-primary-metric",
    severity="error",
    section="ab_test",
    summary="The A/B design names no primary (key) metric.",
)
def ab_no_primary_metric(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name the one metric the decision rests on.

    Recognised: "primary / key / main / target metric", "OEC", «основная /
    ключевая / целевая метрика», or a comparison of a named online metric
    ("comparing tag acceptance rate", «сравнение числа остановок»), the
    metric the MDE or the success criterion is stated on ("MDE 1 pp of
    churn"). A "Primary metric:" line under Metrics counts too, as does a
    bare "Primary:" / «Основная:» label line over a metric there, and so does a
    pilot's success criterion with a number («Критерии успешности пилота:
    recall ≥ 0,85»), under the pilot or in a section whose heading names the
    pilot («Метрики успеха пилота»). A config in the A/B section's code
    names it too (`"primary": "add_to_cart_rate"`).

    Fails:

        ## A/B test
        Users are split 50/50 by user id for three weeks.

    Passes:

        ## A/B test
        Primary metric: listening time per session.

        ## A/B-тест
        Основная метрика — доля ошибок категории.
    """
    sc = _ab(doc)
    if sc is None:
        return
    if lexicon.has("ab_primary", sc.text) or _PRIMARY_CODE_RE.search(_code_text(sc)):
        return
    # "Primary: conversion", «Метрика: конверсия» — a label over a metric, not "Target: 3–5 schools".
    # A sub-heading is such a label over its own lines ("### Primary" over "- Revenue per mille").
    labelled = [f"{sub.title}: {sub.text()}" for top in sc.sections for sub in top.walk() if sub is not top]
    if any(
        lexicon.has("ab_metric_label", s) and (lexicon.has("online_metric", s) or lexicon.has("offline_metric", s))
        for s in (*sentences(sc.text), *labelled)
    ):
        return
    # A metric the test is compared on, powered for (MDE) or judged by names
    # the primary metric too: "comparing tag acceptance rate", "MDE 1 pp of churn";
    # not a list of metrics to track ("metrics such as precision, recall and satisfaction").
    for sent in sentences(sc.text):
        if lexicon.has("metric_list", sent):
            continue
        # "If v2 recall ↑ ≥ 5% … → promote v2": the metric the launch rule sets a bar on
        if lexicon.has("ship_rule", sent) and _names_metric_bar(sent):
            return
        if lexicon.has("online_metric", sent) and (
            lexicon.has("ab_compare", sent)
            or lexicon.has("mde", sent)
            or lexicon.has("stop_criteria", sent)
            or lexicon.has("success_criterion", sent)
            or lexicon.has("expected_change", sent)
        ):
            return
    if lexicon.has("ab_primary", text_of(doc, "metrics")) or _success_bar(sc, doc):
        return
    if any(
        _PRIMARY_LABEL_RE.match(line)
        and any(lexicon.has(c, line) for c in ("online_metric", "offline_metric", "accuracy"))
        for line in (sc.text + "\n" + text_of(doc, "metrics")).split("\n")
    ):
        return
    if _metric_bar(sc):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No primary metric: name the one metric that decides the test "
            "(e.g. 'Primary metric: conversion to order').",
            ru="Не названа основная метрика: укажите одну метрику, по которой принимается "
            "решение по тесту (например, «Основная метрика: конверсия в заказ»).",
        ),
    )


@rule(
    code="DD234",
    name="ab-no-guardrail-metric",
    severity="error",
    section="ab_test",
    summary="The A/B design names no guardrail (control) metric.",
)
def ab_no_guardrail_metric(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name what must not get worse while the primary metric improves.

    Recognised: "guardrail(s)", "control / counter / health metrics",
    "without hurting …", "no increase in …", "… must not drop", "does not
    degrade the UX critically", "the increase in false blocks is no more than
    +10%", «контрольные / барьерные метрики», «без роста …», «не должна
    упасть», «не ухудшает … критично», «рост ложных блокировок не больше +10%».
    Guardrails stated under Metrics, requirements or goals (success
    criteria such as "RevPAR +2% without more relocations") count; a cap
    ("latency must not exceed 300 ms", "the challenger must meet the SLA")
    counts in the A/B design only, as in the requirements it is the
    system's SLA. So does a numeric bound on an
    operational measure in the A/B design or the pilot's success criteria
    ("response time ≤ 3 s", «доступность сервиса ≥ 99,5%», "complaints <
    1%"). "NeMo Guardrails" or other LLM guardrail libraries are not
    metrics; a "control group" is not a control metric.

    Fails:

        ## A/B test
        Primary metric: CTR. We use NeMo Guardrails to filter outputs.

    Passes:

        ## A/B test
        Primary metric: CTR; guardrails: page latency p99, revenue per session.

        ## A/B-тест
        Основная метрика — потери; контрольные метрики — доля проверок и жалобы.
    """
    sc = _ab(doc)
    if sc is None:
        return
    # Success criteria often carry the guardrail: "RevPAR +2% without more relocations".
    # A cap ("must not exceed 1 s") guards the test only in its own design: in the
    # requirements it is the system's SLA.
    elsewhere = text_of(doc, "metrics", "requirements", "goals", "expected_effect")
    if (
        lexicon.has("ab_guardrail", sc.text)
        or lexicon.has("ab_guardrail_cap", sc.text)
        or lexicon.has("ab_guardrail", elsewhere)
    ):
        return
    # A bound on an operational measure in the design or the pilot's success
    # criteria keeps it from getting worse: "response time ≤ 3 s", «доступность ≥ 99,5%»;
    # so does a stop rule on it: "if complaints grow rapidly, stop the experiment".
    pilot = [without_placeholders(clean_text(sec)) for sec in _pilot_success(sc, doc)]
    for text in (sc.text, *pilot):
        if not lexicon.has("guardrail_measure", text):
            continue
        for sent in sentences(text):
            if (
                lexicon.has("guardrail_measure", sent)
                and (lexicon.has("bound", sent) or (lexicon.has("stop_criteria", sent) and _worsens(sent)))
                and not lexicon.has("ab_primary", sent)
                and not lexicon.has("ab_metric_label", sent)
            ):
                return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No guardrail metric: name what must not get worse during the test "
            "(e.g. latency, cancellations, complaints).",
            ru="Нет контрольных метрик (guardrails): назовите, что не должно ухудшиться во время "
            "теста (например, латентность, доля отмен, жалобы).",
        ),
    )


@rule(
    code="DD235",
    name="ab-no-split-unit",
    severity="error",
    section="ab_test",
    summary="The A/B design does not say what is randomised (user, session, city…).",
)
def ab_no_split_unit(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Say what the randomisation unit is: users, sessions, accounts, cities, time slots…

    Recognised: "split by user id", "randomised per session", "accounts are
    randomised 50/50", "unit of randomisation", "switchback", "6 hotels of
    40", «рандомизация по пользователям», «сплит по user_id», «делятся
    случайно по user_id», «на уровне магазинов», a share of requests per
    named group ("50% of requests — control group v1"), sticky assignment
    ("the same customer always stays in the same group"), a random choice on
    every request, a group row naming its units ("Pilot group | Two
    departments"), a counterbalanced half split ("half of reviewers do the
    baseline first, half the new tool first"), the traffic's share per arm
    ("Traffic split: 50/50", «Распределение трафика: 50/50», "90% traffic to
    the champion"; a bare "50/50 split" names nothing split), assignment by
    stratum ("stratum-based routing", «распределение по стратам»); in the A/B
    section's own code, an assignment that hashes a unit's id
    (`md5(f"{user_id}:{exp}")`).

    Fails:

        ## A/B test
        50/50 split for two weeks.

    Passes:

        ## A/B test
        Traffic is split 50/50 by user id.

        ## A/B-тест
        Рандомизация по клиентам 50/50.
    """
    sc = _ab(doc)
    if sc is None:
        return
    if lexicon.has("ab_split_unit", sc.text) or lexicon.has("ab_split_unit", _ab_sentences(doc)):
        return
    if _SPLIT_CODE_RE.search(_code_text(sc)):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No split unit: say what is randomised (users, sessions, accounts, cities, "
            "time slots) and how (e.g. 'split 50/50 by user id').",
            ru="Не указана единица рандомизации: опишите, что делится на группы (пользователи, "
            "сессии, аккаунты, города, временные слоты) и как (например, «сплит 50/50 по user_id»).",
        ),
    )


@rule(
    code="DD231",
    name="ab-no-significance-level",
    severity="error",
    section="ab_test",
    summary="The A/B design does not state the significance level (α).",
)
def ab_no_significance_level(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The A/B design must state the significance level (α) with its value.

    Recognised: `α = 0.05`, `alpha 0.05`, "significance level of 5%",
    "p-value < 0.05", "95% confidence", «уровень значимости 0,05», «альфа
    5%», a bootstrap interval's percentiles over the arms' difference ("the
    2.5th and 97.5th percentiles"), or an assignment in the A/B section's
    analysis code (`alpha = 0.05`). Words without a value ("statistically
    significant") do not count; the message quotes them.

    Fails:

        ## A/B test
        We will run an A/B test for two weeks and check significance.

    Passes:

        ## A/B test
        α = 0.05, power 0.8, MDE 2%.

        ## A/B-тест
        Уровень значимости 0,05, мощность 80%.
    """
    sc = _ab(doc)
    if sc is None:
        return
    # A valued α is unambiguous, so it counts wherever the doc states it.
    if lexicon.has("significance", sc.text) or lexicon.has("significance", doc_text(doc)):
        return
    if _ALPHA_CODE_RE.search(_code_text(sc)):
        return
    near = closest("significance_word", sc.text)
    hint_en = f" (found '{near}' but no value)" if near else ""
    hint_ru = f" (есть «{near}», но без значения)" if near else ""
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en=f"No significance level{hint_en}: state α (e.g. 'α = 0.05').",
            ru=f"Не указан уровень значимости{hint_ru}: задайте α (например, «α = 0,05»).",
        ),
    )


@rule(
    code="DD236",
    name="ab-no-power-or-mde",
    severity="error",
    section="ab_test",
    summary="The A/B design states neither statistical power nor the minimum detectable effect.",
)
def ab_no_power_or_mde(doc: Document, ctx: Context) -> Iterator[Problem]:
    """State the power (1 − β) or the minimum detectable effect, so the test can find what matters.

    Recognised: "power 0.8", "80% power", "1 − β = 0.8", "MDE 2%",
    "minimum detectable effect", «мощность 80%», «мощность теста 0,8»,
    «минимальный детектируемый эффект». Russian «мощность» alone usually
    means compute capacity («мощности серверов»), so it counts only next to
    теста/критерия/статистическая or with a value like 0.8 / 80%. An
    assignment in the A/B section's analysis code (`power = 0.8`,
    `mde = 0.02`) counts too, and so does the expected effect a sample size
    was computed for ("Sample size: expected effect +5% F1, 5000 per group").

    Fails:

        ## A/B test
        α = 0.05, two weeks, split by user id.

    Passes:

        ## A/B test
        α = 0.05, power 0.8, MDE 2% relative.

        ## A/B-тест
        α = 0,05, мощность 80%, MDE — 1 п.п.
    """
    sc = _ab(doc)
    if sc is None:
        return
    for text in (sc.text, doc_text(doc)):
        if lexicon.has("power", text) or lexicon.has("mde", text):
            return
    if _POWER_CODE_RE.search(_code_text(sc)):
        return
    if _effect_sizes_sample(sc.text):
        return
    near = closest("power_word", sc.text)
    hint_en = f" (found '{near}' but no power value or MDE)" if near else ""
    hint_ru = f" (есть «{near}», но без значения)" if near else ""
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en=f"No power or MDE{hint_en}: state the power (e.g. 0.8) and/or the minimum "
            "detectable effect the test must catch.",
            ru=f"Не указаны ни мощность, ни MDE{hint_ru}: задайте мощность (например, 0,8) "
            "и/или минимальный детектируемый эффект, который тест должен поймать.",
        ),
    )


def _effect_sizes_sample(text: str) -> bool:
    """An expected effect with a number ("Expected effect: +5% F1"), within three
    lines of the sample size it was computed for, given as a number ("5000
    requests per group"; "Sample size: not computed yet" sizes nothing)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        hit = lexicon.find("expected_effect_label", line)
        if hit is None or not _DIGIT_RE.search(line, hit.end):
            continue
        near = lines[max(0, i - 3) : i] + lines[i + 1 : i + 4]
        if any(_DIGIT_RE.search(ln) and lexicon.has("sample_size", ln) for ln in near):
            return True
    return False


@rule(
    code="DD237",
    name="ab-no-duration",
    severity="error",
    section="ab_test",
    summary="The A/B design does not say how long the test runs.",
)
def ab_no_duration(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Say how long the test runs (or until what sample size).

    Recognised: "2 weeks", "14 days", "a month", "two quarters",
    «14 дней», «две недели», «месяц», «в течение квартала». A plan row such
    as "A/B test | 3 weeks" elsewhere in the doc counts. Spans that are not
    the test's run do not: a forecast horizon, a data or training window
    ("the last 3 months", «за последние три недели»), a rate ("$50/month",
    «3 раза в неделю»), a metric's window ("retention (7 days)"), the
    project's or a team's time, and a vague "several weeks".

    Fails:

        ## A/B test
        Split by user id; α = 0.05, power 0.8.

    Passes:

        ## A/B test
        Two weeks, including two weekends.

        ## A/B-тест
        Длительность — 6 недель.
    """
    sc = _ab(doc)
    if sc is None:
        return
    if lexicon.has("duration", sc.text) or lexicon.has("duration", _ab_sentences(doc)):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No duration: say how long the test runs (e.g. 'two full weeks'), sized from "
            "α, power and MDE.",
            ru="Не указана длительность: напишите, сколько идёт тест (например, «две полные "
            "недели»), рассчитав срок из α, мощности и MDE.",
        ),
    )


@rule(
    code="DD238",
    name="ab-no-aa-test",
    severity="warning",
    section="ab_test",
    summary="The A/B design does not plan an A/A test.",
)
def ab_no_aa_test(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Plan an A/A test (or an A/A check on history) to prove the split is sound.

    Recognised: "A/A test", "AA test", "A/A check", «A/A-тест» (Latin or
    Cyrillic letters).

    Fails:

        ## A/B test
        Split by user id for two weeks.

    Passes:

        ## A/B test
        An A/A week precedes the test.

        ## A/B-тест
        Перед тестом — A/A-тест на 2 недели.
    """
    sc = _ab(doc)
    if sc is None or lexicon.has("aa_test", doc_text(doc)):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No A/A test: plan an A/A run (or an A/A check on past data) to show the split "
            "gives no difference between identical groups.",
            ru="Нет A/A-теста: запланируйте A/A-прогон (или A/A-проверку на исторических данных), "
            "чтобы убедиться, что сплит не даёт разницы между одинаковыми группами.",
        ),
    )


@rule(
    code="DD239",
    name="ab-no-stop-criteria",
    severity="info",
    section="ab_test",
    summary="The A/B design has no decision rule (what counts as success, what if metrics drop).",
)
def ab_no_stop_criteria(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Say how the result is decided and what happens if metrics drop during the test.

    Recognised: "decision rule", "stopping rule", "roll out if …", "stop the
    test if …", "if … drops", "considered a failure", "switch back if …",
    «критерий остановки», «раскатываем, если …», «если … упадёт»,
    «при невыполнении … откат», «считаем неуспешным», a failure branch after
    a condition ("If F1_v2 < F1_v1: → Keep v1", «Если … → Оставить v1»), a
    failure branch over its list of actions ("In case of failure:", «В случае
    неудачи:», as a label or a heading), the losing branch with its action
    ("If the challenger loses or is inconclusive: reset the split to 100/0",
    «Если челленджер проигрывает: возвращаем трафик»), a "Stop" label or
    table row over its condition ("| Stop | guardrail breach, or CI
    includes zero |"), a formal early-stop rule ("sequential monitoring
    with alpha spending", O'Brien-Fleming bounds, «последовательное
    тестирование»), a condition under
    which the pilot does not count as a success («пилот нельзя считать
    успешным»), a breach named as the signal to stop the test («любая утечка —
    сигнал к остановке пилота»), or a "Decision rule" section of its own
    anywhere in the doc that decides between the test's arms ("Accept v2 if
    … Otherwise keep v1"). A success bar alone ("considered successful if …", the
    template heading «Что считаем успешным пилотом») is not a decision rule:
    it says nothing about failure or stopping.

    Fails:

        ## A/B test
        Primary metric CTR; α = 0.05; two weeks.

    Passes:

        ## A/B test
        Roll out if CTR rises with p < 0.05; stop early if revenue drops 3%.

        ## A/B-тест
        Раскатываем на всех, если потери ниже при статистической значимости.
    """
    sc = _ab(doc)
    if sc is None:
        return
    # Guardrails often sit under the metrics with their breach actions.
    for text in (sc.text, text_of(doc, "requirements"), text_of(doc, "metrics"), _ab_sentences(doc)):
        if lexicon.has("stop_criteria", text):
            return
    # A "Decision rule" / «Критерии остановки» section of its own, wherever it sits,
    # when it decides between the test's arms ("Accept v2 if … Otherwise keep v1");
    # a fraud engine's "Decision rules" that accept a payment, or an agent's
    # "Stopping criteria", decide no test.
    for sec in doc.sections():
        if sec.title and lexicon.has("stop_criteria", sec.title):
            body = without_placeholders(clean_text(sec))
            decides = lexicon.has("ship_rule", body) or lexicon.has("stop_criteria", body)
            if decides and _ARMS_RE.search(body):
                return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en="No decision rule: say when the change ships and when the test stops early "
            "(e.g. 'ship if the primary metric wins at α; stop if a guardrail drops 3%').",
            ru="Нет правила принятия решения: опишите, когда изменение раскатываем и когда "
            "останавливаем тест досрочно (например, «раскатываем, если основная метрика "
            "значимо выросла при заданном α; останавливаем, если контрольная метрика просела на 3%»).",
        ),
    )
