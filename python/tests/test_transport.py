"""Over HTTP an event counts as sent only once serve accepted it; what serve refuses is logged with its reasons and
counted; what serve cannot take now (down, slow, 5xx) is spooled and resent in order; nothing raises into the loop."""

import json
import logging
import time

from clawloop_sinks import ClawLoopBridge
from clawloop_sinks.transport import HttpTransport

from conftest import iterations

RUN = iterations()


def drive(bridge, runs=RUN):
    for i, state, episodes in runs:
        bridge.after_iteration(i, state, episodes)  # must never raise


def test_accepted_events_are_counted_sent_once_serve_said_202(stand_in, tmp_path):
    serve = stand_in()
    bridge = ClawLoopBridge(url=serve.url, token="t", run_id="r", spool_dir=str(tmp_path))
    drive(bridge)
    bridge.finish()
    assert [e["type"] for e in serve.accepted].count("episode") == sum(len(e) for _, _, e in RUN)
    assert bridge.counters["sent"] == len(serve.accepted) == 17
    assert bridge.counters["pending"] == 0 and bridge.counters["refused"] == 0


def test_a_207_refused_line_is_logged_with_its_reason_counted_and_not_resent(stand_in, tmp_path, caplog):
    def respond(lines):
        bad = [i + 1 for i, e in enumerate(lines) if e["type"] == "episode" and e["episode"]["task_id"].startswith("search")]
        problems = [{"line": n, "field": "episode.summary", "problem": "missing required field; refused"} for n in bad]
        problems.append({"line": 1, "field": "fb_results.harness.metrics.loss", "problem": "NaN ...; dropped", "kept": True})
        return 207, {"accepted": len(lines) - len(bad), "refused": len(bad), "refused_lines": bad, "problems": problems}

    serve = stand_in(respond)
    bridge = ClawLoopBridge(url=serve.url, token="t", run_id="r", spool_dir=str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="clawloop_sinks"):
        drive(bridge)
        bridge.finish()
    refused = sum(1 for r in serve.requests for e in r if e["type"] == "episode" and e["episode"]["task_id"].startswith("search"))
    assert refused > 0
    assert bridge.counters["refused"] == refused
    assert bridge.counters["sent"] == len(serve.accepted) - refused
    assert bridge.counters["problems"] == len(serve.requests)
    assert bridge.counters["pending"] == 0
    assert len(serve.requests) == 4  # nothing resent
    assert "serve refused an event: line" in caplog.text and "episode.summary: missing required field" in caplog.text


def test_serve_down_then_back_spooled_events_arrive_first_in_order_and_once(stand_in, tmp_path, caplog):
    up = {"ok": False}
    serve = stand_in(lambda lines: (202, {"accepted": len(lines)}) if up["ok"] else (503, {"error": "busy"}))
    bridge = ClawLoopBridge(url=serve.url, token="t", run_id="r", spool_dir=str(tmp_path))
    bridge.transport.min_backoff = 0.0
    with caplog.at_level(logging.WARNING, logger="clawloop_sinks"):
        drive(bridge, RUN[:2])
        assert bridge.counters["sent"] == 0 and bridge.counters["pending"] == 11
        spool = bridge.transport.spool_path
        assert len(open(spool).read().splitlines()) == 11
        up["ok"] = True
        drive(bridge, RUN[2:])
        bridge.finish()
    delivered = serve.accepted
    in_order = ["run.started"] + [t for i in range(3) for t in ["episode"] * 4 + ["iteration"]] + ["run.finished"]
    assert [e["type"] for e in delivered] == in_order
    assert [e["iteration"] for e in delivered if e["type"] == "iteration"] == [0, 1, 2]
    assert len({json.dumps(e, sort_keys=True) for e in delivered}) == 17
    assert bridge.counters == {**bridge.counters, "sent": 17, "pending": 0, "refused": 0}
    assert "cannot take events now" in caplog.text and "answers again" in caplog.text


def test_a_hanging_serve_costs_the_loop_one_timeout_then_the_events_wait_in_the_spool(stand_in, tmp_path):
    serve = stand_in(lambda lines: time.sleep(3) or (202, {"accepted": len(lines)}))
    bridge = ClawLoopBridge(url=serve.url, token="t", run_id="r", timeout=0.3, spool_dir=str(tmp_path))
    started = time.monotonic()
    drive(bridge)
    loop_seconds = time.monotonic() - started
    assert loop_seconds < 2.0, loop_seconds  # one timeout; later iterations go to the spool during the backoff
    assert bridge.counters["pending"] == 16 and bridge.counters["sent"] == 0


def test_serve_never_back_the_spool_stays_on_disk_and_the_log_says_how_to_replay_it(tmp_path, caplog):
    bridge = ClawLoopBridge(url="http://127.0.0.1:9/events", token="t", run_id="r", spool_dir=str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="clawloop_sinks"):
        drive(bridge)
        bridge.finish()
    spool = bridge.transport.spool_path
    lines = [json.loads(line) for line in open(spool).read().splitlines()]
    assert [e["type"] for e in lines].count("episode") == 12 and lines[-1]["type"] == "run.finished"
    assert f"clawloop-sinks replay {spool}" in caplog.text
    assert bridge.failures == {}


def test_a_body_over_max_body_is_split_and_a_single_oversized_event_refused(stand_in, tmp_path):
    serve = stand_in(lambda lines: (413, {"error": "too large"}) if len(lines) > 2 else (202, {"accepted": len(lines)}))
    transport = HttpTransport(serve.url, "t", timeout=2, spool_path=str(tmp_path / "spool.ndjson"))
    transport.send([{"type": "x", "n": i} for i in range(7)])
    assert transport.counters.sent == 7 and [len(r) for r in serve.requests if len(r) <= 2] == [1, 2, 2, 2]


def test_401_is_not_lost_the_events_wait_for_a_fixed_token(stand_in, tmp_path):
    serve = stand_in(lambda lines: (401, {"error": "missing or wrong bearer token"}))
    bridge = ClawLoopBridge(url=serve.url, token="wrong", run_id="r", spool_dir=str(tmp_path))
    drive(bridge, RUN[:1])
    assert bridge.counters["pending"] == 6 and bridge.counters["sent"] == 0
