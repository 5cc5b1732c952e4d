"""Output formats. Each module has ``render(result, color=False) -> str``.

Formatters only read a :class:`designdoc.lint.Result`; they never re-parse.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from designdoc.lint import Result

# format name -> module; imported only when chosen.
FORMATS: dict[str, str] = {
    "text": "designdoc.formats.text",
    "concise": "designdoc.formats.concise",
    "json": "designdoc.formats.json_format",
    "sarif": "designdoc.formats.sarif",
    "github": "designdoc.formats.github",
    "junit": "designdoc.formats.junit",
    "gitlab": "designdoc.formats.gitlab",
}
# Formats meant for people (the summary line goes to stderr for these).
HUMAN = frozenset({"text", "concise"})


def get(name: str) -> Callable[..., str]:
    """The render function of a format."""
    return importlib.import_module(FORMATS[name]).render  # type: ignore[no-any-return]


def render(result: Result, name: str, color: bool = False) -> str:
    return get(name)(result, color=color)
