"""Search a case by words and meaning: speech sentences and on-screen lines, ranked.

Each searchable line keeps its sentence vector in the case (table `sentence_vector`) as int8 with
one float scale (384 + 8 bytes): unit vectors lose < 0.5% cosine that way, a quarter of float32.
Vectors are written when analysis completes a media item (from the detector's cache: the texts
were just scored) and, for cases analysed before, on first search (with progress).

Score = cosine(query, line) + WORD_BONUS x share of the query's words found in the line (folded,
so tones and case do not matter): exact words rank first, paraphrases follow.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.store.case import READING_SEGMENT, Case
from reviewer.text.meaning.engine import MeaningEngine, embed_form, shared_engine
from reviewer.text.normalize import tokenize

WORD_BONUS = 0.25
MIN_SCORE = 0.80  # e5 cosines of unrelated Vietnamese lines sit around 0.75-0.8
BATCH = 256


@dataclass(frozen=True, slots=True)
class SearchHit:
    media_id: int
    media_name: str
    source: str  # speech | ocr
    start_s: float | None
    end_s: float | None
    text: str
    score: float
    meaning: float
    words: float

    def as_json(self) -> dict:
        return {
            "media_id": self.media_id,
            "media": self.media_name,
            "source": self.source,
            "start_s": self.start_s,
            "end_s": self.end_s,
            "text": self.text,
            "score": round(self.score, 4),
            "meaning": round(self.meaning, 4),
            "words": round(self.words, 3),
        }


def pack(vectors: np.ndarray) -> list[tuple[bytes, float]]:
    """int8 + scale per vector."""
    out = []
    for v in np.asarray(vectors, np.float32):
        scale = float(np.max(np.abs(v))) / 127.0 or 1.0
        out.append((np.round(v / scale).astype(np.int8).tobytes(), scale))
    return out


def unpack(blobs: Sequence[bytes], scales: Sequence[float]) -> np.ndarray:
    if not blobs:
        return np.zeros((0, 384), np.float32)
    q = np.frombuffer(b"".join(blobs), dtype=np.int8).reshape(len(blobs), -1).astype(np.float32)
    return q * np.asarray(scales, np.float32)[:, None]


def _lines(case: Case, media_id: int | None = None) -> list[dict]:
    """Searchable lines: the reading transcript's segments and distinct on-screen lines."""
    where = "" if media_id is None else " AND media_id = ?"
    args = () if media_id is None else (media_id,)
    rows = [
        {"source": "speech", "item_id": i, "media_id": m, "start_s": a, "end_s": b, "text": t}
        for i, m, a, b, t in case.conn.execute(
            f"SELECT id, media_id, start_s, end_s, text FROM segment WHERE {READING_SEGMENT}"
            f"{where} ORDER BY media_id, start_s",
            args,
        )
    ]
    rows += [
        {"source": "ocr", "item_id": i, "media_id": m, "start_s": a, "end_s": b, "text": t}
        for i, m, a, b, t in case.conn.execute(
            f"SELECT id, media_id, start_s, end_s, text FROM frame_text WHERE 1{where}"
            " ORDER BY media_id, start_s",
            args,
        )
    ]
    return [r for r in rows if (r["text"] or "").strip()]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def missing_lines(case: Case, media_id: int | None = None) -> list[dict]:
    have = {
        (s, i, h)
        for s, i, h in case.conn.execute("SELECT source, item_id, text_sha FROM sentence_vector")
    }
    return [
        r
        for r in _lines(case, media_id)
        if (r["source"], r["item_id"], _sha(r["text"])) not in have
    ]


def store_vectors(
    case: Case,
    media_id: int | None = None,
    engine: MeaningEngine | None = None,
    language: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Compute and store the vectors the case lacks (of one media item, or all); returns how many."""
    todo = missing_lines(case, media_id)
    if not todo:
        return 0
    engine = engine or shared_engine()
    for start in range(0, len(todo), BATCH):
        part = todo[start : start + BATCH]
        vectors = engine.embed([r["text"] for r in part], language)
        with case.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO sentence_vector"
                " (source, item_id, media_id, text_sha, vec, scale) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (r["source"], r["item_id"], r["media_id"], _sha(r["text"]), blob, scale)
                    for r, (blob, scale) in zip(part, pack(vectors), strict=True)
                ],
            )
        if progress:
            progress(min(start + BATCH, len(todo)), len(todo))
    return len(todo)


def _word_share(query_words: set[str], text: str, language: str | None) -> float:
    if not query_words:
        return 0.0
    words = {t.folded for t in tokenize(text, language) if t.kind == "word"}
    return len(query_words & words) / len(query_words)


def search(
    case: Case,
    query: str,
    limit: int = 20,
    language: str | None = None,
    engine: MeaningEngine | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[SearchHit]:
    """Lines of the case ranked by meaning and words (vectors computed first where missing)."""
    engine = engine or shared_engine()
    store_vectors(case, engine=engine, language=language, progress=progress)
    lines = _lines(case)
    if not lines or not query.strip():
        return []
    stored = {
        (s, i): (v, sc)
        for s, i, v, sc in case.conn.execute(
            "SELECT source, item_id, vec, scale FROM sentence_vector"
        )
    }
    pairs = [stored[(r["source"], r["item_id"])] for r in lines]
    matrix = unpack([p[0] for p in pairs], [p[1] for p in pairs])
    qvec = engine.embed_forms([embed_form(query, language)], query=True)[0]
    cos = matrix @ qvec
    qwords = {t.folded for t in tokenize(query, language) if t.kind == "word"}
    names = {m["id"]: m.get("original_name") or m.get("path") or "" for m in case.list_media()}
    hits = []
    for r, c in zip(lines, cos, strict=True):
        words = _word_share(qwords, r["text"], language)
        score = float(c) + WORD_BONUS * words
        if score >= MIN_SCORE or words >= 0.99:
            hits.append(
                SearchHit(
                    r["media_id"],
                    str(names.get(r["media_id"], "")),
                    r["source"],
                    r["start_s"],
                    r["end_s"],
                    r["text"].strip(),
                    score,
                    float(c),
                    words,
                )
            )
    hits.sort(key=lambda h: (-h.score, h.media_id, h.start_s or 0.0))
    # One hit per on-screen line text: a chat line stays on screen in many frames.
    seen: set[tuple] = set()
    out = []
    for h in hits:
        key = (h.media_id, h.source, h.text) if h.source == "ocr" else id(h)
        if key in seen:
            continue
        seen.add(key)
        out.append(h)
        if len(out) >= limit:
            break
    return out
