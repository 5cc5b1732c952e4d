"""designdoc: scaffold, lint and review ML system design documents.

The public API is small and imported lazily so that ``designdoc lint`` in a
pre-commit hook pays only for what it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Problem",
    "__version__",
    "lint_paths",
    "lint_text",
    "parse",
    "render_spec",
]

if TYPE_CHECKING:  # pragma: no cover
    from designdoc.document import Document, parse
    from designdoc.generate import render_spec
    from designdoc.lint import lint_paths, lint_text
    from designdoc.problem import Problem

_LAZY = {
    "Document": "designdoc.document",
    "parse": "designdoc.document",
    "Problem": "designdoc.problem",
    "lint_text": "designdoc.lint",
    "lint_paths": "designdoc.lint",
    "render_spec": "designdoc.generate",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'designdoc' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
