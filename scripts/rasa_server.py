"""Starts `rasa run` with its API token from the environment (RASA_API_TOKEN), never on a
command line: `ps` shows every process's arguments to every user of the machine.

Usage: python scripts/rasa_server.py [arguments of `rasa run`, without --auth-token]
The arguments are handed to Rasa's own command line inside this process; what the system
shows is the command this script was started with.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    token = os.environ.get("RASA_API_TOKEN")
    if not token:
        sys.exit("RASA_API_TOKEN is not set (scripts/with_env.py writes one).")
    sys.argv = ["rasa", "run", *sys.argv[1:], "--auth-token", token]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
