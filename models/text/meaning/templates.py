"""Templates of the meaning corpus, by category and family (written for this project).

The data lives in templates/: one JSON file per category (family -> templates), benign.json (hard
negatives: benign sentences that share the offences' words, by family) and slots.json ({slot}
fillers, read by slots.py). Each family is how an offence is advertised on livestreams and in
their chat.
"""

from __future__ import annotations

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "templates"
CATEGORIES = ["gambling", "fraud", "illegal_trade", "personal_data", "insult", "profanity"]


def _read(name: str) -> dict[str, list[str]]:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


TEMPLATES: dict[str, dict[str, list[str]]] = {cat: _read(cat) for cat in CATEGORIES}
NEGATIVE: dict[str, list[str]] = _read("benign")
