"""``designdoc clean``: remove the lint result cache."""

from __future__ import annotations

from pathlib import Path

import click

from designdoc.cli import fail
from designdoc.errors import DesignDocError


@click.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Cache folder (default: the config's `cache-dir`, else .designdoc_cache/ in the project root).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Read `cache-dir` from this config file.")
def clean(cache_dir: str | None, config_file: str | None) -> None:
    """Remove the lint result cache (.designdoc_cache/)."""
    from designdoc.cache import clean as remove
    from designdoc.config import load_config
    from designdoc.runner import LintRequest, cache_folder

    try:
        if config_file and not Path(config_file).is_file():
            raise DesignDocError(f"{config_file}: config file not found")
        forced = load_config(Path(config_file)) if config_file else None
        folder = cache_folder(LintRequest([], forced, cache_dir=cache_dir))
        removed = remove(folder)
    except DesignDocError as err:
        fail(err)
        return
    except (ValueError, OSError) as err:
        fail(DesignDocError(f"cannot remove the cache: {err}"))
        return
    click.echo(f"Removed {folder}" if removed else f"No cache at {folder}", err=True)
