"""Prints the field numbers our hand-written W&B encoder relies on, read from the official wandb_internal_pb2."""

import json

from wandb.proto import wandb_internal_pb2 as pb


def fields(message, names):
    by_name = {f.name: f.number for f in message.DESCRIPTOR.fields}
    return {n: by_name.get(n) for n in names}


print(json.dumps({
    "Record": fields(pb.Record, ["num", "history", "summary", "config", "files", "run", "exit", "final", "header", "footer"]),
    "RunRecord": fields(pb.RunRecord, ["run_id", "entity", "project", "config", "run_group", "display_name", "tags", "host", "start_time"]),
    "HistoryRecord": fields(pb.HistoryRecord, ["item", "step"]),
    "HistoryItem": fields(pb.HistoryItem, ["key", "value_json"]),
    "HistoryStep": fields(pb.HistoryStep, ["num"]),
    "SummaryRecord": fields(pb.SummaryRecord, ["update"]),
    "ConfigRecord": fields(pb.ConfigRecord, ["update"]),
    "ConfigItem": fields(pb.ConfigItem, ["key", "value_json"]),
    "RunExitRecord": fields(pb.RunExitRecord, ["exit_code", "runtime"]),
    "FilesRecord": fields(pb.FilesRecord, ["files"]),
    "FilesItem": fields(pb.FilesItem, ["path", "policy"]),
}))
