"""One colour per category (stable ids), shared by the timeline, the flag list and the detail."""

from __future__ import annotations

from PySide6.QtGui import QColor

from .i18n import categories

# The shipped categories take these in categories.json's order (gambling, fraud, illegal trade,
# personal data, insult, profanity, obscene); agency categories take one of _EXTRA.
_PALETTE = ["#d9480f", "#c2255c", "#7048e8", "#1c7ed6", "#e67700", "#2b8a3e", "#862e9c"]
_EXTRA = ["#0b7285", "#5c940d", "#a61e4d", "#364fc7", "#e8590c"]

STATUS_COLORS = {
    "pending": "#868e96",
    "confirmed": "#2f9e44",
    "rejected": "#e03131",
    "unsure": "#f59f00",
}


def category_color(category: str) -> QColor:
    shipped = categories()
    if category in shipped and shipped.index(category) < len(_PALETTE):
        return QColor(_PALETTE[shipped.index(category)])
    # Agency categories: a stable colour from the id.
    return QColor(_EXTRA[sum(map(ord, category)) % len(_EXTRA)])


def status_color(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, "#868e96"))
