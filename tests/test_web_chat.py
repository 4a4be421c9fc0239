"""The web server's page and the widget's endpoints, without a browser: what reaches Rasa,
what is refused with which answer, and the history read back from a real Rasa tracker store."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from flask.testing import FlaskClient

from clinic.conversations import ChatLine, ConversationStore, chat_lines
from tests.running_assistant import free_port
from tests.tracker_rows import save_conversation
from web.app import create_app
from web.chat import MAX_MESSAGE_CHARS, PRIVACY_NOTICE_VERSION, conversation_of

SESSION = str(uuid.uuid4())
KEY = "test-chat-key"
# The conversation as Rasa, the console and the bookings know it: never the widget's secret.
CONVERSATION = conversation_of(SESSION, KEY)


class FakeRasa(BaseHTTPRequestHandler):
    """Rasa's REST webhook as the web server sees it: records requests, answers `replies`."""

    received: ClassVar[list[dict[str, Any]]] = []
    replies: ClassVar[list[dict[str, Any]]] = []
    raw: ClassVar[bytes | None] = None  # an answer that isn't JSON at all
    channel_tokens: ClassVar[list[str | None]] = []
    on_message: ClassVar[Any] = None  # what Rasa does before it answers (stores the message)

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeRasa.received.append({"path": self.path, **body})
        FakeRasa.channel_tokens.append(self.headers.get("X-Channel-Token"))
        if FakeRasa.on_message:
            FakeRasa.on_message()
        answer = FakeRasa.raw or json.dumps(FakeRasa.replies).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def rasa() -> Iterator[str]:
    FakeRasa.received, FakeRasa.replies, FakeRasa.raw, FakeRasa.on_message = [], [], None, None
    FakeRasa.channel_tokens = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRasa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def database(tmp_path: Path) -> str:
    from scripts.migrate import migrate

    url = f"sqlite:///{tmp_path / 'rasa.db'}"
    migrate(url)  # as `make run` does: the audit log is there before the first chat
    return url


def client(rasa_url: str, database: str, **config: Any) -> FlaskClient:
    config.setdefault("CHAT_SESSION_KEY", KEY)
    config.setdefault("RASA_API_TOKEN", "test-rasa-token")
    app = create_app(RASA_URL=rasa_url, DATABASE_URL=database, SECRET_KEY="test", **config)
    return app.test_client()


def send(web: FlaskClient, message: Any, **fields: Any) -> Any:
    body = {"session": SESSION, "consent": PRIVACY_NOTICE_VERSION, "message": message, **fields}
    return web.post("/chat/send", json=body)


def test_a_message_goes_to_rasa_and_only_text_and_buttons_come_back(
    rasa: str, database: str
) -> None:
    FakeRasa.replies = [
        {"recipient_id": CONVERSATION, "text": "Which side?", "buttons": [
            {"title": "Left", "payload": "/inform{\"side\": \"left\"}", "type": "postback"}
        ]},
        {"recipient_id": CONVERSATION, "custom": {"html": "<script>x</script>"}, "image": "http://x"},
    ]  # fmt: skip
    answer = send(client(rasa, database), "my knee hurts")
    assert answer.status_code == 200
    left = {"title": "Left", "payload": '/inform{"side": "left"}'}
    assert answer.json == {
        "messages": [{"text": "Which side?", "buttons": [left]}, {"text": "", "buttons": []}],
        "handoff": None,  # no person asked for
    }
    assert FakeRasa.received == [
        {"path": "/webhooks/rest/webhook", "sender": CONVERSATION, "message": "my knee hurts"}
    ]
    assert FakeRasa.channel_tokens == ["test-rasa-token"]  # Rasa's channel answers only this


@pytest.mark.parametrize(
    ("fields", "status", "error", "says"),
    [
        ({"session": "../admin"}, 400, "bad_session", "start over"),
        ({"session": None}, 400, "bad_session", "start over"),
        ({"consent": None}, 403, "consent_needed", "privacy notice"),
        ({"consent": "2020-01-01"}, 403, "consent_needed", "privacy notice"),
        ({"message": "   \n "}, 400, "empty", "type a message"),
        ({"message": 42}, 400, "empty", "type a message"),
        ({"message": "ache " * 401}, 413, "too_long", "2,005 characters"),
    ],
)
def test_what_is_refused_gets_a_clear_answer_and_never_reaches_rasa(
    rasa: str, database: str, fields: dict[str, Any], status: int, error: str, says: str
) -> None:
    answer = send(client(rasa, database), **{"message": "my knee hurts", **fields})
    assert (answer.status_code, answer.json["error"]) == (status, error)
    assert says in answer.json["message"]
    assert FakeRasa.received == []


def test_the_longest_message_allowed_still_goes_through(rasa: str, database: str) -> None:
    FakeRasa.replies = [{"text": "Thanks."}]
    assert send(client(rasa, database), "a" * MAX_MESSAGE_CHARS).status_code == 200


def test_an_unreachable_assistant_is_a_503_the_widget_retries(database: str) -> None:
    answer = send(client(f"http://127.0.0.1:{free_port()}", database), "my knee hurts")
    assert (answer.status_code, answer.json["error"]) == (503, "unavailable")


def test_settings_carry_the_emergency_number_and_the_notice(
    rasa: str, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLINIC_EMERGENCY_NUMBER", "999")
    monkeypatch.setenv("CLINIC_NAME", "Test Clinic")
    answer = client(rasa, database).get("/chat/settings").json
    assert answer["emergency_number"] == "999"
    assert answer["privacy_notice_version"] == PRIVACY_NOTICE_VERSION
    assert "Test Clinic" in answer["privacy_notice"]
    assert answer["max_message_chars"] == MAX_MESSAGE_CHARS


def test_the_page_tells_the_clinics_facts_and_serves_the_widget(
    rasa: str, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLINIC_EMERGENCY_NUMBER", "999")
    web = client(rasa, database)
    page = web.get("/")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Dr Peter Ray" in text and "Thursday 10:00-20:00" in text  # from schedule.yml
    assert 'href="tel:999"' in text
    assert '<script src="/widget.js" defer></script>' in text
    # Scripts only from this server, so no injected inline script could run.
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    widget = web.get("/widget.js")
    assert widget.status_code == 200 and "javascript" in widget.content_type
    assert "innerHTML" not in widget.get_data(as_text=True)
    assert web.get("/widget.css").status_code == 200


def test_only_the_configured_sites_may_call_the_chat_from_a_browser(
    rasa: str, database: str
) -> None:
    web = client(rasa, database, WIDGET_ORIGINS=["https://clinic.example"])
    allowed = web.get("/chat/settings", headers={"Origin": "https://clinic.example"})
    other = web.get("/chat/settings", headers={"Origin": "https://evil.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://clinic.example"
    assert "Access-Control-Allow-Origin" not in other.headers


def test_history_is_the_current_session_as_the_patient_saw_it(rasa: str, database: str) -> None:
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered

    yes_no = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    save_conversation(
        database,
        CONVERSATION,
        [
            ActionExecuted("action_session_start"),
            SessionStarted(),
            UserUttered("my old chat"),
            SessionStarted(),  # a new session: the old one is not shown again
            UserUttered("/greet"),  # the widget's own opening
            BotUttered("Hello!"),
            UserUttered("<b>my knee</b>"),
            BotUttered("Does it spread?", data={"buttons": yes_no}),
            UserUttered("/deny"),  # a click on "No"
            BotUttered("How long?"),
        ],
    )
    answer = client(rasa, database).post("/chat/history", json={"session": SESSION})
    lines = [
        (m["sender"], m["text"], [b["title"] for b in m["buttons"]])
        for m in answer.json["messages"]
    ]
    assert lines == [
        ("assistant", "Hello!", []),
        ("patient", "<b>my knee</b>", []),
        ("assistant", "Does it spread?", ["Yes", "No"]),
        ("patient", "No", []),
        ("assistant", "How long?", []),
    ]  # fmt: skip
    store = ConversationStore(database)
    assert store.current_chat(CONVERSATION, session_minutes=60, now=time.time() + 59 * 60)
    assert store.current_chat(CONVERSATION, session_minutes=60, now=time.time() + 61 * 60) == []


def test_history_of_an_unknown_or_invalid_session(rasa: str, database: str) -> None:
    web = client(rasa, database)
    unknown = web.post("/chat/history", json={"session": str(uuid.uuid4())})
    assert (unknown.status_code, unknown.json) == (200, {"messages": [], "handoff": None})
    for wrong in ("x' OR 1=1", SESSION + "\n", " " + SESSION, SESSION.upper(), CONVERSATION):
        assert web.post("/chat/history", json={"session": wrong}).status_code == 400, wrong


def test_the_widgets_session_is_a_secret_staff_never_see(rasa: str, database: str) -> None:
    """Rasa, the console, the bookings and their CSV know the chat by a conversation id made
    from the session with the server's key: holding the id opens no chat, and the session
    can't be worked out from it."""
    FakeRasa.replies = [{"text": "Which side?"}]
    send(client(rasa, database), "my knee hurts")
    (received,) = FakeRasa.received
    assert received["sender"] == CONVERSATION != SESSION
    assert SESSION not in CONVERSATION and SESSION.replace("-", "") not in CONVERSATION
    other_key = conversation_of(SESSION, "another clinic's key")
    assert conversation_of(SESSION, KEY) == CONVERSATION != other_key
    assert conversation_of(str(uuid.uuid4()), KEY) != CONVERSATION


def test_reading_a_chats_history_is_audited(rasa: str, database: str) -> None:
    from clinic.staff_store import StaffStore

    web = client(rasa, database)
    web.post("/chat/history", json={"session": SESSION}, environ_base={"REMOTE_ADDR": "192.0.2.7"})
    (entry,) = [e for e in StaffStore(database).audit_entries() if e.action == "chat_history"]
    assert (entry.username, entry.conversation_id) == ("patient", CONVERSATION)
    assert "192.0.2.7" in entry.detail and SESSION not in entry.detail


def test_a_typed_slash_command_that_was_not_offered_is_not_shown_as_a_click() -> None:
    events = [
        {"event": "bot", "timestamp": 1.0, "text": "Pick one", "data": {"buttons": [
            {"title": "Yes", "payload": "/affirm"}]}},
        {"event": "user", "timestamp": 2.0, "text": "/affirm"},
        {"event": "user", "timestamp": 3.0, "text": "/affirm"},  # not offered again
    ]  # fmt: skip
    assert chat_lines(events) == [
        ChatLine("assistant", "Pick one", 1.0, (chat_lines(events)[0].buttons)),
        ChatLine("patient", "Yes", 2.0),
    ]


def test_a_slash_command_goes_through_only_as_an_offered_button(rasa: str, database: str) -> None:
    from rasa.shared.core.events import BotUttered, UserUttered

    yes_no = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    save_conversation(
        database,
        CONVERSATION,
        [UserUttered("my knee"), BotUttered("Does it spread?", data={"buttons": yes_no})],
    )
    web = client(rasa, database)
    FakeRasa.replies = [{"text": "How long?"}]
    typed = send(web, '/inform{"pain_severity": 0}')
    assert (typed.status_code, typed.json["error"]) == (400, "command")
    assert "slash" in typed.json["message"]
    assert send(web, "/deny").status_code == 200  # the click on "No"
    assert send(web, "/greet").status_code == 200  # the widget's opening
    assert [r["message"] for r in FakeRasa.received] == ["/deny", "/greet"]


@pytest.mark.parametrize(
    ("said", "passed_on"),
    [
        ("my back \ud800 hurts", "my back \ufffd hurts"),
        ("I am \u202eenod ton\u202c fine", "I am enod ton fine"),
        ("neck\x00\x1b[31m pain", "neck[31m pain"),
    ],
)
def test_what_no_keyboard_types_is_cleaned_before_it_reaches_rasa(
    rasa: str, database: str, said: str, passed_on: str
) -> None:
    FakeRasa.replies = [{"text": "Which side?"}]
    assert send(client(rasa, database), said).status_code == 200
    assert [r["message"] for r in FakeRasa.received] == [passed_on]


def test_a_message_of_nothing_but_invisible_characters_is_empty(rasa: str, database: str) -> None:
    answer = send(client(rasa, database), "\u202e\u200b\x00")
    assert (answer.status_code, answer.json["error"]) == (400, "empty")
    assert FakeRasa.received == []


def test_an_empty_answer_for_a_message_rasa_never_stored_is_sent_again_then_kept(
    rasa: str, database: str
) -> None:
    answer = send(client(rasa, database), "my knee hurts")  # Rasa answers [] and stores nothing
    assert len(FakeRasa.received) == 2  # once more: nothing was stored, so nothing doubles
    # The widget keeps a message on a 502 and sends it again later.
    assert (answer.status_code, answer.json["error"]) == (502, "unavailable")


def test_an_empty_answer_for_a_message_rasa_stored_tells_the_patient(
    rasa: str, database: str
) -> None:
    from rasa.shared.core.events import UserUttered

    def stored_then_silent() -> None:
        save_conversation(database, CONVERSATION, [UserUttered("numb down there")])

    web = client(rasa, database)
    FakeRasa.on_message = stored_then_silent
    answer = send(web, "numb down there")
    assert answer.status_code == 200 and len(FakeRasa.received) == 1  # not sent twice
    (reply,) = answer.json["messages"]
    assert "didn't manage to answer" in reply["text"] and "911" in reply["text"]


def test_an_answer_that_is_not_json_is_a_502(rasa: str, database: str) -> None:
    FakeRasa.raw = b"<html>proxy error</html>"
    answer = send(client(rasa, database), "my knee hurts")
    assert (answer.status_code, answer.json["error"]) == (502, "unavailable")


def test_a_message_of_hundreds_of_emoji_is_refused_in_words_and_kept(
    rasa: str, database: str
) -> None:
    """Each mark costs the language reader as much as a word: a message of many different
    ones is refused with a clear answer (the widget puts it back in the box)."""
    emoji = "".join(chr(0x1F300 + i) for i in range(400))
    answer = send(client(rasa, database), "my back " + emoji)
    assert (answer.status_code, answer.json["error"]) == (413, "too_many_marks")
    assert "in words" in answer.json["message"]
    assert FakeRasa.received == []
    FakeRasa.replies = [{"text": "Which side?"}]
    assert send(client(rasa, database), "my back 😭😭 " + "😭" * 1980).status_code == 200
    assert [r["message"] for r in FakeRasa.received] == ["my back 😭😭 😭😭😭"]


def test_one_chat_sending_too_fast_is_slowed_and_keeps_its_message(
    rasa: str, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHAT_MESSAGES_PER_MINUTE", "5")
    web = client(rasa, database)
    FakeRasa.replies = [{"text": "Which side?"}]
    assert [send(web, f"message {n}").status_code for n in range(5)] == [200] * 5
    answer = send(web, "one too many")
    assert (answer.status_code, answer.json["error"]) == (429, "too_fast")
    assert "wait" in answer.json["message"]  # the widget puts the text back in the box
    assert len(FakeRasa.received) == 5
    other = {"session": str(uuid.uuid4())}  # another patient on the same network
    assert send(web, "my knee hurts", **other).status_code == 200


def test_one_address_sending_for_many_chats_is_slowed(
    rasa: str, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHAT_ADDRESS_PER_MINUTE", "8")
    web = client(rasa, database)
    FakeRasa.replies = [{"text": "Which side?"}]
    sessions = [{"session": str(uuid.uuid4())} for _ in range(9)]
    codes = [send(web, "my knee hurts", **s).status_code for s in sessions]
    assert codes == [200] * 8 + [429]
    history = [web.post("/chat/history", json=s).status_code for s in sessions]
    assert 429 in history


def test_long_messages_use_the_allowance_faster(
    rasa: str, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long message costs the assistant more (about half a second for 2,000 characters):
    it counts for more against the limits, so one sender can't keep a core busy."""
    monkeypatch.setenv("CHAT_ADDRESS_PER_MINUTE", "20")
    web = client(rasa, database)
    FakeRasa.replies = [{"text": "Which side?"}]
    long = "my knee hurts when I walk. " * 73  # 1,971 characters: counts as 8
    codes = [send(web, long, session=str(uuid.uuid4())).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    elsewhere = {"REMOTE_ADDR": "192.0.2.44"}  # another patient, another address
    assert (
        web.post(
            "/chat/send",
            json={"session": str(uuid.uuid4()), "message": "ok", "consent": PRIVACY_NOTICE_VERSION},
            environ_base=elsewhere,
        ).status_code
        == 200
    )


@pytest.mark.parametrize("path", ["/chat/send", "/chat/history"])
def test_deeply_nested_json_gets_a_clear_answer(rasa: str, database: str, path: str) -> None:
    """Found by the attack re-run (session 14): 1,000 nested arrays gave a 500."""
    body = "[" * 1000 + "]" * 1000
    answer = client(rasa, database).post(path, data=body, content_type="application/json")
    assert answer.status_code == 400 and answer.json["message"]
    assert FakeRasa.received == []


def test_a_huge_body_is_refused_before_it_is_read(rasa: str, database: str) -> None:
    body = json.dumps({"session": SESSION, "message": "a" * 200_000})
    answer = client(rasa, database).post("/chat/send", data=body, content_type="application/json")
    assert answer.status_code == 413 and FakeRasa.received == []


def test_one_address_has_one_message_in_the_assistant_at_a_time(rasa: str, database: str) -> None:
    """A burst from one address queued all of its messages in Rasa at once, and another
    patient waited behind them (1.4-2.7 s). The next one from that address while one is
    being answered gets a 503 the widget retries on its own; other addresses go on."""
    web = client(rasa, database)
    FakeRasa.replies = [{"text": "Which side?"}]
    release = threading.Event()
    FakeRasa.on_message = lambda: release.wait(10)  # the first message is still being read
    first = threading.Thread(target=lambda: send(web, "my knee hurts"))
    first.start()
    deadline = time.monotonic() + 5
    while not FakeRasa.received and time.monotonic() < deadline:
        time.sleep(0.01)
    second = send(web, "and my back", session=str(uuid.uuid4()))
    assert (second.status_code, second.json["error"]) == (503, "busy")
    FakeRasa.on_message = None
    other = web.post(
        "/chat/send",
        json={"session": str(uuid.uuid4()), "message": "hi", "consent": PRIVACY_NOTICE_VERSION},
        environ_base={"REMOTE_ADDR": "192.0.2.9"},
    )
    assert other.status_code == 200  # another address is not held up
    release.set()
    first.join(10)
    assert send(web, "and my back", session=str(uuid.uuid4())).status_code == 200  # free again


def test_long_messages_from_many_addresses_take_turns(rasa: str, database: str) -> None:
    """The second attack re-run spread a burst of long messages over 20 addresses and a
    normal patient waited 1.8 s. The work with the assistant at once is bounded too: a
    long message while another is being read gets a 503 (retried); a short one goes on."""
    web = client(rasa, database)
    FakeRasa.replies = [{"text": "Which side?"}]
    release = threading.Event()
    FakeRasa.on_message = lambda: release.wait(10)
    long = "my knee hurts when I walk. " * 73

    def from_address(address: str, message: str) -> Any:
        body = {"session": str(uuid.uuid4()), "message": message,
                "consent": PRIVACY_NOTICE_VERSION}  # fmt: skip
        return web.post("/chat/send", json=body, environ_base={"REMOTE_ADDR": address})

    first = threading.Thread(target=lambda: from_address("192.0.2.1", long))
    first.start()
    deadline = time.monotonic() + 5
    while not FakeRasa.received and time.monotonic() < deadline:
        time.sleep(0.01)
    FakeRasa.on_message = None
    second = from_address("192.0.2.2", long)
    assert (second.status_code, second.json["error"]) == (503, "busy")
    assert from_address("192.0.2.3", "my knee hurts").status_code == 200
    release.set()
    first.join(10)
    assert from_address("192.0.2.2", long).status_code == 200
