"""An index of the design docs in a folder: a Markdown table and an HTML page."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from designdoc.problem import Problem

if TYPE_CHECKING:
    from designdoc.config import Config
    from designdoc.review.readiness import Readiness

START = "<!-- designdoc-report:start -->"
END = "<!-- designdoc-report:end -->"
# Heatmap cell states.
SOUND, WEAK, MISSING = "sound", "weak", "missing"

_LEVEL_MD = {
    "ready-for-approval": "✅ ready for approval",
    "ready-for-review": "🔷 ready for review",
    "not-ready": "⛔ not ready",
}


@dataclass
class Entry:
    """One design doc in the report."""

    path: str
    title: str
    kind: str | None
    lang: str | None
    status: str | None
    owners: list[str]
    updated: str | None
    problems: list[Problem]
    readiness: Readiness | None
    sections: dict[str, str] = field(default_factory=dict)  # id -> sound | weak | missing
    section_lines: dict[str, int] = field(default_factory=dict)
    error: str | None = None  # why readiness could not be computed

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    def problems_for(self, section: str | None) -> list[Problem]:
        return [p for p in self.problems if p.section == section]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "kind": self.kind,
            "lang": self.lang,
            "status": self.status,
            "owners": self.owners,
            "updated": self.updated,
            "readiness": self.readiness.to_json() if self.readiness else None,
            "sections": self.sections,
            "errors": self.errors,
            "warnings": self.warnings,
            "problems": [p.to_json() for p in self.problems],
        }


def collect(folder: str, config: Config | None = None) -> list[Entry]:
    """Lint every design doc under ``folder``; files that are not design docs are left out.

    ``folder`` may also be one doc file: it is reported as named, like a
    file given to ``lint``.
    """
    from designdoc.catalog import default_catalog
    from designdoc.config import find_config, load_config
    from designdoc.discover import discover
    from designdoc.errors import DesignDocError
    from designdoc.lint import lint_file, read_text
    from designdoc.review.readiness import readiness

    entries: list[Entry] = []
    for path, explicit in discover([folder], config):
        cfg = config or load_config(find_config(Path(path).parent))
        result = lint_file(path, explicit, cfg)
        if result.skipped:
            continue
        entry = Entry(
            path=path,
            title=result.title or Path(path).stem,
            kind=result.kind,
            lang=result.lang,
            status=result.status,
            owners=list(result.owners),
            updated=result.updated,
            problems=list(result.problems),
            readiness=None,
        )
        try:
            entry.readiness = readiness(read_text(Path(path)), path, cfg)
        except (OSError, UnicodeDecodeError) as err:
            entry.error = f"cannot read: {err}"
        except DesignDocError as err:
            entry.error = str(err).splitlines()[0] if str(err) else type(err).__name__
        catalog = cfg.settings_for(path).catalog() if result.kind else default_catalog()
        present = {s["id"]: s["line"] for s in reversed(result.sections)}
        for sid in catalog.ids_for(result.kind):
            if sid not in present:
                entry.sections[sid] = MISSING
            elif entry.problems_for(sid):
                entry.sections[sid] = WEAK
            else:
                entry.sections[sid] = SOUND
            if sid in present:
                entry.section_lines[sid] = present[sid]
        entries.append(entry)
    entries.sort(key=lambda e: e.path)
    return entries


# ---------------------------------------------------------------- Markdown


def _cell(text: str) -> str:
    """Doc text made safe for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _link_target(path: str, base: str | None) -> str:
    rel = os.path.relpath(path, base) if base is not None else path
    return rel.replace(os.sep, "/").replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def readiness_label(entry: Entry) -> str:
    r = entry.readiness
    if r is None:
        return "— (" + _cell(entry.error or "unknown") + ")"
    label = _LEVEL_MD[r.level]
    if r.level == "not-ready":
        label += f": {len(r.review_blockers)} blocker(s)"
    elif r.level == "ready-for-review":
        label += f" ({len(r.approval_blockers)} to approval)"
    return f"{label} · {r.percent}%"


def problems_label(entry: Entry) -> str:
    parts = []
    if entry.errors:
        parts.append(f"{entry.errors} error{'s' if entry.errors != 1 else ''}")
    if entry.warnings:
        parts.append(f"{entry.warnings} warning{'s' if entry.warnings != 1 else ''}")
    return ", ".join(parts) or "—"


def markdown_table(entries: list[Entry], base: str | None = None) -> str:
    """The index as a Markdown table; links are relative to ``base`` (a folder)."""
    rows = [
        "| Document | Kind | Status | Owners | Updated | Readiness | Open problems |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        text = _cell(e.title).replace("[", "\\[").replace("]", "\\]")
        title = f"[{text}]({_link_target(e.path, base)})"
        rows.append(
            "| " + " | ".join([
                title,
                _cell(e.kind or "—"),
                _cell(e.status or "—"),
                _cell(", ".join(e.owners) or "—"),
                _cell(e.updated or "—"),
                readiness_label(e),
                problems_label(e),
            ]) + " |"
        )
    if not entries:
        rows.append("| _no design docs found_ | | | | | | |")
    return "\n".join(rows) + "\n"


def _block(table: str, nl: str) -> str:
    body = table.replace("\n", nl)
    return f"{START}{nl}{body}{END}"


def updated_index(current: str | None, table: str) -> str:
    """The index file text with ``table`` between the markers; the rest kept as is.

    A file without markers gets the block appended; no file gets a small page.
    """
    from designdoc.review.frontmatter import newline_of

    if current is None:
        return f"# Design docs\n\n{_block(table, chr(10))}\n"
    nl = newline_of(current) if "\n" in current else "\n"
    start = current.find(START)
    end = current.find(END, start + len(START)) if start >= 0 else -1
    if start >= 0 and end >= 0:
        return current[:start] + _block(table, nl) + current[end + len(END):]
    sep = "" if current.endswith(("\n", "\r")) or not current else nl
    gap = nl if current.strip() else ""
    return current + sep + gap + _block(table, nl) + nl


def index_is_stale(current: str | None, table: str) -> bool:
    """True when the index lacks the block or its block differs from ``table``."""
    if current is None:
        return True
    return updated_index(current, table) != current
