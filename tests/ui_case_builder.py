"""Cases built straight in the database for the UI tests and bench/bench_ui.py.

The media row comes from the real ingest (hash, probe); transcript, on-screen text, detections
and flags are inserted directly, so a UI test needs no model and runs in a second.
"""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.ingest import ingest_file
from reviewer.paths import demo_recording
from reviewer.store import open_case
from reviewer.store.case import utc_now
from reviewer.text.lexicon import category_ids

CATEGORIES = tuple(category_ids())
MODEL = {
    "name": "faster-whisper-base",
    "sha256": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
}
SPEECH = [
    "Xin chào các bạn, hôm nay chúng ta nấu phở bò.",
    "Các bạn chuyển khoản trước để nhận thưởng nhé.",
    "Vào link này đặt cược tỷ số trận đấu tối nay.",
    "Cảm ơn các bạn đã theo dõi buổi phát trực tiếp.",
]
MATCHED = {"fraud": ["chuyển khoản"], "gambling": ["đặt cược"]}


def build_case(
    folder: Path,
    media: Path | None = None,
    *,
    duration_s: float | None = None,
    segments: int = 12,
    flags: int = 4,
    texts: int = 4,
    officer: str = "Cán bộ Thử",
) -> int:
    """A case with one analysed recording; returns its media id."""
    with open_case(folder, officer=officer) as case:
        result = ingest_file(case, media or demo_recording())
        media_id = result.media_id
        assert media_id is not None, result.error
        row = case.get_media(media_id)
        duration = duration_s or row["duration_s"] or 60.0
        seg_len = duration / max(1, segments)
        with case.transaction() as conn:
            conn.execute(
                "UPDATE media SET duration_s = ?, status = 'analyzed', device = 'cpu',"
                " compute_type = 'int8', speech_model = ? WHERE id = ?",
                (duration, MODEL["name"], media_id),
            )
            seg_ids = []
            for i in range(segments):
                start = i * seg_len
                seg_ids.append(
                    conn.execute(
                        "INSERT INTO segment (media_id, start_s, end_s, text, language, confidence,"
                        " no_speech_prob, words) VALUES (?, ?, ?, ?, 'vi', 0.9, 0.01, '[]')",
                        (media_id, start, start + seg_len * 0.9, SPEECH[i % len(SPEECH)]),
                    ).lastrowid
                )
            for i in range(texts):
                start = (i + 0.5) * duration / max(1, texts)
                conn.execute(
                    "INSERT INTO frame_text (media_id, start_s, end_s, box, text, confidence)"
                    " VALUES (?, ?, ?, ?, ?, 0.95)",
                    (
                        media_id,
                        start,
                        start + 4,
                        json.dumps([40, 600, 700, 660]),
                        f"STK 0123456789 lần {i}",
                    ),
                )
            now = utc_now()
            for i in range(flags):
                category = (
                    ("fraud", "gambling")[i % 2] if flags <= 8 else CATEGORIES[i % len(CATEGORIES)]
                )
                seg = i * max(1, segments // max(1, flags)) + 1
                seg = min(seg, segments - 1)
                start = seg * seg_len
                end = start + seg_len * 0.9
                source = "image" if category == "obscene" else ("ocr" if i % 5 == 4 else "speech")
                matched = MATCHED.get(category, [category])
                flag_id = conn.execute(
                    "INSERT INTO flag (media_id, start_s, end_s, category, score, source, text,"
                    " status, play_from_s, matched, models, created_utc, updated_utc)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)",
                    (
                        media_id,
                        start,
                        end,
                        category,
                        round(0.55 + (i % 9) * 0.05, 2),
                        source,
                        SPEECH[seg % len(SPEECH)],
                        max(0.0, start - 3.0),
                        json.dumps(matched, ensure_ascii=False),
                        json.dumps([MODEL]),
                        now,
                        now,
                    ),
                ).lastrowid
                conn.execute(
                    "INSERT INTO detection (media_id, start_s, end_s, source, category, score,"
                    " matched, text, model_id, model_sha256, flag_id, segment_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'lexicon-vi', ?, ?, ?)",
                    (
                        media_id,
                        start,
                        end,
                        source,
                        category,
                        0.7,
                        json.dumps(matched, ensure_ascii=False),
                        SPEECH[seg % len(SPEECH)],
                        "ab" * 32,
                        flag_id,
                        seg_ids[seg] if seg_ids else None,
                    ),
                )
    return media_id
