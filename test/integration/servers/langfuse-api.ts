/**
 * Reading back from a Langfuse v4 server through its public API, as a user's script would. In v4's default write mode
 * (events only) the legacy trace and score endpoints answer "not available"; observations come from
 * /api/public/v2/observations (trace name, session, tags and release ride on each observation) and scores from
 * /api/public/v3/scores. Both are eventually consistent: the worker writes to ClickHouse in the background.
 */

export interface LangfuseApi {
  url: string;
  publicKey: string;
  secretKey: string;
  /** Merges rows sent twice now instead of whenever ClickHouse gets to it (see LangfuseServer.mergeParts). */
  mergeParts?(): Promise<void>;
}

/** An observation as /api/public/v2/observations returns it with every field group. */
export interface LangfuseObservation {
  id: string;
  traceId: string | null;
  parentObservationId: string | null;
  type: string;
  name: string | null;
  startTime: string;
  endTime: string | null;
  level: string;
  statusMessage: string | null;
  version: string | null;
  environment: string | null;
  sessionId: string | null;
  userId: string | null;
  isRootObservation?: boolean;
  input: unknown;
  output: unknown;
  metadata: unknown;
  /** The model name as sent (v2 calls the provided model name `model`). */
  model: string | null;
  modelParameters: unknown;
  usageDetails: Record<string, number>;
  costDetails: Record<string, number>;
  traceName: string | null;
  tags: string[] | null;
  release: string | null;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** A score as /api/public/v3/scores returns it with the core, details and subject groups. */
export interface LangfuseScore {
  id: string;
  name: string;
  source: string;
  dataType: 'NUMERIC' | 'BOOLEAN' | 'CATEGORICAL' | 'TEXT' | 'CORRECTION';
  value: number | boolean | string;
  timestamp: string;
  environment: string;
  createdAt: string;
  updatedAt: string;
  comment?: string | null;
  metadata?: Record<string, unknown>;
  subject?: { kind: string; id: string; traceId?: string };
}

const OBSERVATION_FIELDS = 'core,basic,time,io,metadata,model,usage,trace_context';

async function get<T>(api: LangfuseApi, path: string, params: Record<string, string>): Promise<T> {
  const res = await fetch(`${api.url}${path}?${new URLSearchParams(params).toString()}`, {
    headers: { authorization: `Basic ${Buffer.from(`${api.publicKey}:${api.secretKey}`).toString('base64')}` },
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Every page of a cursor-paginated list. */
async function all<T>(api: LangfuseApi, path: string, params: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<{ data: T[]; meta: { cursor?: string } }>(api, path, { ...params, ...(cursor ? { cursor } : {}) });
    out.push(...page.data);
    cursor = page.meta.cursor;
  } while (cursor);
  return out;
}

/** Observations of one trace (or of a filter such as `{ type: 'AGENT' }`), every field group. */
export function observations(api: LangfuseApi, filter: Record<string, string>): Promise<LangfuseObservation[]> {
  return all(api, '/api/public/v2/observations', { ...filter, fields: OBSERVATION_FIELDS, limit: '1000' });
}

/** Scores matching `filter` (e.g. `{ traceId }`), with comment, metadata and subject. */
export function scores(api: LangfuseApi, filter: Record<string, string>): Promise<LangfuseScore[]> {
  return all(api, '/api/public/v3/scores', { ...filter, fields: 'core,details,subject', limit: '100' });
}

/** Polls `read` until `done` holds (Langfuse ingests in the background), returning the last result either way. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
