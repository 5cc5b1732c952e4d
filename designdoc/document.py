"""Markdown → Document: front matter plus a tree of sections with plain text.

markdown-it-py gives a flat token stream; headings are siblings of paragraphs.
We fold it into a section tree with a stack, treat bold-only lines as
pseudo-headings (common in docs exported from Google Docs), and keep per-block
plain text with strike-through and HTML comments removed, so rules read what a
human reader would read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from designdoc.catalog import Catalog

KINDS = ("one-pager", "full", "hypothesis")
STATUSES = ("draft", "review", "approved", "rejected", "superseded")
LANGS = ("en", "ru")

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Inline images as data URIs can be megabytes long; the base64 payload carries
# no meaning for us, so it is cut before parsing (newlines kept for line numbers).
# "---" then "key: value" with no closing "---": front matter someone forgot to close.
_UNCLOSED_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:")
_DATA_URI_RE = re.compile(r"(data:[\w/+.-]+;base64,)[A-Za-z0-9+/=\s]{64,}")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)  # kept for importers; parse uses _comment_spans (linear)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_HTML_HEADING_RE = re.compile(r"\A\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*\Z", re.I | re.S)
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_WORDS_RE = re.compile(r"[^\W_]+")
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
_LATIN_RE = re.compile(r"[A-Za-z]")
# A pseudo-heading is short: a bold line longer than this is emphasis, not a title.
_PSEUDO_HEADING_MAX = 90


_NOT_TEXT = ("code", "template")


@dataclass(frozen=True)
class Block:
    """One block of section content (paragraph, list, table, code, …)."""

    # paragraph | list | table | code | pre (a fence of prose) | html | quote | hr; "template": nothing but
    # prompts copied from a public template (see boilerplate.py), not content
    type: str
    line: int  # 1-based first line
    end_line: int  # 1-based last line
    text: str  # plain text; for tables, cells joined by " | " per row
    rows: tuple[tuple[str, ...], ...] = ()  # table rows (header first)
    # lists and quotes: the list nesting depth of each line of ``text`` (0 outside any
    # item), and whether the line opens its list item (the others continue one)
    depths: tuple[int, ...] = ()
    starts: tuple[bool, ...] = ()

    def nested_under(self, index: int) -> list[str]:
        """The lines of the list items nested under the item holding line ``index`` of ``text``."""
        if index >= len(self.depths) or len(self.starts) != len(self.depths):
            return []
        lines = self.text.split("\n")
        own = self.depths[index]
        items: list[str] = []
        for k in range(index + 1, len(lines)):
            if self.depths[k] > own:
                items.append(lines[k])
            elif self.depths[k] == own and not self.starts[k] and not items:
                continue  # the item's own wrapped lines, before its nested list
            else:
                break
        return items


@dataclass(frozen=True)
class Section:
    """A heading and what belongs to it; the root has level 0 and no heading."""

    title: str
    level: int
    line: int
    end_line: int
    id: str | None
    blocks: tuple[Block, ...]
    children: tuple[Section, ...]
    pseudo: bool = False  # a bold-only line acting as a heading

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def own_text(self) -> str:
        """Plain text of the blocks before the first sub-heading (no code, no template prompts)."""
        return "\n".join(b.text for b in self.blocks if b.type not in _NOT_TEXT and b.text)

    def text(self) -> str:
        """Plain text of the section including sub-sections' titles and text (no code)."""
        parts = [self.own_text()]
        for child in self.children:
            parts.append(child.title)
            parts.append(child.text())
        return "\n".join(p for p in parts if p)

    def all_blocks(self) -> Iterator[Block]:
        """Blocks of this section and its sub-sections, in order."""
        yield from self.blocks
        for child in self.children:
            yield from child.all_blocks()

    def has_content(self) -> bool:
        """True when the section or a sub-section has any non-empty block."""
        return any(b.text.strip() for b in self.all_blocks())


@dataclass(frozen=True)
class Comment:
    """An HTML comment outside code, with its 1-based line range."""

    line: int
    end_line: int
    text: str


@dataclass
class Document:
    """A parsed design doc."""

    path: str
    source: str  # the normalised text (BOM dropped, CRLF → LF, base64 data-URI payloads cut)
    root: Section
    front_matter: dict[str, Any] | None
    front_matter_error: tuple[int, str] | None  # (line, message)
    front_matter_lines: dict[str, int]  # top-level key -> 1-based line
    front_matter_end: int  # last line of the front matter block, 0 if none
    comments: tuple[Comment, ...]
    code_lines: frozenset[int]  # 1-based lines inside code blocks
    kind: str
    kind_declared: bool
    lang: str
    status: str
    line_count: int
    # Lines copied unchanged from a known public template (boilerplate.py).
    template_lines: frozenset[int] = frozenset()
    # Code fences left open to the end of the doc: (opening line, line whose
    # text ends with the closing marker, or 0 when none does).
    open_fences: tuple[tuple[int, int], ...] = ()
    _by_id: dict[str, list[Section]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for sec in self.root.walk():
            if sec.id:
                self._by_id.setdefault(sec.id, []).append(sec)

    @cached_property
    def lines(self) -> list[str]:
        """The source split into lines (computed once; rules read it per section)."""
        return self.source.split("\n")

    def sections(self) -> Iterator[Section]:
        """All sections below the root, in document order."""
        for child in self.root.children:
            yield from child.walk()

    def section(self, section_id: str) -> Section | None:
        """The first section recognised as ``section_id``."""
        found = self._by_id.get(section_id)
        return found[0] if found else None

    def sections_for(self, section_id: str) -> list[Section]:
        """Every section recognised as ``section_id`` (docs repeat and nest them)."""
        return list(self._by_id.get(section_id, ()))

    def section_text(self, section_id: str) -> str:
        """Plain text of every section recognised as ``section_id``, joined."""
        return "\n".join(s.title + "\n" + s.text() for s in self.sections_for(section_id))

    def text(self) -> str:
        """Plain text of the whole document body."""
        return self.root.title + "\n" + self.root.text()

    @property
    def title(self) -> str:
        fm_title = (self.front_matter or {}).get("title")
        if isinstance(fm_title, str) and fm_title.strip():
            return fm_title.strip()
        for sec in self.sections():
            if not sec.pseudo:
                return sec.title
        return ""

    def recognised(self) -> list[Section]:
        """Catalogue sections in document order (for JSON ``sections``)."""
        return [s for s in self.sections() if s.id]


# ---------------------------------------------------------------------------
# parsing


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Inline parsing is the dearer half of markdown-it and most spans are plain
    # text: the core inline pass is off and spans are parsed on demand (_plain).
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.disable(["inline", "text_join"])


# Characters through which inline parsing changes a span's text (emphasis,
# strike-through, code, HTML, entities, links, escapes). A span without any
# reads the same parsed or not, up to spaces at line edges.
# A span that may open with emphasis (after spaces or entities such as &nbsp;):
# only such a paragraph can be a bold or italic heading.
_EMPHASIS_START_RE = re.compile(r"(?:\s|&#?\w+;)*[*_]")
_INLINE_MARKUP_RE = re.compile(r"[*_~`<&\[\\]")


def _children(tok: Token, env: dict[str, Any]) -> list[Token]:
    """Inline tokens of an ``inline`` block token, parsed on first use."""
    if not tok.children and tok.content:
        md = _markdown()
        kids = md.inline.parse(tok.content, md, env, [])
        for kid in kids:  # what the core text_join rule does: escapes are text
            if kid.type == "text_special":
                kid.type = "text"
        tok.children = kids
    return tok.children or []


def _plain(tok: Token, env: dict[str, Any]) -> str:
    """Plain text of an ``inline`` block token (see :func:`_inline_text`)."""
    content = tok.content
    if _INLINE_MARKUP_RE.search(content):
        return _inline_text(_children(tok, env))
    if "\n" not in content:
        return content
    # Soft and hard breaks: markdown-it drops the spaces around line ends.
    return "\n".join(line.rstrip(" ").lstrip(" \t") for line in content.split("\n"))


def normalise_source(text: str) -> str:
    """Drop a BOM, unify line ends, and turn non-breaking spaces into spaces."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def _split_front_matter(
    text: str,
) -> tuple[str, dict[str, Any] | None, tuple[int, str] | None, dict[str, int], int]:
    """Return (body with front matter blanked, data, error, key lines, end line)."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        if _UNCLOSED_FRONT_MATTER_RE.match(text):
            return text, None, (1, "front matter is never closed: add a line with --- after it"), {}, 0
        return text, None, None, {}, 0
    raw = match.group(1) or ""
    end_line = match.group(0).count("\n") + (0 if match.group(0).endswith("\n") else 1)
    # Blank the block instead of cutting it so that body line numbers stay true.
    body = "\n" * match.group(0).count("\n") + text[match.end() :]
    from designdoc.yamlsafe import YamlError, load_yaml_with_lines

    try:
        data, key_lines = load_yaml_with_lines(raw, line_offset=1)
    except YamlError as err:
        return body, None, (err.line, err.message), {}, end_line
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return body, None, (2, "front matter must be a YAML mapping of keys to values"), {}, end_line
    return body, data, None, key_lines, end_line


def _inline_text(children: list[Token] | None) -> str:
    """Plain text of inline tokens: no markup, no strike-through, no comments."""
    if not children:
        return ""
    out: list[str] = []
    struck = 0
    for tok in children:
        t = tok.type
        if t == "s_open":
            struck += 1
        elif t == "s_close":
            struck = max(0, struck - 1)
        elif struck:
            continue
        elif t in ("text", "code_inline"):
            out.append(tok.content)
        elif t in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t == "html_inline":
            # Tags carry no text; comments are not content. A tag-like
            # placeholder such as <describe the problem> is kept by the
            # placeholder rule, which reads source lines, not this text.
            continue
        elif t == "image":
            continue
    return "".join(out)


def _pseudo_heading(children: list[Token] | None) -> tuple[str, str, str] | None:
    """A paragraph that opens with a bold run acting as a heading.

    Returns (form, title, rest) or None. ``form`` is "line" for a bold-only
    first line (``**Metrics:**``), or "runin" for a bold label followed by
    text on the same line (``**Data:** twelve months of orders``); ``rest`` is
    the plain text of the paragraph after the label.
    """
    if not children:
        return None
    # markdown-it pads emphasis with empty text tokens; drop them, and skip
    # leading spaces.
    children = [c for c in children if c.type != "text" or c.content]
    lead = 0
    while lead < len(children) and children[lead].type == "text" and not children[lead].content.strip():
        lead += 1
    children = children[lead:]
    # "**Label**" or "***Label***" (emphasis around or inside the bold); an
    # italic-only line ("*iii. Previous work*") is a candidate too, kept only
    # when it names a catalogue section (see ``parse``).
    opener = children[0].type if children else ""
    italic = opener == "em_open" and not (len(children) > 1 and children[1].type == "strong_open")
    if opener not in ("em_open", "strong_open"):
        return None
    closer = opener.replace("_open", "_close")
    depth = 0
    title: list[str] = []
    i = 0
    for i, tok in enumerate(children):
        if tok.type == opener:
            depth += 1
        elif tok.type == closer:
            depth -= 1
            if depth == 0:
                break
        elif tok.type in ("text", "code_inline"):
            title.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak", "link_open"):
            # A bold link is a table-of-contents entry (Google Docs exports), not a title.
            return None
    else:
        return None
    label = "".join(title).strip()
    rest = children[i + 1 :]
    # Text on the same line after the bold run (up to the first line break).
    k = next((j for j, t in enumerate(rest) if t.type in ("softbreak", "hardbreak")), len(rest))
    same_line = _inline_text(rest[:k])
    later = _inline_text(rest[k + 1 :]).strip() if k < len(rest) else ""
    tail = same_line.strip()
    title_text = label.rstrip(":：.").strip()
    if not title_text or len(title_text) > _PSEUDO_HEADING_MAX:
        return None
    if tail in ("", ":", "：", "-", "—", "–"):
        if italic:
            return "italic", title_text, later
        if label.endswith((".", "!", "?")) and not re.match(r"^[\dIVXivx]+\.?$", label.split()[0]):
            return None  # a bold sentence is emphasis, not a title
        return "line", title_text, later
    if italic:
        return None  # italic text with more on the line is emphasis
    # Run-in label: the bold text (or what follows it) ends with a colon,
    # or a full stop closes a short label ("**Hypothesis.** We think …").
    if label.endswith((":", "：")) or tail.startswith((":", "：")):
        body = tail.lstrip(":：").strip()
    elif label.endswith(".") and len(_WORDS_RE.findall(title_text)) <= 6:
        body = tail
    else:
        return None
    return "runin", title_text, "\n".join(x for x in (body, later) if x)


def _inline_range_text(
    tokens: list[Token], start: int, stop: int, env: dict[str, Any], depth: int = 0
) -> tuple[str, tuple[int, ...], tuple[bool, ...]]:
    """Plain text of the inline and HTML tokens in ``tokens[start:stop]``, the
    list nesting depth of each of its lines (``depth`` at the start) and
    whether each line opens a list item.

    Code inside a list is not prose and is left out.
    """
    parts: list[str] = []
    depths: list[int] = []
    starts: list[bool] = []
    opened = False  # a list item opened and its first line not yet seen
    for tok in tokens[start:stop]:
        if tok.type == "list_item_open":
            depth += 1
            opened = True
        elif tok.type == "list_item_close":
            depth -= 1
        elif tok.type in ("inline", "html_block"):
            part = _plain(tok, env) if tok.type == "inline" else _html_text(tok.content)
            if part.strip():
                parts.append(part)
                count = part.count("\n") + 1
                depths.extend([depth] * count)
                starts.extend([opened] + [False] * (count - 1))
                opened = False
    return "\n".join(parts), tuple(depths), tuple(starts)


# A doc with more broken fences than this is not recovered further (each
# recovery parses the rest of the doc again).
_MAX_FENCE_RECOVERIES = 20


def _recover_open_fences(
    md: MarkdownIt, body: str, tokens: list[Token], env: dict[str, Any]
) -> tuple[list[Token], list[tuple[int, int]]]:
    """``tokens`` with a code fence that swallows the rest of the doc cut where
    its author meant to close it, and the fences found open: (opening line,
    the line that was meant to close it, or 0).

    "```text" / "src/ab_split.py```" does not close: CommonMark wants the
    closing marker on a line of its own, so the fence runs to the end of the
    doc and every later section renders as code. Like a compiler recovering
    from an error, such a fence is cut at its first line that ends in its
    marker after text, and the rest of the doc is parsed again as Markdown
    (line numbers kept). A fence that is closed somewhere is left alone, even
    if a line inside it ends in the marker; one that runs to the end with no
    such line is only reported.
    """
    lines = body.split("\n")
    found: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens) and len(found) < _MAX_FENCE_RECOVERIES:
        tok = tokens[k]
        k += 1
        if tok.type != "fence" or tok.level != 0 or not tok.map:
            continue
        first, end = tok.map
        if not _runs_to_end(tok, lines):
            continue
        mark = tok.markup
        close = next(
            (
                j for j in range(first + 1, min(end, len(lines)))
                if lines[j].rstrip().endswith(mark) and lines[j].rstrip()[: -len(mark)].strip(mark[0] + " \t")
            ),
            None,
        )
        if close is None:
            continue
        found.append((first + 1, close + 1))
        cut = lines[close].rstrip()[: -len(mark)]
        fixed = tok.copy(map=[first, close + 1], content="\n".join([*lines[first + 1 : close], cut]) + "\n")
        # blank lines in place of what came before keep the rest's line numbers
        rest = md.parse("\n" * (close + 1) + "\n".join(lines[close + 1 :]), env)
        tokens = [*tokens[: k - 1], fixed, *rest]
    last = tokens[-1] if tokens else None
    if last is not None and last.type == "fence" and last.level == 0 and last.map and _runs_to_end(last, lines):
        found.append((last.map[0] + 1, 0))
    return tokens, found


def _runs_to_end(fence: Token, lines: list[str]) -> bool:
    """The fence is never closed: it runs to the doc's end without a closing marker line."""
    first, end = fence.map  # type: ignore[misc]
    if any(line.strip() for line in lines[end:]):
        return False
    last = lines[end - 1] if first < end - 1 < len(lines) else ""
    closing = last.strip()
    indent = len(last) - len(last.lstrip(" "))
    mark = fence.markup
    return not (closing and indent <= 3 and set(closing) == {mark[0]} and len(closing) >= len(mark))


# A line of code that is only a stub: comment markers around TODO / TBD / … / <slot>.
_STUB_LINE_RE = re.compile(r"(?:#|//|--|;)?\s*(?:todo|tbd|tba|fixme|\.\.\.|…|<[^<>]*>|‹[^›>]*[›>])?", re.I)


def _stub_code(code: str) -> bool:
    """Whether a fence holds nothing but stubs ("TODO", "# TBD", "<команда отката>")."""
    return all(_STUB_LINE_RE.fullmatch(line.strip()) for line in code.splitlines())


def _list_labels(
    tokens: list[Token],
    start: int,
    close: int,
    env: dict[str, Any],
    catalog: Catalog,
    kind: str | None,
) -> list[tuple[str | None, int, list[Block]]] | None:
    """A list cut at its bold-labelled items, or None when no label names a section.

    Returns (label or None, line, blocks) pieces in order: the items before the
    first label (label None), then each labelled item with its own content and
    the unlabelled items after it. Once one label names a catalogue section,
    every bold-labelled item of the list is a heading, so "- **Выход:**" ends
    the "- **Риски:**" part before it. Only top-level items are looked at.
    """
    tops: list[tuple[int, int]] = []  # (list_item_open index, its close index)
    depth = 0
    open_at = -1
    for k in range(start + 1, close):
        t = tokens[k].type
        if t == "list_item_open":
            depth += 1
            if depth == 1:
                open_at = k
        elif t == "list_item_close":
            depth -= 1
            if depth == 0:
                tops.append((open_at, k))
    labels: list[tuple[str, str, int] | None] = []  # (form, title, index after the label paragraph)
    named = False
    for a, b in tops:
        lab = None
        if a + 2 < b and tokens[a + 1].type == "paragraph_open":
            inline = tokens[a + 2]
            if _EMPHASIS_START_RE.match(inline.content):
                pseudo = _pseudo_heading(_children(inline, env))
                # Only a label alone on the item's line ("- **Risks:**" over
                # nested items): "- **Metric:** CTR" is a field, not a heading.
                if pseudo and pseudo[0] == "line":
                    lab = pseudo
                    # Without a declared kind, only full-doc sections count
                    # ("**Cost:**" is a hypothesis card's resources only there).
                    if catalog.match(pseudo[1], kind or "full") is not None:
                        named = True
        labels.append(lab)
    if not named:
        return None
    pieces: list[tuple[str | None, int, list[Block]]] = []
    pending: list[tuple[int, int]] = []

    def flush(into: list[Block]) -> None:
        if pending:
            a0, b1 = pending[0][0], pending[-1][1]
            first = tokens[a0].map[0] + 1 if tokens[a0].map else 1
            last = tokens[a0].map[1] if tokens[a0].map else first
            for a, _b in pending:
                if tokens[a].map:
                    last = tokens[a].map[1]
            text, depths, starts = _inline_range_text(tokens, a0, b1 + 1, env)
            if text:
                into.append(Block("list", first, last, text, depths=depths, starts=starts))
            pending.clear()

    current: list[Block] = []
    pieces.append((None, tokens[start].map[0] + 1 if tokens[start].map else 1, current))
    for (a, b), lab in zip(tops, labels):
        if lab is None:
            pending.append((a, b))
            continue
        flush(current)
        form, title, rest = lab
        line = tokens[a].map[0] + 1 if tokens[a].map else 1
        end = tokens[a].map[1] if tokens[a].map else line
        current = []
        # the label's own item is depth 1; what follows its label paragraph is nested in it
        nested, nested_depths, nested_starts = _inline_range_text(tokens, a + 4, b, env, depth=1)
        body = "\n".join(x for x in (rest, nested) if x)
        rest_lines = rest.count("\n") + 1 if rest else 0
        depths = (1,) * rest_lines + nested_depths
        starts = (True,) + (False,) * (rest_lines - 1) + nested_starts if rest else nested_starts
        if body:
            current.append(
                Block("list", line if form == "runin" else line + 1, end, body, depths=depths, starts=starts)
            )
        # A step's code ("2. **Create the branch:**" over a fenced command) is its
        # content too, though not prose: kept as a code block, so the step is not empty.
        # A fence holding only a stub ("TODO", "# TBD", "<команда отката>") is no content.
        for tok in tokens[a + 4 : b]:
            if tok.type in ("fence", "code_block") and tok.map and not _stub_code(tok.content):
                current.append(Block("code", tok.map[0] + 1, tok.map[1], tok.content))
        pieces.append((title, line, current))
    flush(current)
    return pieces


def _table_rows(
    tokens: list[Token], start: int, env: dict[str, Any]
) -> tuple[tuple[tuple[str, ...], ...], int]:
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    i = start
    while i < len(tokens) and tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            rows.append(tuple(row))
        elif tok.type == "inline":
            row.append(_plain(tok, env).strip())
        i += 1
    return tuple(rows), i


def _container_text(
    tokens: list[Token], start: int, close: str, env: dict[str, Any]
) -> tuple[str, tuple[int, ...], tuple[bool, ...], int]:
    """Plain text of a list or blockquote, its lines' list depths and item starts, and
    the index of its closing token."""
    depth = 0
    open_type = close.replace("_close", "_open")
    i = start
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == open_type:
            depth += 1
        elif tok.type == close:
            depth -= 1
            if depth == 0:
                break
        i += 1
    text, depths, starts = _inline_range_text(tokens, start, i, env)
    return text, depths, starts, i


def _comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each closed ``<!-- -->`` comment, in linear time.

    The regex ``<!--.*?-->`` rescans to the end of the text from every
    unclosed ``<!--``: quadratic on hostile input. Once no ``-->`` follows,
    no later comment can close either, so we stop.
    """
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            return
        close = text.find("-->", start + 4)
        if close < 0:
            return
        pos = close + 3
        yield start, pos


def _strip_comments(text: str) -> str:
    if "<!--" not in text:
        return text
    out, pos = [], 0
    for start, end in _comment_spans(text):
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _html_text(html: str) -> str:
    return _TAG_RE.sub(" ", _strip_comments(html)).strip()


@dataclass
class _Open:
    title: str
    level: int
    line: int
    id: str | None
    pseudo: bool
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


def parse(
    text: str,
    path: str = "<string>",
    catalog: Catalog | None = None,
    kind: str | None = None,
) -> Document:
    """Parse Markdown ``text`` into a :class:`Document`.

    ``kind`` forces the document kind (e.g. from config); otherwise front
    matter decides, and without it the kind is inferred from the headings.
    """
    from designdoc.catalog import default_catalog

    catalog = catalog or default_catalog()
    source = normalise_source(text)
    # Cut inline base64 payloads from the source itself (not only from what
    # markdown-it sees): rules that scan source lines would otherwise crawl
    # through megabytes of one-line base64.
    if "base64," in source:
        source = _DATA_URI_RE.sub(lambda m: m.group(1) + "\n" * m.group(0).count("\n"), source)
    body, fm, fm_error, fm_lines, fm_end = _split_front_matter(source)
    env: dict[str, Any] = {}  # link reference definitions, for on-demand inline parsing
    tokens, open_fences = _recover_open_fences(_markdown(), body, _markdown().parse(body, env), env)
    line_count = source.count("\n") + (0 if source.endswith("\n") or not source else 1)

    headings: list[tuple[str, int, int, bool]] = []  # (title, level, line, pseudo)
    raw_titles: list[str] = []  # heading source (backticks, anchors kept) for matching
    items: list[tuple[str, Any]] = []  # ("heading", idx) | ("block", Block)
    comments: list[Comment] = []
    code_lines: set[int] = set()
    last_real_level = 0
    last_level = 0  # level of the last heading, bold-line headings included

    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        start = tok.map[0] + 1 if tok.map else 1
        end = tok.map[1] if tok.map else start
        t = tok.type
        if t == "heading_open":
            inline = tokens[i + 1]
            level = int(tok.tag[1])
            title = _plain(inline, env).strip()
            headings.append((title, level, start, False))
            # Source form (backticks, anchors kept) minus Markdown escapes ("6\. Risks").
            raw_titles.append(_ESCAPE_RE.sub(r"\1", inline.content))
            items.append(("heading", len(headings) - 1))
            last_real_level = last_level = level
            i += 3
            continue
        if t == "paragraph_open":
            inline = tokens[i + 1]
            # Only a span opening with emphasis can be a bold or italic heading.
            pseudo = _pseudo_heading(_children(inline, env)) if _EMPHASIS_START_RE.match(inline.content) else None
            # A run-in label ("**Data:** …") is a heading only when it names a
            # catalogue section; otherwise it is emphasis inside the text.
            if pseudo and pseudo[0] in ("runin", "italic") and catalog.match(pseudo[1], kind) is None:
                pseudo = None
            if pseudo and pseudo[0] == "italic" and _is_template_prompt(inline.content):
                pseudo = None  # a public template's italic instruction, not a title
            if pseudo:
                _form, title, rest = pseudo
                level = min(last_real_level + 1, 7)
                last_level = level
                headings.append((title, level, start, True))
                raw_titles.append(title)
                items.append(("heading", len(headings) - 1))
                if rest:
                    first = start if _form == "runin" else start + 1
                    items.append(("block", Block("paragraph", first, end, rest)))
            else:
                txt = _plain(inline, env).strip()
                items.append(("block", Block("paragraph", start, end, txt)))
            i += 3
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            close = t.replace("_open", "_close")
            txt, depths, starts, j = _container_text(tokens, i, close, env)
            # "1. Background" underlined by "----": a numbered heading written by
            # hand (Markdown reads a one-item list and a rule).
            if (
                t == "ordered_list_open"
                and j + 1 < n
                and tokens[j + 1].type == "hr"
                and tokens[j + 1].map
                and j - i == 6  # list, item, paragraph, inline, /paragraph, /item, /list
                and tokens[i + 2].map is not None
                and tokens[j + 1].map[0] == tokens[i + 2].map[1]  # the rule right under the text
                and "\n" not in txt
                and 0 < len(txt) <= _PSEUDO_HEADING_MAX
            ):
                headings.append((txt.strip(), 2, start, False))
                raw_titles.append(txt.strip())
                items.append(("heading", len(headings) - 1))
                last_real_level = last_level = 2
                i = j + 2
                continue
            labelled = _list_labels(tokens, i, j, env, catalog, kind)
            if labelled is None:
                items.append(("block", Block("list", start, end, txt, depths=depths, starts=starts)))
            else:
                # "- **Риски и вызовы:**" over nested items: a list item opening
                # with a bold label that names a catalogue section is a heading
                # one level under the section holding the list.
                level = min(last_level + 1, 8)
                for title, line, blocks in labelled:
                    if title is not None:
                        headings.append((title, level, line, True))
                        raw_titles.append(title)
                        items.append(("heading", len(headings) - 1))
                    items.extend(("block", b) for b in blocks)
            for k in range(i, j):
                if tokens[k].type in ("fence", "code_block") and tokens[k].map:
                    code_lines.update(range(tokens[k].map[0] + 1, tokens[k].map[1] + 1))
            i = j + 1
            continue
        if t == "blockquote_open":
            txt, depths, starts, j = _container_text(tokens, i, "blockquote_close", env)
            items.append(("block", Block("quote", start, end, txt, depths=depths, starts=starts)))
            i = j + 1
            continue
        if t == "table_open":
            rows, j = _table_rows(tokens, i, env)
            txt = "\n".join(" | ".join(r) for r in rows)
            items.append(("block", Block("table", start, end, txt, rows)))
            i = j + 1
            continue
        if t in ("fence", "code_block"):
            code_lines.update(range(start, end + 1))
            prose = _fence_prose(tok) if t == "fence" else None
            block = Block("code", start, end, tok.content) if prose is None else Block("pre", start, end, prose)
            items.append(("block", block))
        elif t == "html_block" and (hm := _HTML_HEADING_RE.match(tok.content)):
            # <h2 align="center">Metrics</h2>: a heading written in HTML.
            level = int(hm.group(1))
            title = _html_text(hm.group(2))
            headings.append((title, level, start, False))
            raw_titles.append(title)
            items.append(("heading", len(headings) - 1))
            last_real_level = last_level = level
        elif t == "html_block":
            for a, b in _comment_spans(tok.content):
                first = start + tok.content.count("\n", 0, a)
                text_ = tok.content[a:b]
                comments.append(Comment(first, first + text_.count("\n"), text_))
            txt = _html_text(tok.content)
            if txt:
                items.append(("block", Block("html", start, end, txt)))
        elif t == "hr":
            pass
        i += 1

    # Inline comments (inside paragraphs) also count for suppression.
    if "<!--" in body:
        known = {(c.line, c.text) for c in comments}
        line, counted = 1, 0
        for a, b in _comment_spans(body):
            line += body.count("\n", counted, a)  # incremental: linear in the body
            counted = a
            text_ = body[a:b]
            if line in code_lines or (line, text_) in known:
                continue
            comments.append(Comment(line, line + text_.count("\n"), text_))
        comments.sort(key=lambda c: c.line)

    # Declared metadata.
    declared_kind = kind
    fm = fm or None
    if declared_kind is None and fm and isinstance(fm.get("kind"), str) and fm["kind"] in KINDS:
        declared_kind = fm["kind"]
    levels = [h[1] for h in headings]
    howto = _howto_headings(raw_titles, levels, catalog)
    ids = _outside(howto, catalog.match_all(raw_titles, declared_kind))
    final_kind = declared_kind or catalog.infer_kind(ids, levels, raw_titles)
    if declared_kind is None:
        # Re-match with the inferred kind so kind-specific sections win.
        ids = _outside(howto, catalog.match_all(raw_titles, final_kind))
    ids = _in_context(ids, levels, raw_titles)

    # Prompts left from a public template are not the author's text.
    template_lines = _template_lines(source, fm_end, code_lines)
    if template_lines:
        items = [(k, _without_template(v) if k == "block" else v) for k, v in items]
    root = _fold(headings, ids, items, line_count)
    if any(ids[:2]):
        root = _drop_subtitle(root)
        root = _drop_title(root, catalog)
    if "ab_test" in ids:
        root = _confirm_by_content(root)
    lang = fm.get("lang") if fm and fm.get("lang") in LANGS else _guess_lang(root)
    status = fm.get("status") if fm and fm.get("status") in STATUSES else "draft"
    return Document(
        path=path,
        source=source,
        root=root,
        front_matter=fm,
        front_matter_error=fm_error,
        front_matter_lines=fm_lines,
        front_matter_end=fm_end,
        comments=tuple(comments),
        code_lines=frozenset(code_lines),
        kind=final_kind,
        kind_declared=declared_kind is not None,
        lang=lang,
        status=status,
        line_count=line_count,
        template_lines=template_lines,
        open_fences=tuple(open_fences),
    )


_PROSE_INFO = frozenset({"", "text", "txt", "plain", "plaintext", "md", "markdown", "none"})
_BOX_RE = re.compile(r"[\u2500-\u257f\u2190-\u21ff\u25a0-\u25ff]+")  # box drawing, arrows, shapes
_CODE_LINE_RE = re.compile(
    r"[{}]\s*$|^\s*(?:(?:def|class|import|return|SELECT|pip|python|#include)\b|\$\s|>>>)"
    r"|^\s*from\s+[\w.]+\s+import\b|==|\w\(\)|^\s*[a-z_][\w.]*\s*=\s*[\w\"'\[({]"
)
_LETTER_WORDS_RE = re.compile(r"[^\W\d_]{2,}")


def _fence_prose(tok: Token) -> str | None:
    """The text of a fence written as prose (a plan or cost table drawn in a
    ```text block), without its box-drawing art; None for code.

    Authors (and their assistants) draw structured plans in plain fences:
    "FN: missed fraud (costs $500) ← worst outcome". Rules may read that;
    a fence with a language, or lines that look like code, stays code.
    """
    if tok.info.strip().lower() not in _PROSE_INFO:
        return None
    lines = [ln for ln in _BOX_RE.sub(" ", tok.content).split("\n") if ln.strip()]
    if len(lines) < 2:
        return None
    wordy = sum(1 for ln in lines if len(_LETTER_WORDS_RE.findall(ln)) >= 3)
    code = sum(1 for ln in lines if _CODE_LINE_RE.search(ln))
    if wordy * 10 < len(lines) * 6 or code * 10 > len(lines):
        return None
    return "\n".join(ln.strip() for ln in lines)


def _is_template_prompt(line: str) -> bool:
    from designdoc import boilerplate

    return boilerplate.is_template(line)


def _template_lines(source: str, fm_end: int, code_lines: set[int]) -> frozenset[int]:
    from designdoc import boilerplate

    lines = source.split("\n")[fm_end:]
    return boilerplate.template_lines(lines, first=fm_end + 1, skip=frozenset(code_lines))


def _without_template(block: Block) -> Block:
    """``block`` minus the lines copied from a template; type "template" if nothing else is left."""
    from designdoc import boilerplate

    if block.type == "code":
        return block
    lines = block.text.split("\n")
    kept = [k for k, line in enumerate(lines) if not boilerplate.is_template(line)]
    if len(kept) == len(lines):
        return block
    keep = [lines[k] for k in kept]
    if not any(ch.isalnum() for line in keep for ch in line):  # "...", "| |" are no answer
        return Block("template", block.line, block.end_line, block.text, block.rows)
    if block.type == "table":
        return block  # the author's rows under a template header: a real table
    depths = tuple(block.depths[k] for k in kept) if block.depths else ()
    starts = tuple(block.starts[k] for k in kept) if block.starts else ()
    return Block(block.type, block.line, block.end_line, "\n".join(keep), block.rows, depths, starts)


def _howto_headings(titles: list[str], levels: list[int], catalog: Catalog) -> set[int]:
    """Indexes of the headings in a README's how-to part, and of the headings under them."""
    inside: set[int] = set()
    open_level: int | None = None
    for i, (title, level) in enumerate(zip(titles, levels)):
        if open_level is not None and level > open_level:
            inside.add(i)
            continue
        open_level = level if catalog.opens_howto(title) else None
        if open_level is not None:
            inside.add(i)
    return inside


def _outside(skip: set[int], ids: list[str | None]) -> list[str | None]:
    return [None if i in skip else sid for i, sid in enumerate(ids)] if skip else ids


# Under a monitoring or risks heading, a heading that names the data ("Data
# quality", "Data risks") is a part of that section, not the data section. The
# parent must open with the section's own word, after any numbering or stage
# ("Phase 11 — Monitoring and Observability"): a doc's title ("Credit Risk
# Assessment", "Model Monitoring Service") or "Risk Assessment Model" is no such
# parent.
_DATA_UNDER_RE = re.compile(
    r"^\W*(?:[\dIVXivx]+[.)]?\s*)*(?:(?:phase|stage|step|этап|фаза|шаг)\s*\d+[.:]?\s*[—–:.-]?\s*)?"
    r"(?:(?P<monitoring>monitoring|мониторинг)|(?P<risks>risks|риски))\b",
    re.I,
)


def _in_context(ids: list[str | None], levels: list[int], titles: list[str]) -> list[str | None]:
    out = list(ids)
    for i, sid in enumerate(ids):
        if sid != "data":
            continue
        level = levels[i]
        for j in range(i - 1, -1, -1):
            if levels[j] < level:
                if ids[j] is not None:
                    m = _DATA_UNDER_RE.match(titles[j]) if levels[j] > 1 else None
                    if m and m.lastgroup == ids[j]:
                        out[i] = ids[j]
                    break
                level = levels[j]
    return out


# Headings that name a section only loosely ("IX. Measuring and reporting",
# the book's A/B chapter, "Effect evaluation") are that section only when
# the heading or the text says something of the kind: a list of product
# metrics under "Measuring and reporting" is no A/B test design, and an
# "Online evaluation" that only shadows or monitors a model is none either
# (a shadow run or holdout alone does not confirm the section).
_CONFIRM_BY: dict[str, tuple[str, ...]] = {
    "ab_test": (
        "ab_named", "ab_group", "ab_comparison", "ab_split_unit", "significance",
        "significance_word", "aa_test", "ab_deferral",
    ),
}


# power and MDE are sized for an online test; offline comparisons do not state them
_ONLINE_EVIDENCE = ("ab_live", "ab_group", "ab_split_unit", "aa_test", "ab_deferral", "power", "mde")


# A subtitle under the doc's title ("# Experiment plan" / "## Recommendation
# engine A/B test") holds the doc's metadata, not a section: "Version: 1.0",
# "**Status:** Approved", «Автор: …».
_META_LINE_RE = re.compile(
    r"^[\s*_>|-]*(?:document |doc )?(?:version|date|status|authors?|owners?|reviewers?|approvers?|"
    r"last updated|updated|created|team|prepared by|версия|дата|статус|авторы?|владел\w*|ревьюер\w*|"
    r"обновлен\w*|создан\w*|команда|подготовил\w*)[\s*_]*:",
    re.I,
)


def _drop_subtitle(root: Section) -> Section:
    """``root`` with the id of a subtitle dropped.

    A subtitle is the first heading right under the doc's H1 title (nothing
    between them), with no sub-sections of its own and nothing but metadata
    lines (version, date, status, author) and rules under it. A team or
    resources section ("## Team / Owner: …") keeps its id.
    """
    first = [s for _, s in zip(range(2), (s for s in root.walk() if s.level))]
    title, sub = (first + [None, None])[:2]
    # "# Title" directly over "## Subtitle", nothing between them.
    if title is None or sub is None or title.level != 1 or title.blocks or sub not in title.children[:1]:
        return root
    if sub.id is None or sub.id == "resources" or sub.children:
        return root
    lines = [ln for b in sub.blocks if b.type != "hr" for ln in b.text.split("\n") if ln.strip()]
    if not lines or not all(_META_LINE_RE.match(ln) for ln in lines):
        return root
    return _relabel(root, lambda sec: None if sec is sub else sec.id)


# A title naming the part it plans ("# A/B test plan: …", "# Rollback plan")
# is that part: the doc is its section.
_TITLE_KEEPS = frozenset({"ab_test", "rollback"})
# Section names that, alone as the title, name the whole doc ("# Plan", "# Overview").
_TITLE_NAMES_DOC = frozenset({"timeline", "what", "how"})


def _drop_title(root: Section, catalog: Catalog) -> Section:
    """``root`` with the id of the doc's title dropped.

    The title is the doc's one H1, opening it, with every other heading
    under it. When the sections under it are named sections of their own
    (two ids or more), the title names the doc ("# ML Plan", "# ML plan:
    learned models"), not one of its sections: "Plan" there is no timeline
    and "ML" no modelling chapter. A title that is just a section's name
    ("# Why", "# Risks" over "## Data risks" and "## Model risks") is that
    section.
    """
    tops = [s for s in root.children if not s.pseudo]
    if len(tops) != 1 or tops[0].level != 1 or root.blocks and any(b.text.strip() for b in root.blocks):
        return root
    title = tops[0]
    if title.id is None or title.id in _TITLE_KEEPS:
        return root
    # "# Plan" over goals, data and metrics is a plan of the whole project
    if title.id not in _TITLE_NAMES_DOC and catalog.names_exactly(title.title, title.id):
        return root
    inner = {s.id for s in title.walk() if s is not title and s.id}
    if len(inner) < 2:
        return root
    return _relabel(root, lambda sec: None if sec is title else sec.id)


def _relabel(root: Section, new_id: Callable[[Section], str | None]) -> Section:
    """``root`` with each section's id replaced by ``new_id(section)`` (the tree is immutable)."""
    from dataclasses import replace

    def fix(sec: Section) -> Section:
        children = tuple(fix(c) for c in sec.children)
        sid = new_id(sec)
        if sid != sec.id or children != sec.children:
            return replace(sec, id=sid, children=children)
        return sec

    return fix(root)


def _confirm_by_content(root: Section) -> Section:
    """``root`` with the ids of sections whose content disowns them dropped."""
    from designdoc import lexicon
    from designdoc.lexicon.scope import clean_text

    def confirmed(sec: Section) -> str | None:
        concepts = _CONFIRM_BY.get(sec.id or "")
        if not concepts:
            return sec.id
        text = sec.title + "\n" + clean_text(sec)
        if not any(lexicon.has(c, text) for c in concepts):
            return None
        # "Experiments" over training runs, backtests and folds compare models
        # offline: an A/B design puts something online (live traffic, a split
        # unit, groups, an A/A check) or defers doing so.
        if sec.id == "ab_test" and lexicon.has("offline_experiment", text):
            return sec.id if any(lexicon.has(c, text) for c in _ONLINE_EVIDENCE) else None
        return sec.id

    return _relabel(root, confirmed)


def _fold(
    headings: list[tuple[str, int, int, bool]],
    ids: list[str | None],
    items: list[tuple[str, Any]],
    line_count: int,
) -> Section:
    """Fold the flat heading/block stream into a section tree with a stack."""
    stack: list[_Open] = [_Open("", 0, 1, None, False)]

    def close(upto_line: int) -> None:
        node = stack.pop()
        sec = Section(
            title=node.title,
            level=node.level,
            line=node.line,
            end_line=max(node.line, upto_line),
            id=node.id,
            blocks=tuple(node.blocks),
            children=tuple(node.children),
            pseudo=node.pseudo,
        )
        stack[-1].children.append(sec)

    for kind, payload in items:
        if kind == "heading":
            title, level, line, pseudo = headings[payload]
            while len(stack) > 1 and stack[-1].level >= level:
                close(line - 1)
            stack.append(_Open(title, level, line, ids[payload], pseudo))
        else:
            stack[-1].blocks.append(payload)
    while len(stack) > 1:
        close(line_count)
    root = stack[0]
    return Section("", 0, 1, max(1, line_count), None, tuple(root.blocks), tuple(root.children))


def _guess_lang(root: Section) -> str:
    sample = "\n".join(s.title for s in root.walk()) + root.text()[:20000]
    cyr = len(_CYRILLIC_RE.findall(sample))
    lat = len(_LATIN_RE.findall(sample))
    return "ru" if cyr > lat * 0.5 else "en"
