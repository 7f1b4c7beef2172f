/**
 * Episodes as MLflow traces: the span tree the mlflow spec inherits from otel.mapping.json (mapped by mlflow's own
 * generated adapter) through the shared OTLP pipeline (src/otlp/), exported over OTLP/protobuf to the tracking
 * server's /v1/traces with `x-mlflow-experiment-id`, then reward signals as feedback assessments on the trace (created
 * once per name: a re-sent episode does not add a second assessment). One request asks which of a batch's
 * traces the server already holds and with which assessments; stored traces are not exported again, and the missing
 * assessments (MLflow creates them one per request) go out side by side.
 */
import type { MlflowEpisode } from '../../../generated/mlflow/adapter.gen.js';
import type { MlflowFields } from '../../../generated/mlflow/mapping.gen.js';
import type { EpisodeEvent } from '../../../generated/types.gen.js';
import { fieldEntries } from '../../core/mapping-runtime.js';
import { EFFECTIVE_REWARD_RULE, signalSource, type SignalSource } from '../../core/rewards.js';
import { resolveOtlpConfig } from '../../otlp/config.js';
import { OtlpPipeline } from '../../otlp/pipeline.js';
import { episodeSpanIds } from '../../otlp/spans.js';
import type { MlflowClient } from './client.js';
import { AssessmentQueue, type QueuedAssessment } from './assessment-queue.js';
import { settleAll } from './settle.js';

export const ASSESSMENT_SOURCE_ID = 'clawloop';

/** MLflow's assessment source type of each signal source (the effective reward is computed: CODE). */
const SOURCE_TYPE: Record<SignalSource, 'HUMAN' | 'LLM_JUDGE' | 'CODE'> = { human: 'HUMAN', llm: 'LLM_JUDGE', code: 'CODE' };

interface TraceInfo {
  trace_id: string;
  state?: string;
  assessments?: Array<{ assessment_name: string; source?: { source_id?: string } }>;
}

/** One assessment's request. The transport's own client, not the hub call's: the request outlives the call that queued it. */
function postAssessment(client: MlflowClient, traceId: string, body: unknown): () => Promise<unknown> {
  return () => client.call('POST', `/api/3.0/mlflow/traces/${traceId}/assessments`, body);
}

/** Whether the trace holds our assessment `name` (asked after a post that got no answer; see assessment-queue.ts). */
function assessmentStored(client: MlflowClient, experimentId: string, traceId: string, name: string): () => Promise<boolean> {
  return async () => {
    const body = await client.call<{ trace_infos?: TraceInfo[] }>('POST', '/api/3.0/mlflow/traces/batchGetInfos', {
      trace_ids: [traceId],
      experiment_ids: [experimentId],
    });
    return (body.trace_infos ?? []).some((info) =>
      (info.assessments ?? []).some((a) => a.assessment_name === name && a.source?.source_id === ASSESSMENT_SOURCE_ID),
    );
  };
}

/** Trace ids per batchGetInfos request. */
const INFO_BATCH = 100;

export class MlflowTraces {
  private readonly assessments = new AssessmentQueue();

  private constructor(
    private readonly client: MlflowClient,
    private readonly experimentId: string,
    private readonly pipeline: OtlpPipeline,
  ) {}

  static async create(client: MlflowClient, experimentId: string, name: string, env: NodeJS.ProcessEnv): Promise<MlflowTraces> {
    const otlp = resolveOtlpConfig({
      env,
      url: `${client.config.baseUrl}/v1/traces`,
      headers: { ...client.config.headers, 'x-mlflow-experiment-id': experimentId },
      protocol: 'http/protobuf',
      timeoutMs: client.config.timeoutMs,
    });
    return new MlflowTraces(client, experimentId, await OtlpPipeline.create({ sink: name, config: otlp }));
  }

  /** MLflow's id of the trace an episode becomes ("tr-" + the OTLP trace id). */
  static traceId(event: EpisodeEvent): string {
    return `tr-${episodeSpanIds(event.run_id, event.episode.id).traceId}`;
  }

  async send(client: MlflowClient, episodes: readonly MlflowEpisode[], what: string): Promise<void> {
    const stored = await this.storedTraces(
      client,
      episodes.map(({ event }) => MlflowTraces.traceId(event)),
    );
    // A trace whose root span arrived is complete (OK or ERROR); one still IN_PROGRESS is sent again.
    const missing = episodes.filter(({ event }) => {
      const state = stored.get(MlflowTraces.traceId(event))?.state;
      return state === undefined || state === 'IN_PROGRESS' || state === 'STATE_UNSPECIFIED';
    });
    await this.pipeline.export(this.pipeline.spans(missing), undefined, `${what} traces`);
    // The traces are stored: their assessments go out behind them (see assessment-queue.ts).
    this.assessments.add(
      episodes.flatMap(({ event, assessments }) => this.assess(event, assessments, stored.get(MlflowTraces.traceId(event)))),
    );
    await this.assessments.waitBelow(undefined, undefined, client.signal);
  }

  /** Waits until every queued assessment is stored. */
  async flush(): Promise<void> {
    await this.assessments.drain();
  }

  /** The batch's traces this experiment holds, with their assessments (one request per 100 ids). */
  private async storedTraces(client: MlflowClient, ids: readonly string[]): Promise<Map<string, TraceInfo>> {
    const out = new Map<string, TraceInfo>();
    const requests: Array<Promise<void>> = [];
    for (let i = 0; i < ids.length; i += INFO_BATCH) {
      requests.push(
        client
          .call<{ trace_infos?: TraceInfo[] }>('POST', '/api/3.0/mlflow/traces/batchGetInfos', {
            trace_ids: ids.slice(i, i + INFO_BATCH),
            experiment_ids: [this.experimentId],
          })
          .then((body) => {
            for (const info of body.trace_infos ?? []) out.set(info.trace_id, info);
          }),
      );
    }
    await settleAll(requests);
    return out;
  }

  private assess(event: EpisodeEvent, fields: MlflowFields<'assessments'>, stored: TraceInfo | undefined): QueuedAssessment[] {
    if (!this.client.config.assessments) return [];
    const traceId = MlflowTraces.traceId(event);
    const existing = new Set(
      (stored?.assessments ?? []).filter((a) => a.source?.source_id === ASSESSMENT_SOURCE_ID).map((a) => a.assessment_name),
    );
    const signals = event.episode.summary.signals;
    return fieldEntries(fields)
      .filter((e): e is [string, number] => typeof e[1] === 'number' && !existing.has(e[0]))
      .map(([name, value]) => {
        const signal = signals[name];
        // The body is made now and the request built outside this scope (postAssessment), so that a queued request holds
        // the body alone: a closure made here would keep this scope, and with it the whole episode (messages and all),
        // alive until the assessment is posted.
        const body = {
          assessment: {
            assessment_name: name,
            trace_id: traceId,
            source: { source_type: SOURCE_TYPE[signalSource(name)], source_id: ASSESSMENT_SOURCE_ID },
            feedback: { value },
            rationale: signal
              ? `${name} signal ${value} with confidence ${signal.confidence}`
              : `effective reward by ClawLoop's priority: ${EFFECTIVE_REWARD_RULE}`,
            metadata: {
              run_id: event.run_id,
              iteration: String(event.iteration),
              episode_id: event.episode.id,
              ...(signal ? { confidence: String(signal.confidence) } : {}),
            },
          },
        };
        return {
          key: `${traceId}\u0000${name}`,
          post: postAssessment(this.client, traceId, body),
          stored: assessmentStored(this.client, this.experimentId, traceId, name),
        };
      });
  }

  async close(): Promise<void> {
    try {
      await this.assessments.drain();
    } finally {
      await this.pipeline.close();
    }
  }
}
