/**
 * Scores through Langfuse's ingestion API (POST /api/public/ingestion, `score-create` events in batches of ≤ 100).
 * Ids are derived from trace and name, so a re-sent score upserts. The 207 multi-status answer is read item by item:
 * rejected items are counted and reported; a retry is asked for only when an item failed on the server's side.
 */
import { classifyStatus, SinkError } from '../../core/errors.js';
import { httpJson } from '../../core/http.js';
import { deterministicUuid } from '../../core/ids.js';
import type { LangfuseConfig } from './config.js';

export interface ScoreBody {
  id: string;
  traceId: string;
  name: string;
  value: number;
  dataType: 'NUMERIC' | 'BOOLEAN';
  comment?: string;
  metadata?: Record<string, unknown>;
  environment?: string;
}

export interface IngestionEvent {
  id: string;
  type: 'score-create';
  timestamp: string;
  body: ScoreBody;
}

export const MAX_BATCH = 100;

export function scoreEvent(body: Omit<ScoreBody, 'id'>, timestampSeconds: number): IngestionEvent {
  const id = deterministicUuid('langfuse-score', body.traceId, body.name, String((body.metadata?.iteration as number | undefined) ?? ''));
  // The event id is derived too: a retried batch is the same batch.
  return {
    id: deterministicUuid('langfuse-event', id, body.value),
    type: 'score-create',
    timestamp: new Date(timestampSeconds * 1000).toISOString(),
    body: { id, ...body },
  };
}

export interface IngestionResult {
  accepted: number;
  rejected: Array<{ id: string; status: number; message?: string }>;
}

export async function ingest(config: LangfuseConfig, events: readonly IngestionEvent[], signal?: AbortSignal): Promise<IngestionResult> {
  const result: IngestionResult = { accepted: 0, rejected: [] };
  for (let i = 0; i < events.length; i += MAX_BATCH) {
    const batch = events.slice(i, i + MAX_BATCH);
    const body = await httpJson<{
      successes?: Array<{ id: string }>;
      errors?: Array<{ id: string; status: number; message?: string | null }>;
    }>({
      what: 'langfuse ingestion',
      url: `${config.baseUrl}/api/public/ingestion`,
      method: 'POST',
      headers: { ...config.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ batch }),
      timeoutMs: config.timeoutMs,
      signal,
    });
    result.accepted += body.successes?.length ?? 0;
    result.rejected.push(...(body.errors ?? []).map((e) => ({ id: e.id, status: e.status, message: e.message ?? undefined })));
  }
  if (result.rejected.length > 0) {
    // An item the server failed on (5xx) or was too busy for may go through on a retry; the others were refused.
    const retryable = result.rejected.some((r) => ['busy', 'outage'].includes(classifyStatus(r.status)));
    const sample = result.rejected
      .slice(0, 3)
      .map((r) => `${r.id}: ${r.status}${r.message ? ` ${r.message}` : ''}`)
      .join('; ');
    throw new SinkError(`langfuse ingestion: ${result.rejected.length} of ${events.length} items rejected (${sample})`, { retryable });
  }
  return result;
}
