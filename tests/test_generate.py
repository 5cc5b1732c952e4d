"""Rendering: every kind × language, examples byte for byte, template overrides, sandbox."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from designdoc.errors import FileExistsRefusal, SpecError
from designdoc.generate import (
    TemplateRenderError,
    build_spec_values,
    packaged_templates_dir,
    render,
    render_spec,
    spec_skeleton,
    write_atomic,
)
from designdoc.slug import slugify
from designdoc.spec import load_spec, load_spec_text, spec_json_schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CATALOG = yaml.safe_load((ROOT / "designdoc" / "catalog.yaml").read_text(encoding="utf-8"))
KINDS = ("one-pager", "full", "hypothesis")
LANGS = ("en", "ru")


def minimal(kind: str, lang: str) -> str:
    return f"kind: {kind}\ntitle: Minimal {kind}\nlang: {lang}\ncreated: 2026-01-05\n"


def headings(md: str, level: int) -> list[str]:
    prefix = "#" * level + " "
    return [line[len(prefix):] for line in md.splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_and_language_renders_canonical_headings(kind: str, lang: str) -> None:
    md = render_spec(minimal(kind, lang))
    titles = [CATALOG["sections"][sid]["title"][lang] for sid in CATALOG["kinds"][kind]]
    assert headings(md, 2) == titles
    assert headings(md, 1) == [f"Minimal {kind}"]
    if kind == "one-pager":
        subs = headings(md, 3)
        for sid in ("metrics", "data", "ab_test", "priorities", "baselines"):
            assert CATALOG["sections"][sid]["title"][lang] in subs


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_front_matter_exactly_as_interface(kind: str, lang: str) -> None:
    md = render_spec(minimal(kind, lang) + "owners: [alice, 'no']\nstatus: review\n")
    assert md.startswith("---\n")
    fm = yaml.safe_load(md.split("---\n")[1])
    assert list(fm) == ["title", "kind", "status", "owners", "reviewers", "lang", "created", "updated"]
    assert fm["kind"] == kind and fm["lang"] == lang and fm["status"] == "review"
    assert fm["owners"] == ["alice", "no"]  # stays a string even for a YAML 1.1 reader
    assert fm["created"] == "2026-01-05" and fm["updated"] == "2026-01-05"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_empty_fields_become_todo_and_sections_carry_guidance(kind: str, lang: str) -> None:
    md = render_spec(minimal(kind, lang))
    lines = md.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("## "):
            assert lines[i + 1].startswith("<!-- designdoc: "), line
    body = md.split("---\n", 2)[2]
    for section in re.split(r"^## ", body, flags=re.M)[1:]:
        assert "TODO: " in section, section.splitlines()[0]
    assert "<!--" not in render_spec(minimal(kind, lang), guidance=False)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_rerender_byte_for_byte(path: Path) -> None:
    expected = path.with_suffix(".md").read_bytes()
    assert render_spec(path).encode("utf-8") == expected


def test_there_are_at_least_four_examples_covering_every_kind_and_both_languages() -> None:
    specs = [load_spec(p) for p in EXAMPLES]
    assert len(specs) >= 4
    assert {s.kind for s in specs} == set(KINDS)
    assert {s.lang for s in specs} == set(LANGS)
    for spec, path in zip(specs, EXAMPLES):
        assert spec.status in ("review", "approved"), path
        assert "TODO" not in path.with_suffix(".md").read_text(encoding="utf-8"), path


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_schema_validates_examples(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    spec = load_spec(path)
    data, _ = __import__("designdoc.spec.loader", fromlist=["load_yaml"]).load_yaml(path.read_text("utf-8"))
    jsonschema.Draft7Validator(spec_json_schema(spec.kind)).validate(data)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_draft07_with_definitions(kind: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = spec_json_schema(kind)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    text = json.dumps(schema)
    assert "$defs" not in text and "#/definitions/" in text
    assert schema["additionalProperties"] is False
    committed = ROOT / "examples" / ".designdoc" / "schema" / f"{kind}.schema.json"
    assert json.loads(committed.read_text("utf-8")) == schema, "regenerate with `designdoc schema`"
    bad = {"kind": kind, "title": "t", "ownrs": []}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_skeleton_loads_back_and_renders(kind: str, lang: str) -> None:
    values = build_spec_values(kind, title="Скелет", lang=lang, owners=["alice"],
                               overrides=[("status", "draft"), ("risks", [{"risk": "r", "mitigation": "m"}])])
    text = spec_skeleton(kind, values, schema_ref=".designdoc/schema/x.json")
    assert text.startswith("# yaml-language-server: $schema=.designdoc/schema/x.json\n")
    spec = load_spec_text(text, "skeleton.yaml")
    assert spec.title == "Скелет" and spec.owners == ["alice"] and spec.risks[0].risk == "r"
    assert "TODO: " in render(spec)


def test_multiline_and_tricky_values_survive_the_skeleton() -> None:
    tricky = "line one: with colon\n\n  indented # not a comment\nno"
    values = build_spec_values("full", title="'quoted' #title: x", overrides=[("goals.problem", tricky)])
    spec = load_spec_text(spec_skeleton("full", values), "s.yaml")
    assert spec.goals.problem == tricky.strip()
    assert spec.title == "'quoted' #title: x"


def test_metrics_table_ab_block_moscow_rollback() -> None:
    md = render_spec(
        "kind: full\ntitle: t\nmetrics:\n - {name: 'a|b', kind: online, target: '>= 1', direction: higher}\n"
        "ab_test: {alpha: 0.05, power: 0.8, aa_test: false}\n"
        "rollback: {triggers: [{trigger: err > 1%, action: flag off}], owner: on-call}\n"
        "priorities: {must: [x], wont: [y]}\n"
    )
    assert "| Metric | Type | Target | Direction |" in md
    assert "| a\\|b | online | >= 1 | ↑ higher is better |" in md
    for label in ("Hypothesis", "Primary metric", "Guardrail metrics", "Randomization unit",
                  "Significance level (α)", "Power", "MDE", "Duration", "A/A test"):
        assert f"**{label}" in md or label in md
    assert "- **Significance level (α):** 0.05" in md
    assert "- **A/A test:** not planned" in md
    assert "| Trigger | Action |\n|---|---|\n| err > 1% | flag off |" in md
    for label in ("**Must have**", "**Should have**", "**Could have**", "**Won't have (this phase)**"):
        assert label in md
    ru = render_spec("kind: full\ntitle: t\nlang: ru\nab_test: {alpha: 0.05}\n")
    assert "- **Уровень значимости (α):** 0,05" in ru


def test_project_template_overrides_one_block(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "full.md.j2").write_text(
        '{% extends "en/full.md.j2" %}\n{% block rollback %}\nOur SRE runbook: see wiki.\n{% endblock %}\n',
        encoding="utf-8",
    )
    md = render_spec(minimal("full", "en"), templates_dir=tmp_path)
    assert "Our SRE runbook: see wiki." in md
    assert "## Rollback plan" in md and "## Monitoring" in md
    assert "TODO: list rollback triggers" not in md


def test_project_template_replaces_whole_template(tmp_path: Path) -> None:
    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "hypothesis.md.j2").write_text("# {{ title }} / {{ kind }}\n", encoding="utf-8")
    assert render_spec(minimal("hypothesis", "ru"), templates_dir=tmp_path) == "# Minimal hypothesis / hypothesis\n"


@pytest.mark.parametrize(
    "body",
    ["{{ ''.__class__.__mro__ }}", "{{ title.__class__ }}", "{{ spec.items.__globals__ }}",
     "{% set x = owners.append('evil') %}"],
)
def test_sandbox_blocks_unsafe_templates(tmp_path: Path, body: str) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "full.md.j2").write_text(body + "\n", encoding="utf-8")
    with pytest.raises(TemplateRenderError) as info:
        render_spec(minimal("full", "en") + "owners: [a]\n", templates_dir=tmp_path)
    assert "en/full.md.j2" in str(info.value)


def test_template_errors_are_clear(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "full.md.j2").write_text("{{ nope }}\n", encoding="utf-8")
    with pytest.raises(TemplateRenderError, match="nope"):
        render_spec(minimal("full", "en"), templates_dir=tmp_path)
    (tmp_path / "en" / "full.md.j2").write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateRenderError, match=r"full\.md\.j2:1"):
        render_spec(minimal("full", "en"), templates_dir=tmp_path)
    with pytest.raises(TemplateRenderError, match="not found"):
        render_spec(minimal("full", "en"), templates_dir=tmp_path / "missing")


def test_render_spec_inputs(tmp_path: Path) -> None:
    spec = load_spec_text(minimal("full", "en"), "x")
    p = tmp_path / "s.yaml"
    p.write_text(minimal("full", "en"), encoding="utf-8")
    assert render_spec(spec) == render_spec(p) == render_spec(str(p)) == render_spec(minimal("full", "en"))
    assert render_spec({"kind": "full", "title": "Minimal full", "created": "2026-01-05"}) == render_spec(spec)
    with pytest.raises(SpecError):
        render_spec(str(tmp_path / "nope.yaml"))


def test_packaged_templates_exist() -> None:
    base = packaged_templates_dir()
    for lang in LANGS:
        for kind in KINDS:
            assert (base / lang / f"{kind}.md.j2").is_file()


def test_write_atomic(tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    write_atomic(target, "one\n")
    assert target.read_bytes() == b"one\n"
    with pytest.raises(FileExistsRefusal, match="--force"):
        write_atomic(target, "two\n")
    assert target.read_bytes() == b"one\n"
    write_atomic(target, "two\n", force=True)
    assert target.read_bytes() == b"two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]  # no temp files left behind
    assert target.stat().st_mode & 0o777 != 0o600


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Динамическое ценообразование в приложении такси", "dinamicheskoe-tsenoobrazovanie-v-prilozhenii-taksi"),
        ("Щёлочь, съёмка и Юла", "shcheloch-semka-i-yula"),
        ("Антифрод: v2.0 (черновик)", "antifrod-v2-0-chernovik"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "design-doc"),
        ("CON", "con-doc"),
        ("Café crème", "cafe-creme"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slug_length_cut_at_word_boundary() -> None:
    slug = slugify("word " * 40)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("word")
