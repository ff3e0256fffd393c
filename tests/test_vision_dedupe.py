"""Merging one on-screen line seen in many sampled frames into one timed item."""

from __future__ import annotations

import random

from reviewer.vision.dedupe import TextTracker, edit_distance, merge_lines, text_distance
from reviewer.vision.ocr import OcrLine


def naive_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def line(text: str, y: int, x: int = 40, conf: float = 0.95) -> OcrLine:
    return OcrLine((x, y, x + 14 * len(text), y + 30), text, conf)


def test_banded_edit_distance_matches_full_one() -> None:
    rng = random.Random(0)
    alphabet = "aăâbcdđeêơưởờ "
    for _ in range(400):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        full = naive_distance(a, b)
        assert edit_distance(a, b) == full
        limit = rng.randint(0, 8)
        banded = edit_distance(a, b, limit)
        assert banded == full if full <= limit else banded == limit + 1


def test_chat_line_on_screen_8_seconds_is_one_item_despite_ocr_noise() -> None:
    readings = [
        "Nạp 100k tặng 200k, chuyển khoản ngay",
        "Nạp 100k tặng 200k, chuyến khoản ngay",  # a tone mark misread
        "Nạp 100k tặng 200k, chuyển khoản ngay",
        "Nap 100k tặng 200k, chuyển khoản ngay",
        "Nạp 100k tặng 200k, chuyển khoản ngay",
        "Nạp 100k tặng 200k chuyển khoản ngay",
        "Nạp 100k tặng 200k, chuyển khoản ngay",
        "Nạp 100k tặng 200k, chuyển khoản ngay",
        "Nạp 100k tặng 200k, chuyển khoản ngay",
    ]
    frames = [(float(t), [line(text, 600 - 36 * t)]) for t, text in enumerate(readings)]
    frames.append((9.0, []))
    items = merge_lines(frames)
    assert len(items) == 1  # it also scrolled up one chat line per second
    item = items[0]
    assert (item.first_s, item.last_s) == (0.0, 8.0)
    assert item.text == "Nạp 100k tặng 200k, chuyển khoản ngay"  # the majority reading
    assert item.sightings == 9
    assert item.box == frames[0][1][0].box  # where it was first seen


def test_different_lines_and_repeats_stay_apart() -> None:
    tracker = TextTracker()
    spam = "Vào nhóm Zalo nhận kèo"
    out = tracker.feed(0.0, [line(spam, 100), line("Chào cả nhà", 140)])
    assert out == []
    # Same spam text again, far away on the screen: another instance, not the same line.
    tracker.feed(1.0, [line(spam, 100), line("Chào cả nhà", 140), line(spam, 100, x=900)])
    items = tracker.flush()
    assert sorted((i.text, i.sightings) for i in items) == [
        ("Chào cả nhà", 2),
        (spam, 1),
        (spam, 2),
    ]


def test_one_missed_frame_does_not_split_but_a_long_gap_does() -> None:
    text = "Cảm ơn bạn đã theo dõi kênh"
    frames = [(0.0, [line(text, 50)]), (1.0, []), (2.0, [line(text, 50)])]
    assert len(merge_lines(frames)) == 1
    tracker = TextTracker(max_gap_s=2.5)
    tracker.feed(0.0, [line(text, 50)])
    closed = tracker.feed(5.0, [line(text, 50)])
    assert len(closed) == 1 and closed[0].last_s == 0.0
    assert [i.first_s for i in tracker.flush()] == [5.0]


def test_text_distance_threshold_meaning() -> None:
    assert text_distance("abcde", "abcde") == 0.0
    assert text_distance("abcdefghij", "abcdefghiX") == 0.1
    assert text_distance("", "") == 0.0
    assert text_distance("abc", "xyz") == 1.0
