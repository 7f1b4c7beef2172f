/** Headless Chromium (Debian's package; .ci/run installs it) with the network cut off, for the report's render tests. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Runs Chromium without blocking this process (a test worker must keep answering vitest while it waits). */
export function chromium(args: string[]): Promise<Buffer> {
  if (!existsSync(CHROMIUM)) throw new Error(`headless Chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    // No name resolves: the page must need nothing from the network.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`,
  ];
  const child = spawn(CHROMIUM, [...flags, ...args], { timeout: 120_000 });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  return new Promise((resolve, reject) =>
    child.on('close', (status) =>
      status === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`chromium ${args.join(' ')} failed (${status}): ${Buffer.concat(err).toString()}`)),
    ),
  );
}

/** The DOM after the page's scripts ran. */
export async function renderedDom(file: string): Promise<string> {
  return (await chromium(['--window-size=1400,1000', '--dump-dom', `file://${file}`])).toString('utf8');
}

/** A PNG of the page's top `width` × `height` pixels; returns its bytes. */
export async function screenshot(file: string, png: string, width: number, height: number): Promise<Buffer> {
  await chromium([`--window-size=${width},${height}`, `--screenshot=${png}`, `file://${file}`]);
  return readFileSync(png);
}
