"""The clinic's page about dry needling, and the widget's files for any site that embeds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, render_template, send_from_directory

from clinic import settings
from clinic.schedule import clinic_schedule

site = Blueprint("site", __name__)
WIDGET_DIR = Path(__file__).parent / "static" / "widget"


@site.get("/")
def clinic_page() -> Any:
    schedule = clinic_schedule()
    return render_template(
        "clinic_page.html",
        clinic_name=settings.clinic_name(),
        clinic_phone=settings.clinic_phone(),
        emergency_number=settings.emergency_number(),
        opening_hours=schedule.describe_hours(),
        practitioners=[p.name for p in schedule.practitioners],
    )


@site.get("/widget.js")
def widget_script() -> Any:
    # Revalidated on every load, so the clinic's site always gets the current widget.
    return send_from_directory(WIDGET_DIR, "widget.js", max_age=0)


@site.get("/widget.css")
def widget_style() -> Any:
    return send_from_directory(WIDGET_DIR, "widget.css", max_age=0)
