"""Speech engines: choice per language, the missing-engine error, readable segments, viet-asr on
real voices (long audio with nothing dropped), `both` merging, determinism across environments,
and no socket from the native recogniser."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT, FakeEngine, reviewer_cmd

sys.path.insert(0, str(ROOT / "bench"))
from real_voices import long_form, voices, wer, words  # noqa: E402

from reviewer.errors import UsageError  # noqa: E402
from reviewer.pipeline import AnalysisOptions, Analyzer  # noqa: E402
from reviewer.speech import EngineNotInstalled, engines_for  # noqa: E402
from reviewer.speech.readable import split_segment  # noqa: E402
from reviewer.store import open_case  # noqa: E402

HAVE_VOICES = len(voices()) == 6
needs_voices = pytest.mark.skipif(not HAVE_VOICES, reason="run make setup (real voices)")


def test_engine_choice_per_language():
    assert engines_for("whisper", "vi") == ["whisper"]
    assert engines_for("vietasr", "vi") == ["vietasr"]
    assert engines_for("both", "vi") == ["whisper", "vietasr"]
    # viet-asr hears no English: English and detection stay on Whisper whatever the choice.
    assert engines_for("vietasr", "en") == ["whisper"]
    assert engines_for("both", None) == ["whisper"]
    with pytest.raises(UsageError):
        engines_for("kaldi", "vi")


def test_missing_engine_says_how_to_install(monkeypatch):
    import importlib.util

    from reviewer.speech import vietasr_engine

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "vietasr" else real(name, *a)
    )
    with pytest.raises(EngineNotInstalled, match=r"pip install 'livestream-reviewer\[vietasr\]'"):
        vietasr_engine.native_library()


def test_long_segment_cut_at_pauses_into_readable_pieces():
    # 55 s of fluent speech in one segment, as Whisper returned for an English recording.
    words_ = []
    t = 0.0
    for i in range(110):
        end_of_sentence = i % 11 == 10
        words_.append(
            {"start": t, "end": t + 0.4, "word": f" w{i}" + ("." if end_of_sentence else "")}
        )
        t += 0.5 + (0.3 if end_of_sentence else 0.0)
    seg = {"start_s": 0.0, "end_s": t, "text": "x", "words": words_, "engine": "e"}
    pieces = split_segment(seg)
    assert len(pieces) >= 4
    assert all(p["end_s"] - p["start_s"] <= 15.0 for p in pieces)
    assert [w for p in pieces for w in p["words"]] == words_  # nothing lost, nothing repeated
    assert all(p["text"].endswith(".") for p in pieces[:-1])  # cut at sentence ends
    assert all(p["engine"] == "e" for p in pieces)


class SaysEngine(FakeEngine):
    """A fake recogniser that hears one fixed violating sentence in any loud audio."""

    def __init__(self, kind: str, name: str, text: str) -> None:
        super().__init__()
        self.kind, self.name, self.text = kind, name, text

    def transcribe(self, audio, options):
        if np.abs(audio).max() > 0.05:
            yield {
                "start_s": 1.0,
                "end_s": 4.0,
                "text": self.text,
                "language": "vi",
                "confidence": None,
                "no_speech_prob": None,
                "words": [],
            }


def _run_both(tmp_path, media_dir, whisper_text, vietasr_text):
    engines = {
        "faster-whisper-base": SaysEngine("whisper", "faster-whisper-base", whisper_text),
        "vietasr-conformer-ctc": SaysEngine("vietasr", "vietasr-conformer-ctc", vietasr_text),
    }
    options = AnalysisOptions(language="vi", speech_engine="both", vision=False)
    with open_case(tmp_path, officer="t") as case:
        Analyzer(case, options, engine_factory=lambda name, device: engines[name]).run(
            [media_dir / "english.m4a"]
        )
        return case.flags(), case.segments(), case.transcript_segments(1), case.speech_passes(1)


def test_both_engines_merge_into_one_flag_that_says_so(tmp_path, media_dir, monkeypatch):
    # The agreement of two engines is weighed on the words; the meaning model reads an offer
    # this plain as certain (1.0) whichever engine heard it, so it is left out here.
    monkeypatch.setenv("REVIEWER_MEANING", "0")
    offer = "vào nhà cái đánh bạc online nạp tiền ngay"
    flags, segments, reading, passes = _run_both(tmp_path / "a", media_dir, offer, offer)
    assert {s["engine"] for s in segments} == {"faster-whisper-base", "vietasr-conformer-ctc"}
    assert {s["engine"] for s in reading} == {"vietasr-conformer-ctc"}  # one transcript to read
    assert [p["engine"] for p in passes] == ["faster-whisper-base", "vietasr-conformer-ctc"]
    assert passes[1]["settings"]["engine"] == "vietasr" and passes[0]["settings"]["beam_size"] == 5
    gambling = [f for f in flags if f["category"] == "gambling"]
    assert len(gambling) == 1
    assert gambling[0]["heard_by"] == ["faster-whisper-base", "vietasr-conformer-ctc"]
    # Heard by one engine only: the flag names it, and scores lower than when both heard it.
    one, *_ = _run_both(tmp_path / "b", media_dir, "hôm nay trời đẹp", offer)
    single = [f for f in one if f["category"] == "gambling"]
    assert len(single) == 1 and single[0]["heard_by"] == ["vietasr-conformer-ctc"]
    assert gambling[0]["score"] > single[0]["score"]


def test_vietasr_text_where_whisper_heard_english_raises_no_flag(tmp_path, media_dir):
    """viet-asr turns English into Vietnamese-sounding words (on the evaluation set: profanity
    nobody said); with both engines, Whisper's English stretches stay Whisper's."""
    heard_english = "The football match last night was really exciting."
    flags, *_ = _run_both(tmp_path / "a", media_dir, heard_english, "vượt màu mà đéo lồn gì")
    assert not [f for f in flags if f["category"] == "profanity"]
    # Where Whisper heard Vietnamese, viet-asr's words count.
    flags, *_ = _run_both(tmp_path / "b", media_dir, "hôm nay trời đẹp quá", "đéo lồn gì")
    assert [f["heard_by"] for f in flags if f["category"] == "profanity"] == [
        ["vietasr-conformer-ctc"]
    ]


def _analyze(*args, env=None):
    proc = subprocess.run(
        [*reviewer_cmd(), "analyze", *map(str, args), "--json"],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _transcript(case, *extra):
    out = subprocess.run(
        [*reviewer_cmd(), "transcript", "--case", str(case), "--format", "json", *extra],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


@pytest.mark.model
@needs_voices
def test_vietasr_hears_real_voices_through_the_cli(tmp_path):
    clips = voices()
    report = _analyze(
        *[c[0] for c in clips], "--case", tmp_path / "c", "--speech-engine", "vietasr"
    )
    assert not report["flags"]  # benign sentences: no flag
    hyps = []
    for media in report["media"]:
        segs = _transcript(tmp_path / "c", "--media", str(media["id"]))
        assert segs and all(s["engine"] == "vietasr-conformer-ctc" for s in segs)
        hyps.append(" ".join(s["text"] for s in segs))
    by_name = {m["path"]: h for m, h in zip(report["media"], hyps, strict=True)}
    refs = [text for wav, text in clips]
    ordered = [next(h for p, h in by_name.items() if p.endswith(wav.name)) for wav, _ in clips]
    assert wer(refs, ordered) <= 0.12  # measured 0.067; Whisper base gets 0.28


@pytest.mark.model
@needs_voices
def test_vietasr_drops_nothing_on_long_audio_with_many_pauses(tmp_path):
    """`transcribe(file)` of viet-asr keeps only its last 4 segments; ours must keep them all,
    over ten minutes (the six voices 19 times, 114 sentences, 1.5 s pauses)."""
    audio, refs = long_form(tmp_path / "dài có nhiều khoảng lặng.wav", repeats=19, pause_s=1.5)
    _analyze(audio, "--case", tmp_path / "c", "--speech-engine", "vietasr")
    segs = _transcript(tmp_path / "c")
    assert segs[-1]["end_s"] > 600
    assert len(segs) >= len(refs)
    assert all(s["end_s"] - s["start_s"] <= 15.0 for s in segs)
    assert all(a["end_s"] <= b["start_s"] + 1e-6 for a, b in zip(segs, segs[1:], strict=False))
    hyp = words(" ".join(s["text"] for s in segs))
    # Every sentence is there: its distinctive words appear, in order, the right number of times.
    for ref in {r for r in refs}:
        key = max(words(ref), key=len)
        assert hyp.count(key) >= refs.count(ref) - 1, (key, hyp.count(key))
    assert wer([" ".join(refs)], [" ".join(s["text"] for s in segs)]) <= 0.12
    # Word times stay inside their segment and move forward.
    for s in segs:
        times = [(w["start"], w["end"]) for w in s["words"]]
        assert all(s["start_s"] - 1e-3 <= a <= b <= s["end_s"] + 1e-3 for a, b in times)


@pytest.mark.model
@needs_voices
def test_same_transcript_under_a_bare_environment(tmp_path):
    audio, _ = long_form(tmp_path / "voices.wav", repeats=1)
    home = os.environ["REVIEWER_HOME"]
    _analyze(audio, "--case", tmp_path / "a")
    bare = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root"), "REVIEWER_HOME": home}
    _analyze(audio, "--case", tmp_path / "b", env=bare)
    strip = lambda segs: [{k: v for k, v in s.items() if k != "id"} for s in segs]  # noqa: E731
    assert strip(_transcript(tmp_path / "a")) == strip(_transcript(tmp_path / "b"))


@pytest.mark.model
@needs_voices
def test_no_network_socket_even_from_native_libraries(tmp_path, media_dir):
    """The Python audit hook (test_resume_and_offline) cannot see native code: onnxruntime's
    telemetry thread did DNS lookups during every analysis until ORT_DISABLE_TELEMETRY was set."""
    if not os.path.exists("/usr/bin/strace"):
        pytest.skip("strace is installed by make setup (scripts/system-deps.sh)")
    audio, _ = long_form(tmp_path / "voices.wav", repeats=1)
    trace = tmp_path / "trace.txt"
    media = [str(audio), str(media_dir / "with video.mp4"), str(media_dir / "screenshot.png")]
    cmd = [*reviewer_cmd(), "analyze", *media, "--case", str(tmp_path / "c")]
    cmd += ["--speech-engine", "both"]
    proc = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *cmd],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    calls = [line for line in trace.read_text().splitlines() if "AF_INET" in line]
    assert not calls, calls


def test_subtitle_cues_stay_short_and_timed_by_words():
    from reviewer.transcript import render

    words_ = [{"start": i * 0.4, "end": i * 0.4 + 0.3, "word": f" từ{i}"} for i in range(40)]
    seg = {"start_s": 0.0, "end_s": 16.0, "text": "".join(w["word"] for w in words_).strip()}
    srt = render([{**seg, "words": words_}], "srt")
    blocks = [b.splitlines() for b in srt.strip().split("\n\n")]
    assert len(blocks) >= 3
    for block in blocks:
        assert 3 <= len(block) <= 4  # index, times, one or two text lines
        assert all(len(line) <= 42 for line in block[2:])
    assert blocks[0][1].startswith("00:00:00,000 --> ")
    # Every word is there once, in order.
    said = " ".join(" ".join(b[2:]) for b in blocks).split()
    assert said == [w["word"].strip() for w in words_]
    # Without word times the cues share the span.
    vtt = render([{**seg, "words": []}], "vtt")
    assert vtt.count(" --> ") >= 3 and all(len(x) <= 42 for x in vtt.splitlines())


@pytest.mark.model
@needs_voices
def test_both_engines_through_the_analysis_core_equal_local_analysis(tmp_path):
    """The range core (what cluster workers run) with real Whisper and viet-asr on real voices,
    split into ranges: the same segments, from both engines, as the local pipeline."""
    from reviewer.cluster.backend import LocalBackend
    from reviewer.cluster.driver import ClusterAnalyzer

    audio, _ = long_form(tmp_path / "hai giọng.wav", repeats=4, pause_s=1.0)
    options = dict(speech_engine="both", chunk_s=30.0)

    def content(folder):
        with open_case(folder, create=False) as case:
            media = case.list_media()[0]
            segs = case.conn.execute(
                "SELECT engine, start_s, end_s, text FROM segment ORDER BY engine, start_s"
            ).fetchall()
            passes = [(p["engine"], p["done_s"]) for p in case.speech_passes(media["id"])]
        return segs, passes, media["speech_model"]

    with open_case(tmp_path / "local") as case:
        assert Analyzer(case, AnalysisOptions(**options)).run([audio]).all_ok
    with open_case(tmp_path / "ranges") as case:
        core = ClusterAnalyzer(case, AnalysisOptions(**options), LocalBackend(), range_s=60)
        assert core.run([audio]).all_ok
        assert case.conn.execute("SELECT count(*) FROM analysis_range").fetchone()[0] >= 2
    local = content(tmp_path / "local")
    assert {engine for engine, *_ in local[0]} == {"faster-whisper-base", "vietasr-conformer-ctc"}
    assert local[2] == "vietasr-conformer-ctc"
    assert content(tmp_path / "ranges") == local
