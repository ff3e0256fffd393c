"""Times for people: the record keeps UTC ISO 8601, officers read local day/month/year."""

from __future__ import annotations

from datetime import UTC, datetime

LOCAL_FORMAT = "%d/%m/%Y %H:%M"


def parse_utc(value: str | datetime | None) -> datetime | None:
    """A stored UTC time ('2026-12-06T02:39:12.123456+00:00', a trailing 'Z', or naive = UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def local_time(value: str | datetime | None, fmt: str = LOCAL_FORMAT) -> str:
    """'06/12/2026 09:39' in the machine's time zone; text that is not a time comes back as is."""
    moment = parse_utc(value)
    if moment is None:
        return "" if value is None else str(value)
    return moment.astimezone().strftime(fmt)
