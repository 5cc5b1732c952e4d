"""Lines copied unchanged from public design-doc templates.

Teams start from a public template (the Reliable ML Russian template, Eugene
Yan's ml-design-docs, …) and fill it in. A prompt left in place ("What data
will you use to train your model?", «Бизнес-цель `Product Owner`») is not the
author's content: the linter must neither read it as an answer (its sample
"WAPE <= 50%" is no target of this project) nor count the section as written.

The templates themselves are not shipped: ``boilerplate.txt`` holds only the
CRC-32 of each normalised template line (lower case, words only, link
targets dropped), so a prompt matches whatever its Markdown form in a doc.
Lines shorter than 20 normalised characters are never fingerprinted: they are
too generic to tell a prompt from an answer. To add a template::

    python -m designdoc.boilerplate TEMPLATE.md >> designdoc/boilerplate.txt
"""

from __future__ import annotations

import re
import sys
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_MIN_CHARS = 20
_LINK_TARGET_RE = re.compile(r"\]\([^)\s]*\)|<https?://[^>\s]*>|https?://\S+")
_WORD_RE = re.compile(r"\w+")
# A quote or list marker before the text ("> 1. ", "- "): plain text drops it.
_LEAD_RE = re.compile(r"^[\s>]*(?:(?:[-*+•]|\d+[.)])[ \t]+)?")


def normalise(line: str) -> str:
    """A line's words, lower case, with link targets dropped ("" when too short)."""
    if len(line) < _MIN_CHARS:
        return ""
    line = _LEAD_RE.sub("", line, count=1)
    if "](" in line or "http" in line:
        line = _LINK_TARGET_RE.sub(" ", line)
    text = " ".join(_WORD_RE.findall(line.lower().replace("ё", "е")))
    return text if len(text) >= _MIN_CHARS else ""


def fingerprint(line: str) -> int | None:
    """CRC-32 of the normalised line, or None for a line too short to tell."""
    text = normalise(line)
    return zlib.crc32(text.encode("utf-8")) if text else None


@lru_cache(maxsize=1)
def known() -> frozenset[int]:
    """Fingerprints of the template lines shipped in boilerplate.txt."""
    return read_table(Path(__file__).with_name("boilerplate.txt"))


def read_table(path: Path) -> frozenset[int]:
    """Fingerprints listed in a file, one hex number a line; ``#`` starts a comment."""
    out = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        raw = raw.split("#", 1)[0].strip()
        if raw:
            out.add(int(raw, 16))
    return frozenset(out)


def is_template(line: str) -> bool:
    """Whether ``line`` is a line of a known public template, unchanged."""
    fp = fingerprint(line)
    return fp is not None and fp in known()


def template_lines(lines: Iterable[str], first: int = 1, skip: frozenset[int] = frozenset()) -> frozenset[int]:
    """1-based numbers of the lines (counted from ``first``) copied from a known template."""
    table = known()
    found = []
    for n, line in enumerate(lines, start=first):
        if n in skip or len(line) < _MIN_CHARS or line.lstrip().startswith("#"):
            continue
        fp = fingerprint(line)
        if fp is not None and fp in table:
            found.append(n)
    return frozenset(found)


def main(argv: list[str]) -> int:  # pragma: no cover - a maintainer's tool
    """Print the fingerprints of the body lines of the given template files."""
    seen: set[int] = set()
    for name in argv:
        print(f"# {Path(name).name}")
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                continue  # headings name sections; they are not prompts
            fp = fingerprint(line)
            if fp is not None and fp not in seen:
                seen.add(fp)
                print(f"{fp:08x}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
