"""The CLI: rules, rule, lint exit codes and JSON shape; the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from designdoc import __version__
from designdoc.cli import cli

BAD = "---\nkind: full\nstatus: review\n---\n## Goals\nTODO\n"


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


def test_version() -> None:
    res = run("--version")
    assert res.exit_code == 0 and __version__ in res.output


def test_rules_json_shape() -> None:
    res = run("rules", "--format", "json")
    data = json.loads(res.output)
    assert res.exit_code == 0
    assert all(set(r) == {"code", "name", "severity", "section", "summary", "url"} for r in data)
    names = {r["name"] for r in data}
    assert {"missing-section", "empty-section", "placeholder-text", "unreadable-file",
            "invalid-front-matter", "invalid-spec"} <= names
    codes = [r["code"] for r in data]
    assert len(codes) == len(set(codes)) and codes == sorted(codes)


def test_every_rule_is_documented_with_examples() -> None:
    from designdoc.rules.registry import all_rules

    for r in all_rules():
        assert r.summary and r.doc, r.name
        assert r.name == r.name.lower() and " " not in r.name


def test_rule_explains_by_code_or_name_and_suggests() -> None:
    assert "Placeholders" in run("rule", "DD103").output
    assert "Placeholders" in run("rule", "placeholder-text").output
    res = run("rule", "placeholder-txt")
    assert res.exit_code == 2 and "did you mean 'placeholder-text'" in res.output


def test_lint_json_shape_and_exit_code(tmp_path: Path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text(BAD, encoding="utf-8")
    res = run("lint", "--format", "json", str(doc))
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert data["version"] == 1
    (f,) = data["files"]
    assert f["path"] == str(doc) and f["kind"] == "full" and f["status"] == "review"
    assert f["sections"] == [{"id": "goals", "heading": "Goals", "line": 5}]
    keys = {"rule", "name", "severity", "section", "line", "column", "end_line", "message", "url"}
    assert all(set(p) == keys for p in f["problems"])
    s = data["summary"]
    assert s["files"] == 1 and s["problems"] == len(f["problems"]) == s["errors"] + s["warnings"] + s["infos"]
    # the missing prior-art section is reported after Goals, not at the end
    prior = [p for p in f["problems"] if p["section"] == "prior_art"]
    assert prior and prior[0]["line"] == 6


def test_fail_on_and_select(tmp_path: Path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text("---\nkind: full\nstatus: draft\n---\n## Goals\nTODO\n", encoding="utf-8")
    # in a draft the placeholder is a warning: passes at --fail-on error, fails at warning
    assert run("lint", "--select", "placeholder-text", str(doc)).exit_code == 0
    assert run("lint", "--select", "placeholder-text", "--fail-on", "warning", str(doc)).exit_code == 1
    assert run("lint", "--select", "nope", str(doc)).exit_code == 2


def test_stdin_with_filename() -> None:
    res = run("lint", "-", "--stdin-filename", "docs/x.md", "--select", "DD103", input=BAD)
    assert res.exit_code == 1
    assert res.stdout.startswith("docs/x.md:6:1: DD103 placeholder-text ")


def test_unreadable_file_is_a_problem_and_others_go_on(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"## Goals\n\xff\xfe broken")
    good = tmp_path / "good.md"
    good.write_text(BAD, encoding="utf-8")
    res = run("lint", "--format", "json", str(tmp_path / "bad.md"), str(good))
    data = json.loads(res.stdout)
    assert [f["problems"][0]["name"] for f in data["files"]][0] == "unreadable-file"
    assert len(data["files"]) == 2


def test_folder_skips_non_design_docs(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Project\n\nInstall it.\n", encoding="utf-8")
    (tmp_path / "doc.md").write_text(BAD, encoding="utf-8")
    data = json.loads(run("lint", "--format", "json", str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["doc.md"]


def test_installed_console_script(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("designdoc")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "designdoc"]
    doc = tmp_path / "d.md"
    doc.write_text(BAD, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    out = subprocess.run([*cmd, "lint", "--select", "DD103", str(doc)], capture_output=True, text=True, env=env)
    assert out.returncode == 1
    assert f"{doc}:6:1: DD103 placeholder-text" in out.stdout
    assert "problem" in out.stderr
    mod = subprocess.run([sys.executable, "-m", "designdoc", "--version"], capture_output=True, text=True)
    assert mod.returncode == 0 and __version__ in mod.stdout


def test_templates_ship_inside_the_installed_package() -> None:
    import designdoc

    pkg = Path(designdoc.__file__).resolve().parent
    if "site-packages" not in pkg.parts:
        import pytest

        pytest.skip("running from a source checkout; CI installs the wheel and runs this")
    for lang in ("en", "ru"):
        for kind in ("one-pager", "full", "hypothesis"):
            assert (pkg / "templates" / lang / f"{kind}.md.j2").is_file()
    assert (pkg / "catalog.yaml").is_file()


def test_binary_or_invalid_utf8_on_stdin_is_unreadable() -> None:
    runner = CliRunner()
    for data in (b"\xff\xfe# x\n", b"\x7fELF\x00\x00binary"):
        res = runner.invoke(cli, ["lint", "--no-cache", "-", "--stdin-filename", "x.md"], input=data)
        assert res.exit_code == 1
        assert "DD001 unreadable-file" in res.stdout and "DD101" not in res.stdout


def test_spec_beside_its_rendered_doc_is_only_validated(tmp_path: Path) -> None:
    res = run("new", "one-pager", "--title", "Churn", "--no-input", "--out", str(tmp_path))
    assert res.exit_code == 0, res.output
    data = json.loads(run("lint", "--no-cache", "--format", "json", str(tmp_path)).stdout)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["churn.yaml"]["problems"] == []
    assert by_name["churn.md"]["problems"]
    # named explicitly, the spec is linted through what it renders to, at its keys
    named = json.loads(run("lint", "--no-cache", "--format", "json", str(tmp_path / "churn.yaml")).stdout)
    lines = {p["section"]: p["line"] for p in named["files"][0]["problems"] if p["section"]}
    spec_lines = (tmp_path / "churn.yaml").read_text(encoding="utf-8").split("\n")
    assert spec_lines[lines["metrics"] - 1].strip().startswith("metrics:")


def test_readiness_goes_to_stderr_and_quiet_drops_it(tmp_path: Path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text(BAD, encoding="utf-8")
    res = run("lint", "--no-cache", str(doc))
    assert all(line.startswith(f"{doc}:") and ": DD" in line for line in res.stdout.splitlines())
    assert "not ready for review" in res.stderr
    quiet = run("lint", "--no-cache", "-q", str(doc))
    assert quiet.stderr == "" and quiet.stdout == res.stdout


def test_no_design_docs_found_says_so(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Project\n", encoding="utf-8")
    res = run("lint", "--no-cache", str(tmp_path))
    assert res.exit_code == 0
    assert "No design docs found (1 Markdown file skipped as not design docs)" in res.stderr


def test_lint_paths_library_api(tmp_path: Path) -> None:
    from designdoc import lint_paths

    (tmp_path / "d.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Project\n", encoding="utf-8")
    result = lint_paths([str(tmp_path)], select=["placeholder-text"])
    (f,) = [f for f in result.files if not f.skipped]
    assert [p.name for p in f.problems] == ["placeholder-text"]
    assert lint_paths([]).files == []
