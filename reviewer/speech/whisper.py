"""faster-whisper over a verified CTranslate2 model folder (base by default, any user model)."""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Iterator

import numpy as np

from ..device import DeviceChoice
from ..errors import ModelError
from ..model_registry import ModelInfo
from .audio import SAMPLE_RATE
from .engine import RANDOM_SEED, SpeechOptions
from .kernels import pin_cpu_kernels, stabilise_features
from .voice import pack_regions, speech_regions


class _OneAtATime:
    """A feature extractor that computes one chunk's features at a time: a 5-minute chunk's
    spectrogram takes ~150 MB while it is made, and lanes start their chunks together."""

    _lock = threading.Lock()

    def __init__(self, extractor: object) -> None:
        self._extractor = extractor

    def __call__(self, *args: object, **kwargs: object) -> object:
        with self._lock:
            return self._extractor(*args, **kwargs)

    def __getattr__(self, name: str) -> object:
        return getattr(self._extractor, name)


def cpu_lanes(cores: int | None = None) -> int:
    """Chunks a CPU decodes at once. Two single-threaded decoders over two chunks beat one
    decoder on two threads by far: on 2 cores, 35 s against 105 s for the 10-minute chat
    stream, with the same transcript (CTranslate2's second thread mostly waits and spins)."""
    cores = cores or os.cpu_count() or 1
    return 2 if cores >= 2 else 1


class WhisperEngine:
    """faster-whisper over a verified CTranslate2 model folder.

    Safe to call from several threads at once: each chunk gets a decoder of its own
    (`_fresh_decoder`), so `lanes` chunks can be decoded side by side (chunking.speech_steps)."""

    kind = "whisper"

    def __init__(self, model: ModelInfo, choice: DeviceChoice, cpu_threads: int = 0) -> None:
        self.kernels = pin_cpu_kernels()  # before CTranslate2 loads
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

        stabilise_features(self.model)
        self.model.feature_extractor = _OneAtATime(self.model.feature_extractor)
        self.lanes = cpu_lanes() if self.device == "cpu" else 1
        if not cpu_threads and self.device == "cpu":
            cpu_threads = max(1, (os.cpu_count() or 1) // self.lanes)
        self._decoder_args = (str(model.path), self.device, self.compute_type, cpu_threads)
        self._local = threading.local()  # this thread's decoder for the chunk it decodes
        # Loaded to check that it loads; chunks get decoders of their own (_fresh_decoder), so
        # this one would only hold its ~100 MB of weights for nothing.
        self.model.model = None

    def _fresh_decoder(self) -> None:
        """A new CTranslate2 decoder over the same (already mapped) weights, with new worker
        threads. Whisper falls back to sampling on hard audio, and CTranslate2 seeds each
        thread's random generator once, when that thread first samples: the same chunk then
        decoded differently depending on what the process had decoded before (a second run in
        one process, or the workstation against its analysis child or a cluster worker).
        Fresh threads per chunk make a chunk's transcript a function of its audio alone.
        The decoder belongs to the calling thread: its retries (`retry`) reuse it, as a chunk's
        transcript and retries run in one thread, and another thread's chunk never touches it."""
        import ctranslate2

        path, device, compute_type, threads = self._decoder_args
        ctranslate2.set_random_seed(RANDOM_SEED)
        model = copy.copy(self.model)  # tokenizer and features are shared, read only
        model.model = ctranslate2.models.Whisper(
            path, device=device, compute_type=compute_type, intra_threads=threads
        )
        self._local.model = model

    def release(self) -> None:
        """Free the calling thread's decoder (its weights and worker threads), in this thread:
        a thread that decoded a chunk calls this before it ends."""
        self._local.model = None

    def _model(self) -> object:
        """The calling thread's decoder (a fresh one if this thread has not decoded a chunk)."""
        if getattr(self._local, "model", None) is None:
            self._fresh_decoder()
        return self._local.model

    # A decoder window holds the VAD regions that fit in this span, pauses included.
    WINDOW_S = 25.0

    def transcribe(self, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
        """Stretches of speech (VAD regions cut at pauses) decoded in windows of their own,
        neighbouring regions packed into one window of at most WINDOW_S.

        faster-whisper's own VAD joins all speech into 30 s windows whose edges fall mid-sentence,
        and a window that fails is lost whole: judged "no speech", or decoded as one repetition
        loop whose timestamps swallow the rest (the demo lost 0:31-1:01 that way). Windows that
        start and end at pauses keep a failure to whole sentences, which `coverage.heard` then
        retries alone. One region per window was 4-5x slower than this (each short window is
        a full 30 s encoder pass and often falls back to sampling): 31 s against 6 s for a
        minute of chat-stream speech.
        """
        regions = pack_regions(speech_regions(audio), self.WINDOW_S)
        if not regions:
            return
        self._fresh_decoder()
        clips = [round(x / SAMPLE_RATE, 3) for region in regions for x in region]
        yield from self._decode(
            audio,
            options,
            clip_timestamps=clips,
            initial_prompt=options.initial_prompt,
            hotwords=options.hotwords,
        )

    # Retries of a stretch the first pass lost or looped on: greedy, then sampling (seeded).
    RETRY_TEMPERATURES = (0.0, 0.4)
    retry_attempts = len(RETRY_TEMPERATURES)

    def retry(self, audio: np.ndarray, options: SpeechOptions, attempt: int) -> Iterator[dict]:
        """`audio` (a voiced stretch, alone) again: no prompt or hotwords (they can start a
        loop), no VAD and no "no speech" skip (VAD already heard speech), another temperature."""
        return self._decode(
            audio,
            options,
            vad_filter=False,
            temperature=self.RETRY_TEMPERATURES[attempt],
            no_speech_threshold=None,
        )

    def _decode(
        self, audio: np.ndarray, options: SpeechOptions, **settings: object
    ) -> Iterator[dict]:
        import ctranslate2

        # Whisper falls back to sampling on hard audio; a fixed seed makes the same recording
        # give the same transcript every time, which evidence needs.
        ctranslate2.set_random_seed(RANDOM_SEED)
        segments, info = self._model().transcribe(
            audio,
            language=options.language,
            beam_size=options.beam_size,
            word_timestamps=options.word_timestamps,
            condition_on_previous_text=options.condition_on_previous_text,
            **settings,
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
