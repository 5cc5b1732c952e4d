"""GitHub Actions workflow commands: ``::error file=…,line=…::message``.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per
step; problems beyond those caps are printed as plain lines after a note, so
nothing is lost from the log. :func:`step_summary` gives a Markdown table for
``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designdoc.formats._common import relpath

if TYPE_CHECKING:
    from designdoc.lint import Result
    from designdoc.problem import Problem

# GitHub's per-step display limits, per annotation level.
ANNOTATION_CAP = 10
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SUMMARY_ROWS = 200


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(p: Problem) -> str:
    """One workflow command for a problem."""
    props = {
        "file": relpath(p.path),
        "line": str(p.line),
        "col": str(p.column),
        "endLine": str(max(p.end_line, p.line)),
        "title": f"{p.code} {p.name}",
    }
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{COMMANDS[p.severity]} {joined}::{escape_data(p.message)}"


def render(result: Result, color: bool = False, cap: int = ANNOTATION_CAP) -> str:
    shown = {level: 0 for level in COMMANDS}
    lines: list[str] = []
    rest: list[Problem] = []
    for p in result.problems:
        if shown[p.severity] < cap:
            shown[p.severity] += 1
            lines.append(annotation(p))
        else:
            rest.append(p)
    if rest:
        lines.append(
            f"designdoc: {len(rest)} more problem{'s' if len(rest) != 1 else ''} not shown as annotations "
            f"(GitHub shows at most {cap} per level per step):"
        )
        lines += [f"{relpath(p.path)}:{p.line}:{p.column}: {p.severity}: {p.code} {p.name} {p.message}" for p in rest]
    return "\n".join(lines) + ("\n" if lines else "")


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def step_summary(result: Result, rows: int = SUMMARY_ROWS) -> str:
    """A Markdown report for ``$GITHUB_STEP_SUMMARY``: counts and a table of problems."""
    from designdoc.formats.text import count_line

    out = ["### designdoc", "", count_line(result), ""]
    probs = result.problems
    if probs:
        icons = {"error": "❌ error", "warning": "⚠️ warning", "info": "ℹ️ info"}
        out += ["| Severity | File | Line | Rule | Message |", "|---|---|---|---|---|"]
        for p in probs[:rows]:
            out.append(
                f"| {icons[p.severity]} | `{_cell(relpath(p.path))}` | {p.line} | {p.code} {p.name} | {_cell(p.message)} |"
            )
        if len(probs) > rows:
            out += ["", f"…and {len(probs) - rows} more; see the job log."]
    return "\n".join(out) + "\n\n"
