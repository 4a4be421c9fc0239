"""Phone numbers in what patients write: where they are from, and where they stand."""

from __future__ import annotations

import os

import phonenumbers

DEFAULT_PHONE_REGION = "US"


def phone_region() -> str:
    """Where numbers without a country code are from (`CLINIC_PHONE_REGION`, default US)."""
    return (os.environ.get("CLINIC_PHONE_REGION") or DEFAULT_PHONE_REGION).strip().upper()


def without_phone_numbers(text: str, region: str | None = None) -> str:
    """`text` with its phone numbers blanked out (positions kept): "monday 2pm, 917 730
    5521" holds no 7:30."""
    for match in phonenumbers.PhoneNumberMatcher(
        text, region or phone_region(), leniency=phonenumbers.Leniency.POSSIBLE
    ):
        text = text[: match.start] + " " * (match.end - match.start) + text[match.end :]
    return text
