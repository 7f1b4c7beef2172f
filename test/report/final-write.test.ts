/**
 * The report's last write: the hub flushes a sink right before it closes it, and a page written since the last event of
 * a finished run is the final page already (written once); a run without run.finished still gets its final page, which
 * says it was not finished, and a failed flush is written again at close.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { createReportSink } from '../../src/transports/report/index.js';

const started = { type: 'run.started', run_id: 'run-1', started_at: 1_700_000_000, source: 'events' } as unknown as CanonicalEvent;
const finished = { type: 'run.finished', run_id: 'run-1', finished_at: 1_700_000_100, status: 'completed' } as unknown as CanonicalEvent;

async function flushThenClose(events: CanonicalEvent[]) {
  const sink = createReportSink({ out: join(mkdtempSync(join(tmpdir(), 'report-final-')), 'report.html') });
  const signal = new AbortController().signal;
  await sink.handle(events, { signal });
  await sink.flush().catch(() => {});
  return { sink, close: () => sink.close() };
}

describe('report final write', () => {
  it('writes a finished run once when the flush just before close already wrote it', async () => {
    const { sink, close } = await flushThenClose([started, finished]);
    await close();
    expect(sink.transport.writes).toBe(1);
    expect(readFileSync(sink.out, 'utf8')).toContain('status completed');
  });

  it('writes the final page of a run that never finished: not "in progress"', async () => {
    const { sink, close } = await flushThenClose([started]);
    await close();
    expect(sink.transport.writes).toBe(2);
    const page = readFileSync(sink.out, 'utf8');
    const header = /<p class="sub">(.*?)<\/p>/.exec(page)?.[1];
    expect(header).toContain('not finished when this report was written');
    expect(header).not.toContain('in progress');
  });

  it('writes at close when the flush failed', async () => {
    const { sink, close } = await flushThenClose([started, finished]);
    expect(sink.transport.writes).toBe(1);
    await sink.handle([finished], { signal: new AbortController().signal });
    // A folder where the page goes: the rename onto it fails, for root too.
    rmSync(sink.out);
    mkdirSync(sink.out);
    await expect(sink.flush()).rejects.toThrow();
    rmdirSync(sink.out);
    await close();
    expect(sink.transport.writes).toBe(2);
    expect(readFileSync(sink.out, 'utf8')).toContain('status completed');
  });
});
