"""Structure and front-matter rules: Markdown in, exact (line, rule) pairs out."""

from __future__ import annotations

from textwrap import dedent

import pytest

from designdoc.lint import lint_text

FULL_IDS = [
    ("Goals", "Цели"),
    ("Prior art", "Аналоги"),
    ("Requirements", "Требования"),
    ("Metrics", "Метрики"),
    ("Data", "Данные"),
    ("Baselines", "Бейзлайн"),
    ("Modeling", "Моделирование"),
    ("Deployment", "Внедрение"),
    ("A/B test", "АБ-тест"),
    ("Rollback plan", "План отката"),
    ("Monitoring", "Мониторинг"),
    ("Support", "Поддержка"),
    ("MoSCoW", "Приоритеты"),
    ("Risks", "Риски"),
    ("Timeline", "План работ"),
]


def full_doc(lang: int = 0, skip: tuple[str, ...] = (), status: str = "review") -> str:
    parts = [f"---\nkind: full\nstatus: {status}\n---"]
    for pair in FULL_IDS:
        if pair[0] in skip:
            continue
        parts.append(f"## {pair[lang]}\nSome content.\n")
    return "\n".join(parts) + "\n"


def check(md: str, rule: str) -> list[tuple[int, str]]:
    return [(p.line, p.name) for p in lint_text(dedent(md), select=[rule])]


def check_sev(md: str, rule: str) -> list[tuple[int, str, str | None]]:
    return [(p.line, p.severity, p.section) for p in lint_text(dedent(md), select=[rule])]


@pytest.mark.parametrize("lang", [0, 1])
def test_complete_full_doc_has_no_missing_sections(lang: int) -> None:
    assert check(full_doc(lang), "missing-section") == []


@pytest.mark.parametrize("lang", [0, 1])
def test_missing_rollback_is_reported_where_it_belongs(lang: int) -> None:
    md = full_doc(lang, skip=("Rollback plan",))
    problems = lint_text(md, select=["missing-section"])
    # reported at the heading that follows the A/B section: where the plan goes
    where = md.split("\n").index("## " + FULL_IDS[10][lang]) + 1
    assert [(p.line, p.section, p.severity) for p in problems] == [(where, "rollback", "error")]


def test_draft_may_lack_later_sections_with_warnings() -> None:
    md = full_doc(skip=("Rollback plan", "Goals"), status="draft")
    got = sorted((p.section, p.severity) for p in lint_text(md, select=["missing-section"]))
    assert got == [("goals", "error"), ("rollback", "warning")]


def test_optional_timeline_is_a_warning_even_in_review() -> None:
    md = full_doc(skip=("Timeline",))
    last = md.count("\n")  # the end of the doc
    assert check_sev(md, "missing-section") == [(last, "warning", "timeline")]


def test_rejected_docs_report_info_only() -> None:
    md = full_doc(skip=("Goals",), status="rejected")
    assert [p.severity for p in lint_text(md, select=["missing-section"])] == ["info"]


@pytest.mark.parametrize(
    "md, expected",
    [
        ("---\nkind: one-pager\n---\n## Why\na\n## What\nb\n## How\nc\n", []),
        ("---\nkind: one-pager\n---\n## Зачем\nа\n## Что\nб\n## Как\nв\n", []),
        ("---\nkind: one-pager\n---\n## Why\na\n## How\nc\n", [(6, "missing-section")]),
        (
            "---\nkind: hypothesis\n---\n## Idea\na\n## Ways to implement\nb\n## Expected effect\nc\n"
            "## Time to a verdict\nd\n## Risks\ne\n## Resources\nf\n",
            [],
        ),
    ],
)
def test_missing_section_other_kinds(md: str, expected: list[tuple[int, str]]) -> None:
    assert check(md, "missing-section") == expected


@pytest.mark.parametrize(
    "md, expected",
    [
        ("## Risks\nLabel delay.\n", []),
        ("## Risks\n<!-- What may go wrong? -->\n\n## Next\nx\n", [(1, "empty-section")]),
        ("## Риски\n~~старый риск~~\n", [(1, "empty-section")]),
        # only sub-headings, all empty: the outer section alone is reported
        ("## Metrics\n### Online\n### Offline\n", [(1, "empty-section")]),
        # content in a sub-section is content
        ("## Metrics\n### Online\nCTR +2%\n", []),
        # a bold-labelled step whose content is a command is not empty
        ("## Rollback plan\nOn errors:\n\n1. **Create rollback branch**:\n   ```bash\n   git revert HEAD\n   ```\n", []),
        ("## План отката\nПри ошибках:\n\n1. **Порядок отката**:\n   ```bash\n   git revert HEAD\n   ```\n", []),
        # ... but a fence holding only a stub is still empty
        ("# Reminder\n\n- **Problem:** users drop the streak.\n- **Metrics:**\n  ```\n  TODO\n  ```\n",
         [(4, "empty-section")]),
        ("# Напоминание\n\n- **Проблема:** бросают серию.\n- **План отката:**\n  ```bash\n  # TBD\n  ```\n",
         [(4, "empty-section")]),
        # non-catalogue sections are not judged
        ("## Appendix\n", []),
        # numbering nests "2.1" under "2." even at the same Markdown level
        ("## 2. Методология\n\n## 2.1. Постановка задачи\nРегрессия.\n", []),
        ("## 2. Methodology\n\n## 3. Metrics\nCTR +2%.\n", [(1, "empty-section")]),
        ("## 2. Methodology\n\n## 2.1. Problem\nRegression.\n## 3. Risks\n", [(5, "empty-section")]),
    ],
)
def test_empty_section(md: str, expected: list[tuple[int, str]]) -> None:
    assert check(md, "empty-section") == expected


@pytest.mark.parametrize(
    "md, expected",
    [
        ("## Metrics\nTODO: name the metric\n", [(2, "placeholder-text")]),
        ("## Метрики\nTBD\n", [(2, "placeholder-text")]),
        ("## Data\nSource: ???\n", [(2, "placeholder-text")]),
        ("## Data\nSource: <...>\n", [(2, "placeholder-text")]),
        ("## Data\nSource: <describe the data source>\n", [(2, "placeholder-text")]),
        ("## Данные\nИсточник: <название таблицы>\n", [(2, "placeholder-text")]),
        ("## Goals\n{{ goals.problem }}\n", [(2, "placeholder-text")]),
        ("## Goals\nLorem ipsum dolor sit amet.\n", [(2, "placeholder-text")]),
        ("## Цели\n[Заполнить позже]\n", [(2, "placeholder-text")]),
        ("## Требования\n- Ограничения\n  - Пока нет\n", [(3, "placeholder-text")]),
        ("## Риски\nЗаполнить позже.\n", [(2, "placeholder-text")]),
        ("## Risks\nTo be filled in later.\n", [(2, "placeholder-text")]),
        # a fill-in template's prompt still tagged with the role that should answer it
        ("## Постановка задачи\n- Что делаем с технической точки зрения `Data Scientist`\n", [(2, "placeholder-text")]),
        ("## Risks\n- Describe the risks and unknowns `Data Scientist`\n", [(2, "placeholder-text")]),
        # answered around the tag: not a prompt any more
        ("## Данные\n- Источник: заказы `Data Scientist`\n- Берём 12 месяцев истории.\n", []),
        # not placeholders
        ("## API\nReturns `<string>` ids, `TODO` is a code word here.\n", []),
        ("## API\nThe field is a <string> type.\n", []),
        ("## API\n- Type: <string>\n", []),
        # comparisons around text, not a slot
        ("## Metrics\nLevels: Low < 30, Medium 30–60, High > 60.\n", []),
        ("## Метрики\nКлассы: низкий < 0,3, средний — от 0,3, высокий > 0,7.\n", []),
        ("## Data\nIf any class < 2% or High > 60%, review the thresholds.\n", []),
        ("## Data\nLevels: Low (<200), Medium (200–500), High (>500).\n", []),
        ("## Goals\nProblem: <2-3 sentences on who suffers>\n", [(2, "placeholder-text")]),
        ("## Goals\nProblem: < 2-3 sentences on who suffers and why >\n", [(2, "placeholder-text")]),
        ("## Цели\nЦель: < 1-2 предложения о бизнес-цели >\n", [(2, "placeholder-text")]),
        ("## Metrics\nTarget: <metric name> 0.8 or better\n", [(2, "placeholder-text")]),
        ("## Data\nSource: < describe the data source >\n", [(2, "placeholder-text")]),
        # a one-word slot that is the whole value after a label is a template slot
        ("## A/B test\n- Primary metric: <metric>\n", [(2, "placeholder-text")]),
        ("## A/B-тест\n- Ключевая метрика: <метрика>\n", [(2, "placeholder-text")]),
        ("## Goals\n~~TODO~~ done.\n", []),
        ("## Goals\n<!-- TODO: guidance in a comment -->\nReal text.\n", []),
        ("## Goals\n```\nTODO in code\n```\n", []),
        ("## Links\nSee <https://example.com> and <br> here.\n", []),
        ("## Goals\nWe reduce churn; is this todoist-like? no\n", []),
    ],
)
def test_placeholder_text(md: str, expected: list[tuple[int, str]]) -> None:
    assert check(md, "placeholder-text") == expected


def test_placeholder_reports_section_and_column() -> None:
    (p,) = lint_text("## Metrics\nOnline: TODO\n", select=["placeholder-text"])
    assert (p.line, p.column, p.section) == (2, 9, "metrics")


@pytest.mark.parametrize(
    "md, expected",
    [
        ("## Metrics\na\n## Metrics\nb\n", [(3, "duplicate-section")]),
        ("## Online metrics\na\n## Offline metrics\nb\n", []),
        ("## Метрики\na\n## 2. Метрики\nb\n", [(3, "duplicate-section")]),
    ],
)
def test_duplicate_section(md: str, expected: list[tuple[int, str]]) -> None:
    assert check(md, "duplicate-section") == expected


@pytest.mark.parametrize(
    "md, expected",
    [
        ("---\nkind: full\nstatus: draft\n---\n", []),
        ("---\nkind: fulll\n---\n", [(2, "invalid-front-matter")]),
        ("---\nstatus: done\n---\n", [(2, "invalid-front-matter")]),
        ("---\nstatsu: draft\n---\n", [(2, "invalid-front-matter")]),
        ("---\nowners: 3\n---\n", [(2, "invalid-front-matter")]),
        ("---\ncreated: yesterday\n---\n", [(2, "invalid-front-matter")]),
        ("---\nlayout: post\ntags: [ml]\n---\n", []),
        ("---\ntitle: [unclosed\n---\n", [(3, "invalid-front-matter")]),
        ("---\n- a\n- b\n---\n", [(2, "invalid-front-matter")]),
    ],
)
def test_invalid_front_matter(md: str, expected: list[tuple[int, str]]) -> None:
    assert check(md, "invalid-front-matter") == expected


def test_incomplete_front_matter_from_review_on() -> None:
    md = "---\ntitle: X\nstatus: review\n---\n"
    assert check(md, "incomplete-front-matter") == [(3, "incomplete-front-matter")] * 2
    assert check(md.replace("review", "draft"), "incomplete-front-matter") == []


def test_approved_with_errors() -> None:
    md = "---\ntitle: X\nkind: full\nstatus: approved\nowners: [a]\nreviewers: [b]\n---\n## Goals\nx\n"
    names = [(p.line, p.name) for p in lint_text(md) if p.name == "approved-with-errors"]
    assert names == [(4, "approved-with-errors")]


def test_suppression_comments() -> None:
    md = dedent(
        """\
        <!-- designdoc-disable-file missing-section -->
        ## Goals
        <!-- designdoc-disable-next-line placeholder-text -->
        TODO one
        TODO two
        <!-- designdoc-disable DD103 -->
        TODO three
        <!-- designdoc-enable DD103 -->
        TODO four
        <!-- designdoc-disable -->
        TODO five
        """
    )
    got = [(p.line, p.name) for p in lint_text(md, select=["missing-section", "placeholder-text"])]
    assert got == [(5, "placeholder-text"), (9, "placeholder-text")]


def test_select_by_prefix_and_ignore() -> None:
    md = "## Goals\nTODO\n## Goals\nx\n"
    names = {p.name for p in lint_text(md, select=["DD1"], ignore=["missing-section"])}
    assert names == {"placeholder-text", "duplicate-section"}


@pytest.mark.parametrize("md", ["", "   \n\n", "---\nkind: full\n---\n"])
def test_empty_document_is_one_problem(md: str) -> None:
    problems = lint_text(md, select=["missing-section"])
    assert [(p.line, p.section) for p in problems] == [(1, None)]
    assert "empty" in problems[0].message


def test_unclosed_front_matter_and_impossible_dates() -> None:
    assert check("---\ntitle: X\nkind: full\n## Goals\nx\n", "invalid-front-matter") == [(1, "invalid-front-matter")]
    assert check("---\ntitle: x\ncreated: 2026-13-45\n---\n", "invalid-front-matter") == [(3, "invalid-front-matter")]
    deep = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    assert check(deep, "invalid-front-matter") == [(2, "invalid-front-matter")]
    tab = lint_text("---\ntitle: x\n\towners: [a]\n---\n", select=["invalid-front-matter"])
    assert "use spaces" in tab[0].message
    # a thematic break at the top is not front matter
    assert check("---\n\n## Goals\nx\n", "invalid-front-matter") == []


def test_unknown_suppression() -> None:
    md = "<!-- designdoc-disable-next-line placeholder-txt -->\nTODO\n<!-- designdoc-disable DD103 -->\n"
    problems = lint_text(md, select=["unknown-suppression"])
    assert [(p.line, p.name) for p in problems] == [(1, "unknown-suppression")]
    assert "did you mean 'placeholder-text'?" in problems[0].message


def test_messages_follow_the_doc_language() -> None:
    ru = lint_text("---\nkind: full\nlang: ru\n---\n## Цели\nTODO\n", select=["placeholder-text", "missing-section"])
    assert all(any("а" <= ch <= "я" for ch in p.message) for p in ru)
    en = lint_text("---\nkind: full\nlang: en\n---\n## Goals\nTODO\n", select=["placeholder-text"])
    assert en[0].message.startswith("Placeholder 'TODO' left in 'Goals'")


def test_missing_section_points_at_a_lookalike_heading() -> None:
    md = "---\nkind: full\n---\n## Goals\nx\n## Monitorng\ndashboards\n"
    (p,) = [p for p in lint_text(md, select=["missing-section"]) if p.section == "monitoring"]
    assert "'Monitorng' (line 6)" in p.message


@pytest.mark.parametrize("heading", ["Обработка", "Обработка ботом", "Fail if", "Cost Analysis"])
def test_a_heading_sharing_one_word_is_no_lookalike(heading: str) -> None:
    # «Обработка» shares one word with «обработка сбоев»: it is not the rollback plan misspelt
    md = f"---\nkind: full\n---\n## Goals\nx\n## {heading}\ny\n"
    assert not any(heading in p.message for p in lint_text(md, select=["missing-section"]))


FENCE = "unclosed-code-fence"


@pytest.mark.parametrize(
    "md, expected",
    [
        # a closing marker after text closes nothing: reported on its line ...
        ("## Data\nLogs.\n```text\nsrc/ab_split.py```\n\n## Metrics\nCTR.\n", [(4, FENCE)]),
        ("## Данные\nЛоги.\n```text\nsrc/ab_split.py```\n\n## Метрики\nCTR.\n", [(4, FENCE)]),
        # ... a fence never closed at all on its opening line
        ("## Data\nLogs.\n```python\nx = 1\n\n## Metrics\nCTR.\n", [(3, FENCE)]),
        # closed fences, also on the doc's last line, and a marker inside a closed fence
        ("## Data\n```text\nsrc/ab_split.py\n```\n## Metrics\nCTR.\n", []),
        ("## Data\n```text\nsrc/ab_split.py\n```", []),
        ("## Data\n````md\nclose with ```\n````\n", []),
        # review: a closed fence whose line ends in the same marker is left alone
        ("## Prompt\n```text\nReturn JSON wrapped in ```json ... ```\n```\n## Metrics\nCTR.\n", []),
        # an indented code line of backticks does not close a fence
        ("## Data\n```text\nx\n\n    ```\n", [(2, FENCE)]),
    ],
)
def test_unclosed_code_fence(md: str, expected: list[tuple[int, str]]) -> None:
    assert check(md, FENCE) == expected


_FULL_SECTION_IDS = ["goals", "prior_art", "requirements", "metrics", "data", "baselines", "modeling", "deployment",
            "ab_test", "rollback", "monitoring", "support", "priorities", "risks", "timeline"]


def _missing_ids(md: str) -> list[str]:
    return [p.section for p in lint_text(md, select=["missing-section"])]


@pytest.mark.parametrize(
    "md",
    [
        # the plan of one part is not asked for the rest of a full design
        "# A/B Test Plan: retention offers\n## Hypothesis\nOffers raise retention.\n## Metrics\nD30.\n",
        "# План A/B-теста: скидки\n## Гипотеза\nСкидки поднимут удержание.\n## Метрики\nD30.\n",
        "# Rollback runbook — scoring API\n## Triggers\nAUC < 0.7.\n## Steps\nSwitch back to v1.\n",
    ],
)
def test_part_plans_are_not_asked_for_a_full_design(md: str) -> None:
    assert _missing_ids(md) == []


@pytest.mark.parametrize(
    "md, present",
    [
        # unless its front matter declares a full doc
        ("---\nkind: full\n---\n# A/B Test Plan: retention offers\n## Hypothesis\nX.\n## Metrics\nD30.\n",
         {"ab_test", "metrics"}),
        # an ML "Experiment Plan" with its data and models is a whole design
        ("# Experiment Plan\n## Dataset\nCICIDS.\n## Evaluation metrics\nF1.\n## Models\nRandom forest.\n",
         {"ab_test", "data", "metrics", "modeling"}),
        # review: a titled A/B plan that designs its model (data, baselines, modelling) is a whole design
        ("# A/B test plan: churn offers\n## Goals\nX.\n## Data\nCRM.\n## Baselines\nRules.\n## Modeling\nGBM.\n"
         "## Metrics\nD30.\n## A/B test\nBy user.\n", {"goals", "data", "baselines", "modeling", "metrics", "ab_test"}),
        # a whole design titled for its model is asked as before
        ("# Churn model\n## Goals\nX.\n## Metrics\nD30.\n", {"goals", "metrics"}),
    ],
)
def test_whole_designs_are_asked_for_every_section(md: str, present: set[str]) -> None:
    assert sorted(_missing_ids(md)) == sorted(sid for sid in _FULL_SECTION_IDS if sid not in present)
