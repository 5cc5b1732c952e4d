"""Spec help in the doc's language: one place per field (``ru`` next to ``description``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

import designdoc.spec.models as models
from designdoc.cli import cli
from designdoc.generate import build_spec_values, spec_skeleton
from designdoc.spec import KINDS, load_spec, load_spec_text, spec_json_schema
from designdoc.spec.models import field_help, model_examples

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
MODELS = [
    obj for obj in vars(models).values()
    if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == models.__name__
]


def test_every_field_has_russian_help_and_every_example_a_russian_twin() -> None:
    missing = [
        f"{m.__name__}.{name}" for m in MODELS for name, f in m.model_fields.items()
        if not f.description or not CYRILLIC.search(field_help(f, "ru") or "")
    ]
    assert missing == []
    for m in MODELS:
        en, ru = model_examples(m, "en"), model_examples(m, "ru")
        assert len(en) == len(ru), m.__name__
        for a, b in zip(en, ru):
            assert a.keys() == b.keys() and m.model_validate(b), m.__name__
    assert field_help(models.SpecBase.model_fields["title"], "en") == "Document title."


def _help_comments(text: str) -> list[str]:
    """Comment lines that explain a key (not the modeline, not example YAML)."""
    out = []
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("#") or s.startswith("# yaml-language-server:"):
            continue
        if re.match(r"#\s{3,}", s):  # the body of a commented example
            continue
        out.append(s)
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_ru_skeleton_speaks_russian(kind: str) -> None:
    values = build_spec_values(kind, title="Отток", lang="ru")
    text = spec_skeleton(kind, values)
    english = [c for c in _help_comments(text) if not CYRILLIC.search(c)]
    assert english == []
    en_text = spec_skeleton(kind, build_spec_values(kind, title="Churn", lang="en"))
    assert not any(CYRILLIC.search(c) for c in _help_comments(en_text))
    assert "# например:" in text and "# e.g." in en_text
    spec = load_spec_text(text, "ru.yaml")  # still a valid spec with the same keys
    assert spec.lang == "ru"
    keys = lambda t: [ln.split(":")[0] for ln in t.splitlines() if ln and not ln.lstrip().startswith("#")]  # noqa: E731
    assert keys(text) == keys(en_text)


def test_new_lang_ru_writes_a_russian_skeleton_and_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["new", "one-pager", "--lang", "ru", "--title", "Отток клиентов", "--no-input"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["ottok-klientov.yaml", "ottok-klientov.md", ".designdoc/schema/one-pager.ru.schema.json"]
    text = (tmp_path / "ottok-klientov.yaml").read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=.designdoc/schema/one-pager.ru.schema.json"
    assert "# Проблема и у кого она." in text and "The problem and who has it." not in text
    assert load_spec(tmp_path / "ottok-klientov.yaml").lang == "ru"
    schema = json.loads((tmp_path / ".designdoc/schema/one-pager.ru.schema.json").read_text("utf-8"))
    assert schema["definitions"]["Why"]["properties"]["problem"]["description"] == "Проблема и у кого она."
    # --set lang=ru is the same as --lang ru
    res = CliRunner().invoke(cli, ["new", "hypothesis", "--set", "lang=ru", "--title", "Пуш", "--no-input", "--dry-run"])
    assert res.exit_code == 0 and "# Гипотеза в одном-двух предложениях." in res.output


def _keys_anywhere(node: object, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            found.add(k)
            _keys_anywhere(v, found)
    elif isinstance(node, list):
        for v in node:
            _keys_anywhere(v, found)
    return found


def _without_help(node: object) -> object:
    if isinstance(node, dict):
        return {k: _without_help(v) for k, v in node.items() if k not in ("description", "examples")}
    if isinstance(node, list):
        return [_without_help(v) for v in node]
    return node


@pytest.mark.parametrize("kind", KINDS)
def test_schema_in_both_languages_is_clean_draft07(kind: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    en, ru = spec_json_schema(kind), spec_json_schema(kind, "ru")
    for schema in (en, ru):
        jsonschema.Draft7Validator.check_schema(schema)
        assert not {"ru", "examples_ru"} & _keys_anywhere(schema, set())
    assert en["properties"]["owners"]["description"] == "Authors responsible for the document."
    assert CYRILLIC.search(ru["properties"]["owners"]["description"])
    # Same keys, types and constraints: only the help differs.
    assert _without_help(en) == _without_help(ru)
    res = CliRunner().invoke(cli, ["schema", kind, "--lang", "ru"])
    assert res.exit_code == 0 and json.loads(res.output) == ru


# A broken spec per kind of problem: under `lang: ru` each is reported in Russian.
_BROKEN_SPECS = [
    "kind: one-pager\nlang: ru\ntitle: X\nbar: 1\n",  # unknown key, allowed keys
    "kind: one-pagr\nlang: ru\n",  # unknown kind, did you mean
    "lang: ru\ntitle: X\n",  # missing kind
    "kind: full\nlang: ru\ntitle: X\nowners: ivan\n",  # a scalar where a list goes
    "kind: full\nlang: ru\ntitle: X\ncreated: 2026-13-45\n",  # no such date
    "kind: full\nlang: ru\ntitle: X\nstatus: done\n",  # a choice not allowed
    "kind: full\nlang: ru\ntitle: X\n  goals: 1\n",  # bad indentation under a key with a value
    "kind: full\nlang: ru\ntitle: X\nwhy:\n\tproblem: p\n",  # a tab
    "kind: full\nlang: ru\ntitle: a: b\n",  # an unquoted ': '
    "kind: full\nlang: ru\ntitle: X\ntitle: Y\n",  # a duplicate key
    "kind: full\nlang: ru\ntitle: !!python/object x\n",  # a tag
    "kind: full\nlang: ru\ntitle: X\ngoals: 5\n",  # a scalar where a mapping goes
    "kind: hypothesis\nlang: ru\n",  # missing required keys
]


@pytest.mark.parametrize("text", _BROKEN_SPECS)
def test_spec_problems_are_reported_in_the_specs_language(text: str) -> None:
    from designdoc.lint import lint_text

    problems = [p for p in lint_text(text, "spec.yaml") if p.name == "invalid-spec"]
    assert problems
    for p in problems:
        assert CYRILLIC.search(p.message), p.message
    # the same spec in English is reported in English
    english = [p for p in lint_text(text.replace("lang: ru", "lang: en"), "spec.yaml") if p.name == "invalid-spec"]
    assert english and not any(CYRILLIC.search(p.message) for p in english)


@pytest.mark.parametrize("message, russian", [
    ("unknown key 'bar' in why; allowed keys: problem, goals", "неизвестный ключ 'bar' в why; допустимые ключи: problem, goals"),
    ("unknown kind 'fll': expected one of one-pager, full, hypothesis (did you mean 'full'?)",
     "неизвестный вид 'fll': ожидается одно из: one-pager, full, hypothesis (может быть, 'full'?)"),
    ("missing required key 'problem' in why", "нет обязательного ключа 'problem' в why"),
    ("owners: expected a list; write [ivan]", "owners: ожидается список; напишите [ivan]"),
    ("status: 'done' is not allowed; expected draft or review", "status: 'done' не допускается; ожидается draft или review"),
    ("bad indentation: 'goals' is at column 3, but the keys around it are at column 1; keys of one mapping start "
     "in the same column",
     "неверный отступ: ключ 'goals' стоит в столбце 3, а ключи рядом стоят в столбце 1; ключи одного уровня "
     "начинаются в одном столбце"),
    ("bad indentation: 'goals' is indented under 'problem', which already has a value; keys of one mapping start "
     "in the same column (here: column 1 or 3)",
     "неверный отступ: ключ 'goals' сдвинут под 'problem', у которого уже есть значение; ключи одного уровня "
     "начинаются в одном столбце (здесь: столбец 1 или 3)"),
    ("invalid YAML: while parsing a flow node, did not find expected node content",
     "некорректный YAML: while parsing a flow node, did not find expected node content"),
    # a message no entry knows stays as it is
    ("something new happened", "something new happened"),
])
def test_spec_messages_in_russian(message: str, russian: str) -> None:
    from designdoc.spec.messages import in_language

    assert in_language(message, "ru") == russian
    assert in_language(message, "en") == message
