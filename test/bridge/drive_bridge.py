"""Drives ClawLoopBridge through the sample run as learning_loop would: python3 drive_bridge.py DUMP (--path F | --url U --token T)."""

import argparse
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
parser.add_argument("--run-id", default="bridge-test-run")
args = parser.parse_args()

bridge = ClawLoopBridge(args.path, url=args.url, token=args.token, run_id=args.run_id, bench="toolbench", config={"lr": 0.01}, tags=["ci"], timeout=1.0)
t0 = time.perf_counter()
for iteration, agent_state, episodes in iterations_from_dump(args.dump):
    bridge.after_iteration(iteration, agent_state, episodes)  # must never raise
bridge.finish()
print(f"calls_ok seconds={time.perf_counter() - t0:.3f} failures={sum(bridge.failures.values())}")
