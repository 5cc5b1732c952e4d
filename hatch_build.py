"""Wheel build hook: parsed snapshots of the packaged YAML data, as JSON.

Reading the vocabulary and the section catalogue from JSON instead of YAML
saves the linter ~20 ms of start-up and, for docs without front matter,
the PyYAML import (pre-commit starts designdoc on every commit). Each
snapshot carries the CRC and size of its YAML source; designdoc/datafiles.py
uses it only when they match, so a stale snapshot is never read. Editable
installs have none and read the YAML.
"""

from __future__ import annotations

import json
import tempfile
import zlib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DATA_FILES = ("designdoc/catalog.yaml", "designdoc/lexicon/en.yaml", "designdoc/lexicon/ru.yaml")


class DataSnapshots(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        import yaml

        out = Path(tempfile.mkdtemp(prefix="designdoc-data-"))
        self._out = out  # removed in finalize, once the wheel holds the files
        for rel in DATA_FILES:
            raw = (Path(self.root) / rel).read_bytes()
            snapshot = {
                "crc32": zlib.crc32(raw),
                "size": len(raw),
                "data": yaml.safe_load(raw.decode("utf-8")),
            }
            if rel == "designdoc/catalog.yaml":
                snapshot["index"] = self._catalog_index(snapshot["data"])
            dest = out / (Path(rel).name + ".json")
            dest.write_text(json.dumps(snapshot, ensure_ascii=False), encoding="utf-8")
            build_data["force_include"][str(dest)] = rel + ".json"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            import shutil

            shutil.rmtree(out, ignore_errors=True)

    def _catalog_index(self, data: Any) -> dict[str, Any]:
        """The heading-matching index, built by this source tree's catalog.py."""
        import importlib.util
        import sys

        source = Path(self.root) / "designdoc" / "catalog.py"
        sys.path.insert(0, str(self.root))  # catalog.py imports designdoc (light: no dependencies)
        try:
            spec = importlib.util.spec_from_file_location("_designdoc_catalog_build", source)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module  # dataclasses look their module up
            spec.loader.exec_module(module)
            index = module._load(data).index_json()
        finally:
            sys.path.remove(str(self.root))
            sys.modules.pop("_designdoc_catalog_build", None)
        index["code_crc32"] = zlib.crc32(source.read_bytes())
        return index
