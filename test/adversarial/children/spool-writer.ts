/**
 * Child of the kill -9 test. `write`: a hub with a spool and a slow sink; emits events of random size (up to 2 MB, so
 * a kill often lands inside a write) and prints `acked <id>` once emit() returned (the event is in the spool).
 * `drain`: a fast sink; delivers what is pending and prints the close report. Either way the sink appends
 * `<id> ok|ALTERED` per delivered event to the ids file (ALTERED: its content is not what the id says it must be).
 */
import { appendFileSync, writeSync } from 'node:fs';
import type { CanonicalEvent, EpisodeEvent } from '../../../generated/types.gen.js';
import { Hub } from '../../../src/core/hub.js';
import { episodeEvent } from '../../helpers/events.js';

const [dir, run, idsFile, mode] = process.argv.slice(2);

const content = (id: string, length: number) => `${id}:`.repeat(Math.ceil(length / (id.length + 1))).slice(0, length);

const sink = {
  name: 'backend',
  async handle(batch: readonly CanonicalEvent[]) {
    if (mode === 'write') await new Promise((r) => setTimeout(r, 15));
    const lines = (batch as EpisodeEvent[]).map((e) => {
      const id = e.episode.id;
      const length = Number(id.split('-L')[1]);
      return `${id} ${e.episode.messages![0].content === content(id, length) ? 'ok' : 'ALTERED'}\n`;
    });
    appendFileSync(idsFile, lines.join(''));
  },
  async flush() {},
  async close() {},
};

const hub = new Hub([sink], {
  queueSize: 64,
  batchSize: 16,
  spool: { dir, segmentBytes: 4 * 1024 * 1024 },
  onWarning: (line) => process.stderr.write(`${line}\n`),
});
writeSync(1, `ready ${JSON.stringify(hub.spoolPendingAtStart())}\n`);

if (mode === 'drain') {
  const report = await hub.close({ timeoutMs: 120_000 });
  writeSync(1, `report ${JSON.stringify(report.sinks.backend)}\n`);
  process.exit(0);
}

for (let j = 0; ; j += 1) {
  const length = j % 4 === 3 ? 500_000 + Math.floor(Math.random() * 1_500_000) : 10 + Math.floor(Math.random() * 2000);
  const id = `r${run}-e${j}-L${length}`;
  const event = episodeEvent(j, `run-${run}`);
  event.episode.id = id;
  event.episode.messages![0].content = content(id, length);
  hub.emit(event);
  writeSync(1, `acked ${id}\n`);
  if (j % 8 === 7) await new Promise((r) => setTimeout(r, 1));
}
