"""The Rasa server's log names what failed, never what the patient wrote."""

from __future__ import annotations

import logging

import pytest
import structlog


def test_a_failed_message_is_logged_without_its_text(caplog: pytest.LogCaptureFixture) -> None:
    from rasa.utils.log_utils import configure_structlog

    from addons import log_privacy

    configure_structlog(logging.INFO)  # as the server does before it loads the model
    log_privacy.install()
    caplog.set_level(logging.INFO)

    def handle(said: str) -> None:  # its local variable would be in the traceback
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    try:
        handle("numb down below since Tuesday")
    except UnicodeEncodeError:
        structlog.get_logger().exception(
            "rest.message.received.failure", text="numb down below since Tuesday"
        )
    logged = caplog.text
    assert "rest.message.received.failure" in logged and "UnicodeEncodeError" in logged
    assert "numb down below" not in logged
