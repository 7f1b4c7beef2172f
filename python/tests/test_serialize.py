"""ClawLoop objects as canonical JSON: their own to_dict() where they have one, dataclass fields, EpisodeSummary's
attributes; non-finite floats kept as Python writes them."""

import dataclasses
import json

from clawloop_sinks.serialize import episode_to_dict, plain, to_json_line

from conftest import FIXTURES, fake_clawloop, iterations


def test_an_episode_of_a_real_run_serializes_to_exactly_what_clawloop_wrote():
    dump = [json.loads(line) for line in (FIXTURES / "normal" / "episodes.ndjson").read_text().splitlines()]
    for (_, _, episodes), line in zip(iterations(), dump):
        assert [episode_to_dict(e) for e in episodes] == line["episodes"]


def test_live_mode_episodes_keep_null_content_content_parts_developer_role_and_logprob_dicts():
    episodes = [e for _, _, batch in iterations("live/episodes.ndjson") for e in batch]
    messages = [m for e in episodes for m in episode_to_dict(e)["messages"]]
    assert any(m["role"] == "developer" for m in messages)
    assert any(m["content"] is None for m in messages)
    assert any(isinstance(m["content"], list) for m in messages)
    assert any(isinstance(lp["top_logprobs"], dict) for m in messages for lp in (m["logprobs"] or []))


def test_playbook_entries_go_through_their_own_to_dict_which_leaves_out_an_unset_embedding():
    entry = fake_clawloop.PlaybookEntry(id="str-00000001", content="x")
    assert "embedding" not in plain(entry)
    entry.embedding = [0.1, 0.2]
    assert plain(entry)["embedding"] == [0.1, 0.2] and "embedding_model_id" in plain(entry)
    assert plain(fake_clawloop.Playbook([entry])) == {"entries": [entry.to_dict()]}


def test_episode_summary_is_its_attributes_without_the_total_reward_property():
    summary = fake_clawloop.EpisodeSummary(total_reward=1.0, filtered=True)
    summary.scored_at_generation = 3
    out = plain(summary)
    assert out["signals"]["outcome"] == {"name": "outcome", "value": 1.0, "confidence": 1.0}
    assert out["filtered"] is True and out["scored_at_generation"] == 3
    assert "total_reward" not in out


def test_non_finite_numbers_are_written_as_python_writes_them():
    line = to_json_line({"type": "iteration", "fb_results": {"harness": {"metrics": {"loss": float("nan")}}}})
    assert '"loss":NaN' in line and line.endswith("\n")


def test_frozen_and_plain_dataclasses_alike():
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: float
        y: float

    assert plain([Point(1, 2), {"k": (Point(3, 4),)}]) == [{"x": 1, "y": 2}, {"k": [{"x": 3, "y": 4}]}]
