"""What the officer sees must match what was shown or said.

An on-screen flag lasts as long as its text was on screen; a speech flag covers the sentence
said, not the matched word; a chat line that scrolls (also across the stretches analysis saves
in) is one item and one flag, not a new one each stretch. Real OCR and text models on a short
recording in the demo's own layout (banner, scrolling chat).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import reviewer.analysis.frames as frames
from conftest import FakeEngine
from reviewer.detections import MediaDetector, load_text_scorer, sentences
from reviewer.evidence import clips
from reviewer.flagging import group_detections
from reviewer.ingest import ingest_file
from reviewer.pipeline import AnalysisOptions, Analyzer
from reviewer.store import open_case

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))
import make_demo  # noqa: E402

BANNER = "NẠP 100K TẶNG 200K – NHÀ CÁI UY TÍN"
BANNER_S = (6.0, 20.0)
CHAT_LINE = "hotro_ck: Chuyển khoản trước nhận thưởng"  # fraud: its own flag, apart from the banner
BENIGN = [
    "lan_fan99: Chào chị Lan ạ!",
    "minhtuan: Hôm nay nấu món gì vậy chị?",
    "user123: Good luck everyone!",
    "thu_trang: Việt Nam đá hay quá!",
    "hoa.nguyen: Phở nhìn ngon quá chị ơi",
    "mai_anh: Cảm ơn chị, mai xem tiếp nhé",
    "an_an: phở ngon thật",
    "quang.hai: Chị nấu khéo quá",
]
DURATION_S = 28.0


@pytest.fixture(scope="module")
def stream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """28 s in the demo's layout: the gambling banner on screen 6-20 s; a fraud chat line
    at 2 s, then a new benign line every 2 s, so it scrolls up 8 lines while it stays."""
    chat = [(2.0, "vi", CHAT_LINE, "fraud")]
    chat += [(4.0 + 2 * i, "vi", text, None) for i, text in enumerate(BENIGN)]
    script = make_demo.Script(
        speech=[],
        chat=chat,
        banner=[(*BANNER_S, "vi", BANNER, "gambling")],
        name="spans",
    )
    out = tmp_path_factory.mktemp("spans")
    old = make_demo.MIN_DURATION_S
    make_demo.MIN_DURATION_S = DURATION_S  # the demo's 60 s floor is for the bundled demo
    try:
        make_demo.make_recording(script, out / "spans.mp4", out / "spans.json")
    finally:
        make_demo.MIN_DURATION_S = old
    return out / "spans.mp4"


@pytest.fixture(scope="module")
def analysed(stream: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The recording analysed in stretches of 10 s (the app uses 60 s; the short clip must
    cross stretch ends while the chat line has scrolled far)."""
    mp = pytest.MonkeyPatch()
    mp.setattr(frames, "VISION_CHUNK_S", 10.0)
    mp.setattr(frames, "OCR_EPOCH_S", 20.0)
    folder = tmp_path_factory.mktemp("case") / "case"
    try:
        with open_case(folder, officer="t") as case:
            engine = FakeEngine()
            result = Analyzer(case, AnalysisOptions(), engine_factory=lambda m, d: engine).run(
                [stream]
            )
            assert result.all_ok, result.outcomes
            out = {
                "flags": case.flags(),
                "texts": case.frame_texts(),
                "media": case.list_media()[0],
                "path": case.media_path(case.list_media()[0]),
            }
    finally:
        mp.undo()
    return out


def _like(text: str, want: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, text.casefold(), want.casefold()).ratio() > 0.75


def test_banner_flag_lasts_as_long_as_the_banner_is_on_screen(analysed):
    items = [t for t in analysed["texts"] if _like(t["text"], BANNER)]
    assert items, [t["text"] for t in analysed["texts"]]
    shown = (min(t["start_s"] for t in items), max(t["end_s"] for t in items))
    assert shown[0] == pytest.approx(BANNER_S[0], abs=2.01)
    assert shown[1] >= BANNER_S[1] - 0.5
    flags = [f for f in analysed["flags"] if f["category"] == "gambling"]
    assert len(flags) == 1, [(f["text"], f["start_s"], f["end_s"]) for f in analysed["flags"]]
    flag = flags[0]
    # Before: 6-11 s (a 5 s "moment"), while the banner stayed up until 20 s.
    assert flag["start_s"] <= shown[0] and flag["end_s"] >= shown[1]


def test_scrolling_chat_line_is_one_item_and_one_flag(analysed):
    line = [t for t in analysed["texts"] if _like(t["text"], CHAT_LINE)]
    # Before: a new item at each stretch end once the line had scrolled 6+ lines up (3 here;
    # in the demo the repeats became flags #8, #9 and #11).
    assert len(line) == 1, [(t["text"], t["start_s"], t["end_s"], t["box"]) for t in line]
    assert line[0]["start_s"] == pytest.approx(2.0, abs=2.01)
    assert line[0]["end_s"] >= DURATION_S - 2.5  # 8 lines higher, it is still on screen
    fraud = [f for f in analysed["flags"] if f["category"] == "fraud"]
    assert len(fraud) == 1, [(f["text"], f["start_s"], f["end_s"]) for f in fraud]
    assert fraud[0]["start_s"] <= line[0]["start_s"] and fraud[0]["end_s"] >= line[0]["end_s"]


def test_exported_clip_follows_the_flag_span(analysed):
    flag = next(f for f in analysed["flags"] if f["category"] == "gambling")
    assert flag["end_s"] - flag["start_s"] >= 12.0  # the banner's 14 s, not a 5 s moment
    media = analysed["media"]
    t_in, t_out = clips.clip_window(flag, media["duration_s"])
    cut = clips.cut_clip(analysed["path"], media["sha256"], "video", t_in, t_out)
    assert cut.derivation["actual_in_s"] <= flag["play_from_s"]
    assert cut.derivation["actual_out_s"] >= min(flag["end_s"], media["duration_s"]) - 0.1


def test_same_chat_line_again_within_a_minute_is_one_flag():
    """The same line (same sender, same text, OCR noise aside) read again 40 s later: its
    span grows; another line of the same category at that time is its own moment."""

    def det(i, start, end, text):
        return {
            "id": i,
            "start_s": start,
            "end_s": end,
            "source": "ocr",
            "category": "profanity",
            "score": 0.9,
            "text": text,
            "matched": ["vcl"],
            "model_id": "m",
            "model_sha256": "a" * 64,
        }

    groups = group_detections(
        [
            det(1, 24.0, 60.0, "tuan_kg: đm hôm qua thua cá độ vcl"),
            det(2, 58.0, 75.0, "an_an: vcl phở ngon thật"),
            det(3, 60.0, 75.0, "tuan_kg: đm hôm qua thua cá dộ vcl"),
            det(4, 150.0, 155.0, "tuan_kg: đm hôm qua thua cá độ vcl"),  # > 1 min later
        ]
    )
    assert sorted(sorted(d["id"] for d in g) for g in groups) == [[1, 3], [2], [4]]


def test_speech_flag_covers_the_sentence_not_the_matched_word(tmp_path, media_dir):
    """Before: 9.64-10.24 s for "tài xỉu" inside a 6.4-12.3 s sentence."""
    words = [
        (6.6, 7.1, " Vào"),
        (7.1, 7.5, " link"),
        (7.5, 8.0, " này"),
        (8.0, 9.6, " chơi"),
        (9.64, 9.9, " tài"),
        (9.9, 10.24, " xỉu"),
        (10.3, 11.0, " uy"),
        (11.0, 12.1, " tín."),
    ]
    segment = {
        "id": 1,
        "start_s": 6.4,
        "end_s": 12.3,
        "text": "Vào link này chơi tài xỉu uy tín.",
        "words": [{"start": a, "end": b, "word": w} for a, b, w in words],
    }
    (piece,) = sentences(segment)
    assert (piece["start_s"], piece["end_s"]) == (6.4, 12.3)
    with open_case(tmp_path / "case", officer="t") as case:
        media_id = ingest_file(case, media_dir / "english.m4a").media_id
        detector = MediaDetector(case, media_id, load_text_scorer(), language="vi")
        found = detector._detections([segment], "speech")
    gambling = [d for d in found if d["category"] == "gambling"]
    assert gambling, found
    assert {(d["start_s"], d["end_s"]) for d in gambling} == {(6.4, 12.3)}
