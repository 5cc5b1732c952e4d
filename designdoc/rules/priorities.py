"""Priority rules: MoSCoW categories and the share of time planned for Must."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designdoc import lexicon
from designdoc.document import Document
from designdoc.lexicon import Match
from designdoc.lexicon.scope import Scope, scope, tables
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule

_CATEGORIES = (
    ("moscow_must", "Must"),
    ("moscow_should", "Should"),
    ("moscow_could", "Could"),
    ("moscow_wont", "Won't"),
)
# Above this share of the time, Must leaves too little buffer (DOMAIN: 60–70%).
_MUST_SHARE_MAX = 70
_SPACE_PUNCT_RE = re.compile(r"[\s\W_]+")


def _labels(text: str) -> list[tuple[str, Match]]:
    """MoSCoW labels in text order, one per position (the longest wins)."""
    found: list[tuple[str, Match]] = []
    for concept, name in _CATEGORIES:
        found.extend((name, m) for m in lexicon.find_all(concept, text))
    found.sort(key=lambda x: (x[1].start, -x[1].end))
    out: list[tuple[str, Match]] = []
    for name, m in found:
        if out and m.start < out[-1][1].end:
            continue
        out.append((name, m))
    return out


def _must_empty(text: str, labels: list[tuple[str, Match]]) -> bool:
    """True when every Must label is followed by nothing (or "none", "TBD", "—")."""
    musts = [i for i, (name, _) in enumerate(labels) if name == "Must"]
    if not musts:
        return False
    for i in musts:
        end = labels[i + 1][1].start if i + 1 < len(labels) else len(text)
        body = text[labels[i][1].end : end].strip(" \t\n;|:—–-.…")
        if not body:
            continue
        hit = lexicon.find("empty_value", body)
        if hit is None or hit.start > 0 or len(_SPACE_PUNCT_RE.sub("", body[hit.end :])) > 0:
            return False
    return True


def _blank_categories(text: str, labels: list[tuple[str, Match]]) -> set[str]:
    """Categories (other than Must, which has its own check) whose every label has nothing after it."""
    filled: set[str] = set()
    seen: set[str] = set()
    for i, (name, m) in enumerate(labels):
        seen.add(name)
        end = labels[i + 1][1].start if i + 1 < len(labels) else len(text)
        if text[m.end : end].strip(" \t\n;|:—–-.…*_"):
            filled.add(name)
    return seen - filled - {"Must"}


def _filled(cell: str) -> bool:
    """A table cell with an item in it (not blank, "—", "none", "TBD")."""
    text = cell.strip(" \t-—–.…*_")
    if not text:
        return False
    hit = lexicon.find("empty_value", text)
    return hit is None or hit.start > 0 or bool(_SPACE_PUNCT_RE.sub("", text[hit.end :]))


def _must_column_filled(sc: Scope) -> bool | None:
    """A MoSCoW table with the categories as columns (| Must | Should | Could | Won't |).

    The header row holds the labels back to back, so "Must" looks empty in the
    text; the items sit in the rows below. None when there is no such table.
    """
    for block in tables(sc.blocks()):
        header = block.rows[0]
        for i, cell in enumerate(header):
            hit = lexicon.find("moscow_must", cell)
            if hit is None or cell.strip(" *_:").lower() not in hit.text.strip(" *_:-|").lower():
                continue
            cells = [row[i] if i < len(row) else "" for row in block.rows[1:]]
            return any(_filled(c) for c in cells)
    return None


@rule(
    code="DD261",
    name="moscow-incomplete",
    severity="error",
    section="priorities",
    summary="A MoSCoW category (Must/Should/Could/Won't) is missing, or Must is empty.",
)
def moscow_incomplete(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Sort deliverables into Must / Should / Could / Won't have, with a non-empty Must.

    Categories are read as labels: at the start of a line, list item, table
    cell or sub-heading, or after a ";", followed by ":", a dash or "|"
    ("Must: …", "- **Should have** — …", "| could | … |", "Won't (this
    release): …"). "The model must have high recall" inside a sentence is
    not a category. Russian labels: «Обязательно», «Желательно»,
    «Возможно», «Не будем делать»; the English words work in Russian docs
    too. Won't matters: it is what bounds the scope. In a one-pager the How
    part is read when there is no MoSCoW sub-section.

    Fails:

        ## Priorities (MoSCoW)
        - Must: model, CRM field.
        - Should: reason codes.

    Passes:

        ## Priorities (MoSCoW)
        - Must: model, CRM field. - Should: reason codes.
        - Could: Slack digest. - Won't: expansion scoring.

        ## Приоритеты (MoSCoW)
        - Обязательно: модель, интеграция. - Желательно: объяснения.
        - Возможно: учет звонков. - Не будем делать: автоблокировку.
    """
    sc = scope(doc, "priorities")
    if sc is None:
        return
    labels = _labels(sc.text)
    present = {name for name, _ in labels}
    if _must_column_filled(sc) is None:
        # "- Could:" with nothing after it is a template slot, not a category.
        present -= _blank_categories(sc.text, labels)
    missing = [name for _, name in _CATEGORIES if name not in present]
    if missing:
        yield ctx.problem(
            sc.anchor,
            ctx.say(
                en=f"MoSCoW incomplete: no {', '.join(missing)} category; sort deliverables into "
                "Must / Should / Could / Won't have (Won't bounds the scope).",
                ru=f"В MoSCoW нет {'категории' if len(missing) == 1 else 'категорий'} {', '.join(missing)}: "
                "разложите задачи по Must / Should / Could / Won't have (Won't очерчивает границы работ).",
            ),
        )
    elif _must_empty(sc.text, labels) and not _must_column_filled(sc):
        yield ctx.problem(
            sc.anchor,
            ctx.say(
                en="MoSCoW Must is empty: list what must ship in this phase (e.g. baseline, "
                "validation code, integration).",
                ru="Категория Must пуста: перечислите, что обязательно нужно сдать в этой фазе "
                "(например, бейзлайн, код валидации, интеграцию).",
            ),
        )


@rule(
    code="DD262",
    name="must-share-too-high",
    severity="warning",
    section="priorities",
    summary="The doc plans more than ~70% of the time for Must items.",
)
def must_share_too_high(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Keep Must to about 60–70% of the time; the rest is buffer for Should and Could.

    Fires only when the doc itself states the share ("Must: about 85% of the
    time", «обязательные задачи — 90% времени»), so it never guesses from
    estimates.

    Fails:

        ## Priorities
        Must items take 90% of the time; Should 10%.

    Passes:

        ## Priorities
        Must ≈ 65% of the time, Should/Could fill the 35% buffer.

        ## Приоритеты
        Обязательные задачи — 65% времени, остальное — буфер.
    """
    sc = scope(doc, "priorities")
    if sc is None:
        return
    for m in lexicon.find_all("must_share", sc.text):
        share = next((int(g) for g in m.groups if g), 0)
        if _MUST_SHARE_MAX < share <= 100:
            yield ctx.problem(
                sc.anchor,
                ctx.say(
                    en=f"Must takes {share}% of the time: plan about 60–70% for Must and keep the "
                    "rest as buffer for Should/Could and surprises.",
                    ru=f"На Must заложено {share}% времени: планируйте на Must около 60–70%, "
                    "а остальное оставьте буфером на Should/Could и непредвиденное.",
                ),
            )
            return
