"""A field-like test recording: 720p, Vietnamese speech, a chat overlay that scrolls fast.

    python bench/chat_stream.py --minutes 10 --out bench/out/chat-10min.mp4

One 72-second stream is rendered with resources/demo/make_demo.py (same layout: title bar,
webcam, pinned banner, chat panel) but with a new chat message every 1.5 s, so the whole chat
panel scrolls between two OCR samples, like a busy livestream; the speech is Vietnamese only.
The stream is then looped to the length asked by stream copy (no re-encode). Its ground truth
(JSON beside the video) says how many chat lines were shown: ``chat_lines_distinct`` (different
texts) and ``chat_lines_shown`` (appearances over the whole looped file).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))
import make_demo  # noqa: E402
from make_demo import Script  # noqa: E402

STREAM_S = 72.0
CHAT_EVERY_S = 1.5

SPEECH: list = [
    ("vi", "Xin chào cả nhà, tối nay mình livestream bán hàng và trò chuyện với mọi người.", None),
    ("vi", "Hôm nay có áo khoác mới về, chất vải dày, mặc rất ấm.", None),
    ("vi", "Ai muốn mua thì để lại số điện thoại, shop sẽ gọi lại ngay.", None),
    ("vi", "Nạp một trăm nghìn tặng hai trăm nghìn, vào nhà cái để cá độ bóng đá.", "gambling"),
    ("vi", "Các bạn chuyển khoản trước cho mình để nhận quà nhé.", "fraud"),
    ("vi", "Tối qua trời mưa to quá, đường ngập hết cả.", None),
    ("vi", "Bên mình còn bán data khách hàng, ai cần thì nhắn tin riêng.", "personal_data"),
    ("vi", "Giày thể thao giảm giá một nửa, chỉ trong hôm nay thôi.", None),
    ("vi", "Cảm ơn mọi người đã xem, nhớ bấm theo dõi kênh nhé.", None),
    ("vi", "Hẹn gặp lại cả nhà vào tối mai, chúc mọi người ngủ ngon.", None),
]

_NAMES = [
    "lan_fan99",
    "minhtuan",
    "thu_trang",
    "khanh.le",
    "an_an",
    "hoa.nguyen",
    "mai_anh",
    "tung99",
    "bich_ngoc",
    "quang.hai",
    "hieu_pro",
    "linh.ng",
    "duc_anh",
    "vy_vy",
    "trung_kien",
    "ha_my",
]
_MESSAGES = (
    "Chào chị ạ, hôm nay bán gì vậy?",
    "Áo này còn size L không shop?",
    "Ship về Cần Thơ mất mấy ngày?",
    "Nạp 100k tặng 200k, vào nhà cái",
    "Giá bao nhiêu vậy chị ơi",
    "Mình đặt 2 cái nha shop",
    "Chuyển khoản trước nhận thưởng",
    "Hàng đẹp quá, chất lượng ghê",
    "Bán data khách hàng 0912 345 678",
    "Có màu đen không ạ?",
    "Tối nay xem bóng đá không mọi người",
    "Shop ơi giao hàng chưa vậy",
    "Chúc cả nhà buổi tối vui vẻ",
    "Cho xin link nhóm Zalo với",
    "Trời mưa to quá mọi người ơi",
    "Vải có bị xù lông không chị?",
    "Mua 3 cái có giảm giá không?",
    "Cảm ơn shop, lần trước áo đẹp lắm",
    "Đơn của em đóng gói chưa ạ",
    "Có freeship không shop?",
    "Giày size 40 còn không chị",
    "Like mạnh cho chị Lan nào",
)


def chat_script() -> list[tuple[float, str, str, str | None]]:
    """Distinct chat lines, one every CHAT_EVERY_S seconds (the last one 6 s before the end)."""
    count = int((STREAM_S - 6.0) / CHAT_EVERY_S)
    lines = []
    for i in range(count):
        text = f"{_NAMES[i % len(_NAMES)]}: {_MESSAGES[(i * 7) % len(_MESSAGES)]}"
        category = "gambling" if "nhà cái" in text else None
        lines.append((round(CHAT_EVERY_S * (i + 1), 3), "vi", text, category))
    return lines


def render_stream(video: Path, truth: Path) -> dict:
    script = Script(
        name="chat_stream",
        speech=list(SPEECH),
        chat=chat_script(),
        banner=[
            (0.0, 36.0, "vi", "Áo khoác mới về – freeship toàn quốc", None),
            (36.0, None, "vi", "NẠP 100K TẶNG 200K – NHÀ CÁI UY TÍN", "gambling"),
        ],
        static=[
            ("en", "LIVE"),
            ("vi", "Shop nhà Lan – Bán hàng buổi tối"),
            ("vi", "2.871 người xem"),
            ("vi", "Trò chuyện trực tiếp"),
        ],
    )
    return make_demo.make_recording(script, video, truth)


def loop_to(stream: Path, duration_s: float, out: Path) -> None:
    loops = int(math.ceil(duration_s / STREAM_S))
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", str(loops - 1)]
        + ["-i", str(stream), "-t", f"{duration_s:.3f}", "-c", "copy", str(out)],
        check=True,
    )


def make_chat_recording(minutes: float, out: Path) -> dict:
    """Write ``out`` (mp4, ``minutes`` long) and ``out`` with .json (its chat line counts)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chat-stream-") as tmp:
        stream, truth = Path(tmp) / "stream.mp4", Path(tmp) / "truth.json"
        doc = render_stream(stream, truth)
        duration = minutes * 60.0
        loop_to(stream, duration, out)
    chat = [e for e in doc["events"] if e["kind"] == "ocr" and e["region"] == "chat"]
    loop_s = doc["duration_s"]
    full, rest = divmod(duration, loop_s)
    shown = int(full) * len(chat) + sum(1 for e in chat if e["start_s"] < rest)
    summary = {
        "video": out.name,
        "duration_s": duration,
        "stream_s": loop_s,
        "chat_every_s": CHAT_EVERY_S,
        "chat_lines_distinct": len(chat),
        "chat_lines_shown": shown,
        "speech_sentences_per_loop": sum(1 for e in doc["events"] if e["kind"] == "speech"),
    }
    out.with_suffix(".json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "chat-stream.mp4")
    args = parser.parse_args()
    print(json.dumps(make_chat_recording(args.minutes, args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
