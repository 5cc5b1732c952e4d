"""designdoc checklist: the uplift question quotes the goal, folded lines claim only what is true."""

from __future__ import annotations

from pathlib import Path

import pytest

from designdoc.document import parse
from designdoc.review.checklist import _STRUCTURAL, build_checklist
from designdoc.review.extract import uplift_sentence

FIX = Path(__file__).parent / "fixtures" / "review"


def _uplift(body: str, lang: str = "en", kind: str = "full", section: str = "goals") -> str | None:
    doc = parse(f"---\nkind: {kind}\nlang: {lang}\n---\n# T\n\n{body}", "x.md")
    return uplift_sentence(doc, (section,))


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # The status quo comes first; the goal follows and is what gets quoted.
        ("## Goals\n\nThe “Buy now” button sits below the fold. Only 2.1% of visitors click it, and "
         "most never scroll.\n\nWe want to raise the click rate from 12% to 14% within a quarter.\n",
         "en", "We want to raise the click rate from 12% to 14% within a quarter."),
        ("## Goals\n\n- Revenue per user is $3.20 a month today.\n- +5% revenue per user from better ranking.\n",
         "en", "+5% revenue per user from better ranking."),
        ("## Цели\n\nСейчас стоимость доставки фиксированная — 199 ₽. Хотим увеличить средний чек на 3% "
         "за счёт динамической цены.\n",
         "ru", "Хотим увеличить средний чек на 3% за счёт динамической цены."),
        # A list item wrapped over two lines is one sentence, not a cut-off line.
        ("## Цели\n\n- **Бизнес-цель**: сократить время публикации отзывов с 26 часов до 2 часов и\n"
         "  разгрузить модераторов.\n",
         "ru", "Бизнес-цель: сократить время публикации отзывов с 26 часов до 2 часов и разгрузить модераторов."),
    ],
)
def test_uplift_quotes_the_goal_not_the_status_quo(body, lang, expected):
    assert _uplift(body, lang) == expected


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("## Goals\n\nOnly 2.1% of visitors click it, and most never scroll down.\n", "en"),
        ("## Цели\n\nСейчас стоимость доставки фиксированная — 199 ₽.\n", "ru"),
        # What already happened is not the expected effect.
        ("## Цели\n\nВ прошлом году выручка выросла на 10%, а списания уменьшились на 20%.\n", "ru"),
        ("## Goals\n\nTrain on orders from 2019 to 2021 and reach the goal.\n", "en"),
    ],
)
def test_uplift_falls_back_when_only_the_status_quo_has_numbers(body, lang):
    assert _uplift(body, lang) is None


def test_uplift_question_falls_back_to_the_generic_one():
    text = ("---\nkind: full\nlang: en\n---\n# X\n\n## Goals\n\n"
            "The button sits below the fold. Only 2.1% of visitors click it.\n")
    q = {q.id: q.text for q in build_checklist(text, "x.md").questions}["uplift-worth-it"]
    assert q == "Is the expected uplift worth what it costs to build and keep running at our scale?"
    ru = ("---\nkind: full\nlang: ru\n---\n# X\n\n## Цели\n\n"
          "Сейчас стоимость доставки фиксированная — 199 ₽. Хотим снизить отказы с 30% до 25%.\n")
    q = {q.id: q.text for q in build_checklist(ru, "x.md").questions}["uplift-worth-it"]
    assert q.startswith("В документе: «Хотим снизить отказы с 30% до 25%.»")


def test_fixture_quotes_its_goal():
    path = FIX / "half_en.md"
    c = build_checklist(path.read_text(encoding="utf-8"), str(path))
    assert c.facts.uplift == "We want to cut churn to 6.5%, worth about $1.2M a year."


def _group_blocks(md: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    current = None
    for line in md.splitlines():
        if line.startswith("#### "):
            current = line[5:].split(" · ")[0]
            groups[current] = []
        elif current and line.startswith("- ["):
            groups[current].append(line)
    return groups


def test_folded_line_only_when_every_item_of_the_section_passes():
    # Metrics: the section is there, filled and clean, but no metric has a target.
    text = (
        "---\ntitle: X\nkind: full\nlang: en\nstatus: draft\n---\n# X\n\n"
        "## Goals\n\nCut churn.\n\n"
        "## Metrics\n\nWe will watch retention and look at ROC-AUC of the model on a holdout.\n"
    )
    c = build_checklist(text, "x.md")
    metrics = next(g for g in c.groups if g.section == "metrics")
    assert all(i.state == "pass" for i in metrics.items if i.item.id in _STRUCTURAL)
    assert any(i.state != "pass" for i in metrics.items)
    block = _group_blocks(c.to_markdown())[metrics.title]
    assert not any("Present, filled in, no placeholders or other problems" in ln for ln in block), block
    assert "- [x] Section is present" in block and "- [x] Section has content" in block
    assert any(ln.startswith("- [ ] ") and "target" in ln for ln in block), block


@pytest.mark.parametrize("name", ["half_en.md", "half_ru.md", "commented.md", "crlf_one_pager.md"])
def test_a_folded_group_has_no_failing_item(name):
    path = FIX / name
    c = build_checklist(path.read_text(encoding="utf-8"), str(path))
    blocks = _group_blocks(c.to_markdown())
    folded = ("Present, filled in, no placeholders or other problems",
              "Раздел есть, заполнен, без заглушек и других замечаний")
    for g in c.groups:
        lines = blocks[g.title]
        if any(f in ln for ln in lines for f in folded):
            assert all(i.state == "pass" and not i.problems for i in g.items), (g.section, lines)
            assert not any(ln.startswith("- [ ] ") and "**" not in ln for ln in lines), lines
