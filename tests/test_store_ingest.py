"""Case store, ingest and the pipeline with a fake engine (fast)."""

import shutil
import threading

import pytest

from reviewer.errors import Cancelled, CaseError
from reviewer.hashing import sha256_file
from reviewer.ingest import ingest_file
from reviewer.pipeline import AnalysisOptions, Analyzer
from reviewer.store import open_case
from reviewer.store.migrations import MIGRATIONS


def _analyzer(case, engine, **kw):
    return Analyzer(case, AnalysisOptions(**kw), engine_factory=lambda name, device: engine)


def test_new_case_is_wal_and_migrated(tmp_path):
    with open_case(tmp_path / "c") as case:
        assert case.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert case.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert len(case.case_id) == 12


def test_open_without_create_needs_a_case(tmp_path):
    with pytest.raises(CaseError, match="holds no case"):
        open_case(tmp_path, create=False)


def test_newer_schema_is_refused(tmp_path):
    with open_case(tmp_path / "c") as case:
        case.conn.execute("PRAGMA user_version = 99")
    with pytest.raises(CaseError, match="newer than this program"):
        open_case(tmp_path / "c")


def test_ingest_hashes_probes_and_never_writes(tmp_path, media_dir):
    src = media_dir / "with video.mp4"
    before = (sha256_file(src), src.stat().st_mtime_ns)
    with open_case(tmp_path / "c") as case:
        result = ingest_file(case, src)
        media = case.get_media(result.media_id)
        assert media["sha256"] == before[0]
        assert media["kind"] == "video" and media["has_audio"] == 1
        assert media["width"] == 320 and media["duration_s"] == pytest.approx(3.9, abs=0.5)
        # Same content under another name: recognised, not duplicated.
        copy = tmp_path / "bản sao.mp4"
        shutil.copy(src, copy)
        again = ingest_file(case, copy)
        assert again.media_id == result.media_id and not again.is_new
        assert len(case.list_media()) == 1
    assert (sha256_file(src), src.stat().st_mtime_ns) == before


def test_kinds_are_judged_by_content(tmp_path, media_dir, bad_dir):
    with open_case(tmp_path / "c") as case:
        kinds = {
            name: case.get_media(ingest_file(case, d / name).media_id)["kind"]
            for d, name in [
                (media_dir, "screenshot.png"),
                (bad_dir, "ảnh chụp màn hình.mp3"),
                (media_dir, "no audio.mp4"),
                (media_dir, "english.m4a"),
            ]
        }
    assert kinds == {
        "screenshot.png": "image",
        "ảnh chụp màn hình.mp3": "image",
        "no audio.mp4": "video",
        "english.m4a": "audio",
    }


def test_paths_are_relative_so_a_moved_case_still_finds_media(tmp_path, media_dir):
    work = tmp_path / "work"
    (work / "media").mkdir(parents=True)
    shutil.copy(media_dir / "english.m4a", work / "media" / "a.m4a")
    with open_case(work / "case") as case:
        mid = ingest_file(case, work / "media" / "a.m4a").media_id
        assert case.get_media(mid)["path"] == "../media/a.m4a"
    moved = tmp_path / "moved"
    shutil.move(work, moved)
    with open_case(moved / "case", create=False) as case:
        assert case.media_path(case.get_media(mid)).is_file()


def test_pipeline_saves_per_chunk_and_reports_progress(tmp_path, media_dir, fake_engine):
    events = []
    with open_case(tmp_path / "c") as case:
        analyzer = Analyzer(
            case,
            AnalysisOptions(chunk_s=4.0),
            on_progress=events.append,
            engine_factory=lambda n, d: fake_engine,
        )
        result = analyzer.run([media_dir / "english.m4a"])
        assert result.all_ok
        segs = case.segments()
        assert len(fake_engine.calls) >= 3  # chunked
        starts = [s["start_s"] for s in segs]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        media = case.get_media(result.media_ids[0])
        assert media["speech_done_s"] == pytest.approx(media["duration_s"], abs=0.2)
    stages = [e.stage for e in events]
    assert stages[0] == "ingest" and "speech" in stages and stages[-1] == "done"
    fractions = [e.fraction for e in events if e.stage == "speech"]
    assert fractions == sorted(fractions) and fractions[-1] > 0.95


def test_cancel_keeps_saved_chunks_and_rerun_resumes(tmp_path, media_dir, fake_engine):
    cancel = threading.Event()

    def stop_after_first_chunk(event):
        if event.stage == "speech" and event.fraction > 0.3:
            cancel.set()

    with open_case(tmp_path / "c") as case:
        analyzer = Analyzer(
            case,
            AnalysisOptions(chunk_s=4.0),
            on_progress=stop_after_first_chunk,
            cancel=cancel,
            engine_factory=lambda n, d: fake_engine,
        )
        with pytest.raises(Cancelled):
            analyzer.run([media_dir / "english.m4a"])
        media = case.list_media()[0]
        assert media["status"] == "pending" and media["speech_done_s"] > 0
        done_before = media["speech_done_s"]
        saved = [s["start_s"] for s in case.segments()]
        assert all(s < done_before for s in saved)

        _analyzer(case, fake_engine, chunk_s=4.0).run([media_dir / "english.m4a"])
        starts = [s["start_s"] for s in case.segments()]
        assert starts[: len(saved)] == saved
        assert len(set(starts)) == len(starts)
        assert case.list_media()[0]["status"] == "analyzed"


def test_bad_inputs_fail_one_by_one_and_the_batch_goes_on(tmp_path, bad_dir, fake_engine):
    with open_case(tmp_path / "c") as case:
        result = _analyzer(case, fake_engine).run([bad_dir, tmp_path / "missing.mp4"])
    by_name = {o.path.name: o for o in result.outcomes}
    for name in ("empty.mp4", "random bytes.mp4", "notes.txt", "missing.mp4"):
        assert by_name[name].status == "failed", name
        assert by_name[name].error and "\n" not in by_name[name].error
    assert "empty" in by_name["empty.mp4"].error
    assert by_name["bản ghi âm.m4a"].status == "analyzed"
    assert by_name["ảnh chụp màn hình.mp3"].status == "analyzed"
    assert by_name["truncated.mp4"].status in ("analyzed", "failed")
    assert not result.all_ok


def test_engine_load_failure_fails_files_not_the_run(tmp_path, media_dir):
    from reviewer.errors import ModelHashMismatch

    def broken(name, device):
        raise ModelHashMismatch("model.bin has the wrong SHA-256")

    with open_case(tmp_path / "c") as case:
        result = Analyzer(case, AnalysisOptions(), engine_factory=broken).run(
            [media_dir / "english.m4a", media_dir / "screenshot.png"]
        )
    statuses = {o.path.name: (o.status, o.error) for o in result.outcomes}
    assert statuses["english.m4a"][0] == "failed" and "SHA-256" in statuses["english.m4a"][1]
    assert statuses["screenshot.png"][0] == "analyzed"


def test_listings_do_not_depend_on_which_thread_saved_first(tmp_path, media_dir):
    """With two speech engines each thread saves when it gets there; what the case lists (passes,
    segments at one moment) must come out the same either way."""
    seen = []
    for name, engines in (("a", ["whisper", "vietasr"]), ("b", ["vietasr", "whisper"])):
        with open_case(tmp_path / name) as case:
            media_id = ingest_file(case, media_dir / "english.m4a").media_id
            for engine in engines:
                case.start_speech_pass(media_id, engine, engine, "0" * 64, {})
                segment = {"start_s": 1.0, "end_s": 2.0, "text": engine, "engine": engine}
                case.save_speech_chunk(media_id, [segment], 2.0, engine=engine)
            seen.append(
                (
                    [p["engine"] for p in case.speech_passes(media_id)],
                    [s["text"] for s in case.segments(media_id)],
                )
            )
    assert seen[0] == seen[1] == (["vietasr", "whisper"], ["vietasr", "whisper"])
