"""Safe YAML loading with positions, and spec validation with located errors.

Why not ``yaml.safe_load``: it follows YAML 1.1, where ``no`` is ``False``,
``on`` is ``True``, ``0012`` is an octal-ish int and ``2026-01-05`` a date.
Specs are prose written by people, so plain scalars stay strings unless they
are unambiguous YAML 1.2 core values (``true``/``false``, ``null``, decimal
numbers); the pydantic model decides the rest (a ``date`` field still parses
``2026-01-05``). The document is composed into nodes first, so every key and
value keeps its line and column for error messages.

:func:`load_spec_text` is also the linter's entry point for YAML specs: on any
input it either returns a model or raises :class:`SpecError`, nothing else.
"""

from __future__ import annotations

import difflib
import re
import typing
from pathlib import Path
from typing import Any, Union

import yaml
from pydantic import BaseModel, ValidationError

from designdoc.errors import SpecError, SpecIssue
from designdoc.spec.models import KINDS, SpecBase, model_for_kind

__all__ = [
    "Positions",
    "apply_override",
    "load_spec",
    "load_spec_text",
    "load_yaml",
    "looks_like_markdown",
    "parse_scalar",
    "validate_spec",
]

# Limits that keep hostile input cheap. Real specs are a few hundred nodes.
MAX_BYTES = 2_000_000
MAX_NODES = 100_000
MAX_ALIAS_NODES = 1_000  # nodes reached again through aliases (a "billion laughs" bomb is millions)
MAX_DEPTH = 64

PathT = tuple[Union[str, int], ...]

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_Base):  # type: ignore[misc,valid-type]
    """Safe loader whose implicit resolvers follow YAML 1.2 core, minus octal-looking ints."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
# No leading zeros: `0012` is an id or a code, not twelve.
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)

_STR = "tag:yaml.org,2002:str"
_TAGS_SCALAR = {
    _STR,
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}


class Positions:
    """Line/column (1-based) of every key and value, addressed by a data path."""

    def __init__(self) -> None:
        self.keys: dict[PathT, tuple[int, int]] = {}
        self.values: dict[PathT, tuple[int, int]] = {}

    def at(self, path: PathT) -> tuple[int, int]:
        """Where to report a problem about ``path``: its key, else its value, else its parent."""
        path = tuple(path)
        while True:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return (1, 1)
            path = path[:-1]


class _Builder:
    """Turn composed nodes into plain Python values, recording positions and problems."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.positions = Positions()
        self.issues: list[SpecIssue] = []
        self.nodes = 0
        self.alias_nodes = 0
        self._seen: set[int] = set()
        self._active: set[int] = set()

    def issue(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.issues.append(SpecIssue(self.source, mark.line + 1, mark.column + 1, message))

    def build(self, node: yaml.Node, path: PathT = (), depth: int = 0) -> Any:
        mark = node.start_mark
        self.positions.values.setdefault(path, (mark.line + 1, mark.column + 1))
        self.nodes += 1
        if id(node) in self._seen and not isinstance(node, yaml.ScalarNode):
            # Reached again: an alias. Charge every node it expands to.
            self.alias_nodes += 1
        if self.nodes > MAX_NODES or self.alias_nodes > MAX_ALIAS_NODES:
            raise _Abort(
                node,
                "the document expands to too many values (YAML aliases/anchors used as a "
                "'billion laughs' bomb?); write the values out instead",
            )
        if depth > MAX_DEPTH:
            raise _Abort(node, f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if id(node) in self._active:
            raise _Abort(node, "recursive YAML alias (a value contains itself)")
        self._seen.add(id(node))
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag not in ("tag:yaml.org,2002:seq",):
                    self.issue(node, f"unsupported YAML tag {node.tag!r}")
                return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path, depth)
        finally:
            self._active.discard(id(node))
        self.issue(node, "unsupported YAML node")
        return None

    def _mapping(self, node: yaml.MappingNode, path: PathT, depth: int) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            self.issue(node, f"unsupported YAML tag {node.tag!r}")
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issue(key_node, "a key must be a plain name, not a list or mapping")
                continue
            key = str(key_node.value)
            if key == "<<":
                self.issue(key_node, "merge keys (<<) are not supported; write the keys out")
                continue
            if key in out:
                self.issue(key_node, f"duplicate key '{key}' (first defined on line {first_line[key]})")
                continue
            kmark = key_node.start_mark
            first_line[key] = kmark.line + 1
            self.positions.keys[path + (key,)] = (kmark.line + 1, kmark.column + 1)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR or tag == "!":
            return value
        if tag not in _TAGS_SCALAR:
            self.issue(node, f"unsupported YAML tag {tag!r}; only plain values are allowed")
            return value
        try:
            if tag.endswith(":null"):
                return None
            if tag.endswith(":bool"):
                low = value.lower()
                if low not in ("true", "false"):
                    raise ValueError(value)
                return low == "true"
            if tag.endswith(":int"):
                return int(value.replace("_", ""), 10)
            low = value.lower()
            if low.endswith(".inf"):
                return float("-inf") if low.startswith("-") else float("inf")
            if low == ".nan":
                return float("nan")
            return float(value)
        except ValueError:
            self.issue(node, f"{value!r} is not a valid {tag.rsplit(':', 1)[-1]}")
            return value


class _Abort(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


TAB_INDENT = "tab characters are not allowed for indentation in YAML; use spaces"

# `key:` at the start of a line (after the indentation and any `- ` list markers).
_KEY_LINE = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>[^\s#'\"\[\]{},&*!|>%@`:-][^:#]*?|-[^\s:#][^:#]*?)[ ]*:(?:[ \t]|$)")


def _key_at(line: str) -> tuple[int, str] | None:
    """(0-based column, name) of the key a line starts with, if it starts with one."""
    m = _KEY_LINE.match(line)
    return (len(m.group("indent")), m.group("key").strip()) if m else None


def _open_columns(lines: list[str], row: int) -> list[int]:
    """Columns (1-based) of the keys a new key on ``row`` could belong with.

    Walking up from ``row``: the nearest key, then each key less indented than
    every one seen so far (the chain of mappings still open at ``row``).
    """
    columns: list[int] = []
    limit: int | None = None
    for text in reversed(lines[:row]):
        found = _key_at(text)
        if found is None:
            continue
        col = found[0]
        if limit is None or col < limit:
            columns.append(col + 1)
            limit = col
        if col == 0:
            break
    return sorted(set(columns))


def _either(columns: list[int]) -> str:
    names = [str(c) for c in columns]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _tab_issue(err: yaml.MarkedYAMLError, lines: list[str], source: str) -> SpecIssue | None:
    """A tab in the indentation of the failing line (or of a line the failing construct spans)."""
    pm, cm = err.problem_mark, err.context_mark
    if pm is None:
        return None
    rows = [pm.line]
    if "tab" in str(err.problem or "") and cm is not None:
        rows += list(range(cm.line, pm.line))
    for row in rows:
        if 0 <= row < len(lines):
            text = lines[row]
            lead = text[: len(text) - len(text.lstrip(" \t"))]
            if "\t" in lead:
                return SpecIssue(source, row + 1, lead.index("\t") + 1, TAB_INDENT)
    return None


def _indent_issue(err: yaml.MarkedYAMLError, lines: list[str], source: str) -> SpecIssue | None:
    """Bad indentation of a key, reported at that key with the columns it could line up with."""
    pm = err.problem_mark
    problem = str(err.problem or "")
    if pm is None or not 0 <= pm.line < len(lines):
        return None
    row = pm.line
    found = _key_at(lines[row])
    if found is None:
        return None
    col, key = found
    if problem.startswith("mapping values are not allowed"):
        colon = lines[row].find(":", col)
        if colon != pm.column:
            # `title: a: b` - a colon inside a plain value.
            value = lines[row][colon + 1 :].strip()
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return SpecIssue(
                source, pm.line + 1, pm.column + 1,
                f"a value containing ': ' must be quoted: {key}: {quoted}",
            )
        # The key line was read as the continuation of the value above it.
        columns = [c for c in _open_columns(lines, row) if c <= col]
        above = next((k for t in reversed(lines[:row]) if (k := _key_at(t))), None)
        where = f"under '{above[1]}', which already has a value" if above else "too deep"
        hint = f" (here: column {_either(columns)})" if columns else ""
        return SpecIssue(
            source, row + 1, col + 1,
            f"bad indentation: '{key}' is indented {where}; keys of one mapping start in the same column{hint}",
        )
    if problem.startswith(("did not find expected key", "expected <block end>", "did not find expected '-'")):
        stripped = lines[row].lstrip(" ")
        if stripped.startswith("- ") or stripped == "-":
            dash = len(lines[row]) - len(stripped)
            items = [len(t) - len(t.lstrip(" ")) for t in lines[:row] if t.lstrip(" ").startswith("- ")]
            hint = f", but the items above it are at column {items[-1] + 1}" if items and items[-1] != dash else ""
            return SpecIssue(
                source, row + 1, dash + 1,
                f"bad indentation: the list item '{stripped.strip()}' is at column {dash + 1}{hint}; "
                "items of one list start in the same column",
            )
        columns = [c for c in _open_columns(lines, row) if c != col + 1]
        hint = f", but the keys around it are at column {_either(columns)}" if columns else ""
        return SpecIssue(
            source, row + 1, col + 1,
            f"bad indentation: '{key}' is at column {col + 1}{hint}; keys of one mapping start in the same column",
        )
    return None


def _yaml_error_issue(err: yaml.YAMLError, source: str, text: str = "") -> SpecIssue:
    """A located issue for a YAML syntax error."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if isinstance(err, yaml.MarkedYAMLError) and text:
        lines = text.split("\n")
        try:
            better = _tab_issue(err, lines, source) or _indent_issue(err, lines, source)
        except Exception:  # pragma: no cover - a friendlier message is best effort
            better = None
        if better is not None:
            return better
    from designdoc.yamlsafe import is_depth_refusal

    if is_depth_refusal(err):
        return SpecIssue(source, line, col, f"nesting deeper than {MAX_DEPTH} levels")
    if isinstance(err, yaml.MarkedYAMLError):
        parts = [p for p in (err.context, err.problem) if p]
        message = ", ".join(parts) or "invalid YAML"
        if err.context_mark is not None and err.problem_mark is not None and err.context:
            cm = err.context_mark
            if (cm.line, cm.column) != (line - 1, col - 1):
                message = f"{err.problem} ({err.context} on line {cm.line + 1})"
    elif isinstance(err, yaml.reader.ReaderError):
        message = f"unreadable character {chr(err.character)!r}" if isinstance(err.character, int) else str(err)
        line, col = 1, 1
        try:
            before = err.buffer[: err.position] if isinstance(err.buffer, str) else ""
            line = before.count("\n") + 1
            col = len(before) - (before.rfind("\n") + 1) + 1
        except Exception:  # pragma: no cover - positions are best effort
            pass
    else:
        message = str(err) or "invalid YAML"
    return SpecIssue(source, line, col, f"invalid YAML: {message}")


def _check_depth(text: str, path: str) -> None:
    """Refuse absurd nesting before composing: the C composer recurses and can crash on it."""
    from designdoc.yamlsafe import nesting_over

    line = nesting_over(text, MAX_DEPTH, _Yaml12Loader)
    if line is not None:
        raise SpecError([SpecIssue(path, line, 1, f"nesting deeper than {MAX_DEPTH} levels")])


def load_yaml(text: str, path: str = "<spec>") -> tuple[Any, Positions]:
    """Parse ``text`` as one YAML 1.2-style document; return (data, positions).

    Raises :class:`SpecError` for syntax errors, unsupported tags, duplicate
    keys and alias bombs.
    """
    data, positions, issues = _load_yaml(text, path)
    if issues:
        raise SpecError(issues)
    return data, positions


def _load_yaml(text: str, path: str) -> tuple[Any, Positions, list[SpecIssue]]:
    """Like :func:`load_yaml` but returns soft issues (duplicates, tags) with the data."""
    if len(text) > MAX_BYTES:
        raise SpecError([SpecIssue(path, 1, 1, f"the spec is larger than {MAX_BYTES // 1_000_000} MB")])
    text = text.lstrip("\ufeff")
    try:
        _check_depth(text, path)
        loader = _Yaml12Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        raise SpecError([_yaml_error_issue(err, path, text)]) from None
    except RecursionError:
        raise SpecError([SpecIssue(path, 1, 1, "invalid YAML: nesting too deep")]) from None
    builder = _Builder(path)
    if node is None:
        return None, builder.positions, []
    try:
        data = builder.build(node)
    except _Abort as err:
        mark = err.node.start_mark
        raise SpecError([SpecIssue(path, mark.line + 1, mark.column + 1, err.message)]) from None
    return data, builder.positions, builder.issues


def parse_scalar(text: str) -> Any:
    """Type a command-line value the way a spec value is typed (``--set k=v``).

    ``[alice, bob]`` is a list, ``0.05`` a float, ``no`` and ``0012`` stay strings.
    """
    try:
        data, _ = load_yaml(text, "<value>")
    except SpecError:
        return text  # not valid YAML on its own: take it literally
    return "" if data is None and text.strip() not in ("~", "null", "Null", "NULL") else data


# ---------------------------------------------------------------- validation


def _unwrap(annotation: Any) -> Any:
    """The model class or list item type behind Optional/Union wrappers."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is Union:
        for arg in args:
            if arg is not type(None):
                inner = _unwrap(arg)
                if (isinstance(inner, type) and issubclass(inner, BaseModel)) or typing.get_origin(inner) is list:
                    return inner
        return annotation
    return annotation


def _model_at(model: type[BaseModel], path: PathT) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path``, if any."""
    current: Any = model
    for seg in path:
        if isinstance(seg, int):
            if typing.get_origin(current) is list:
                current = _unwrap(typing.get_args(current)[0])
                continue
            return None
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(seg)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _data_prefix(data: Any, loc: tuple[Any, ...]) -> tuple[PathT, tuple[Any, ...]]:
    """Split a pydantic ``loc`` into the part that exists in ``data`` and the rest."""
    cur = data
    path: list[Union[str, int]] = []
    for i, seg in enumerate(loc):
        if isinstance(cur, dict) and isinstance(seg, str) and seg in cur:
            cur = cur[seg]
        elif isinstance(cur, list) and isinstance(seg, int) and 0 <= seg < len(cur):
            cur = cur[seg]
        else:
            return tuple(path), tuple(loc[i:])
        path.append(seg)
    return tuple(path), ()


def _dotted(path: PathT) -> str:
    out = ""
    for seg in path:
        out += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if out else str(seg))
    return out or "spec"


def _suggest(word: str, choices: typing.Iterable[str]) -> str:
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def validate_spec(data: Any, positions: Positions, path: str) -> SpecBase:
    """Validate loaded YAML data; raise :class:`SpecError` listing every problem."""
    if data is None:
        raise SpecError([SpecIssue(path, 1, 1, f"the spec is empty: start with `kind:` ({', '.join(KINDS)})")])
    if not isinstance(data, dict):
        line, col = positions.at(())
        raise SpecError([SpecIssue(path, line, col, "a spec must be a mapping of keys to values")])
    kind = data.get("kind")
    if kind is None:
        raise SpecError(
            [SpecIssue(path, 1, 1, f"missing required key 'kind' (one of: {', '.join(KINDS)})")]
        )
    if not isinstance(kind, str) or kind not in KINDS:
        line, col = positions.values.get(("kind",), (1, 1))
        raise SpecError(
            [SpecIssue(path, line, col, f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}{_suggest(str(kind), KINDS)}")]
        )
    model = model_for_kind(kind)
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise SpecError(_issues_from(err, data, positions, path, model)) from None


def _issues_from(
    err: ValidationError, data: Any, positions: Positions, source: str, model: type[BaseModel]
) -> list[SpecIssue]:
    """Turn pydantic errors into located, readable issues (one per offending value)."""
    grouped: dict[PathT, list[tuple[dict[str, Any], tuple[Any, ...]]]] = {}
    for e in err.errors(include_url=False):
        dpath, rest = _data_prefix(data, tuple(e["loc"]))
        if e["type"] == "missing":
            # Reported at the mapping that lacks the key.
            key = rest[0] if rest else dpath[-1]
            grouped.setdefault(dpath + (f"\0missing:{key}",), []).append((e, rest))
        else:
            grouped.setdefault(dpath, []).append((e, rest))
    issues: list[SpecIssue] = []
    for gpath, errs in grouped.items():
        if gpath and isinstance(gpath[-1], str) and gpath[-1].startswith("\0missing:"):
            parent = gpath[:-1]
            key = gpath[-1].split(":", 1)[1]
            line, col = positions.at(parent)
            where = f" in {_dotted(parent)}" if parent else ""
            issues.append(SpecIssue(source, line, col, f"missing required key '{key}'{where}"))
            continue
        line, col = positions.at(gpath)
        e0 = errs[0][0]
        if e0["type"] == "extra_forbidden":
            parent_model = _model_at(model, gpath[:-1])
            allowed = list(parent_model.model_fields) if parent_model else []
            hint = _suggest(str(gpath[-1]), allowed)
            where = f" in {_dotted(gpath[:-1])}" if gpath[:-1] else ""
            if not hint and allowed:
                hint = f"; allowed keys: {', '.join(allowed)}"
            issues.append(SpecIssue(source, line, col, f"unknown key '{gpath[-1]}'{where}{hint}"))
            continue
        issues.append(SpecIssue(source, line, col, f"{_dotted(gpath)}: {_message(errs, _scalar_list(model, gpath))}"))
    issues.sort(key=lambda i: (i.line, i.column))
    return issues


def _scalar_list(model: type[BaseModel], path: PathT) -> bool:
    """Whether the value at ``path`` is a list of plain values (``owners``), not of mappings."""
    if not path or not isinstance(path[-1], str):
        return False
    parent = _model_at(model, path[:-1])
    field = parent.model_fields.get(path[-1]) if parent else None
    if field is None:
        return False
    annotation = _unwrap(field.annotation)
    if typing.get_origin(annotation) is not list:
        return False
    item = _unwrap(typing.get_args(annotation)[0])
    return not (isinstance(item, type) and issubclass(item, BaseModel))


def _as_list(value: Any) -> str:
    """How to write a scalar the user gave as a one-item (or comma-separated) flow list."""
    text = str(value).strip()
    if re.fullmatch(r"[\w.@+\- ,]+", text) and not text.startswith("-"):
        return f"[{text}]"
    return "[" + '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"' + "]"


_DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date_message(e: dict[str, Any]) -> str:
    import datetime as dt

    example = f"expected a date like {dt.date.today().isoformat()}"
    got = e.get("input")
    if isinstance(got, str) and _DATE_SHAPE.match(got.strip()) and "outside expected range" in str(e.get("msg", "")):
        return f"there is no date {got.strip()}; {example}"
    return example


def _message(errs: list[tuple[dict[str, Any], tuple[Any, ...]]], scalar_list: bool = False) -> str:
    """One readable message for the error(s) of one value (union branches merged)."""
    msgs: list[str] = []
    for e, _rest in errs:
        if str(e["type"]).startswith("date_"):
            msgs.append(_date_message(e))
            continue
        if e["type"] == "list_type":
            got = e.get("input")
            if got is None or (isinstance(got, str) and not got.strip()):
                msgs.append("expected a list; write [] when there is nothing yet")
            elif scalar_list and isinstance(got, (str, int, float)) and not isinstance(got, bool) and str(got).strip():
                msgs.append(f"expected a list; write {_as_list(got)}")
            else:
                msgs.append("expected a list")
            continue
        if e["type"] in ("model_type", "dict_type"):
            msgs.append(f"expected keys with values (a mapping), not {e.get('input')!r}")
            continue
        if e["type"] == "literal_error":
            expected = re.findall(r"'([^']*)'|(\d+)", str(e.get("ctx", {}).get("expected", "")))
            allowed = [a or b for a, b in expected]
            got = e.get("input")
            choices = " or ".join(allowed) if len(allowed) <= 2 else "one of " + ", ".join(allowed)
            msg = f"{got!r} is not allowed; expected {choices}"
            if isinstance(got, str):
                msg += _suggest(got, allowed)
            msgs.append(msg)
            continue
        msg = str(e["msg"])
        msg = msg[0].lower() + msg[1:] if msg else msg
        if msg.startswith("input should be "):
            msg = "should be " + msg[len("input should be ") :]
        if msg not in msgs:
            msgs.append(msg)
    if len(msgs) > 1 and all(m.startswith("should be ") for m in msgs):
        return "should be " + " or ".join(m[len("should be ") :] for m in msgs)
    return "; ".join(msgs)


# ---------------------------------------------------------------- entry points


def load_spec_text(text: str, path: str = "<spec>") -> SpecBase:
    """Load and validate a spec from YAML ``text``; ``path`` is used in messages.

    Raises :class:`SpecError` (and nothing else) listing every problem as
    ``path:line:col: message``.
    """
    try:
        if not isinstance(text, str):
            raise SpecError([SpecIssue(path, 1, 1, "the spec must be text")])
        data, positions, soft = _load_yaml(text, path)
        try:
            spec = validate_spec(data, positions, path)
        except SpecError as err:
            raise SpecError(sorted(soft + err.issues, key=lambda i: (i.line, i.column))) from None
        if soft:
            raise SpecError(soft)
        return spec
    except SpecError:
        raise
    except Exception as err:  # noqa: BLE001 - the contract is "SpecError or a model"
        raise SpecError([SpecIssue(path, 1, 1, f"cannot read the spec: {type(err).__name__}: {err}")]) from None


_FRONT_MATTER_DOC = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^---[ \t]*\r?$.*?^#{1,6}[ \t]+\S", re.S | re.M)
MARKDOWN_SUFFIXES = (".md", ".markdown")


def looks_like_markdown(name: Union[str, Path, None], text: str | None = None) -> bool:
    """Whether the input is a Markdown doc rather than a YAML spec.

    True for a ``.md``/``.markdown`` file name, or for text that opens with
    ``---`` front matter, closes it with ``---`` and goes on with Markdown
    headings (a YAML spec holds one document, so a second ``---`` is not YAML).
    """
    if name is not None and str(name).lower().endswith(MARKDOWN_SUFFIXES):
        return True
    return bool(text) and _FRONT_MATTER_DOC.match(text) is not None


def load_spec(path: Union[str, Path]) -> SpecBase:
    """Read and validate the spec file at ``path``."""
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8")
    except OSError as err:
        raise SpecError([SpecIssue(str(path), 1, 1, f"cannot read the spec: {err.strerror or err}")]) from None
    except UnicodeDecodeError as err:
        raise SpecError([SpecIssue(str(path), 1, 1, f"the spec is not valid UTF-8 ({err.reason})")]) from None
    return load_spec_text(text, str(path))


def apply_override(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set ``dotted`` (``goals.problem``, ``metrics.0.name``) in ``data`` to ``value``.

    Intermediate mappings are created; a numeric segment indexes (or appends
    to) a list. Raises ``ValueError`` with a readable message on a bad path.
    """
    parts = [p for p in dotted.split(".")]
    if not dotted or any(not p for p in parts):
        raise ValueError(f"bad key {dotted!r}: use dotted names like goals.problem")
    cur: Any = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        nxt: Any = None if last else ([] if parts[i + 1].isdigit() else {})
        if isinstance(cur, list):
            if not part.isdigit():
                raise ValueError(f"bad key {dotted!r}: {'.'.join(parts[:i])} is a list, use a number")
            idx = int(part)
            if idx > len(cur):
                raise ValueError(f"bad key {dotted!r}: index {idx} is past the end of the list")
            if idx == len(cur):
                cur.append(value if last else nxt)
            elif last:
                cur[idx] = value
            if last:
                return
            if not isinstance(cur[idx], (dict, list)):
                cur[idx] = nxt
            cur = cur[idx]
        elif isinstance(cur, dict):
            if last:
                cur[part] = value
                return
            if not isinstance(cur.get(part), (dict, list)):
                cur[part] = nxt
            cur = cur[part]
        else:  # pragma: no cover - guarded above
            raise ValueError(f"bad key {dotted!r}")
