"""Priority rules (DD261, DD262)."""

from __future__ import annotations

import pytest

from _content import check

MOSCOW = "moscow-incomplete"
SHARE = "must-share-too-high"

FULL_EN = "## Priorities (MoSCoW)\n- Must: model, CRM field.\n- Should: reason codes.\n- Could: digest.\n- Won't: expansion scoring.\n"


@pytest.mark.parametrize("md, expected", [
    (FULL_EN, []),
    ("## Приоритеты\n- Обязательно: модель.\n- Желательно: объяснения.\n- Возможно: звонки.\n- Не будем делать: автоблокировку.\n", []),
    ("## Приоритеты (MoSCoW)\n- Must: модель.\n- Should: объяснения.\n- Could: звонки.\n- Won't: блокировка.\n", []),
    ("## Priorities\nMust: score, CRM field. Should: reason codes. Could: digest.\nWon't: expansion.\n", []),
    ("## Deliverables\n| priority | deliverable |\n|---|---|\n| must | dataset |\n| should | loop |\n| could | tags |\n| won't (this release) | multi-label |\n", []),
    ("## MoSCoW\n### Must have\n- model\n### Should have\n- UI\n### Could have\n- API\n### Won't have\n- mobile\n", []),
    ("## Priorities (MoSCoW)\n- Must: model, CRM field.\n- Should: reason codes.\n", [(1, MOSCOW)]),
    ("## Приоритеты\n- Обязательно: модель.\n- Желательно: объяснения.\n- Возможно: звонки.\n", [(1, MOSCOW)]),
    # "must have" inside a sentence is not a category
    ("## Priorities\nThe model must have high recall and should be fast; it could have UI; we won't hurry.\n", [(1, MOSCOW)]),
    # Must present but empty
    ("## Priorities\n- Must: —\n- Should: UI.\n- Could: API.\n- Won't: mobile.\n", [(1, MOSCOW)]),
    ("## Priorities\n- Must: TBD\n- Should: UI.\n- Could: API.\n- Won't: mobile.\n", [(1, MOSCOW)]),
    # one-pager: How holds the deliverables
    ("---\nkind: one-pager\n---\n## Why\nA.\n## What\nB.\n## How\nDeliverables: Must — ETA; Should — refresh; Could — couriers; Won't — routes.\n", []),
    ("---\nkind: one-pager\n---\n## Why\nA.\n## What\nB.\n## How\nA model and an A/B test.\n", [(8, MOSCOW)]),
    ("## Goals\nX.\n", []),
])
def test_moscow_incomplete(md, expected):
    assert check(md, MOSCOW) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Priorities\nMust items take 90% of the time; Should 10%.\n", [(1, SHARE)]),
    ("## Приоритеты\nОбязательные задачи — 85% времени.\n", [(1, SHARE)]),
    ("## Priorities\nMust ≈ 65% of the time, Should/Could fill the 35% buffer.\n", []),
    ("## Приоритеты\nОбязательные задачи — 65% времени, остальное — буфер.\n", []),
    (FULL_EN, []),
])
def test_must_share_too_high(md, expected):
    assert check(md, SHARE) == expected


@pytest.mark.parametrize("md, expected", [
    # categories as columns: the labels sit side by side in the header row
    ("## Приоритеты (MoSCoW)\n\n| Must | Should | Could | Won't |\n|---|---|---|---|\n"
     "| модель, интеграция | объяснения | дообучение | наличные |\n", []),
    ("## Priorities\n\n| Must | Should | Could | Won't |\n|---|---|---|---|\n| — | UI | API | mobile |\n",
     [(1, MOSCOW)]),
])
def test_moscow_columns_table(md, expected):
    assert check(md, MOSCOW) == expected


def test_blank_moscow_labels_count_as_missing():
    md = """\
    ## Приоритеты (MoSCoW)
    - Must: классификатор по тексту, интеграция с CRM.
    - Should: классификация по фото.
    - Could:
    - Won't:
    """
    assert check(md, "moscow-incomplete") == [(1, "moscow-incomplete")]
