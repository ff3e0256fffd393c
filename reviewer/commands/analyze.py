"""`reviewer analyze` and `reviewer demo`: ingest and analyse files into a case."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from ..errors import Cancelled, UsageError
from ..settings import ENGINE_CHOICES
from . import EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, print_json, print_summary


def _default_chunk_s() -> float:
    from ..speech import CHUNK_S  # here, not at the top: quick commands never load speech

    return CHUNK_S


def cmd_analyze(args: argparse.Namespace) -> int:
    from ..analysis import make_analyzer, open_executor
    from ..analysis.options import AnalysisOptions
    from ..case_report import case_report
    from ..progress_text import ProgressPrinter
    from ..settings import load_settings
    from ..store import open_case

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:  # before anything is created: a typo must not leave a new case folder behind
        raise UsageError(
            "No such file or folder: "
            + ", ".join(missing)
            + ". Nothing was added and no case was created; check the path."
        )
    options = AnalysisOptions.from_settings(
        load_settings(),
        language=args.language,
        device=args.device,
        speech_model=args.model,
        chunk_s=args.chunk_seconds or _default_chunk_s(),
        vision=not args.no_vision,
        speech_bias=args.speech_bias,
        speech_engine=args.speech_engine,
    )
    cancel = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        sys.stderr.write("\nCancelling after the current segment; saved work is kept...\n")

    signal.signal(signal.SIGINT, on_signal)
    with (
        open_executor(options, cluster=args.cluster, child=_child(args)) as executor,
        open_case(args.case) as case,
    ):
        # Same options and report wherever the ranges run (by default a child process that holds
        # no keys and no case handle; --cluster: the cluster's workers).
        analyzer = make_analyzer(
            case,
            options,
            executor=executor,
            on_progress=ProgressPrinter(),
            cancel=cancel,
            range_s=args.range_seconds,
        )
        try:
            result = analyzer.run([Path(p) for p in args.paths])
        except Cancelled as exc:
            sys.stderr.write(f"{exc}\n")
            return EXIT_CANCELLED
        if result.engine_warning:
            sys.stderr.write(f"WARNING: {result.engine_warning}\n")
        unrecorded = [
            {
                "id": None,
                "path": str(o.path),
                "sha256": o.sha256,
                "kind": None,
                "duration_s": None,
                "status": "failed",
                "error": o.error,
            }
            for o in result.outcomes
            if o.media_id is None
        ]
        report = case_report(case, result.media_ids, unrecorded)
        if args.json:
            print_json(report)
        else:
            print_summary(report)
    return EXIT_OK if result.all_ok else EXIT_FAILED


def _child(args: argparse.Namespace) -> bool | None:
    """--isolated insists on the child (the default), --in-process refuses it; None: default."""
    return True if args.isolated else (False if args.in_process else None)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..paths import demo_case_dir, demo_recording

    demo = demo_recording()
    if not demo.is_file():
        raise UsageError(f"The demo recording {demo} is missing; run `make demo` to create it.")
    args.paths = [str(demo)]
    args.case = args.case or str(demo_case_dir())
    return cmd_analyze(args)


def _analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", choices=["vi", "en", "auto"], help="spoken language (default: vi)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], help="where to run (default: auto)")
    p.add_argument("--model", help="speech model name (see `reviewer models list`)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.add_argument("--chunk-seconds", type=float, default=None, help=argparse.SUPPRESS)
    p.add_argument("--no-vision", action="store_true", help="skip on-screen text and images")
    p.add_argument("--cluster", metavar="tcp://HOST:PORT", help="analyse on a Dask cluster")
    # Files are decoded and analysed in a separate process that holds no keys (a file that
    # crashes or hangs a decoder fails with a reason and the others go on). --isolated is that
    # default, kept for old scripts; --in-process (debugging) analyses in this process.
    p.add_argument("--isolated", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--range-seconds", type=float, default=300.0, help=argparse.SUPPRESS)
    p.add_argument(
        "--speech-bias",
        choices=["lexicon", "none"],
        help="Whisper hotwords from the category lexicons (default: none)",
    )
    p.add_argument(
        "--speech-engine",
        choices=list(ENGINE_CHOICES),
        help="recogniser for Vietnamese: whisper (default), vietasr (opt-in: its weights' "
        "licence is not stated) or both; English and auto always use Whisper",
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="ingest and analyse files or folders into a case")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--case", required=True, help="case folder (created if missing)")
    _analysis_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("demo", help="analyse the bundled demo recording")
    p.add_argument("--case", help="case folder (default: the demo case in the user folder)")
    _analysis_options(p)
    p.set_defaults(func=cmd_demo)
