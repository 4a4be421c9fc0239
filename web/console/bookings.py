"""Upcoming consultations by day, status changes and a CSV export (reception and clinicians)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from itertools import groupby
from typing import Any

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import DataRequired

from clinic.booking_store import STATUSES, Booking, BookingStore, NotFound, SlotTaken
from clinic.schedule import clinic_schedule
from web.console.auth import audit

bookings = Blueprint("bookings", __name__, url_prefix="/console")
STATUS_NAMES = {
    "confirmed": "Confirmed",
    "attended": "Attended",
    "cancelled": "Cancelled",
    "no_show": "No-show",
}
CSV_COLUMNS = (
    "reference",
    "starts_at",
    "ends_at",
    "practitioner",
    "status",
    "patient_name",
    "phone",
    "email",
    "triage_level",
    "conversation_id",
    "created_at",
)


class StatusForm(FlaskForm):
    reference = HiddenField(validators=[DataRequired()])
    status = SelectField("Status", choices=list(STATUS_NAMES.items()))


def store() -> BookingStore:
    return current_app.extensions["bookings"]


# The days a page can show: bookings are kept for years, not centuries (a date such as
# 9999-12-31 would run past the calendar's end).
_YEARS_EITHER_WAY = 10
_LONGEST_RANGE = dt.timedelta(days=366)


def _days(args: Any) -> tuple[dt.date, dt.date]:
    """The date range asked for: from (default today) to (default two weeks on), within ten
    years of today and at most a year long."""
    today = dt.datetime.now(clinic_schedule().timezone).date()
    earliest = today.replace(year=today.year - _YEARS_EITHER_WAY, day=min(today.day, 28))
    latest = today.replace(year=today.year + _YEARS_EITHER_WAY, day=min(today.day, 28))

    def day(name: str) -> dt.date | None:
        try:
            found = dt.date.fromisoformat(args.get(name, ""))
        except ValueError:
            return None
        return min(max(found, earliest), latest)

    first = day("from") or today
    last = day("to") or first + dt.timedelta(days=14)
    return first, min(max(first, last), first + _LONGEST_RANGE)


def _between(first: dt.date, last: dt.date) -> list[Booking]:
    zone = clinic_schedule().timezone
    start = dt.datetime.combine(first, dt.time(), zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
    return store().starting_between(start, end)


@bookings.get("/bookings")
@login_required
def upcoming() -> Any:
    first, last = _days(request.args)
    zone = clinic_schedule().timezone
    found = _between(first, last)
    audit("view_bookings", detail=f"{first}..{last}")
    by_day = [
        (day, list(items))
        for day, items in groupby(found, key=lambda b: b.starts_at.astimezone(zone).date())
    ]
    return render_template(
        "console/bookings.html",
        by_day=by_day,
        first=first,
        last=last,
        zone=zone,
        form=StatusForm(),
        status_names=STATUS_NAMES,
    )


@bookings.post("/bookings/status")
@login_required
def change_status() -> Any:
    form = StatusForm()
    if form.validate_on_submit() and form.status.data in STATUSES:
        try:
            booking = store().set_status(form.reference.data, form.status.data)
        except NotFound:
            flash("No booking with that reference.")
        except SlotTaken:
            flash("That time has been booked by someone else since; it can't be confirmed again.")
        else:
            audit(
                "booking_status", booking.conversation_id, f"{booking.reference}: {booking.status}"
            )
            flash(f"{booking.reference} is now {STATUS_NAMES[booking.status].lower()}.")
    else:
        flash("That change could not be saved; please try again.")
    # Back to the days the form was on; never to an address the request names.
    first, last = _days(request.form)
    return redirect(url_for("bookings.upcoming", **{"from": first, "to": last}))


def _cell(value: Any) -> str:
    """A spreadsheet cell that can't become a formula (a name like "=HYPERLINK(...)")."""
    text = (
        "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    )
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@bookings.get("/bookings.csv")
@login_required
def export() -> Any:
    first, last = _days(request.args)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    found = _between(first, last)
    for booking in found:
        writer.writerow([_cell(getattr(booking, column)) for column in CSV_COLUMNS])
    audit("export_bookings", detail=f"{first}..{last}: {len(found)} rows")
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=bookings-{first}-{last}.csv"},
    )
