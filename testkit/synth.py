"""Synthetic frames with known Vietnamese text, for tests and the evaluation bench (not shipped).

OpenCV's putText cannot draw Vietnamese, so lines are drawn with Pillow and a TrueType
font. Everything is seeded: the same call gives the same pixels and the same truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# Plain sentences of the kind that appear in Vietnamese livestream overlays and chat.
SENTENCES: tuple[str, ...] = (
    "Nạp 100k tặng 200k, chuyển khoản ngay hôm nay",
    "Cờ bạc online uy tín nhất Việt Nam",
    "Liên hệ số điện thoại 0912 345 678",
    "Chúc mọi người buổi tối vui vẻ nhé",
    "Hàng chính hãng, giá rẻ bất ngờ",
    "Đặt cược tỉ số trận đấu tối nay",
    "Số tài khoản 1903 5678 9012 Techcombank",
    "Anh em vào nhóm Zalo để nhận kèo",
    "Giảm giá 50% cho đơn hàng đầu tiên",
    "Cảm ơn bạn đã theo dõi kênh của tôi",
    "Mua bán thông tin khách hàng giá tốt",
    "Thời tiết hôm nay đẹp quá trời ơi",
    "Xổ số lô đề, nhà cái hoàn tiền mỗi ngày",
    "Rút tiền nhanh chóng, bảo mật tuyệt đối",
    "Quà tặng đặc biệt cho người xem ở Hà Nội",
    "Ưu đãi khủng: mỹ phẩm chỉ còn 99.000 đồng",
    "Đừng quên bấm theo dõi và chia sẻ nhé",
    "Bữa tối nay mình nấu phở bò Nam Định",
    "Kết quả bóng đá Ngoại hạng Anh đêm qua",
    "Cảnh báo: không chuyển tiền cho người lạ",
)

STYLES: tuple[str, ...] = (
    "dark_on_light",
    "light_on_dark",
    "chat_bubble",
    "white_on_video",
    "outlined_on_video",
    "yellow_on_red",
)


@dataclass(frozen=True)
class TruthLine:
    text: str
    box: tuple[int, int, int, int]


def _background(style: str, width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """RGB background; 'video' styles get smooth random colour blobs like a camera feed."""
    if style == "dark_on_light":
        return np.full((height, width, 3), (244, 244, 240), np.uint8)
    if style == "light_on_dark":
        return np.full((height, width, 3), (22, 24, 32), np.uint8)
    if style == "yellow_on_red":
        return np.full((height, width, 3), (190, 30, 30), np.uint8)
    small = rng.integers(0, 256, (max(2, height // 48), max(2, width // 48), 3), dtype=np.uint8)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC)


def render_lines(
    lines: Sequence[str],
    style: str = "dark_on_light",
    size: tuple[int, int] = (1280, 720),
    font_px: int | Sequence[int] = 28,
    seed: int = 0,
    font_path: str = DEFAULT_FONT,
    jpeg_quality: int | None = None,
) -> tuple[np.ndarray, list[TruthLine]]:
    """Draw ``lines`` top to bottom; returns a BGR uint8 image and each line's text and box.

    Lines that would not fit (width or height) are shortened or left out of the truth.
    ``jpeg_quality`` adds compression artefacts like those of a recorded stream.
    """
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    rng = np.random.default_rng(seed)
    width, height = size
    image = Image.fromarray(_background(style, width, height, rng))
    draw = ImageDraw.Draw(image, "RGBA")
    sizes = [font_px] * len(lines) if isinstance(font_px, int) else list(font_px)
    truth: list[TruthLine] = []
    y = max(8, sizes[0] // 2) if sizes else 8
    for text, px in zip(lines, sizes, strict=False):
        font = ImageFont.truetype(font_path, px)
        x = int(rng.integers(px // 2 + 8, px // 2 + 8 + max(1, width // 10)))
        while text and draw.textbbox((x, y), text, font=font)[2] > width - px // 2 - 8:
            text = text[:-1].rstrip()
        left, top, right, bottom = draw.textbbox((x, y), text, font=font)
        if not text or bottom + px // 2 > height:
            break
        fill: tuple[int, ...] = (20, 20, 20)
        extra: dict[str, object] = {}
        if style == "light_on_dark":
            fill = (236, 236, 236)
        elif style == "yellow_on_red":
            fill = (255, 228, 0)
        elif style == "white_on_video":
            fill = (255, 255, 255)
        elif style == "outlined_on_video":
            fill, extra = (
                (255, 255, 255),
                {"stroke_width": max(1, px // 14), "stroke_fill": (0, 0, 0)},
            )
        elif style == "chat_bubble":
            pad = px // 3
            draw.rounded_rectangle(
                (left - pad, top - pad, right + pad, bottom + pad), pad, fill=(0, 0, 0, 150)
            )
            fill = (255, 255, 255)
        draw.text((x, y), text, font=font, fill=fill, **extra)
        truth.append(TruthLine(text, (left, top, right, bottom)))
        y = bottom + max(10, int(px * 0.9))
    bgr = np.ascontiguousarray(np.asarray(image)[:, :, ::-1])
    if jpeg_quality is not None:
        ok, encoded = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality])
        if ok:
            bgr = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    return bgr, truth


def write_clip(
    path: str,
    frames: Sequence[np.ndarray] | object,
    fps: int = 10,
    faststart: bool = True,
    bframes: int = 2,
) -> None:
    """Encode BGR frames (an iterable of equal-size arrays) as H.264 in MP4 with PyAV, so
    tests need no ffmpeg program. ``faststart`` puts the index first (then a cut-short file
    still opens); ``bframes`` > 0 exercises the sampler's B-frame skipping."""
    import av  # local: only tests and the bench write video

    options = {"movflags": "+faststart"} if faststart else {}
    with av.open(path, mode="w", options=options) as container:
        stream = None
        for image in frames:  # type: ignore[attr-defined]
            if stream is None:
                stream = container.add_stream("libx264", rate=fps)
                stream.height, stream.width = image.shape[:2]
                stream.pix_fmt = "yuv420p"
                stream.options = {"preset": "ultrafast", "bf": str(bframes), "crf": "23"}
                if bframes:
                    # ultrafast turns B-frames off; ask for them explicitly.
                    stream.options["x264-params"] = f"bframes={bframes}"
            frame = av.VideoFrame.from_ndarray(image, format="bgr24")
            for packet in stream.encode(frame):
                container.mux(packet)
        if stream is not None:
            for packet in stream.encode():
                container.mux(packet)
