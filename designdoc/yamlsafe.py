"""Small safe YAML reading for front matter: positions kept, errors located.

Front matter is a flat mapping, so this keeps the top-level key lines only.
(The spec loader in designdoc.spec.loader does the full typed job.)
"""

from __future__ import annotations

import re
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
    simple = _simple_mapping(text, line_offset)
    if simple is not None:
        return simple
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
        if is_depth_refusal(err):
            raise YamlError(line, f"YAML nested deeper than {MAX_DEPTH} levels") from None
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


def is_depth_refusal(err: yaml.YAMLError) -> bool:
    """libyaml's own nesting limit (PyYAML ≥ 6.0.4 wheels) tripped before ours could.

    Its limit (~1,000) is above ``MAX_DEPTH``, so our message stays true.
    """
    return "nesting depth" in (getattr(err, "problem", None) or "")


# Front matter is nearly always `key: word`, `key: "text"`, `key: [a, b]`: read
# that shape without PyYAML (its import is ~15 ms of a one-file pre-commit run).
# Anything that YAML could read differently goes to PyYAML: a value that its
# resolvers would turn into a bool, null, number, date or merge key, an
# indicator, a comment, a tab, an escape, nesting, a key that is not a word.
_SIMPLE_KEY_RE = re.compile(r"([A-Za-z_][\w-]*):(?: +(.*))?\Z")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`+.0123456789~=<")
_RESOLVED_WORDS = frozenset("yes no true false on off null y n".split())


def _simple_word(value: str) -> bool:
    """A plain scalar that YAML reads as exactly this string."""
    return bool(value) and value[0] not in _INDICATORS and value.lower() not in _RESOLVED_WORDS and not (
        set(value) & {":", "#", "\t", "[", "]", "{", "}", ",", "\\", "'", '"'}
    ) and value == value.strip()


def _simple_value(value: str) -> tuple[bool, Any]:
    """(understood, value) for the value part of a front matter line."""
    if not value:
        return True, None
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] in inner or "\\" in inner or "\t" in inner:
            return False, None
        return True, inner
    if value[0] == "[" and value[-1] == "]":
        inner = value[1:-1].strip()
        if not inner:
            return True, []
        items = []
        for raw in inner.split(","):
            item = raw.strip()
            ok, got = _simple_value(item) if item[:1] in ("'", '"') else (_simple_word(item), item)
            if not ok or not isinstance(got, str):
                return False, None
            items.append(got)
        return True, items
    return (True, value) if _simple_word(value) else (False, None)


def _simple_mapping(text: str, line_offset: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Front matter of the common flat shape, or None to let PyYAML read it."""
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip(" ")
        if not line or line.startswith("#"):
            continue
        if not line.isprintable():
            return None  # YAML refuses some control characters: let PyYAML say so
        m = _SIMPLE_KEY_RE.match(line)
        if m is None or m.group(1).lower() in _RESOLVED_WORDS:
            return None
        ok, value = _simple_value(m.group(2) or "")
        if not ok:
            return None
        data[m.group(1)] = value
        key_lines.setdefault(m.group(1), n + line_offset)
    return (data, key_lines) if data else None


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
