"""Starts the action server, the Rasa server, the notice sender, the daily retention run
and the web server.

Ctrl-C stops them all.

Run through scripts/with_env.py so that the settings are loaded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from migrate import migrate
from model import ROOT, model_path


def commands() -> list[list[str]]:
    """The processes, configured from the environment."""
    rasa = [sys.executable, "-m", "rasa"]
    action_port = os.environ["ACTION_SERVER_PORT"]
    return [
        [*rasa, "run", "actions", "--actions", "actions", "--port", action_port],
        [
            # The API token comes from the environment, not this command line.
            sys.executable, "scripts/rasa_server.py",
            "--model", str(model_path()),
            "--interface", "127.0.0.1",
            "--port", os.environ["RASA_PORT"],
            "--enable-api",
            "--cors", *os.environ["RASA_CORS_ORIGINS"].split(),
            "--credentials", "credentials.yml",
            "--endpoints", "endpoints.yml",
        ],
        [sys.executable, "scripts/send_notices.py"],
        [sys.executable, "scripts/retention.py", "--daily"],
        [sys.executable, "-m", "web"],
    ]  # fmt: skip


def until_stopped(processes: list[subprocess.Popen]) -> bool:
    """Waits for Ctrl-C (or SIGTERM) or for one of `processes` to exit; True when asked to
    stop, False when a process exited on its own."""
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not stopping and all(p.poll() is None for p in processes):
        time.sleep(0.5)
    return stopping


def stop_all(processes: list[subprocess.Popen], timeout: float = 15) -> None:
    """Asks each process still running to stop, in order, and kills what doesn't in time."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> int:
    """Runs them all until one exits or the user presses Ctrl-C; returns an exit status."""
    if not model_path().exists():
        sys.exit("No trained model for the current data: run `make run` (it trains first).")
    migrate()  # the bookings tables, before the action server needs them
    processes = [subprocess.Popen(command, cwd=ROOT) for command in commands()]
    print(
        f"The clinic's page: http://127.0.0.1:{os.environ['WEB_PORT']}/ "
        f"(Rasa server on port {os.environ['RASA_PORT']}; Ctrl-C stops)",
        flush=True,
    )
    stopping = until_stopped(processes)
    stop_all(processes)
    return 0 if stopping else 1


if __name__ == "__main__":
    sys.exit(main())
