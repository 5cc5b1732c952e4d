"""Rollback rules: what triggers a rollback, what happens then, who decides."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designdoc import lexicon
from designdoc.document import Document
from designdoc.lexicon.scope import Scope, body_without, clean_text, column, scope, sentences_with, tables
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule


def _column_filled(sc: Scope, header_concept: str) -> bool:
    """A table (Trigger | Action | Owner …) with the column filled in."""
    for block in tables(sc.blocks()):
        cells = column(block, header_concept)
        if cells and any(c.strip(" -—–") for c in cells):
            return True
    return False


def _elsewhere(doc: Document) -> str:
    """Sentences outside the section about rollback / fallback / kill switch,
    and the whole text of other parts titled so.

    Real docs put the plan under deployment ("Fallback", "Kill switch"),
    monitoring ("if coverage drops below 90%, revert") or an appendix
    ("Appendix B: Rollback checklist").
    """
    talk = sentences_with("rollback_context", body_without(doc, "rollback"))
    # A part titled so but not recognised as the plan ("Appendix B: Rollback
    # checklist") is about rollback throughout, not only where a line says so.
    titled = "\n".join(
        clean_text(s)
        for s in doc.sections()
        if s.id != "rollback" and s.title and lexicon.has("rollback_context", s.title)
    )
    return talk + "\n" + titled if titled else talk


# A runbook's "Contact & Escalation" / «Эскалация» part names who owns the
# rollout, and so who decides on rolling it back.
_ESCALATION_TITLE_RE = re.compile(r"\bescalat|\bon-?call\b|\bэскалац|\bдежурств", re.I)


def _escalation_text(doc: Document) -> str:
    """The body of the doc's escalation / on-call parts (their titles name no one),
    tables included: "| Suspected data corruption | Data engineering |"."""
    return "\n".join(
        clean_text(s) for s in doc.sections() if _ESCALATION_TITLE_RE.search(s.title)
    )


def _check(doc: Document, concept: str, header: str) -> Scope | None:
    """The rollback scope if ``concept`` is missing from it (and from rollback talk elsewhere)."""
    sc = scope(doc, "rollback")
    if sc is None:
        return None
    if lexicon.has(concept, sc.body) or _column_filled(sc, header):
        return None
    if lexicon.has(concept, _elsewhere(doc)):
        return None
    return sc


@rule(
    code="DD251",
    name="rollback-no-trigger",
    severity="error",
    section="rollback",
    summary="The rollback plan names no trigger (what makes us roll back).",
)
def rollback_no_trigger(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name what triggers a rollback: a metric below a threshold, errors, latency, a data outage.

    Recognised: thresholds and comparisons ("drops below 0.25", "> 1%"),
    error rate, latency, timeouts, failures, outages, alerts, complaints,
    and Russian «если … превысит», «при падении», «порог», «сбой». A table
    with a Trigger / Condition / Условие column counts.

    Fails:

        ## Rollback plan
        We can switch back to the previous model.

    Passes:

        ## Rollback plan
        If precision@10% falls below 0.25 for two weeks, revert to the rules.

        ## План отката
        Если доля проверок превысит 1% за час — флаг отключает модель.
    """
    sc = _check(doc, "rollback_trigger", "trigger_column")
    if sc is not None:
        yield ctx.problem(
            sc.anchor,
            ctx.say(
                en="No rollback trigger: name what makes you roll back (e.g. 'error rate > 1% for "
                "10 minutes', 'conversion 3% below control').",
                ru="Не указан триггер отката: назовите, при каком условии откатываемся (например, "
                "«доля ошибок > 1% в течение 10 минут», «конверсия на 3% ниже контроля»).",
            ),
        )


@rule(
    code="DD252",
    name="rollback-no-action",
    severity="error",
    section="rollback",
    summary="The rollback plan names no action (what happens when it triggers).",
)
def rollback_no_action(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name what happens on a trigger: back to the previous model or the baseline, a kill switch.

    Recognised: "roll back", "revert", "switch back to", "fall back to",
    "restore the scoring bundle", "previous model", "baseline", "feature
    flag", "kill switch", "turn off", «восстанавливает предыдущую версию»,
    «откат», «возвращаемся к», «переключаем», «флаг отключает модель»,
    «работают только правила». A table with an Action / Действие column
    counts, and so does a fallback heading that names what takes over
    ("Statistical Fallback", "Rule-based fallback", «Фолбэк на правила»).

    Fails:

        ## Rollback plan
        We watch error rate and latency closely.

    Passes:

        ## Rollback plan
        If error rate exceeds 1%, a feature flag switches traffic back to the rules.

        ## План отката
        При росте ошибок возвращаемся к предыдущей версии модели.
    """
    sc = _check(doc, "rollback_action", "action_column")
    # A heading that names what takes over ("Statistical Fallback", «Фолбэк на правила»)
    # states the action; its body says how the substitute works.
    if sc is not None and not any(lexicon.has("fallback_named", s.title) for s in sc.sections):
        yield ctx.problem(
            sc.anchor,
            ctx.say(
                en="No rollback action: say what happens on a trigger (switch back to the previous "
                "model or the baseline, a feature flag or kill switch) and how fast.",
                ru="Не описано действие при откате: напишите, что происходит при срабатывании "
                "триггера (возврат к предыдущей модели или бейзлайну, фича-флаг или kill switch) "
                "и за какое время.",
            ),
        )


@rule(
    code="DD253",
    name="rollback-no-owner",
    severity="warning",
    section="rollback",
    summary="The rollback plan does not say who decides or acts.",
)
def rollback_no_owner(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Say who decides on a rollback and carries it out.

    Recognised: "owner", "decides", "on-call", "the ML lead", "the support
    team", "paged", «решение принимает», «дежурный инженер», «ответственный»,
    and an Owner / Кто column in a rollback table. A runbook's "Contact &
    escalation" / «Эскалация» part counts too, in words or in its Who / Кто
    column: who owns the rollout decides.

    Fails:

        ## Rollback plan
        If error rate exceeds 1%, revert to the previous model.

    Passes:

        ## Rollback plan
        If error rate exceeds 1%, the on-call engineer reverts to the previous model.

        ## План отката
        Решение об откате принимает дежурный инженер.
    """
    sc = _check(doc, "rollback_owner", "owner_column")
    if sc is not None and not lexicon.has("rollback_owner", _escalation_text(doc)):
        yield ctx.problem(
            sc.anchor,
            ctx.say(
                en="No rollback owner: say who decides on a rollback and who carries it out "
                "(e.g. 'the on-call ML engineer').",
                ru="Не указан ответственный за откат: напишите, кто принимает решение об откате "
                "и кто его выполняет (например, «дежурный ML-инженер»).",
            ),
        )
