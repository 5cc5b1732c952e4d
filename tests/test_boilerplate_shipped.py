"""The shipped template fingerprints on lines as real docs copy them."""

from __future__ import annotations

import pytest

from designdoc import boilerplate
from designdoc.lint import lint_text


@pytest.mark.parametrize(
    "line",
    [
        # the Reliable ML RU template's instructions, with and without their role tags
        "- Краткое описание предполагаемого дизайна и способа оценки пилота `Product Owner`, `Data Scientist` with `AB Group`",
        "- Краткое описание предполагаемого дизайна и способа оценки пилота",
        "Формализованные в пилоте метрики оценки успешности",
    ],
)
def test_template_instructions_are_known_with_or_without_roles(line: str) -> None:
    assert boilerplate.is_template(line)


def test_a_template_question_without_its_role_heads_the_answer() -> None:
    # Copied without the tag, the question labels the author's answer below it.
    assert not boilerplate.is_template("- Что считаем успешным пилотом? Критерии успеха и возможные пути развития проекта")


def test_a_pilot_section_of_role_less_prompts_is_not_an_ab_design() -> None:
    text = (
        "# Подбор пары\n\n## 1. Цели\n\nПовысить долю мэтчей в первой десятке выдачи до 50%.\n\n"
        "### 3. Подготовка пилота\n\n#### 3.1. Способ оценки пилота\n\n"
        "- Краткое описание предполагаемого дизайна и способа оценки пилота\n\n"
        "#### 3.2. Что считаем успешным пилотом\n\nФормализованные в пилоте метрики оценки успешности\n"
    )
    names = {p.name for p in lint_text(text, "doc.md")}
    assert not any(n.startswith("ab-") for n in names)
    assert "placeholder-text" in names
