"""Settings only the desktop application uses (interface language, recent cases, window layout).

The engine's settings (officer, spoken language, device, model, thresholds, lexicon folder) live in
reviewer.settings; these stay in their own JSON file beside them so the engine never sees UI state.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from reviewer.session import user_home

UI_SETTINGS_FILE = "ui-settings.json"
MAX_RECENT = 8


@dataclass
class UiSettings:
    ui_language: str = "system"  # system | vi | en
    recent_cases: list[str] = field(default_factory=list)
    geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    first_run_done: bool = False  # language and officer ID asked (ui/first_run.py)

    def remember_case(self, folder: Path) -> None:
        path = str(Path(folder).resolve())
        self.recent_cases = [path] + [p for p in self.recent_cases if p != path]
        del self.recent_cases[MAX_RECENT:]


def _path() -> Path:
    return user_home() / UI_SETTINGS_FILE


def load_ui_settings() -> UiSettings:
    try:
        raw = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UiSettings()  # missing or damaged: defaults are safe
    known = {f.name for f in fields(UiSettings)}
    return UiSettings(**{k: v for k, v in raw.items() if k in known})


def save_ui_settings(settings: UiSettings) -> None:
    path = _path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
