"""Rasa's REST channel, for the web server only.

Rasa's own REST channel takes a message for any conversation id from anyone who can reach
the port: with a conversation id from the bookings CSV, someone on the clinic's machine
could write into a patient's chat. This one answers only requests that carry the shared
secret (RASA_API_TOKEN, the API's token) in `X-Channel-Token`, as the web server's do; the
health check stays open. It keeps the name `rest`, so its address is unchanged.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

HEADER = "X-Channel-Token"


class WebChannel(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        secret = os.environ.get("RASA_API_TOKEN", "")
        if not secret:
            raise RuntimeError("RASA_API_TOKEN is not set (scripts/with_env.py writes one).")

        @webhook.middleware("request")
        async def only_the_web_server(request: Request) -> Any:
            if request.method == "GET":
                return None  # the channel's health check
            given = request.headers.get(HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                return response.json({"error": "not allowed"}, status=401)
            return None

        return webhook
