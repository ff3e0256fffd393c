"""One contract, every executor: what a run stores, reports and survives does not depend on where
its ranges ran.

Each entry of EXECUTORS opens an Executor (reviewer.analysis.open_executor) for a module's tests
and closes it after; every test runs against each of them through the same door as the CLI and
the application (make_analyzer, progress and cancel given at construction). To add an executor,
write one more context manager below and list it in EXECUTORS.

Stored rows are compared with the workstation pipeline's on the same files: a Vietnamese voice
recording, a screenshot and a file that is not media at all.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from case_rows import case_rows
from cluster_procs import local_cluster

from reviewer.analysis import Executor, make_analyzer, open_executor
from reviewer.analysis.options import AnalysisOptions, ProgressEvent
from reviewer.analysis.states import MediaStatus, Stage
from reviewer.cluster.backend import LocalBackend
from reviewer.errors import Cancelled
from reviewer.pipeline import Analyzer
from reviewer.store import open_case

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.timeout(900)]
OPTIONS = AnalysisOptions(chunk_s=20.0)
FILES = ("giọng nói.mp3", "ảnh chụp.png", "hỏng.mp4")  # the last is random bytes

ExecutorFactory = Callable[[Path], AbstractContextManager[Executor]]


@contextmanager
def workstation(logs: Path) -> Iterator[Executor]:
    """Today's default: the workstation pipeline in this process."""
    with open_executor(OPTIONS) as executor:
        yield executor


@contextmanager
def in_process(logs: Path) -> Iterator[Executor]:
    """The ranges of the pure core run one by one in this process (tests only)."""
    with open_executor(OPTIONS, backend=LocalBackend()) as executor:
        yield executor


@contextmanager
def child_process(logs: Path) -> Iterator[Executor]:
    """The ranges in an isolated child process that holds no keys, kept across runs."""
    with open_executor(OPTIONS, child=True) as executor:
        yield executor


@contextmanager
def dask_loopback(logs: Path) -> Iterator[Executor]:
    """A real Dask cluster on 127.0.0.1: a scheduler and a `reviewer worker` as processes."""
    with (
        local_cluster(logs, reviewer_workers=1, stock_workers=0) as cluster,
        open_executor(OPTIONS, cluster=cluster.address) as executor,
    ):
        yield executor


EXECUTORS: list[ExecutorFactory] = [workstation, in_process, child_process, dask_loopback]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[Path]:
    """One user folder (models assembled once, as conftest shares them) for the module: the
    cluster's workers are started with it and live across tests."""
    home = tmp_path_factory.mktemp("contract-home")
    shared_models = tmp_path_factory.getbasetemp() / "shared-models"
    shared_models.mkdir(exist_ok=True)
    (home / "models").symlink_to(shared_models, target_is_directory=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REVIEWER_HOME", str(home))
        yield home


@pytest.fixture(scope="module")
def inputs(media_dir, bad_dir, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    shutil.copy(media_dir / "tiếng việt có dấu.mp3", d / FILES[0])
    shutil.copy(media_dir / "screenshot.png", d / FILES[1])
    shutil.copy(bad_dir / "random bytes.mp4", d / FILES[2])
    return d


@pytest.fixture(scope="module")
def expected(home, inputs, tmp_path_factory) -> dict:
    """The workstation pipeline's rows, run directly (not through the door under test)."""
    folder = tmp_path_factory.mktemp("expected") / "case"
    with open_case(folder) as case:
        Analyzer(case, OPTIONS).run([inputs])
    return case_rows(folder)


@pytest.fixture(scope="module", params=EXECUTORS, ids=lambda f: f.__name__)
def executor(request, home, tmp_path_factory) -> Iterator[Executor]:
    with request.param(tmp_path_factory.mktemp("logs")) as executor:
        yield executor


def _run(folder: Path, executor: Executor, paths: list[Path], **door) -> object:
    with open_case(folder) as case:
        return make_analyzer(case, OPTIONS, executor=executor, **door).run(paths)


def test_rows_progress_and_one_bad_file(executor, inputs, expected, tmp_path):
    events: list[ProgressEvent] = []
    result = _run(tmp_path / "case", executor, [inputs], on_progress=events.append)
    by_name = {o.path.name: o for o in result.outcomes}
    assert [by_name[n].status for n in FILES] == ["analyzed", "analyzed", "failed"]
    assert by_name[FILES[2]].error  # the officer is told why
    assert case_rows(tmp_path / "case") == expected
    # Progress: every event a known stage and fraction; each file begins with ingest and ends
    # done or failed.
    assert all(Stage(e.stage) and 0.0 <= e.fraction <= 1.0 for e in events)
    assert {e.file_count for e in events} == {len(FILES)}
    for index, name in enumerate(sorted(FILES)):
        own = [e.stage for e in events if e.file_index == index]
        assert own[0] == Stage.INGEST, (name, own)
        final = Stage.FAILED if name == FILES[2] else Stage.DONE
        assert own[-1] == final, (name, own)


def test_cancel_before_start_analyses_nothing(executor, inputs, tmp_path):
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        _run(tmp_path / "case", executor, [inputs], cancel=stop)
    with open_case(tmp_path / "case") as case:
        statuses = {m["status"] for m in case.list_media()}
    assert not statuses & {MediaStatus.ANALYZED, MediaStatus.ANALYZING}


def test_interrupted_run_resumes_to_the_same_rows(executor, inputs, expected, tmp_path):
    """Cancelled once the first file is done, then left as a killed process leaves it (media
    marked analysing); the same run again finishes with the rows of an unbroken run."""
    folder, stop = tmp_path / "case", threading.Event()

    def on_progress(event: ProgressEvent) -> None:
        if event.stage == Stage.DONE:
            stop.set()

    with pytest.raises(Cancelled):
        _run(folder, executor, [inputs], on_progress=on_progress, cancel=stop)
    with open_case(folder) as case:
        media = case.list_media()
        assert any(m["status"] == MediaStatus.ANALYZED for m in media)
        for m in media:  # a kill does not get to mark them pending
            if m["status"] == MediaStatus.PENDING:
                case.set_media_status(m["id"], MediaStatus.ANALYZING)
    result = _run(folder, executor, [inputs])
    assert [o.status for o in result.outcomes].count("analyzed") == 2
    assert case_rows(folder) == expected
