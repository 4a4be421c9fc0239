"""Staff sessions that can be ended, sign-in that can't be raced or used to lock out the
clinic, and redirects that stay on our own pages (issue 24's console holes, each as a test
that failed before the fix)."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from flask.testing import FlaskClient

from clinic.staff_store import MAX_FAILED_LOGINS, StaffStore
from tests import test_console
from tests.test_console import PASSWORD, csrf_token, sign_in, text
from web.app import create_app

# The console's own fixtures: four conversations, a clinician and a receptionist.
database = test_console.database
app = test_console.app

INBOX = "/console/conversations"
WRONG = "wrong password!!"


def session_cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None, "no session cookie"
    return cookie.value


def with_cookie(app: Any, cookie: str, **environ: str) -> FlaskClient:
    """Another browser holding a copy of someone's session cookie."""
    client = app.test_client()
    client.environ_base.update(environ)
    client.set_cookie("session", cookie)
    return client


def sign_out(client: FlaskClient) -> None:
    page = text(client.get(INBOX))
    answer = client.post("/console/logout", data={"csrf_token": csrf_token(page)})
    assert answer.status_code == 302


def test_a_cookie_copied_before_sign_out_opens_nothing_after_it(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    copied = session_cookie(clinician)
    assert with_cookie(app, copied).get(INBOX).status_code == 200  # the same browser, still in
    sign_out(clinician)
    assert with_cookie(app, copied).get(INBOX).status_code == 302
    assert clinician.get(INBOX).status_code == 302


def test_sign_out_ends_the_members_other_sessions_too(app: Any) -> None:
    desk, _ = sign_in(app, "clara")
    laptop, _ = sign_in(app, "clara")
    sign_out(laptop)
    assert desk.get(INBOX).status_code == 302
    other, _ = sign_in(app, "rita")  # someone else's session is theirs
    assert other.get("/console/bookings").status_code == 200


def test_a_copied_cookie_from_another_browser_and_address_is_refused(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    copied = session_cookie(clinician)
    thief = with_cookie(app, copied, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="curl/8.0")
    assert thief.get(INBOX).status_code == 302
    # The theft ends that session: the cookie is spent for everyone.
    assert clinician.get(INBOX).status_code == 302


@pytest.mark.parametrize(
    "change",
    [
        lambda staff: staff.save_member("clara", "a brand new password", "clinician"),
        lambda staff: staff.save_member("clara", PASSWORD, "reception"),
    ],
    ids=["password changed", "role changed"],
)
def test_a_password_or_role_change_ends_the_members_sessions(
    app: Any, database: str, change: Any
) -> None:
    clinician, _ = sign_in(app, "clara")
    assert clinician.get(INBOX).status_code == 200
    change(StaffStore(database))
    assert clinician.get(INBOX).status_code == 302


def test_a_lockout_ends_the_members_sessions(app: Any) -> None:
    clinician, _ = sign_in(app, "clara")
    for _ in range(MAX_FAILED_LOGINS):
        sign_in(app, "clara", WRONG)
    assert clinician.get(INBOX).status_code == 302


def test_the_idle_time_is_kept_on_the_server(database: str) -> None:
    staff = StaffStore(database)
    member = staff.sign_in("clara", PASSWORD, address="192.0.2.1")
    token = staff.start_session(member, fingerprint="browser")
    idle = dt.timedelta(minutes=30)
    assert staff.session_member(token, "browser", idle) == member
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=31)
    assert staff.session_member(token, "browser", idle, now=later) is None
    # Expired once is expired for good, even when asked again at once.
    assert staff.session_member(token, "browser", idle) is None
    assert staff.session_member("made-up token", "browser", idle) is None


def test_wrong_passwords_sent_at_once_still_lock_the_account(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import clinic.staff_store

    monkeypatch.setenv("SIGN_INS_PER_MINUTE", "1000")  # the lockout is tested, not the pace
    checked = []
    check = clinic.staff_store.check_password_hash
    monkeypatch.setattr(
        clinic.staff_store,
        "check_password_hash",
        lambda hashed, password: checked.append(password) or check(hashed, password),
    )
    clients = [app.test_client() for _ in range(20)]
    tokens = [csrf_token(text(c.get("/console/login"))) for c in clients]

    def attempt(pair: tuple[FlaskClient, str]) -> int:
        client, token = pair
        answer = client.post(
            "/console/login", data={"username": "clara", "password": WRONG, "csrf_token": token}
        )
        return answer.status_code

    with ThreadPoolExecutor(max_workers=5) as pool:
        assert set(pool.map(attempt, zip(clients, tokens, strict=True))) == {401}
    _, answer = sign_in(app, "clara")  # the right password from the same address: locked
    assert answer.status_code == 401 and "locked" in text(answer)
    assert len(checked) <= MAX_FAILED_LOGINS, f"{len(checked)} passwords were checked"


def test_known_and_unknown_names_get_the_same_answers(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGN_INS_PER_MINUTE", "1000")  # the answers are tested, not the pace
    for name in ("clara", "nobody-here"):
        answers = [sign_in(app, name, WRONG)[1] for _ in range(MAX_FAILED_LOGINS + 1)]
        assert [a.status_code for a in answers] == [401] * (MAX_FAILED_LOGINS + 1)
        seen = [("locked" in text(a), "Wrong user name" in text(a)) for a in answers]
        if name == "clara":
            first = seen
        else:
            assert seen == first


def test_one_address_cannot_lock_the_clinic_out(app: Any) -> None:
    attacker = {"REMOTE_ADDR": "198.51.100.7"}
    for _ in range(MAX_FAILED_LOGINS + 1):
        client = app.test_client()
        client.environ_base.update(attacker)
        token = csrf_token(text(client.get("/console/login")))
        client.post("/console/login", data={"username": "clara", "password": WRONG,
                                            "csrf_token": token})  # fmt: skip
    clinician, answer = sign_in(app, "clara")  # from the clinic's own computer
    assert answer.status_code == 302 and clinician.get(INBOX).status_code == 200


def test_redirects_stay_on_our_own_pages(app: Any) -> None:
    reception, _ = sign_in(app, "rita")
    page = text(reception.get("/console/bookings"))
    answer = reception.post(
        "/console/bookings/status",
        data={"csrf_token": csrf_token(page), "reference": "NOSUCH1", "status": "attended"},
        headers={"Referer": "https://evil.example/phish"},
    )
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/console/"), answer.headers["Location"]
    # A made-up Host header is not sent back in a redirect.
    answer = app.test_client().get("/console/", headers={"Host": "evil.example"})
    assert "evil.example" not in answer.headers.get("Location", "")


def test_cookies_are_secure_when_the_console_is_served_over_https(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSOLE_HTTPS", "1")
    secure = create_app(DATABASE_URL=database, SECRET_KEY="test-secret")
    _, answer = sign_in(secure, "clara")
    assert "Secure" in answer.headers["Set-Cookie"]
    monkeypatch.delenv("CONSOLE_HTTPS")
    plain = create_app(DATABASE_URL=database, SECRET_KEY="test-secret")
    _, answer = sign_in(plain, "clara")
    assert "Secure" not in answer.headers["Set-Cookie"]
    # Behind a trusted proxy that says the browser came over HTTPS: Secure too.
    monkeypatch.setenv("TRUSTED_PROXY_HOPS", "1")
    proxied = create_app(DATABASE_URL=database, SECRET_KEY="test-secret").test_client()
    proxied.environ_base["HTTP_X_FORWARDED_PROTO"] = "https"
    token = csrf_token(text(proxied.get("/console/login")))
    answer = proxied.post(
        "/console/login",
        data={"username": "clara", "password": PASSWORD, "csrf_token": token},
        headers={"Referer": "https://localhost/console/login"},  # CSRF checks it over HTTPS
    )
    assert answer.status_code == 302 and "Secure" in answer.headers["Set-Cookie"]


@pytest.mark.parametrize(
    "query", ["from=9999-12-31", "to=9999-12-31", "from=0001-01-01&to=9999-12-31"]
)
def test_far_dates_in_the_bookings_page_get_an_answer(app: Any, query: str) -> None:
    reception, _ = sign_in(app, "rita")
    for path in ("/console/bookings", "/console/bookings.csv"):
        assert reception.get(f"{path}?{query}").status_code == 200, path


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_the_count_holds_when_guesses_race_on_either_database(
    engine: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clinic.staff_store import LoginRefused
    from scripts.migrate import migrate

    url = request.getfixturevalue("booking_db" if engine == "sqlite" else "postgres_url")
    migrate(url)
    staff = StaffStore(url)
    name = f"racer-{engine}"
    staff.save_member(name, PASSWORD, "reception")

    def guess(_: int) -> str:
        try:
            staff.sign_in(name, WRONG, address="192.0.2.50")
        except LoginRefused as refused:
            return str(refused)
        return "signed in"

    with ThreadPoolExecutor(max_workers=5) as pool:
        answers = list(pool.map(guess, range(20)))
    assert "signed in" not in answers
    assert sum("locked" in a for a in answers) >= 20 - MAX_FAILED_LOGINS
    with pytest.raises(LoginRefused, match="locked"):
        staff.sign_in(name, PASSWORD, address="192.0.2.50")
    assert staff.sign_in(name, PASSWORD, address="192.0.2.51").username == name


def test_sign_ins_from_one_address_are_slowed(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGN_INS_PER_MINUTE", "4")
    limited = create_app(DATABASE_URL=database, SECRET_KEY="test-secret")
    codes = []
    for name in ("a1", "a2", "a3", "a4", "a5"):  # guesses at names spread over many names
        client = limited.test_client()
        token = csrf_token(text(client.get("/console/login")))
        tried = {"username": name, "password": WRONG, "csrf_token": token}
        codes.append(client.post("/console/login", data=tried).status_code)
    assert codes == [401] * 4 + [429]
    assert limited.test_client().get("/console/login").status_code == 200  # the page still opens


def test_a_host_header_is_never_sent_back_in_a_redirect(app: Any) -> None:
    """Found by the attack re-run (session 14): "/console" redirected to the Host given."""
    for path in ("/console", "/console/"):
        answer = app.test_client().get(path, headers={"Host": "evil.example"})
        assert "evil.example" not in answer.headers.get("Location", ""), path
