/**
 * Deterministic ids: the same run, episode, step and tool call always give the same trace, span, run and score ids,
 * so a replayed or re-sent event updates what a backend has instead of duplicating it, and one episode can be found
 * under the same trace id in every trace backend.
 */
import { hash } from 'node:crypto';
import type { CanonicalEvent } from '../../generated/types.gen.js';

function digest(...parts: ReadonlyArray<string | number>): string {
  // Length-prefixed parts: ("a:b", "c") and ("a", "b:c") must not collide. Hashed in one call (the same digest as
  // feeding the parts one by one): a replay derives a few ids per span, and per-part hash updates cost more than the hash.
  let input = '';
  for (const part of parts) {
    const text = String(part);
    input += `${text.length}:${text};`;
  }
  return hash('sha256', input, 'hex');
}

/** 32 hex chars (W3C / OTLP trace id) for an episode. Never all zeros. */
export function episodeTraceId(runId: string, episodeId: string): string {
  return nonZero(digest('trace', runId, episodeId).slice(0, 32));
}

/** 32 hex chars for an iteration's trace (iteration and evolution spans). */
export function iterationTraceId(runId: string, iteration: number): string {
  return nonZero(digest('iteration-trace', runId, iteration).slice(0, 32));
}

/**
 * 16 hex chars (OTLP span id) for a span inside an episode: the root (no path), an LLM step (`['llm', messageIndex]`),
 * a tool call (`['tool', toolCallId]`).
 */
export function spanId(traceId: string, ...path: ReadonlyArray<string | number>): string {
  return nonZero(digest('span', traceId, ...path).slice(0, 16));
}

/** A UUID-shaped id (v4 layout, deterministic) for backends that want UUIDs (score ids, run ids). */
export function deterministicUuid(...parts: ReadonlyArray<string | number>): string {
  const h = digest('uuid', ...parts);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Stable identity of a canonical event: re-sending the same event gives the same key. */
export function eventKey(event: CanonicalEvent): string {
  switch (event.type) {
    case 'run.started':
      return `run.started/${event.run_id}`;
    case 'run.finished':
      return `run.finished/${event.run_id}`;
    case 'episode':
      return `episode/${event.run_id}/${event.episode.id}`;
    case 'iteration':
      return `iteration/${event.run_id}/${event.iteration}`;
    case 'evolution':
      return `evolution/${event.run_id}/${event.iteration}`;
  }
}

function nonZero(hex: string): string {
  return /^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex;
}
