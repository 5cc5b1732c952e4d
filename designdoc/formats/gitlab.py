"""GitLab Code Quality report (``artifacts:reports:codequality``).

A JSON array of issues: description, check_name, fingerprint, severity
(``major`` / ``minor`` / ``info``) and ``location.path`` / ``lines.begin``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from designdoc.formats._common import fingerprints

if TYPE_CHECKING:
    from designdoc.lint import Result

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issues(result: Result, root: Path | None = None) -> list[dict[str, Any]]:
    """The report as a list of dicts."""
    return [
        {
            "type": "issue",
            "description": f"{p.code} {p.name}: {p.message}",
            "check_name": p.name,
            "fingerprint": fp,
            "severity": SEVERITIES[p.severity],
            "categories": ["Style"],
            "location": {"path": rel, "lines": {"begin": p.line, "end": max(p.end_line, p.line)}},
        }
        for p, rel, fp in fingerprints(result, root)
    ]


def render(result: Result, color: bool = False) -> str:
    return json.dumps(issues(result), ensure_ascii=False, indent=2) + "\n"
