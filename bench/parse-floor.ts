/**
 * The floor of a file sink's replay: Node reading the run and JSON.parse of every line, nothing else. Run as a fresh
 * process (like the replay it is compared with); prints { seconds, lines }.
 *
 *   node --import tsx bench/parse-floor.ts <run.ndjson>
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const started = performance.now();
let lines = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line) JSON.parse(line);
  lines += 1;
}
process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, lines }) + '\n');
