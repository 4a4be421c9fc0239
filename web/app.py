"""The web app on port 8000: the clinic's page, the widget's files and its chat endpoints,
and the staff console."""

from __future__ import annotations

import os

from flask import Flask
from flask_cors import CORS

from clinic import settings
from clinic.conversations import ConversationStore
from clinic.records.handoffs import HandoffStore
from web.chat import chat
from web.console import csrf, init_console
from web.limits import init_limits
from web.site import site


def create_app(**config: object) -> Flask:
    """The app, configured from the environment; `config` overrides it (tests)."""
    app = Flask(__name__)
    app.config.update(
        RASA_URL=f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}",
        DATABASE_URL=settings.database_url(),
        WIDGET_ORIGINS=os.environ.get("WIDGET_ORIGINS", "").split(),
        CHAT_SESSION_KEY=os.environ.get("CHAT_SESSION_KEY", ""),
        # Rasa's channel answers only the web server (addons/web_channel.py).
        RASA_API_TOKEN=os.environ.get("RASA_API_TOKEN", ""),
        # The records system's key to the FHIR export (web/console/fhir.py); empty: off.
        FHIR_API_TOKEN=os.environ.get("FHIR_API_TOKEN", ""),
        # A chat message of 2,000 characters is at most 8 KB as JSON; a console form less.
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.config.update(config)
    if not app.config["CHAT_SESSION_KEY"]:
        raise RuntimeError("CHAT_SESSION_KEY is not set (scripts/with_env.py writes one).")
    app.extensions["conversations"] = ConversationStore(app.config["DATABASE_URL"])
    app.extensions["handoffs"] = HandoffStore(app.config["DATABASE_URL"])
    # The clinic's own site may embed the widget from another origin: only the chat
    # endpoints answer it, and only for the origins in WIDGET_ORIGINS.
    if app.config["WIDGET_ORIGINS"]:
        CORS(app, resources={r"/chat/*": {"origins": app.config["WIDGET_ORIGINS"]}})
    init_limits(app)
    app.register_blueprint(site)
    app.register_blueprint(chat)
    init_console(app)
    csrf.exempt(chat)  # the widget's JSON calls carry no cookies: nothing to forge

    @app.after_request
    def security_headers(response):  # type: ignore[no-untyped-def]
        # Scripts and styles only from this server; the page may not be framed elsewhere.
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app
