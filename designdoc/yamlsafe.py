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
# PyYAML's composer recurses (the C one can crash the process on deep input);
# no design doc nests anywhere near this.
MAX_DEPTH = 64


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
        too_deep = nesting_over(text, MAX_DEPTH, loader_cls)
        if too_deep is not None:
            raise YamlError(too_deep + line_offset, f"YAML nested deeper than {MAX_DEPTH} levels")
        loader = loader_cls(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        bad_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
            raise YamlError(line, "tab characters are not allowed for indentation in YAML; use spaces") from None
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
    except ValueError as err:
        # PyYAML builds dates with datetime, which raises ValueError for
        # impossible ones (2026-13-45); find the offending scalar's line.
        line = _bad_date_line(node) or 1
        raise YamlError(line + line_offset, f"invalid date ({err}); write a real date such as 2026-11-24") from None
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


def _bad_date_line(node: Any) -> int | None:
    """The 1-based line of the first timestamp-tagged scalar that is not a real date."""
    import datetime as dt

    stack = [node]
    while stack:
        cur = stack.pop()
        value = cur.value
        if isinstance(value, list):
            for item in value:
                stack.extend(item if isinstance(item, tuple) else (item,))
        elif cur.tag.endswith(":timestamp"):
            try:
                dt.date.fromisoformat(str(value)[:10])
            except ValueError:
                return int(cur.start_mark.line) + 1
    return None


def nesting_over(text: str, limit: int, loader_cls: Any = None) -> int | None:
    """The 1-based line where nesting first exceeds ``limit``, or None.

    Walks parser events, which keep an explicit stack, so this is safe on any
    input; call it before composing. YAML syntax errors propagate.
    """
    import yaml

    loader_cls = loader_cls or getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    depth = 0
    for event in yaml.parse(text, Loader=loader_cls):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > limit:
                return int(event.start_mark.line) + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None
