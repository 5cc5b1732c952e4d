"""Vocabulary of the content rules, kept as data in en.yaml and ru.yaml.

A *concept* ("significance", "online_metric", "moscow_must", …) is a list of
phrases and regexes (see the header of en.yaml). The two language files are
merged: Russian docs use English terms and the other way round. Files are
read once per process and each concept is compiled on first use.

    >>> from designdoc import lexicon
    >>> lexicon.find("significance", "α = 0.05, power 0.8").text
    'α = 0.05'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Match", "concepts", "find", "find_all", "has", "normalise"]

_FLAGS = re.I | re.M
_MACRO_RE = re.compile(r"\{([a-z_]+)\}")
# Same-length replacements only, so match offsets stay valid in the original.
# (U+0138 "ĸ" is a look-alike of Cyrillic «к» that some converters put in Russian text.)
_NORMALISE = (("ё", "е"), ("Ё", "Е"), ("−", "-"), ("\u2011", "-"), ("\u00a0", " "), ("’", "'"), ("ĸ", "к"))


@dataclass(frozen=True)
class Match:
    """One hit of a concept in a text (offsets into that text)."""

    concept: str
    start: int
    end: int
    text: str
    groups: tuple[str | None, ...] = ()


def normalise(text: str) -> str:
    """The form texts are matched in: ё→е, ĸ→к, minus and odd dashes → '-'."""
    # str.replace per character: several times faster than str.translate
    # with a table, and most texts hold none of these characters.
    for old, new in _NORMALISE:
        if old in text:
            text = text.replace(old, new)
    return text


@lru_cache(maxsize=256)
def _forms(text: str) -> tuple[str, str]:
    """(normalised, lower-cased normalised) text; cached, as every concept asks again."""
    norm = normalise(text)
    return norm, norm.lower()


@lru_cache(maxsize=1)
def _raw() -> tuple[dict[str, str], dict[str, dict[str, list[str]]]]:
    """Macros and concepts of both language files, merged (read once)."""
    from designdoc import datafiles

    macros: dict[str, str] = {}
    concepts: dict[str, dict[str, list[str]]] = {}
    here = Path(__file__).parent
    for name in ("en.yaml", "ru.yaml"):
        data = datafiles.load(here / name) or {}
        macros.update(data.get("macros") or {})
        for concept, spec in (data.get("concepts") or {}).items():
            entry = concepts.setdefault(concept, {"match": [], "exclude": []})
            for key in ("match", "exclude"):
                for item in (spec or {}).get(key) or ():
                    # `- re: '...'` is a one-key mapping in YAML.
                    if isinstance(item, dict) and set(item) == {"re"}:
                        entry[key].append("re:" + str(item["re"]))
                    elif isinstance(item, (str, int, float)):
                        entry[key].append(str(item))
                    else:
                        raise ValueError(f"lexicon {name}: bad entry {item!r} in {concept}.{key}")
    return macros, concepts


def _expand(pattern: str, macros: dict[str, str]) -> str:
    # Macros may use macros; two passes cover the nesting we have.
    for _ in range(3):
        new = _MACRO_RE.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if new == pattern:
            break
        pattern = new
    return pattern


def _phrase(phrase: str) -> str:
    """Regex for a plain phrase: whole words, flexible separators, `*` stems."""
    words = phrase.strip().split()
    parts = []
    for word in words:
        if word == "*":
            parts.append(r"\w+")
        elif word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(normalise(word)))
    body = r"[\s_\-]+".join(parts)
    head = r"(?<!\w)" if words and re.match(r"\w", words[0]) else ""
    last = words[-1] if words else ""
    tail = r"(?!\w)" if last and not last.endswith("*") and re.search(r"\w$", last) else ""
    return head + body + tail


def _entry(entry: str, macros: dict[str, str]) -> str:
    if entry.startswith("re:"):
        return _expand(entry[3:].strip(), macros)
    return _phrase(entry)


class _Pattern:
    """One lexicon entry, compiled on first use and skipped cheaply when it cannot hit.

    ``keys`` are lower-case literals one of which every hit contains (a
    phrase's first fixed word part, or what a hand-written regex starts
    with): when the text lacks them all the regex is neither run nor
    compiled. Most of a doc's concepts are absent from most texts, so this
    saves both start-up (compiling ~1,300 patterns) and scanning.

    When every hit *starts* with a key (``leading``), the regex is only tried
    where ``str.find`` puts a key: case-insensitive patterns that open with a
    look-behind get no literal-prefix speed-up from ``re`` and would
    otherwise be tried at every position of the text.
    """

    __slots__ = ("keys", "leading", "source", "_rx")

    def __init__(self, source: str, anchor: str | None, leading: bool) -> None:
        self.source = source
        self.keys: tuple[str, ...] | None = (anchor,) if anchor is not None else _regex_anchors(source)
        self.leading = leading or (anchor is None and self.keys is not None)
        self._rx: re.Pattern[str] | None = None

    def finditer(self, norm: str, lower: str) -> Iterator[re.Match[str]]:
        """Hits in ``norm``, left to right and non-overlapping, like ``re.finditer``."""
        keys = self.keys
        if keys is not None and not any(k in lower for k in keys):
            return iter(())
        if self._rx is None:
            self._rx = re.compile(self.source, _FLAGS)
        # Offsets in ``lower`` are offsets in ``norm`` only when lower-casing
        # kept the length (a few letters, such as "İ", grow).
        if keys is None or not self.leading or len(lower) != len(norm):
            return self._rx.finditer(norm)
        return self._at_keys(self._rx, keys, norm, lower)

    @staticmethod
    def _at_keys(
        rx: re.Pattern[str], keys: tuple[str, ...], norm: str, lower: str
    ) -> Iterator[re.Match[str]]:
        starts: list[int] = []
        for key in keys:
            pos = lower.find(key)
            while pos >= 0:
                starts.append(pos)
                pos = lower.find(key, pos + 1)
        if len(keys) > 1:
            starts = sorted(set(starts))
        done = 0  # end of the last hit: finditer never overlaps hits
        for pos in starts:
            if pos < done:
                continue
            m = rx.match(norm, pos)
            if m is not None:
                yield m
                done = max(m.end(), pos + 1)


def _anchor(entry: str) -> tuple[str | None, bool]:
    """A phrase's literal key and whether every hit starts with it."""
    if entry.startswith("re:"):
        return None, False
    for i, word in enumerate(entry.strip().split()):
        literal = normalise(word.rstrip("*")).lower()
        if literal:
            return literal, i == 0
    return None, False


_LETTERS_RE = re.compile(r"[a-zа-яё]+")
_LEAD_RE = re.compile(r"^(?:\\b|\(\?<!\\w\))")  # \b or (?<!\w) at the very start


def _regex_anchors(source: str) -> tuple[str, ...] | None:
    """Literals one of which every match of a hand-written regex must contain, or None.

    Understood forms: ``\bword…`` and ``\b(?:alt1|alt2|…)…`` whose
    alternatives start with letters. A letter made optional by a following
    ``?``, ``*`` or ``{`` is cut off. Anything else: no prefilter (None).
    """
    m = _LEAD_RE.match(source)
    if not m or _top_level_alternation(source):
        return None  # "\bfoo…|\bbar…": the first branch's key would gate out the second
    rest = source[m.end():]
    if rest.startswith("(?:"):
        depth, i, alts, start = 0, 3, [], 3
        while i < len(rest):
            c = rest[i]
            if c == "\\":
                i += 2
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    if rest[i + 1 : i + 2] in ("?", "*", "{"):
                        return None  # the group itself is optional
                    alts.append(rest[start:i])
                    break
                depth -= 1
            elif c == "|" and depth == 0:
                alts.append(rest[start:i])
                start = i + 1
            i += 1
        else:
            return None
    else:
        alts = [rest]
    anchors = []
    for alt in alts:
        lm = _LETTERS_RE.match(alt.lower())
        if not lm:
            return None
        word = lm.group(0)
        if alt[lm.end():lm.end() + 1] in ("?", "*", "{"):
            word = word[:-1]
        if len(word) < 2:
            return None
        anchors.append(word)
    return tuple(sorted(set(anchors)))


def _top_level_alternation(source: str) -> bool:
    """Whether ``source`` has a ``|`` outside every group and character class."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1  # "[]…]": a leading "]" is a literal
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


class _Concept:
    """A concept's compiled patterns, and a one-scan test for all their keys.

    ``gate`` finds any key of the keyed include patterns in one scan: when it
    finds none, only the ``unkeyed`` patterns can hit. It is compiled once
    the concept has been asked about a few texts (a one-file run asks most
    concepts only two or three times, and compiling ~50 gates would cost
    more than it saves there).
    """

    __slots__ = ("include", "exclude", "unkeyed", "keys", "gate", "uses")
    GATE_AFTER = 8

    def __init__(self, include: tuple[_Pattern, ...], exclude: tuple[_Pattern, ...]) -> None:
        self.include = include
        self.exclude = exclude
        self.unkeyed = tuple(p for p in include if p.keys is None)
        self.keys = sorted({k for p in include if p.keys for k in p.keys}, key=len, reverse=True)
        self.gate: re.Pattern[str] | None = None
        self.uses = 0

    def candidates(self, lower: str) -> tuple[_Pattern, ...]:
        """The include patterns that may hit in ``lower``."""
        if not self.keys:
            return self.include
        if self.gate is None:
            self.uses += 1
            if self.uses < self.GATE_AFTER:
                return self.include  # each pattern still tests its own keys
            self.gate = re.compile("|".join(map(re.escape, self.keys)))
        return self.include if self.gate.search(lower) else self.unkeyed


@lru_cache(maxsize=None)
def _compiled(concept: str) -> _Concept:
    macros, concepts = _raw()
    spec = concepts.get(concept)
    if spec is None:
        raise KeyError(f"unknown lexicon concept {concept!r}")
    # Separate patterns (not one alternation) keep group numbering
    # (must_share) and per-entry prefilters simple.
    inc = tuple(_Pattern(_entry(e, macros), *_anchor(e)) for e in spec["match"])
    exc = tuple(_Pattern(_entry(e, macros), *_anchor(e)) for e in spec["exclude"])
    return _Concept(inc, exc)


def concepts() -> list[str]:
    """Names of every concept in the lexicon."""
    return sorted(_raw()[1])


def find_all(concept: str, text: str) -> list[Match]:
    """Every hit of ``concept`` in ``text``, in order, minus excluded spans."""
    return list(_find_all(concept, text))


@lru_cache(maxsize=1024)
def _find_all(concept: str, text: str) -> tuple[Match, ...]:
    if not text:
        return ()
    c = _compiled(concept)
    inc, exc = c.include, c.exclude
    norm, lower = _forms(text)
    vetoed = [(m.start(), m.end()) for p in exc for m in p.finditer(norm, lower)]
    hits: dict[tuple[int, int], Match] = {}
    for p in inc:
        for m in p.finditer(norm, lower):
            s, e = m.span()
            if e == s or any(vs <= s and e <= ve for vs, ve in vetoed):
                continue
            hits.setdefault((s, e), Match(concept, s, e, text[s:e], m.groups()))
    return tuple(sorted(hits.values(), key=lambda h: (h.start, -h.end)))


def forget_texts() -> None:
    """Empty the per-text caches (the linter calls this after each doc)."""
    _forms.cache_clear()
    _find_all.cache_clear()
    has.cache_clear()


def find(concept: str, text: str) -> Match | None:
    """The first hit of ``concept`` in ``text``, or None."""
    hits = find_all(concept, text)
    return hits[0] if hits else None


@lru_cache(maxsize=1024)
def has(concept: str, text: str) -> bool:
    """Whether ``concept`` occurs in ``text`` (stops at the first valid hit).

    Cached: rules ask the same question of the same section or sentence.
    """
    if not text:
        return False
    c = _compiled(concept)
    exc = c.exclude
    norm, lower = _forms(text)
    inc = c.candidates(lower)
    vetoed: list[tuple[int, int]] | None = None
    for p in inc:
        for m in p.finditer(norm, lower):
            s, e = m.span()
            if e == s:
                continue
            if exc and vetoed is None:
                vetoed = [(v.start(), v.end()) for x in exc for v in x.finditer(norm, lower)]
            if not vetoed or not any(vs <= s and e <= ve for vs, ve in vetoed):
                return True
    return False
