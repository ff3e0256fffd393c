"""One colour per category (stable ids), shared by the timeline, the flag list and the detail."""

from __future__ import annotations

from PySide6.QtGui import QColor

CATEGORY_COLORS = {
    "gambling": "#d9480f",
    "fraud": "#c2255c",
    "illegal_trade": "#7048e8",
    "personal_data": "#1c7ed6",
    "insult": "#e67700",
    "profanity": "#2b8a3e",
    "obscene": "#862e9c",
}
_EXTRA = ["#0b7285", "#5c940d", "#a61e4d", "#364fc7", "#e8590c"]

STATUS_COLORS = {
    "pending": "#868e96",
    "confirmed": "#2f9e44",
    "rejected": "#e03131",
    "unsure": "#f59f00",
}


def category_color(category: str) -> QColor:
    if category in CATEGORY_COLORS:
        return QColor(CATEGORY_COLORS[category])
    # Agency categories: a stable colour from the id.
    return QColor(_EXTRA[sum(map(ord, category)) % len(_EXTRA)])


def status_color(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, "#868e96"))
