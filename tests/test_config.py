"""Configuration discovery, validation and effect on linting."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc.cli import cli
from designdoc.config import find_config, load_config
from designdoc.errors import ConfigError
from designdoc.lint import lint_file

DOC = "---\nkind: full\nstatus: review\n---\n## Goals\nTODO\n## Metrics\nCTR\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def names(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.name for p in result.problems}


def test_pyproject_section_is_found_walking_up(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.designdoc]\nignore = ["missing-section"]\n')
    doc = write(tmp_path / "docs" / "a" / "x.md", DOC)
    load_config.cache_clear()
    assert find_config(doc.parent) == tmp_path / "pyproject.toml"
    assert "missing-section" not in names(lint_file(str(doc), True))


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    write(tmp_path / "sub" / ".designdoc.toml", "select = ['DD103']\n")
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"
    assert find_config(tmp_path / "sub") == tmp_path / "sub" / ".designdoc.toml"


def test_closest_config_wins_and_severity_override(tmp_path: Path) -> None:
    write(tmp_path / ".designdoc.toml", 'select = ["placeholder-text"]\n[severity]\nplaceholder-text = "info"\n')
    doc = write(tmp_path / "x.md", DOC)
    res = lint_file(str(doc), True)
    assert [(p.name, p.severity) for p in res.problems] == [("placeholder-text", "info")]


def test_per_path_override(tmp_path: Path) -> None:
    write(
        tmp_path / ".designdoc.toml",
        'select = ["missing-section"]\n[[overrides]]\npaths = ["hyp/**"]\nkind = "hypothesis"\n',
    )
    doc = write(tmp_path / "hyp" / "h.md", "## Idea\nx\n")
    res = lint_file(str(doc), True)
    assert res.kind == "hypothesis"
    assert {p.section for p in res.problems} == {"implementation", "expected_effect", "verdict", "risks", "resources"}


def test_extra_synonyms_and_required_sections(tmp_path: Path) -> None:
    write(
        tmp_path / ".designdoc.toml",
        'select = ["missing-section"]\nrequired-sections = ["metrics"]\n[synonyms]\nmetrics = ["north star"]\n',
    )
    doc = write(tmp_path / "o.md", "---\nkind: one-pager\n---\n## Why\na\n## What\nb\n## How\nc\n")
    assert [p.section for p in lint_file(str(doc), True).problems] == ["metrics"]
    write(doc, doc.read_text() + "## North star\nd\n")
    assert lint_file(str(doc), True).problems == []


@pytest.mark.parametrize(
    "text, message",
    [
        ("selcet = []\n", "1: unknown config key 'selcet'; did you mean 'select'?"),
        ('\nignore = ["no-such-rule"]\n', "2: unknown rule 'no-such-rule'"),
        ('[severity]\nplaceholder-text = "loud"\n', "2: severity of 'placeholder-text' must be one of"),
        ('required-sections = ["rolback"]\n', "did you mean 'rollback'?"),
        ('format = "xml"\n', "'format' must be one of"),
        ("select = [\n", "invalid TOML"),
        ('[[overrides]]\nglob = ["x"]\n', "unknown key 'glob' in overrides"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".designdoc.toml", text)
    load_config.cache_clear()
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(str(path))
    assert message in str(err.value)


def test_cli_bad_config_exits_2_without_traceback(tmp_path: Path) -> None:
    cfg = write(tmp_path / "bad.toml", "selcet = []\n")
    doc = write(tmp_path / "x.md", DOC)
    res = CliRunner().invoke(cli, ["lint", "--config", str(cfg), str(doc)])
    assert res.exit_code == 2
    assert "unknown config key 'selcet'" in res.output
    assert "Traceback" not in res.output


def test_respect_gitignore_from_config(tmp_path: Path) -> None:
    import os
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    write(tmp_path / "drafts" / "d.md", DOC)
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        clear_caches()
        assert run_json(["lint", "--no-cache", "--format", "json", "."]) == []
        write(tmp_path / ".designdoc.toml", "respect-gitignore = false\n")
        clear_caches()
        assert run_json(["lint", "--no-cache", "--format", "json", "."]) == ["drafts/d.md"]
        write(tmp_path / ".designdoc.toml", "respect-gitignore = 1\n")
        clear_caches()
        res = CliRunner().invoke(cli, ["lint", "--no-cache", "."])
        assert res.exit_code == 2 and "'respect-gitignore' must be true or false" in res.output
    finally:
        os.chdir(old)


def run_json(args: list[str]) -> list[str]:
    import json

    res = CliRunner().invoke(cli, args)
    return [Path(f["path"]).as_posix() for f in json.loads(res.stdout)["files"]]


def clear_caches() -> None:
    from designdoc.config import _find_config_cached

    load_config.cache_clear()
    _find_config_cached.cache_clear()
