"""Where a content rule reads: its section, and the fallback places real docs use.

Content rules are silent when their section is missing (``missing-section``
covers that) or has nothing but template leftovers (``empty-section`` and
``placeholder-text`` cover those), except the whole-doc questions of
readiness and error costs, which fall back to the metrics, goals or a
design section (``home_or``). When the section exists, the check may
also read other sections where people put the same content (A/B metrics
under "Metrics", rollback triggers under deployment, error costs under
metrics). One-pagers keep full-doc topics inside What/How, so a few ids fall
back to those parts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar
from functools import lru_cache, wraps
from itertools import accumulate

from designdoc import lexicon
from designdoc.document import Block, Document, Section
from designdoc.rules.structure import is_written

# Full-doc topics a one-pager answers inside its own parts (DOMAIN.md: What =
# metrics and success; How = data, evaluation, A/B test, MoSCoW deliverables).
ONE_PAGER_HOME: dict[str, tuple[str, ...]] = {
    "metrics": ("what", "how"),
    "data": ("how",),
    "priorities": ("how",),
}

# A sentence ends at . ! ? ; before a capital, digit or quote ("п.п. оттока"
# and "e.g. the" stay whole), and at every line end (list items, table rows).
_SENTENCE_END_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZА-ЯЁ0-9«\"(*-])|(?<=;)\s+|\n+")
_WORD_RE = re.compile(r"\w{2,}")
# A line break inside a hard-wrapped sentence: a long line that ends in a
# letter (an acronym too: "… achieve MAPE / below 10%"), a digit, a comma, ")"
# or "%", followed by a lower-case word. Short lines ("- recall")
# are list items, not wrapped prose, and stay apart.
# (The newline comes first so the engine scans for it, not tries every position.)
_SOFT_WRAP_RE = re.compile(r"\n(?<=[^\n]{39}[a-zA-Zа-яА-ЯёЁ0-9,)%]\n)(?=[a-zа-яё])")


def _unwrapped(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped sentences made spaces (same length)."""
    return _SOFT_WRAP_RE.sub(" ", text) if "\n" in text else text


def _unwrapped_items(block: Block) -> str:
    """A list's text with hard wraps inside an item made spaces; items stay on their own lines."""
    text = block.text
    if "\n" not in text or len(block.starts) != text.count("\n") + 1:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for k in range(1, len(lines)):
        # only a line that continues its item may be the rest of a wrapped sentence
        joined = not block.starts[k] and _SOFT_WRAP_RE.search(lines[k - 1] + "\n" + lines[k]) is not None
        out.append((" " if joined else "\n") + lines[k])
    return "".join(out)


@dataclass(frozen=True)
class Scope:
    """The sections a rule is about, their text, and where to report."""

    anchor: Section
    sections: tuple[Section, ...]
    text: str  # with the sections' own headings

    @property
    def body(self) -> str:
        """Text without the sections' own headings ("Rollback plan" is no action)."""
        return without_placeholders("\n".join(clean_text(s) for s in self.sections))

    def blocks(self) -> Iterator[Block]:
        for sec in self.sections:
            yield from sec.all_blocks()


# A template's chapter summary pasted under each heading: the ML System Design
# book closes every chapter with "Key takeaways:" and a numbered list of
# general advice, and course docs built on it keep that list under their own
# text. It is the book's text, not the author's: rules do not read it.
_TAKEAWAYS_RE = re.compile(r"^[ \t]*(?:key takeaways|main takeaways|ключевые выводы главы)[ \t]*:?[ \t]*$", re.I | re.M)


def _block_text(block: Block) -> tuple[str, bool]:
    """The block's text up to a takeaways label; and whether the label ends the block.

    A label that ends its block ("Key takeaways:" as a paragraph of its own)
    heads the list that follows, which is cut too.
    """
    text = block.text
    if "akeaway" not in text and "AKEAWAY" not in text and "ыводы главы" not in text and "ЫВОДЫ ГЛАВЫ" not in text:
        return text, False
    m = _TAKEAWAYS_RE.search(text)
    if m is None:
        return text, False
    return text[: m.start()].rstrip("\n"), not text[m.end() :].strip()


def clean_own_text(sec: Section) -> str:
    """``Section.own_text`` without pasted template summaries ("Key takeaways")."""
    parts: list[str] = []
    heads_list = False
    for b in sec.blocks:
        if b.type in ("code", "template"):
            heads_list = False
            continue
        if heads_list and b.type == "list":
            heads_list = False
            continue
        text, heads_list = _block_text(b)
        if text and b.type == "paragraph":
            text = _unwrapped(text)  # one paragraph: its line breaks may be hard wraps
        elif text and b.type == "list" and text == b.text:
            text = _unwrapped_items(b)  # an item's own lines may be hard wraps too
        if text:
            parts.append(text)
    return "\n".join(parts)


def clean_text(sec: Section) -> str:
    """``Section.text`` without pasted template summaries ("Key takeaways")."""
    parts = [clean_own_text(sec)]
    for child in sec.children:
        parts.append(child.title)
        parts.append(clean_text(child))
    return "\n".join(p for p in parts if p)


_T = TypeVar("_T")
_MEMOS: list[dict[Any, Any]] = []


def forget() -> None:
    """Drop what was memoised about earlier docs (the linter calls this after each)."""
    for memo in _MEMOS:
        memo.clear()
    _without_placeholders.cache_clear()


def per_doc(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Memoise ``fn(doc, *args)`` for the few docs being linted.

    Every rule of a family asks the same question of the same doc (where is
    the A/B section, is it deferred, what is the doc's text); this answers
    it once. Keyed by the doc's identity, so only the last few docs are kept.
    """
    memo: dict[tuple[Any, ...], tuple[Document, _T]] = {}
    _MEMOS.append(memo)

    @wraps(fn)
    def wrapper(doc: Document, *args: Any, **kwargs: Any) -> _T:
        key = (id(doc), args, tuple(sorted(kwargs.items())))
        hit = memo.get(key)
        if hit is not None and hit[0] is doc:
            return hit[1]
        value = fn(doc, *args, **kwargs)
        if len(memo) >= 256:
            memo.clear()
        memo[key] = (doc, value)
        return value

    return wrapper


@per_doc
def doc_text(doc: Document) -> str:
    """The whole document's text as the content rules read it (``Document.text`` minus template summaries)."""
    return doc.root.title + "\n" + clean_text(doc.root)


def section_text(sections: Iterable[Section]) -> str:
    """Titles and text of sections; nested duplicates are read once."""
    seen: set[int] = set()
    parts: list[str] = []
    for sec in sections:
        if sec.line in seen:
            continue
        for sub in sec.walk():
            seen.add(sub.line)
        parts.append(sec.title)
        parts.append(clean_text(sec))
    return without_placeholders("\n".join(p for p in parts if p))


def without_placeholders(text: str) -> str:
    """Text minus lines that still hold a placeholder.

    "Significance level (α): TODO: set α" is a template line, not a stated
    α: content rules must not read it (``placeholder-text`` reports it).
    """
    return _without_placeholders(text)


# Template leftovers that are not placeholders by themselves: a slot whose whole
# value is one angle-bracket word ("- Primary metric: <metric>") and an italic
# instruction to the author ("_Describe the output, who uses it…_").
_SLOT_RE = re.compile(
    r"^\s*(?:[-*+•]\s+|\d+[.)]\s+)?(?:\*\*|__)?[^:\n<>|]{1,60}?(?:\*\*|__)?\s*[:—–]\s*"
    r"(?:\*\*|__)?\s*<[^<>\n]{1,40}>\s*[.;]?\s*$"
)
_HINT_RE = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?:_|\*){0,2}\s*(?:"
    r"(?:describe|list|explain|state|specify|fill in|write|outline|provide|add|name)\s+"
    r"(?:the|your|here|what|who|whom|how|which|why|when|where|each|all|any)\b"
    r"|(?:опишите|укажите|перечислите|заполните|добавьте|напишите|объясните|приведите|"
    r"сформулируйте|назовите)\b"
    r")[^\n]*$",
    re.I,
)
# A bare label line: "- Must:", "**Hypothesis:**".
_BARE_LABEL_RE = re.compile(r"^\s*(?:[-*+•]\s+|\d+[.)]\s+)?(?:\*\*|__)?[^\n:]{1,40}?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*$")


# The hint pattern over a whole text, to find the lines worth a closer look.
# Its spaces must not cross a line end: over many blank lines `\s*` would
# backtrack cubically (and per line it never could).
_HINT_LINES_RE = re.compile(_HINT_RE.pattern.replace(r"\s", r"[^\S\n]"), re.I | re.M)


def is_template_line(line: str) -> bool:
    """A slot with only ``<word>`` as its value, or an italic instruction to the author."""
    return bool(_SLOT_RE.match(line) or _HINT_RE.match(line))


@lru_cache(maxsize=512)
def _without_placeholders(text: str) -> str:
    # Cached: several rules read the same section text.
    from designdoc.rules.structure import PLACEHOLDER_KEY_RE, find_placeholders

    lines = text.split("\n")
    low = text.lower()
    if len(low) == len(text):
        # Only lines holding a placeholder key or a hint can go: find them in
        # one scan of the text instead of testing every line.
        spans = [m.span() for m in PLACEHOLDER_KEY_RE.finditer(low)]
        spans += [m.span() for m in _HINT_LINES_RE.finditer(text)]
        if not spans:
            return text
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        candidates: set[int] = set()
        for a, b in spans:
            candidates.update(range(bisect_right(starts, a) - 1, bisect_right(starts, max(a, b - 1))))
    else:  # lower-casing moved offsets: look at every line
        candidates = set(range(len(lines)))

    kept: list[str] = []
    for i, line in enumerate(lines):
        if i not in candidates:
            kept.append(line)
            continue
        if is_template_line(line):
            continue
        if not find_placeholders(line):
            kept.append(line)
            continue
        # "Offline: MAE; TBD which threshold." keeps its first sentence; a line
        # that is one sentence with a placeholder ("α: TODO") goes entirely.
        parts = [p for p in _SENTENCE_END_RE.split(line) if p.strip()]
        if len(parts) > 1:
            rest = [p for p in parts if not find_placeholders(p)]
            if rest:
                kept.append(" ".join(rest))
    return "\n".join(kept)


def _has_real_text(sections: Iterable[Section]) -> bool:
    """Some line other than template slots, hints and bare labels."""
    body = without_placeholders("\n".join(clean_text(s) for s in sections))
    for line in body.split("\n"):
        if not any(ch.isalnum() for ch in line) or _BARE_LABEL_RE.match(line):
            continue
        return True
    return False


@per_doc
def scope(doc: Document, sid: str, *, one_pager: bool = True) -> Scope | None:
    """The rule's home: every section recognised as ``sid``.

    For a one-pager without such a sub-section, the What/How parts stand in
    for ``metrics``, ``data`` and ``priorities`` (``one_pager=False`` turns
    that off). None when nothing with real content is there.
    """
    sections = doc.sections_for(sid)
    if not sections and one_pager and doc.kind == "one-pager":
        sections = [s for home in ONE_PAGER_HOME.get(sid, ()) for s in doc.sections_for(home)]
    sections = [s for s in sections if s.has_content()]
    if not sections:
        return None
    if not any(is_written(doc, s) for s in sections) or not _has_real_text(sections):
        return None  # template labels, slots, hints and placeholders only
    return Scope(sections[0], tuple(sections), section_text(sections))


# A doc whose title names one part as a plan ("A/B Test Plan: …", «План
# A/B-экспериментов», "Rollback Plan — …", "Experiment design") plans that part
# alone: whole-doc questions are not asked of it. A product named after the
# part ("A/B testing platform", «Пилот: скоринг МСБ») or a design that also
# covers its rollback ("Churn model: design, canary release and rollback") is a
# whole design.
_PART_PLANS = frozenset({"ab_test", "rollback"})
_DESIGN_CORE = frozenset({"data", "modeling", "baselines", "requirements", "deployment", "monitoring"})
# The words that name a part; one of them must open the title (its first three
# words before a colon or a spaced dash, or a bracketed note there). "Pilot"
# often names the whole project («Пилот: скоринг МСБ»), so it is not one.
_PART_WORD_RE = re.compile(
    r"\b[aа]\s*/\s*[bб]\b|\bexperiment\w*|\bэксперимент\w*|\broll-?back|\bоткат\w*|\bsplit[- ]?test\w*|\bcanary\b",
    re.I,
)
# "Experiment" alone is ambiguous: an ML "Experiment Plan" with its data and
# models (offline experiments) is a whole design, not an A/B plan.
_EXPERIMENT_ONLY_RE = re.compile(r"\bexperiment\w*|\bэксперимент\w*", re.I)
_MODEL_CORE = frozenset({"data", "baselines", "modeling"})
_HEAD_WORD_RE = re.compile(r"[aа]\s*/\s*[bб]|[^\W\d_][\w/-]*")
# The words that make a title a plan of its part, in both languages; a design
# names a plan too, but "Design of a rollback-safe model" is no rollback procedure.
_PROCEDURE_WORDS = r"procedure|runbook|sop|plan|checklist|playbook|план\w*|регламент\w*|процедур\w*|инструкци\w*"
_PLAN_WORD_RE = re.compile(rf"\b(?:{_PROCEDURE_WORDS}|planning|design|дизайн\w*)\b", re.I)
_ROLLBACK_WORD = r"(?:roll-?back|откат\w*)"
# A rollback procedure whose title runs too long for the catalogue: the rollback
# word heads the title or sits next to the plan word ("Rollback Standard
# Operating Procedure", «Регламент отката модели»), not "Churn model: design,
# canary release and rollback".
_ROLLBACK_RE = re.compile(
    rf"^\W*(?:model\s+)?{_ROLLBACK_WORD}(?![\w-])"
    rf"|\b{_ROLLBACK_WORD}\s+(?:\w+\s+){{0,2}}?(?:{_PROCEDURE_WORDS})\b"
    rf"|\b(?:{_PROCEDURE_WORDS})\s+(?:for\s+|of\s+)?(?:a\s+|the\s+)?(?:model\s+|модели\s+)?{_ROLLBACK_WORD}\b",
    re.I,
)


def _own_title(doc: Document) -> str:
    """``Document.title`` when it is the doc's own (front matter or an opening H1), else ""."""
    if isinstance((doc.front_matter or {}).get("title"), str):
        return doc.title
    first = next((s for s in doc.sections() if not s.pseudo), None)
    return doc.title if first is not None and first.level == 1 else ""


@per_doc
def plans_one_part(doc: Document) -> bool:
    """The doc is the plan of one part (an experiment, a rollback), not a whole design."""
    from designdoc.catalog import bracket_notes, default_catalog, title_head

    title = _own_title(doc)
    # The part opens the title: "A/B Test Plan: cart recommendations",
    # «Регламент отката модели»; "Churn model: design and A/B test plan" and
    # "Fraud model with rollback plan" are whole designs.
    first = title_head(title)
    # (and a bracketed note: "Prospective validation design (A/B)")
    head = " ".join(_HEAD_WORD_RE.findall(first)[:3] + bracket_notes(first))
    if not _PART_WORD_RE.search(head):
        return False
    # A doc that designs its model is a whole design whatever its title says:
    # data, baselines and modelling all there ("A/B test plan: churn offers"
    # over goals, data, baselines, modelling), or for the ambiguous
    # "experiment" two of them. (An A/B "Experimental Design Plan" often has
    # goals with data-collection, deployment and requirements parts of its
    # own: those do not make it a whole design.)
    ids = {sec.id for sec in doc.sections()}
    if len(ids & _MODEL_CORE) == len(_MODEL_CORE):
        return False
    if all(_EXPERIMENT_ONLY_RE.fullmatch(m.group()) for m in _PART_WORD_RE.finditer(head)):
        if len(ids & _MODEL_CORE) >= 2:
            return False
    if not _PLAN_WORD_RE.search(title):
        # "A/B Testing Guardrails for Feed Ranking": no plan word, but the title
        # names the part and the doc designs nothing else (no data, model,
        # baseline, requirements, deployment or monitoring beyond one of them).
        # ("Pilot: SME scoring" names a project, not its pilot plan.)
        return len(ids & _DESIGN_CORE) <= 1 and default_catalog().match(title, doc.kind) in _PART_PLANS
    # "Rollback Standard Operating Procedure (SOP)": too long a title for the catalogue
    return default_catalog().match(title, doc.kind) in _PART_PLANS or bool(_ROLLBACK_RE.search(title))


def model_scope(doc: Document, sid: str, *, one_pager: bool = True) -> Scope | None:
    """``sid``'s scope for a question about the model's design (data, labels, baselines).

    A doc that plans one part only (:func:`plans_one_part`) designs no model:
    its "data collection" is the experiment's tracking, not training data.
    """
    return None if plans_one_part(doc) else scope(doc, sid, one_pager=one_pager)


@per_doc
def home_or(doc: Document, sid: str, *fallbacks: str) -> Scope | None:
    """``sid``'s scope, or for a whole-doc question the first of ``fallbacks`` present.

    Readiness and error costs are questions about the whole design: a doc
    without a requirements section still owes the answer, and the report goes
    to the first of ``fallbacks`` present (metrics, goals, …). Only full design
    docs fall back; a doc that plans one part only (:func:`plans_one_part`) is
    not asked.
    """
    if plans_one_part(doc):
        return None
    sc = scope(doc, sid, one_pager=False)
    # A one-pager owes no requirements section at all (DOMAIN: Why / What / How).
    # An unfilled section is empty-section's and placeholder-text's to report.
    if sc is not None or doc.sections_for(sid) or doc.kind != "full":
        return sc
    for other in fallbacks:
        sc = scope(doc, other, one_pager=False)
        if sc is not None:
            return sc
    return None


@per_doc
def text_of(doc: Document, *sids: str) -> str:
    """Joined text of every section recognised as one of ``sids``."""
    return section_text(s for sid in sids for s in doc.sections_for(sid))


@per_doc
def body_without(doc: Document, *sids: str) -> str:
    """Whole-document text minus the sections recognised as ``sids``."""
    skip = {s.line for sid in sids for top in doc.sections_for(sid) for s in top.walk()}

    def visit(sec: Section) -> Iterator[str]:
        if sec.line in skip and sec.level:
            return
        if sec.title:
            yield sec.title
        yield clean_own_text(sec)
        for child in sec.children:
            yield from visit(child)

    return without_placeholders("\n".join(p for p in visit(doc.root) if p))


def sentences(text: str) -> list[str]:
    """Rough sentences (and list items, table rows) of a text."""
    return [s.strip() for s in _SENTENCE_END_RE.split(text) if s.strip()]


def sentences_hit(concept: str, text: str) -> list[str]:
    """The sentences of ``text`` in which a hit of ``concept`` starts, in order.

    One scan of the whole text and a bisect per hit, instead of asking each
    sentence in turn (what :func:`sentences_with` does) on long texts.
    """
    hits = lexicon.find_all(concept, text)
    if not hits:
        return []
    # Boundaries as :func:`sentences` splits: (start, end) of each separator.
    seps = [(m.start(), m.end()) for m in _SENTENCE_END_RE.finditer(text)]
    ends = [a for a, _ in seps]
    out: list[str] = []
    seen: set[int] = set()
    for hit in hits:
        i = bisect_right(ends, hit.start)  # separators before the hit
        if i in seen:
            continue
        seen.add(i)
        start = seps[i - 1][1] if i else 0
        stop = seps[i][0] if i < len(seps) else len(text)
        sent = text[start:stop].strip()
        if sent:
            out.append(sent)
    return out


def sentences_with(concept: str, text: str) -> str:
    """The sentences of ``text`` in which ``concept`` occurs, joined."""
    return "\n".join(s for s in sentences(text) if lexicon.has(concept, s))


def tables(blocks: Iterable[Block]) -> Iterator[Block]:
    return (b for b in blocks if b.type == "table" and len(b.rows) >= 2)


def column(block: Block, header_concept: str) -> list[str] | None:
    """Cells of the first column whose header names ``header_concept``."""
    header = block.rows[0]
    for i, cell in enumerate(header):
        if lexicon.has(header_concept, cell):
            return [row[i] if i < len(row) else "" for row in block.rows[1:]]
    return None


def closest(concept: str, text: str, width: int = 60) -> str | None:
    """A short quote around the first hit of ``concept``, for messages."""
    hit = lexicon.find(concept, text)
    if hit is None:
        return None
    quote = text[hit.start : min(len(text), hit.start + width)].split("\n")[0].strip()
    return quote
