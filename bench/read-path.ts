/**
 * The read path alone against its floor, in one process: Node's readline + JSON.parse of every line (the floor of
 * bench/parse-floor.ts), our line reader (reads, input limits, decoding), and openSource (all of that plus parsing,
 * NaN / Infinity, validation with the generated validators and the quarantine). Each is run `--passes` times after
 * one warm-up pass, interleaved; prints the median milliseconds of each and the ratios to the floor. No sink, no hub:
 * what a replay costs beyond this is mapping and delivery (bench/sink-profile.ts shows where).
 *
 *   pnpm exec tsx bench/read-path.ts <events.ndjson> [--passes 5]
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { readLines } from '../src/sources/lines.js';
import { openSource } from '../src/sources/open-source.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { passes: { type: 'string', default: '5' } } });
const input = positionals[0];
if (!input) throw new Error('usage: bench/read-path.ts <events.ndjson> [--passes 5]');

const ways: Record<string, () => Promise<number>> = {
  'readline + JSON.parse (floor)': async () => {
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
      if (line) JSON.parse(line);
      n += 1;
    }
    return n;
  },
  'readLines (reads, limits, decoding)': async () => {
    let n = 0;
    for await (const line of readLines(input)) if ('text' in line) n += 1;
    return n;
  },
  'openSource (+ parse, validation, quarantine)': async () => {
    let n = 0;
    for await (const event of openSource(input, { onProblem: () => {} })) if (event.type) n += 1;
    return n;
  },
};

const times = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
for (let pass = 0; pass <= Number(values.passes); pass += 1) {
  for (const [name, run] of Object.entries(ways)) {
    const started = performance.now();
    await run();
    if (pass > 0) times.get(name)!.push(performance.now() - started);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const floor = median(times.get('readline + JSON.parse (floor)')!);
for (const [name, xs] of times) {
  process.stdout.write(`${name.padEnd(46)} ${median(xs).toFixed(0).padStart(5)} ms  ×${(median(xs) / floor).toFixed(2)} of the floor\n`);
}
