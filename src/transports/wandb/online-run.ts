/**
 * A W&B run over the API the official clients use: GraphQL `upsertBucket` (create or resume the run, config, tags),
 * `file_stream` (history rows at fixed line offsets, summary, completion with exit code) and `createRunFiles` uploads
 * (table files). Line offsets are the row's position in the run, so re-sending a run rewrites the same lines instead
 * of appending duplicates. Failures become SinkErrors (429 / 5xx retryable, Retry-After honoured) for the hub.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { safeName } from '../../core/safe-name.js';
import { SinkError } from '../../core/errors.js';
import { httpJson } from '../../core/http.js';
import type { HistoryValues, OfflineRunOptions, TableValue } from './offline-run.js';

export interface OnlineSettings {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
}

/** Online settings when the sink should talk to W&B (WANDB_MODE online, or an API key and no mode), else undefined. */
export function resolveOnline(options: {
  mode?: 'online' | 'offline';
  apiKey?: string;
  baseUrl?: string;
  env?: NodeJS.ProcessEnv;
}): OnlineSettings | undefined {
  const env = options.env ?? process.env;
  const apiKey = options.apiKey ?? env.WANDB_API_KEY;
  const mode =
    options.mode ??
    (env.WANDB_MODE === 'offline' || env.WANDB_MODE === 'dryrun'
      ? 'offline'
      : env.WANDB_MODE === 'online' || apiKey
        ? 'online'
        : 'offline');
  if (mode === 'offline') return undefined;
  if (!apiKey) throw new Error('WANDB_MODE=online needs WANDB_API_KEY');
  return { apiKey, baseUrl: (options.baseUrl ?? (env.WANDB_BASE_URL || 'https://api.wandb.ai')).replace(/\/+$/, ''), timeoutMs: 30_000 };
}

const UPSERT_BUCKET = `mutation UpsertBucket($id: String, $name: String, $project: String, $entity: String, $groupName: String, $displayName: String, $config: JSONString, $host: String, $tags: [String!]) {
  upsertBucket(input: {id: $id, name: $name, modelName: $project, entityName: $entity, groupName: $groupName, displayName: $displayName, config: $config, host: $host, tags: $tags}) {
    bucket { id name displayName historyLineCount project { id name entity { id name } } }
    inserted
  }
}`;

const VIEWER = `query Viewer { viewer { id entity } }`;

const CREATE_RUN_FILES = `mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
  createRunFiles(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) {
    runID
    uploadHeaders
    files { name uploadUrl }
  }
}`;

export class OnlineRun {
  private ready?: Promise<{ entity: string; project: string }>;
  private line = 0;
  /**
   * The history line of each step written so far: a batch the hub retries after part of it was streamed writes its
   * rows again, and each must go back to its own line (appending made a second row of the same step; found by the
   * seeded-chaos test).
   */
  private readonly lines = new Map<number, number>();
  private readonly summary: Record<string, unknown> = {};
  private readonly pendingConfig: Record<string, { value: unknown }> = {};

  constructor(
    private readonly settings: OnlineSettings,
    private readonly run: OfflineRunOptions,
  ) {}

  private get auth(): string {
    return `Basic ${Buffer.from(`api:${this.settings.apiKey}`).toString('base64')}`;
  }

  private async request(method: 'POST' | 'PUT', url: string, body: string | Buffer, contentType = 'application/json'): Promise<unknown> {
    return httpJson({
      what: `wandb ${method} ${new URL(url).pathname}`,
      url,
      method,
      headers: { authorization: this.auth, 'content-type': contentType },
      body,
      timeoutMs: this.settings.timeoutMs,
    });
  }

  private async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const result = (await this.request('POST', `${this.settings.baseUrl}/graphql`, JSON.stringify({ query, variables }))) as {
      data?: T;
      errors?: Array<{ message: string }>;
    };
    if (result.errors?.length)
      throw new SinkError(`wandb graphql: ${result.errors.map((e) => e.message).join('; ')}`, { retryable: false });
    return result.data as T;
  }

  /** Creates or resumes the run (same id → same run), once. */
  private start(): Promise<{ entity: string; project: string }> {
    this.ready ??= (async () => {
      const entity = this.run.entity ?? (await this.graphql<{ viewer: { entity: string } }>(VIEWER, {})).viewer.entity;
      const data = await this.graphql<{ upsertBucket: { bucket: { project: { name: string; entity: { name: string } } } } }>(
        UPSERT_BUCKET,
        {
          name: this.run.runId,
          project: this.run.project,
          entity,
          groupName: this.run.group,
          displayName: this.run.displayName,
          host: hostname(),
          tags: this.run.tags?.length ? this.run.tags : undefined,
          config: Object.keys(this.pendingConfig).length ? JSON.stringify(this.pendingConfig) : undefined,
        },
      );
      return { entity: data.upsertBucket.bucket.project.entity.name, project: data.upsertBucket.bucket.project.name };
    })();
    this.ready.catch(() => (this.ready = undefined));
    return this.ready;
  }

  private async stream(payload: Record<string, unknown>): Promise<void> {
    const { entity, project } = await this.start();
    const path = [entity, project, this.run.runId].map(encodeURIComponent).join('/');
    await this.request('POST', `${this.settings.baseUrl}/files/${path}/file_stream`, JSON.stringify(payload));
  }

  async config(values: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(values)) this.pendingConfig[k] = { value: v };
    if (this.ready) {
      const { entity, project } = await this.ready;
      await this.graphql(UPSERT_BUCKET, { name: this.run.runId, project, entity, config: JSON.stringify(this.pendingConfig) });
    } else await this.start();
  }

  async history(step: number, timestamp: number, values: Record<string, unknown>): Promise<void> {
    const row = {
      ...values,
      ...({ _step: step, _runtime: Math.max(0, timestamp - this.run.startedAt), _timestamp: timestamp } satisfies HistoryValues),
    };
    Object.assign(this.summary, values);
    const offset = this.lines.get(step) ?? this.line;
    await this.stream({
      files: {
        'wandb-history.jsonl': { offset, content: [JSON.stringify(row)] },
        'wandb-summary.json': { offset: 0, content: [JSON.stringify(this.summary)] },
      },
    });
    if (offset === this.line) {
      this.lines.set(step, offset);
      this.line += 1;
    }
  }

  async table(key: string, step: number, table: TableValue): Promise<Record<string, unknown>> {
    const content = JSON.stringify({ columns: table.columns, data: table.data });
    const sha256 = createHash('sha256').update(content).digest('hex');
    const path = `media/table/${key.split('/').map(safeName).join('/')}_${step}_${sha256.slice(0, 20)}.table.json`;
    const { entity, project } = await this.start();
    const created = await this.graphql<{ createRunFiles: { files: Array<{ name: string; uploadUrl: string }> } }>(CREATE_RUN_FILES, {
      entity,
      project,
      run: this.run.runId,
      files: [path],
    });
    const target = created.createRunFiles.files.find((f) => f.name === path);
    if (target?.uploadUrl) await this.request('PUT', target.uploadUrl, content);
    return { _type: 'table-file', sha256, size: Buffer.byteLength(content), path, ncols: table.columns.length, nrows: table.data.length };
  }

  async finish(exitCode: number, _endedAt: number, extra: Record<string, unknown> = {}): Promise<void> {
    Object.assign(this.summary, extra);
    await this.stream({ files: { 'wandb-summary.json': { offset: 0, content: [JSON.stringify(this.summary)] } } });
    await this.stream({ complete: true, exitcode: exitCode });
  }

  async abandon(): Promise<void> {
    if (Object.keys(this.summary).length > 0)
      await this.stream({ files: { 'wandb-summary.json': { offset: 0, content: [JSON.stringify(this.summary)] } } });
  }
}
