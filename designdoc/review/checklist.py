"""The review checklist for a lead: automated items ticked from the lint, open questions asked.

Grouped by section, written in the doc's language (en/ru), ready to paste
into a pull-request review as Markdown, or as JSON for tools.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designdoc.review.checks import DOCUMENT, FRONT_MATTER, ItemResult, evaluate
from designdoc.review.extract import Facts, facts
from designdoc.review.readiness import Readiness, judge, readiness_from

if TYPE_CHECKING:
    from designdoc.config import Config
    from designdoc.document import Document

# ---------------------------------------------------------------- wording

_T: dict[str, dict[str, str]] = {
    "en": {
        "heading": "Design review: {title}",
        "meta": "`{path}` · {kind} · status: {status}",
        "readiness": "Readiness",
        "not-ready": "not ready for review",
        "ready-for-review": "ready for review, not yet for approval",
        "ready-for-approval": "ready for approval",
        "percent": "{percent}% of automated checks pass ({passed}/{total})",
        "review_blockers": "{n} gate(s) block review",
        "approval_blockers": "{n} gate(s) block approval",
        "all-clear": "Present, filled in, no placeholders or other problems",
        "legend": "Ticked items were verified by designdoc; unticked ones need work. "
                  "**Ask** items are for you to judge.",
        "line": "line {line}",
        "more": "{n} problems:",
        "missing-section": "the section is missing",
        "empty-section": "the section is empty",
        "placeholder-text": "the section holds only template placeholders",
        "no-front-matter": "the doc has no front matter",
        "rule-unavailable": "not checked automatically (rule `{rule}` is not available in this version): check by hand",
        "rule-disabled": "not checked: rule `{rule}` is switched off in the config",
        "ask": "Ask",
        "front_matter": "Front matter",
        "document": "Whole document",
        "questions": "Open questions",
    },
    "ru": {
        "heading": "Ревью дизайн-документа: {title}",
        "meta": "`{path}` · {kind} · статус: {status}",
        "readiness": "Готовность",
        "not-ready": "не готов к ревью",
        "ready-for-review": "готов к ревью, но ещё не к утверждению",
        "ready-for-approval": "готов к утверждению",
        "percent": "пройдено {percent}% автоматических проверок ({passed} из {total})",
        "review_blockers": "блокеров ревью: {n}",
        "approval_blockers": "блокеров утверждения: {n}",
        "all-clear": "Раздел есть, заполнен, без заглушек и других замечаний",
        "legend": "Отмеченные пункты проверил designdoc; неотмеченные требуют доработки. "
                  "Пункты **Вопрос** оценивает ревьюер.",
        "line": "строка {line}",
        "more": "замечаний: {n}",
        "missing-section": "раздела нет",
        "empty-section": "раздел пуст",
        "placeholder-text": "в разделе только заглушки шаблона",
        "no-front-matter": "в документе нет front matter",
        "rule-unavailable": "автоматически не проверено (правила `{rule}` нет в этой версии): проверьте вручную",
        "rule-disabled": "не проверено: правило `{rule}` отключено в конфиге",
        "ask": "Вопрос",
        "front_matter": "Метаданные (front matter)",
        "document": "Документ в целом",
        "questions": "Открытые вопросы",
    },
}

# Lead questions (DOMAIN.md): id -> (preferred section per kind, generic en, generic ru).
_QUESTION_PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "ml-needed": {"full": ("goals",), "one-pager": ("goals", "why"), "hypothesis": ("idea",)},
    "uplift-worth-it": {"full": ("goals",), "one-pager": ("goals", "why"), "hypothesis": ("expected_effect",)},
    "error-costs": {"full": ("requirements", "metrics"), "one-pager": ("requirements", "metrics", "what"),
                    "hypothesis": ("expected_effect",)},
    "baseline-honest": {"full": ("baselines",), "one-pager": ("baselines", "how"), "hypothesis": ("implementation",)},
    "ab-detects": {"full": ("ab_test",), "one-pager": ("ab_test", "how"), "hypothesis": ("verdict",)},
    "rollback-fast": {"full": ("rollback",), "one-pager": ("rollback", "how"), "hypothesis": ("risks",)},
    "must-doable": {"full": ("priorities",), "one-pager": ("priorities", "how"), "hypothesis": ("resources",)},
    "owner-after-launch": {"full": ("support",), "one-pager": ("support", "how"), "hypothesis": ("resources",)},
}


def _q_en(qid: str, f: Facts) -> str:
    if qid == "ml-needed":
        return ("Is ML needed here at all, or would a rule or heuristic written in a couple of days do? "
                "Is buying a ready product cheaper over its whole life?")
    if qid == "uplift-worth-it":
        base = "Is the expected uplift worth what it costs to build and keep running at our scale?"
        return f"The doc expects: “{f.uplift}” {base}" if f.uplift else base
    if qid == "error-costs":
        base = ("Are the costs of each kind of error (false positives vs false negatives) right, "
                "and does the chosen metric follow them?")
        if f.metric_names:
            return f"The doc measures {', '.join(f.metric_names)}. {base}"
        return base
    if qid == "baseline-honest":
        if f.baselines:
            return (f"Baselines named: {', '.join(f.baselines)}. Is the strongest simple one tuned with the "
                    "same effort as the model, so the comparison is honest?")
        return "Is the baseline strong enough (and tuned fairly) for the comparison with the model to be honest?"
    if qid == "ab-detects":
        parts = []
        if f.mde:
            parts.append(f"MDE {f.mde}")
        if f.alpha:
            parts.append(f"α = {f.alpha}")
        if f.power:
            parts.append(f"power {f.power}")
        if f.duration:
            parts.append(f"{f.duration}")
        missing = [n for n, v in (("the MDE", f.mde), ("the duration", f.duration)) if not v]
        if parts:
            q = (f"The test plans {', '.join(parts)}. Does our traffic give enough samples to detect "
                 "the effect we care about in that time?")
            if missing:
                q += f" The doc does not state {' or '.join(missing)}."
            return q
        return "Will the A/B test detect the effect we care about in acceptable time (MDE, sample size, duration)?"
    if qid == "rollback-fast":
        if f.rollback_time:
            return (f"The doc says a rollback takes {f.rollback_time}. Has it been rehearsed, and who "
                    "decides to pull the switch?")
        return "Is the rollback fast and has it been rehearsed? Who decides, and how long does switching back take?"
    if qid == "must-doable":
        if f.must_items is not None:
            plan = f" and the plan spans {f.total_time}" if f.total_time else ""
            return (f"Must lists {f.must_items} item(s){plan}. Can they be done in about two thirds of the "
                    "time, leaving the rest as buffer for Should and Could?")
        return ("Can the Must list be done in about two thirds of the time, leaving a third as buffer "
                "for Should and Could?")
    if qid == "owner-after-launch":
        if f.owners:
            return (f"Owners in the front matter: {', '.join(f.owners)}. Who owns the system after launch "
                    "(on-call, retraining, support), and do they know it?")
        return "Who owns the system after launch (on-call, retraining, support)?"
    raise KeyError(qid)


def _q_ru(qid: str, f: Facts) -> str:
    if qid == "ml-needed":
        return ("Нужно ли здесь ML вообще, или хватит правила/эвристики, которую можно написать за пару "
                "вечеров? Не дешевле ли купить готовый продукт с учётом поддержки?")
    if qid == "uplift-worth-it":
        base = "Окупает ли ожидаемый прирост стоимость разработки и поддержки при нашем масштабе?"
        return f"В документе: «{f.uplift}» {base}" if f.uplift else base
    if qid == "error-costs":
        base = ("Верно ли оценена цена ошибок разного рода (ложные срабатывания против пропусков) "
                "и следует ли ей выбранная метрика?")
        if f.metric_names:
            return f"Метрики в документе: {', '.join(f.metric_names)}. {base}"
        return base
    if qid == "baseline-honest":
        if f.baselines:
            return (f"Бейзлайны: {', '.join(f.baselines)}. Настроен ли сильнейший простой вариант с тем же "
                    "старанием, что и модель, — честное ли сравнение?")
        return "Достаточно ли силён бейзлайн (и честно ли настроен), чтобы сравнение с моделью имело смысл?"
    if qid == "ab-detects":
        parts = []
        if f.mde:
            parts.append(f"MDE {f.mde}")
        if f.alpha:
            parts.append(f"α = {f.alpha}")
        if f.power:
            parts.append(f"мощность {f.power}")
        if f.duration:
            parts.append(f"длительность {f.duration}")
        missing = [n for n, v in (("MDE", f.mde), ("длительность", f.duration)) if not v]
        if parts:
            q = (f"В плане теста: {', '.join(parts)}. Хватит ли нашего трафика, чтобы за это время "
                 "заметить нужный эффект?")
            if missing:
                q += f" Не указано: {', '.join(missing)}."
            return q
        return "Заметит ли A/B-тест нужный эффект за приемлемое время (MDE, размер выборки, длительность)?"
    if qid == "rollback-fast":
        if f.rollback_time:
            return (f"По документу откат занимает {f.rollback_time}. Его репетировали? Кто принимает "
                    "решение об откате?")
        return "Быстрый ли откат и отрепетирован ли он? Кто принимает решение и сколько займёт возврат?"
    if qid == "must-doable":
        if f.must_items is not None:
            plan = f", а весь план — {f.total_time}" if f.total_time else ""
            return (f"В Must пунктов: {f.must_items}{plan}. Успеем ли их сделать примерно за две трети "
                    "срока, оставив треть в запас под Should и Could?")
        return ("Успеем ли сделать Must примерно за две трети срока, оставив треть в запас "
                "под Should и Could?")
    if qid == "owner-after-launch":
        if f.owners:
            return (f"Владельцы в front matter: {', '.join(f.owners)}. Кто отвечает за систему после запуска "
                    "(дежурства, переобучение, поддержка), и знают ли они об этом?")
        return "Кто отвечает за систему после запуска (дежурства, переобучение, поддержка)?"
    raise KeyError(qid)


# ---------------------------------------------------------------- model


@dataclass
class Question:
    """An open question only a human can answer."""

    id: str
    section: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text}


@dataclass
class Group:
    """Checklist items and questions about one section."""

    section: str  # section id, "front_matter" or "document"
    title: str
    line: int | None
    items: list[ItemResult] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


@dataclass
class Checklist:
    """The review checklist of one doc."""

    path: str
    title: str
    kind: str
    lang: str
    status: str
    readiness: Readiness
    facts: Facts
    groups: list[Group]

    @property
    def items(self) -> list[ItemResult]:
        return [i for g in self.groups for i in g.items]

    @property
    def questions(self) -> list[Question]:
        return [q for g in self.groups for q in g.questions]

    def to_json(self) -> dict[str, Any]:
        counts = {s: sum(i.state == s for i in self.items) for s in ("pass", "fail", "unchecked")}
        return {
            "version": 1,
            "path": self.path,
            "title": self.title,
            "kind": self.kind,
            "lang": self.lang,
            "status": self.status,
            "readiness": self.readiness.to_json(),
            "facts": self.facts.to_json(),
            "groups": [
                {
                    "section": g.section,
                    "title": g.title,
                    "line": g.line,
                    "items": [i.to_json(self.lang) for i in g.items],
                    "questions": [q.to_json() for q in g.questions],
                }
                for g in self.groups
            ],
            "summary": {
                "passed": counts["pass"],
                "failed": counts["fail"],
                "unchecked": counts["unchecked"],
                "questions": len(self.questions),
            },
        }

    def to_markdown(self) -> str:
        return render_markdown(self)


def _group_title(section: str, lang: str, catalog: Any) -> str:
    if section in (FRONT_MATTER, DOCUMENT):
        return _T[lang][section]
    spec = catalog.sections.get(section)
    return spec.title.get(lang, spec.title.get("en", section)) if spec else section


def build_checklist(text: str, path: str, config: Config | None = None) -> Checklist:
    """Lint ``text`` as the reviewer would and build its checklist."""
    at_review = judge(text, path, config, "review")
    at_approved = judge(text, path, config, "approved")
    ready = readiness_from(at_review, at_approved)
    doc: Document = at_approved.doc
    status = _declared_status(doc)
    lang = doc.lang if doc.lang in _T else "en"
    found = facts(doc)
    groups: dict[str, Group] = {}
    for item in evaluate(at_approved):
        sid = item.section
        if sid not in groups:
            secs = doc.sections_for(sid) if sid not in (FRONT_MATTER, DOCUMENT) else []
            line = secs[0].line if secs else (doc.front_matter_lines.get("status") if sid == FRONT_MATTER else None)
            groups[sid] = Group(sid, _group_title(sid, lang, at_approved.catalog), line)
        groups[sid].items.append(item)
    kind = doc.kind if doc.kind in ("full", "one-pager", "hypothesis") else "full"
    ask = _q_ru if lang == "ru" else _q_en
    for qid, places in _QUESTION_PLACES.items():
        options = places[kind]
        target = next((s for s in options if s in groups and doc.sections_for(s)), None)
        target = target or next((s for s in options if s in groups), None)
        if target is None:
            target = DOCUMENT
            if target not in groups:
                groups[target] = Group(target, _T[lang][DOCUMENT], None)
        groups[target].questions.append(Question(qid, target, ask(qid, found)))
    ordered = [g for g in groups.values() if g.section != FRONT_MATTER]
    if FRONT_MATTER in groups:
        ordered.append(groups[FRONT_MATTER])
    return Checklist(path, doc.title or path, doc.kind, lang, status, ready, found, ordered)


def _declared_status(doc: Document) -> str:
    from designdoc.document import STATUSES

    fm = doc.front_matter or {}
    value = fm.get("status")
    return value if value in STATUSES else "draft"


# ---------------------------------------------------------------- Markdown


def _md_inline(text: str) -> str:
    """Doc text made safe inside a Markdown list item (no HTML, no line breaks)."""
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")


def _item_line(item: ItemResult, t: dict[str, str]) -> list[str]:
    box = "[x]" if item.state == "pass" else "[ ]"
    label = item.text("ru" if t is _T["ru"] else "en")
    head = f"- {box} {label}"
    rule = item.item.rules[0] if item.item.rules else ""
    if item.state == "unchecked":
        return [f"{head} — _{t[item.reason or 'rule-unavailable'].format(rule=rule)}_"]
    if item.state == "pass":
        return [head] + [f"  - {t['line'].format(line=p.line)}: {_md_inline(p.message)}" for p in item.problems]
    if not item.problems:
        return [f"{head} — {t.get(item.reason or '', item.reason or '')}"]
    if len(item.problems) == 1:
        p = item.problems[0]
        return [f"{head} — {t['line'].format(line=p.line)}: {_md_inline(p.message)}"]
    lines = [f"{head} — {t['more'].format(n=len(item.problems))}"]
    lines += [f"  - {t['line'].format(line=p.line)}: {_md_inline(p.message)}" for p in item.problems]
    return lines


_STRUCTURAL = ("present", "filled", "no-placeholders", "other")


def render_markdown(c: Checklist) -> str:
    """The checklist as Markdown for a pull-request review."""
    t = _T[c.lang]
    r = c.readiness
    out = [f"### {t['heading'].format(title=_md_inline(c.title))}", ""]
    out.append(t["meta"].format(path=c.path, kind=c.kind, status=c.status))
    out.append("")
    summary = f"**{t['readiness']}: {t[r.level]}** · " + t["percent"].format(
        percent=r.percent, passed=r.checks_passed, total=r.checks_total
    )
    out.append(summary)
    for key, blockers in (("review_blockers", r.review_blockers), ("approval_blockers", r.approval_blockers)):
        if not blockers or (key == "approval_blockers" and r.review_blockers):
            continue
        out += ["", f"<details><summary>{t[key].format(n=len(blockers))}</summary>", ""]
        out += [f"- {t['line'].format(line=b.line)}: {_md_inline(b.message)} (`{b.rule}`)" for b in blockers]
        out += ["", "</details>"]
    out += ["", f"_{t['legend']}_"]
    for g in c.groups:
        where = f" · {t['line'].format(line=g.line)}" if g.line else ""
        out += ["", f"#### {g.title}{where}", ""]
        structural = [i for i in g.items if i.item.id in _STRUCTURAL]
        # The folded line says "no other problems": true only when every item
        # of the section passes, content items included. Otherwise list them all.
        merged = len(structural) == len(_STRUCTURAL) and all(
            i.state == "pass" and not i.problems for i in g.items
        )
        if merged:
            out.append(f"- [x] {t['all-clear']}" + (f" — {t['line'].format(line=g.line)}" if g.line else ""))
        for item in g.items:
            if merged and item.item.id in _STRUCTURAL:
                continue
            out += _item_line(item, t)
        for q in g.questions:
            out.append(f"- [ ] **{t['ask']}:** {_md_inline(q.text)}")
    return "\n".join(out) + "\n"
