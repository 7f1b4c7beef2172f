/**
 * Reward signals as Phoenix span annotations on the episode's root span (POST /v1/span_annotations?sync=true).
 * Annotator kind by signal source (user → HUMAN, judge → LLM, environment signals → CODE), a pass/fail label from
 * the sign, an explanation naming the signal and its confidence; identifier "clawloop" makes a re-send an update.
 * Phoenix answers 404 while the span is not ingested yet: the hub's worker retries those (no retry loop here).
 */
import type { EpisodeEvent } from '../../../generated/types.gen.js';
import { httpText } from '../../core/http.js';
import { fieldEntries, type Fields } from '../../core/mapping-runtime.js';
import {
  countsForEffectiveReward,
  EFFECTIVE_REWARD_RULE,
  EXECUTION_MIN_CONFIDENCE,
  signalSource,
  type SignalSource,
} from '../../core/rewards.js';
import { episodeSpanIds } from '../../otlp/spans.js';
import type { PhoenixConfig } from './config.js';

export const ANNOTATION_IDENTIFIER = 'clawloop';

export interface SpanAnnotation {
  span_id: string;
  name: string;
  annotator_kind: 'HUMAN' | 'LLM' | 'CODE';
  result: { score: number; label?: string; explanation: string };
  metadata: Record<string, unknown>;
  identifier: string;
}

/** Phoenix's annotator kind of each signal source. */
const ANNOTATOR_KIND: Record<SignalSource, SpanAnnotation['annotator_kind']> = { human: 'HUMAN', llm: 'LLM', code: 'CODE' };

function labelOf(score: number): string | undefined {
  return score > 0 ? 'pass' : score < 0 ? 'fail' : undefined;
}

/** The annotations of one episode, from the mapped `annotations` fields (value per name) and the event (confidences). */
export function episodeAnnotations(event: EpisodeEvent, fields: Fields): SpanAnnotation[] {
  const spanId = episodeSpanIds(event.run_id, event.episode.id).root;
  const signals = event.episode.summary.signals;
  const out: SpanAnnotation[] = [];
  for (const [name, value] of fieldEntries(fields)) {
    if (typeof value !== 'number') continue;
    const signal = signals[name];
    const explanation = signal
      ? `${name} signal ${value} with confidence ${signal.confidence}${countsForEffectiveReward(name, signal.confidence) ? '' : ` (below ${EXECUTION_MIN_CONFIDENCE}: not used for the effective reward)`}`
      : `effective reward ${value} by ClawLoop's priority: ${EFFECTIVE_REWARD_RULE}; signals: ${Object.keys(signals).join(', ') || 'none (neutral 0)'}`;
    const label = labelOf(value);
    out.push({
      span_id: spanId,
      name,
      annotator_kind: signal ? ANNOTATOR_KIND[signalSource(name)] : 'CODE',
      result: { score: value, ...(label ? { label } : {}), explanation },
      metadata: {
        run_id: event.run_id,
        iteration: event.iteration,
        episode_id: event.episode.id,
        ...(signal ? { confidence: signal.confidence } : {}),
      },
      identifier: ANNOTATION_IDENTIFIER,
    });
  }
  return out;
}

/**
 * Posts annotations. `async` (the default) lets Phoenix queue them: an annotation whose span is not ingested yet is
 * retried by Phoenix itself (every 10 s, for 10 minutes in the version tested), so a send never waits on ingestion.
 * `sync` asks Phoenix to confirm; a 404 (the span is still being ingested) is back-pressure the hub's worker retries,
 * the spans of the batch with it (they carry the same ids, so Phoenix keeps one copy).
 */
export async function postAnnotations(
  config: PhoenixConfig,
  annotations: SpanAnnotation[],
  mode: 'async' | 'sync' = 'async',
  signal?: AbortSignal,
): Promise<void> {
  if (annotations.length === 0) return;
  await httpText({
    what: 'phoenix annotations',
    url: `${config.endpoint}/v1/span_annotations?sync=${mode === 'sync'}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...config.headers },
    body: JSON.stringify({ data: annotations }),
    timeoutMs: config.timeoutMs,
    signal,
    classify: (status) => (status === 404 ? 'busy' : undefined),
  });
}
