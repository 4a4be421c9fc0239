"""Creates a staff account for the console, or resets its password and role.

Interactive: asks for the user name, the role and the password (twice, not echoed).
Without a terminal (CI, scripts) it reads STAFF_USERNAME, STAFF_ROLE and STAFF_PASSWORD.
Run through scripts/with_env.py (`make staff-user`).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from migrate import migrate

from clinic.settings import database_url
from clinic.staff_store import MIN_PASSWORD_LENGTH, ROLES, StaffStore


def ask(prompt: str, setting: str, choices: tuple[str, ...] = ()) -> str:
    value = os.environ.get(setting, "").strip()
    if value or not sys.stdin.isatty():
        return value
    while True:
        value = input(prompt).strip().lower()
        if value and (not choices or value in choices):
            return value


def ask_password() -> str:
    password = os.environ.get("STAFF_PASSWORD", "")
    if password or not sys.stdin.isatty():
        return password
    while True:
        password = getpass.getpass(f"Password (at least {MIN_PASSWORD_LENGTH} characters): ")
        if password == getpass.getpass("The same password again: "):
            return password
        print("The two passwords differ; once more.")


def main() -> int:
    migrate()
    username = ask("User name: ", "STAFF_USERNAME")
    role = ask(f"Role ({' or '.join(ROLES)}): ", "STAFF_ROLE", ROLES)
    password = ask_password()
    if not (username and role and password):
        sys.exit("Set STAFF_USERNAME, STAFF_ROLE and STAFF_PASSWORD, or run it in a terminal.")
    try:
        member = StaffStore(database_url()).save_member(username, password, role)
    except ValueError as wrong:
        sys.exit(f"Not saved: {wrong}.")
    print(f"Staff account {member.username!r} ({member.role}) saved.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
