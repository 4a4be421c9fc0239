"""Brings the clinic's tables in DATABASE_URL up to date (Alembic). Run by `make run`."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent


def migrate(url: str | None = None) -> None:
    """Applies every migration not yet applied (to `url`, else DATABASE_URL)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # migrations/env.py imports the clinic package
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    if url:
        config.attributes["url"] = url
    command.upgrade(config, "head")


if __name__ == "__main__":
    migrate()
    print("Database schema up to date.")
