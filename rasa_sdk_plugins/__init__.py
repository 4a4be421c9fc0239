"""The action server's own plugins, found by Rasa SDK under this package name.

At start, what the first message needs is loaded (spaCy's parser for the safety reading,
the date reader), so that the first patient after a start doesn't wait seconds for it.

Only Rasa may run the clinic's actions: every call but the health check must carry the
shared secret ACTION_SERVER_TOKEN in the `X-Action-Token` header, which Rasa sends from
endpoints.yml. Anyone else who can reach the port (another user of the machine, a
misconfigured SANIC_HOST) gets a 401 and runs nothing.
"""

from __future__ import annotations

import hmac
import os
from typing import Any

import pluggy
from sanic import Sanic, response

_hookimpl = pluggy.HookimplMarker("rasa_sdk")
HEADER = "X-Action-Token"
_OPEN = ("/health",)


class _OnlyRasa:
    @_hookimpl  # type: ignore[misc]
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        secret = os.environ.get("ACTION_SERVER_TOKEN", "")
        if not secret:
            raise RuntimeError("ACTION_SERVER_TOKEN is not set (scripts/with_env.py writes one).")
        _warm_up()

        @app.middleware("request")
        async def only_rasa(request: Any) -> Any:
            if request.path in _OPEN:
                return None
            given = request.headers.get(HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                return response.json({"error": "not allowed"}, status=401)
            return None


def _warm_up() -> None:
    from clinic import parsing, safety

    safety.screen("my lower back hurts since monday")
    parsing.find_duration("since monday")


def init_hooks(manager: pluggy.PluginManager) -> None:
    manager.register(_OnlyRasa())
