"""Prompts copied from public templates: matched in any Markdown form, never read as content."""

from __future__ import annotations

import pytest

from designdoc import boilerplate
from designdoc.document import parse
from designdoc.lint import lint_text

# Made-up prompts standing in for a template's lines (the shipped table only
# holds fingerprints of real templates' lines).
PROMPT_EN = "Which offline metric decides, and what value must it reach?"
PROMPT_RU = "Опишите источники данных `Data Scientist` и их владельцев"
SAMPLE = "For example: precision of at least 0.9 on the holdout month."


@pytest.fixture(autouse=True)
def fake_template(monkeypatch: pytest.MonkeyPatch) -> None:
    table = frozenset(boilerplate.fingerprint(p) for p in (PROMPT_EN, PROMPT_RU, SAMPLE))
    monkeypatch.setattr(boilerplate, "known", lambda: table)


@pytest.mark.parametrize(
    "variant",
    [
        "- Опишите источники данных `Data Scientist` и их владельцев",
        "* **Опишите** источники данных Data Scientist и их владельцев  ",
        "> 1. Опишите источники данных `Data Scientist`, и их владельцев.",
        "Опишите источники данных [Data Scientist](https://example.org/roles) и их владельцев",
    ],
)
def test_markup_and_link_targets_do_not_change_the_fingerprint(variant: str) -> None:
    assert boilerplate.is_template(variant)


@pytest.mark.parametrize("line", ["Data Scientist", "- TODO", "| --- | --- |", "Опишите источники данных и их владельцев подробно"])
def test_short_or_changed_lines_are_not_template_lines(line: str) -> None:
    assert not boilerplate.is_template(line)


def _names(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.name) for p in lint_text(text, "doc.md", select=["DD102", "DD103", "DD203", "DD211"])]


def test_a_section_of_prompts_is_unanswered_guidance_not_content() -> None:
    text = "# Churn\n\n## Data\n\n- " + PROMPT_RU + "\n\n## Metrics\n\n" + PROMPT_EN + "\n"
    assert _names(text) == [(5, "placeholder-text"), (9, "placeholder-text")]
    doc = parse(text, "doc.md")
    assert doc.template_lines == {5, 9}
    assert doc.section("data") is not None and doc.section("data").own_text() == ""


def test_a_template_sample_is_no_target_of_this_doc() -> None:
    text = "# Churn\n\n## Metrics\n\n" + SAMPLE + "\n\nOnline: retention of paying users.\n"
    assert _names(text) == [(3, "metric-without-target")]  # reported at the heading
    answered = text.replace("retention of paying users", "retention of paying users, +2 pp")
    assert _names(answered) == []


def test_answers_written_under_a_prompt_are_read() -> None:
    text = "# Churn\n\n## Data\n\n" + PROMPT_RU + "\n\nЗаказы из DWH за два года, владелец — команда биллинга.\n"
    assert _names(text) == []


def test_the_shipped_fingerprints_load() -> None:
    from pathlib import Path

    assert len(boilerplate.read_table(Path(boilerplate.__file__).with_name("boilerplate.txt"))) > 80
