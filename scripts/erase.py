"""Erases one patient's data on request: by conversation id, phone number or email address.

Deletes the conversation(s), the bookings made with that phone or email (with their
notices) and staff's reviews; the audit log records the erasure. `make erase ARGS="..."`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from migrate import migrate

from clinic.data_protection import DataProtection
from clinic.settings import database_url
from clinic.staff_store import StaffStore


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversation", help="the conversation id (the console shows it)")
    parser.add_argument("--phone", help="the phone number the patient booked with")
    parser.add_argument("--email", help="the email address the patient booked with")
    args = parser.parse_args()
    if not (args.conversation or args.phone or args.email):
        parser.error("give --conversation, --phone or --email")
    migrate()
    try:
        deleted = DataProtection(database_url()).erase_patient(
            args.conversation, args.phone, args.email
        )
    except ValueError as wrong:
        sys.exit(f"Nothing erased: {wrong}.")
    asked = ", ".join(f"{k}={v}" for k, v in vars(args).items() if v)
    StaffStore(database_url()).audit(
        f"cli:{getpass.getuser()}", "erase", args.conversation, f"{asked}: {deleted}"
    )
    print(f"Erased {deleted}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
