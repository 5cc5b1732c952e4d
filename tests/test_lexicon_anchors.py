"""The lexicon's literal prefilters never hide a real match."""

from __future__ import annotations

import re

import pytest

from designdoc import lexicon
from designdoc.lexicon import _regex_anchors


@pytest.mark.parametrize(
    "source, anchors",
    [
        (r"\b(?:users?|user[ _-]?ids?|sessions?)\s+split", ("session", "user")),
        (r"\bуров\w* значимости", ("уров",)),
        (r"\b(?:statistical )?power\s*=", None),  # optional group: no prefilter
        (r"\b(?:α|alpha)\s*=", None),  # an alternative without letters
        (r"(?<!\w)(?:a|bb)", None),  # too short to be worth it
        (r"1\s*-\s*β", None),
        (r"\bwords?\b", ("word",)),
        # a top-level alternation: the first branch's key would gate out the second
        (r"\bfoo\s+x|\bbar", None),
        (r"\b(?:foo|bar)\s+x|\bbaz", None),
        # "|" inside a group, a character class or escaped is no top-level alternation
        (r"\b(?:foo|bar)[|]x", ("bar", "foo")),
        (r"\bfoo\|bar", ("foo",)),
    ],
)
def test_regex_anchors(source: str, anchors: tuple[str, ...] | None) -> None:
    assert _regex_anchors(source) == anchors


def test_every_concept_agrees_with_and_without_prefilters() -> None:
    # Every pattern, run with and without its prefilter on texts made of the
    # lexicon's own phrases, finds the same hits.
    macros, concepts = lexicon._raw()
    corpus = " . ".join(e for spec in concepts.values() for e in spec["match"] if not e.startswith("re:"))
    corpus += " Alpha = 0,05, power 80%, MDE 2 п.п., split by user id, мощность 80%, уровень значимости 5%."
    norm, lower = lexicon._forms(corpus)
    for name in lexicon.concepts():
        c = lexicon._compiled(name)
        for p in c.include + c.exclude:
            fast = [m.span() for m in p.finditer(norm, lower)]
            slow = [m.span() for m in re.finditer(p.source, norm, lexicon._FLAGS)]
            assert fast == slow, (name, p.source)


def _brute_has(concept: str, text: str) -> bool:
    c = lexicon._compiled(concept)
    norm = lexicon.normalise(text)
    vetoed = [m.span() for p in c.exclude for m in re.finditer(p.source, norm, lexicon._FLAGS)]
    return any(
        m.end() > m.start() and not any(a <= m.start() and m.end() <= b for a, b in vetoed)
        for p in c.include
        for m in re.finditer(p.source, norm, lexicon._FLAGS)
    )


def test_has_agrees_with_a_scan_without_any_prefilter() -> None:
    # The per-concept key gate and the per-pattern keys only skip work: on
    # every phrase of the lexicon (each alone, so most concepts miss) `has`
    # answers as a plain scan of every pattern does.
    _, concepts = lexicon._raw()
    texts = [e for spec in concepts.values() for e in spec["match"] if not e.startswith("re:")]
    texts += ["α = 0.05", "A/A-тест на неделю", "split by user id", "ничего общего", ""]
    for name in lexicon.concepts():
        for text in texts[::7]:
            assert lexicon.has(name, text) == _brute_has(name, text), (name, text)


def test_look_alike_kra_reads_as_cyrillic_ka() -> None:
    # «метриĸи» typed with U+0138 (ĸ) for «к» is still the word «метрики».
    assert lexicon.has("online_metric", "Зафиĸсировать бизнес-метриĸи: ĸонверсия")
