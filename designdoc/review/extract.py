"""Small, forgiving extractors of facts a reviewer asks about (MDE, α, duration…).

Every function returns None (or an empty list) when it is not sure; the
checklist then asks its generic question instead of quoting a wrong number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from designdoc.document import Block, Document

_NUM = r"[+\-−]?\d+(?:[.,]\d+)?"
_PCT = rf"{_NUM}\s*(?:%|п\.?\s?п\.?|pp\b|p\.p\.|percentage points?|points?\b|pts?\b|процентн\w* пункт\w*|пункт\w*)"

_MDE_RE = re.compile(
    r"(?:\bMDE\b|minimum detectable effect|minimal detectable effect|"
    r"минимальн\w*\s+(?:детектируем|обнаружим|значим)\w*\s+эффект\w*)"
    rf"[^\d\n+\-−]{{0,40}}({_PCT}|{_NUM})",
    re.I,
)
_ALPHA_RE = re.compile(
    r"(?:α|\balpha\b|альфа|significance level|significance|уровень значимости|уровнем значимости|"
    r"уровне значимости|значимост\w*)"
    r"\s*(?:\(\s*α\s*\))?\s*(?:[=:≤<]|of|is|at|равен|—|–|-)?\s*(0?[.,]\d+|\d+(?:[.,]\d+)?\s*%)",
    re.I,
)
_POWER_RE = re.compile(
    r"(?:\bpower\b|мощност\w*|1\s*[−-]\s*β)\s*(?:\(\s*1\s*[−-]\s*β\s*\))?\s*"
    r"(?:[=:≥>]|of|is|at|—|–|-)?\s*(0?[.,]\d+|\d+(?:[.,]\d+)?\s*%)",
    re.I,
)
_WORDNUM = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "eight": "8",
    "одна": "1", "один": "1", "две": "2", "два": "2", "три": "3", "четыре": "4", "пять": "5", "шесть": "6",
}
_DURATION_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?(?:\s*[-–—]\s*\d+)?|one|two|three|four|five|six|eight|"
    r"одна|один|две|два|три|четыре|пять|шесть)[\s-]*"
    r"(days?|weeks?|months?|quarters?|дн(?:я|ей|ь)|сут(?:ки|ок)|недел[ьиюяе]\w*|месяц\w*|квартал\w*)\b",
    re.I,
)
_DURATION_CUE_RE = re.compile(
    r"duration|run(?:s)? for|last(?:s)?|for at least|длительн|продлится|продолжительн|в течение|"
    r"займ[её]т|идти|проводим|длится|срок|\bfor\b|\bна\b|\bover\b",
    re.I,
)
_MUST_RE = re.compile(r"^\s*(?:must(?:[\s-]+have)?|обязательно|обязательные|обязательно сделать|"
                      r"нужно обязательно)\s*$", re.I)
_MUST_INLINE_RE = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*(?:must(?:[\s-]+have)?|обязательно)\s*(?:\*\*|__)?\s*[:—–-]"
    r"\s*(?:\*\*|__)?(.*)$",
    re.I,
)
_OTHER_MOSCOW_RE = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*(?:should|could|won'?t|will not|желательно|"
    r"можно|не будем|не делаем)\b",
    re.I,
)
_LIST_ITEM_RE = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*\S)")
_NAME_CUT_RE = re.compile(r"\s+(?:[—–:(]|-\s)|[.;,](?:\s|$)")
_BASELINE_WORDS = re.compile(
    r"\b(?:constant|median|mean|average|heuristic|rule|rules|popularity|most popular|last value|"
    r"current system|logistic regression|linear regression|linear model|naive|random|"
    r"константа|медиана|среднее|эвристик\w*|правило|правила|популярн\w*|текущ\w+ (?:решени|систем)\w*|"
    r"логистическ\w+ регресси\w*|линейн\w+ (?:регресси|модел)\w*|случайн\w*)\b",
    re.I,
)
_TOTAL_TIME_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(weeks?|months?|недел[ьиюяе]\w*|месяц\w*|нед\.)",
    re.I,
)


@dataclass
class Facts:
    """What the doc says about things a lead will ask."""

    mde: str | None = None
    alpha: str | None = None
    power: str | None = None
    duration: str | None = None
    baselines: list[str] = field(default_factory=list)
    must_items: int | None = None
    total_time: str | None = None
    owners: list[str] = field(default_factory=list)
    metric_names: list[str] = field(default_factory=list)
    uplift: str | None = None
    rollback_time: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("**", "").replace("`", "")).strip()


def _source_of(doc: Document, ids: tuple[str, ...]) -> str:
    """Raw source lines of the sections ``ids`` (first one found), else ''."""
    lines = doc.lines
    out: list[str] = []
    for sid in ids:
        for sec in doc.sections_for(sid):
            out.extend(lines[sec.line - 1 : sec.end_line])
        if out:
            break
    return "\n".join(ln for i, ln in enumerate(out))


def _text_of(doc: Document, ids: tuple[str, ...]) -> str:
    for sid in ids:
        t = doc.section_text(sid)
        if t.strip():
            return t
    return ""


def _first(rx: re.Pattern[str], text: str) -> str | None:
    m = rx.search(text)
    return _clean(m.group(1)).replace(" %", "%") if m else None


def ab_facts(text: str, strict: bool = False) -> tuple[str | None, str | None, str | None, str | None]:
    """(MDE, α, power, duration) found in A/B-test text.

    ``strict``: the text is not an A/B section, so a duration needs a cue
    word before it ("for 2 weeks", "в течение 3 недель").
    """
    mde = _first(_MDE_RE, text)
    alpha = _first(_ALPHA_RE, text)
    power = _first(_POWER_RE, text)
    duration = None
    candidates = list(_DURATION_RE.finditer(text))
    if candidates:
        cued = [m for m in candidates if _DURATION_CUE_RE.search(text[max(0, m.start() - 60) : m.start()])]
        pool = cued if strict else cued or candidates
        if pool:
            m = pool[0]
            n = _WORDNUM.get(m.group(1).lower(), m.group(1))
            duration = f"{n} {m.group(2)}"
    return mde, alpha, power, duration


def baseline_names(doc: Document, ids: tuple[str, ...] = ("baselines",)) -> list[str]:
    """Names of the baselines: top-level list items or table first cells, else known words."""
    names: list[str] = []
    src = _source_of(doc, ids)
    body = src.split("\n")[1:]  # skip the heading line
    indent: int | None = None
    for ln in body:
        m = _LIST_ITEM_RE.match(ln)
        if not m:
            continue
        if indent is None:
            indent = len(m.group(1))
        if len(m.group(1)) != indent:
            continue
        name = _clean(_NAME_CUT_RE.split(m.group(2), maxsplit=1)[0])
        if 2 <= len(name) <= 60:
            names.append(name)
    if not names:
        for sec in (s for sid in ids for s in doc.sections_for(sid)):
            for block in sec.all_blocks():
                if block.type == "table" and len(block.rows) > 1:
                    names += [_clean(r[0]) for r in block.rows[1:] if r and 2 <= len(_clean(r[0])) <= 60]
            if names:
                break
    if not names:
        text = _text_of(doc, ids)
        for m in _BASELINE_WORDS.finditer(text):
            word = m.group(0).lower()
            if word not in names:
                names.append(word)
    return names[:6]


def must_count(doc: Document, ids: tuple[str, ...] = ("priorities",)) -> int | None:
    """How many items the Must category lists, or None when it cannot be told."""
    src = _source_of(doc, ids)
    if not src:
        return None
    lines = src.split("\n")
    for i, ln in enumerate(lines):
        bare = re.sub(r"^#+\s*|[*_]{2}|:\s*$|[*_]{2}\s*$", "", ln).strip().rstrip(":").strip()
        bare = re.sub(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)", "", bare)
        bare = re.sub(r"\s*\(.*\)\s*$", "", bare).strip()
        heading_like = _MUST_RE.match(bare) is not None
        inline = _MUST_INLINE_RE.match(ln)
        if heading_like or (inline and not inline.group(1).strip()):
            base = len(_LIST_ITEM_RE.match(ln).group(1)) if _LIST_ITEM_RE.match(ln) else -1
            count = 0
            item_indent: int | None = None
            for nxt in lines[i + 1 :]:
                if nxt.lstrip().startswith("#") or _OTHER_MOSCOW_RE.match(nxt):
                    break
                m = _LIST_ITEM_RE.match(nxt)
                if m:
                    ind = len(m.group(1))
                    if base >= 0 and ind <= base:
                        break
                    if item_indent is None:
                        item_indent = ind
                    if ind == item_indent:
                        count += 1
                elif nxt.strip() and count and not nxt.startswith((" ", "\t")):
                    break
            return count or None
        if inline and inline.group(1).strip():
            parts = [p for p in re.split(r"[;,]\s*|\s+\+\s+", _clean(inline.group(1))) if p.strip()]
            return len(parts) or None
    # A MoSCoW table: count the non-empty cells under a "Must" column, or rows marked Must.
    for sid in ids:
        for sec in doc.sections_for(sid):
            for block in sec.all_blocks():
                if block.type != "table" or len(block.rows) < 2:
                    continue
                header = [_clean(c).lower() for c in block.rows[0]]
                col = next((k for k, c in enumerate(header) if _MUST_RE.match(c)), None)
                if col is not None:
                    n = sum(1 for r in block.rows[1:] if col < len(r) and _clean(r[col]))
                    return n or None
                n = sum(1 for r in block.rows[1:] if any(_MUST_RE.match(_clean(c)) for c in r))
                if n:
                    return n
    return None


def total_time(doc: Document, ids: tuple[str, ...] = ("timeline",)) -> str | None:
    """The longest span the plan names (e.g. '12 weeks'), or None."""
    text = _text_of(doc, ids)
    best: tuple[float, str] | None = None
    for m in _TOTAL_TIME_RE.finditer(text):
        n = float(m.group(1).replace(",", "."))
        unit = m.group(2).lower()
        weeks = n * (4.3 if unit.startswith(("month", "месяц")) else 1)
        if best is None or weeks > best[0]:
            best = (weeks, _clean(m.group(0)))
    return best[1] if best else None


_METRIC_NAMES = re.compile(
    r"\b(?:precision|recall|f1|f-score|roc[\s-]?auc|pr[\s-]?auc|auc|accuracy|mape|smape|mae|rmse|mse|"
    r"ndcg(?:@\d+)?|map(?:@\d+)?|mrr|hit[\s-]?rate(?:@\d+)?|log[\s-]?loss|ctr|cvr|conversion|retention|"
    r"churn|revenue|arpu|gmv|wape|полнота|точность|конверси\w*|выручк\w*|удержани\w*|отток\w*)\b",
    re.I,
)


def metric_names(doc: Document, ids: tuple[str, ...]) -> list[str]:
    text = _text_of(doc, ids)
    seen: list[str] = []
    for m in _METRIC_NAMES.finditer(text):
        name = m.group(0)
        low = name.lower()
        if low not in (s.lower() for s in seen):
            seen.append(name if any(ch.isupper() for ch in name) else low)
    return seen[:6]


# Where each fact lives, per kind (one-pagers and cards nest full-doc sections).
_PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "full": {"ab": ("ab_test",), "baselines": ("baselines",), "priorities": ("priorities",),
             "timeline": ("timeline",), "metrics": ("metrics", "requirements"),
             "goals": ("goals",), "rollback": ("rollback",)},
    "one-pager": {"ab": ("ab_test", "how"), "baselines": ("baselines", "how"),
                  "priorities": ("priorities", "how"), "timeline": ("timeline", "how"),
                  "metrics": ("metrics", "what"), "goals": ("goals", "why"), "rollback": ("rollback",)},
    "hypothesis": {"ab": ("ab_test", "verdict", "expected_effect"), "baselines": ("baselines", "implementation"),
                   "priorities": ("priorities", "resources"), "timeline": ("timeline", "verdict", "resources"),
                   "metrics": ("metrics", "expected_effect"), "goals": ("expected_effect", "idea"),
                   "rollback": ("rollback",)},
}


def facts(doc: Document) -> Facts:
    """Everything the tailored questions quote."""
    places = _PLACES.get(doc.kind, _PLACES["full"])
    ab_text = _text_of(doc, places["ab"])
    strict = not doc.section_text("ab_test").strip()
    mde, alpha, power, duration = ab_facts(ab_text, strict) if ab_text else (None, None, None, None)
    owners = (doc.front_matter or {}).get("owners") or []
    if isinstance(owners, str):
        owners = [owners]
    return Facts(
        mde=mde,
        alpha=alpha,
        power=power,
        duration=duration,
        baselines=baseline_names(doc, places["baselines"][:1]) if doc.sections_for(places["baselines"][0]) else [],
        must_items=must_count(doc, places["priorities"]),
        total_time=total_time(doc, places["timeline"]),
        owners=[str(o) for o in owners] if isinstance(owners, list) else [],
        metric_names=metric_names(doc, places["metrics"]),
        uplift=uplift_sentence(doc, places["goals"]),
        rollback_time=rollback_time(doc, places["rollback"]),
    )


_MONEY_OR_PCT = re.compile(
    r"(?:[$€£₽]\s?\d|\d[\d\s.,]*\s?(?:%|п\.?\s?п\.?|pp\b|[$€£₽]|k\b|M\b|млн|тыс|руб|usd|eur)|\bx\d)",
    re.I,
)
_ROLLBACK_TIME_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|h\b|секунд\w*|сек\b|минут\w*|мин\b|час\w*|ч\b)",
    re.I,
)


# Words that state an expected change or a goal. Past tenses ("grew",
# «выросла») are left out: they describe what already happened.
_GOAL_CUE_RE = re.compile(
    r"\b(?:increas(?:e|es|ing)|rais(?:e|es|ing)|reduc(?:e|es|ing|tion)|cut(?:s|ting)?|lower(?:s|ing)?|"
    r"decreas(?:e|es|ing)|grow(?:s|ing|th)?|boost(?:s|ing)?|improv(?:e|es|ing|ement)|uplift|lift(?:s|ing)?|"
    r"gain(?:s)?|sav(?:e|es|ing|ings)|targets?|targeting|goals?|aim(?:s|ing)?|expect(?:s|ed|ing|ation|ations)?|"
    r"projected|forecast|reach(?:es|ing)?|"
    r"увелич\w*|сниз\w*|сниж\w*|рост\w*|прирост\w*|ожида\w*|цел(?:ь|и|ью|ей|ям|ев\w*)|повы[сш]\w*|"
    r"сократ\w*|сокращ\w*|уменьш\w*|подня\w*|вырас\w*|выраст\w*|улучш\w*|эконом\w*|рассчитыва\w*|"
    r"планиру\w*|хотим|добав\w*)\b",
    re.I,
)
_RU_PAST_RE = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись)$", re.I)
# "from 12% to 14%", «с 12% до 14%», "+5% revenue", «−3%».
_CHANGE_SHAPE_RE = re.compile(
    rf"\bfrom\s+(?!(?:19|20)\d\d\b){_NUM}[^.;]{{0,30}}?\bto\s+{_NUM}|"
    rf"(?<!\w)с\s+(?!(?:19|20)\d\d\b){_NUM}[^.;]{{0,30}}?\bдо\s+{_NUM}|"
    r"(?<![\w.,])(?:[+−]\s?\d|-\d[\d.,]*\s?%)",
    re.I,
)


def _goal_cue(sentence: str) -> bool:
    if _CHANGE_SHAPE_RE.search(sentence):
        return True
    for m in _GOAL_CUE_RE.finditer(sentence):
        word = m.group(0)
        if re.match(r"[а-яё]", word, re.I) and _RU_PAST_RE.search(word):
            continue  # «выросла», «снизилась»: what happened, not the goal
        return True
    return False


def _list_items(doc: Document, block: Block) -> list[str]:
    """The items of a list block, an item's wrapped lines joined (else one chunk a line)."""
    lines = block.text.split("\n")
    src = doc.lines[block.line - 1 : block.end_line]
    src = [ln for ln in src if ln.strip()]
    if len(src) != len(lines):
        return lines
    items: list[str] = []
    for text, raw in zip(lines, src):
        if items and not _LIST_ITEM_RE.match(raw):
            # A capitalised line after an unpunctuated one starts a new sentence
            # ("**Goal** `PO`" then "Cut churn…" on the next line).
            sep = ". " if text[:1].isupper() and not re.search(r"[.,;:!?—–-]\s*$", items[-1]) else " "
            items[-1] += sep + text
        else:
            items.append(text)
    return items


def uplift_sentence(doc: Document, ids: tuple[str, ...]) -> str | None:
    """The sentence of the goal sections that states the expected change with a number.

    Only sentences naming a change or a goal ("raise CTR from 12% to 14%",
    "+5% revenue", «увеличить конверсию на 3%») qualify. A sentence that
    merely describes the status quo ("Only 2.1% of visitors click it",
    «Сейчас доставка стоит 199 ₽») is never quoted: None makes the
    checklist ask its generic question.
    """
    for sid in ids:
        for sec in doc.sections_for(sid):
            for block in sec.all_blocks():
                if block.type in ("code", "table"):
                    continue
                chunks = _list_items(doc, block) if block.type == "list" else [block.text.replace("\n", " ")]
                for chunk in chunks:
                    for part in re.split(r"(?<=[.!?])\s+", chunk):
                        sent = _clean(part)
                        if len(sent) < 20 or not re.search(r"\d", sent) or not _goal_cue(sent):
                            continue
                        if not (_MONEY_OR_PCT.search(sent) or _CHANGE_SHAPE_RE.search(sent)):
                            continue
                        return sent if len(sent) <= 160 else sent[:157].rsplit(" ", 1)[0] + "…"
    return None


def rollback_time(doc: Document, ids: tuple[str, ...]) -> str | None:
    """How fast the doc says a rollback takes ('15 minutes'), when it says so."""
    text = _text_of(doc, ids)
    m = _ROLLBACK_TIME_RE.search(text)
    return _clean(m.group(0)) if m else None
