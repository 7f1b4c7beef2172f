/**
 * Reward signals as Phoenix span annotations on the episode's root span (POST /v1/span_annotations?sync=true).
 * Annotator kind by signal source (user → HUMAN, judge → LLM, environment signals → CODE), a pass/fail label from
 * the sign, an explanation naming the signal and its confidence; identifier "clawloop" makes a re-send an update.
 * Phoenix answers 404 while the span is not ingested yet: those are retried here, then handed back to the hub.
 */
import type { EpisodeEvent } from '../../../generated/types.gen.js';
import { requestSignal } from '../../core/call-signal.js';
import { isRetryableStatus, parseRetryAfter, SinkError } from '../../core/errors.js';
import type { Fields } from '../../core/mapping-runtime.js';
import { EXECUTION_MIN_CONFIDENCE } from '../../core/rewards.js';
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

function kindOf(signal: string): SpanAnnotation['annotator_kind'] {
  if (signal === 'user') return 'HUMAN';
  if (signal === 'judge') return 'LLM';
  return 'CODE';
}

function labelOf(score: number): string | undefined {
  return score > 0 ? 'pass' : score < 0 ? 'fail' : undefined;
}

/** The annotations of one episode, from the mapped `annotations` fields (value per name) and the event (confidences). */
export function episodeAnnotations(event: EpisodeEvent, fields: Fields): SpanAnnotation[] {
  const spanId = episodeSpanIds(event.run_id, event.episode.id).root;
  const signals = event.episode.summary.signals;
  const out: SpanAnnotation[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'number') continue;
    const signal = signals[name];
    const explanation = signal
      ? `${name} signal ${value} with confidence ${signal.confidence}${name === 'execution' && signal.confidence < EXECUTION_MIN_CONFIDENCE ? ` (below ${EXECUTION_MIN_CONFIDENCE}: not used for the effective reward)` : ''}`
      : `effective reward ${value} by ClawLoop's priority: user > outcome > execution (confidence ≥ ${EXECUTION_MIN_CONFIDENCE}) > judge; signals: ${Object.keys(signals).join(', ') || 'none (neutral 0)'}`;
    const label = labelOf(value);
    out.push({
      span_id: spanId,
      name,
      annotator_kind: signal ? kindOf(name) : 'CODE',
      result: { score: value, ...(label ? { label } : {}), explanation },
      metadata: { run_id: event.run_id, iteration: event.iteration, episode_id: event.episode.id, ...(signal ? { confidence: signal.confidence } : {}) },
      identifier: ANNOTATION_IDENTIFIER,
    });
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Posts annotations. `async` (the default) lets Phoenix queue them: an annotation whose span is not ingested yet is
 * retried by Phoenix itself (every 10 s, for 10 minutes in the version tested), so a send never waits on ingestion.
 * `sync` asks Phoenix to confirm, waiting out the race (404) up to `raceMs` here, then lets the hub retry.
 */
export async function postAnnotations(config: PhoenixConfig, annotations: SpanAnnotation[], mode: 'async' | 'sync' = 'async', signal?: AbortSignal, raceMs = 20_000): Promise<void> {
  if (annotations.length === 0) return;
  const deadline = Date.now() + raceMs;
  for (let wait = 100; ; wait = Math.min(2000, wait * 2)) {
    if (signal?.aborted) throw signal.reason;
    let res: Response;
    try {
      res = await fetch(`${config.endpoint}/v1/span_annotations?sync=${mode === 'sync'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...config.headers },
        body: JSON.stringify({ data: annotations }),
        signal: requestSignal(config.timeoutMs, signal),
      });
    } catch (error) {
      throw new SinkError(`phoenix annotations: ${(error as Error).message}`, { retryable: true, cause: error });
    }
    if (res.ok) return;
    const text = (await res.text()).slice(0, 300);
    if (mode === 'sync' && res.status === 404 && Date.now() + wait < deadline) {
      await sleep(wait);
      continue;
    }
    throw new SinkError(`phoenix annotations: HTTP ${res.status}: ${text}`, {
      retryable: res.status === 404 || isRetryableStatus(res.status),
      status: res.status,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    });
  }
}
