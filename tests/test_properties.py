"""Property-based: parsing and linting never raise, whatever the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designdoc.document import parse
from designdoc.lint import lint_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Markdown-ish building blocks mixed with arbitrary text, so examples reach
# headings, lists, tables, fences, comments and front matter, not just prose.
PIECES = st.sampled_from(
    [
        "# ", "## ", "### ", "#### ", "\n", "\n\n", "- ", "* ", "1. ", "> ", "    ", "\t", "|", "---",
        "```", "~~~", "**", "__", "~~", "`", "<!--", "-->", "<!-- designdoc-disable -->",
        "<!-- designdoc-disable-next-line placeholder-text -->", "<div>", "</div>", "[", "](", ")",
        "![", "data:image/png;base64,", "TODO", "TBD", "???", "{{ x }}", "<describe it>", "\r\n", "\r",
        "\ufeff", "\u00a0", "Metrics", "Метрики", "Rollback", "A/B test", "α = 0.05", "Must", "Won't",
        "===", "kind: full", "status: approved", ":", "&amp;", "\\", "\x00", "\u202e",
    ]
)
MARKDOWNISH = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join)

YAML_PIECES = st.sampled_from(
    [
        "kind: ", "status: ", "lang: ", "owners: ", "title: ", "updated: ", "full", "one-pager", "hypothesis",
        "approved", "ru", "[a, b]", "{x: 1}", "&a ", "*a", "!!python/object:os.system", "!!binary",
        "- ", "  ", "\n", ": ", "'", '"', "|", ">", "---", "...", "%YAML 1.2", "? ", "2026-13-45", "null",
        "~", "1e999", "0x1F", "\t",
    ]
)
YAMLISH = st.lists(st.one_of(YAML_PIECES, st.text(max_size=10)), max_size=40).map("".join)


@SETTINGS
@given(st.text())
def test_parse_never_raises_on_any_text(text: str) -> None:
    doc = parse(text)
    assert doc.line_count >= 0
    for sec in doc.sections():
        assert sec.line >= 1 and sec.end_line >= sec.line


@SETTINGS
@given(MARKDOWNISH)
def test_lint_never_raises_on_markdownish_text(text: str) -> None:
    for p in lint_text(text):
        assert p.line >= 1 and p.column >= 1
        assert p.severity in ("error", "warning", "info")


@SETTINGS
@given(YAMLISH, MARKDOWNISH)
def test_lint_never_raises_on_any_front_matter(front: str, body: str) -> None:
    problems = lint_text(f"---\n{front}\n---\n{body}")
    assert all(p.line >= 1 for p in problems)


@SETTINGS
@given(st.text(), st.sampled_from(["one-pager", "full", "hypothesis", None]))
def test_lint_never_raises_with_forced_kind(text: str, kind: str | None) -> None:
    lint_text(text, kind=kind)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_are_linted_or_reported(data: bytes) -> None:
    import tempfile
    from pathlib import Path

    from designdoc.lint import lint_file

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "x.md"
        p.write_bytes(data)
        res = lint_file(str(p), True)
    assert res.path.endswith("x.md")
