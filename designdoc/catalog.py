"""The section catalogue and heading matching.

Headings are matched to section ids after normalisation: lower-case, ё→е,
numbering ("1.2.", "I.", "Этап 3.") and decorations (emoji, anchors, role
tags in backticks, HTML) stripped, filler words dropped, and each word cut to
a rough stem so "Metric"/"Metrics" and "Метрики"/"Метрик" meet. A synonym
matches when all its stems appear in the heading; the most specific synonym
(the one covering most of the heading) wins, so word order and extra words
are tolerated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

REQUIRED_LEVELS = ("draft", "review", "optional")

_ANCHOR_RE = re.compile(r"\{#[^}]*\}|<a\s[^>]*>\s*</a>|<[^>]+>")
_BACKTICK_RE = re.compile(r"`[^`]*`")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# Leading enumeration: "1.", "1.2.3", "1)", "I.", "iv)", "A.", "Этап 3.", "Step 2:", "Part II -".
_NUMBERING_RE = re.compile(
    r"^\s*(?:(?:этап|шаг|часть|раздел|глава|пункт|step|stage|part|section|chapter|phase|фаза)\s+)?"
    r"(?:\d+(?:[.\-]\d+)*|[ivxlc]+|[a-zа-я])(?:[.)\]:]|\s*[-–—])\s*",
    re.I,
)
# Long headings are retried on their first words (see ``Catalog.match``).
_PREFIX_WORDS = 3
_PREFIX_MIN_WORDS = 5
_STAGE_WORDS = frozenset({"", "этап", "шаг", "step", "stage", "phase", "фаза", "итерация", "iteration"})
# An enumerated alternative before a colon or dash ("Plan B — Sentiment
# surprise", "Option 2: …", «Вариант Б — …») numbers the options and names no
# section: the heading is what follows it.
_ENUMERATED_RE = re.compile(
    r"^\W*(?:plan|option|variant|scenario|alternative|план|вариант|сценарий)\s+(?:[a-zа-яё]|\d+)\b\s*[:—–-]\s*(\S.*)$",
    re.I,
)
# A stage or step enumerator written loosely: "Этап - 2 анализ …", "Этап №3 …",
# "Stage 2 data prep", or the bare "Этап 3" left before a dash ("Этап 3 — …").
# The stage word with its number is an enumerator, not the word "stages" of a plan.
_STAGE_RE = re.compile(
    r"^\s*(?:этап|шаг|step|stage|phase|фаза|итерация|iteration|sprint|спринт)\s*(?:№\s*|#\s*)?"
    r"(?:[-–—]\s*)?\d+(?:[.\-]\d+)*(?:[.)\]:]|\s*[-–—]|\s+|$)\s*",
    re.I,
)
_PURE_NUMBER_RE = re.compile(r"^\s*\d+(?:\.\d+)*\s+")
# "A/B", «АБ-тест» in lower-cased text (headings here; rules/ab_test reads body text with it).
AB_RE = re.compile(r"\b[aа]\s*/\s*[bб]\b|\b[aа]\s*[bб]\b(?=[\s\-–—]*(?:тест|test|эксп|exp|split|сплит))")
_WORD_RE = re.compile(r"[a-zа-я0-9]+")
_MARKUP_RE = re.compile(r"[*_~#]+")
_LEADING_SYMBOLS_RE = re.compile(r"^[^\w(\[]+")
_AB_SLASH_RE = re.compile(r"^\s*[aа]\s*/")
# Headings repeat across a repo's docs ("Metrics", "Метрики"): memoise the
# pure string functions and each catalogue's matches, bounded.
_MEMO_MAX = 4096

# One tier of a ranked list ("Priority A — Fast wins", "Priority 2: nice to have",
# «Приоритет 1 — …») is an item of some list, not the MoSCoW section, unless it
# names a MoSCoW category ("Priority 1 (Must have)").
# (Latin letters only: «Приоритет в MVP» is a preposition, not tier "В".)
_TIER_RE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:priority|приоритет)\s*(?:№\s*|#\s*)?(?:[a-e]|\d+|p\d)(?![\w/])", re.I
)
# The model's own output in a risk-scoring product ("Risk Stratification",
# "Risk Aggregation", «Стратификация риска») is a modelling topic, not the doc's
# risk register; adjacency matters: "Risk assessment and scoring" is one.
# ("Risk estimation", "Risk classification", «Прогноз рисков» head registers too.)
_RISK_OUTPUT_RE = re.compile(
    r"\brisk[- ](?:scor|predict|aggregat|stratif|threshold)\w*"
    r"|\b(?:предсказани|стратификаци|агрегаци|порог)\w*\s+риск\w*|\bриск[- ]?скоринг\w*",
    re.IGNORECASE,
)
_MOSCOW_WORD_RE = re.compile(
    r"\b(?:must|should|could|won'?t|wont|moscow|nice[- ]to[- ]have)\b|обязательн|желательн|не будем|не делаем",
    re.I,
)
# A bracketed note or translation beside a title: "[at the approval stage]", "(Constraints)".
_BRACKET_RE = re.compile(r"\[[^\[\]]*\]|\([^()]*\)")
# Sections whose own checks run only when a heading names them (see _CONJUNCTION_RE).
_PLANS = ("ab_test", "rollback")
# "Baseline и метрики выбора": two topics joined by a conjunction, each too
# short a share of the heading to match on its own.
_CONJUNCTION_RE = re.compile(r"\s+(?:and|or|и|или|&|\+)\s+", re.IGNORECASE)
# Text after the first colon or spaced dash of a heading is a summary, not its title.
_HEAD_RE = re.compile(r"\s*[:：]\s|\s[—–-]\s")


def title_head(title: str) -> str:
    """A heading's title before its summary: "Эксперимент: сплит по магазинам" → "Эксперимент"."""
    return _HEAD_RE.split(title, maxsplit=1)[0]


def bracket_notes(title: str) -> list[str]:
    """The words inside a heading's brackets: "Ограничения (Constraints)" → ["Constraints"]."""
    return [note[1:-1] for note in _BRACKET_RE.findall(title)]


# Filler words that ask a question: the meaning of "why ML", «что делаем».
_QUESTION_WORDS = frozenset({"why", "how", "what", "как", "что"})
FILLER = frozenset(
    """a an the and or of for to in on with our we do does is are be will how what why which
    ll re ve d s
    this that its it by as at from into your my about them they their
    и или а в во на по для с со к ко о об от до из за при как что это наш наша наши мы
    они их них ними""".split()
)
# Words whose presence alone decides nothing ("how" and "what" are one-pager
# ids only when they stand alone; see ``match``).
_RU_ENDINGS = sorted(
    """иями ами ями ого его ому ему ыми ими ием иям иях ах ях ов ев ей ий ый ой ая яя ое ее ые ие ия ию ии
    ом ем ам ям ую юю а я о е ы и у ю ь""".split(),
    key=len,
    reverse=True,
)


@lru_cache(maxsize=_MEMO_MAX)
def _stem(word: str) -> str:
    if word and "а" <= word[0] <= "я":
        for end in _RU_ENDINGS:
            if word.endswith(end) and len(word) - len(end) >= 3:
                return word[: -len(end)]
        return word
    if len(word) <= 3:
        return word
    for end, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if word.endswith(end) and len(word) - len(end) >= 3 and not word.endswith("ss"):
            word = word[: -len(end)] + repl
            break
    if len(word) > 4 and word[-1] == word[-2]:  # modell -> model
        word = word[:-1]
    return word


@lru_cache(maxsize=_MEMO_MAX)
def normalise_heading(title: str) -> str:
    """Canonical lower-case form of a heading for matching."""
    t = title.replace("\u00a0", " ")
    t = _LINK_RE.sub(r"\1", t)
    t = _BACKTICK_RE.sub(" ", t)
    t = _ANCHOR_RE.sub(" ", t)
    t = t.lower().replace("ё", "е")
    t = _MARKUP_RE.sub(" ", t).strip()
    # Emoji and other symbols before numbering: "📊 2. Metrics".
    t = _LEADING_SYMBOLS_RE.sub("", t)
    for _ in range(2):
        t = _STAGE_RE.sub("", t, count=1)
        new = _NUMBERING_RE.sub("", t, count=1)
        # "I. Goals" but not "a/b test" nor the lone word "a": only strip a
        # single-letter enumerator when punctuation follows it.
        if new != t and not _AB_SLASH_RE.match(t):
            t = new
        t = _PURE_NUMBER_RE.sub("", t, count=1)
    t = AB_RE.sub(" ab ", t)
    t = t.replace("ab-", "ab ").replace("а/б", "ab")
    return " ".join(_WORD_RE.findall(t))


def heading_stems(title: str) -> frozenset[str]:
    # A number inside a title ("Baseline for stage 2", "Top 10 risks") enumerates;
    # it is not a word the synonyms could share.
    words = normalise_heading(title).split()
    return frozenset(_stem(w) for w in words if w not in FILLER and not w.isdigit())


@dataclass(frozen=True)
class SectionSpec:
    """One catalogue entry."""

    id: str
    kinds: tuple[str, ...]
    required: str  # draft | review | optional
    title: dict[str, str]
    synonyms: tuple[str, ...]
    # Words that name the section wherever they stand in a heading nothing else names
    # ("Manual rollback procedure"): see ``Catalog.match``.
    decisive: tuple[str, ...] = ()


@dataclass
class Catalog:
    """Section ids per kind, with heading synonyms compiled for matching."""

    kinds: dict[str, tuple[str, ...]]
    sections: dict[str, SectionSpec]
    not_sections: tuple[str, ...] = ()
    howto_headings: tuple[str, ...] = ()
    not_section_titles: tuple[str, ...] = ()
    # (stems, id, filler-free form, question words the heading must hold: see _build)
    _index: list[tuple[frozenset[str], str, str, frozenset[str]]] = field(default_factory=list, repr=False)
    _exact: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _never: list[frozenset[str]] = field(default_factory=list, repr=False)
    _memo: dict[tuple[str, str | None], str | None] = field(default_factory=dict, repr=False)
    # how-to phrases as filler-free word tuples (built on first use), and answers per title
    _howto_forms: set[tuple[str, ...]] | None = field(default=None, repr=False)
    _howto_memo: dict[str, bool] = field(default_factory=dict, repr=False)
    _not_titles: set[str] | None = field(default=None, repr=False)  # built on first use
    # stem -> positions in _index of the synonyms filed under it (each under one
    # of its stems): a synonym can only match a heading holding that stem.
    _by_stem: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._index:  # a prebuilt index comes from the wheel's snapshot
            self._build()

    def index_json(self) -> dict[str, Any]:
        """The matching index as JSON data (the wheel build stores it; see :func:`default_catalog`)."""
        return {
            "index": [[sorted(stems), sid, norm, sorted(cues)] for stems, sid, norm, cues in self._index],
            "exact": self._exact,
            "never": [sorted(stems) for stems in self._never],
            "by_stem": self._by_stem,
        }

    def _build(self) -> None:
        self._index.clear()
        self._memo.clear()
        self._by_stem.clear()
        self._exact.clear()
        self._never = [s for s in (heading_stems(p) for p in self.not_sections) if s]
        for spec in self.sections.values():
            for syn in spec.synonyms:
                full = normalise_heading(syn)
                norm = " ".join(w for w in full.split() if w not in FILLER)
                # A question word left out of the stems still carries the meaning
                # of a short synonym: "Why ML" is not any heading with "ML" in
                # it, "How will we test it" not any with "test". Such a synonym
                # matches only headings that hold its question word.
                cues = frozenset(w for w in full.split() if w in _QUESTION_WORDS)
                if len(norm.split()) > 1:
                    cues = frozenset()
                # Exact forms with and without filler words: "Why" is all filler.
                for form in {full, norm} - {""} - ({norm} if cues else set()):
                    ids = self._exact.setdefault(form, [])
                    if spec.id not in ids:
                        ids.append(spec.id)
                stems = heading_stems(syn)
                if stems:
                    self._by_stem.setdefault(min(stems), []).append(len(self._index))
                    self._index.append((stems, spec.id, norm, cues))

    def with_extra(self, synonyms: dict[str, list[str]], required: list[str] | None = None) -> Catalog:
        """A copy with extra synonyms and extra required sections (from config).

        A required section joins every kind's list (so a team can demand, say,
        `metrics` in one-pagers) and is required from `review` on.
        """
        sections = dict(self.sections)
        kinds = dict(self.kinds)
        for sid, extra in synonyms.items():
            spec = sections[sid]
            sections[sid] = SectionSpec(
                spec.id, spec.kinds, spec.required, spec.title, tuple(extra) + spec.synonyms, spec.decisive
            )
        for sid in required or []:
            spec = sections[sid]
            level = "review" if spec.required == "optional" else spec.required
            sections[sid] = SectionSpec(spec.id, spec.kinds, level, spec.title, spec.synonyms, spec.decisive)
            for kind, ids in kinds.items():
                if sid not in ids:
                    kinds[kind] = (*ids, sid)
        return Catalog(kinds, sections, self.not_sections, self.howto_headings, self.not_section_titles)

    def ids_for(self, kind: str | None) -> tuple[str, ...]:
        return self.kinds.get(kind or "", ())

    def allowed(self, kind: str | None) -> tuple[set[str], set[str]]:
        """(primary ids, secondary ids) that headings of a ``kind`` doc may map to."""
        if kind is None:
            return set(self.sections), set()
        primary = set(self.kinds.get(kind, ()))
        # One-pagers and hypothesis cards may use full-doc sections inside.
        secondary = set(self.kinds.get("full", ())) - primary if kind != "full" else set()
        return primary, secondary

    def match(self, title: str, kind: str | None = None) -> str | None:
        """The section id a heading means, or None."""
        key = (title, kind)
        if key in self._memo:
            return self._memo[key]
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        if (_TIER_RE.match(title) and not _MOSCOW_WORD_RE.search(title)) or self._not_a_section(title):
            self._memo[key] = None
            return None
        enumerated = _ENUMERATED_RE.match(title)
        if enumerated:
            found = self.match(enumerated.group(1), kind)
            self._memo[key] = found
            return found
        found = self._match(title, kind)
        if found is None:
            # "Эксперимент: сплит по магазинам, 4 недели" / "Rollout — plan B":
            # the words before a colon or dash are the title, the rest a summary.
            head = title_head(title)
            # "Этап - 2 …": a lone stage word before the dash is an enumerator.
            if head.strip() and head != title and normalise_heading(head) not in _STAGE_WORDS:
                found = self._match(head, kind)
        if found is None and ("[" in title or "(" in title):
            # "Conducting a pilot [at the approval stage]", "Ограничения (Constraints)":
            # a bracketed note or a translation beside the title; try the title
            # without it, then the bracket's own words.
            bare = _BRACKET_RE.sub(" ", title)
            if bare.strip() and bare != title:
                found = self._match(bare, kind)
            for inner in bracket_notes(title) if found is None else ():
                found = self._match(inner, kind)
                if found is not None:
                    break
        if found is None:
            # "Подготовка бейзлайн решения на основе LLaMA 3.2 …" / "Baseline
            # model trained on last year's orders with default settings": a
            # heading that opens with a synonym and runs on as a sentence. Its
            # opening words are the title; the rest dilutes the coverage.
            words = [w for w in normalise_heading(title).split() if w not in FILLER]
            if len(words) >= _PREFIX_MIN_WORDS:
                found = self._match(" ".join(words[:_PREFIX_WORDS]), kind)
        if found == "risks" and _RISK_OUTPUT_RE.search(title) and not self.names_exactly(title_head(title), "risks"):
            # Without the model-output phrase, the rest decides: nothing left
            # ("Risk Aggregation") is no register, a rest naming another section
            # ("… (Model 2 — XGBoost)") is that one, and a rest with words of
            # its own ("Risks: risk scoring model", «… и их митигация») stays risks.
            rest = _RISK_OUTPUT_RE.sub(" ", title)
            if not heading_stems(rest):
                found = None
            else:
                found = self.match(rest, kind) or "risks"
        if found is None:
            # When every topic of "X and Y" names a section, the first one
            # names the heading, unless another is just the name of an
            # experiment or rollback plan, whose own checks would otherwise
            # never run ("План раскатки и пилот", but "Сроки и этапы пилота" is
            # a timeline); "Что чем решается и почему" is one question.
            parts = _CONJUNCTION_RE.split(title)
            named = [self._match(p, kind) for p in parts] if 2 <= len(parts) <= 3 else []
            plans = (n for p, n in zip(parts, named) if n in _PLANS and self.names_exactly(p, n))
            found = next(plans, named[0] if named and all(named) else None)
        if found is None:
            found = self._decisive(title, kind)
        self._memo[key] = found
        return found

    def _not_a_section(self, title: str) -> bool:
        """Whether the heading is, up to numbering and case, one of ``not_section_titles`` ("4.5 Data Security").

        Filler words count here: "Data and security" names the data too.
        """
        if self._not_titles is None:
            self._not_titles = {normalise_heading(t) for t in self.not_section_titles}
        return normalise_heading(title) in self._not_titles

    def _decisive(self, title: str, kind: str | None) -> str | None:
        """The section one of whose decisive words the heading holds ("Manual rollback procedure").

        A word such as "rollback" is rare enough outside its own section that a
        heading holding it, which names no section by its synonyms (its other
        words dilute the coverage), is about that section.
        """
        stems = heading_stems(title)
        if not stems or len(stems) > 12:
            return None
        primary, secondary = self.allowed(kind)
        for spec in self.sections.values():
            if spec.decisive and (spec.id in primary or spec.id in secondary):
                if stems & {_stem(w) for w in spec.decisive}:
                    return spec.id
        return None

    def names_exactly(self, title: str, sid: str) -> bool:
        """Whether ``title`` is, up to filler words, one of ``sid``'s own names ("Risks", "# Why")."""
        full = normalise_heading(title)
        norm = " ".join(w for w in full.split() if w not in FILLER)
        return any(sid in self._exact.get(form, ()) for form in (full, norm) if form)

    def _match(self, title: str, kind: str | None) -> str | None:
        primary, secondary = self.allowed(kind)
        full = normalise_heading(title)
        norm = " ".join(w for w in full.split() if w not in FILLER)
        for form in (full, norm):
            ids = self._exact.get(form, []) if form else []
            for pool in (primary, secondary):
                for sid in ids:
                    if sid in pool:
                        return sid
        stems = heading_stems(title)
        if not stems or len(stems) > 12:
            return None  # a sentence, not a title
        if any(never <= stems for never in self._never):
            return None
        best: tuple[float, int, int, str] | None = None
        candidates = sorted(i for stem in stems for i in self._by_stem.get(stem, ()))
        words: set[str] | None = None
        for syn_stems, sid, _norm, cues in (self._index[i] for i in candidates):
            if sid not in primary and sid not in secondary:
                continue
            if cues:
                words = set(full.split()) if words is None else words
                if not cues & words:
                    continue
            if not syn_stems <= stems:
                continue
            coverage = len(syn_stems) / len(stems)
            if coverage < 0.34:
                continue
            key = (coverage, len(syn_stems), 1 if sid in primary else 0, sid)
            if best is None or key[:3] > best[:3]:
                best = key
        return best[3] if best else None

    def match_all(self, titles: list[str], kind: str | None) -> list[str | None]:
        return [self.match(t, kind) for t in titles]

    def opens_howto(self, title: str) -> bool:
        """Whether a heading opens a README's how-to part ("Installation & usage")."""
        if not self.howto_headings:
            return False
        found = self._howto_memo.get(title)
        if found is not None:
            return found
        if self._howto_forms is None:
            self._howto_forms = {_plain_words(p) for p in self.howto_headings} - {()}
        if len(self._howto_memo) >= _MEMO_MAX:
            self._howto_memo.clear()
        words = _plain_words(title)
        # The words must split into listed phrases, in order.
        ends = {0}
        for i in range(len(words)):
            if i in ends:
                ends.update(i + len(f) for f in self._howto_forms if words[i : i + len(f)] == f)
        found = self._howto_memo[title] = bool(words) and len(words) <= 6 and len(words) in ends
        return found

    def infer_kind(
        self, ids: list[str | None], levels: list[int] | None = None, titles: list[str] | None = None
    ) -> str:
        """Guess the kind of a doc without front matter from its matched headings.

        ``levels`` (one per id) lets why/what/how count only near the top of
        the outline: "Зачем / Что делаем" repeated under each option of a
        full doc does not make it a one-pager. A title (the first heading)
        that calls the doc a one-pager ("Churn model one-pager", "One-Page
        Project Description", «Одностраничник») makes it one; "One-page
        checkout" names a product, not the doc.
        """
        if titles and _ONE_PAGER_TITLE_RE.search(titles[0]):
            return "one-pager"
        found = {i for i in ids if i}
        scores = {k: len(found & set(v)) for k, v in self.kinds.items()}
        # why/what/how also match full-doc words; a one-pager needs two of them
        # and few full-doc sections of its own.
        # A card holds one experiment: two sibling ideas ("Гипотеза 1",
        # "Гипотеза 2") are a backlog of hypotheses inside a bigger doc.
        backlog = _idea_backlog(ids, levels, titles)
        if scores.get("hypothesis", 0) >= 3 and scores["hypothesis"] >= scores.get("full", 0) - 1 and not backlog:
            return "hypothesis"
        if levels is not None and len(levels) == len(ids):
            repeated = [lv for lv in set(levels) if levels.count(lv) >= 2]
            top = min(repeated or levels or [1])
            near_top = {i for i, lv in zip(ids, levels) if i and lv <= top + 1}
            scores["one-pager"] = len(near_top & set(self.kinds.get("one-pager", ())))
        if scores.get("one-pager", 0) >= 2 and scores.get("full", 0) <= 6:
            return "one-pager"
        return "full"


def _idea_backlog(ids: list[str | None], levels: list[int] | None, titles: list[str] | None) -> bool:
    """Several cards in one doc: a backlog of options, not one hypothesis card.

    Two numbered ideas at one level ("Гипотеза 1", "Гипотеза 2"), or an
    implementation or expected effect repeated at one level (under "Plan A"
    and "Plan B"). "Hypothesis" beside "Null hypothesis" is one card's H1 and H0.
    """
    if levels is None or titles is None or not (len(ids) == len(levels) == len(titles)):
        return False
    numbered = [lv for i, lv, t in zip(ids, levels, titles) if i == "idea" and re.search(r"\d", t)]
    if len(set(numbered)) < len(numbered):
        return True
    for part in ("implementation", "expected_effect"):
        at = [lv for i, lv in zip(ids, levels) if i == part]
        if len(set(at)) < len(at):
            return True
    return False


_ONE_PAGER_TITLE_RE = re.compile(
    r"\bone[\s-]?pager\b|\bone[\s-]?page\s+(?:project\s+)?(?:description|proposal|summary|overview|brief|doc\w*|memo)\b"
    r"|\bодностраничник\w*|\bван[\s-]?пейджер\w*",
    re.I,
)


def _plain_words(title: str) -> tuple[str, ...]:
    """A heading's normalised words without filler words."""
    return tuple(w for w in normalise_heading(title).split() if w not in FILLER)


def _load(data: dict[str, Any], built: dict[str, Any] | None = None) -> Catalog:
    kinds = {k: tuple(v) for k, v in data["kinds"].items()}
    sections: dict[str, SectionSpec] = {}
    for sid, entry in data["sections"].items():
        syn = entry.get("synonyms", {})
        words: list[str] = []
        for lang_words in syn.values():
            words.extend(lang_words)
        words.extend(entry["title"].values())
        sections[sid] = SectionSpec(
            id=sid,
            kinds=tuple(k for k, v in kinds.items() if sid in v),
            required=entry.get("required", "review"),
            title=dict(entry["title"]),
            synonyms=tuple(words),
            decisive=tuple(entry.get("decisive", ())),
        )
    howto = tuple(data.get("howto_headings", ()))
    not_titles = tuple(data.get("not_section_titles", ()))
    if built is None:
        return Catalog(kinds, sections, tuple(data.get("not_sections", ())), howto, not_titles)
    return Catalog(
        kinds,
        sections,
        tuple(data.get("not_sections", ())),
        howto,
        not_titles,
        _index=[(frozenset(stems), sid, norm, frozenset(cues)) for stems, sid, norm, cues in built["index"]],
        _exact={k: list(v) for k, v in built["exact"].items()},
        _never=[frozenset(stems) for stems in built["never"]],
        _by_stem={k: list(v) for k, v in built["by_stem"].items()},
    )


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The packaged catalogue (designdoc/catalog.yaml, or the wheel's JSON snapshot of it).

    A wheel's snapshot also carries the matching index built from it, tagged
    with the CRC of this module's source: it is used only when that matches,
    so an edited catalog.py never reads an index an older one built.
    """
    import zlib

    from designdoc import datafiles

    here = Path(__file__)
    snapshot = datafiles.snapshot(here.parent / "catalog.yaml")
    if snapshot is None:
        return _load(datafiles.load(here.parent / "catalog.yaml"))
    built = snapshot.get("index")
    try:
        if built and built["code_crc32"] == zlib.crc32(here.read_bytes()):
            return _load(snapshot["data"], built)
    except (OSError, KeyError, TypeError, ValueError):
        pass
    return _load(snapshot["data"])
