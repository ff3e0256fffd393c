"""Whisper's decoder windows: neighbouring voice regions packed up to a span, never split."""

from reviewer.speech.audio import SAMPLE_RATE
from reviewer.speech.voice import pack_regions
from reviewer.speech.whisper import WhisperEngine


def _s(*pairs: tuple[float, float]) -> list[tuple[int, int]]:
    return [(int(a * SAMPLE_RATE), int(b * SAMPLE_RATE)) for a, b in pairs]


def test_neighbours_share_a_window_up_to_its_span():
    regions = _s((1, 5), (6, 10), (12, 20), (22, 30), (40, 44))
    assert pack_regions(regions, 25.0) == _s((1, 20), (22, 44))
    assert pack_regions(regions, 10.0) == _s((1, 10), (12, 20), (22, 30), (40, 44))


def test_a_region_longer_than_the_window_stays_whole():
    assert pack_regions(_s((0, 30), (31, 33)), 25.0) == _s((0, 30), (31, 33))
    assert pack_regions([], 25.0) == []


def test_whisper_windows_fit_its_30_second_input():
    assert WhisperEngine.WINDOW_S <= 30.0
