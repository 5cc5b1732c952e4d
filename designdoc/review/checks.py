"""The automated items of the review checklist and how they are judged.

Each item names the rules that verify it. An item passes when none of them
reported a problem for its section, fails when one did, and is *unchecked*
when none of its rules is registered (yet) or all are switched off by config:
a rule that does not exist never counts as a pass. Problems no item claims
are collected in a per-section catch-all, so nothing the linter found is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designdoc.problem import Problem
from designdoc.rules.structure import is_written

if TYPE_CHECKING:
    from designdoc.review.readiness import Judgement

FRONT_MATTER = "front_matter"  # pseudo section id for metadata items
DOCUMENT = "document"  # pseudo section id for problems without a section


@dataclass(frozen=True)
class Item:
    """One automated checklist item."""

    id: str
    section: str | None  # None: applies to every section of the doc's kind
    rules: tuple[str, ...]
    en: str
    ru: str


# Items for every section of the doc's kind.
PER_SECTION = (
    Item("present", None, ("missing-section",), "Section is present", "Раздел есть"),
    Item("filled", None, ("empty-section",), "Section has content", "Раздел заполнен"),
    Item("no-placeholders", None, ("placeholder-text",), "No placeholders left (TODO, TBD, <…>)",
         "Нет заглушек (TODO, TBD, <…>)"),
)

# Items tied to one section, by the stable rule names of INTERFACE.md.
CONTENT = (
    Item("online-metric", "metrics", ("no-online-metric",),
         "Names an online (business or product) metric", "Есть онлайн-метрика (бизнесовая или продуктовая)"),
    Item("offline-metric", "metrics", ("no-offline-metric",),
         "Names an offline (model) metric", "Есть офлайн-метрика модели"),
    Item("metric-target", "metrics", ("metric-without-target",),
         "At least one metric has a numeric target", "Хотя бы у одной метрики есть числовая цель"),
    Item("feature-source", "data", ("no-feature-source",),
         "Says where the features (X) come from", "Указан источник признаков (X)"),
    Item("label-source", "data", ("no-label-source",),
         "Says where the labels (Y) come from", "Указано, откуда берётся разметка (Y)"),
    Item("simple-baseline", "baselines", ("no-simple-baseline",),
         "Has a simple baseline (constant, heuristic, linear model or the current system)",
         "Есть простой бейзлайн (константа, эвристика, линейная модель или текущее решение)"),
    Item("ab-hypothesis", "ab_test", ("ab-no-hypothesis",), "States the hypothesis", "Сформулирована гипотеза"),
    Item("ab-primary", "ab_test", ("ab-no-primary-metric",),
         "Names the primary (key) metric", "Названа ключевая метрика"),
    Item("ab-guardrail", "ab_test", ("ab-no-guardrail-metric",),
         "Names guardrail metrics", "Названы контрольные (guardrail) метрики"),
    Item("ab-split", "ab_test", ("ab-no-split-unit",),
         "Names the randomisation unit", "Указана единица рандомизации (сплитования)"),
    Item("ab-alpha", "ab_test", ("ab-no-significance-level",),
         "States the significance level α", "Указан уровень значимости α"),
    Item("ab-power", "ab_test", ("ab-no-power-or-mde",),
         "States power or the minimum detectable effect", "Указана мощность или MDE"),
    Item("ab-duration", "ab_test", ("ab-no-duration",),
         "States the test duration or sample size", "Указана длительность теста или размер выборки"),
    Item("rollback-trigger", "rollback", ("rollback-no-trigger",),
         "Names what triggers a rollback", "Названы триггеры отката"),
    Item("rollback-action", "rollback", ("rollback-no-action",),
         "Says what happens on rollback", "Описано, что делаем при откате"),
    Item("moscow", "priorities", ("moscow-incomplete",),
         "All four MoSCoW categories, Must not empty", "Есть все четыре категории MoSCoW, Must не пуст"),
)

FRONT_MATTER_ITEMS = (
    Item("front-matter-valid", FRONT_MATTER, ("invalid-front-matter",),
         "Front matter is valid YAML", "Front matter — корректный YAML"),
    Item("front-matter-people", FRONT_MATTER, ("incomplete-front-matter",),
         "Front matter names title, owners and reviewers", "В front matter указаны название, владельцы и ревьюеры"),
)

OTHER = Item("other", None, (), "No other problems found here", "Других замечаний линтера нет")


@dataclass
class ItemResult:
    """An item judged against one lint result."""

    item: Item
    section: str  # section id, FRONT_MATTER or DOCUMENT
    state: str  # pass | fail | unchecked
    problems: list[Problem] = field(default_factory=list)
    reason: str | None = None  # why unchecked, or a short cause: missing-section, empty-section, rule-unavailable, rule-disabled
    line: int | None = None  # where to look (the section heading) when it passes

    def text(self, lang: str) -> str:
        return self.item.ru if lang == "ru" else self.item.en

    def to_json(self, lang: str) -> dict[str, Any]:
        from designdoc.rules.registry import get_rule

        out: list[dict[str, Any]] = []
        for p in self.problems:
            r = get_rule(p.code)
            out.append(p.to_json(r.url if r else None))
        return {
            "id": self.item.id,
            "text": self.text(lang),
            "rules": list(self.item.rules),
            "state": self.state,
            "checked": self.state == "pass",
            "reason": self.reason,
            "line": self.problems[0].line if self.problems else self.line,
            "problems": out,
        }


def sections_to_show(j: Judgement) -> list[str]:
    """Section ids for the checklist: the kind's, then others the doc uses or problems name."""
    ids = list(j.catalog.ids_for(j.doc.kind))
    extra = [s.id for s in j.doc.recognised() if s.id]
    extra += [p.section for p in j.problems if p.section in j.catalog.sections]
    for sid in extra:
        if sid and sid not in ids:
            ids.append(sid)
    return ids


def _rule_state(names: tuple[str, ...], codes: set[str], severity: dict[str, str]) -> str | None:
    """None when some rule of ``names`` runs; else why the item cannot be checked."""
    from designdoc.rules.registry import get_rule

    found = [get_rule(n) for n in names]
    live = [r for r in found if r is not None]
    if not live:
        return "rule-unavailable"
    if all(r.code not in codes or severity.get(r.code) == "off" for r in live):
        return "rule-disabled"
    return None


def evaluate(j: Judgement) -> list[ItemResult]:
    """Judge every automated item for the doc; section order, then front matter, then the rest."""
    doc = j.doc
    claimed: set[int] = set()
    results: list[ItemResult] = []

    def judge_item(item: Item, sid: str, gate: str | None, line: int | None) -> ItemResult:
        mine = [
            (i, p) for i, p in enumerate(j.problems)
            if p.name in item.rules and (p.section == sid or (sid == FRONT_MATTER and p.section is None))
        ]
        claimed.update(i for i, _ in mine)
        probs = [p for _, p in mine]
        if probs:
            return ItemResult(item, sid, "fail", probs, None, line)
        reason = _rule_state(item.rules, j.codes, j.severity)
        if reason:
            return ItemResult(item, sid, "unchecked", [], reason, line)
        if gate:
            return ItemResult(item, sid, "fail", [], gate, line)
        return ItemResult(item, sid, "pass", [], None, line)

    kind_ids = set(j.catalog.ids_for(doc.kind))
    for sid in sections_to_show(j):
        secs = doc.sections_for(sid)
        line = secs[0].line if secs else None
        # A content item of an absent, empty or placeholder-only section cannot
        # pass: its rule had nothing to read. (Outside the kind's own sections,
        # absence is no verdict.)
        gate = None
        if sid in kind_ids and not secs:
            gate = "missing-section"
        elif secs and not any(s.has_content() for s in secs):
            gate = "empty-section"
        elif secs and not any(is_written(doc, s) for s in secs):
            gate = "placeholder-text"
        if sid in kind_ids or secs:
            # An absent section gets one item; "filled" would be a vacuous pass.
            for item in PER_SECTION if secs else PER_SECTION[:1]:
                item_gate = gate if item.id == "filled" and gate == "placeholder-text" else None
                results.append(judge_item(item, sid, item_gate, line))
        for item in CONTENT:
            if item.section == sid:
                results.append(judge_item(item, sid, gate, line))
    for item in FRONT_MATTER_ITEMS:
        r = judge_item(item, FRONT_MATTER, None, doc.front_matter_lines.get("status"))
        if item.id == "front-matter-people" and r.state == "pass" and doc.front_matter is None:
            r = ItemResult(item, FRONT_MATTER, "fail", [], "no-front-matter", None)
        results.append(r)
    # Catch-all: problems no item claimed, per section (DOCUMENT for none).
    rest: dict[str, list[Problem]] = {}
    for i, p in enumerate(j.problems):
        if i not in claimed:
            sid = p.section if p.section in j.catalog.sections else DOCUMENT
            rest.setdefault(sid, []).append(p)
    for sid in [*dict.fromkeys(r.section for r in results), DOCUMENT]:
        if sid == FRONT_MATTER:
            continue
        secs = doc.sections_for(sid) if sid != DOCUMENT else []
        if rest.get(sid):
            # Info-level findings are notes: listed, but they do not fail the item.
            state = "pass" if all(p.severity == "info" for p in rest[sid]) else "fail"
            results.append(ItemResult(OTHER, sid, state, rest[sid], None, secs[0].line if secs else None))
        elif secs:
            results.append(ItemResult(OTHER, sid, "pass", [], None, secs[0].line))
    order = {sid: n for n, sid in enumerate(dict.fromkeys(r.section for r in results))}
    results.sort(key=lambda r: order[r.section])
    return results
