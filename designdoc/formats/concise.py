"""One line per problem, compiler style: ``path:line:col: severity: message [CODE name]``.

Editors' error formats (Vim ``errorformat``, VS Code problem matchers) parse it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from designdoc.lint import Result


def render(result: Result, color: bool = False) -> str:
    lines = [
        f"{p.path}:{p.line}:{p.column}: {p.severity}: {p.message} [{p.code} {p.name}]"
        for f in result.files
        for p in f.problems
    ]
    return "\n".join(lines) + ("\n" if lines else "")
