"""Run a command with the project's settings: `.env`, then `.env.example` for defaults.

Rasa expands ${VAR} in endpoints.yml but does not read `.env` itself. This also writes
`.env` on first use, with its secrets at random (SECRETS), and creates `var/`.
Usage: python scripts/with_env.py COMMAND [ARGS...]
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from dotenv import dotenv_values, load_dotenv, set_key

ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ROOT / ".env"
EXAMPLE_FILE = ROOT / ".env.example"
# Written to `.env` at random when empty: nobody has to make them up.
SECRETS = ("RASA_API_TOKEN", "CONSOLE_SECRET_KEY", "CHAT_SESSION_KEY", "ACTION_SERVER_TOKEN")


def ensure_env_file() -> None:
    """Creates `.env` when missing and fills the empty secrets with random ones."""
    if not ENV_FILE.exists():
        ENV_FILE.write_text(
            "# Local settings; see .env.example for every setting and its default.\n"
        )
        ENV_FILE.chmod(0o600)
    values = dotenv_values(ENV_FILE)
    for secret in SECRETS:
        if not values.get(secret):
            set_key(str(ENV_FILE), secret, secrets.token_urlsafe(32), quote_mode="never")


def load_settings() -> None:
    """Process environment first, then `.env`, then the documented defaults."""
    ensure_env_file()
    load_dotenv(ENV_FILE, override=False)
    load_dotenv(EXAMPLE_FILE, override=False)
    (ROOT / "var").mkdir(exist_ok=True)


def main() -> None:
    """Loads the settings and replaces this process with the command."""
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    load_settings()
    os.execvp(sys.argv[1], sys.argv[1:])


if __name__ == "__main__":
    main()
