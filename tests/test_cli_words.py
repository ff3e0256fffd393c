"""CLI words an officer can act on: statuses and summaries, on-screen text, readable learning,
engine names, export refusals, mistyped paths, decoder errors, non-case folders, doctor."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import av
import pytest
from test_evidence_fixtures import OFFICER, make_case

from conftest import reviewer_cmd
from reviewer import device, doctor
from reviewer.commands.learn import _model_line
from reviewer.errors import MediaError
from reviewer.media_errors import ffmpeg_reason
from reviewer.probe import probe
from reviewer.store import open_case
from reviewer.store.case import NotACaseFolder


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*reviewer_cmd(), *args],
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def case_dir(tmp_path):
    folder, _ids = make_case(tmp_path / "case", tmp_path / "media")
    with open_case(folder, officer=OFFICER, create=False) as case:
        # The video was transcribed by Whisper (stored engine name), the screenshot was read.
        case.conn.execute("UPDATE media SET speech_model = 'faster-whisper-base' WHERE id = 1")
        case.conn.execute("UPDATE segment SET engine = 'faster-whisper-base'")
        case.start_speech_pass(1, "faster-whisper-base", "whisper", "d01c3014", {})
        case.conn.execute(
            "INSERT INTO frame_text (media_id, start_s, end_s, box, text, confidence)"
            " VALUES (2, NULL, NULL, NULL, 'Nạp tiền tại nhà cái uy tín', 0.9)"
        )
    return folder


def test_flags_show_status_and_summary(case_dir):
    out = _cli("flags", "--case", str(case_dir))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    flag_lines = [x for x in lines if x.lstrip().startswith("#") and "media" in x]
    assert len(flag_lines) == 4
    for status in ("confirmed", "pending", "rejected"):
        assert any(f" {status} " in x for x in flag_lines), (status, flag_lines)
    assert any(f"by {OFFICER}" in x for x in flag_lines)
    (summary,) = [x for x in lines if x.startswith("Summary:")]
    assert "2 confirmed" in summary and "1 pending" in summary and "1 rejected" in summary
    assert "gambling 1" in summary and "obscene 1" in summary


def test_onscreen_text_of_a_screenshot(case_dir):
    plain = _cli("transcript", "--case", str(case_dir), "--media", "2")
    assert plain.returncode == 0 and plain.stdout == ""
    assert "--onscreen" in plain.stderr  # tells the officer where the screenshot's text is
    shown = _cli("transcript", "--case", str(case_dir), "--media", "2", "--onscreen")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == "[screenshot] Nạp tiền tại nhà cái uy tín\n"
    as_json = _cli("transcript", "--case", str(case_dir), "--onscreen", "--format", "json")
    assert json.loads(as_json.stdout)[0]["text"] == "Nạp tiền tại nhà cái uy tín"


def test_engine_names_from_help_and_store_accepted_others_refused(case_dir):
    by_kind = _cli("transcript", "--case", str(case_dir), "--engine", "whisper")
    assert by_kind.returncode == 0 and "nhà cái" in by_kind.stdout
    by_name = _cli("transcript", "--case", str(case_dir), "--engine", "faster-whisper-base")
    assert by_name.stdout == by_kind.stdout
    absent = _cli("transcript", "--case", str(case_dir), "--engine", "vietasr")
    assert absent.returncode == 0 and "No segments from the vietasr engine" in absent.stderr
    bogus = _cli("transcript", "--case", str(case_dir), "--engine", "bogus")
    assert bogus.returncode == 2
    assert "Unknown speech engine 'bogus'" in bogus.stderr and "whisper" in bogus.stderr


def test_learn_prints_readable_lines_and_progress(case_dir):
    out = _cli("learn", "--case", str(case_dir), "--no-model")
    assert out.returncode == 0, out.stderr
    assert "{'" not in out.stdout and "None" not in out.stdout
    assert out.stdout.startswith("Learned from 1 case(s): 3 decisions (2 confirmed, 1 rejected)")
    assert "Reading the decisions of 1 case(s)" in out.stderr and "Done." in out.stderr
    assert "Text model: not checked (--no-model)" in out.stdout
    line = _model_line({"f1_current": None, "f1_new": 0.8123, "better": True})
    assert line == "F1 on the decisions n/a now, 0.81 retrained: better: install it"


def test_export_refusals_name_what_is_missing(case_dir, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    no_key = _cli("export", "--case", str(case_dir), "--out", str(stick), "--officer", "cb-9")
    assert no_key.returncode == 1
    assert "cb-9 has no signing key" in no_key.stderr
    assert "reviewer keys create --officer cb-9" in no_key.stderr
    assert "passphrase" not in no_key.stderr.lower()
    gone = tmp_path / "E_drive"
    missing = _cli("export", "--case", str(case_dir), "--out", str(gone), "--officer", "cb-9")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert "not a folder" not in missing.stderr


def test_mistyped_path_creates_nothing(tmp_path):
    case = tmp_path / "new-case"
    out = _cli("analyze", str(tmp_path / "buoi-phat.mp4"), "--case", str(case))
    assert out.returncode == 2
    assert "buoi-phat.mp4" in out.stderr and "no case was created" in out.stderr
    assert "None" not in out.stdout + out.stderr
    assert not case.exists()


def test_decoder_errors_are_readable(tmp_path):
    bad = tmp_path / "không phải video.mp4"
    bad.write_bytes(b"this is a text file, not a recording\n" * 20)
    with pytest.raises(av.error.InvalidDataError) as raw:
        av.open(str(bad))
    assert "Errno" in str(raw.value)  # what PyAV says
    reason = ffmpeg_reason(raw.value)
    assert "Errno" not in reason and "1094995529" not in reason
    assert "not a recording FFmpeg can read" in reason
    with pytest.raises(MediaError) as err:
        probe(bad)
    assert "Errno" not in str(err.value) and "invalid data" in str(err.value)


def test_a_folder_with_other_files_never_becomes_a_case(tmp_path):
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "báo cáo.docx").write_bytes(b"officer's own file")
    with pytest.raises(NotACaseFolder, match="not a case folder"):
        open_case(documents)
    assert sorted(p.name for p in documents.iterdir()) == ["báo cáo.docx"]
    voice = tmp_path / "clip.wav"
    voice.write_bytes(b"RIFF")
    out = _cli("analyze", str(voice), "--case", str(documents))
    assert out.returncode == 1 and "not a case folder" in out.stderr
    assert sorted(p.name for p in documents.iterdir()) == ["báo cáo.docx"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "desktop.ini").write_text("[.ShellClassInfo]")  # Windows writes these
    with open_case(empty) as case:
        assert case.case_id


def test_doctor_on_a_fresh_user_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path / "fresh"))
    monkeypatch.setattr(device, "cuda_device_count", lambda: 0)
    report = doctor.run_checks()
    speech = next(m for m in report["models"] if m["name"] == "faster-whisper-base")
    assert not speech["ready"] and speech["assembles_on_first_use"]
    assert not any("faster-whisper-base" in e for e in report["errors"]), report["errors"]
    text = doctor.format_report(report)
    assert "will be assembled on first analysis" in text
    assert "CUDA was requested" not in text  # the setting is auto
    assert "No usable GPU found" in text
    assert Path(tmp_path / "fresh" / "models" / "faster-whisper-base").exists() is False
