"""Human text output: ``path:line:col: CODE name message`` per problem."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from designdoc.lint import Result

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _c(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def render(result: Result, color: bool = False) -> str:
    lines: list[str] = []
    for f in result.files:
        for p in f.problems:
            loc = _c(f"{p.path}:{p.line}:{p.column}:", "1", color)
            code = _c(p.code, _COLORS[p.severity] + ";1", color)
            # Severity shows as the code's colour; the plain line stays
            # `path:line:col: CODE name message` for editors and grep.
            lines.append(f"{loc} {code} {p.name} {p.message}")
    return "\n".join(lines) + ("\n" if lines else "")


_LEVELS = {
    "ready-for-approval": "ready for approval",
    "ready-for-review": "ready for review, not for approval",
    "not-ready": "not ready for review",
}


def readiness_line(r: dict) -> str:  # type: ignore[type-arg]
    """`ready for review, not for approval (3 blockers; 82% of checks pass)`."""
    blockers = r["review_blockers"] if r["level"] == "not-ready" else r["approval_blockers"]
    extra = f"{len(blockers)} blocker{'s' if len(blockers) != 1 else ''}; " if blockers else ""
    return f"{_LEVELS.get(r['level'], r['level'])} ({extra}{r['percent']}% of checks pass)"


def summary(result: Result) -> str:
    """For stderr: the readiness of each file with problems, then one count line."""
    notes = [f"{f.path}: {readiness_line(f.readiness)}" for f in result.files if f.problems and f.readiness]
    return "\n".join([*notes, count_line(result)])


def count_line(result: Result) -> str:
    """Files checked, problems by severity, and readiness counts."""
    c = result.counts()
    skipped = sum(1 for f in result.files if f.skipped)
    if not c["files"]:
        why = f" ({skipped} Markdown file{'s' if skipped != 1 else ''} skipped as not design docs)" if skipped else ""
        return (f"No design docs found{why}: check the paths, or name a file to lint it anyway.")
    files = f"{c['files']} file{'s' if c['files'] != 1 else ''}"
    # Specs are validated, not judged for readiness: say how many there were.
    specs = sum(1 for f in result.files if not f.skipped and f.path.endswith((".yaml", ".yml")))
    kinds = f" ({c['files'] - specs} doc{'s' if c['files'] - specs != 1 else ''}, {specs} spec{'s' if specs != 1 else ''})" if specs else ""
    checked = f"{files}{kinds} checked" + (f", {skipped} skipped as not design docs" if skipped else "")
    levels = [f.readiness["level"] for f in result.files if f.readiness and not f.skipped]
    ready = ""
    if levels:
        counts = [(levels.count(k), v) for k, v in (("ready-for-approval", "ready for approval"),
                  ("ready-for-review", "ready for review"), ("not-ready", "not ready"))]
        ready = " Readiness: " + ", ".join(f"{n} {label}" for n, label in counts if n) + "."
    if not c["problems"]:
        return f"All clear: {checked}, no problems.{ready}"
    parts = []
    for key, label in (("errors", "error"), ("warnings", "warning"), ("infos", "info")):
        if c[key]:
            parts.append(f"{c[key]} {label}{'s' if c[key] != 1 else ''}")
    plural = "s" if c["problems"] != 1 else ""
    return f"Found {c['problems']} problem{plural} ({', '.join(parts)}); {checked}.{ready}"


def statistics(result: Result) -> str:
    """Problem counts per rule, most frequent first: ``count  CODE  name  severity``."""
    from collections import Counter

    counts = Counter((p.code, p.name) for p in result.problems)
    severities: dict[str, set[str]] = {}
    for p in result.problems:
        severities.setdefault(p.code, set()).add(p.severity)
    if not counts:
        return ""
    width = max(len(name) for _, name in counts)
    digits = max(len(str(n)) for n in counts.values())
    lines = [
        f"{n:>{digits}}  {code}  {name:<{width}}  {'/'.join(sorted(severities[code]))}"
        for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ]
    return "\n".join(lines) + "\n"
