"""``from clawloop_bridge import ClawLoopBridge`` for scripts that put this folder on ``sys.path``.

The bridge is the ``clawloop_sinks`` Python package (``python/`` in this repository and in the npm package;
``pip install <clawloop-sinks>/python``). This file prefers the copy beside it, else an installed one.

    from clawloop_bridge import ClawLoopBridge

    bridge = ClawLoopBridge(path="runs/my-run/events.ndjson", bench="math")
    # or: ClawLoopBridge(sinks="mlflow,wandb")  — starts and stops a local clawloop-sinks serve
    learning_loop(..., after_iteration=bridge.after_iteration)
    bridge.finish()
"""

import sys
from pathlib import Path

_SOURCE = Path(__file__).resolve().parents[2] / "python" / "src"
if (_SOURCE / "clawloop_sinks").is_dir() and str(_SOURCE) not in sys.path:
    sys.path.insert(0, str(_SOURCE))

from clawloop_sinks import ClawLoopBridge, episode_to_dict  # noqa: E402

__all__ = ["ClawLoopBridge", "episode_to_dict"]
