"""The packaged YAML data (catalogue, vocabulary), read fast when the wheel allows.

A wheel carries a JSON snapshot beside each data file (``catalog.yaml.json``;
see ``hatch_build.py``). It is used only when its recorded size and CRC match
the YAML next to it, so an edited YAML is never shadowed by an old snapshot;
otherwise, and in editable installs, the YAML is parsed.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any


def snapshot(path: Path) -> dict[str, Any] | None:
    """The wheel's snapshot of ``path`` when it matches the YAML (``data`` and extras), else None."""
    try:
        raw = path.read_bytes()
        snap = json.loads(path.with_name(path.name + ".json").read_bytes())
        if snap["size"] == len(raw) and snap["crc32"] == zlib.crc32(raw) and "data" in snap:
            return snap  # type: ignore[no-any-return]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def load(path: Path) -> Any:
    """The parsed content of the packaged YAML file ``path``."""
    snap = snapshot(path)
    if snap is not None:
        return snap["data"]
    raw = path.read_bytes()
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(raw.decode("utf-8"), Loader=loader)
