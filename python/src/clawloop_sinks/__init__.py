"""clawloop-sinks for Python: send a ClawLoop run to W&B, MLflow, Langfuse, OpenTelemetry, Phoenix or an HTML report.

    from clawloop_sinks import ClawLoopBridge

    bridge = ClawLoopBridge(sinks="mlflow,wandb", archive=archive)   # or path="events.ndjson", or url=..., token=...
    learning_loop(..., archive=archive, after_iteration=bridge.after_iteration)
    bridge.finish()

Standard library only. See ``ClawLoopBridge`` for the options.
"""

from .bridge import ClawLoopBridge
from .serialize import episode_to_dict

__all__ = ["ClawLoopBridge", "episode_to_dict", "__version__"]
__version__ = "0.1.0"
