"""Sends the clinic's notices from the outbox by SMTP, retrying until the mail server answers.

A booking is stored with its notice in one transaction; sending happens later, here, so
a mail server that is down delays the notice and never loses the booking.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from clinic.booking_store import BookingStore, utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailSettings:
    """SMTP settings from the environment (see .env.example)."""

    host: str
    port: int
    username: str
    password: str
    security: str  # "starttls", "ssl" or "none"
    sender: str
    recipient: str
    max_attempts: int

    @classmethod
    def from_env(cls) -> MailSettings:
        env = os.environ.get
        return cls(
            host=(env("SMTP_HOST") or "").strip(),
            port=int(env("SMTP_PORT") or 587),
            username=env("SMTP_USERNAME") or "",
            password=env("SMTP_PASSWORD") or "",
            security=(env("SMTP_SECURITY") or "starttls").strip().lower(),
            sender=(env("SMTP_FROM") or "").strip(),
            recipient=(env("CLINIC_NOTIFY_EMAIL") or "").strip(),
            max_attempts=int(env("OUTBOX_MAX_ATTEMPTS") or 10),
        )

    @property
    def configured(self) -> bool:
        """Mail is sent only when the server, the sender and the clinic's address are set."""
        return bool(self.host and self.sender and self.recipient)


def retry_delay(attempts: int) -> dt.timedelta:
    """Waits 1, 2, 4 ... minutes between attempts, at most an hour."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


class SmtpMailer:
    """The clinic's mail server."""

    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings

    def send(self, subject: str, body: str) -> None:
        """Sends one message to the clinic; raises on any failure."""
        s = self.settings
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = s.sender, s.recipient, subject
        message.set_content(body)
        if s.security == "ssl":
            client = smtplib.SMTP_SSL(
                s.host, s.port, timeout=20, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(s.host, s.port, timeout=20)
        with client:
            if s.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if s.username:
                client.login(s.username, s.password)
            client.send_message(message)


def deliver_due(store: BookingStore, settings: MailSettings, now: dt.datetime | None = None) -> int:
    """Sends every notice that is due; returns how many were sent."""
    if not settings.configured:
        return 0
    now = now or utc_now()
    mailer = SmtpMailer(settings)
    sent = 0
    for notice in store.due_notices(now):
        try:
            mailer.send(notice.subject, notice.body)
        except (OSError, smtplib.SMTPException) as error:
            attempts = notice.attempts + 1
            retry_at = now + retry_delay(attempts) if attempts < settings.max_attempts else None
            store.record_attempt(notice.id, now, f"{type(error).__name__}: {error}", retry_at)
            log.warning("Notice %s not sent (attempt %s): %s", notice.id, attempts, error)
            continue
        store.record_attempt(notice.id, now, None, None)
        sent += 1
    return sent
