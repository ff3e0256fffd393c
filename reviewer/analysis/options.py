"""What an analysis run is asked to do and what it reports: options, progress events, outcomes.

Plain data shared by every executor (this workstation, a Dask cluster) and by their callers (the
CLI, the application, the benches); nothing here loads a model or opens a case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..speech import CHUNK_S, SpeechEngine, SpeechOptions, engine_names
from .core import RANGE_S, CoreOptions
from .frames import OCR_EVERY_S
from .states import MediaStatus, Stage


@dataclass
class ProgressEvent:
    path: Path
    media_id: int | None
    stage: Stage
    file_index: int
    file_count: int
    fraction: float  # of this file's current stage, 0..1
    eta_s: float | None = None
    message: str = ""


@dataclass
class AnalysisOptions:
    language: str | None = "vi"
    device: str = "auto"
    speech_model: str = "faster-whisper-base"
    chunk_s: float = CHUNK_S
    speech: SpeechOptions = field(default_factory=SpeechOptions)
    thresholds: dict[str, float] = field(default_factory=dict)
    lexicon_dir: Path | None = None  # None: the lexicons shipped in resources/lexicons
    ocr_every_s: float = OCR_EVERY_S
    vision: bool = True  # on-screen text and image classification
    # OCR only the regions that changed since the last sample, each line crop read once
    # (False: the whole frame whenever anything changed; kept for comparison in the bench).
    ocr_incremental: bool = True
    # Pictures analysed in a worker thread beside speech, so both cores stay busy.
    overlap_stages: bool = True
    # "none" (default): plain decoding. "lexicon": Whisper hotwords from the category terms
    # (reviewer/speech/bias.py); it helped synthetic voices but made real ones worse (WER 0.29 ->
    # 0.48, invented phrases): see bench/eval_real_voices.py. Explicit speech.hotwords win.
    speech_bias: str = "none"
    # whisper | vietasr | both, for Vietnamese audio; English and auto always use Whisper.
    speech_engine: str = "whisper"

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> AnalysisOptions:
        """The one mapping of the officer's settings (reviewer.settings.Settings) to options.

        `overrides` left None are not given (a command-line flag not used); language "auto"
        means detect it, like the setting.
        """
        given = {k: v for k, v in overrides.items() if v is not None}
        language = given.pop("language", settings.language)
        lexicon_dir = given.pop("lexicon_dir", settings.lexicon_dir)
        options = cls(
            language=None if language == "auto" else language,
            device=settings.device,
            speech_model=settings.speech_model,
            thresholds=dict(settings.thresholds),
            lexicon_dir=Path(lexicon_dir) if lexicon_dir else None,
            speech_bias=settings.speech_bias,
            speech_engine=settings.speech_engine,
        )
        for key, value in given.items():
            if not hasattr(options, key):
                raise TypeError(f"AnalysisOptions has no option {key!r}")
            setattr(options, key, value)
        return options

    def core(
        self, hotwords: str | None, range_s: float = RANGE_S, sentence_vectors: bool = False
    ) -> CoreOptions:
        """What the analysis core needs of these options; `hotwords` as biasing resolved them.
        The one mapping, used by local and cluster runs alike (a cluster asks its workers for
        the sentence vectors too)."""
        return CoreOptions(
            language=self.language,
            speech_model=self.speech_model,
            beam_size=self.speech.beam_size,
            word_timestamps=self.speech.word_timestamps,
            initial_prompt=self.speech.initial_prompt,
            speech_engines=tuple(
                engine_names(self.speech_engine, self.language, self.speech_model)
            ),
            hotwords=self.speech.hotwords or hotwords,
            condition_on_previous_text=self.speech.condition_on_previous_text,
            vision=self.vision,
            ocr_every_s=self.ocr_every_s,
            ocr_incremental=self.ocr_incremental,
            chunk_s=self.chunk_s,
            range_s=range_s,
            sentence_vectors=sentence_vectors,
        )


@dataclass
class FileOutcome:
    path: Path
    media_id: int | None
    sha256: str | None
    status: MediaStatus  # analyzed | failed
    error: str | None = None


@dataclass
class AnalysisResult:
    outcomes: list[FileOutcome]
    engine_warning: str | None = None

    @property
    def media_ids(self) -> list[int]:
        return [o.media_id for o in self.outcomes if o.media_id is not None]

    @property
    def all_ok(self) -> bool:
        return all(o.status == MediaStatus.ANALYZED for o in self.outcomes)


EngineFactory = Callable[[str, str], SpeechEngine]
