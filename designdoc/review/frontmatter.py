"""Edit top-level front matter keys by line text, keeping every other byte.

YAML is never re-dumped: the line holding ``key:`` gets a new value (its
quoting style and a trailing ``# comment`` are kept), a missing key is added
before the closing ``---``, and a doc without front matter gets a small block
on top. Line ends (LF or CRLF) and a BOM are preserved.
"""

from __future__ import annotations

import re

from designdoc.errors import DesignDocError

_OPEN_RE = re.compile(r"---[ \t]*\r?\n")
_CLOSE_RE = re.compile(r"(?:---|\.\.\.)[ \t]*(?:\r?\n)?\Z")
# key: value  # comment   (value may be quoted; the comment must follow a space)
_LINE_RE = re.compile(
    r"^(?P<key>[A-Za-z_][\w-]*)(?P<sep>[ \t]*:)(?P<gap>[ \t]*)"
    r"(?P<value>\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^#\r\n]*?)"
    r"(?P<tail>[ \t]+#[^\r\n]*|[ \t]*)(?P<eol>\r?\n|\Z)"
)


class FrontMatterEditError(DesignDocError):
    """The front matter cannot be edited safely by line."""


def newline_of(text: str) -> str:
    """The file's line ending: CRLF when the first line ends with it, else LF."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _format(value: str, old: str) -> str:
    """``value`` quoted the way ``old`` was (plain when it was plain)."""
    if old.startswith('"'):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if old.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    return value


def set_keys_in_lines(lines: list[str], updates: dict[str, str], nl: str, quote: dict[str, str]) -> list[str]:
    """Set top-level ``key: value`` lines in a YAML mapping given as lines (with ends).

    Missing keys are appended (after ``created:``/``status:`` for ``updated``
    when present). ``quote`` maps a key to the quoting a new value gets
    ('"' or '').
    """
    out = list(lines)
    for key, value in updates.items():
        idx = next((i for i, ln in enumerate(out) if _LINE_RE.match(ln) and _LINE_RE.match(ln)["key"] == key), None)
        if idx is not None:
            m = _LINE_RE.match(out[idx])
            assert m is not None
            old = m["value"]
            new = _format(value, old) if old.strip() else _format(value, quote.get(key, ""))
            tail = m["tail"]
            if tail.strip():
                # Keep the comment where it was when the new value fits.
                width = len(old) + len(tail) - len(tail.lstrip(" \t"))
                pad = max(1, width - len(new))
                tail = " " * pad + tail.lstrip(" \t")
            gap = m["gap"] or " "
            out[idx] = f"{m['key']}{m['sep']}{gap}{new}{tail}{m['eol']}"
            # A value on the following indented lines (block style) goes away.
            j = idx + 1
            if not old.strip():
                while j < len(out) and out[j][:1] in (" ", "\t") and out[j].strip():
                    j += 1
                del out[idx + 1 : j]
            continue
        new_line = f"{key}: {_format(value, quote.get(key, ''))}{nl}"
        after = None
        for anchor in ("created",) if key == "updated" else ("kind", "title"):
            after = next(
                (i for i, ln in enumerate(out) if _LINE_RE.match(ln) and _LINE_RE.match(ln)["key"] == anchor),
                None,
            )
            if after is not None:
                break
        if after is None:
            if out and not out[-1].endswith("\n"):
                out[-1] += nl
            out.append(new_line)
        else:
            if not out[after].endswith("\n"):
                out[after] += nl
                new_line = new_line[: -len(nl)]
            out.insert(after + 1, new_line)
    return out


def split_front_matter(text: str) -> tuple[str, list[str], str, str] | None:
    """(prefix incl. BOM and opening ``---``, inner lines, closing line, rest) or None."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    m = _OPEN_RE.match(body)
    if not m:
        return None
    lines = body[m.end():].splitlines(keepends=True)
    for i, ln in enumerate(lines):
        if _CLOSE_RE.match(ln):
            return bom + m.group(0), lines[:i], ln, "".join(lines[i + 1 :])
    return None


def set_front_matter(text: str, updates: dict[str, str], path: str = "<string>") -> str:
    """``text`` with top-level front matter keys set; everything else unchanged.

    Raises :class:`FrontMatterEditError` when the result would not read back
    with the new values (flow-style or otherwise unusual front matter).
    """
    nl = newline_of(text)
    quote = {"updated": '"', "created": '"'}
    parts = split_front_matter(text)
    if parts is None:
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        block = "".join(f"{k}: {_format(v, quote.get(k, ''))}{nl}" for k, v in updates.items())
        new = f"{bom}---{nl}{block}---{nl}{text[len(bom):]}"
    else:
        head, inner, close, rest = parts
        if is_flow_style(inner):
            raise FrontMatterEditError(
                f"{path}: cannot safely edit flow-style front matter (a {{key: value, …}} mapping); "
                f"write it with one key per line (e.g. 'status: draft') and run again"
            )
        # New dates follow the quoting of an existing date key.
        for ln in inner:
            m = _LINE_RE.match(ln)
            if m and m["key"] in ("created", "updated"):
                q = m["value"][:1] if m["value"][:1] in ("'", '"') else ""
                quote = {"updated": q, "created": q}
                break
        if not close.endswith("\n") and rest == "":
            pass
        new = head + "".join(set_keys_in_lines(inner, updates, nl, quote)) + close + rest
    _verify(new, updates, path, text)
    return new


def is_flow_style(inner: list[str]) -> bool:
    """True when the front matter is a flow mapping (``{title: X, status: draft}``)."""
    for ln in inner:
        bare = ln.strip()
        if bare and not bare.startswith("#"):
            return bare.startswith("{")
    return False


def _verify(text: str, updates: dict[str, str], path: str, original: str | None = None) -> None:
    from designdoc.document import _split_front_matter, normalise_source

    _, data, error, _, _ = _split_front_matter(normalise_source(text))
    if error is not None:
        if original is not None and _split_front_matter(normalise_source(original))[2] is None:
            # The file was fine; our line edit is what broke it. Write nothing.
            raise FrontMatterEditError(
                f"{path}: cannot edit the front matter safely (unusual layout); write one key per "
                f"line, or set {', '.join(repr(k) for k in updates)} by hand"
            )
        raise FrontMatterEditError(f"{path}:{error[0]}: front matter is not valid YAML: {error[1]}")
    for key, value in updates.items():
        got = (data or {}).get(key)
        if str(got) != value:
            raise FrontMatterEditError(
                f"{path}: cannot edit '{key}' in the front matter safely (flow style or a "
                f"duplicate key?); set it by hand"
            )


