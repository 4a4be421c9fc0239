"""The staff console at /console/: sign-in, the inbox of conversations, one conversation.

Flask-Login keeps who is signed in, Flask-WTF checks every form's CSRF token, Werkzeug
hashes passwords: the console writes none of that itself.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from flask import Flask, redirect, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import LoginManager
from flask_wtf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from clinic.booking_store import BookingStore
from clinic.records.callbacks import CallBackStore
from clinic.records.handover import code_words
from clinic.staff_store import StaffStore
from web.console.auth import StaffUser, auth, browser_fingerprint
from web.console.bookings import bookings
from web.console.callbacks import callbacks
from web.console.dashboard import dashboard
from web.console.fhir import fhir
from web.console.handoffs import handoffs
from web.console.inbox import inbox

csrf = CSRFProtect()


class _Sessions(SecureCookieSessionInterface):
    """Session cookies marked Secure when CONSOLE_HTTPS says so, or when the request came
    over HTTPS (itself, or through a trusted proxy: TRUSTED_PROXY_HOPS)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or request.is_secure


def init_console(app: Flask) -> None:
    """Adds the console to the app; the stores share DATABASE_URL with the chat."""
    # Flask's own default is None, so a setting given to create_app (tests) comes first.
    app.config["SECRET_KEY"] = app.config["SECRET_KEY"] or os.environ.get("CONSOLE_SECRET_KEY")
    if not app.config["SECRET_KEY"]:
        raise RuntimeError("CONSOLE_SECRET_KEY is not set (scripts/with_env.py writes one).")
    idle = dt.timedelta(minutes=int(os.environ.get("CONSOLE_SESSION_MINUTES") or 30))
    https = os.environ.get("CONSOLE_HTTPS", "").strip().lower() in ("1", "true", "yes")
    app.config.update(
        PERMANENT_SESSION_LIFETIME=idle,
        SESSION_REFRESH_EACH_REQUEST=True,  # the session ends after that long without a click
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=https,  # behind HTTPS the cookie never travels in clear
        WTF_CSRF_TIME_LIMIT=None,  # the session's own expiry bounds the token
        # The page asked for waits in the session, not in a ?next= built from the Host header.
        USE_SESSION_FOR_NEXT=True,
    )
    if hops := int(os.environ.get("TRUSTED_PROXY_HOPS") or 0):
        # Behind a proxy: the patient's and staff's own address and scheme, from its headers.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    app.session_interface = _Sessions()
    app.extensions["staff"] = StaffStore(app.config["DATABASE_URL"])
    app.extensions["bookings"] = BookingStore(app.config["DATABASE_URL"])
    app.extensions["callbacks"] = CallBackStore(app.config["DATABASE_URL"])
    logins = LoginManager(app)
    logins.login_view = "auth.sign_in"
    logins.login_message = "Please sign in to see the console."
    # The store checks each session's browser and address itself (Flask-Login's own check
    # is off for lasting sessions).
    logins.session_protection = None

    @logins.user_loader
    def load_member(token: str) -> StaffUser | None:
        member = app.extensions["staff"].session_member(token, browser_fingerprint(), idle)
        return StaffUser(member, token) if member else None

    app.add_template_filter(clinic_time)
    app.add_template_filter(code_words, "words")

    @app.after_request
    def not_cached(response):  # type: ignore[no-untyped-def]
        # Health data: a shared computer's browser cache must not keep console pages.
        if request.path.startswith("/console"):
            response.headers["Cache-Control"] = "no-store"
        return response

    csrf.init_app(app)
    # "/console" without its slash: Werkzeug's own redirect would be absolute, built from
    # the request's Host header; this one is relative.
    app.add_url_rule("/console", "console_root", lambda: redirect("/console/"))
    app.register_blueprint(auth)
    app.register_blueprint(inbox)
    app.register_blueprint(bookings)
    app.register_blueprint(callbacks)
    app.register_blueprint(fhir)
    app.register_blueprint(handoffs)
    csrf.exempt(fhir)  # GETs only, and the API's caller sends a token, not a cookie
    app.register_blueprint(dashboard)


def clinic_time(moment: float | dt.datetime, zone: ZoneInfo, fmt: str = "%a %d %b %Y %H:%M") -> str:
    """A Unix time (Rasa's events) or an aware datetime (bookings) on the clinic's clock."""
    if isinstance(moment, dt.datetime):
        return moment.astimezone(zone).strftime(fmt)
    return dt.datetime.fromtimestamp(moment, zone).strftime(fmt)
