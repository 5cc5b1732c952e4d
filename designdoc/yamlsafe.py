"""Small safe YAML reading for front matter: positions kept, errors located.

Front matter is a flat mapping, so this keeps the top-level key lines only.
(The spec loader in designdoc.spec.loader does the full typed job.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# An alias bomb expands a few lines into billions of nodes; real front matter
# never uses aliases at all, so a handful is plenty.
MAX_ALIASES = 50


@dataclass
class YamlError(Exception):
    line: int
    message: str


def load_yaml_with_lines(text: str, line_offset: int = 0) -> tuple[Any, dict[str, int]]:
    """Load ``text``; return (data, {top-level key: 1-based line}).

    ``line_offset`` is added to every line (the front matter starts after
    the opening ``---``). Raises :class:`YamlError` with a located message.
    """
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_cls(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        return_msg = f"{err.problem or 'invalid YAML'}" + (f" ({err.context})" if err.context else "")
        raise YamlError(line, f"invalid YAML: {return_msg}") from None
    except yaml.YAMLError as err:
        raise YamlError(1 + line_offset, f"invalid YAML: {err}") from None
    if node is None:
        return None, {}
    aliases = _count_aliases(node)
    if aliases > MAX_ALIASES:
        raise YamlError(1 + line_offset, f"too many YAML aliases ({aliases}); write values out instead")
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode):
                key_lines.setdefault(str(key.value), key.start_mark.line + 1 + line_offset)
    try:
        data = yaml.SafeLoader("").construct_document(node)  # type: ignore[no-untyped-call]
    except yaml.YAMLError as err:
        raise YamlError(1 + line_offset, f"invalid YAML: {err}") from None
    return data, key_lines


def _count_aliases(node: Any) -> int:
    """Count nodes reachable more than once (what an alias expands to)."""
    seen: set[int] = set()
    repeats = 0
    stack = [node]
    while stack:
        cur = stack.pop()
        if id(cur) in seen:
            repeats += 1
            if repeats > MAX_ALIASES:
                return repeats
            continue
        seen.add(id(cur))
        value = cur.value
        if isinstance(value, list):
            for item in value:
                if isinstance(item, tuple):
                    stack.extend(item)
                else:
                    stack.append(item)
    return repeats
