"""Locust: patients playing whole conversations through Rasa's REST channel, back to back.

`BENCH_SCRIPT=patient` (our assistant) plays `bench.patient.book_and_cancel`, answering
what the assistant asks. `BENCH_SCRIPT=fixed` (the stock `rasa init` bot, which has no
intake) sends the same number of the same patient messages in a fixed order. No pause
between messages: the run measures how many messages the server can take.
"""

from __future__ import annotations

import itertools
import os
import random

from locust import FastHttpUser, constant, task

# Only modules and classes here: Locust inspects every name of this module.
from bench import patient

# One recorded conversation of ours, for the stock bot (same texts, same count).
FIXED = (
    "hi", "my left knee aches", "left", "aching", "no", "2 weeks", "no", "no", "no", "no",
    "no", "no", "no", "no", "4", "none of these", "yes please", "as soon as possible",
    "tomorrow at 10", "Anna Smith", "(212) 555-0143", "yes", "yes",
    "I need to cancel my appointment", "yes", "thanks, bye",
)  # fmt: skip
_patients = itertools.count()


class Patient(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        self.number = next(_patients)
        self.rng = random.Random(self.number)
        self.conversations = 0

    def say(self, sender: str, text: str) -> patient.Replies:
        with self.client.post(
            "/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            # Our channel answers only the web server's secret; the stock bot ignores it.
            headers={"X-Channel-Token": os.environ.get("RASA_API_TOKEN", "")},
            name="message",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return []
            replies = response.json()
            if not isinstance(replies, list) or not replies:
                response.failure("no answer")
                return []
            return replies

    @task
    def conversation(self) -> None:
        self.conversations += 1
        sender = f"bench-{self.number}-{self.conversations}"
        if os.environ.get("BENCH_SCRIPT", "patient") == "fixed":
            for text in FIXED:
                self.say(sender, text)
            return
        try:
            patient.book_and_cancel(lambda text: self.say(sender, text), self.rng)
        except patient.ConversationFailed as failed:
            # A wrong answer is an error of the run, like a failed request.
            self.environment.events.request.fire(
                request_type="CONVERSATION", name="conversation", response_time=0,
                response_length=0, exception=failed, context={},
            )  # fmt: skip
