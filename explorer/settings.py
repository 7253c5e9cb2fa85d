"""Which store the app reads: `streamlit run app.py -- --store embedded --db data/graph.lbug`.

The arguments after `--` reach the script as sys.argv[1:]; the environment
(PLANGRAPH_STORE, PLANGRAPH_DB) gives the defaults, so tests can point the app at a
fixture database without touching the command line.
"""
from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE_KINDS = ("embedded", "neo4j")


@dataclass(frozen=True)
class AppSettings:
    store: str
    db: str  # embedded database path (ignored for neo4j)


def parse_settings(argv: list[str] | None, env: Mapping[str, str] | None = None) -> AppSettings:
    env = os.environ if env is None else env
    ap = argparse.ArgumentParser(prog="app.py", add_help=False, allow_abbrev=False)
    ap.add_argument("--store", choices=STORE_KINDS, default=env.get("PLANGRAPH_STORE") or "embedded")
    ap.add_argument("--db", default=env.get("PLANGRAPH_DB") or str(ROOT / "data" / "graph.lbug"))
    known, _ = ap.parse_known_args(list(argv or []))
    db = Path(known.db)
    if not db.is_absolute():
        db = ROOT / db
    return AppSettings(known.store, str(db))
