"""Sends the outbox's notices to the clinic by SMTP, every OUTBOX_POLL_SECONDS. Run by `make run`.

Without SMTP settings the notices wait in the outbox (the console shows them).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic.booking_store import BookingStore
from clinic.outbox import MailSettings, deliver_due
from clinic.settings import database_url


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s notices: %(message)s")
    settings = MailSettings.from_env()
    if not settings.configured:
        logging.info(
            "SMTP_HOST, SMTP_FROM or CLINIC_NOTIFY_EMAIL not set: notices wait in the outbox"
        )
    poll = float(os.environ.get("OUTBOX_POLL_SECONDS") or 30)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    store = BookingStore(database_url())
    while not stopping.is_set():
        if settings.configured:
            deliver_due(store, settings)
        stopping.wait(poll)
    return 0


if __name__ == "__main__":
    sys.exit(main())
