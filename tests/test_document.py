"""The document model on messy real-world Markdown."""

from __future__ import annotations

from textwrap import dedent

import pytest

from designdoc.catalog import normalise_heading
from designdoc.document import parse


def outline(md: str, **kw: object) -> list[tuple[int, int, str | None, str]]:
    doc = parse(dedent(md), **kw)  # type: ignore[arg-type]
    return [(s.line, s.level, s.id, s.title) for s in doc.sections()]


def test_atx_and_setext_headings_with_line_ranges() -> None:
    doc = parse("# Title\n\nGoals\n=====\ntext\n\nMetrics\n-------\nCTR\n")
    secs = list(doc.sections())
    assert [(s.title, s.level, s.line, s.end_line) for s in secs] == [
        ("Title", 1, 1, 2),
        ("Goals", 1, 3, 9),
        ("Metrics", 2, 7, 9),
    ]
    assert secs[1].id == "goals" and secs[2].id == "metrics"
    assert secs[2].text() == "CTR"


def test_headings_in_code_fences_are_not_headings() -> None:
    md = """\
    ## Data
    ```markdown
    ## Rollback plan
    ```
    """
    assert [o[2] for o in outline(md)] == ["data"]


def test_bold_only_lines_are_pseudo_headings() -> None:
    md = """\
    # Churn

    **Metrics:**
    Retention +2 pp.

    **Data**

    Events from the app.

    Text with **bold words** inside is not a heading.
    """
    doc = parse(dedent(md))
    secs = list(doc.sections())
    assert [(s.title, s.id, s.pseudo, s.level) for s in secs] == [
        ("Churn", None, False, 1),
        ("Metrics", "metrics", True, 2),
        ("Data", "data", True, 2),
    ]
    assert secs[1].text() == "Retention +2 pp."
    assert "bold words" in secs[2].text()


def test_long_bold_sentence_is_emphasis_not_heading() -> None:
    md = "**We will never ship a model without a rollback plan and a baseline that is simple.**\n"
    assert outline(md) == []


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("1.2. Metrics", "metrics"),
        ("I. Goals", "goals"),
        ("ii. Baselines", "baselines"),
        ("Этап 3. Бейзлайн", "baselines"),
        ("📊 Success metrics", "metrics"),
        ("Metrics {#metrics}", "metrics"),
        ('<a name="risks"></a> Risks', "risks"),
        ("Метрики `Product Owner`", "metrics"),
        ("2.1 Бизнес-цель `Data Scientist`", "goals"),
        ("A/B test", "ab_test"),
        ("АБ-тест", "ab_test"),
        ("A/B-эксперимент", "ab_test"),
        ("Дизайн эксперимента", "ab_test"),
        ("Rollback Plan", "rollback"),
        ("План отката", "rollback"),
        ("MoSCoW", "priorities"),
        ("Риски", "risks"),
        ("Мониторинг", "monitoring"),
        ("Data & labeling", "data"),
        ("Данные и разметка", "data"),
        ("Requirements & constraints", "requirements"),
        ("What does success look like?", "requirements"),
    ],
)
def test_heading_variants_map_to_sections(heading: str, expected: str) -> None:
    assert outline(f"## {heading}\nText.\n", kind="full")[0][2] == expected


def test_indented_heading_and_nbsp() -> None:
    assert outline("   ## Rollback\u00a0plan\ntext\n")[0][2] == "rollback"


def test_subsection_can_satisfy_a_section() -> None:
    md = """\
    ## Integration
    Served by the API.
    ### Fallback strategies
    Serve the popularity list when the model fails.
    """
    ids = [o[2] for o in outline(md, kind="full")]
    assert ids == ["deployment", "rollback"]


def test_front_matter_crlf_bom_and_line_numbers() -> None:
    md = "\ufeff---\r\ntitle: X\r\nkind: hypothesis\r\nstatus: review\r\nlang: ru\r\n---\r\n## Идея\r\nТекст\r\n"
    doc = parse(md)
    assert doc.kind == "hypothesis" and doc.kind_declared
    assert doc.status == "review" and doc.lang == "ru"
    assert doc.front_matter_lines == {"title": 2, "kind": 3, "status": 4, "lang": 5}
    assert [(s.line, s.id) for s in doc.sections()] == [(7, "idea")]


def test_invalid_front_matter_is_recorded_not_raised() -> None:
    doc = parse("---\nkind: [full\n---\n## Goals\nx\n")
    assert doc.front_matter is None
    assert doc.front_matter_error is not None
    assert doc.front_matter_error[0] >= 2


def test_strikethrough_and_comments_are_not_content() -> None:
    doc = parse("## Risks\n~~Old risk~~\n<!-- guidance -->\n")
    sec = doc.section("risks")
    assert sec is not None and sec.text() == "" and not sec.has_content()


def test_huge_inline_image_is_cut_but_lines_kept() -> None:
    payload = "A" * 200_000
    md = f"## Data\n![x](data:image/png;base64,{payload})\n\n## Risks\nSome.\n"
    doc = parse(md)
    assert [(s.line, s.id) for s in doc.sections()] == [(1, "data"), (4, "risks")]


def test_tables_keep_rows() -> None:
    md = "## Metrics\n| Metric | Target |\n|---|---|\n| CTR | +2% |\n"
    block = parse(md).section("metrics").blocks[0]  # type: ignore[union-attr]
    assert block.type == "table"
    assert block.rows == (("Metric", "Target"), ("CTR", "+2%"))


@pytest.mark.parametrize(
    "md, title_id",
    [
        # the doc's one H1 over named sections names the doc, not a section
        ("# ML Plan\n## Data\nlogs\n## Metrics\nCTR\n", None),
        ("# ML-план: что делаем и почему\n## Данные\nлоги\n## Метрики\nCTR\n", None),
        # a part plan is its section; a title over unnamed parts keeps its id
        ("# Rollback plan\n## Data\nlogs\n## Metrics\nCTR\n", "rollback"),
        ("# Timeline\n## Week 1\nx\n## Week 2\ny\n", "timeline"),
        # review: a title that is just a section's name is that section
        ("# Why\nx\n## What\ny\n## How\nz\n", "why"),
        ("# Risks\n## Data risks\nx\n## Model risks\ny\n## Mitigation plan\nz\n", "risks"),
        ("# Deployment\n## Training pipeline\nx\n## Serving\ny\n## Monitoring\nz\n", "deployment"),
        # second review: "# Plan" over the whole design names the project's plan, not its timeline
        ("# Plan\n## Goals\nx\n## Data\nlogs\n## Metrics\nCTR\n", None),
        # two H1s: the first is a section of its own
        ("# Plan\n## Data\nlogs\n## Metrics\nCTR\n# Risks\nx\n", "timeline"),
    ],
)
def test_the_doc_title_is_no_section(md: str, title_id: str | None) -> None:
    first = next(parse(md).sections())
    assert (first.level, first.id) == (1, title_id)


def test_list_blocks_keep_each_lines_nesting_depth() -> None:
    md = dedent(
        """\
        ## Requirements
        - Success criteria: TODO
          - precision ≥ 0.9
            (on the frozen test set)
          - latency < 50 ms
        - Owner: ML team
        """
    )
    block = parse(md).section("requirements").blocks[0]  # type: ignore[union-attr]
    assert block.text.split("\n")[0] == "Success criteria: TODO"
    assert block.depths == (1, 2, 2, 2, 1)  # a soft break keeps its item's depth
    assert block.starts == (True, True, False, True, True)
    assert block.nested_under(0) == ["precision ≥ 0.9", "(on the frozen test set)", "latency < 50 ms"]
    assert block.nested_under(1) == []
    assert block.nested_under(4) == []


@pytest.mark.parametrize(
    "md",
    [
        # review: the label's own wrapped line or second paragraph comes before its nested items
        "- Success criteria: TODO: adjust\n  with the product owner\n  - precision ≥ 0.9\n- Owner: ML team\n",
        "- Success criteria: TODO: adjust\n\n  Agreed with the product owner.\n\n  - precision ≥ 0.9\n- Owner: ML team\n",
    ],
)
def test_nested_items_follow_the_items_own_wrapped_lines(md: str) -> None:
    block = parse("## Requirements\n" + md).section("requirements").blocks[0]  # type: ignore[union-attr]
    assert block.nested_under(0) == ["precision ≥ 0.9"]


def test_depths_follow_a_bold_labelled_list_item() -> None:
    md = "## Plan\n- **Risks:**\n  - data drift\n    - retrain weekly\n- **Metrics:** CTR\n"
    risks = parse(md).section("risks")
    assert risks is not None
    block = risks.blocks[0]
    assert block.text.split("\n") == ["data drift", "retrain weekly"]
    assert block.nested_under(0) == ["retrain weekly"]


@pytest.mark.parametrize(
    "md, kind",
    [
        ("## Why\nx\n## What\ny\n## How\nz\n", "one-pager"),
        ("## Зачем\nx\n## Что\ny\n## Как\nz\n", "one-pager"),
        ("## Idea\nx\n## Expected effect\ny\n## Time to a verdict\nz\n## Resources\nq\n", "hypothesis"),
        ("## Goals\nx\n## Metrics\ny\n## Data\nz\n", "full"),
        ("no headings at all", "full"),
        # why/what/how under the top level of a one-pager still make one
        ("# Churn model\n## Project\n### Why\nx\n### What\ny\n### How\nz\n", "one-pager"),
        # "what we do / why" repeated under each option of a full doc do not
        ("# Hypotheses\n## 1. Problem\nx\n## 2. Options\n### Option 1\n#### What we do\na\n#### Why\nb\n"
         "### Option 2\n#### What we do\nc\n#### Why\nd\n## 3. Metrics\ne\n", "full"),
        ("# Гипотезы\n## 1. Проблема\nx\n## 2. Решения\n### Уровень 0\n#### Что делаем\na\n#### Зачем\nb\n"
         "### Уровень 1\n#### Что делаем\nc\n#### Зачем\nd\n## 3. Метрики\ne\n", "full"),
        # a backlog of several hypothesis cards inside a product doc is no card
        ("# Product design\n## Проблема\nx\n## Бэклог гипотез\n### Гипотеза 1\na\n#### Ожидаемый эффект\nb\n"
         "### Гипотеза 2\nc\n#### Ожидаемый эффект\nd\n## Метрики\ne\n## Затраты\nf\n", "full"),
        ("# Гипотеза: пуш через 2 часа\n## Гипотеза\na\n## Ожидаемый эффект\nb\n## Риски\nc\n## Ресурсы\nd\n",
         "hypothesis"),
        # options each with an implementation and an expected effect are a plan of options
        ("# Notes\n## Model\nx\n## Verdict\ny\n## Plans\n### Plan A\n#### Implementation\na\n#### Expected impact\nb\n"
         "### Plan B\n#### Implementation\nc\n#### Expected impact\nd\n", "full"),
        # one card's H1 and H0 are not two ideas
        ("# Hypothesis: push at 2 h\n## Hypothesis\na\n## Null hypothesis\nb\n## Expected effect\nc\n## Risks\nd\n"
         "## Resources\ne\n", "hypothesis"),
    ],
)
def test_kind_inference(md: str, kind: str) -> None:
    assert parse(md).kind == kind


def test_language_guess() -> None:
    assert parse("## Цели\nСнизить отток клиентов.\n").lang == "ru"
    assert parse("## Goals\nReduce churn.\n").lang == "en"


def test_normalise_heading_strips_decorations() -> None:
    assert normalise_heading("**2.3) Метрики качества** {#m}") == "метрики качества"
    assert normalise_heading("Step 2: A/B testing") == "ab testing"


def test_bold_links_of_a_table_of_contents_are_not_headings() -> None:
    md = "**[Goals\t3](#goals)**\n**[Metrics\t4](#metrics)**\n\n## Goals\nReduce churn.\n"
    assert [(o[0], o[2]) for o in outline(md)] == [(4, "goals")]


def test_headings_inside_list_items_are_not_sections() -> None:
    md = "1. ## **Binary cross-entropy loss.** We use it.\n\n## Metrics\nCTR\n"
    assert [o[2] for o in outline(md)] == ["metrics"]


def test_html_headings_are_headings() -> None:
    md = '<h1 align="center">Churn</h1>\n\n<h2>Metrics</h2>\n\nCTR +2%\n'
    assert [(o[0], o[1], o[2]) for o in outline(md)] == [(1, 1, None), (3, 2, "metrics")]


def test_italic_line_naming_a_section_is_a_heading_other_italics_are_not() -> None:
    md = "# T\n\n*iii. Previous work*\n\nWe saw X.\n\n*Note: this is emphasis.*\n"
    assert [(o[2], o[3]) for o in outline(md)] == [(None, "T"), ("prior_art", "iii. Previous work")]


def test_run_in_label_with_a_dash_counts_words_not_punctuation() -> None:
    md = "**Этап 1 — подготовка данных.** Собираем логи.\n"
    assert [o[2] for o in outline(md)] == ["data"]


@pytest.mark.parametrize(
    "heading, expected",
    [("7. Experiment", "ab_test"), ("A/B", "ab_test"), ("АБ", "ab_test"), ("Сплит-тест", "ab_test"),
     ("Plan B", "rollback"), ("Experiments", "modeling")],
)
def test_short_real_world_headings(heading: str, expected: str) -> None:
    assert outline(f"## {heading}\nText.\n", kind="full")[0][2] == expected


def test_escaped_numbering_and_underlined_numbered_headings() -> None:
    md = "## 6\\. Эксперимент\nx\n\n1. Background\n----\n\nWhy we do it.\n"
    assert [(o[0], o[2]) for o in outline(md, kind="full")] == [(1, "ab_test"), (4, "goals")]
    # a real one-item list followed by a rule further down stays a list
    assert [o[2] for o in outline("1. Background\n\n----\n")] == []


@pytest.mark.parametrize(
    "heading, expected",
    [("Эксперимент: сплит по магазинам, 4 недели, MDE 3%", "ab_test"), ("How we'll know", "metrics")],
)
def test_heading_with_a_summary_after_a_colon_and_contractions(heading: str, expected: str) -> None:
    assert outline(f"## {heading}\nText.\n", kind="full")[0][2] == expected


@pytest.mark.parametrize(
    "md, expected",
    [
        # A bold label alone on a list item's line, over nested items, names a section.
        (
            "## Этапы решения\n\n**Этап 1. Подготовка данных**\n\n"
            "- **Что делаем:**\n  - чистим логи\n"
            "- **Риски и вызовы:**\n  - мало размеченных примеров\n"
            "- **Выход:**\n  - датасет\n",
            [(1, 2, "modeling", "Этапы решения"), (3, 3, "data", "Этап 1. Подготовка данных"),
             (5, 4, None, "Что делаем"), (7, 4, "risks", "Риски и вызовы"), (9, 4, None, "Выход")],
        ),
        (
            "## Plan\n\n- **Collect:**\n  - two months of tickets\n"
            "- **Risks:**\n  - agents may not label consistently\n",
            [(1, 2, "timeline", "Plan"), (3, 3, None, "Collect"), (5, 3, "risks", "Risks")],
        ),
        # Run-in fields ("- **Metric:** CTR") stay list text.
        (
            "## Metrics\n\n- **Metric:** share of saved streaks\n- **Risks:** none known\n",
            [(1, 2, "metrics", "Metrics")],
        ),
        # Labels naming nothing in the catalogue leave the list whole.
        (
            "## Goals\n\n- **Speed:**\n  - real time\n- **Cost:**\n  - fewer moderators\n",
            [(1, 2, "goals", "Goals")],
        ),
    ],
)
def test_bold_label_of_a_list_item_is_a_heading_when_it_names_a_section(
    md: str, expected: list[tuple[int, int, str | None, str]]
) -> None:
    assert outline(md) == expected


def test_list_label_section_keeps_its_items_and_the_rest_of_the_list() -> None:
    md = "## Plan\n\nIntro.\n\n- first step\n- **Risks:**\n  - vendor API limits\n- **Output:**\n  - a report\n"
    doc = parse(md)
    risks = doc.sections_for("risks")[0]
    assert risks.text().strip() == "vendor API limits"
    plan = doc.sections_for("timeline")[0]
    assert "first step" in plan.own_text()
    assert "a report" not in risks.text()


@pytest.mark.parametrize("lead", ["&nbsp;", "&#32;", "  "])
def test_a_bold_heading_after_a_leading_entity_is_a_heading(lead: str) -> None:
    doc = parse(f"# T\n\n{lead}**Metrics:**\n\nCTR +2%.\n", "d.md")
    assert [s.id for s in doc.sections() if s.id] == ["metrics"]


@pytest.mark.parametrize(
    ("body", "is_ab"),
    [
        # A list of product metrics under the book's A/B chapter title: no experiment.
        ("Time to first token\n% of new Q&A sessions\n% of positive feedback", False),
        ("Время ответа\nДоля положительных отзывов", False),
        # The same title over an experiment plan, or over a reasoned deferral.
        ("A/B test on 50% of users for two weeks, α = 0.05.", True),
        ("Сравниваем контрольную группу с тестовой в течение 14 дней.", True),
        ("No A/B test because traffic is too low.", True),
        # An offline experiment of a modelling plan is no A/B test; one on users is.
        ("Train on four stations, test on a fifth. This experiment shows whether the model generalises.", False),
        ("Обучаем на четырёх станциях, проверяем на пятой: эксперимент покажет обобщающую способность.", False),
        ("An online experiment on 10% of traffic for two weeks.", True),
        ("Эксперимент на пользователях приложения в течение двух недель.", True),
    ],
)
def test_loose_ab_heading_needs_experiment_content(body: str, is_ab: bool) -> None:
    doc = parse(f"# Goals\n\nText.\n\n## IX. Measuring and reporting\n\n{body}\n")
    assert bool(doc.sections_for("ab_test")) is is_ab


@pytest.mark.parametrize(
    ("body", "is_ab"),
    [
        # "Experiments" over training runs, backtests or folds compare models offline ...
        ("Controlled experiments: YOLOv8n vs YOLOv8s, 10 epochs each, compared on the validation set.", False),
        ("Backtest on 8 rolling-origin folds; p-values from a Diebold-Mariano test.", False),
        ("Сравниваем две модели по 10 эпох на валидационной выборке; p-value по бутстрепу.", False),
        # ... unless the plan also puts something online
        ("Retrain for 10 epochs, then a controlled experiment on 10% of traffic for two weeks.", True),
        ("После обучения на 10 эпохах — пилот в 5 магазинах, контрольная группа — остальные.", True),
        # review: a test sized by power and MDE is online, whatever the model's epochs;
        # "traffic logs" replayed in a backtest are not
        ("Hypothesis: the new ranker (trained for 20 epochs) raises conversion by 2%. Power 0.8, MDE 1%.", True),
        ("Гипотеза: новая модель (обучена за 20 эпох) поднимет конверсию. Мощность 0.8, MDE 1%.", True),
        ("We backtest the candidates on last month's traffic logs; a controlled experiment per fold.", False),
        ("Бэктест кандидатов на логах трафика за прошлый месяц; контролируемый эксперимент на фолдах.", False),
    ],
)
def test_an_offline_experiment_is_no_ab_design(body: str, is_ab: bool) -> None:
    doc = parse(f"# Goals\n\nText.\n\n## Experiment design\n\n{body}\n")
    assert bool(doc.sections_for("ab_test")) is is_ab


@pytest.mark.parametrize(
    ("body", "is_ab"),
    [
        # Online evaluation that only monitors the model, or compares it in shadow mode,
        # designs no experiment.
        ("We track a running F1 score; new models go to a shadow server first.", False),
        ("Users are split 50/50 by user id; control keeps the rules.", True),
    ],
)
def test_online_evaluation_heading_needs_experiment_content(body: str, is_ab: bool) -> None:
    doc = parse(f"# Evaluation\n\n### Offline Evaluation\n\nHoldout set.\n\n### Online Evaluation\n\n{body}\n")
    assert bool(doc.sections_for("ab_test")) is is_ab


@pytest.mark.parametrize(
    ("md", "first_id"),
    [
        # A subtitle holding only the doc's metadata is part of the title.
        ("# Experiment plan\n## Recommendations A/B test\n\n**Version:** 1.0  \n**Status:** Approved\n\n"
         "## 1. Hypothesis\nH1: CTR grows.\n", None),
        ("# План\n## A/B-тест рекомендаций\n\nВерсия: 1.0\nАвтор: команда DS\n\n## Цели\nРост CTR.\n", None),
        # A real first section keeps its id, whatever its length.
        ("# Plan\n## A/B test\n\nSplit by user id for two weeks.\n", "ab_test"),
    ],
)
def test_a_metadata_subtitle_is_not_a_section(md: str, first_id: str | None) -> None:
    doc = parse(md)
    second = [s for s in doc.sections() if s.level][1]
    assert second.id == first_id


@pytest.mark.parametrize("heading", [
    "4. Experimental Design", "7. Statistical Analysis Plan", "Experimental design plan",
    # a matched-control (quasi-)experiment is the test of a change that cannot be randomised
    "4. Phase C: Matched-Control Quasi-Experimental Evaluation (Duration: 8 Weeks)",
    "Quasi-experimental evaluation", "Этап 3. Квазиэксперимент", "Дизайн квазиэксперимента",
])
def test_experiment_plan_headings_are_the_ab_section(heading: str) -> None:
    doc = parse(f"# Goals\n\nText.\n\n## {heading}\n\nUsers are split 50/50 by user id; control keeps the rules.\n")
    assert [s.title for s in doc.sections_for("ab_test")] == [heading]


@pytest.mark.parametrize("heading", ["A/B test", "AB-тест", "A/B-тестирование", "Интерливинг"])
def test_a_named_ab_heading_stays_whatever_its_body(heading: str) -> None:
    doc = parse(f"# Goals\n\nText.\n\n## {heading}\n\nДве недели на половине трафика.\n")
    assert doc.sections_for("ab_test")


@pytest.mark.parametrize(
    ("md", "want"),
    [
        # A README's set-up part: "Requirements" there lists packages.
        ("## Goals\nx\n## Установка\n### Требования\nPython 3.10\n## Метрики\nF1\n",
         [("Goals", "goals"), ("Установка", None), ("Требования", None), ("Метрики", "metrics")]),
        ("## Installation & usage\n### Requirements\npip install\n### Data\n`data/`\n## Risks\nx\n",
         [("Installation & usage", None), ("Requirements", None), ("Data", None), ("Risks", "risks")]),
        # «Запуск» is the launch in a design doc, not the README's "run" part.
        ("## 5. Запуск\n### 5.1 A/B-тест\nСплит по user_id.\n### 5.2 План отката\nОткат.\n",
         [("5. Запуск", None), ("5.1 A/B-тест", "ab_test"), ("5.2 План отката", "rollback")]),
        # Headings that only share a word with the how-to part stay sections.
        ("## Experiment setup\nSplit by user.\n## Запуск пилота\nДве недели.\n",
         [("Experiment setup", "ab_test"), ("Запуск пилота", "ab_test")]),
    ],
)
def test_readme_howto_part_holds_no_design_sections(md: str, want: list[tuple[str, str | None]]) -> None:
    assert [(s.title, s.id) for s in parse(md).sections()] == want


@pytest.mark.parametrize("heading", ["8.1. Unit Tests", "Integration tests", "Load testing", "Тестирование"])
@pytest.mark.parametrize(
    "body",
    ["Pytest covers the parser; CI runs the suite on each commit.", "Тесты для парсера PDF и классификатора запросов."],
)
def test_software_tests_are_not_the_ab_section(heading: str, body: str) -> None:
    doc = parse(f"## Goals\nx\n## {heading}\n{body}\n")
    assert not doc.sections_for("ab_test")


FENCE_PROSE = """\
## Requirements

Scores go to the review queue every hour.

```
Business impact of errors:
  - FP: wasted review (costs $10) plus customer friction
  - FN: missed fraud (costs $500 on average)  <- worst outcome
```
"""


@pytest.mark.parametrize(
    ("md", "kind"),
    [
        (FENCE_PROSE, "pre"),
        (FENCE_PROSE.replace("```\n", "```text\n", 1), "pre"),
        # box-drawing art around the words is dropped, the words stay
        ("## Plan\n\n```\n├── Trigger: recall drops below 0.6 for a day\n└── Action: switch back to the rules\n```\n", "pre"),
        # a fence with a language, or code in a plain fence, stays code
        (FENCE_PROSE.replace("```\n", "```yaml\n", 1), "code"),
        ("## Setup\n\n```\npip install designdoc\nmodel = train(data)\nprint(model.score())\n```\n", "code"),
        ("## Setup\n\n```\none line only with several words\n```\n", "code"),
        ("## Setup\n\n```\n$ pip install designdoc\nthen run the linter on the docs folder\n```\n", "code"),
        ("## Setup\n\n```\n>>> import designdoc\nthen call lint on the text you have\n```\n", "code"),
        # cost lines with "=" are still prose
        ("## Costs\n\n```\nFP = $5 per wasted review of a flagged payment\nFN = $500 lost on a missed fraud case\n```\n", "pre"),
    ],
)
def test_a_plain_fence_of_prose_is_text(md: str, kind: str) -> None:
    blocks = [b for s in parse(md).sections() for b in s.blocks]
    assert [b.type for b in blocks][-1] == kind
    if kind == "pre":
        assert "─" not in blocks[-1].text and "├" not in blocks[-1].text


def test_costs_drawn_in_a_fence_are_a_cost_discussion() -> None:
    from designdoc.lint import lint_text

    names = {p.name for p in lint_text(FENCE_PROSE, "t.md", select=["error-costs-not-discussed"])}
    assert names == set()
    code = FENCE_PROSE.replace("```\n", "```python\n", 1)
    names = {p.name for p in lint_text(code, "t.md", select=["error-costs-not-discussed"])}
    assert names == {"error-costs-not-discussed"}


def test_a_templates_italic_instruction_is_not_a_heading() -> None:
    # The Reliable ML template's own italic prompt, left in a filled doc.
    md = "## 2.3. Этапы решения задачи\n\n *Этапы 2 и далее, помимо подготовки данных.*\n\nОписание этапов.\n"
    doc = parse(md)
    assert [s.title for s in doc.sections() if s.level] == ["2.3. Этапы решения задачи"]


def test_a_team_section_with_owner_lines_keeps_its_id() -> None:
    md = "---\nkind: hypothesis\n---\n# Idea card\n## Team\n\nOwner: Alice Smith\nReviewers: Bob, Carol\n\n## Idea\nX.\n"
    # (the H1 names the card, not its idea: "## Idea" is that)
    assert [s.id for s in parse(md).sections() if s.level] == [None, "resources", "idea"]


def test_a_fence_closed_after_text_is_cut_there_and_the_rest_is_read() -> None:
    md = "## Data\nLogs.\n```text\nsrc/ab_split.py```\n\n## Metrics\nCTR +2%.\n```text\nPOST /predict```\n## Risks\nx\n"
    doc = parse(md)
    assert [(s.line, s.id) for s in doc.sections()] == [(1, "data"), (6, "metrics"), (10, "risks")]
    assert doc.open_fences == ((3, 4), (8, 9))
    assert {3, 4, 8, 9} <= doc.code_lines and 6 not in doc.code_lines
    assert "CTR +2%" in doc.section("metrics").text()  # type: ignore[union-attr]


def test_a_fence_never_closed_swallows_the_rest() -> None:
    doc = parse("## Data\nLogs.\n```python\nx = 1\n## Metrics\nCTR.\n")
    assert [s.id for s in doc.sections()] == ["data"]
    assert doc.open_fences == ((3, 0),)


def test_a_closed_fence_is_left_alone_even_with_the_marker_inside() -> None:
    # review: a prompt that quotes a fence ends a line in the marker; the fence is closed
    md = "## Prompt\n```text\nReturn JSON wrapped in ```json ... ```\n```\n## Metrics\nCTR.\n## Risks\nx\n"
    doc = parse(md)
    assert [s.id for s in doc.sections()] == [None, "metrics", "risks"]
    assert doc.open_fences == ()

