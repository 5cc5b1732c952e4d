"""`designdoc new`, `render` and `schema` through click's CliRunner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc.cli import cli
from designdoc.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def _run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return _run


def test_new_writes_spec_doc_and_schema(run, tmp_path: Path) -> None:
    res = run("new", "full", "--title", "Payment antifraud", "--no-input", "--out", "docs",
              "--set", "goals.problem=Fraud costs us $1.9M a month", "--set", "owners=[alice, bob]",
              "--set", "ab_test.alpha=0.05")
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == [
        "docs/payment-antifraud.yaml",
        "docs/payment-antifraud.md",
        "docs/.designdoc/schema/full.schema.json",
    ]
    spec_text = (tmp_path / "docs/payment-antifraud.yaml").read_text("utf-8")
    assert spec_text.splitlines()[0] == "# yaml-language-server: $schema=.designdoc/schema/full.schema.json"
    spec = load_spec(tmp_path / "docs/payment-antifraud.yaml")
    assert spec.owners == ["alice", "bob"] and spec.ab_test.alpha == 0.05
    md = (tmp_path / "docs/payment-antifraud.md").read_text("utf-8")
    assert "Fraud costs us $1.9M a month" in md and "TODO: " in md
    schema = json.loads((tmp_path / "docs/.designdoc/schema/full.schema.json").read_text("utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-07")


def test_new_refuses_to_overwrite_without_force(run, tmp_path: Path) -> None:
    assert run("new", "one-pager", "--title", "Churn", "--no-input").exit_code == 0
    doc = tmp_path / "churn.md"
    doc.write_text("my edits\n", encoding="utf-8")
    spec_before = (tmp_path / "churn.yaml").read_bytes()
    res = run("new", "one-pager", "--title", "Churn", "--no-input")
    assert res.exit_code == 1
    assert "churn.yaml already exists" in res.output and "--force" in res.output
    assert doc.read_bytes() == b"my edits\n"
    assert (tmp_path / "churn.yaml").read_bytes() == spec_before
    res = run("new", "one-pager", "--title", "Churn", "--no-input", "--force")
    assert res.exit_code == 0
    assert doc.read_text("utf-8").startswith("---\ntitle: Churn\n")


def test_new_dry_run_writes_nothing(run, tmp_path: Path) -> None:
    res = run("new", "hypothesis", "--title", "Push at study hour", "--no-input", "--dry-run")
    assert res.exit_code == 0
    assert "would create push-at-study-hour.yaml" in res.output
    assert "# Push at study hour" in res.output
    assert list(tmp_path.iterdir()) == []


def test_new_dry_run_reports_conflicts(run, tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("mine\n", encoding="utf-8")
    res = run("new", "full", "--title", "x", "--no-input", "--dry-run")
    assert res.exit_code == 1 and "already exists" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.md"]


def test_new_from_spec(run, tmp_path: Path) -> None:
    src = ROOT / "examples" / "dynamic-pricing-ru.yaml"
    res = run("new", "full", "--spec", str(src), "--out", "out")
    assert res.exit_code == 0, res.output
    out = tmp_path / "out" / "dinamicheskoe-tsenoobrazovanie-v-prilozhenii-taksi.md"
    assert res.output.strip() == str(out.relative_to(tmp_path))
    assert out.read_bytes() == src.with_suffix(".md").read_bytes()


def test_new_from_spec_with_overrides_and_kind_mismatch(run, tmp_path: Path) -> None:
    src = ROOT / "examples" / "hypothesis-streak-reminder.yaml"
    res = run("new", "--spec", str(src), "--title", "Другая гипотеза", "--set", "status=draft", "--dry-run")
    assert res.exit_code == 0, res.output
    assert "drugaya-gipoteza.md" in res.output and "status: draft" in res.output
    res = run("new", "full", "--spec", str(src))
    assert res.exit_code == 2 and "hypothesis spec" in res.output


def test_new_path_traversal_kept_inside_out(run, tmp_path: Path) -> None:
    res = run("new", "full", "--title", "../../../etc/evil", "--no-input", "--out", "docs")
    assert res.exit_code == 0
    written = [Path(line) for line in res.output.splitlines()]
    for p in written:
        assert (tmp_path / p).resolve().is_relative_to((tmp_path / "docs").resolve())
    assert (tmp_path / "docs" / "etc-evil.md").is_file()


def test_new_cyrillic_title_file_name(run, tmp_path: Path) -> None:
    res = run("new", "full", "--title", "Антифрод платежей", "--lang", "ru", "--no-input")
    assert res.exit_code == 0
    md = (tmp_path / "antifrod-platezhey.md").read_text("utf-8")
    assert "## Цели и постановка задачи" in md


def test_bad_set_values(run) -> None:
    res = run("new", "full", "--no-input", "--set", "goals.problme=x", "--set", "ab_test.alpha=2")
    assert res.exit_code == 2
    assert "--set: unknown key 'problme' in goals (did you mean 'problem'?)" in res.output
    assert "ab_test.alpha" in res.output
    res = run("new", "full", "--no-input", "--set", "novalue")
    assert res.exit_code == 2 and "KEY=VALUE" in res.output


def test_new_without_kind_in_ci_is_a_usage_error(run) -> None:
    res = run("new", "--no-input")
    assert res.exit_code == 2 and "missing KIND" in res.output


def test_new_prompts_on_a_tty(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("designdoc.cli.generate_cmds._stdin_is_tty", lambda: True)
    res = run("new", input="hypothesis\nru\nНочные пуши\nalice, bob\nПуш в обычное время учёбы\n")
    assert res.exit_code == 0, res.output
    spec = load_spec(tmp_path / "nochnye-pushi.yaml")
    assert spec.kind == "hypothesis" and spec.lang == "ru" and spec.owners == ["alice", "bob"]
    assert spec.idea.statement == "Пуш в обычное время учёбы"


def test_no_input_never_prompts(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("designdoc.cli.generate_cmds._stdin_is_tty", lambda: True)
    res = run("new", "full", "--no-input", "--dry-run")
    assert res.exit_code == 0 and "New ML system design doc" in res.output


def test_render_stdout_file_and_force(run, tmp_path: Path) -> None:
    src = ROOT / "examples" / "payment-antifraud.yaml"
    res = run("render", str(src))
    assert res.exit_code == 0
    assert res.output == src.with_suffix(".md").read_text("utf-8")
    assert run("render", str(src), "-o", "doc.md").exit_code == 0
    res = run("render", str(src), "-o", "doc.md")
    assert res.exit_code == 1 and "doc.md already exists; use --force" in res.output
    assert run("render", str(src), "-o", "doc.md", "--force").exit_code == 0
    (tmp_path / "out").mkdir()
    res = run("render", str(src), "-o", "out")
    assert res.exit_code == 0 and (tmp_path / "out" / "real-time-antifraud-scoring-for-card-payments.md").is_file()


def test_render_reads_stdin(run) -> None:
    res = run("render", "-", input="kind: hypothesis\ntitle: From stdin\n")
    assert res.exit_code == 0 and "# From stdin" in res.output


def test_render_malformed_spec_lists_every_error(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: full\ntitle: t\nownrs: [a]\nab_test:\n  alpha: 7\n", encoding="utf-8")
    res = run("render", str(bad))
    assert res.exit_code == 2
    lines = res.output.splitlines()
    assert lines[0] == f"{bad}:3:1: unknown key 'ownrs' (did you mean 'owners'?)"
    assert lines[1].startswith(f"{bad}:5:3: ab_test.alpha:")
    assert "Traceback" not in res.output


def test_render_syntax_error(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: full\ntitle: t\n  goals: x\n", encoding="utf-8")
    res = run("render", str(bad))
    assert res.exit_code == 2 and f"{bad}:3:3: bad indentation: 'goals'" in res.output


def test_sandboxed_project_template_fails_cleanly(run, tmp_path: Path) -> None:
    tdir = tmp_path / ".designdoc" / "templates" / "en"
    tdir.mkdir(parents=True)
    (tdir / "full.md.j2").write_text("{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    res = run("new", "full", "--title", "x", "--no-input")
    assert res.exit_code == 2
    assert "sandbox" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "x.md").exists() and not (tmp_path / "x.yaml").exists()


def test_templates_option(run, tmp_path: Path) -> None:
    tdir = tmp_path / "tpl" / "en"
    tdir.mkdir(parents=True)
    (tdir / "one-pager.md.j2").write_text(
        '{% extends "en/one-pager.md.j2" %}{% block why %}\nCustom why.\n{% endblock %}', encoding="utf-8"
    )
    res = run("new", "one-pager", "--title", "t", "--no-input", "--templates", str(tmp_path / "tpl"), "--dry-run")
    assert res.exit_code == 0 and "Custom why." in res.output


def test_schema_command(run) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    res = run("schema", "full")
    assert res.exit_code == 0
    schema = json.loads(res.output)
    jsonschema.Draft7Validator.check_schema(schema)
    from designdoc.spec.loader import load_yaml

    for path in (ROOT / "examples").glob("*.yaml"):
        data, _ = load_yaml(path.read_text("utf-8"))
        if data["kind"] == "full":
            jsonschema.validate(data, schema)
    assert run("schema", "nope").exit_code == 2


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_new_and_render_write_the_umask_mode(run, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert run("new", "one-pager", "--title", "Modes", "--no-input").exit_code == 0
        assert run("render", "modes.yaml", "-o", "out.md").exit_code == 0
        os.chmod(tmp_path / "out.md", 0o600)  # a private file stays private when re-rendered
        assert run("render", "modes.yaml", "-o", "out.md", "--force").exit_code == 0
    finally:
        os.umask(old)
    for name in ("modes.yaml", "modes.md", ".designdoc/schema/one-pager.schema.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name
    assert (tmp_path / "out.md").stat().st_mode & 0o777 == 0o600


def test_set_errors_use_the_same_wording(run) -> None:
    res = run("new", "one-pager", "--title", "T", "--no-input", "--dry-run",
              "--set", "owners=alice", "--set", "created=2026-1")
    assert res.exit_code == 2
    assert "--set: owners: expected a list; write [alice]" in res.output
    assert "--set: created: expected a date like " in res.output and "too short" not in res.output


MARKDOWN_DOC = "---\ntitle: Churn\nkind: one-pager\nstatus: draft\n---\n\n# Churn\n\n## Why\nUsers leave.\n"


@pytest.mark.parametrize("name", ["doc.md", "doc.markdown", "doc.txt", "doc.yaml"])
def test_render_refuses_a_markdown_doc_clearly(run, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(MARKDOWN_DOC, encoding="utf-8")
    res = run("render", name)
    assert res.exit_code == 2
    assert res.output == (
        f"designdoc: render takes a YAML spec; {name} is a Markdown doc (lint it with `designdoc lint`)\n"
    )
    res = run("new", "--spec", name)
    assert res.exit_code == 2 and "new --spec takes a YAML spec" in res.output


def test_render_refuses_markdown_on_stdin_but_takes_a_spec_with_a_document_marker(run) -> None:
    res = run("render", "-", input=MARKDOWN_DOC)
    assert res.exit_code == 2 and "<stdin> is a Markdown doc" in res.output
    res = run("render", "-", input="---\n# a comment\nkind: one-pager\ntitle: Churn\n")
    assert res.exit_code == 0 and res.output.startswith("---\ntitle: Churn\n")
    res = run("render", "missing.md")
    assert res.exit_code == 2 and "cannot read the spec" in res.output
