"""Draft-07 JSON Schema of a spec kind, in the shape yaml-language-server expects."""

from __future__ import annotations

from typing import Any

from designdoc.spec.models import model_for_kind

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _rewrite_refs(node: Any) -> Any:
    """Point ``#/$defs/X`` references at ``#/definitions/X`` (draft-07 spelling)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = "#/definitions/" + value[len("#/$defs/") :]
            else:
                out[key] = _rewrite_refs(value)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def spec_json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft-07) of the spec for ``kind``; ``KeyError`` if unknown."""
    model = model_for_kind(kind)
    raw = model.model_json_schema(mode="validation")
    defs = raw.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": DRAFT_07}
    schema.update(_rewrite_refs(raw))
    if defs:
        schema["definitions"] = _rewrite_refs(defs)
    return schema
