"""faster-whisper over a verified CTranslate2 model folder (base by default, any user model)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ..device import DeviceChoice
from ..errors import ModelError
from ..model_registry import ModelInfo
from .engine import RANDOM_SEED, SpeechOptions
from .kernels import pin_cpu_kernels, stabilise_features


class WhisperEngine:
    """faster-whisper over a verified CTranslate2 model folder."""

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

    def transcribe(self, audio: np.ndarray, options: SpeechOptions) -> Iterator[dict]:
        import ctranslate2

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
            condition_on_previous_text=options.condition_on_previous_text,
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
