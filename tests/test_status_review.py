"""designdoc status: gated, byte-preserving front matter edits."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from click.testing import CliRunner

from designdoc.cli import cli
from designdoc.review.frontmatter import set_front_matter
from designdoc.review.status import change_status

FIX = Path(__file__).parent / "fixtures" / "review"


def _copy(tmp_path: Path, name: str) -> Path:
    dst = tmp_path / name
    shutil.copyfile(FIX / name, dst)
    return dst


def _body(data: bytes) -> bytes:
    """Everything after the front matter block."""
    text = data.decode("utf-8")
    nl = "\r\n" if "\r\n" in text else "\n"
    end = text.index(nl + "---" + nl, 3) + len(nl + "---" + nl)
    return text[end:].encode("utf-8")


def test_crlf_doc_round_trips(tmp_path):
    doc = _copy(tmp_path, "crlf_one_pager.md")
    before = doc.read_bytes()
    days = {dt.date.today().isoformat()}  # read on both sides of the call: a run may cross midnight
    # --force: this test is about bytes, not gates (content rules evolve).
    result = CliRunner().invoke(cli, ["status", str(doc), "review", "--force"])
    days.add(dt.date.today().isoformat())
    assert result.exit_code == 0, result.output
    after = doc.read_bytes()
    assert _body(after) == _body(before)
    assert b"status: review  # draft | review | approved\r\n" in after  # comment column kept
    assert any(f'updated: "{d}"\r\n'.encode() in after for d in days)
    assert b"\n" not in after.replace(b"\r\n", b"")  # no lone LF crept in
    # Only the two edited lines differ.
    diff = [(a, b) for a, b in zip(before.split(b"\r\n"), after.split(b"\r\n")) if a != b]
    assert len(diff) == 2 and len(before.split(b"\r\n")) == len(after.split(b"\r\n"))


def test_comments_and_key_order_are_kept(tmp_path):
    doc = _copy(tmp_path, "commented.md")
    before = doc.read_text(encoding="utf-8")
    # --force: this test is about bytes, not gates (content rules evolve).
    result = CliRunner().invoke(cli, ["status", str(doc), "review", "--force"])
    assert result.exit_code == 0, result.output
    after = doc.read_text(encoding="utf-8")
    assert "# Owned by the search team; ask #search-ml before editing.\n" in after
    assert 'title: "Typo-tolerant search"   # shown in the report\n' in after
    assert "status: review        # draft | review | approved | rejected | superseded\n" in after
    assert "  - lee                # tech lead\n" in after
    # `updated` was missing: added once, inside the block; the body is untouched.
    assert after.count("updated:") == 1
    assert after.split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]
    keys = [ln.split(":")[0] for ln in after.split("---")[1].splitlines() if ln and ln[0].isalpha()]
    assert keys[:4] == ["title", "kind", "status", "owners"]


def test_refuses_approved_with_errors_and_lists_them(tmp_path):
    doc = _copy(tmp_path, "half_en.md")
    before = doc.read_bytes()
    result = CliRunner().invoke(cli, ["status", str(doc), "approved"])
    assert result.exit_code == 1
    assert "approval gate(s) fail" in result.output
    assert "missing-section" in result.output and "placeholder-text" in result.output
    assert doc.read_bytes() == before


def test_force_overrides_the_gates(tmp_path):
    doc = _copy(tmp_path, "half_en.md")
    result = CliRunner().invoke(cli, ["status", str(doc), "approved", "--force"])
    assert result.exit_code == 0, result.output
    assert "forced" in result.output
    assert "status: approved\n" in doc.read_text(encoding="utf-8")


def test_rejected_needs_no_gate_and_same_status_is_a_no_op(tmp_path):
    doc = _copy(tmp_path, "half_en.md")
    assert CliRunner().invoke(cli, ["status", str(doc), "rejected"]).exit_code == 0
    text = doc.read_text(encoding="utf-8")
    assert "status: rejected\n" in text
    result = CliRunner().invoke(cli, ["status", str(doc), "rejected"])
    assert result.exit_code == 0 and "already" in result.output
    assert doc.read_text(encoding="utf-8") == text


def test_adds_front_matter_when_there_is_none():
    text = "# Doc\r\n\r\n## Why\r\n\r\nBecause.\r\n"
    new = set_front_matter(text, {"status": "rejected", "updated": "2026-01-02"})
    assert new == '---\r\nstatus: rejected\r\nupdated: "2026-01-02"\r\n---\r\n' + text


def test_bom_is_kept():
    text = "\ufeff---\ntitle: X\nstatus: draft\n---\nbody\n"
    new = set_front_matter(text, {"status": "review", "updated": "2026-01-02"})
    assert new == "\ufeff---\ntitle: X\nstatus: review\nupdated: \"2026-01-02\"\n---\nbody\n"


def test_library_change_reports_blockers():
    text = (FIX / "half_en.md").read_text(encoding="utf-8")
    change = change_status(text, "half_en.md", "review")
    assert change.refused and change.blockers and change.text == text


def test_missing_file_is_exit_2():
    result = CliRunner().invoke(cli, ["status", "no/such.md", "review"])
    assert result.exit_code == 2
    assert "no/such.md" in result.output and "Traceback" not in result.output


def test_flow_style_front_matter_is_refused_with_a_clear_message(tmp_path):
    doc = tmp_path / "flow.md"
    before = "---\n{title: X, status: draft}\n---\n# X\n\n## Why\n\nA.\n"
    doc.write_text(before, encoding="utf-8")
    result = CliRunner().invoke(cli, ["status", str(doc), "rejected"])
    assert result.exit_code == 2
    assert "not valid YAML" not in result.output
    assert "flow-style front matter" in result.output and "one key per line" in result.output
    assert doc.read_text(encoding="utf-8") == before


def test_flow_style_spec_is_refused_with_a_clear_message(tmp_path):
    spec = tmp_path / "x.design.yaml"
    spec.write_text("{kind: full, title: X, status: draft}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["status", str(spec), "rejected"])
    assert result.exit_code == 2
    assert "flow-style" in result.output and "one key per line" in result.output


def test_status_help_lists_the_allowed_values():
    result = CliRunner().invoke(cli, ["status", "--help"])
    assert result.exit_code == 0
    assert "draft, review, approved, rejected, superseded" in result.output


def test_rules_help_texts():
    result = CliRunner().invoke(cli, ["rules", "--help"])
    fmt = next(ln for ln in result.output.splitlines() if "--format" in ln)
    assert len(fmt.split("]", 1)[1].strip()) > 10  # the option has a help text
    assert "designdoc rules" in CliRunner().invoke(cli, ["rule", "--help"]).output


def test_leaving_a_final_status_needs_force(tmp_path):
    for final in ("rejected", "superseded"):
        doc = tmp_path / f"{final}.md"
        doc.write_text(
            (FIX / "half_en.md").read_text(encoding="utf-8").replace("status: draft", f"status: {final}", 1),
            encoding="utf-8",
        )
        before = doc.read_bytes()
        for target in ("review", "approved"):
            result = CliRunner().invoke(cli, ["status", str(doc), target])
            assert result.exit_code == 1, result.output
            assert f"the doc is '{final}', a final status" in result.output and "--force" in result.output
            assert doc.read_bytes() == before
        result = CliRunner().invoke(cli, ["status", str(doc), "review", "--force"])
        assert result.exit_code == 0, result.output
        assert f"forced out of final status '{final}'" in result.output
        assert "status: review\n" in doc.read_text(encoding="utf-8")


def test_final_status_can_go_back_to_draft_and_library_flags_it():
    text = (FIX / "half_en.md").read_text(encoding="utf-8").replace("status: draft", "status: rejected", 1)
    assert "status: rejected" in text
    back = change_status(text, "x.md", "draft")
    assert back.changed and not back.forced and not back.from_terminal
    other = change_status(text, "x.md", "superseded")
    assert other.changed and not other.from_terminal
    up = change_status(text, "x.md", "approved")
    assert up.refused and up.from_terminal and up.text == text
