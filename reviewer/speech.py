"""Speech to text: an engine interface, the faster-whisper engine, and chunked, resumable transcription."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import ctranslate2
import numpy as np

from .audio import SAMPLE_RATE, AudioReader
from .device import DeviceChoice, choose_device
from .errors import Cancelled, ModelError
from .model_registry import ModelInfo, verified_speech_model

# Never let a library reach for a model hub: everything is local.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

# Audio handed to Whisper at once. Each chunk starts Whisper cold (no previous text), which on
# hard audio triggers slow temperature fallbacks; 5 minutes keeps those rare and the buffer at
# ~19 MB. Segments are saved as they come, so a crash loses at most one segment's work.
CHUNK_S = 300.0
MIN_GAP_S = 0.3
RANDOM_SEED = 20261128


@dataclass
class SpeechOptions:
    language: str | None = "vi"  # None = detect per chunk
    beam_size: int = 5
    word_timestamps: bool = True
    initial_prompt: str | None = None
    hotwords: str | None = None


class SpeechEngine(Protocol):
    name: str
    sha256: str
    device: str
    compute_type: str

    def transcribe(self, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
        """Yield segments {start_s, end_s, text, language, confidence, no_speech_prob, words}
        with times relative to the start of `audio`, only from stretches with speech."""
        ...


class WhisperEngine:
    """faster-whisper over a verified CTranslate2 model folder."""

    def __init__(self, model: ModelInfo, choice: DeviceChoice, cpu_threads: int = 0) -> None:
        from faster_whisper import WhisperModel

        self.name = model.name
        self.sha256 = model.sha256
        self.device = choice.device
        self.compute_type = choice.compute_type
        self.warning = choice.warning
        try:
            self.model = WhisperModel(
                str(model.path),
                device=choice.device,
                compute_type=choice.compute_type,
                cpu_threads=cpu_threads,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            if choice.device != "cuda":
                raise ModelError(f"Cannot load speech model {model.name}: {exc}") from exc
            # The GPU is there but unusable (driver, missing cuDNN): say so and use the CPU.
            self.device, self.compute_type = "cpu", "int8"
            self.warning = f"GPU could not load the model ({exc}); running on the CPU (int8)."
            self.model = WhisperModel(
                str(model.path),
                device="cpu",
                compute_type="int8",
                cpu_threads=cpu_threads,
                local_files_only=True,
            )

    def transcribe(self, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
        # Whisper falls back to sampling on hard audio; a fixed seed makes the same recording
        # give the same transcript every time, which evidence needs.
        ctranslate2.set_random_seed(RANDOM_SEED)
        segments, info = self.model.transcribe(
            audio,
            language=options.language,
            beam_size=options.beam_size,
            word_timestamps=options.word_timestamps,
            vad_filter=True,  # no text from stretches without speech
            initial_prompt=options.initial_prompt,
            hotwords=options.hotwords,
        )
        for seg in segments:
            text = seg.text.strip()
            if not text:
                continue
            yield {
                "start_s": float(seg.start),
                "end_s": float(seg.end),
                "text": text,
                "language": info.language,
                "confidence": float(np.exp(seg.avg_logprob)),
                "no_speech_prob": float(seg.no_speech_prob),
                "words": [
                    {"start": w.start, "end": w.end, "word": w.word, "probability": w.probability}
                    for w in (seg.words or [])
                ],
            }


def load_engine(model_name: str, device: str = "auto") -> WhisperEngine:
    """Verify the model's hashes, then load it on the chosen device."""
    return WhisperEngine(verified_speech_model(model_name), choose_device(device))


def find_cut(audio: np.ndarray, min_keep: int) -> int:
    """Where to end a chunk: in the last pause of the buffer, so no word is split in two."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    regions = get_speech_timestamps(
        audio, VadOptions(min_silence_duration_ms=int(MIN_GAP_S * 1000), speech_pad_ms=0)
    )
    if not regions:
        return audio.size
    tail_gap = audio.size - regions[-1]["end"]
    if tail_gap >= MIN_GAP_S * SAMPLE_RATE:
        return regions[-1]["end"] + tail_gap // 2
    for left, right in zip(reversed(regions[:-1]), reversed(regions[1:]), strict=True):
        cut = (left["end"] + right["start"]) // 2
        if cut >= min_keep:
            return cut
    return audio.size  # continuous speech: a hard cut is the only option


@dataclass
class SpeechProgress:
    done_s: float
    segments_saved: int


def transcribe_media(
    path: Path,
    engine: SpeechEngine,
    options: SpeechOptions,
    start_s: float,
    save_chunk: Callable[[list[dict], float], None],
    on_progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
    chunk_s: float = CHUNK_S,
) -> str | None:
    """Transcribe from `start_s` to the end, saving each chunk with its resume point.

    Each segment is saved as soon as Whisper yields it, with its end as the resume point; the
    end of a chunk (trailing silence included) is saved when the chunk finishes. Returns a
    warning when the audio broke off early. Raises Cancelled between segments; a re-run starts
    again from the last saved point.
    """
    chunk = int(chunk_s * SAMPLE_RATE)
    reader = AudioReader(path, start_s=start_s, block_s=min(30.0, chunk_s))
    offset = start_s
    buffer = np.zeros(0, dtype=np.float32)

    def run(audio: np.ndarray, done_until: float) -> None:
        for seg in engine.transcribe(audio, options):
            if cancel is not None and cancel.is_set():
                raise Cancelled("Analysis cancelled; saved work is kept and a re-run resumes.")
            seg["start_s"] += offset
            seg["end_s"] += offset
            for word in seg["words"]:
                word["start"] += offset
                word["end"] += offset
            save_chunk([seg], min(seg["end_s"], done_until))
            if on_progress:
                on_progress(seg["end_s"])
        save_chunk([], done_until)
        if on_progress:
            on_progress(done_until)

    for block in reader:
        if cancel is not None and cancel.is_set():
            raise Cancelled("Analysis cancelled; saved work is kept and a re-run resumes.")
        buffer = np.concatenate([buffer, block]) if buffer.size else block
        while buffer.size >= chunk:
            cut = find_cut(buffer, min_keep=chunk // 2)
            run(buffer[:cut], offset + cut / SAMPLE_RATE)
            offset += cut / SAMPLE_RATE
            buffer = buffer[cut:]
    if buffer.size:
        run(buffer, offset + buffer.size / SAMPLE_RATE)
    return reader.error
