/**
 * Change-only artifact uploads. Each iteration run gets its own files, except those whose content equals what an
 * earlier iteration run already holds (the playbook often stays the same): those are not uploaded again, and the run
 * says where the snapshot lives. One tag per file records both, so a replay (or a restart) finds what is stored:
 *
 *   clawloop.artifact.playbook.json = "sha256:1a2b3c4d5e6f7a8b"                                       (stored in this run)
 *   clawloop.artifact.playbook.json = "sha256:1a2b3c4d5e6f7a8b, unchanged since iteration-3: runs:/<run id>/playbook.json"
 *
 * (`runs:/<run id>/<path>` is MLflow's own artifact URI, which its clients download directly.)
 */
import { createHash } from 'node:crypto';
import type { MlflowKeys } from '../../../generated/mlflow/mapping.gen.js';
import type { KeyValue, RunData } from './client.js';

/** Where a file's bytes are: the iteration run that stored them. */
export interface Holder {
  iteration: number;
  runId: string;
}

export interface StoredFile {
  hash: string;
  holder: Holder;
}

/** What one run needs for its files: uploads, and the tags to set (after the uploads succeeded). */
export interface ArtifactPlan {
  upload: Array<{ file: string; content: string }>;
  tags: KeyValue[];
}

/** The tag naming where `file` lives (declared in the spec as iteration.tags / run.tags `clawloop.artifact.{key}`). */
export const artifactTagKey = (file: string) =>
  `clawloop.artifact.${file}` as const satisfies MlflowKeys['iteration.tags'] & MlflowKeys['run.tags'];

/** First 16 hex digits of the content's SHA-256: enough to tell snapshots of one run apart. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

export function artifactTagValue(file: string, stored: StoredFile, runId: string): string {
  const hash = `sha256:${stored.hash}`;
  return stored.holder.runId === runId
    ? hash
    : `${hash}, unchanged since iteration-${stored.holder.iteration}: runs:/${stored.holder.runId}/${file}`;
}

const TAG_VALUE = /^sha256:([0-9a-f]{16})(?:, unchanged since iteration-(\d+): runs:\/([^/\s]+)\/)?/;

/** Reads what a run's tags say about its files (file → hash and holder); files without a tag are absent. */
export function storedFiles(run: RunData, iteration: number): Map<string, StoredFile> {
  const out = new Map<string, StoredFile>();
  const prefix = artifactTagKey('');
  for (const tag of run.data.tags ?? []) {
    if (!tag.key.startsWith(prefix)) continue;
    const match = TAG_VALUE.exec(tag.value);
    if (!match) continue;
    const holder = match[3] ? { iteration: Number(match[2]), runId: match[3] } : { iteration, runId: run.info.run_id };
    out.set(tag.key.slice(prefix.length), { hash: match[1], holder });
  }
  return out;
}

/**
 * Per ClawLoop run: the last stored version of each file, in iteration order. Decisions are made in order (before
 * the uploads run side by side), so iteration N + 1 compares with iteration N's content even while N is uploading.
 */
export class ArtifactLedger {
  private readonly latest = new Map<string, StoredFile>();

  /**
   * @param earlier the stored files of the nearest earlier iteration run that records `file`, for a process that
   *   starts in the middle of a run (a restart, a second replay): it continues from what the server holds.
   */
  plan(iteration: number, run: RunData, files: Record<string, string>, earlier: (file: string) => StoredFile | undefined): ArtifactPlan {
    const runId = run.info.run_id;
    const recorded = storedFiles(run, iteration);
    const plan: ArtifactPlan = { upload: [], tags: [] };
    for (const [file, content] of Object.entries(files)) {
      const hash = contentHash(content);
      const already = recorded.get(file);
      if (already?.hash === hash) {
        // Stored (or pointed to) by an earlier process: nothing to send.
        this.latest.set(file, already);
        continue;
      }
      const previous = this.latest.get(file) ?? earlier(file);
      const unchanged = previous !== undefined && previous.hash === hash && previous.holder.iteration !== iteration;
      const stored: StoredFile = unchanged ? previous : { hash, holder: { iteration, runId } };
      if (!unchanged) plan.upload.push({ file, content });
      plan.tags.push({ key: artifactTagKey(file), value: artifactTagValue(file, stored, runId) });
      this.latest.set(file, stored);
    }
    return plan;
  }
}
