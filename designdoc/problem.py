"""Problems (what the linter reports) and severities."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SEVERITIES = ("info", "warning", "error")
# Sorting weight: a higher number is more severe.
SEVERITY_RANK = {"off": -1, "info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file; ordered by path, then position."""

    path: str
    line: int  # 1-based
    column: int  # 1-based
    end_line: int
    code: str  # stable rule code, e.g. DD231
    name: str  # stable kebab-case rule name
    severity: str  # error | warning | info
    section: str | None
    message: str

    def to_json(self, url: str | None = None) -> dict[str, Any]:
        """The problem as in INTERFACE.md's JSON output."""
        data = asdict(self)
        return {
            "rule": data["code"],
            "name": data["name"],
            "severity": data["severity"],
            "section": data["section"],
            "line": data["line"],
            "column": data["column"],
            "end_line": data["end_line"],
            "message": data["message"],
            "url": url,
        }


def at_least(severity: str, threshold: str) -> bool:
    """True when ``severity`` is as severe as ``threshold`` or more."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
