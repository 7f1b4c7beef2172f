/**
 * The request recorder's duplicate check (used by `pnpm bench --done-means`): a request whose path and body an earlier
 * one carried is a resend; two of them alive at the backend at the same time is what must never happen. Checked
 * against a loopback server that answers slowly, with a client that sends the same body twice at once, once after.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlappingDuplicates, startRequestRecorder } from '../../bench/request-recorder.js';

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => setTimeout(() => res.end('ok'), 100));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('overlappingDuplicates', () => {
  it('tells a resend after the first ended from two identical requests alive together', async () => {
    const recorder = await startRequestRecorder(url);
    const post = (body: string) => fetch(`${recorder.url}/v1/traces`, { method: 'POST', body }).then((r) => r.text());
    await post('batch-a');
    await post('batch-a'); // a retry after the first attempt ended: allowed
    await Promise.all([post('batch-b'), post('batch-b')]); // the same batch twice at once: never allowed
    await post('batch-c');
    await recorder.close();
    const { resent, overlapping } = overlappingDuplicates(recorder.log);
    expect(recorder.log).toHaveLength(5);
    expect(resent).toBe(2);
    expect(overlapping).toHaveLength(1);
    expect(overlapping[0][0].digest).toBe(overlapping[0][1].digest);
  });
});
