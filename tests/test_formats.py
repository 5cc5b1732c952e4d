"""Output formats: SARIF against the official schema, JSON against ours, github, junit, gitlab, concise."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from designdoc import formats
from designdoc.cli import cli
from designdoc.formats import github, sarif
from designdoc.lint import FileResult, Result
from designdoc.problem import Problem

DATA = Path(__file__).parent / "data"
SCHEMA = Path(__file__).parent.parent / "designdoc" / "schemas" / "lint-output.schema.json"
FIXTURES = Path(__file__).parent / "fixtures" / "realworld"


def problem(line: int = 3, severity: str = "error", message: str = "No rollback plan.", path: str = "docs/a.md",
            code: str = "DD101", name: str = "missing-section", section: str | None = "rollback") -> Problem:
    return Problem(path, line, 1, line, code, name, severity, section, message)


def result(*problems: Problem, skipped: bool = False) -> Result:
    files: dict[str, FileResult] = {}
    for p in problems:
        files.setdefault(p.path, FileResult(path=p.path, kind="full", lang="en")).problems.append(p)
    res = Result(files=list(files.values()))
    if skipped:
        res.files.append(FileResult(path="README.md", skipped="not a design doc"))
    return res


def validator(schema_path: Path):  # type: ignore[no-untyped-def]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env=env)


# --- SARIF -----------------------------------------------------------------


def test_sarif_validates_against_official_schema_on_real_docs(tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    res = run("lint", str(FIXTURES), "--format", "sarif", "--output-file", str(out))
    assert res.exit_code in (0, 1), res.output
    log = json.loads(out.read_text(encoding="utf-8"))
    errors = sorted(validator(DATA / "sarif-schema-2.1.0.json").iter_errors(log), key=str)
    assert not errors, errors[:3]
    assert log["runs"][0]["results"], "the real-world fixtures have problems"


def test_sarif_driver_rules_and_results() -> None:
    from designdoc.rules.registry import all_rules

    log = sarif.sarif(result(problem(), problem(8, "info", "Note.", code="DD104", name="duplicate-section")),
                      root=Path.cwd())
    assert not list(validator(DATA / "sarif-schema-2.1.0.json").iter_errors(log))
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "designdoc" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    for r in rules:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["help"]["text"] and r["help"]["markdown"] and r["helpUri"].startswith("https://")
        assert r["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    first, second = run_["results"]
    assert first["ruleId"] == "DD101" and rules[first["ruleIndex"]]["id"] == "DD101"
    assert first["level"] == "error" and second["level"] == "note"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 3
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_fingerprints_survive_line_shifts_and_differ_per_problem() -> None:
    def fps(res: Result) -> list[str]:
        return [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in sarif.sarif(res)["runs"][0]["results"]]

    a = fps(result(problem(3), problem(9, message="Other.", section="monitoring")))
    b = fps(result(problem(40), problem(77, message="Other.", section="monitoring")))
    assert a == b and len(set(a)) == 2
    # numbers in messages (counts) do not move the fingerprint; a different path does
    assert fps(result(problem(message="has 3 errors"))) == fps(result(problem(message="has 4 errors")))
    assert fps(result(problem(path="docs/b.md"))) != fps(result(problem()))
    # identical problems in one file stay distinct
    dup = fps(result(problem(3), problem(5)))
    assert len(set(dup)) == 2


def test_sarif_uri_is_percent_encoded() -> None:
    log = sarif.sarif(result(problem(path="docs/my doc#1.md")), root=Path.cwd())
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/my%20doc%231.md"


# --- JSON ------------------------------------------------------------------


def test_json_output_validates_against_shipped_schema() -> None:
    res = run("lint", str(FIXTURES), "--format", "json")
    data = json.loads(res.output)
    assert not list(validator(SCHEMA).iter_errors(data))
    assert data["version"] == 1 and data["files"]


def test_shipped_schema_rejects_wrong_shape() -> None:
    data = json.loads(formats.render(result(problem()), "json"))
    v = validator(SCHEMA)
    assert not list(v.iter_errors(data))
    bad = json.loads(json.dumps(data))
    bad["files"][0]["problems"][0]["severity"] = "fatal"
    del bad["summary"]["errors"]
    assert len(list(v.iter_errors(bad))) == 2


# --- github ----------------------------------------------------------------


def test_github_escaping() -> None:
    p = problem(message="50% done\r\nnext line", path="docs/a,b:c.md")
    line = github.annotation(p)
    assert line == ("::error file=docs/a%2Cb%3Ac.md,line=3,col=1,endLine=3,title=DD101 missing-section"
                    "::50%25 done%0D%0Anext line")
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert github.escape_data("a:b,c") == "a:b,c"


def test_github_caps_annotations_per_level_and_lists_the_rest() -> None:
    probs = [problem(i, "error", f"E{i}") for i in range(1, 13)] + [problem(i, "warning", f"W{i}") for i in range(1, 15)]
    lines = formats.render(result(*probs), "github").splitlines()
    assert sum(ln.startswith("::error ") for ln in lines) == 10
    assert sum(ln.startswith("::warning ") for ln in lines) == 10
    rest = [ln for ln in lines if not ln.startswith("::")]
    assert "6 more problems" in rest[0]
    assert len(rest) == 1 + 6 and any("E12" in ln for ln in rest) and any("W14" in ln for ln in rest)


def test_github_step_summary_is_appended(tmp_path: Path) -> None:
    doc = tmp_path / "bad.md"
    doc.write_text("---\nkind: one-pager\nstatus: review\n---\n# T\n\n## Why\nUsers | leave.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    res = run("lint", str(doc), "--select", "missing-section",
              env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert res.exit_code == 1
    assert res.output.startswith("::error ")  # auto-selected github format
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### designdoc")
    assert "| Severity | File | Line | Rule | Message |" in text and "DD101 missing-section" in text


# --- junit / gitlab / concise ------------------------------------------------


def test_junit_parses_one_suite_per_file_one_case_per_problem() -> None:
    res = result(problem(3), problem(5, "warning", "W <&>"), problem(2, path="docs/b.md"), skipped=True)
    res.files.append(FileResult(path="docs/clean.md"))
    root = ET.fromstring(formats.render(res, "junit"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"docs/a.md", "docs/b.md", "README.md", "docs/clean.md"}
    a = suites["docs/a.md"]
    assert a.get("tests") == "2" and a.get("failures") == "2" and len(a.findall("testcase")) == 2
    failure = a.findall("testcase")[1].find("failure")
    assert failure is not None and failure.get("message") == "W <&>" and failure.get("type") == "warning"
    assert suites["README.md"].find("testcase/skipped") is not None
    clean = suites["docs/clean.md"].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None
    assert root.get("tests") == "5" and root.get("failures") == "3" and root.get("skipped") == "1"


def test_gitlab_code_quality_shape() -> None:
    items = json.loads(formats.render(result(problem(), problem(4, "warning"), problem(5, "info")), "gitlab"))
    assert [i["severity"] for i in items] == ["major", "minor", "info"]
    for i in items:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
        assert i["location"]["path"] == "docs/a.md" and isinstance(i["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in items}) == 3


def test_concise_one_line_per_problem_with_severity() -> None:
    out = formats.render(result(problem(), problem(4, "warning", "Hmm.")), "concise")
    assert out.splitlines() == [
        "docs/a.md:3:1: error: No rollback plan. [DD101 missing-section]",
        "docs/a.md:4:1: warning: Hmm. [DD101 missing-section]",
    ]


@pytest.mark.parametrize("name", sorted(formats.FORMATS))
def test_every_format_renders_an_empty_result(name: str) -> None:
    out = formats.render(Result(), name)
    if name in ("json", "sarif", "gitlab"):
        json.loads(out)
    elif name == "junit":
        ET.fromstring(out)
    else:
        assert out == ""


def test_statistics_counts_per_rule_sorted() -> None:
    from designdoc.formats.text import statistics

    res = result(problem(1), problem(2, code="DD103", name="placeholder-text"),
                 problem(3, code="DD103", name="placeholder-text", severity="warning"))
    lines = statistics(res).splitlines()
    assert lines[0].split() == ["2", "DD103", "placeholder-text", "error/warning"]
    assert lines[1].split() == ["1", "DD101", "missing-section", "error"]


def test_text_and_json_output_unchanged() -> None:
    res = result(problem())
    assert formats.render(res, "text") == "docs/a.md:3:1: DD101 missing-section No rollback plan.\n"
    data = json.loads(formats.render(replace(res), "json"))
    assert set(data) == {"version", "files", "summary"}
