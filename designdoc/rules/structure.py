"""Structure rules: are the sections there, filled in, and free of placeholders?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from designdoc.document import Document, Section
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule

_PLACEHOLDER_RES = (
    re.compile(r"\b(?:TODO|TBD|TBA|FIXME)\b", re.I),
    re.compile(r"\bXXX+\b"),
    re.compile(r"\?\?\?+"),
    re.compile(r"[<\[](?:\.\.\.|…)[>\]]"),
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}"),
    re.compile(r"\blorem ipsum\b", re.I),
    re.compile(r"[\[(<]\s*(?:заполнить|дописать|вставить|указать|добавить)\b[^\])>]*[\])>]", re.I),
    re.compile(
        r"\b(?:to be (?:filled(?: in)?|added|written|completed|defined) later|to be filled(?: in)?"
        r"|(?:заполнить|дописать|дополнить|уточнить) позже|будет заполнено позже)\b",
        re.I,
    ),
)
# An angle-bracketed description such as <describe the problem> or
# <название метрики>. Single words (<string>, <int>) are type markers in API
# examples, and real HTML tags or autolinks are not placeholders.
_ANGLE_RE = re.compile(r"<([^<>\n]{1,120})>")
# "< 30, Medium 30–60, High > 60": numbers inside and a number after ">" make two
# comparisons; "<2-3 sentences>" and "<metric name> 0.8" are slots.
_AFTER_GT_RE = re.compile(r"\s*[+\-±]?\d")
_DIGIT_RE = re.compile(r"\d")
_HTML_TAG_RE = re.compile(r"^/?[a-zA-Z][a-zA-Z0-9-]*(\s+[a-zA-Z_:][\w:.-]*(\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?$")
_HTML_TAGS = frozenset(
    """a abbr b br blockquote code dd details div dl dt em h1 h2 h3 h4 h5 h6 hr i img kbd li mark ol
    p pre q s small span strong sub summary sup table tbody td th thead tr u ul ins del center font
    figure figcaption picture source video audio iframe""".split()
)
# A line of a fill-in template that still ends with the role that should
# answer it ("- Краткое описание БТ `Product Owner`"): the prompt, unanswered.
_ROLES = (
    r"product owner|product manager|data scientists?|data engineers?|ml engineers?|mlops|"
    r"analysts?|developers?|backend|devops|ds|de|po|pm|mle|ab group|аналитик|разработчик"
)
# The last role tag of a line and what may trail it; matched from the end
# with `search`, peeled repeatedly (no backtracking over the whole line).
_ROLE_TAIL_RE = re.compile(rf"`(?:{_ROLES})`[\s,&и.;:]*(?:with\s*)?$", re.I)
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*")


def _is_role_prompt(line: str) -> bool:
    """A fill-in prompt: text that ends in role tags ("… `Data Scientist`")."""
    if "`" not in line:
        return False
    rest, tagged = line.rstrip(), False
    for _ in range(8):
        m = _ROLE_TAIL_RE.search(rest)
        if not m:
            break
        rest, tagged = rest[: m.start()].rstrip(" ,&и"), True
    body = _LIST_MARK_RE.sub("", rest, count=1)
    return tagged and bool(body.strip()) and not body.startswith("*")
_QUOTED_EXAMPLE_RE = re.compile(r"^\s*>\s*(?:примеры?|example|for example|e\.g\.)\b.*:\s*$", re.I)
_NOT_YET_RE = re.compile(r"^\s*(?:[-*+>]\s*)*(?:пока нет|пока не знаем|not yet|none yet|to be (?:defined|decided|done))\.?\s*$", re.I)
# Type markers of API examples ("Type: <string>"), never template slots.
_TYPE_NAMES = frozenset(
    "string str int integer float double number bool boolean list array dict map object json "
    "uuid id date datetime timestamp bytes any null none void url email".split()
)
_INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1")
_STRIKE_RE = re.compile(r"~~.+?~~")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)")
_FULL_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_NOT_NEWLINE_RE = re.compile(r"[^\n]")


# A line that is only a label: "**Must have**", "- **Quality checks:**", "Owner:".
_LABEL_ONLY_RE = re.compile(r"^\s*(?:[-*+>]\s+|\d+[.)]\s+)?(?:(\*\*|__)[^*_]{1,80}\1\s*:?|[^:]{1,80}:)\s*$")
# "**Features:** text" -> "text": the label of a run-in pseudo-heading.
_RUNIN_LABEL_RE = re.compile(r"^\s*(?:[-*+]\s+)?(\*\*\*|\*\*|__)[^*_]+\1\s*:?\s*")


def is_written(doc: Document, section: Section) -> bool:
    """Whether a section has a line of real text, placeholders and labels aside.

    A scaffolded section is all "**Label:** TODO: …" lines and bare labels
    ("**Must have**"); its content rules find nothing to complain about, which
    must not read as a pass.
    """
    lines = doc.lines
    comment_lines = {n for c in doc.comments for n in range(c.line, c.end_line + 1)}
    for sec in section.walk():
        # Block lines, not the heading line: a run-in label's text shares its line.
        numbers = sorted({n for b in sec.blocks if b.type != "code" for n in range(b.line, b.end_line + 1)})
        for n in numbers:
            if n > len(lines) or n in comment_lines or n in doc.template_lines:
                continue
            line = lines[n - 1]
            if sec.pseudo and n == sec.line:
                line = _RUNIN_LABEL_RE.sub("", line, count=1)
            if not any(ch.isalnum() for ch in line) or set(line.strip()) <= set("|-: "):
                continue
            if find_placeholders(line) or _LABEL_ONLY_RE.match(line):
                continue
            return True
    return False


def _angle_placeholder(inner: str) -> bool:
    if inner.startswith(("!", "?", "=", "-")) or "://" in inner or "@" in inner:
        # "<= 50% for >", "<-->": comparisons and arrows, not slots
        return False
    words = inner.split()
    if _HTML_TAG_RE.match(inner) and words and words[0].lstrip("/").lower() in _HTML_TAGS:
        return False
    if len(words) < 2 and "..." not in inner and "…" not in inner:
        return False  # a type marker such as <string>
    return True


# Every placeholder pattern contains one of these: most lines have none, and
# a few substring tests save running the full set (lint time is per line here).
# Keys are as narrow as the patterns allow: a bare "[" or "to be" is on most
# lines of a doc with links or English prose ("[…]" and "to be filled" are
# what the patterns look for; "[заполнить]" is found by its word).
_PLACEHOLDER_KEYS = (
    "todo", "tbd", "tba", "fixme", "xxx", "???", "<", "[.", "[…", "{{", "{%", "lorem",
    "to be fill", "to be add", "to be writ", "to be comp", "to be def", "to be dec", "to be done",
    "заполн", "дописа", "дополн", "уточн", "вставить", "указать", "добавить",
)

PLACEHOLDER_KEY_RE = re.compile("|".join(re.escape(k) for k in _PLACEHOLDER_KEYS))
# What a placeholder or a "not yet" line must contain (lower-case text).
_PLACEHOLDER_LINE_RE = re.compile(PLACEHOLDER_KEY_RE.pattern + r"|пока н|not yet|none yet")
_ALNUM_RE = re.compile(r"[^\W_]")


def find_placeholders(line: str) -> list[tuple[int, str]]:
    """(0-based column, text) of each placeholder on one source line."""
    low = line.lower()
    if not any(key in low for key in _PLACEHOLDER_KEYS):
        return []
    clean = _INLINE_CODE_RE.sub(lambda m: " " * len(m.group(0)), line)
    clean = _STRIKE_RE.sub(lambda m: " " * len(m.group(0)), clean)
    clean = _COMMENT_RE.sub(lambda m: " " * len(m.group(0)), clean)
    found: list[tuple[int, str]] = []
    for rx in _PLACEHOLDER_RES:
        for m in rx.finditer(clean):
            found.append((m.start(), m.group(0)))
    for m in _ANGLE_RE.finditer(clean):
        if _AFTER_GT_RE.match(clean, m.end()) and _DIGIT_RE.search(m.group(1)):
            # "Low < 30, Medium 30–60, High > 60", "(<200) … (>500)": comparisons, not a slot
            continue
        inner = m.group(1).strip()
        # A one-word slot that is the whole value after a label
        # ("- Primary metric: <metric>") is a template slot, not a type marker.
        slot = (
            clean[: m.start()].rstrip().endswith((":", "：", "—", "-"))
            and not clean[m.end() :].strip(" .;,")
            and inner.lower().lstrip("/") not in _HTML_TAGS
            and inner.lower() not in _TYPE_NAMES
        )
        if _angle_placeholder(inner) or (slot and inner.isidentifier()):
            found.append((m.start(), m.group(0)))
    found.sort()
    return found


@rule(
    code="DD101",
    name="missing-section",
    severity="error",
    summary="A section the document kind requires is missing.",
)
def missing_section(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every section of the document's kind must be present.

    Which sections a kind has comes from the catalogue (`designdoc rules` lists
    them per kind); headings are matched in English or Russian, with or
    without numbering. A draft may lack sections required only from review
    (a warning); from `review` on they are errors. Optional sections (the
    plan) are warnings. The problem is reported where the section belongs:
    after the section that precedes it in the catalogue. A doc whose title
    makes it the plan of one part ("A/B Test Plan: …", "Rollback runbook",
    «План A/B-теста») is not asked for the rest of a full design unless its
    front matter declares the kind, or it designs its model after all (data,
    baselines and modelling sections; for an "Experiment plan", two of them).

    Fails (a full doc without a rollback plan):

        ## A/B test design
        ...
        ## Monitoring

    Passes:

        ## A/B test design
        ...
        ## Rollback plan / ## План отката
        ...
        ## Monitoring
    """
    if not doc.root.children and not any(b.text.strip() for b in doc.root.blocks):
        yield ctx.problem(
            1,
            ctx.say(
                f"The document is empty: start it with `designdoc new {doc.kind}` or add its sections.",
                f"Документ пуст: начните его командой `designdoc new {doc.kind}` или добавьте разделы.",
            ),
            section=None,
        )
        return
    # A doc that plans one part only ("A/B Test Plan: …", «Регламент отката модели»)
    # is no full design missing its other sections; its part's content rules
    # check it. A declared kind is still held to.
    from designdoc.lexicon.scope import plans_one_part  # (scope imports this module)

    if not doc.kind_declared and plans_one_part(doc):
        return
    order = ctx.catalog.ids_for(doc.kind)
    recognised = doc.recognised()
    first_line = recognised[0].line if recognised else (doc.root.children[0].line if doc.root.children else 1)
    prev_end: int | None = None
    for sid in order:
        present = doc.sections_for(sid)
        if present:
            prev_end = max(s.end_line for s in present)
            continue
        spec = ctx.catalog.sections[sid]
        line = min(prev_end + 1, doc.line_count) if prev_end else first_line
        title = spec.title.get(doc.lang, spec.title["en"])
        hint_en, hint_ru = _MISSING_HINTS.get(sid, ("", ""))
        message = ctx.say(f"Missing section '{title}': {hint_en}", f"Нет раздела «{title}»: {hint_ru}")
        near = _lookalike(doc, spec.synonyms)
        if near is not None:
            message += ctx.say(
                f" If '{near.title}' (line {near.line}) is meant to be it, rename it"
                f" or add its wording to [synonyms] {sid} in the config.",
                f" Если это раздел «{near.title}» (строка {near.line}), переименуйте его"
                f" или добавьте формулировку в [synonyms] {sid} в конфиге.",
            )
        yield ctx.problem(max(1, line), message, section=sid)


def _lookalike(doc: Document, synonyms: tuple[str, ...]) -> Section | None:
    """An unrecognised heading that resembles a missing section's wording."""
    import difflib

    from designdoc.catalog import normalise_heading

    def heads(text: str) -> set[str]:
        return {w[:3] for w in text.split() if len(w) >= 3}

    forms = [(f, heads(f)) for f in (normalise_heading(s) for s in synonyms)]
    best: tuple[float, Section] | None = None
    unmatched = [sec for sec in doc.sections() if not sec.id and sec.level >= 1 and sec.title][:200]
    for sec in unmatched:
        title = normalise_heading(sec.title)
        if not title:
            continue
        title_heads = heads(title)
        matcher = difflib.SequenceMatcher(None, "", title)  # b (the heading) is analysed once
        for form, form_heads in forms:
            if not form_heads <= title_heads:
                # every word of the wording must be there, if misspelt ("Monitorng"):
                # a heading with one word in common ("Обработка" for «обработка сбоев») is no lookalike
                continue
            matcher.set_seq1(form)
            # The cheap upper bounds first: most pairs stop there.
            if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
                continue
            ratio = matcher.ratio()
            if ratio >= 0.75 and (best is None or ratio > best[0]):
                best = (ratio, sec)
    return best[1] if best else None


# What to add, per section: the one-line "why it matters" for a missing section.
_MISSING_HINTS: dict[str, tuple[str, str]] = {
    "goals": ("state the business problem, who suffers from it and the value expected.",
              "опишите бизнес-проблему, кого она затрагивает и какой ценности ждём."),
    "prior_art": ("cite similar systems or existing solutions and the uplift they reported.",
                  "приведите похожие системы или готовые решения и эффект, которого они добились."),
    "requirements": ("state what the system outputs, latency and error budgets, and when the model counts as ready.",
                     "опишите, что выдаёт система, бюджет задержки и ошибок и когда модель считается готовой."),
    "metrics": ("name online and offline metrics, each with a target.",
                "назовите онлайн- и офлайн-метрики, у каждой — целевое значение."),
    "data": ("say where features and labels come from.",
             "укажите, откуда берутся признаки и разметка."),
    "baselines": ("start from a simple baseline (constant, heuristic or linear model).",
                  "начните с простого бейзлайна (константа, эвристика или линейная модель)."),
    "modeling": ("name the validation scheme and the candidate models.",
                 "опишите схему валидации и модели-кандидаты."),
    "deployment": ("describe training, retraining cadence and serving.",
                   "опишите обучение, частоту переобучения и способ инференса."),
    "ab_test": ("give the hypothesis, primary metric, split unit, α, power/MDE and duration.",
                "укажите гипотезу, ключевую метрику, единицу сплитования, α, мощность/MDE и длительность."),
    "rollback": ("add a section naming what triggers a rollback and what happens then.",
                 "добавьте раздел: что запускает откат и что происходит дальше."),
    "monitoring": ("list dashboards, drift checks and alerts.",
                   "перечислите дашборды, контроль дрифта и алерты."),
    "support": ("say who owns the system after launch and how it scales.",
                "укажите, кто владеет системой после запуска и как она масштабируется."),
    "priorities": ("sort deliverables into Must / Should / Could / Won't have.",
                   "разложите результаты по Must / Should / Could / Won't have."),
    "risks": ("list what may go wrong and how you would mitigate it.",
              "перечислите, что может пойти не так, и как это смягчить."),
    "timeline": ("add stages, estimates and milestones.",
                 "добавьте этапы, оценки сроков и контрольные точки."),
    "why": ("state the need, the problem and the value expected.",
            "опишите потребность, проблему и ожидаемую ценность."),
    "what": ("say what the service returns and which metrics it moves.",
             "опишите, что возвращает сервис и на какие метрики влияет."),
    "how": ("describe the ML formulation, data, evaluation and A/B test.",
            "опишите ML-постановку, данные, оценку качества и A/B-тест."),
    "idea": ("state the idea behind the hypothesis.", "сформулируйте идею гипотезы."),
    "implementation": ("list the ways to implement it.", "перечислите варианты реализации."),
    "expected_effect": ("say which metric should move and by how much.",
                        "укажите, какая метрика и насколько должна измениться."),
    "verdict": ("say how soon the result will be known and by which proxy metric.",
                "укажите, как быстро будет результат и по какой прокси-метрике."),
    "resources": ("list the people, compute and data needed.",
                  "перечислите нужных людей, вычислительные ресурсы и данные."),
}


def _empty(section: Section) -> bool:
    return not section.has_content()


@rule(
    code="DD102",
    name="empty-section",
    severity="error",
    summary="A section has a heading but no content.",
    draft="warning",
)
def empty_section(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A recognised section must say something.

    A heading followed only by sub-headings, HTML comments (template guidance)
    or struck-through text is empty. Only the outermost empty section is
    reported. In a draft this is a warning.

    Fails:

        ## Risks
        <!-- What may go wrong? -->
        ## Monitoring

    Passes:

        ## Risks / ## Риски
        Label delay may hide drift for two weeks; we monitor a proxy metric daily.
    """

    def visit(sec: Section, after: Section | None) -> Iterator[Problem]:
        # "## 2. Methodology" right above "## 2.1. Problem" at the same level:
        # the numbering nests what the Markdown levels do not.
        if sec.id and _empty(sec) and not _numbered_under(after, sec):
            title = sec.title or sec.id
            yield ctx.problem(
                sec,
                ctx.say(
                    f"Section '{title}' is empty: write its content or remove the heading.",
                    f"Раздел «{title}» пуст: заполните его или уберите заголовок.",
                ),
                section=sec.id,
                end_line=sec.end_line,
            )
            return
        yield from visit_all(sec.children)

    def visit_all(secs: tuple[Section, ...]) -> Iterator[Problem]:
        for i, child in enumerate(secs):
            yield from visit(child, secs[i + 1] if i + 1 < len(secs) else None)

    yield from visit_all(doc.root.children)


_NUMBER_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?(?:\s|$)")


def _numbered_under(sec: Section | None, parent: Section) -> bool:
    """Whether ``sec``'s numbering extends ``parent``'s ("2.1" after "2.")."""
    if sec is None:
        return False
    a, b = _NUMBER_RE.match(parent.title), _NUMBER_RE.match(sec.title)
    return bool(a and b and b.group(1).startswith(a.group(1) + "."))


@rule(
    code="DD103",
    name="placeholder-text",
    severity="error",
    summary="Placeholder text (TODO, TBD, ???, <...>, unrendered {{ }}) is left in the doc.",
    draft="warning",
)
def placeholder_text(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Placeholders mean a part of the doc is not written yet.

    Flags `TODO`, `TBD`, `FIXME`, `XXX`, `???`, `<...>`, descriptive angle
    brackets such as `<describe the problem>`, unrendered `{{ }}` / `{% %}`,
    `lorem ipsum`, and Russian `[заполнить]`-style gaps. Code blocks, inline
    code, HTML comments (template guidance) and struck-through text are not
    read; a single word in angle brackets (`<string>`) is a type marker, not a
    placeholder. In a draft this is a warning.

    Template guidance left in place is reported once per section that has
    nothing else: fill-in prompts ending in a role tag ("… `Product Owner`")
    and lines copied unchanged from a known public template (the Reliable ML
    Russian template, ml-design-docs, the ML System Design book's template).
    The content rules do not read such lines either.

    Fails:

        ## Metrics
        TODO: name the online metric and its target.

    Passes:

        ## Metrics / ## Метрики
        Online: conversion to paid, +1.5 pp. Offline: PR-AUC ≥ 0.42.
    """
    # Blank out HTML comments (template guidance) but keep line numbers.
    scrubbed = _FULL_COMMENT_RE.sub(lambda m: _NOT_NEWLINE_RE.sub(" ", m.group(0)), doc.source)
    lines = scrubbed.split("\n")
    sections = list(doc.sections())
    heading_lines = {sec.line for sec in sections}
    owners = _owners(sections, len(lines))
    # Per section: lines that still carry a template prompt, and whether the
    # section has any other prose (then the prompt was answered around it).
    prompts: dict[int, list[int]] = {}
    prose: set[int] = set()
    # Lines that can hold a placeholder, found in one scan of the whole text.
    low = scrubbed.lower()
    maybe: set[int] = set()
    if len(low) == len(scrubbed):
        line, counted = 1, 0
        for m in _PLACEHOLDER_LINE_RE.finditer(low):
            line += scrubbed.count("\n", counted, m.start())  # incremental: linear in the text
            counted = m.start()
            maybe.add(line)
    else:  # lower-casing moved offsets: look at every line
        maybe = set(range(1, len(lines) + 1))
    for idx in range(doc.front_matter_end, len(lines)):
        lineno = idx + 1
        if lineno in doc.code_lines:
            continue
        text = lines[idx]
        owner = owners[lineno] if lineno < len(owners) else None
        if lineno in heading_lines or not _ALNUM_RE.search(text):
            pass  # blank lines, rules and table borders are neither prompt nor prose
        elif lineno in doc.template_lines or _is_role_prompt(text) or _QUOTED_EXAMPLE_RE.match(text):
            prompts.setdefault(owner.line if owner else 0, []).append(lineno)
        else:
            prose.add(owner.line if owner else 0)
        if lineno in doc.template_lines or lineno not in maybe:
            continue  # a template's own prompt is reported once per section below
        hits = find_placeholders(text)
        if not hits and _NOT_YET_RE.match(text):
            hits = [(len(text) - len(text.lstrip(" -*>")), text.strip(" -*>"))]
        if not hits:
            continue
        col, what = hits[0]
        what = what.strip()[:40]
        title = owner.title if owner and owner.title else ""
        yield ctx.problem(
            lineno,
            ctx.say(
                f"Placeholder '{what}' left" + (f" in '{title}'" if title else "") + ": replace it with the real content.",
                f"Заглушка «{what}»" + (f" в разделе «{title}»" if title else "") + ": замените её содержанием.",
            ),
            section=owner.id if owner else None,
            column=col + 1,
        )
    by_line = {sec.line: sec for sec in sections}
    for sec_line, prompt_lines in prompts.items():
        if sec_line in prose:
            continue
        sec = by_line.get(sec_line)
        title = sec.title if sec and sec.title else ""
        yield ctx.problem(
            prompt_lines[0],
            ctx.say(
                "Template guidance left unanswered" + (f" in '{title}'" if title else "")
                + ": replace the prompt with the answer.",
                "Подсказка шаблона осталась без ответа" + (f" в разделе «{title}»" if title else "")
                + ": замените её ответом.",
            ),
            section=sec.id if sec else None,
        )


def _owners(sections: list[Section], line_count: int) -> list[Section | None]:
    """For each 1-based line, the deepest catalogue section holding it, else the deepest.

    One sweep in document order (parents before children), so a doc with
    100,000 headings costs its size times its depth, not headings × lines.
    """
    deepest: list[Section | None] = [None] * (line_count + 2)
    deepest_id: list[Section | None] = [None] * (line_count + 2)
    for sec in sections:
        first, last = sec.line, min(sec.end_line, line_count + 1)
        span = last - first + 1
        if span <= 0:
            continue
        deepest[first : last + 1] = [sec] * span
        if sec.id:
            deepest_id[first : last + 1] = [sec] * span
    return [a or b for a, b in zip(deepest_id, deepest)]


@rule(
    code="DD104",
    name="duplicate-section",
    severity="warning",
    summary="The same section heading appears twice at the same level.",
)
def duplicate_section(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Two sibling sections with the same heading split one topic in two.

    Reviewers read the first and miss the second; merge them. Different
    headings that mean the same section ("Online metrics", "Offline metrics")
    are fine.

    Fails:

        ## Metrics
        ...
        ## Metrics

    Passes:

        ## Online metrics
        ## Offline metrics
    """
    from designdoc.catalog import normalise_heading

    def visit(sec: Section) -> Iterator[Problem]:
        seen: dict[str, Section] = {}
        for child in sec.children:
            if child.id:
                key = normalise_heading(child.title)
                first = seen.get(key)
                if first is not None:
                    yield ctx.problem(
                        child,
                        ctx.say(
                            f"Section '{child.title}' repeats the one at line {first.line}: merge them.",
                            f"Раздел «{child.title}» повторяет раздел в строке {first.line}: объедините их.",
                        ),
                        section=child.id,
                    )
                else:
                    seen[key] = child
            yield from visit(child)

    yield from visit(doc.root)


@rule(
    code="DD105",
    name="unknown-suppression",
    severity="warning",
    summary="A designdoc-disable comment names a rule that does not exist.",
)
def unknown_suppression(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A suppression comment must name real rules, by code or name.

    A misspelt rule name silently suppresses nothing; `designdoc rules` lists
    the valid codes and names.

    Fails:

        <!-- designdoc-disable-next-line placeholder-txt -->

    Passes:

        <!-- designdoc-disable-next-line placeholder-text -->
        <!-- designdoc-disable-next-line DD103 -->
    """
    import difflib

    from designdoc import suppress
    from designdoc.rules.registry import all_rules, get_rule

    def canonical(ident: str) -> str | None:
        r = get_rule(ident)
        return r.code if r else None

    names = [r.name for r in all_rules()] + [r.code for r in all_rules()]
    for line, ident in suppress.read(doc.comments, canonical).unknown:
        close = difflib.get_close_matches(ident, names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "see `designdoc rules`."
        yield ctx.problem(line, f"Unknown rule '{ident}' in a suppression comment: {hint}", section=None)


@rule(
    code="DD106",
    name="unclosed-code-fence",
    severity="warning",
    summary="A code fence is never closed, so everything below it renders as code.",
)
def unclosed_code_fence(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Close each code fence with its marker on a line of its own.

    A closing ``` written at the end of a text line ("src/split.py```") does
    not close the fence: every later heading and section renders as code and
    readers never see them. The linter reads the doc as its author meant it
    (cut at that line) and reports the fence here.

    Fails:

        ```text
        src/ab_split.py```

        ## Metrics

    Passes:

        ```text
        src/ab_split.py
        ```

        ## Metrics
    """
    for opened, closed in doc.open_fences:
        if closed:
            yield ctx.problem(
                closed,
                ctx.say(
                    f"The code fence opened at line {opened} is not closed: a closing marker after text on "
                    "this line does not count. Put it on a line of its own; as written, everything below "
                    "renders as code.",
                    f"Блок кода, открытый в строке {opened}, не закрыт: закрывающий маркер после текста в этой "
                    "строке не считается. Перенесите его на отдельную строку, иначе всё ниже отображается как код.",
                ),
                section=None,
            )
        else:
            yield ctx.problem(
                opened,
                ctx.say(
                    "This code fence is never closed: everything below it renders as code. Close it with "
                    "its marker on a line of its own.",
                    "Этот блок кода не закрыт: всё ниже отображается как код. Закройте его маркером на "
                    "отдельной строке.",
                ),
                section=None,
            )
