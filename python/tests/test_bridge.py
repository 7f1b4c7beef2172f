"""The bridge as a training script uses it: ClawLoop's after_iteration and EpisodeCollector's on_batch, the archive's
run id, failures that never reach the loop, truthful counters."""

import json
import logging
import shutil

import pytest

from clawloop_sinks import ClawLoopBridge

from conftest import FIXTURES, iterations


def events_of(path):
    return [json.loads(line) for line in open(path).read().splitlines()]


def test_a_run_to_a_file_is_run_started_episodes_iteration_per_iteration_then_run_finished(tmp_path):
    path = tmp_path / "events.ndjson"
    bridge = ClawLoopBridge(path=str(path), run_id="r", bench="toolbench", config={"lr": 0.1}, tags=["ci"])
    for i, state, episodes in iterations():
        bridge.after_iteration(i, state, episodes)
    bridge.finish()
    bridge.finish()  # once only
    events = events_of(path)
    assert [e["type"] for e in events] == ["run.started"] + [t for _ in range(3) for t in ["episode"] * 4 + ["iteration"]] + ["run.finished"]
    assert events[0] == {**events[0], "bench": "toolbench", "config": {"lr": 0.1}, "tags": ["ci"], "source": "bridge"}
    iteration = events[5]
    assert iteration["playbook_size"] == len(iteration["playbook"]["entries"]) and iteration["state_id"]["combined_hash"]
    assert all("embedding" not in entry for entry in iteration["playbook"]["entries"])
    assert bridge.counters == {**bridge.counters, "sent": 17, "pending": 0, "iterations": 3, "failures": 0}


def test_with_the_loops_archive_the_run_id_is_the_archives(tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(FIXTURES / "normal" / "archive", archive)
    run_id = json.loads((archive / "runs.jsonl").read_text().splitlines()[0])["run_id"]
    bridge = ClawLoopBridge(path=str(tmp_path / "e.ndjson"), archive=str(archive))
    for i, state, episodes in iterations()[:1]:
        bridge.after_iteration(i, state, episodes)
    assert bridge.run_id == run_id
    assert {e["run_id"] for e in events_of(tmp_path / "e.ndjson")} == {run_id}


def test_an_explicit_run_id_wins_over_the_archive(tmp_path):
    bridge = ClawLoopBridge(path=str(tmp_path / "e.ndjson"), run_id="mine", archive=str(FIXTURES / "normal" / "archive"))
    i, state, episodes = iterations()[0]
    bridge.after_iteration(i, state, episodes)
    assert bridge.run_id == "mine"


def test_live_mode_batches_are_numbered_as_iterations(tmp_path):
    bridge = ClawLoopBridge(path=str(tmp_path / "e.ndjson"), run_id="live")
    for _, _, episodes in iterations("live/episodes.ndjson"):
        bridge.on_batch(episodes)
    bridge.finish()
    events = events_of(tmp_path / "e.ndjson")
    assert [e["iteration"] for e in events if e["type"] == "iteration"] == [0, 1]
    assert "playbook" not in events[-2]


def test_nothing_raises_into_the_loop_a_failure_is_logged_once_and_counted(tmp_path, caplog):
    bridge = ClawLoopBridge(path=str(tmp_path / "e.ndjson"), run_id="r")
    with caplog.at_level(logging.WARNING, logger="clawloop_sinks"):
        for k in range(3):
            bridge.after_iteration(k, None, None)  # not a list of episodes
    assert bridge.failures == {"after_iteration:TypeError": 3}
    assert caplog.text.count("after_iteration failed") == 1


def test_a_failing_state_id_costs_the_state_hashes_not_the_iteration(tmp_path, caplog):
    class State:
        harness = None

        def state_id(self):
            raise RuntimeError("hash failed")

    bridge = ClawLoopBridge(path=str(tmp_path / "e.ndjson"), run_id="r")
    i, _, episodes = iterations()[0]
    with caplog.at_level(logging.WARNING, logger="clawloop_sinks"):
        bridge.after_iteration(i, State(), episodes)
    events = events_of(tmp_path / "e.ndjson")
    assert [e["type"] for e in events] == ["run.started"] + ["episode"] * 4 + ["iteration"]
    assert "state_id" not in events[-1]
    assert bridge.failures == {"state_id:RuntimeError": 1} and "hash failed" in caplog.text


def test_an_unwritable_file_keeps_the_events_for_the_next_call(tmp_path):
    target = tmp_path / "sub" / "e.ndjson"
    bridge = ClawLoopBridge(path=str(target), run_id="r")
    runs = iterations()
    bridge.after_iteration(*runs[0])
    assert bridge.counters["pending"] == 6 and bridge.failures == {"after_iteration:FileNotFoundError": 1}
    target.parent.mkdir()
    bridge.after_iteration(*runs[1])
    bridge.finish()
    assert [e["type"] for e in events_of(target)].count("episode") == 8
    assert bridge.counters["pending"] == 0 and bridge.counters["sent"] == 12


def test_exactly_one_destination():
    with pytest.raises(ValueError):
        ClawLoopBridge()
    with pytest.raises(ValueError):
        ClawLoopBridge(path="a", url="b")
