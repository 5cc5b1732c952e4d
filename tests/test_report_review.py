"""designdoc report: Markdown index, --write/--check, self-contained HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc.cli import cli
from designdoc.review.html import render_html
from designdoc.review.report import END, START, collect, markdown_table, updated_index

FIX = Path(__file__).parent / "fixtures" / "review"


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("half_en.md", "half_ru.md", "commented.md"):
        shutil.copyfile(FIX / name, folder / name)
    (folder / "NOTES.md").write_text("# Meeting notes\n\nNothing to see.\n", encoding="utf-8")
    # Doc text that tries to inject markup.
    (folder / "evil.md").write_text(
        "---\ntitle: \"<script>alert(1)</script> | pipe\"\nkind: one-pager\nstatus: draft\n---\n"
        "# X\n\n## Why\n\n<img src=x onerror=alert(1)>\n\n## What\n\nA.\n\n## How\n\nB.\n",
        encoding="utf-8",
    )
    return folder


def test_markdown_table_lists_design_docs_only(docs):
    table = markdown_table(collect(str(docs)), str(docs))
    lines = table.strip().splitlines()
    assert lines[0].startswith("| Document | Kind | Status | Owners | Updated | Readiness | Open problems |")
    assert len(lines) == 2 + 4  # NOTES.md is not a design doc
    assert "NOTES" not in table
    assert "[Churn prediction for the learning platform](half_en.md)" in table
    assert "⛔ not ready" in table
    assert "&lt;script&gt;" in table and "\\| pipe" in table  # escaped


def test_write_and_check(docs, tmp_path):
    index = tmp_path / "INDEX.md"
    index.write_text("# Our docs\r\n\r\nIntro kept.\r\n", encoding="utf-8", newline="")
    runner = CliRunner()
    assert runner.invoke(cli, ["report", str(docs), "--write", str(index), "--check"]).exit_code == 1
    result = runner.invoke(cli, ["report", str(docs), "--write", str(index)])
    assert result.exit_code == 0, result.output
    text = index.read_bytes().decode()
    assert text.startswith("# Our docs\r\n\r\nIntro kept.\r\n")
    assert START in text and END in text and "[Typo-tolerant search](docs/commented.md)" in text
    assert runner.invoke(cli, ["report", str(docs), "--write", str(index), "--check"]).exit_code == 0
    # Rewriting is stable and keeps what is around the markers.
    index.write_bytes(text.encode() + b"\r\nFooter kept.\r\n")
    assert runner.invoke(cli, ["report", str(docs), "--write", str(index), "--check"]).exit_code == 0
    # A doc changes: the index is stale.
    (docs / "commented.md").write_text(
        (docs / "commented.md").read_text(encoding="utf-8").replace("status: draft", "status: review"),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["report", str(docs), "--write", str(index), "--check"])
    assert result.exit_code == 1 and "stale" in result.output
    runner.invoke(cli, ["report", str(docs), "--write", str(index)])
    final = index.read_bytes().decode()
    assert final.endswith("\r\nFooter kept.\r\n") and final.count(START) == 1


def test_updated_index_variants():
    table = "| a |\n"
    assert updated_index(None, table).startswith("# Design docs\n\n" + START)
    assert updated_index("Hello\n", table) == f"Hello\n\n{START}\n| a |\n{END}\n"
    block = updated_index("Hello\n", table)
    assert updated_index(block, "| b |\n") == f"Hello\n\n{START}\n| b |\n{END}\n"


def test_check_needs_write():
    result = CliRunner().invoke(cli, ["report", ".", "--check"])
    assert result.exit_code == 2


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "action", "poster", "data") and value:
                self.urls.append(value)


def test_html_is_self_contained_and_escaped(docs):
    html = render_html(collect(str(docs)), str(docs))
    parser = _Collector()
    parser.feed(html)
    parser.close()
    assert "table" in parser.tags and "script" in parser.tags and "style" in parser.tags
    assert all(u.startswith("#") for u in parser.urls), parser.urls
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert html.count('class="cell ') >= 15 + 3 + 3  # heatmap cells for full and one-pager docs


def test_report_command_writes_html(docs, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(docs), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_json(docs):
    import json

    result = CliRunner().invoke(cli, ["report", str(docs), "--format", "json"])
    data = json.loads(result.output)
    assert len(data["docs"]) == 4 and data["docs"][0]["readiness"]["level"]


@pytest.mark.skipif(shutil.which("chromium") is None,
                    reason="chromium is not on PATH (apt-get install -y chromium; see docs/review.md)")
def test_html_renders_in_headless_chromium(docs, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(collect(str(docs)), str(docs)), encoding="utf-8")
    shot = tmp_path / "out.png"
    cmd = [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tempfile.mkdtemp()}", f"--screenshot={shot}", "--window-size=1400,900",
        page.as_uri(),
    ]
    subprocess.run(cmd, capture_output=True, timeout=90, check=False)
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
    dom = subprocess.run(
        [*cmd[:-3], "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=90, check=False
    ).stdout
    assert "Section coverage" in dom and "Churn prediction" in dom


def test_report_accepts_a_single_doc_file(docs):
    import json

    doc = docs / "half_en.md"
    result = CliRunner().invoke(cli, ["report", str(doc)])
    assert result.exit_code == 0, result.output
    assert "no such folder" not in result.output
    rows = [ln for ln in result.output.splitlines() if ln.startswith("| [")]
    assert len(rows) == 1 and "Churn prediction" in rows[0]
    data = json.loads(CliRunner().invoke(cli, ["report", str(doc), "--format", "json"]).output)
    assert [d["path"] for d in data["docs"]] == [str(doc)]


def test_report_on_a_missing_path_says_so():
    result = CliRunner().invoke(cli, ["report", "no/such/place"])
    assert result.exit_code == 2
    assert "no/such/place: no such folder or file" in result.output


def test_report_creates_parent_folders_of_its_outputs(docs, tmp_path):
    html = tmp_path / "new" / "dir" / "x.html"
    index = tmp_path / "other" / "deep" / "INDEX.md"
    result = CliRunner().invoke(cli, ["report", str(docs), "--html", str(html), "--write", str(index)])
    assert result.exit_code == 0, result.output
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert START in index.read_text(encoding="utf-8")
    assert "(../../docs/half_en.md)" in index.read_text(encoding="utf-8")
    # Atomic: no temp file is left next to the outputs.
    assert sorted(p.name for p in html.parent.iterdir()) == ["x.html"]
    assert sorted(p.name for p in index.parent.iterdir()) == ["INDEX.md"]
    # A single file with --html next to a new folder works too.
    single = tmp_path / "one" / "r.html"
    result = CliRunner().invoke(cli, ["report", str(docs / "half_ru.md"), "--html", str(single)])
    assert result.exit_code == 0, result.output
    assert "half_ru.md" in single.read_text(encoding="utf-8")


def test_report_output_under_a_file_is_a_clear_error(docs):
    result = CliRunner().invoke(cli, ["report", str(docs), "--html", str(docs / "half_en.md" / "x.html")])
    assert result.exit_code == 2
    assert "a parent of it is a file, not a folder" in result.output and "Traceback" not in result.output
