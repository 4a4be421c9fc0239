"""Deletes conversations and bookings older than RETENTION_DAYS (default 365).

`make retention` runs it once; `make run` starts it with --daily, so it runs at start and
then every 24 hours. Every run that deletes something leaves a row in the audit log.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from migrate import migrate

from clinic.data_protection import DataProtection, retention_days
from clinic.settings import database_url
from clinic.staff_store import StaffStore

DAY_SECONDS = 24 * 60 * 60


def purge_once() -> None:
    days = retention_days()
    deleted = DataProtection(database_url()).delete_older_than(days)
    if deleted.events or deleted.bookings or deleted.conversations:
        StaffStore(database_url()).audit("system", "retention", detail=f"{days} days: {deleted}")
    logging.info("retention %s days: deleted %s", days, deleted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--daily", action="store_true", help="run now, then every 24 hours")
    daily = parser.parse_args().daily
    migrate()  # its logging setup comes first, so ours is set after it
    logging.basicConfig(level=logging.INFO, format="%(asctime)s retention: %(message)s", force=True)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    purge_once()
    while daily and not stopping.wait(DAY_SECONDS):
        purge_once()
    return 0


if __name__ == "__main__":
    sys.exit(main())
