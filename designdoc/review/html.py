"""The one-file HTML report: a sortable table of docs and a docs × sections heatmap.

Self-contained: inline CSS and JS, no fonts, images or scripts from the
network. Everything that comes from a doc goes through Jinja's autoescape.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from designdoc.review.report import MISSING, SOUND, WEAK, Entry, problems_label

if TYPE_CHECKING:
    from jinja2 import Template

# Short column labels for the heatmap (full titles go into the tooltip).
SHORT = {
    "why": "Why", "what": "What", "how": "How",
    "goals": "Goals", "prior_art": "Prior art", "requirements": "Reqs", "metrics": "Metrics",
    "data": "Data", "baselines": "Baselines", "modeling": "Modeling", "deployment": "Deploy",
    "ab_test": "A/B test", "rollback": "Rollback", "monitoring": "Monitoring", "support": "Support",
    "priorities": "MoSCoW", "risks": "Risks", "timeline": "Plan",
    "idea": "Idea", "implementation": "Options", "expected_effect": "Effect", "verdict": "Verdict",
    "resources": "Resources",
}
KIND_TITLES = {"full": "Full design docs", "one-pager": "One-pagers", "hypothesis": "Hypothesis cards"}
LEVELS = {
    "ready-for-approval": ("approval", "✓", "Ready for approval", 3),
    "ready-for-review": ("review", "◐", "Ready for review", 2),
    "not-ready": ("blocked", "✕", "Not ready", 1),
}
STATE = {SOUND: ("✓", "sound"), WEAK: ("!", "weak: present, with problems"), MISSING: ("✕", "missing")}


@lru_cache(maxsize=1)
def _template() -> Template:
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    text = resources.files("designdoc.review").joinpath("templates/report.html.j2").read_text(encoding="utf-8")
    return env.from_string(text)


def _view(entries: list[Entry], folder: str) -> list[dict[str, Any]]:
    import os

    from designdoc.catalog import default_catalog

    catalog = default_catalog()
    out = []
    for n, e in enumerate(entries, 1):
        r = e.readiness
        level = LEVELS.get(r.level) if r else None
        sections = []
        for sid, state in e.sections.items():
            probs = e.problems_for(sid)
            spec = catalog.sections.get(sid)
            full = spec.title.get("en", sid) if spec else sid
            symbol, word = STATE[state]
            tip = f"{full}: {word}"
            if probs:
                tip += "\n" + "\n".join(f"• line {p.line}: {p.message}" for p in probs[:6])
                if len(probs) > 6:
                    tip += f"\n… {len(probs) - 6} more"
            sections.append({
                "id": sid, "title": full, "state": state, "symbol": symbol, "tip": tip,
                "count": len(probs), "line": e.section_lines.get(sid),
            })
        groups: dict[str, list[Any]] = {}
        for p in e.problems:
            groups.setdefault(p.section or "", []).append(p)
        problem_groups = []
        for sid, probs in groups.items():
            spec = catalog.sections.get(sid)
            problem_groups.append({
                "id": sid or "general",
                "title": (spec.title.get("en", sid) if spec else "Whole document"),
                "problems": probs,
            })
        out.append({
            "n": n,
            "anchor": f"doc-{n}",
            "path": os.path.relpath(e.path, folder).replace(os.sep, "/"),
            "title": e.title,
            "kind": e.kind or "—",
            "lang": e.lang or "",
            "status": e.status or "—",
            "owners": ", ".join(e.owners) or "—",
            "updated": e.updated or "",
            "level_class": level[0] if level else "unknown",
            "level_symbol": level[1] if level else "?",
            "level_text": level[2] if level else "Unknown",
            "level_rank": level[3] if level else 0,
            "percent": r.percent if r else 0,
            "blockers": (len(r.review_blockers) if r.level == "not-ready" else len(r.approval_blockers)) if r else 0,
            "blocker_kind": ("review" if r.level == "not-ready" else "approval") if r else "",
            "error": e.error,
            "errors": e.errors,
            "warnings": e.warnings,
            "infos": len(e.problems) - e.errors - e.warnings,
            "problems_text": problems_label(e),
            "sections": sections,
            "problem_groups": problem_groups,
        })
    return out


def render_html(entries: list[Entry], folder: str, today: dt.date | None = None) -> str:
    """The HTML report page for ``entries`` found under ``folder``."""
    from designdoc import __version__

    docs = _view(entries, folder)
    kinds = []
    for kind in ("full", "one-pager", "hypothesis"):
        rows = [d for d in docs if d["kind"] == kind]
        if rows:
            columns = [{"id": s["id"], "label": SHORT.get(s["id"], s["id"]), "title": s["title"]}
                       for s in rows[0]["sections"]]
            kinds.append({"kind": kind, "title": KIND_TITLES[kind], "columns": columns, "rows": rows})
    counts = {
        "total": len(docs),
        "approval": sum(d["level_class"] == "approval" for d in docs),
        "review": sum(d["level_class"] == "review" for d in docs),
        "blocked": sum(d["level_class"] == "blocked" for d in docs),
        "errors": sum(d["errors"] for d in docs),
        "warnings": sum(d["warnings"] for d in docs),
    }
    import os

    shown = os.path.abspath(folder) if folder in (".", "./") else folder
    return _template().render(
        docs=docs, kinds=kinds, counts=counts, folder=shown, version=__version__,
        date=(today or dt.date.today()).isoformat(),
    )
