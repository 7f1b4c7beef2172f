/**
 * A backend's ingest ceiling for our exact bytes: the requests a sink sent (captured by the request recorder) are sent
 * again, in the same order, to a fresh backend as fast as it accepts them — `concurrency` requests in flight, a busy
 * answer (429 / 503) retried after a short pause — with no span building, no hub and no sink in the way.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface CapturedRequest {
  method: string;
  path: string;
  contentType?: string;
  body: Buffer;
}

/** Reads a capture file written by startRequestRecorder({ capture }). */
export function readCapture(file: string): CapturedRequest[] {
  const data = readFileSync(file);
  const out: CapturedRequest[] = [];
  for (let pos = 0; pos < data.length;) {
    const newline = data.indexOf(10, pos);
    const header = JSON.parse(data.subarray(pos, newline).toString('utf8')) as Omit<CapturedRequest, 'body'> & { bytes: number };
    out.push({ ...header, body: data.subarray(newline + 1, newline + 1 + header.bytes) });
    pos = newline + 1 + header.bytes;
  }
  return out;
}

export interface CeilingRun {
  concurrency: number;
  requests: number;
  bytes: number;
  /** Until the backend accepted the last request. */
  seconds: number;
  busyAnswers: number;
}

function send(agent: Agent, target: URL, r: CapturedRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: r.method,
        path: r.path,
        headers: { 'content-length': r.body.length, ...(r.contentType ? { 'content-type': r.contentType } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

export async function replayCapture(requests: readonly CapturedRequest[], target: string, concurrency: number): Promise<CeilingRun> {
  const url = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let busyAnswers = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++];
      for (;;) {
        const status = await send(agent, url, r);
        if (status >= 200 && status < 300) break;
        // Busy, or (Phoenix) an annotation whose span is still being ingested: sent again shortly, as the sink does.
        const notYet = status === 404 && !r.path.startsWith('/v1/traces');
        if (status !== 429 && status !== 503 && !notYet) throw new Error(`${r.method} ${r.path}: HTTP ${status}`);
        busyAnswers += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { concurrency, requests: requests.length, bytes: requests.reduce((n, r) => n + r.body.length, 0), seconds, busyAnswers };
}
