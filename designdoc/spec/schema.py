"""Draft-07 JSON Schema of a spec kind, in the shape yaml-language-server expects."""

from __future__ import annotations

from typing import Any

from designdoc.spec.models import model_for_kind

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


_DATA_KEYS = ("default", "examples", "const", "enum")  # values, not schemas: copied as they are


def _rewrite(node: Any, lang: str) -> Any:
    """Draft-07 spelling of references, and help texts in ``lang``.

    ``#/$defs/X`` becomes ``#/definitions/X``. The models keep a Russian twin
    of every description (``ru``) and of the examples (``examples_ru``) next to
    the English ones; for ``lang`` they replace the English text, and the
    extra keys never reach the schema (strict validators reject unknown ones).
    """
    if isinstance(node, list):
        return [_rewrite(v, lang) for v in node]
    if not isinstance(node, dict):
        return node
    translated = node.get(lang) if lang != "en" else None
    examples = node.get(f"examples_{lang}") if lang != "en" else None
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "ru" and isinstance(value, str):
            continue  # a field's Russian help: not a schema keyword
        if key.startswith("examples_") and isinstance(value, list):
            continue
        if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
            out[key] = "#/definitions/" + value[len("#/$defs/") :]
        elif key == "examples" and isinstance(examples, list):
            out[key] = examples
        elif key in _DATA_KEYS:
            out[key] = value
        else:
            out[key] = _rewrite(value, lang)
    if isinstance(translated, str):
        # pydantic leaves out a field's description when it repeats the model's docstring
        out["description"] = translated
    return out


def spec_json_schema(kind: str, lang: str = "en") -> dict[str, Any]:
    """The JSON Schema (draft-07) of the spec for ``kind``; ``KeyError`` if unknown.

    ``lang="ru"`` gives the field descriptions (what an editor shows on hover)
    and the examples in Russian; keys and allowed values stay the same.
    """
    model = model_for_kind(kind)
    raw = model.model_json_schema(mode="validation")
    defs = raw.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": DRAFT_07}
    schema.update(_rewrite(raw, lang))
    if defs:
        schema["definitions"] = _rewrite(defs, lang)
    return schema
