"""Sends the outbox's notices to the clinic by SMTP, every OUTBOX_POLL_SECONDS. Run by `make run`.

Without SMTP settings the notices wait in the outbox (the console shows them).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic.booking import booking_desk
from clinic.outbox import MailSettings, deliver_due


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s notices: %(message)s")
    settings = MailSettings.from_env()
    if not settings.configured:
        logging.info(
            "SMTP_HOST, SMTP_FROM or CLINIC_NOTIFY_EMAIL not set: notices wait in the outbox"
        )
    poll = float(os.environ.get("OUTBOX_POLL_SECONDS") or 30)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    store = booking_desk().store
    while not stopping:
        if settings.configured:
            deliver_due(store, settings)
        deadline = time.monotonic() + poll
        while not stopping and time.monotonic() < deadline:
            time.sleep(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
