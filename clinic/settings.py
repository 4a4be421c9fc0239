"""The clinic's settings that come from the environment (see .env.example)."""

from __future__ import annotations

import os

DEFAULT_EMERGENCY_NUMBER = "911"
DEFAULT_CRISIS_LINE = "988"
DEFAULT_DATABASE_URL = "sqlite:///var/rasa.db"
DEFAULT_CLINIC_NAME = "Riverside Physiotherapy"
DEFAULT_ANSWERS_FILE = "answers.yml"


def emergency_number() -> str:
    """The number patients call in an emergency (`CLINIC_EMERGENCY_NUMBER`, default 911)."""
    return os.environ.get("CLINIC_EMERGENCY_NUMBER", "").strip() or DEFAULT_EMERGENCY_NUMBER


def crisis_line() -> str:
    """A crisis line for thoughts of suicide (`CLINIC_CRISIS_LINE`, default 988)."""
    return os.environ.get("CLINIC_CRISIS_LINE", "").strip() or DEFAULT_CRISIS_LINE


def database_url() -> str:
    """Where conversations and bookings live (`DATABASE_URL`, any SQLAlchemy URL)."""
    return os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL


def clinic_name() -> str:
    """The clinic's name on its page and in the chat (`CLINIC_NAME`)."""
    return os.environ.get("CLINIC_NAME", "").strip() or DEFAULT_CLINIC_NAME


def clinic_phone() -> str:
    """The clinic's phone number for patients (`CLINIC_PHONE`); empty when not set."""
    return os.environ.get("CLINIC_PHONE", "").strip()


def clinic_address() -> str:
    """The clinic's address for patients (`CLINIC_ADDRESS`); empty when not set."""
    return os.environ.get("CLINIC_ADDRESS", "").strip()


def answers_file() -> str:
    """The clinic's answers to patients' questions (`CLINIC_ANSWERS_FILE`)."""
    return os.environ.get("CLINIC_ANSWERS_FILE", "").strip() or DEFAULT_ANSWERS_FILE


def missing_for_patients() -> list[str]:
    """Settings patients rely on that are empty (`make run` warns about each)."""
    warnings = []
    if not clinic_phone():
        warnings.append(
            "CLINIC_PHONE is empty: patients who ask for a person, or whose question the "
            "assistant can't answer, get no number to call. Set it in .env."
        )
    if not clinic_address():
        warnings.append("CLINIC_ADDRESS is empty: the chat can't tell patients where you are.")
    return warnings
