"""Signing in and out of the console; who may open what."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from clinic.staff_store import CLINICIAN, LoginRefused, Staff, StaffStore
from web.limits import limiter, sign_ins

auth = Blueprint("auth", __name__, url_prefix="/console")


class StaffUser:
    """A staff member as Flask-Login wants one, in one of their sessions.

    Flask-Login keeps `get_id()` in the cookie: that is the session's token (Flask-Login's
    "alternative token"), so a session ended on the server opens nothing."""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def __init__(self, member: Staff, token: str) -> None:
        self.member = member
        self.username = member.username
        self.role = member.role
        self.token = token

    def get_id(self) -> str:
        return self.token


def browser_fingerprint() -> str:
    """The address and browser a request comes from, hashed: a session answers only them."""
    seen = f"{request.remote_addr or ''}|{request.headers.get('User-Agent', '')}"
    return hashlib.sha256(seen.encode()).hexdigest()


class SignInForm(FlaskForm):
    username = StringField("User name", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


def staff_store() -> StaffStore:
    return current_app.extensions["staff"]


def audit(action: str, conversation_id: str | None = None, detail: str = "") -> None:
    """One row in the audit log for the signed-in member."""
    staff_store().audit(current_user.username, action, conversation_id, detail)


def clinicians_only(view: Callable[..., Any]) -> Callable[..., Any]:
    """Transcripts and health details are for clinicians; reception gets a 403."""

    @functools.wraps(view)
    @login_required
    def checked(*args: Any, **kwargs: Any) -> Any:
        if current_user.role != CLINICIAN:
            audit("refused", kwargs.get("conversation_id"), request.path)
            abort(403)
        return view(*args, **kwargs)

    return checked


@auth.route("/login", methods=["GET", "POST"])
@limiter.limit(sign_ins, methods=["POST"])
def sign_in() -> Any:
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        address = request.remote_addr or ""
        try:
            member = staff_store().sign_in(form.username.data, form.password.data, address)
        except LoginRefused as refused:
            staff_store().audit(
                form.username.data.strip().lower()[:80], "sign_in_refused", detail=address
            )
            error = str(refused)
        else:
            session.clear()  # a fresh session for the signed-in member
            token = staff_store().start_session(member, browser_fingerprint())
            login_user(StaffUser(member, token))
            session.permanent = True
            audit("sign_in")
            return redirect(url_for("inbox.home"))
    return render_template("console/login.html", form=form, error=error), 401 if error else 200


@auth.post("/logout")
@login_required
def sign_out() -> Any:
    audit("sign_out")
    current_app.extensions["handoffs"].off_duty(current_user.username)  # nobody to answer
    staff_store().end_sessions(current_user.member.id, "signed_out")
    logout_user()
    session.clear()
    return redirect(url_for("auth.sign_in"))
