"""ClawLoopBridge(sinks=...) starts a local clawloop-sinks serve (loopback, random token, port 0), sends to it and
stops it at finish(); without Node.js it writes a file and says how to replay it."""

import logging
import os
import stat

from clawloop_sinks import ClawLoopBridge

from conftest import iterations


def test_starts_owns_and_stops_a_real_serve(tmp_path):
    report = tmp_path / "report.html"
    bridge = ClawLoopBridge(sinks="report", run_id="managed-run", serve_args=["--out", str(report)], spool_dir=str(tmp_path / "spool"))
    assert bridge.serve is not None and bridge.url.startswith("http://127.0.0.1:")
    assert len(bridge.serve.token) >= 24
    for i, state, episodes in iterations():
        bridge.after_iteration(i, state, episodes)
    bridge.finish()
    assert bridge.serve.process.poll() is not None and bridge.serve_exit_code == 0, bridge.serve.summary
    assert "report     ok         sent 17/17" in bridge.serve.summary
    assert bridge.counters == {**bridge.counters, "sent": 17, "refused": 0, "pending": 0}
    assert "managed-run" in report.read_text()


def test_without_node_it_writes_a_file_and_says_how_to_replay_it(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("CLAWLOOP_SINKS_CLI", raising=False)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))  # no node, npx or clawloop-sinks
    fallback = tmp_path / "events.ndjson"
    with caplog.at_level(logging.WARNING, logger="clawloop_sinks"):
        bridge = ClawLoopBridge(sinks="mlflow,wandb", run_id="r", fallback_path=str(fallback))
        for i, state, episodes in iterations():
            bridge.after_iteration(i, state, episodes)
        bridge.finish()
    assert bridge.serve is None and bridge.path == str(fallback)
    assert len(fallback.read_text().splitlines()) == 17
    assert f"clawloop-sinks replay {fallback} --sink mlflow,wandb" in caplog.text


def test_a_serve_that_cannot_start_falls_back_too(tmp_path, monkeypatch, caplog):
    fake = tmp_path / "fake-cli"
    fake.write_text("#!/bin/sh\necho 'no such sink' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("CLAWLOOP_SINKS_CLI", str(fake))
    with caplog.at_level(logging.WARNING, logger="clawloop_sinks"):
        bridge = ClawLoopBridge(sinks="report", fallback_path=str(tmp_path / "e.ndjson"))
    assert bridge.serve is None and "serve exited before listening" in caplog.text and "no such sink" in caplog.text
    assert os.path.basename(bridge.path) == "e.ndjson"
