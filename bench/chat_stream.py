"""A field-like test recording: 720p, Vietnamese speech, a chat overlay that scrolls fast.

    python bench/chat_stream.py --minutes 10 --out bench/out/chat-10min.mp4

One 72-second stream is rendered with resources/demo/make_demo.py (same layout: title bar,
webcam, pinned banner, chat panel) but with a new chat message every 1.5 s, so the whole chat
panel scrolls between two OCR samples, like a busy livestream; the speech is Vietnamese only.
The stream is then looped to the length asked by stream copy (no re-encode). Its ground truth
(JSON beside the video) says how many chat lines were shown: ``chat_lines_distinct`` (different
texts) and ``chat_lines_shown`` (appearances over the whole looped file).

``--background`` puts live video behind the chat (the hard case of a real stream, where the
camera never stands still): ``gradient`` a slow drifting colour gradient; ``scene`` the demo's
cook animated (head, body and pot move) over the gradient; ``noise`` the still drawing with
camera noise (grain changes every frame); ``vertical`` a 720x1280 phone stream (moving scene,
chat and banner below the camera). The overlays (title bar, banner, chat) stay opaque, as a
streaming app composites them.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))
sys.path.insert(0, str(ROOT / "bench"))
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


BACKGROUNDS = ("still", "gradient", "scene", "noise", "vertical")
# (name, value) of make_demo's layout for the 720x1280 phone stream: camera on top, banner and
# chat below it (9 chat lines fit).
_VERTICAL = {
    "WIDTH": 720,
    "HEIGHT": 1280,
    "CAM_X": 20,
    "CAM_Y": 80,
    "CAM_W": 680,
    "CAM_H": 560,
    "BANNER_X": 20,
    "BANNER_Y": 660,
    "BANNER_W": 680,
    "BANNER_H": 85,
    "CHAT_X": 20,
    "CHAT_Y": 760,
    "CHAT_W": 680,
    "CHAT_H": 500,
    "CHAT_VISIBLE": 9,
}
_CAM_FILTERS = 7  # wall, table, head, hair, shirt, pot, steam (make_demo.build_filtergraph)


def _gradient_source(width: int, height: int, duration: float) -> str:
    # Fixed colours and seed: the same file every time. speed 0.004: a full turn in ~1 min.
    return (
        f"gradients=s={width}x{height}:r={make_demo.FPS}:d={duration:.3f}:n=3:seed=7"
        ":c0=0x3a5a70:c1=0xa07850:c2=0x405030:speed=0.004"
    )


def _moving_cook() -> list[str]:
    """The demo's cook, swaying and stepping (the steam already moves)."""
    d = make_demo
    sway, bob = "40*sin(0.9*t)+25*sin(0.37*t)", "12*sin(1.3*t)"
    cx, cy = d.CAM_X + d.CAM_W // 2, d.CAM_Y
    return [
        f"drawbox=x={d.CAM_X}:y={cy + d.CAM_H - 140}:w={d.CAM_W}:h=140:color=0x8a6a4a:t=fill",
        f"drawbox=x='{cx - 60}+{sway}':y='{cy + 90}+{bob}':w=120:h=130:color=0xe8c0a0:t=fill",
        f"drawbox=x='{cx - 60}+{sway}':y='{cy + 70}+{bob}':w=120:h=36:color=0x2a1a10:t=fill",
        f"drawbox=x='{cx - 120}+{sway}':y='{cy + 220}+{bob}':w=240:h=180:color=0xd04a4a:t=fill",
        f"drawbox=x='{cx + 130}+20*sin(0.5*t)':y={cy + d.CAM_H - 120}:w=160:h=90"
        ":color=0xb0b0b8:t=fill",
        f"drawbox=x='{cx + 180}+25*sin(2*t)':y='{cy + d.CAM_H - 190}+20*sin(3*t)':w=50:h=50"
        ":color=0xf0f0f0@0.6:t=fill",
    ]


@contextlib.contextmanager
def _background(kind: str) -> Iterator[None]:
    """make_demo renders ``kind`` of background while inside (bench only: patches the module)."""
    if kind not in BACKGROUNDS:
        raise ValueError(f"unknown background {kind!r}: one of {', '.join(BACKGROUNDS)}")
    if kind == "still":
        yield
        return
    d = make_demo
    saved = {name: getattr(d, name) for name in (*_VERTICAL, "encode", "build_filtergraph")}
    build = d.build_filtergraph
    if kind == "vertical":
        for name, value in _VERTICAL.items():
            setattr(d, name, value)
    d.CHAT_BOTTOM_BASELINE = d.CHAT_Y + d.CHAT_H - 24
    wall = f"drawbox=x={d.CAM_X}:y={d.CAM_Y}:w={d.CAM_W}:h={d.CAM_H}:color=0x4a6a7a:t=fill"

    def graph(workdir: Path, duration: float, script: Script | None = None) -> str:
        body = build(workdir, duration, script)
        head, tail = "[0:v]", "[v]"
        parts = body[len(head) : -len(tail)].split(",\n")
        i = parts.index(wall)
        title, cam, overlays = parts[:i], parts[i : i + _CAM_FILTERS], parts[i + _CAM_FILTERS :]
        if kind in ("gradient",):
            cam = []
        elif kind in ("scene", "vertical"):
            cam = _moving_cook()
        else:  # noise: the still drawing, grain on the camera picture only
            cam = [*cam, "noise=alls=18:allf=t+u"]
        return head + ",\n".join(cam + title + overlays) + tail

    def encode_moving(workdir: Path, wav: Path, graph_text: str, duration: float, out) -> None:
        source = f"color=c=0x4a6a7a:s={d.WIDTH}x{d.HEIGHT}:r={d.FPS}:d={duration:.3f}"
        if kind != "noise":
            source = _gradient_source(d.WIDTH, d.HEIGHT, duration)
        # make_demo.encode with this source instead of its plain colour.
        (workdir / "graph.txt").write_text(graph_text, encoding="utf-8")
        cmd = [
            "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", source, "-i", str(wav),
            "-filter_complex_script", "graph.txt",
            "-map", "[v]", "-map", "1:a", "-t", f"{duration:.3f}",
            "-c:v", "libx264", "-preset", "medium", "-crf", "30", "-pix_fmt", "yuv420p",
            "-g", "50", "-c:a", "aac", "-b:a", "48k", "-ar", str(make_demo.SAMPLE_RATE),
            "-ac", "1", "-movflags", "+faststart", "-map_metadata", "-1",
            str(Path(out).resolve()),
        ]  # fmt: skip
        proc = subprocess.run(cmd, cwd=workdir, capture_output=True, check=False)
        if proc.returncode != 0:
            raise RuntimeError("ffmpeg failed:\n" + proc.stderr.decode("utf-8", "replace")[-3000:])

    d.build_filtergraph, d.encode = graph, encode_moving
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(d, name, value)
        d.CHAT_BOTTOM_BASELINE = d.CHAT_Y + d.CHAT_H - 24


def render_stream(video: Path, truth: Path, background: str = "still") -> dict:
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
    with _background(background):
        return make_demo.make_recording(script, video, truth)


def loop_to(stream: Path, duration_s: float, out: Path) -> None:
    loops = int(math.ceil(duration_s / STREAM_S))
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", str(loops - 1)]
        + ["-i", str(stream), "-t", f"{duration_s:.3f}", "-c", "copy", str(out)],
        check=True,
    )


def real_voice_track(duration_s: float, out: Path) -> list[str]:
    """The six recorded human voices (bench/real_voices.py) said in turn, over and over, with a
    second between sentences, to `duration_s` (no sentence cut): a wav and its sentences."""
    from real_voices import read_wav, voices, write_wav

    said = [(read_wav(wav), text) for wav, text in voices()]
    if not said:
        raise SystemExit("No real voices: run `make setup` (scripts/fetch_real_voices.py).")
    total = int(duration_s * 16000)
    gap = np.zeros(16000, dtype=np.int16)
    pcm, refs, used = [], [], 0
    for pieces in itertools.cycle(said):
        if used + pieces[0].size + gap.size > total:
            break
        pcm += [pieces[0], gap]
        refs.append(pieces[1])
        used += pieces[0].size + gap.size
    pcm.append(np.zeros(total - used, dtype=np.int16))
    write_wav(out, np.concatenate(pcm))
    return refs


def replace_sound(video: Path, sound: Path, out: Path) -> None:
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(video), "-i", str(sound)]
        + ["-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-b:a", "64k"]
        + ["-shortest", str(out)],
        check=True,
    )


def make_chat_recording(
    minutes: float,
    out: Path,
    background: str = "still",
    cache: Path | None = None,
    voices: str = "synthetic",
) -> dict:
    """Write ``out`` (mp4, ``minutes`` long, ``background`` one of BACKGROUNDS) and ``out``
    with .json (its chat line counts). ``cache``: a folder where the 72-second stream is kept
    and reused (rendering it takes minutes; looping it, a second). ``voices``: "synthetic", the
    stream's own generated speech (sentences with violations); "real", six recorded human voices
    instead (benign sentences nobody here wrote; the summary's ``speech_refs`` are what they
    say, for a word error rate)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chat-stream-") as tmp:
        folder = Path(tmp) if cache is None else cache
        folder.mkdir(parents=True, exist_ok=True)
        stream = folder / f"stream-{background}.mp4"
        truth = stream.with_suffix(".truth.json")
        if stream.exists() and truth.exists():
            doc = json.loads(truth.read_text(encoding="utf-8"))
        else:
            doc = render_stream(stream, truth, background)
        duration = minutes * 60.0
        refs = None
        if voices == "real":
            looped = Path(tmp) / "looped.mp4"
            loop_to(stream, duration, looped)
            refs = real_voice_track(duration, Path(tmp) / "voices.wav")
            replace_sound(looped, Path(tmp) / "voices.wav", out)
        else:
            loop_to(stream, duration, out)
    chat = [e for e in doc["events"] if e["kind"] == "ocr" and e["region"] == "chat"]
    loop_s = doc["duration_s"]
    full, rest = divmod(duration, loop_s)
    shown = int(full) * len(chat) + sum(1 for e in chat if e["start_s"] < rest)
    summary = {
        "video": out.name,
        "background": background,
        "width": doc["width"],
        "height": doc["height"],
        "duration_s": duration,
        "stream_s": loop_s,
        "chat_every_s": CHAT_EVERY_S,
        "chat_lines_distinct": len(chat),
        "chat_lines_shown": shown,
        "voices": voices,
        "speech_sentences_per_loop": sum(1 for e in doc["events"] if e["kind"] == "speech"),
    }
    if refs is not None:
        summary["speech_refs"] = refs
    out.with_suffix(".json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "chat-stream.mp4")
    parser.add_argument("--background", default="still", choices=BACKGROUNDS)
    parser.add_argument("--voices", default="synthetic", choices=["synthetic", "real"])
    args = parser.parse_args()
    summary = make_chat_recording(args.minutes, args.out, args.background, voices=args.voices)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
