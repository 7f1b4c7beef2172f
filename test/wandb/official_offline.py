"""Writes a small offline run with the official client (no network: mode="offline") into the given directory."""

import sys

import wandb

run = wandb.init(project="clawloop", id="officialrun1", dir=sys.argv[1], mode="offline", config={"lr": 0.01})
run.config.update({"bench": "toolbench"})
run.log({"reward/mean": 0.5, "state/combined": "abc"}, step=0)
run.log({"reward/mean": 0.75}, step=1)
run.log({"episodes/table": wandb.Table(columns=["episode_id", "effective_reward"], data=[["ep-1", 0.5]])}, step=1)
run.finish()
