"""Drives ClawLoopBridge through a real ClawLoop after_iteration dump as learning_loop would (stand-ins of ClawLoop's
classes rebuilt from the dump, fake_clawloop.py), then prints the bridge's counters as JSON.

    python3 drive_bridge.py DUMP (--path F | --url U --token T | --sinks S) [--run-id R] [--spool-dir D]
"""

import argparse
import json
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "observability"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from clawloop_bridge import ClawLoopBridge  # noqa: E402
from fake_clawloop import iterations_from_dump  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("dump")
parser.add_argument("--path")
parser.add_argument("--url")
parser.add_argument("--token")
parser.add_argument("--sinks")
parser.add_argument("--serve-arg", action="append", default=[])
parser.add_argument("--run-id", default="bridge-test-run")
parser.add_argument("--spool-dir")
args = parser.parse_args()
logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")

bridge = ClawLoopBridge(args.path, url=args.url, token=args.token, sinks=args.sinks, serve_args=args.serve_arg or None, run_id=args.run_id,
                        bench="toolbench", config={"lr": 0.01}, tags=["ci"], timeout=1.0, spool_dir=args.spool_dir)
t0 = time.perf_counter()
for iteration, agent_state, episodes in iterations_from_dump(args.dump):
    bridge.after_iteration(iteration, agent_state, episodes)  # must never raise
bridge.finish()
spool = getattr(bridge.transport, "spool_path", None)
print(json.dumps({"seconds": round(time.perf_counter() - t0, 3), "counters": bridge.counters, "failures": bridge.failures, "spool": spool, "serve_exit": bridge.serve_exit_code}))
