"""The dashboard: conversations per day, outcomes and the commonest body parts, as plots
(drawn by matplotlib on the server) with the same figures in text beside them."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_login import login_required
from matplotlib.figure import Figure  # not pyplot: no global state, no display needed
from matplotlib.ticker import MaxNLocator

from clinic.conversations import ConversationSummary
from clinic.records.handover import code_words
from clinic.schedule import clinic_schedule
from web.console.auth import audit

dashboard = Blueprint("dashboard", __name__, url_prefix="/console")
BRAND = "#0b5d66"
UNKNOWN = "not known yet"


@dataclass(frozen=True)
class Figures:
    """The dashboard's counts over the chosen days."""

    days: list[tuple[dt.date, int]]
    triage: list[tuple[str, int]]
    tdn_fit: list[tuple[str, int]]
    booked: list[tuple[str, int]]
    body_parts: list[tuple[str, int]]

    @classmethod
    def of(cls, summaries: list[ConversationSummary], last_day: dt.date, days: int) -> Figures:
        zone = clinic_schedule().timezone
        first_day = last_day - dt.timedelta(days=days - 1)
        chosen = [
            s
            for s in summaries
            if first_day <= dt.datetime.fromtimestamp(s.started_at, zone).date() <= last_day
        ]
        per_day = Counter(dt.datetime.fromtimestamp(s.started_at, zone).date() for s in chosen)

        def counted(slot: str, order: tuple[str, ...], kind: str) -> list[tuple[str, int]]:
            counts = Counter(s.slots.get(slot) or UNKNOWN for s in chosen)
            return [
                (UNKNOWN if name == UNKNOWN else code_words(name, kind).lower(), counts[name])
                for name in (*order, UNKNOWN)
                if counts[name]
            ]

        return cls(
            days=[
                (first_day + dt.timedelta(days=i), per_day[first_day + dt.timedelta(days=i)])
                for i in range(days)
            ],
            triage=counted("triage_level", ("emergency", "urgent", "routine"), "triage"),
            tdn_fit=counted(
                "tdn_fit", ("likely", "possible", "assess_first", "not_advised"), "fit"
            ),
            booked=[
                ("booked", sum(s.booked for s in chosen)),
                ("not booked", sum(not s.booked for s in chosen)),
            ],
            body_parts=[
                (code_words(part, "body_part").lower(), n)
                for part, n in Counter(
                    s.slots["body_part"] for s in chosen if s.slots.get("body_part")
                ).most_common(8)
            ],
        )


def _figures() -> Figures:
    try:
        days = max(7, min(int(request.args.get("days", 30)), 365))
    except ValueError:
        days = 30
    today = dt.datetime.now(clinic_schedule().timezone).date()
    return Figures.of(current_app.extensions["conversations"].summaries(), today, days)


@dashboard.get("/dashboard")
@login_required
def overview() -> Any:
    figures = _figures()
    audit("view_dashboard")
    return render_template(
        "console/dashboard.html", figures=figures, days=len(figures.days), args=request.args
    )


def _bar_chart(pairs: list[tuple[str, int]], title: str, horizontal: bool = False) -> Figure:
    figure = Figure(figsize=(5.5, 3.2), dpi=100, layout="constrained")
    axes = figure.subplots()
    labels, values = [p[0] for p in pairs], [p[1] for p in pairs]
    if horizontal:
        axes.barh(labels[::-1], values[::-1], color=BRAND)
    else:
        axes.bar(labels, values, color=BRAND)
    axes.set_title(title)
    _counts_axis(axes.xaxis if horizontal else axes.yaxis)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _counts_axis(axis: Any) -> None:
    axis.set_major_locator(MaxNLocator(integer=True))  # conversations come whole


@dashboard.get("/dashboard/<name>.png")
@login_required
def plot(name: str) -> Any:
    figures = _figures()
    if name == "per-day":
        figure = Figure(figsize=(11, 3.2), dpi=100, layout="constrained")
        axes = figure.subplots()
        axes.bar([d for d, _ in figures.days], [n for _, n in figures.days], color=BRAND)
        axes.set_title("Conversations per day")
        _counts_axis(axes.yaxis)
        axes.spines[["top", "right"]].set_visible(False)
        axes.tick_params(axis="x", labelrotation=30)
    elif name == "triage":
        figure = _bar_chart(figures.triage, "Triage level")
    elif name == "tdn-fit":
        figure = _bar_chart(figures.tdn_fit, "Dry needling fit")
    elif name == "booked":
        figure = _bar_chart(figures.booked, "Booked a consultation")
    elif name == "body-parts":
        figure = _bar_chart(figures.body_parts, "Commonest body parts", horizontal=True)
    else:
        abort(404)
    image = io.BytesIO()
    figure.savefig(image, format="png")
    return Response(image.getvalue(), mimetype="image/png")
