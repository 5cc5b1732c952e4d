"""JSON output as in INTERFACE.md (``version: 1``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from designdoc.lint import Result


def render(result: Result, color: bool = False) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
