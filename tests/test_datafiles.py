"""Packaged YAML data: JSON snapshots are read only when they match their YAML."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
import yaml

import designdoc
from designdoc import datafiles

PKG = Path(designdoc.__file__).resolve().parent
DATA = [PKG / "catalog.yaml", PKG / "lexicon" / "en.yaml", PKG / "lexicon" / "ru.yaml"]


def _snapshot(path: Path, data: object, raw: bytes) -> None:
    snap = {"crc32": zlib.crc32(raw), "size": len(raw), "data": data}
    path.with_name(path.name + ".json").write_text(json.dumps(snap), encoding="utf-8")


def test_a_matching_snapshot_is_read_instead_of_the_yaml(tmp_path: Path) -> None:
    src = tmp_path / "x.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    _snapshot(src, {"a": "from the snapshot"}, src.read_bytes())
    assert datafiles.load(src) == {"a": "from the snapshot"}


@pytest.mark.parametrize("snapshot", ['{"crc32": 1, "size": 5, "data": {"a": 2}}', "not json", "[]", ""])
def test_a_stale_or_broken_snapshot_is_ignored(tmp_path: Path, snapshot: str) -> None:
    src = tmp_path / "x.yaml"
    src.write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "x.yaml.json").write_text(snapshot, encoding="utf-8")
    assert datafiles.load(src) == {"a": 1}


def test_without_a_snapshot_the_yaml_is_read(tmp_path: Path) -> None:
    src = tmp_path / "x.yaml"
    src.write_text("- re: '\\bx'\n- 0.05\n", encoding="utf-8")
    assert datafiles.load(src) == [{"re": "\\bx"}, 0.05]


def test_the_installed_wheel_carries_current_snapshots() -> None:
    if "site-packages" not in PKG.parts:
        pytest.skip("running from a source checkout; CI installs the wheel and runs this")
    for path in DATA:
        snap = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
        raw = path.read_bytes()
        assert (snap["size"], snap["crc32"]) == (len(raw), zlib.crc32(raw))
        assert snap["data"] == yaml.safe_load(raw.decode("utf-8"))


def test_a_catalog_index_round_trips_through_json() -> None:
    from designdoc import catalog

    data = datafiles.load(PKG / "catalog.yaml")
    fresh = catalog._load(data)
    again = catalog._load(data, json.loads(json.dumps(fresh.index_json())))
    assert again._index == fresh._index and again._exact == fresh._exact
    assert again._never == fresh._never and again._by_stem == fresh._by_stem
    assert [again.match(t, "full") for t in ("Rollback plan", "Метрики", "A/B test")] == ["rollback", "metrics", "ab_test"]


def test_the_installed_wheel_carries_the_catalog_index_of_its_own_code() -> None:
    if "site-packages" not in PKG.parts:
        pytest.skip("running from a source checkout; CI installs the wheel and runs this")
    from designdoc import catalog

    snap = json.loads((PKG / "catalog.yaml.json").read_text(encoding="utf-8"))
    assert snap["index"]["code_crc32"] == zlib.crc32((PKG / "catalog.py").read_bytes())
    built = catalog._load(snap["data"])
    assert catalog.default_catalog()._index == built._index
