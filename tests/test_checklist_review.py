"""designdoc checklist: ticks from the lint, open questions, en/ru, JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc.cli import cli
from designdoc.review.checklist import build_checklist
from designdoc.rules.registry import get_rule

FIX = Path(__file__).parent / "fixtures" / "review"


def _checklist(name: str):
    path = FIX / name
    return build_checklist(path.read_text(encoding="utf-8"), str(path))


def _state(c, section: str, item: str) -> str:
    for g in c.groups:
        if g.section == section:
            for i in g.items:
                if i.item.id == item:
                    return i.state
    raise AssertionError(f"no item {section}/{item}")


def test_half_filled_english_ticks_what_the_linter_verified():
    c = _checklist("half_en.md")
    assert c.lang == "en"
    assert _state(c, "goals", "present") == "pass"
    assert _state(c, "metrics", "filled") == "pass"
    assert _state(c, "prior_art", "present") == "fail"
    assert _state(c, "data", "no-placeholders") == "fail"
    assert _state(c, "rollback", "filled") == "fail"
    assert _state(c, "front_matter", "front-matter-people") == "fail"  # no reviewers
    # A content item of an empty section cannot pass.
    assert _state(c, "rollback", "rollback-trigger") == "fail"
    if get_rule("ab-no-significance-level"):
        assert _state(c, "ab_test", "ab-alpha") == "pass"
    if get_rule("ab-no-guardrail-metric"):
        assert _state(c, "ab_test", "ab-guardrail") == "fail"
    md = c.to_markdown()
    assert "- [x] Present, filled in, no placeholders or other problems — line 11" in md
    assert "- [ ] No placeholders left (TODO, TBD, <…>) — line 23:" in md
    assert "Missing section" in md


def test_half_filled_russian_is_written_in_russian():
    c = _checklist("half_ru.md")
    md = c.to_markdown()
    assert c.lang == "ru"
    assert "#### Цели и постановка задачи · строка 10" in md
    assert "- [ ] Нет заглушек (TODO, TBD, <…>) — строка 20:" in md
    assert "**Вопрос:**" in md and "**Ask:**" not in md
    assert _state(c, "rollback", "present") == "fail"
    assert _state(c, "baselines", "present") == "pass"


def test_questions_quote_what_the_doc_says():
    c = _checklist("half_en.md")
    texts = {q.id: q.text for q in c.questions}
    assert len(texts) == 8
    assert "MDE 1.5%" in texts["ab-detects"] and "α = 0.05" in texts["ab-detects"]
    assert "4 weeks" in texts["ab-detects"]
    assert "Must lists 3 item(s)" in texts["must-doable"]
    assert "Rule: no lesson in 14 days" in texts["baseline-honest"]
    assert "alice" in texts["owner-after-launch"]
    ru = {q.id: q.text for q in _checklist("half_ru.md").questions}
    assert "MDE 10%" in ru["ab-detects"] and "6 недель" in ru["ab-detects"]
    assert "В Must пунктов: 4" in ru["must-doable"]


def test_generic_questions_when_nothing_is_found():
    text = "---\nkind: full\n---\n# X\n\n## Goals\n\nShip it.\n\n## A/B test\n\nWe will test it.\n"
    c = build_checklist(text, "x.md")
    texts = {q.id: q.text for q in c.questions}
    assert texts["ab-detects"].startswith("Will the A/B test detect")
    assert texts["must-doable"].startswith("Can the Must list be done")


def test_unregistered_rule_is_unchecked_not_a_crash(monkeypatch):
    import designdoc.review.checks as checks

    real = checks._rule_state

    def fake(names, codes, severity):
        if "no-label-source" in names:
            return "rule-unavailable"
        return real(names, codes, severity)

    monkeypatch.setattr(checks, "_rule_state", fake)
    c = _checklist("half_ru.md")
    assert _state(c, "data", "label-source") == "unchecked"
    assert "проверьте вручную" in c.to_markdown()


def test_json_shape():
    result = CliRunner().invoke(cli, ["checklist", str(FIX / "half_en.md"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["version"] == 1
    assert {"path", "title", "kind", "lang", "status", "readiness", "groups", "summary", "facts"} <= set(data)
    assert data["readiness"]["level"] in ("not-ready", "ready-for-review", "ready-for-approval")
    group = data["groups"][0]
    assert {"section", "title", "line", "items", "questions"} <= set(group)
    item = group["items"][0]
    assert {"id", "text", "state", "checked", "line", "problems", "rules"} <= set(item)
    assert item["state"] in ("pass", "fail", "unchecked")
    s = data["summary"]
    assert s["questions"] == 8 and s["passed"] + s["failed"] + s["unchecked"] > 20


@pytest.mark.parametrize("args", [["checklist", "nope.md"], ["checklist", str(FIX)]])
def test_bad_input_is_one_line_exit_2(args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
