"""The flat front-matter reader agrees with PyYAML wherever it answers at all."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designdoc import yamlsafe

KEYS = ["title", "kind", "status", "owners", "lang", "on", "y", "a-b", "_x", "2nd", " title", "title "]
VALUES = [
    "", "full", "Risk model v400", "draft", "yes", "No", "null", "~", "1", "1.5", "-1", ".5", "2026-11-24",
    '"2026-11-24"', "'x'", '"a \\" b"', "'it''s'", "[]", "[a, b]", "[ a , 'b' ]", "[a, 1]", "[a, [b]]",
    "a: b", "a #c", "a#c", "#c", "- x", "*ref", "&a x", "!tag x", "|", ">", "{a: b}", "a, b", "ümlaut ok",
    "x\ty", "@x", "`x`", "%x", "=", "<<", "a - b", "Привет, мир", "Привет мир",
]
LINE = st.one_of(
    st.tuples(st.sampled_from(KEYS), st.sampled_from(VALUES)).map(lambda kv: f"{kv[0]}: {kv[1]}".rstrip(" ")
                                                             if kv[1] else f"{kv[0]}:"),
    st.sampled_from(["", "# comment", "  - item", "  nested: 1", "title:x", "---"]),
)


def _pyyaml(text: str) -> object:
    saved = yamlsafe._simple_mapping
    yamlsafe._simple_mapping = lambda text, offset: None  # type: ignore[assignment]
    try:
        return yamlsafe.load_yaml_with_lines(text, line_offset=1)
    except yamlsafe.YamlError as err:
        return ("error", err.line)
    finally:
        yamlsafe._simple_mapping = saved  # type: ignore[assignment]


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=8))
def test_fast_path_equals_pyyaml_when_it_answers(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    fast = yamlsafe._simple_mapping(text, 1)
    if fast is not None:
        assert fast == _pyyaml(text)


@pytest.mark.parametrize("text", [
    "title: Churn\nkind: full\nstatus: draft\nowners: [ml-lead, pm]\nreviewers: []\nlang: en\nupdated: \"2026-11-24\"\n",
    "title: 'Оценка оттока'\nlang: ru\n# a comment\nowners: []\n",
])
def test_generated_front_matter_takes_the_fast_path(text: str) -> None:
    fast = yamlsafe._simple_mapping(text, 1)
    assert fast is not None and fast == _pyyaml(text)


@pytest.mark.parametrize("text", ["updated: 2026-11-24\n", "draft: yes\n", "owners:\n  - a\n", "n: 3\n", "a: b # c\n"])
def test_anything_yaml_reads_differently_goes_to_pyyaml(text: str) -> None:
    assert yamlsafe._simple_mapping(text, 1) is None
