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


def load(path: Path) -> Any:
    """The parsed content of the packaged YAML file ``path``."""
    raw = path.read_bytes()
    try:
        snapshot = json.loads(path.with_name(path.name + ".json").read_bytes())
        if snapshot["size"] == len(raw) and snapshot["crc32"] == zlib.crc32(raw):
            return snapshot["data"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(raw.decode("utf-8"), Loader=loader)
