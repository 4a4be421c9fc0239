"""Starts the action server, the Rasa server, the notice sender, the daily retention run
and the web server, and starts again any of them that stops on its own (a crash, a kill,
memory running out): patients keep their chat, and a conversation carries on from the
tracker store.

Ctrl-C stops them all. A process that keeps failing (more than RESTARTS_PER_MINUTE starts
in a minute) stops everything, so that a broken set-up is not hidden.

Run through scripts/with_env.py so that the settings are loaded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable

from migrate import migrate
from model import ROOT, model_path

RESTARTS_PER_MINUTE = 5


def commands() -> dict[str, list[str]]:
    """The processes by name, configured from the environment."""
    rasa = [sys.executable, "-m", "rasa"]
    action_port = os.environ["ACTION_SERVER_PORT"]
    return {
        "action server": [*rasa, "run", "actions", "--actions", "actions", "--port", action_port],
        "Rasa server": [
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
        "notice sender": [sys.executable, "scripts/send_notices.py"],
        "retention": [sys.executable, "scripts/retention.py", "--daily"],
        "web server": [sys.executable, "-m", "web"],
    }  # fmt: skip


def supervise(
    processes: dict[str, subprocess.Popen],
    restart: Callable[[str], subprocess.Popen] | None = None,
) -> bool:
    """Waits for Ctrl-C (or SIGTERM), starting again (with `restart`) any process that exits
    on its own; True when asked to stop, False when one keeps failing or, without
    `restart`, as soon as one exits."""
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    starts = {name: deque([time.monotonic()]) for name in processes}
    while not stopping:
        time.sleep(0.5)
        for name, process in processes.items():
            if stopping or process.poll() is None:
                continue
            recent = starts[name]
            while recent and recent[0] < time.monotonic() - 60:
                recent.popleft()
            if restart is None or len(recent) >= RESTARTS_PER_MINUTE:
                print(f"The {name} stopped (exit {process.returncode}); stopping all.")
                return False
            print(f"The {name} stopped (exit {process.returncode}); starting it again.", flush=True)
            recent.append(time.monotonic())
            processes[name] = restart(name)
    return True


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
    named = commands()
    processes = {name: subprocess.Popen(command, cwd=ROOT) for name, command in named.items()}
    print(
        f"The clinic's page: http://127.0.0.1:{os.environ['WEB_PORT']}/ "
        f"(Rasa server on port {os.environ['RASA_PORT']}; Ctrl-C stops)",
        flush=True,
    )
    stopping = supervise(processes, lambda name: subprocess.Popen(named[name], cwd=ROOT))
    stop_all(list(processes.values()))
    return 0 if stopping else 1


if __name__ == "__main__":
    sys.exit(main())
