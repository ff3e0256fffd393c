"""User settings stored as JSON in the per-user folder."""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .userdirs import user_home

SETTINGS_FILE = "settings.json"
# The recogniser(s) to run on Vietnamese audio; English and language detection stay on Whisper.
ENGINE_CHOICES = ("whisper", "vietasr", "both")


@dataclass
class Settings:
    officer: str = ""
    language: str = "vi"  # vi | en | auto
    device: str = "auto"  # auto | cpu | cuda
    speech_model: str = "faster-whisper-base"
    # Per-category flag thresholds over the defaults in reviewer/flagging.py.
    thresholds: dict[str, float] = field(default_factory=dict)
    # none | lexicon: Whisper hotwords from the category terms. Off by default: on real voices
    # they raised WER from 0.29 to 0.48 and invented phrases (bench/eval_real_voices.py).
    speech_bias: str = "none"
    # whisper | vietasr | both, for Vietnamese audio. Whisper while viet-asr's weights' licence
    # is not stated (opt-in, invariant 9).
    speech_engine: str = "whisper"
    lexicon_dir: str = ""  # an agency's own lexicon folder; empty: the shipped lexicons
    cluster: str = ""  # a Dask scheduler (tcp://HOST:8786) that analyses queued files; empty: here

    def officer_name(self) -> str:
        return self.officer or _os_user()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, container): still record something
        return "unknown"


def workstation() -> str:
    # gethostname reads the local name; it opens no socket.
    return os.environ.get("COMPUTERNAME") or socket.gethostname()


def _path() -> Path:
    return user_home() / SETTINGS_FILE


def load_settings() -> Settings:
    path = _path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # A damaged settings file must not stop analysis; defaults are safe.
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known})


def save_settings(settings: Settings) -> None:
    path = _path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def known_categories() -> list[str]:
    """The categories of the lexicon folder analysis uses (the agency's, or the shipped one)."""
    from .text.lexicon import category_ids  # here: `reviewer --help` loads no text model

    folder = load_settings().lexicon_dir
    return category_ids(Path(folder) if folder else None)
