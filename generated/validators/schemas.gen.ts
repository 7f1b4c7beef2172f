// @generated from schema/events/defs.schema.json + schema/events/episode.schema.json + schema/events/evolution.schema.json + schema/events/iteration.schema.json + schema/events/run-finished.schema.json + schema/events/run-started.schema.json + schema/sources/archive-episode.schema.json + schema/sources/archive-iteration.schema.json + schema/sources/archive-run.schema.json + schema/sources/archive-variant.schema.json + schema/sources/callback-line.schema.json + schema/sources/evolution-line.schema.json + schema/sources/experiment-line.schema.json — DO NOT EDIT. Run: pnpm gen
/** Every event and source schema with the shared definitions, by name (refs as `#/$defs/<Name>`). */
export const SCHEMA_DEFS: Readonly<Record<string, { readonly [keyword: string]: unknown }>> = {
  ToolCall: {
    type: 'object',
    description: 'One tool call made by the assistant (clawloop.core.episode.ToolCall).',
    required: ['id', 'name', 'arguments'],
    properties: {
      id: {
        type: 'string',
        default: '',
        description: 'Tool call id, unique within the episode ("" when the client gave none, as ClawLoop\'s parse_tool_calls).',
      },
      name: {
        type: 'string',
        default: '',
        description: 'Tool name.',
      },
      arguments: {
        type: 'string',
        default: '{}',
        description: 'Arguments as a JSON string (may be invalid JSON); an object is written back as JSON text.',
      },
      result: {
        type: ['string', 'null'],
        description: 'Tool result as written by the environment.',
      },
      success: {
        type: ['boolean', 'null'],
        description: 'Whether the tool call succeeded.',
      },
      latency_ms: {
        type: ['number', 'null'],
        minimum: 0,
        description: 'Tool latency in milliseconds.',
      },
      error: {
        type: ['string', 'null'],
        description: 'Error text of a failed call.',
      },
    },
  },
  TokenLogProb: {
    type: 'object',
    description: 'Log probability of one generated token (clawloop.core.episode.TokenLogProb).',
    required: ['token', 'logprob'],
    properties: {
      token: {
        type: 'string',
        default: '',
      },
      token_id: {
        type: ['integer', 'null'],
      },
      logprob: {
        type: 'number',
        default: 0,
      },
      top_logprobs: {
        description:
          "Alternatives: ClawLoop declares dict[str, float] (token → logprob, as its LiteLLM client builds it); a client's raw list is accepted too.",
        anyOf: [
          {
            type: 'object',
            additionalProperties: {
              type: 'number',
            },
          },
          {
            type: 'array',
          },
          {
            type: 'null',
          },
        ],
      },
    },
  },
  ContentPart: {
    type: 'object',
    description:
      'One part of a multi-part message content (OpenAI chat format, as live mode passes it through): `text`, `image_url`, `input_audio`, `file`, ….',
    required: ['type'],
    properties: {
      type: {
        type: 'string',
        description: 'Part kind.',
      },
      text: {
        type: 'string',
        description: 'Text of a `text` part.',
      },
    },
  },
  Message: {
    type: 'object',
    description:
      "One chat message (clawloop.core.episode.Message). Live mode (clawloop.wrap(), EpisodeCollector.ingest) passes the client's messages through: content may be null (an assistant turn that only calls tools) or a list of content parts, and role may be `developer`.",
    required: ['role', 'content'],
    properties: {
      role: {
        enum: ['system', 'developer', 'user', 'assistant', 'tool', 'function'],
        default: 'user',
        description: 'Chat role; another value is replaced by "user" (ClawLoop\'s own default for a message without role) and reported.',
      },
      content: {
        description: 'Message text, null, or a list of content parts.',
        anyOf: [
          {
            type: 'string',
          },
          {
            type: 'null',
          },
          {
            type: 'array',
            items: {
              $ref: '#/$defs/ContentPart',
            },
          },
        ],
      },
      name: {
        type: ['string', 'null'],
        description: 'Tool name on tool messages.',
      },
      tool_calls: {
        type: ['array', 'null'],
        items: {
          $ref: '#/$defs/ToolCall',
        },
        description: 'Tool calls made in an assistant message.',
      },
      tool_call_id: {
        type: ['string', 'null'],
        description: 'On tool messages: the call this answers.',
      },
      timestamp: {
        type: ['number', 'null'],
        description: 'Unix epoch seconds.',
      },
      token_count: {
        type: ['integer', 'null'],
        minimum: 0,
        description: 'Tokens in this message.',
      },
      model: {
        type: ['string', 'null'],
        description: 'Model that wrote an assistant message.',
      },
      logprobs: {
        type: ['array', 'null'],
        items: {
          $ref: '#/$defs/TokenLogProb',
        },
      },
      reasoning_content: {
        type: ['string', 'null'],
        description: 'Reasoning text, when the model exposes it.',
      },
    },
  },
  StepMeta: {
    type: 'object',
    description: 'Per-step environment feedback (clawloop.core.episode.StepMeta).',
    required: ['t', 'reward', 'done', 'timing_ms', 'info'],
    properties: {
      t: {
        type: 'integer',
        minimum: 0,
        description: 'Step index.',
      },
      reward: {
        type: 'number',
        description: 'Step reward (non-zero usually only on the terminal step).',
      },
      done: {
        type: 'boolean',
        description: 'Terminal step.',
      },
      timing_ms: {
        type: 'number',
        minimum: 0,
        description: 'Step duration in milliseconds.',
      },
      info: {
        type: 'object',
        additionalProperties: true,
        default: {},
        description: 'Free-form environment info.',
      },
    },
  },
  RewardSignal: {
    type: 'object',
    description:
      'One reward signal (clawloop.core.reward.RewardSignal, which clamps value to [-1, 1] and confidence to [0, 1]: so is a value out of range here).',
    required: ['value', 'confidence'],
    properties: {
      name: {
        type: 'string',
        description: 'Signal name (user, outcome, execution, judge, ...); the map key repeats it.',
      },
      value: {
        type: 'number',
        minimum: -1,
        maximum: 1,
        description: 'Signal value in [-1, 1].',
      },
      confidence: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'Confidence in [0, 1].',
      },
    },
  },
  TokenUsage: {
    type: 'object',
    description: 'Token usage of an episode (clawloop.core.episode.TokenUsage; each count defaults to 0).',
    required: ['prompt_tokens', 'completion_tokens', 'total_tokens'],
    properties: {
      prompt_tokens: {
        type: 'integer',
        minimum: 0,
        default: 0,
      },
      completion_tokens: {
        type: 'integer',
        minimum: 0,
        default: 0,
      },
      total_tokens: {
        type: 'integer',
        minimum: 0,
        default: 0,
      },
    },
  },
  Timing: {
    type: 'object',
    description: 'Wall time of an episode (clawloop.core.episode.Timing). An archive summary has total_ms only.',
    required: ['total_ms'],
    properties: {
      total_ms: {
        type: 'number',
        minimum: 0,
        default: 0,
      },
      per_step_ms: {
        type: 'array',
        items: {
          type: 'number',
          minimum: 0,
        },
      },
    },
  },
  EpisodeSummary: {
    type: 'object',
    description:
      'Reward signals and accounting of an episode (clawloop.core.episode.EpisodeSummary, written attribute by attribute: it is not a dataclass).',
    default: {
      signals: {},
    },
    required: ['signals'],
    properties: {
      signals: {
        type: 'object',
        default: {},
        additionalProperties: {
          $ref: '#/$defs/RewardSignal',
        },
        description: 'Reward signals by name.',
      },
      score_breakdown: {
        type: ['object', 'null'],
        additionalProperties: true,
        description: 'Environment-specific score components.',
      },
      token_usage: {
        oneOf: [
          {
            $ref: '#/$defs/TokenUsage',
          },
          {
            type: 'null',
          },
        ],
      },
      timing: {
        oneOf: [
          {
            $ref: '#/$defs/Timing',
          },
          {
            type: 'null',
          },
        ],
      },
      filtered: {
        type: 'boolean',
        default: false,
        description: 'Excluded from learning by a filter (absent when the source does not say, as the archive).',
      },
      scored_at_generation: {
        type: ['integer', 'null'],
        description: 'Playbook generation the episode was scored at.',
      },
    },
  },
  EpisodeMetadata: {
    type: 'object',
    description: 'Episode.metadata: a free-form bag; the keys ClawLoop itself reads are typed.',
    additionalProperties: true,
    properties: {
      harness_version: {
        type: 'string',
        description: 'Harness version the episode ran with.',
      },
      error: {
        type: ['string', 'null'],
        description: 'Why the episode failed (experiment.jsonl collects it per task).',
      },
    },
  },
  Episode: {
    type: 'object',
    description:
      "One ClawLoop episode (clawloop.core.episode.Episode via dataclasses.asdict). An episode known only from the archive (EpisodeRecord) is a summary: no messages, steps or state id, with the archive's step and tool-call counts instead.",
    required: ['id', 'task_id', 'bench', 'summary'],
    properties: {
      id: {
        type: 'string',
        minLength: 1,
        description: 'Episode id.',
      },
      state_id: {
        type: 'string',
        description: 'Combined state hash the episode ran under.',
      },
      task_id: {
        type: 'string',
        default: '',
        description: 'Task id.',
      },
      bench: {
        type: 'string',
        default: 'unknown',
        description: 'Benchmark / environment name ("unknown" is learning_loop\'s default).',
      },
      messages: {
        type: 'array',
        items: {
          $ref: '#/$defs/Message',
        },
        description: 'The conversation; absent on an archive summary.',
      },
      step_boundaries: {
        type: 'array',
        items: {
          type: 'integer',
          minimum: 0,
        },
        description: 'Index of the first message of each step.',
      },
      steps: {
        type: 'array',
        items: {
          $ref: '#/$defs/StepMeta',
        },
      },
      summary: {
        $ref: '#/$defs/EpisodeSummary',
      },
      session_id: {
        type: 'string',
        description: 'Conversation / session id.',
      },
      model: {
        type: ['string', 'null'],
        description: 'Model name.',
      },
      created_at: {
        type: ['number', 'null'],
        description: 'Unix epoch seconds.',
      },
      metadata: {
        $ref: '#/$defs/EpisodeMetadata',
        description: 'Free-form metadata (harness_version, error, ...).',
      },
      n_steps: {
        type: 'integer',
        minimum: 0,
        description: "Steps, from the archive's EpisodeRecord when `steps` is absent.",
      },
      n_tool_calls: {
        type: 'integer',
        minimum: 0,
        description: "Tool calls, from the archive's EpisodeRecord when `messages` is absent.",
      },
      messages_ref: {
        type: ['string', 'null'],
        description: 'Where the archive says the messages are (`traces/<id>.json`; ClawLoop does not write that file).',
      },
    },
  },
  StateID: {
    type: 'object',
    description: 'Layer state hashes (clawloop.core.state.StateID).',
    required: ['harness_hash', 'router_hash', 'weights_hash', 'combined_hash'],
    properties: {
      harness_hash: {
        type: 'string',
        minLength: 1,
      },
      router_hash: {
        type: 'string',
        minLength: 1,
      },
      weights_hash: {
        type: 'string',
        minLength: 1,
      },
      combined_hash: {
        type: 'string',
        minLength: 1,
      },
      created_at: {
        type: 'number',
        description: 'Unix epoch seconds.',
      },
    },
  },
  PlaybookEntry: {
    type: 'object',
    description:
      'One playbook entry as PlaybookEntry.to_dict() writes it (learning_layers/harness.py): the embedding fields only when an embedding is set.',
    required: ['id', 'content', 'helpful', 'harmful', 'tags'],
    properties: {
      id: {
        type: 'string',
        minLength: 1,
      },
      content: {
        type: 'string',
        default: '',
      },
      helpful: {
        type: 'integer',
        minimum: 0,
        default: 0,
      },
      harmful: {
        type: 'integer',
        minimum: 0,
        default: 0,
      },
      tags: {
        type: 'array',
        default: [],
        items: {
          type: 'string',
        },
      },
      source_episode_ids: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      name: {
        type: 'string',
      },
      description: {
        type: 'string',
      },
      anti_patterns: {
        type: 'string',
      },
      category: {
        type: 'string',
      },
      created_at: {
        type: 'number',
      },
      last_activated: {
        type: 'number',
      },
      generation: {
        type: 'integer',
        minimum: 0,
      },
      decay_rate: {
        type: 'number',
        minimum: 0,
      },
      superseded_by: {
        type: ['string', 'null'],
      },
      embedding: {
        type: ['array', 'null'],
        items: {
          type: 'number',
        },
        description: 'list[float] | None (to_dict leaves it out when None; a plain dataclass dump writes null).',
      },
      embedding_model_id: {
        type: ['string', 'null'],
      },
      embedding_updated_at: {
        type: ['number', 'null'],
      },
    },
  },
  Playbook: {
    type: 'object',
    description: 'Playbook.to_dict().',
    required: ['entries'],
    properties: {
      entries: {
        type: 'array',
        default: [],
        items: {
          $ref: '#/$defs/PlaybookEntry',
        },
      },
    },
  },
  SignalValue: {
    type: 'object',
    description: 'A reward signal as experiment.jsonl and archive records write it (no name).',
    required: ['value', 'confidence'],
    properties: {
      value: {
        type: 'number',
        minimum: -1,
        maximum: 1,
      },
      confidence: {
        type: 'number',
        minimum: 0,
        maximum: 1,
      },
    },
  },
  TaskRollout: {
    type: 'object',
    required: ['reward', 'error', 'signals'],
    properties: {
      reward: {
        type: 'number',
      },
      error: {
        type: ['string', 'null'],
      },
      signals: {
        type: 'object',
        default: {},
        additionalProperties: {
          $ref: '#/$defs/SignalValue',
        },
      },
    },
  },
  TaskStats: {
    type: 'object',
    description:
      'Per-task statistics of one iteration (experiment.jsonl per_task). ClawLoop before 2026-04-19 wrote only reward, signals and error.',
    required: ['signals', 'error'],
    properties: {
      reward: {
        type: 'number',
        description: 'Mean raw reward.',
      },
      signals: {
        type: 'object',
        default: {},
        additionalProperties: {
          $ref: '#/$defs/SignalValue',
        },
        description: 'Signals of the latest rollout.',
      },
      error: {
        type: ['string', 'null'],
        description: 'First error.',
      },
      n_rollouts: {
        type: 'integer',
        minimum: 0,
      },
      reward_mean: {
        type: 'number',
      },
      reward_min: {
        type: 'number',
      },
      reward_max: {
        type: 'number',
      },
      rewards: {
        type: 'array',
        items: {
          type: 'number',
        },
      },
      errors: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      rollouts: {
        type: 'array',
        items: {
          $ref: '#/$defs/TaskRollout',
        },
      },
    },
  },
  FbResult: {
    type: 'object',
    description: "A layer's forward_backward result as experiment.jsonl writes it (clawloop.core.types.FBResult).",
    required: ['status', 'metrics'],
    properties: {
      status: {
        type: 'string',
        default: 'ok',
        description: 'ok, error or skipped (FBResult.status is a str).',
      },
      metrics: {
        type: 'object',
        additionalProperties: true,
        default: {},
        description: 'Layer metrics; keys differ by layer and backend.',
      },
    },
  },
  FbResults: {
    type: 'object',
    description: 'forward_backward results of the active layers.',
    properties: {
      harness: {
        $ref: '#/$defs/FbResult',
      },
      router: {
        $ref: '#/$defs/FbResult',
      },
      weights: {
        $ref: '#/$defs/FbResult',
      },
    },
  },
  PlaybookEntrySummary: {
    type: 'object',
    description: 'A playbook entry as experiment.jsonl writes it (content truncated to 200 characters).',
    required: ['id', 'content', 'helpful', 'harmful', 'tags'],
    properties: {
      id: {
        type: 'string',
        minLength: 1,
      },
      content: {
        type: 'string',
        default: '',
      },
      helpful: {
        type: 'integer',
        minimum: 0,
        default: 0,
      },
      harmful: {
        type: 'integer',
        minimum: 0,
        default: 0,
      },
      tags: {
        type: 'array',
        default: [],
        items: {
          type: 'string',
        },
      },
    },
  },
  EvolutionAction: {
    type: 'string',
    description: "What the evolver did: reflect, mutate or paradigm_shift (learning_loop's names; a newer one passes through).",
  },
  EpisodeEvent: {
    title: 'EpisodeEvent',
    description:
      'One ClawLoop Episode collected in an iteration: full (from the bridge or the after_iteration dump) or a summary from the archive (no messages).',
    type: 'object',
    required: ['type', 'run_id', 'iteration', 'episode'],
    properties: {
      type: {
        const: 'episode',
      },
      run_id: {
        type: 'string',
        minLength: 1,
      },
      iteration: {
        type: 'integer',
        minimum: 0,
        description: '0-based iteration the episode was collected in.',
      },
      episode: {
        $ref: '#/$defs/Episode',
      },
    },
  },
  EvolutionEvent: {
    title: 'EvolutionEvent',
    description:
      'What the evolver changed in an iteration (an evolution.jsonl entry, clawloop/core/evolution_log.py EvolutionEntry.to_dict; written only when something changed).',
    type: 'object',
    required: ['type', 'run_id', 'iteration', 'timestamp'],
    properties: {
      type: {
        const: 'evolution',
      },
      run_id: {
        type: 'string',
        minLength: 1,
      },
      iteration: {
        type: 'integer',
        minimum: 0,
      },
      timestamp: {
        type: 'number',
      },
      state_hash_before: {
        type: 'string',
      },
      state_hash_after: {
        type: 'string',
      },
      actions: {
        type: 'array',
        minItems: 1,
        items: {
          $ref: '#/$defs/EvolutionAction',
        },
      },
      reward_before: {
        type: 'number',
      },
      reward_after: {
        type: 'number',
      },
      reward_delta: {
        type: 'number',
      },
      backend: {
        type: 'string',
        description: 'Evolver backend: local, none, or a cloud name.',
      },
    },
  },
  IterationEvent: {
    title: 'IterationEvent',
    description:
      'One learning iteration: everything an experiment.jsonl line carries, plus the full playbook and state hashes when the source has them. Only identity and time are required: a value ClawLoop could not write (NaN) is dropped, never the iteration.',
    type: 'object',
    required: ['type', 'run_id', 'iteration', 'timestamp'],
    properties: {
      type: {
        const: 'iteration',
      },
      run_id: {
        type: 'string',
        minLength: 1,
      },
      iteration: {
        type: 'integer',
        minimum: 0,
      },
      timestamp: {
        type: 'number',
        description: 'Unix epoch seconds.',
      },
      n_episodes: {
        type: 'integer',
        minimum: 0,
      },
      avg_reward: {
        type: 'number',
        description: 'Mean raw reward (EpisodeSummary.total_reward = normalized_reward()); 0.0 when there were no episodes.',
      },
      min_reward: {
        type: 'number',
      },
      max_reward: {
        type: 'number',
      },
      per_task: {
        type: 'object',
        additionalProperties: {
          $ref: '#/$defs/TaskStats',
        },
        description: 'Statistics by task id.',
      },
      fb_results: {
        $ref: '#/$defs/FbResults',
      },
      playbook_size: {
        type: 'integer',
        minimum: 0,
      },
      playbook_entries: {
        type: 'array',
        items: {
          $ref: '#/$defs/PlaybookEntrySummary',
        },
        description: "experiment.jsonl's short form of the playbook.",
      },
      playbook: {
        $ref: '#/$defs/Playbook',
        description: 'Full playbook after the iteration (bridge or archive variant).',
      },
      playbook_version: {
        type: 'integer',
        minimum: 0,
      },
      playbook_generation: {
        type: 'integer',
        minimum: 0,
      },
      state_id: {
        $ref: '#/$defs/StateID',
        description: 'State after the iteration.',
      },
      harness_snapshot_hash: {
        type: 'string',
        description: "Archive iteration record's harness hash.",
      },
      tinker_checkpoints: {
        type: 'array',
        description: 'Tinker weight-backend checkpoints.',
      },
      tinker_model_id: {
        type: ['string', 'null'],
      },
      tinker_durable_paths: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
    },
  },
  RunFinishedEvent: {
    title: 'RunFinishedEvent',
    description: "A ClawLoop run ended (archive run_complete, the bridge's finish(), or the end of a replayed file).",
    type: 'object',
    required: ['type', 'run_id', 'finished_at', 'status'],
    properties: {
      type: {
        const: 'run.finished',
      },
      run_id: {
        type: 'string',
        minLength: 1,
      },
      finished_at: {
        type: 'number',
        description: 'Unix epoch seconds.',
      },
      status: {
        type: 'string',
        description: "completed or failed (the bridge's finish(status=...)); another value passes through.",
      },
      best_reward: {
        type: 'number',
      },
      improvement_delta: {
        type: 'number',
      },
      total_cost_tokens: {
        type: 'integer',
        minimum: 0,
      },
      n_iterations_completed: {
        type: 'integer',
        minimum: 0,
      },
      error: {
        type: 'string',
      },
    },
  },
  RunStartedEvent: {
    title: 'RunStartedEvent',
    description:
      "A ClawLoop run began. From the archive's run_start record, the bridge's first callback, or synthesized by a reader from the output directory.",
    type: 'object',
    required: ['type', 'run_id', 'started_at', 'source'],
    properties: {
      type: {
        const: 'run.started',
      },
      run_id: {
        type: 'string',
        minLength: 1,
        description: 'ClawLoop run id (archive run_id, or given / derived from the output directory).',
      },
      started_at: {
        type: 'number',
        description: 'Unix epoch seconds.',
      },
      source: {
        type: 'string',
        description: "What produced the events: a file path, 'bridge' or 'serve'.",
        default: 'unknown',
      },
      bench: {
        type: 'string',
        description: 'Benchmark / environment name.',
      },
      domain_tags: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      n_iterations: {
        type: 'integer',
        minimum: 0,
        description: 'Planned iterations.',
      },
      config_hash: {
        type: 'string',
        description: 'Hash of the agent config (archive run_start).',
      },
      parent_run_id: {
        type: ['string', 'null'],
        description: 'Run this one was forked from.',
      },
      agent_config: {
        type: 'object',
        additionalProperties: true,
        description: 'Initial agent config: system_prompts, playbook, router (archive run_start).',
      },
      config: {
        type: 'object',
        additionalProperties: true,
        description: 'User-supplied run configuration (bridge or CLI).',
      },
      tags: {
        type: 'array',
        items: {
          type: 'string',
        },
        description: 'User-supplied tags.',
      },
    },
  },
  ArchiveEpisodeRecord: {
    title: 'ArchiveEpisodeRecord',
    description:
      'A line of <archive>/<run_id>/episodes.jsonl (clawloop/archive/schema.py EpisodeRecord.to_dict, written by core/archive_recorder.py): a summary of an episode, without messages.',
    type: 'object',
    required: ['record_type', 'run_id', 'iteration_num', 'episode_id', 'task_id', 'bench'],
    properties: {
      _schema: {
        type: 'integer',
        description: 'Archive record format version (1).',
      },
      record_type: {
        const: 'episode',
      },
      run_id: {
        type: 'string',
        minLength: 1,
      },
      iteration_num: {
        type: 'integer',
        minimum: 0,
      },
      episode_id: {
        type: 'string',
        minLength: 1,
      },
      task_id: {
        type: 'string',
        default: '',
      },
      bench: {
        type: 'string',
        default: 'unknown',
      },
      model: {
        type: 'string',
        description: 'Episode model ("" when none).',
      },
      reward: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'normalized_reward() in [0, 1] (0.5 when there are no signals).',
      },
      signals: {
        type: 'object',
        additionalProperties: {
          $ref: '#/$defs/SignalValue',
        },
        default: {},
      },
      n_steps: {
        type: 'integer',
        minimum: 0,
      },
      n_tool_calls: {
        type: 'integer',
        minimum: 0,
      },
      token_usage: {
        oneOf: [
          {
            $ref: '#/$defs/TokenUsage',
          },
          {
            type: 'object',
            maxProperties: 0,
          },
        ],
      },
      latency_ms: {
        type: 'number',
        minimum: 0,
        description: 'Episode wall time (Timing.total_ms, as an integer).',
      },
      messages_ref: {
        type: ['string', 'null'],
      },
      created_at: {
        type: 'number',
      },
    },
  },
  ArchiveIterationRecord: {
    title: 'ArchiveIterationRecord',
    description: 'A line of <archive>/iterations.jsonl (clawloop/archive/schema.py IterationRecord.to_dict).',
    type: 'object',
    required: ['record_type', 'run_id', 'iteration_num'],
    properties: {
      _schema: {
        type: 'integer',
        description: 'Archive record format version (1).',
      },
      record_type: {
        const: 'iteration',
      },
      run_id: {
        type: 'string',
        minLength: 1,
      },
      iteration_num: {
        type: 'integer',
        minimum: 0,
      },
      harness_snapshot_hash: {
        type: 'string',
      },
      mean_reward: {
        type: 'number',
      },
      reward_trajectory: {
        type: 'array',
        items: {
          type: 'number',
        },
      },
      evolver_action: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: true,
        },
        description: 'Metrics of each layer whose forward_backward was ok.',
      },
      cost_tokens: {
        type: 'integer',
        minimum: 0,
      },
      parent_variant_hash: {
        type: ['string', 'null'],
      },
      child_variant_hash: {
        type: ['string', 'null'],
      },
      reward_delta: {
        type: 'number',
      },
      created_at: {
        type: 'number',
      },
    },
  },
  ArchiveRunRecord: {
    title: 'ArchiveRunRecord',
    description: 'A line of <archive>/runs.jsonl: run_start (RunRecord.to_dict) or run_complete (clawloop/archive/jsonl_store.py).',
    oneOf: [
      {
        title: 'ArchiveRunStart',
        type: 'object',
        required: ['record_type', 'run_id', 'bench', 'created_at'],
        properties: {
          _schema: {
            type: 'integer',
            description: 'Archive record format version (1).',
          },
          record_type: {
            const: 'run_start',
          },
          run_id: {
            type: 'string',
            minLength: 1,
          },
          bench: {
            type: 'string',
            default: 'unknown',
          },
          domain_tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          agent_config: {
            type: 'object',
            additionalProperties: true,
          },
          config_hash: {
            type: 'string',
          },
          n_iterations: {
            type: 'integer',
            minimum: 0,
          },
          best_reward: {
            type: 'number',
          },
          improvement_delta: {
            type: 'number',
          },
          total_cost_tokens: {
            type: 'integer',
            minimum: 0,
          },
          parent_run_id: {
            type: ['string', 'null'],
          },
          created_at: {
            type: 'number',
          },
          completed_at: {
            type: ['number', 'null'],
          },
        },
      },
      {
        title: 'ArchiveRunComplete',
        type: 'object',
        required: ['record_type', 'run_id', 'completed_at'],
        properties: {
          _schema: {
            type: 'integer',
            description: 'Archive record format version (1).',
          },
          record_type: {
            const: 'run_complete',
          },
          run_id: {
            type: 'string',
            minLength: 1,
          },
          best_reward: {
            type: 'number',
          },
          improvement_delta: {
            type: 'number',
          },
          total_cost_tokens: {
            type: 'integer',
            minimum: 0,
          },
          completed_at: {
            type: 'number',
          },
        },
      },
    ],
  },
  ArchiveVariantRecord: {
    title: 'ArchiveVariantRecord',
    description:
      "A line of <archive>/variants.jsonl (clawloop/archive/schema.py AgentVariant.to_dict): the agent config a variant hash stands for. playbook_snapshot is {} when the harness is not ClawLoop's Harness (core/archive_recorder.py).",
    type: 'object',
    required: ['record_type', 'variant_hash'],
    properties: {
      _schema: {
        type: 'integer',
        description: 'Archive record format version (1).',
      },
      record_type: {
        const: 'variant',
      },
      variant_hash: {
        type: 'string',
        minLength: 1,
      },
      system_prompt: {
        type: 'string',
      },
      playbook_snapshot: {
        anyOf: [
          {
            $ref: '#/$defs/Playbook',
          },
          {
            type: 'object',
            maxProperties: 0,
          },
        ],
        description: 'Playbook.to_dict(), or {} without a Harness.',
      },
      model: {
        type: 'string',
      },
      tools: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
      first_seen_run_id: {
        type: 'string',
      },
      created_at: {
        type: 'number',
      },
    },
  },
  CallbackLine: {
    title: 'CallbackLine',
    description:
      "One line per iteration as an after_iteration(iteration, agent_state, episodes) callback sees it: state hashes, full playbook and full episodes (the sample's episodes.ndjson).",
    type: 'object',
    required: ['iteration', 'episodes'],
    properties: {
      iteration: {
        type: 'integer',
        minimum: 0,
      },
      state_id: {
        $ref: '#/$defs/StateID',
      },
      playbook: {
        $ref: '#/$defs/Playbook',
      },
      playbook_version: {
        type: 'integer',
        minimum: 0,
      },
      playbook_generation: {
        type: 'integer',
        minimum: 0,
      },
      effective_scores: {
        type: 'object',
        additionalProperties: {
          type: 'number',
        },
      },
      episodes: {
        type: 'array',
        items: {
          $ref: '#/$defs/Episode',
        },
        default: [],
      },
    },
  },
  EvolutionLine: {
    title: 'EvolutionLine',
    description: 'One line of <output_dir>/evolution.jsonl (clawloop/core/evolution_log.py EvolutionEntry.to_dict).',
    type: 'object',
    required: ['iteration', 'timestamp'],
    properties: {
      iteration: {
        type: 'integer',
        minimum: 0,
      },
      timestamp: {
        type: 'number',
      },
      state_hash_before: {
        type: 'string',
      },
      state_hash_after: {
        type: 'string',
      },
      actions: {
        type: 'array',
        minItems: 1,
        items: {
          $ref: '#/$defs/EvolutionAction',
        },
      },
      reward_before: {
        type: 'number',
      },
      reward_after: {
        type: 'number',
      },
      reward_delta: {
        type: 'number',
      },
      backend: {
        type: 'string',
      },
    },
  },
  ExperimentLine: {
    title: 'ExperimentLine',
    description:
      'One line of <output_dir>/experiment.jsonl (clawloop/core/loop.py ExperimentLog.log_iteration; before 2026-04-19 per_task entries held only reward, signals and error).',
    type: 'object',
    required: ['iteration', 'timestamp'],
    properties: {
      iteration: {
        type: 'integer',
        minimum: 0,
      },
      timestamp: {
        type: 'number',
      },
      n_episodes: {
        type: 'integer',
        minimum: 0,
      },
      avg_reward: {
        type: 'number',
      },
      min_reward: {
        type: 'number',
      },
      max_reward: {
        type: 'number',
      },
      per_task: {
        type: 'object',
        additionalProperties: {
          $ref: '#/$defs/TaskStats',
        },
      },
      fb_results: {
        $ref: '#/$defs/FbResults',
      },
      playbook_size: {
        type: 'integer',
        minimum: 0,
      },
      playbook_entries: {
        type: 'array',
        items: {
          $ref: '#/$defs/PlaybookEntrySummary',
        },
      },
      tinker_checkpoints: {
        type: 'array',
      },
      tinker_model_id: {
        type: ['string', 'null'],
      },
      tinker_durable_paths: {
        type: 'array',
        items: {
          type: 'string',
        },
      },
    },
  },
};

/** The definition in SCHEMA_DEFS that each canonical event type is checked against. */
export const EVENT_SCHEMA_NAMES = {
  episode: 'EpisodeEvent',
  evolution: 'EvolutionEvent',
  iteration: 'IterationEvent',
  'run.finished': 'RunFinishedEvent',
  'run.started': 'RunStartedEvent',
} as const;
