"""Which recognisers run: the engine choice, per language, and loading each model verified."""

from __future__ import annotations

from ..device import choose_device
from ..errors import UsageError
from ..model_registry import manifest_entry, native_model_hashes, verified_speech_model
from .engine import ENGINE_CHOICES, SpeechEngine, SpeechOptions

VIETASR_MODEL = "vietasr-conformer-ctc"


def engines_for(choice: str, language: str | None) -> list[str]:
    """Engine kinds to run for a language. viet-asr hears only Vietnamese: English and
    language detection stay on Whisper whatever the choice."""
    if choice not in ENGINE_CHOICES:
        raise UsageError(
            f"--speech-engine must be one of {', '.join(ENGINE_CHOICES)}, not {choice!r}."
        )
    if language != "vi":
        return ["whisper"]
    return ["whisper", "vietasr"] if choice == "both" else [choice]


def load_engine(model_name: str, device: str = "auto") -> SpeechEngine:
    """A Whisper model by name: its hashes verified, then loaded on the chosen device."""
    from .whisper import WhisperEngine

    return WhisperEngine(verified_speech_model(model_name), choose_device(device))


def load_vietasr() -> SpeechEngine:
    """viet-asr, its native library (which embeds the weights) checked against the manifest."""
    from .vietasr_engine import VietAsrEngine

    expected = native_model_hashes(manifest_entry(VIETASR_MODEL)) or {}
    return VietAsrEngine(next(iter(expected.values()), None))


def load_named(name: str, device: str = "auto") -> SpeechEngine:
    """Any speech model by name: viet-asr's, or a Whisper model (shipped or user-added)."""
    return load_vietasr() if name == VIETASR_MODEL else load_engine(name, device)


def engine_names(choice: str, language: str | None, whisper_model: str) -> list[str]:
    """The models to run, in order; the last is the one whose transcript is read."""
    kinds = engines_for(choice, language)
    return [VIETASR_MODEL if k == "vietasr" else whisper_model for k in kinds]


def decoding_for(engine: SpeechEngine, options: SpeechOptions) -> SpeechOptions:
    """The decoding an engine gets: Whisper the chosen options; viet-asr has no prompt, beam or
    hotwords to set and hears Vietnamese only."""
    return options if engine.kind == "whisper" else SpeechOptions(language="vi")


def pass_settings(engine: SpeechEngine, decoding: SpeechOptions) -> dict:
    """What a speech pass records (speech_pass.settings): the engine kind, the decoding it
    got (decoding_for), and how lost or looped speech is retried (coverage.heard)."""
    from .coverage import retry_record

    return {"engine": engine.kind, **decoding.as_record(), "coverage": retry_record(engine)}
