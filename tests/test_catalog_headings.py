"""Heading synonyms of the catalogue: a heading in, the section id it means out.

Table-driven; each row is a wording seen in filled templates (the ML System
Design book template, the Russian Reliable ML template and student docs built
on them), written here in our own words.
"""

from __future__ import annotations

import pytest

from designdoc.catalog import default_catalog
from designdoc.document import parse


def _ids(md: str) -> list[tuple[str, str | None]]:
    doc = parse(md, "t.md", kind="full")
    return [(s.title, s.id) for s in doc.sections()]


@pytest.mark.parametrize(
    "heading, expected",
    [
        # Constraints on solving the task (template heading, both languages).
        ("Task Solution Constraints", "requirements"),
        ("1.5. Constraints on the solution", "requirements"),
        ("Ограничения на решение задачи", "requirements"),
        # Success criteria of the technical solution hold the model metric targets.
        ("2.2 Критерии успеха технического решения", "metrics"),
        ("Technical success criteria", "metrics"),
        # Business success criteria stay requirements.
        ("Критерии успеха", "requirements"),
        ("MVP success criteria", "requirements"),
        # "Data for the task" is data, not the task statement.
        ("2.5. Данные для задачи", "data"),
        ("Data for the task", "data"),
        ("Постановка задачи", "goals"),
        # Building a baseline as a stage of the plan.
        ("Этап 2. Построение Baseline ML модели", "baselines"),
        ("Построение бейзлайна", "baselines"),
        ("Baseline решение", "baselines"),
        ("Building the baseline", "baselines"),
        # "ML model" is the model, not "why ML".
        ("ML Модель:", "modeling"),
        ("ML model", "modeling"),
        ("Why ML?", "goals"),
        # Monitoring with its feedback loop.
        ("Monitoring and feedback loop", "monitoring"),
        ("Мониторинг и обратная связь", "monitoring"),
        # Infrastructure *and scalability* is the scaling section (as in English).
        ("4.2. Описание инфраструктуры и масштабируемости", "support"),
        ("Scalability and infrastructure planning", "support"),
        ("Инфраструктура", "deployment"),
    ],
)
def test_heading_means_section(heading: str, expected: str) -> None:
    assert default_catalog().match(heading, "full") == expected


@pytest.mark.parametrize(
    "heading",
    [
        "Результат этапа",
        "Результаты этапа",
        "Stage result",
    ],
)
def test_stage_outcome_is_not_a_section(heading: str) -> None:
    assert default_catalog().match(heading, "full") is None


def test_stage_outcomes_inside_a_plan_do_not_make_a_timeline() -> None:
    md = (
        "## Этапы решения задачи\n\n"
        "### Этап 1. Подготовка данных\nСобираем логи заказов за год.\n\n"
        "**Результат этапа**\n\nОчищенный датасет.\n"
    )
    assert [sid for _, sid in _ids(md)] == ["modeling", "data", None]
