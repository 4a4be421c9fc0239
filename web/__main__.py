"""Serves the web app: `python -m web` (started by `make run`)."""

from __future__ import annotations

import os
import sys

from waitress import serve

from clinic import settings
from web.app import create_app

if __name__ == "__main__":
    for warning in settings.missing_for_patients():
        print(f"Warning: {warning}", file=sys.stderr, flush=True)
    port = int(os.environ.get("WEB_PORT", "8000"))
    serve(create_app(), host="127.0.0.1", port=port, threads=8, ident="clinic")
