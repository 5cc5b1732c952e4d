"""YAML specs: typed models per document kind and a safe, position-keeping loader.

Public API::

    load_spec(path) -> SpecBase
    load_spec_text(text, path="<spec>") -> SpecBase
    model_for_kind(kind) -> type[SpecBase]
    spec_json_schema(kind) -> dict   # draft-07, for editors

All loaders raise :class:`designdoc.errors.SpecError` with every problem
located as ``file:line:col: message``.
"""

from __future__ import annotations

from designdoc.spec.loader import apply_override, load_spec, load_spec_text, load_yaml, parse_scalar
from designdoc.spec.models import (
    KINDS,
    LANGS,
    SPEC_VERSION,
    STATUSES,
    FullSpec,
    HypothesisSpec,
    OnePagerSpec,
    Spec,
    SpecBase,
    model_for_kind,
)
from designdoc.spec.schema import spec_json_schema

__all__ = [
    "KINDS",
    "LANGS",
    "SPEC_VERSION",
    "STATUSES",
    "FullSpec",
    "HypothesisSpec",
    "OnePagerSpec",
    "Spec",
    "SpecBase",
    "apply_override",
    "load_spec",
    "load_spec_text",
    "load_yaml",
    "model_for_kind",
    "parse_scalar",
    "spec_json_schema",
]
