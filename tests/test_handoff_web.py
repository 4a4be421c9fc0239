"""A live handoff through the web server and the console, against a fake Rasa HTTP API:
the patient's messages while a person has the chat, the safety check that still runs, the
wait that ends in a call-back offer, and staff taking, writing and handing back."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from clinic.records.handoffs import HandoffStore
from clinic.staff_store import StaffStore
from tests.test_console import PASSWORD, csrf_token, sign_in
from tests.test_web_chat import CONVERSATION, KEY, SESSION, send
from tests.tracker_rows import save_conversation
from web.app import create_app

EMERGENCY = "crushing pain in my chest and my left arm is numb"
# No red flag by the rules, but the safety question is due ("are you safe?").
CRISIS = "honestly some days i don't see the point of waking up"


class FakeRasaApi(BaseHTTPRequestHandler):
    """Rasa's REST channel and HTTP API, recording what the web server asks."""

    calls: ClassVar[list[tuple[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"null")
        path = self.path.split("?")[0]
        FakeRasaApi.calls.append((path, body))
        if path == "/model/parse":
            red = body["text"] == EMERGENCY
            answer: Any = {"intent": {"name": "red_flag" if red else "describe_pain"}}
            if body["text"] == CRISIS:
                answer["entities"] = [{"entity": "safety_question", "value": "check_safe"}]
        elif path.endswith("/execute"):
            answer = {"messages": [{"text": "Or the clinic can call you back."}]}
        elif path == "/webhooks/rest/webhook":
            advice = body["message"] == EMERGENCY and self._resumed()
            answer = [{"text": "Please call 911 now."}] if advice else []
            if body["message"] in (CRISIS, "yes") and self._resumed():
                answer = [{"text": "I want to check you're safe."}]
        else:
            answer = {}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        FakeRasaApi.calls.append((self.path.split("?")[0], None))
        asked = any(
            isinstance(b, dict) and b.get("message") == CRISIS for _, b in FakeRasaApi.calls
        )
        tracker = {"active_loop": {"name": "intake_form"}, "slots": {"direct_question": None}}
        if asked:  # the safety question was asked and waits for its answer
            tracker["slots"]["direct_question"] = "check_safe"
        data = json.dumps(tracker).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    @staticmethod
    def _resumed() -> bool:
        events = [body for path, body in FakeRasaApi.calls if path.endswith("/tracker/events")]
        return bool(events) and events[-1][0]["event"] == "resume"

    def log_message(self, *_: Any) -> None:
        pass


def paths() -> list[str]:
    return [path for path, _ in FakeRasaApi.calls]


def events_appended() -> list[str]:
    return [body[0]["event"] for path, body in FakeRasaApi.calls if path.endswith("/events")]


@pytest.fixture
def rasa() -> Iterator[str]:
    FakeRasaApi.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRasaApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def app(rasa: str, booking_db: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("HANDOFF_WAIT_MINUTES", "3")
    staff = StaffStore(booking_db)
    staff.save_member("clara", PASSWORD, "clinician")
    staff.save_member("rita", PASSWORD, "reception")
    return create_app(
        RASA_URL=rasa, DATABASE_URL=booking_db, SECRET_KEY="t", CHAT_SESSION_KEY=KEY,
        RASA_API_TOKEN="api-token",
    )  # fmt: skip


def waiting(booking_db: str, minutes_ago: float = 0) -> int:
    requested = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=minutes_ago)
    return HandoffStore(booking_db).request(CONVERSATION, requested).id


def test_while_a_person_is_asked_for_messages_are_kept_without_an_answer(
    app: Any, booking_db: str
) -> None:
    waiting(booking_db)
    answer = send(app.test_client(), "hello? is anyone there")
    assert answer.status_code == 200
    assert answer.get_json() == {"messages": [], "handoff": "waiting"}  # no "sorry" for silence
    # The safety check first: the message's reading, then whether a safety question waits.
    assert [p.rsplit("/", 1)[-1] for p in paths()] == ["parse", "tracker", "webhook"]


def test_a_red_flag_while_a_person_has_the_chat_gets_the_advice_at_once(
    app: Any, booking_db: str
) -> None:
    waiting(booking_db)
    answer = send(app.test_client(), EMERGENCY)
    assert answer.get_json()["messages"][0]["text"] == "Please call 911 now."
    assert events_appended() == ["resume", "pause"]  # and the chat stays with the person
    assert answer.get_json()["handoff"] == "waiting"


def test_a_safety_question_due_in_a_handoff_is_asked_and_its_answer_heard(
    app: Any, booking_db: str
) -> None:
    # Session 16, written before the change: a crisis said in words the rules leave to the
    # direct question, and its answer, while the chat waits for a person.
    waiting(booking_db)
    web = app.test_client()
    asked = send(web, CRISIS).get_json()
    assert asked["messages"][0]["text"] == "I want to check you're safe."
    answered = send(web, "yes").get_json()
    assert answered["messages"][0]["text"] == "I want to check you're safe."
    assert events_appended() == ["resume", "pause", "resume", "pause"]
    assert answered["handoff"] == "waiting"  # and the chat stays with the person


def test_past_the_wait_the_chat_goes_back_to_the_assistant_which_offers_a_call(
    app: Any, booking_db: str
) -> None:
    handoff = waiting(booking_db, minutes_ago=1)
    web = app.test_client()
    assert (
        web.post("/chat/updates", json={"session": SESSION, "shown": 0}).get_json()["handoff"]
        == "waiting"
    )
    assert "/conversations/" not in " ".join(paths())
    HandoffStore(booking_db).end(handoff)
    waiting(booking_db, minutes_ago=4)
    answer = web.post("/chat/updates", json={"session": SESSION, "shown": 0}).get_json()
    assert answer["handoff"] is None
    assert events_appended() == ["resume", "action"]  # then listening, as after any turn
    executed = [body["name"] for path, body in FakeRasaApi.calls if path.endswith("/execute")]
    assert executed == ["action_handoff_timed_out", "intake_form"]  # the form asks again
    bad = web.post("/chat/updates", json={"session": SESSION, "shown": -1})
    assert bad.status_code == 400


def test_staff_take_write_and_hand_back_and_each_step_is_audited(app: Any, booking_db: str) -> None:
    from rasa.shared.core.events import BotUttered, UserUttered

    now = dt.datetime.now(dt.timezone.utc).timestamp()
    save_conversation(
        booking_db,
        CONVERSATION,
        [
            UserUttered("my neck is sore since tuesday", timestamp=now - 3600),
            BotUttered("Which side?", timestamp=now - 3590),
            UserUttered("can I talk to a person", timestamp=now - 5),
        ],
    )
    handoff = waiting(booking_db)
    clara, _ = sign_in(app, "clara")
    rita, _ = sign_in(app, "rita")
    listed = clara.get("/console/handoffs.json").get_json()["handoffs"]
    assert [(h["id"], h["status"]) for h in listed] == [(handoff, "waiting")]
    assert "neck" not in json.dumps(listed)  # no patient words in the check-in
    page = clara.get("/console/handoffs").get_data(as_text=True)
    token = csrf_token(page)
    assert (
        clara.post(f"/console/handoffs/{handoff}/take", data={"csrf_token": token}).status_code
        == 302
    )
    rita_page = rita.get("/console/handoffs").get_data(as_text=True)
    rita.post(f"/console/handoffs/{handoff}/take", data={"csrf_token": csrf_token(rita_page)})
    assert HandoffStore(booking_db).get(handoff).taken_by == "clara"  # first come
    # Reception sees the chat from the request on: not the neck an hour before.
    seen = rita.get(f"/console/handoffs/{handoff}").get_data(as_text=True)
    assert "can I talk to a person" in seen and "my neck is sore" not in seen
    assert "Whole conversation" not in seen
    live = clara.get(f"/console/handoffs/{handoff}").get_data(as_text=True)
    sent = clara.post(
        f"/console/handoffs/{handoff}/messages",
        data={
            "text": "Hi, I'm Clara, one of the physios. How can I help?",
            "csrf_token": csrf_token(live),
        },
    )
    assert sent.status_code == 302
    [(path, body)] = [c for c in FakeRasaApi.calls if c[0].endswith("/tracker/events")]
    assert path == f"/conversations/{CONVERSATION}/tracker/events"
    assert (
        body[0]["event"] == "bot" and body[0]["metadata"]["staff_name"] == "Clara (physiotherapist)"
    )
    refused = rita.post(
        f"/console/handoffs/{handoff}/messages", data={"text": "hi", "csrf_token": csrf_token(seen)}
    )
    assert refused.status_code == 409  # only who took it writes in it
    clara.post(f"/console/handoffs/{handoff}/hand-back", data={"csrf_token": csrf_token(live)})
    assert HandoffStore(booking_db).get(handoff).status == "ended"
    assert events_appended()[-2:] == ["resume", "action"]
    executed = [b["name"] for p, b in FakeRasaApi.calls if p.endswith("/execute")]
    assert executed == ["action_handed_back", "intake_form"]  # where it was
    audit = [(e.username, e.action) for e in StaffStore(booking_db).audit_entries()]
    for action in ("take_handoff", "view_handoff", "handoff_message", "hand_back"):
        assert ("clara", action) in audit, action
    assert ("rita", "view_handoff") in audit


def test_staff_messages_reach_the_patients_chat_with_their_name(booking_db: str) -> None:
    from clinic.conversations import chat_lines

    lines = chat_lines(
        [
            {"event": "user", "text": "hello?", "timestamp": 1.0},
            {"event": "bot", "text": "Hi, I'm Clara.", "timestamp": 2.0,
             "metadata": {"staff": "clara", "staff_name": "Clara (physiotherapist)"}},
        ]
    )  # fmt: skip
    assert [(line.sender, line.name) for line in lines] == [
        ("patient", ""),
        ("staff", "Clara (physiotherapist)"),
    ]


def test_a_chat_its_member_left_without_handing_back_goes_back_to_the_assistant(
    app: Any, booking_db: str
) -> None:
    store = HandoffStore(booking_db)
    long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10)
    handoff = store.request(CONVERSATION, long_ago).id
    store.take(handoff, "clara", long_ago)  # and then her page closed
    answer = app.test_client().post("/chat/updates", json={"session": SESSION, "shown": 0})
    assert answer.get_json()["handoff"] is None
    executed = [b["name"] for p, b in FakeRasaApi.calls if p.endswith("/execute")]
    assert executed == ["action_handed_back", "intake_form"]
