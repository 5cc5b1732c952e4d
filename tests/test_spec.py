"""Spec models and the safe YAML loader: typing rules, located errors, hostile input."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designdoc.errors import SpecError
from designdoc.spec import (
    FullSpec,
    HypothesisSpec,
    OnePagerSpec,
    apply_override,
    load_spec,
    load_spec_text,
    model_for_kind,
    parse_scalar,
)


def issues(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(SpecError) as info:
        load_spec_text(text, "spec.yaml")
    return [(i.line, i.column, i.message) for i in info.value.issues]


def test_model_for_kind() -> None:
    assert model_for_kind("full") is FullSpec
    assert model_for_kind("one-pager") is OnePagerSpec
    assert model_for_kind("hypothesis") is HypothesisSpec
    with pytest.raises(KeyError):
        model_for_kind("two-pager")


def test_every_field_has_a_description() -> None:
    seen: set[type] = set()

    def walk(model: type) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
        for sub in model.model_fields.values():
            for t in _models_in(sub.annotation):
                walk(t)

    for kind in ("one-pager", "full", "hypothesis"):
        walk(model_for_kind(kind))


def _models_in(annotation: object) -> list[type]:
    import typing

    from pydantic import BaseModel

    out = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        out.append(annotation)
    for arg in typing.get_args(annotation):
        out.extend(_models_in(arg))
    return out


@pytest.mark.parametrize("raw", ["no", "on", "yes", "off", "0012", "2026-01-05", "1_000", "0x1F", "~no"])
def test_yaml_12_scalars_stay_strings(raw: str) -> None:
    spec = load_spec_text(f"kind: full\ntitle: {raw}\nowners: [{raw}]\n", "s.yaml")
    assert spec.title == raw
    assert spec.owners == [raw]


def test_model_types_still_apply() -> None:
    spec = load_spec_text(
        "kind: full\ntitle: t\ncreated: 2026-01-05\nab_test: {alpha: 0.05, power: .8, aa_test: true}\n"
        "metrics: [{name: m, kind: online, target: 0.85}]\n",
        "s.yaml",
    )
    assert spec.created == dt.date(2026, 1, 5)
    assert spec.ab_test.alpha == 0.05 and spec.ab_test.power == 0.8
    assert spec.ab_test.aa_test is True
    assert spec.metrics[0].target == "0.85"  # numbers in text fields are fine


def test_unknown_key_did_you_mean_with_position() -> None:
    text = "kind: full\ntitle: t\nab_test:\n  alpah: 0.05\n"
    assert issues(text) == [(4, 3, "unknown key 'alpah' in ab_test (did you mean 'alpha'?)")]


def test_unknown_top_level_key() -> None:
    assert issues("kind: full\ntitle: t\nownres: [a]\n") == [
        (3, 1, "unknown key 'ownres' (did you mean 'owners'?)")
    ]


def test_all_errors_reported_at_once_in_line_order() -> None:
    text = (
        "kind: full\n"
        "title: t\n"
        "status: aproved\n"
        "metrics:\n"
        "  - name: m\n"
        "    kind: onlin\n"
        "ab_test:\n"
        "  alpha: 2\n"
        "  power: high\n"
    )
    got = issues(text)
    assert [(line, col) for line, col, _ in got] == [(3, 1), (6, 5), (8, 3), (9, 3)]
    assert "did you mean 'approved'" in got[0][2]
    assert "did you mean 'online'" in got[1][2]
    assert got[2][2].startswith("ab_test.alpha:")
    assert got[3][2].startswith("ab_test.power:")


def test_wrong_type_located_at_key() -> None:
    assert issues("kind: full\ntitle: t\nowners: alice\n") == [(3, 1, "owners: should be a valid list")]


def test_missing_required_in_list_item() -> None:
    got = issues("kind: full\ntitle: t\nrisks:\n  - mitigation: m\n")
    assert got == [(4, 5, "missing required key 'risk' in risks[0]")]


def test_missing_kind_and_unknown_kind() -> None:
    assert issues("title: t\n")[0][2].startswith("missing required key 'kind'")
    line, col, msg = issues("title: t\nkind: ful\n")[0]
    assert (line, col) == (2, 7) and "did you mean 'full'" in msg


def test_bad_indentation_is_located() -> None:
    got = issues("kind: full\ntitle: t\n goals: x\n")
    assert len(got) == 1
    line, _col, msg = got[0]
    assert line == 3 and msg.startswith("invalid YAML:")


def test_tab_and_unclosed_quote() -> None:
    assert issues('kind: full\ntitle: "t\n')[0][2].startswith("invalid YAML")
    assert issues("kind: full\n\ttitle: t\n")[0][2].startswith("invalid YAML")


def test_duplicate_keys_reported() -> None:
    got = issues("kind: full\ntitle: a\ntitle: b\n")
    assert got == [(3, 1, "duplicate key 'title' (first defined on line 2)")]


def test_python_tags_refused() -> None:
    got = issues("kind: full\ntitle: !!python/object/apply:os.system ['echo hi']\n")
    assert any("unsupported YAML tag" in msg for _l, _c, msg in got)


def test_alias_bomb_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    text = "kind: full\ntitle: t\n" + "\n".join(lines) + "\n"
    start = time.perf_counter()
    got = issues(text)
    assert time.perf_counter() - start < 2
    assert any("alias" in msg for _l, _c, msg in got)


def test_recursive_alias_refused() -> None:
    assert "recursive" in issues("kind: full\ntitle: t\nowners: &a [*a]\n")[0][2]


def test_modest_aliases_allowed() -> None:
    spec = load_spec_text("kind: full\ntitle: t\nowners: &team [a, b]\nreviewers: *team\n", "s")
    assert spec.reviewers == ["a", "b"]


@pytest.mark.parametrize("n", [500, 100_000])
def test_deep_nesting_refused_without_crashing(n: int) -> None:
    # 100k levels used to overflow the C composer's stack: depth is checked on events first.
    got = issues("kind: full\ntitle: t\nx: " + "[" * n + "]" * n + "\n")
    assert "nesting deeper" in got[0][2]


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "- a\n- b\n", "just text", "---\na: 1\n---\nb: 2\n"])
def test_not_a_spec(text: str) -> None:
    assert issues(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_anything_but_spec_error(text: str) -> None:
    try:
        load_spec_text(text, "fuzz.yaml")
    except SpecError as err:
        assert err.issues and all(i.line >= 1 and i.column >= 1 for i in err.issues)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
                    max_leaves=15))
def test_structured_garbage_never_crashes(value: object) -> None:
    import yaml

    text = yaml.safe_dump({"kind": "full", "title": "t", "goals": value})
    try:
        load_spec_text(text, "fuzz.yaml")
    except SpecError:
        pass


def test_load_spec_file_errors(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        load_spec(tmp_path / "missing.yaml")
    assert info.value.issues[0].line == 1
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"kind: full\ntitle: \xff\n")
    with pytest.raises(SpecError, match="UTF-8"):
        load_spec(bad)


def test_parse_scalar_and_overrides() -> None:
    assert parse_scalar("[alice, bob]") == ["alice", "bob"]
    assert parse_scalar("0.05") == 0.05
    assert parse_scalar("no") == "no"
    assert parse_scalar("0012") == "0012"
    assert parse_scalar("") == ""
    assert parse_scalar("a: b: c") == "a: b: c"  # not YAML on its own: literal
    data: dict = {}
    apply_override(data, "goals.problem", "p")
    apply_override(data, "metrics.0.name", "m")
    apply_override(data, "metrics.0.kind", "online")
    assert data == {"goals": {"problem": "p"}, "metrics": [{"name": "m", "kind": "online"}]}
    with pytest.raises(ValueError):
        apply_override(data, "metrics.5.name", "x")
    with pytest.raises(ValueError):
        apply_override(data, "a..b", "x")
