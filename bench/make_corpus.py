"""Generate a realistic, deterministic corpus of ML design docs for the benchmark.

    python bench/make_corpus.py [OUT] [-n 1000] [--seed 7]

Docs are full design docs, one-pagers and hypothesis cards in English and
Russian (about 60/40), with front matter on most of them, tables, long
bullet lists, code blocks, placeholders and suppression comments, spread over
team folders. A few carry large inline base64 images (exported from Google
Docs), as real repos do. The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import base64
import random
import shutil
from pathlib import Path

TEAMS = ["search", "ads", "risk", "growth", "pricing", "support", "recsys", "platform"]

EN = {
    "full": [
        ("Goals and problem statement", "goals"),
        ("Prior art", "prior"),
        ("Requirements and success criteria", "req"),
        ("Metrics", "metrics"),
        ("Data and labels", "data"),
        ("Baselines", "baselines"),
        ("Modeling and validation", "modeling"),
        ("Training pipeline and deployment", "deploy"),
        ("A/B test design", "ab"),
        ("Rollback plan", "rollback"),
        ("Monitoring", "monitoring"),
        ("Scaling and support", "support"),
        ("Priorities (MoSCoW)", "moscow"),
        ("Risks", "risks"),
        ("Timeline", "timeline"),
    ],
    "one-pager": [("Why", "goals"), ("What", "req"), ("How", "modeling"), ("Metrics", "metrics")],
    "hypothesis": [
        ("Idea", "goals"), ("Implementation", "deploy"), ("Expected effect", "metrics"),
        ("Verdict", "verdict"), ("Risks", "risks"), ("Resources", "timeline"),
    ],
}
RU = {
    "full": [
        ("Цели и постановка задачи", "goals"),
        ("Аналоги и опыт индустрии", "prior"),
        ("Требования и критерии успеха", "req"),
        ("Метрики", "metrics"),
        ("Данные и разметка", "data"),
        ("Бейзлайны", "baselines"),
        ("Моделирование и валидация", "modeling"),
        ("Обучение и внедрение", "deploy"),
        ("Дизайн A/B-теста", "ab"),
        ("План отката", "rollback"),
        ("Мониторинг", "monitoring"),
        ("Масштабирование и поддержка", "support"),
        ("Приоритеты (MoSCoW)", "moscow"),
        ("Риски", "risks"),
        ("Сроки", "timeline"),
    ],
    "one-pager": [("Зачем", "goals"), ("Что", "req"), ("Как", "modeling"), ("Метрики", "metrics")],
    "hypothesis": [
        ("Идея", "goals"), ("Реализация", "deploy"), ("Ожидаемый эффект", "metrics"),
        ("Вердикт", "verdict"), ("Риски", "risks"), ("Ресурсы", "timeline"),
    ],
}

SENT_EN = [
    "Users who stop opening the app within a week rarely come back, and support costs grow with churn.",
    "We score every {thing} before it is shown and keep the decision under {ms} ms at p99.",
    "The current heuristic covers about {pct}% of the cases and misses the long tail entirely.",
    "Labels come from the {src} log with a delay of up to {days} days, so we train on a lagged window.",
    "Features are built from the event stream, the product catalogue and the CRM export.",
    "Online: conversion to paid (+{pct}%), offline: PR-AUC ≥ 0.{pct} on the last month held out.",
    "A gradient-boosted model on {n} features is the first candidate; a two-tower model comes later.",
    "The split unit is the user, 50/50, α = 0.05, power 0.8, MDE {pct}%, duration {days} days.",
    "If the guardrail metric drops by more than {pct}% for an hour, the feature flag turns the model off.",
    "Dashboards show latency, score drift (PSI) and the share of fallbacks per hour.",
    "TODO: confirm the label delay with the data team.",
    "The on-call rotation of the {team} team owns the service after launch.",
    "See the [previous experiment](https://wiki.example.com/{team}/{n}) for the numbers.",
    "We will **not** personalise the first screen in this iteration.",
]
SENT_RU = [
    "Пользователи, которые не открывают приложение неделю, редко возвращаются, а отток растет.",
    "Скорим каждый {thing} до показа, решение укладывается в {ms} мс на p99.",
    "Текущая эвристика покрывает около {pct}% случаев и не видит длинный хвост.",
    "Метки берем из журнала {src} с задержкой до {days} дней, обучаемся на сдвинутом окне.",
    "Признаки строим из потока событий, каталога товаров и выгрузки CRM.",
    "Онлайн: конверсия в оплату (+{pct}%), офлайн: PR-AUC ≥ 0,{pct} на отложенном месяце.",
    "Первый кандидат — градиентный бустинг на {n} признаках, двухбашенная модель позже.",
    "Единица рандомизации — пользователь, 50/50, α = 0,05, мощность 0,8, MDE {pct}%, {days} дней.",
    "Если контрольная метрика падает больше чем на {pct}% за час, флаг выключает модель.",
    "На дашбордах задержка, дрейф скоров (PSI) и доля фолбэков по часам.",
    "TODO: уточнить задержку разметки у команды данных.",
    "После запуска сервис поддерживает дежурная смена команды {team}.",
    "Подробности в [прошлом эксперименте](https://wiki.example.com/{team}/{n}).",
    "В этой итерации **не** персонализируем первый экран.",
]
THINGS = ["transfer", "query", "ad", "order", "session", "ticket"]
SOURCES = ["chargeback", "click", "support", "billing", "returns"]


def _fill(rng: random.Random, s: str, team: str) -> str:
    return s.format(
        thing=rng.choice(THINGS), ms=rng.choice([50, 100, 150, 300]), pct=rng.randint(2, 40),
        src=rng.choice(SOURCES), days=rng.choice([7, 14, 21, 30]), n=rng.randint(10, 400), team=team,
    )


def _paragraph(rng: random.Random, sents: list[str], team: str) -> str:
    return " ".join(_fill(rng, rng.choice(sents), team) for _ in range(rng.randint(2, 5)))


def _table(rng: random.Random, lang: str) -> str:
    head = ("| Metric | Type | Target | Owner |" if lang == "en" else "| Метрика | Тип | Цель | Владелец |")
    rows = [head, "|---|---|---|---|"]
    names = ["conversion", "PR-AUC", "recall@k", "latency p99", "NDCG@10", "revenue per user", "CTR"]
    for _ in range(rng.randint(4, 14)):
        rows.append(
            f"| {rng.choice(names)} | {rng.choice(['online', 'offline', 'guardrail'])} "
            f"| {rng.choice(['≥', '≤', '+'])}{rng.randint(1, 99)}% | @{rng.choice(TEAMS)} |"
        )
    return "\n".join(rows)


def _long_list(rng: random.Random, sents: list[str], team: str, lang: str) -> str:
    out = []
    for i in range(rng.randint(8, 40)):
        bullet = f"{i + 1}." if rng.random() < 0.3 else "-"
        out.append(f"{bullet} {_fill(rng, rng.choice(sents), team)}")
        if rng.random() < 0.2:
            out.append(f"    - {_fill(rng, rng.choice(sents), team)}")
    if rng.random() < 0.3:
        out.append("- [ ] " + ("follow-up with legal" if lang == "en" else "согласовать с юристами"))
    return "\n".join(out)


def _code(rng: random.Random) -> str:
    body = rng.choice([
        "SELECT user_id, count(*) AS sessions\nFROM events\nWHERE ts > now() - interval '30 days'\nGROUP BY 1;",
        "model = LGBMClassifier(n_estimators=500, learning_rate=0.05)\nmodel.fit(X_train, y_train)\n"
        "print(average_precision_score(y_val, model.predict_proba(X_val)[:, 1]))",
        "rollout:\n  flag: ranker_v2\n  share: 0.1\n  kill_switch: true\n# TODO inside code is not a placeholder",
        "## not a heading inside code\n- not a list\n| not | a table |",
    ])
    lang = rng.choice(["sql", "python", "yaml", "text"])
    return f"```{lang}\n{body}\n```"


def _image(rng: random.Random, size: int) -> str:
    payload = base64.b64encode(rng.randbytes(size)).decode()
    return f"![architecture diagram](data:image/png;base64,{payload})"


def make_doc(rng: random.Random, i: int) -> tuple[str, str]:
    """(relative path, text) of doc number ``i``."""
    lang = "ru" if rng.random() < 0.4 else "en"
    kind = rng.choices(["full", "one-pager", "hypothesis"], weights=[6, 2, 2])[0]
    team = rng.choice(TEAMS)
    sents = SENT_RU if lang == "ru" else SENT_EN
    sections = list((RU if lang == "ru" else EN)[kind])
    if kind == "full" and rng.random() < 0.3:  # half-filled docs miss sections
        for _ in range(rng.randint(1, 4)):
            sections.pop(rng.randrange(len(sections)))
    title = (f"{team.title()} model v{i}" if lang == "en" else f"Модель {team} v{i}")
    parts: list[str] = []
    if rng.random() < 0.8:
        status = rng.choice(["draft", "draft", "review", "approved"])
        parts.append(
            f"---\ntitle: {title}\nkind: {kind}\nstatus: {status}\nowners: [{team}-lead]\n"
            f"reviewers: [ml-lead]\nlang: {lang}\nupdated: \"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\"\n---\n"
        )
    parts.append(f"# {title}\n")
    parts.append(_paragraph(rng, sents, team) + "\n")
    numbered = rng.random() < 0.5
    for n, (heading, _key) in enumerate(sections, 1):
        head = f"{n}. {heading}" if numbered else heading
        parts.append(f"## {head}\n")
        if rng.random() < 0.05:
            continue  # empty section
        for _ in range(rng.randint(1, 3)):
            parts.append(_paragraph(rng, sents, team) + "\n")
        r = rng.random()
        if r < 0.25:
            parts.append(_table(rng, lang) + "\n")
        elif r < 0.5:
            parts.append(_long_list(rng, sents, team, lang) + "\n")
        elif r < 0.6:
            parts.append(_code(rng) + "\n")
        if rng.random() < 0.15:
            sub = "Details" if lang == "en" else "Подробности"
            parts.append(f"### {sub}\n\n{_paragraph(rng, sents, team)}\n")
        if rng.random() < 0.03:
            parts.append("<!-- designdoc-disable-next-line placeholder-text -->\nTBD\n")
    if i % 100 == 7:  # ~1% of docs: a large pasted screenshot (200-800 KB)
        parts.append(_image(rng, rng.randint(150_000, 600_000)) + "\n")
    elif rng.random() < 0.05:
        parts.append(_image(rng, rng.randint(2_000, 20_000)) + "\n")
    folder = f"{team}/{'hypotheses' if kind == 'hypothesis' else 'design'}"
    return f"{folder}/{i:05d}-{kind}-{lang}.md", "\n".join(parts)


def make_corpus(out: Path, n: int = 1000, seed: int = 7) -> list[Path]:
    """Write ``n`` docs under ``out`` (replacing it) and return their paths, sorted."""
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        rel, text = make_doc(rng, i)
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return sorted(paths)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", nargs="?", default="bench/.corpus", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = make_corpus(args.out, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} docs ({size / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
