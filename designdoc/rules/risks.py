"""Risk rules: every risk should come with a way to reduce it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designdoc import lexicon
from designdoc.document import Block, Document
from designdoc.lexicon.scope import clean_text, column, scope, tables
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule

_ITEM_SPLIT_RE = re.compile(r"\n|(?<=[.;])\s+")
# What may stand before the remedy word in a heading named for the remedies:
# numbering, "Risk" ("Risk Mitigation"); «Меры по снижению рисков» starts with it.
# "Risks, mitigations", "Risks — mitigation owners", "Risks (mitigation in
# progress)" name the risks first: they still need the remedies.
_REMEDY_HEAD_RE = re.compile(r"[\W\d_]*(?:risks?\s+|рисков\s+)?", re.I)
_WORD_RE = re.compile(r"\w{2,}")
# An item whose first sentence is a question ("budget €0.10?" is one sentence).
_QUESTION_RE = re.compile(r"(?:[^.!?\n]|[.!](?!\s))*\?")
_URL_RE = re.compile(r"\bhttps?://\S+")
# A trailing note on how a question will be answered: "… apply? (Confirm with legal.)"
_TRAILING_NOTE_RE = re.compile(r"\s*\([^()]*\)[\s.;]*$")
# A part that holds questions only: "Open questions", «Открытые вопросы» (not
# "Risks and open questions" nor "Open questions and known issues").
_QUESTIONS_TITLE_RE = re.compile(
    r"(?:(?:open|unresolved|outstanding|remaining)\s+)?questions|(?:(?:открытые|нерешенные|нерешённые|оставшиеся)\s+)?вопросы",
    re.I,
)
_TITLE_EDGES_RE = re.compile(r"^[\W\d_]+|[\W_]+$")
_BRACKETED_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Words of a table's header row: "| Risk | Owner | Status |", «| Вопрос | Владелец | Срок |».
_HEADER_CELL_RE = re.compile(
    r"#|№|risks?|questions?|issues?|items?|description|owners?|status|severity|probability|likelihood|impact"
    r"|priority|due|deadline|date|category|type|mitigation|риски?|вопрос|описание|владелец|ответственный|статус"
    r"|вероятность|влияние|приоритет|срок|категория|тип|меры",
    re.I,
)


def _is_empty(item: str) -> bool:
    """A "fill in later" / "none" note standing where a risk should be."""
    text = item.strip(" \t-*•+.:;")
    hit = lexicon.find("empty_value", text)
    return hit is not None and hit.start == 0 and not _WORD_RE.search(text[hit.end :])


def _risk_items(text: str, questions_part: bool = False) -> list[str]:
    """Risk statements: list items / sentences, without open questions or "to be filled" notes.

    A question may carry a note on how it will be answered ("What SLAs apply?
    (Confirm with legal.)"). In a part that holds questions only ("Open
    questions"), an item that opens with a question is one whatever follows
    it ("Which rules apply? Confirm with legal."); among risks, "What if
    fraudsters adapt? They will." states a risk.
    """
    items = [s.strip() for s in _ITEM_SPLIT_RE.split(text) if len(s.strip()) > 3]
    return [s for s in items if not _is_question(s, questions_part) and not _is_empty(s)]


def _is_question(item: str, questions_part: bool) -> bool:
    if item.rstrip().endswith("?"):
        return True
    if not questions_part:
        return False
    plain = _BRACKETED_RE.sub(" ", _URL_RE.sub(" ", item))
    return _TRAILING_NOTE_RE.sub("", item).rstrip().endswith("?") or _QUESTION_RE.match(plain) is not None


def _questions_part(title: str) -> bool:
    return _QUESTIONS_TITLE_RE.fullmatch(_TITLE_EDGES_RE.sub("", title)) is not None


def _header_row(block: Block) -> str:
    """A table's first row when it reads as a header ("Вопрос | Владелец | Срок"), else "":
    a pasted table without header cells starts with a risk ("| Label leakage | High |")."""
    first = block.text.split("\n", 1)[0]
    return first if any(_HEADER_CELL_RE.fullmatch(cell.strip(" *_:")) for cell in block.rows[0]) else ""


def _named_for_remedies(title: str) -> bool:
    """A heading that opens with the remedy: "Risk Mitigation", «Меры по снижению рисков»."""
    hit = lexicon.find("mitigation", title)
    return hit is not None and _REMEDY_HEAD_RE.fullmatch(title[: hit.start]) is not None


@rule(
    code="DD271",
    name="risk-without-mitigation",
    severity="warning",
    section="risks",
    summary="Risks are listed without any mitigation.",
)
def risk_without_mitigation(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Pair risks with what you will do about them.

    A risks section that lists risks but never says how they are reduced,
    detected or handled gets one warning (not one per item). Recognised
    mitigations: "mitigation: …", "we monitor / cap / start with …",
    "to reduce …", "fallback", an arrow "→", what the team switches to or
    builds after a dash ("Slow inference — switch to a light mode",
    «Рост нагрузки — горизонтальное масштабирование»), a remedy required of
    the deployment ("a real deployment should jointly model …", "legal
    review is required before live use", «перед запуском обязательна
    юридическая проверка»), «митигация», «снижаем …»,
    «будем отслеживать», «чтобы избежать». A risks table with a Mitigation /
    Меры column (also "Solution", "Prevention", "Minimisation strategy",
    «Решение», «Стратегия минимизации») reports each row whose cell is
    empty. Open questions (items ending in "?"; under an "Open questions"
    heading, also an item that opens with a question and then says how it
    will be answered) need answers, not mitigations, and are skipped.

    Fails:

        ## Risks
        Label delay; fraudsters adapt to the model.

    Passes:

        ## Risks
        Label delay → we monitor a proxy metric daily.

        ## Риски
        Задержка меток — отслеживаем прокси-метрику ежедневно.

    A section named for the remedies alone ("Risk mitigation", «Меры по
    снижению рисков») lists remedies, so its items are not bare risks.
    """
    sc = scope(doc, "risks", one_pager=False)
    if sc is None:
        return
    table_rows = 0
    for block in tables(sc.blocks()):
        cells = column(block, "mitigation_column")
        if cells is None:
            continue
        table_rows += len(cells)
        for offset, cell in enumerate(cells, start=1):
            if not cell.strip(" -—–?") or lexicon.find("empty_value", cell.strip()) is not None and len(cell.strip()) <= 4:
                # Header is the first table line; rows follow it after the delimiter line.
                yield ctx.problem(
                    block.line + offset + 1,
                    ctx.say(
                        en=f"Risk '{block.rows[offset][0][:50]}' has no mitigation: say how it is "
                        "reduced, detected or handled.",
                        ru=f"У риска «{block.rows[offset][0][:50]}» не указаны меры: напишите, как вы его "
                        "снижаете, обнаруживаете или обрабатываете.",
                    ),
                )
    if table_rows:
        return
    # A section named for the remedies alone ("Risk Mitigation", «Меры по снижению
    # рисков») lists remedies, however bare ("Gradual scaling"), not risks.
    if any(_named_for_remedies(sec.title) for sec in sc.sections):
        return
    # Headings ("Risks & mitigations") are neither risks nor mitigations, nor is
    # a table's header row ("Вопрос | Владелец | Срок").
    headers = {_header_row(block) for block in tables(sc.blocks())} - {""}
    texts = [(s, clean_text(s)) for s in sc.sections]
    body = "\n".join(text for _, text in texts)
    items = [
        item
        for s, text in texts
        for item in _risk_items(
            "\n".join(line for line in text.split("\n") if line not in headers), _questions_part(s.title)
        )
    ]
    # the header row stays in the text searched for remedies: "| Risk | Workaround |"
    if not items or lexicon.has("mitigation", body):
        return
    yield ctx.problem(
        sc.anchor,
        ctx.say(
            en=f"Risks without mitigation ({len(items)} item{'s' if len(items) != 1 else ''}): for "
            "each risk say how you reduce, detect or handle it (e.g. 'label delay → daily "
            "proxy metric').",
            ru=f"Риски без мер по снижению (пунктов: {len(items)}): для каждого риска напишите, "
            "как вы его снижаете, обнаруживаете или обрабатываете (например, «задержка меток → "
            "ежедневная прокси-метрика»).",
        ),
    )
