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
        inc, exc = lexicon._compiled(name)
        for p in inc + exc:
            fast = [m.span() for m in p.finditer(norm, lower)]
            slow = [m.span() for m in re.finditer(p.source, norm, lexicon._FLAGS)]
            assert fast == slow, (name, p.source)
