/**
 * An OpenTelemetry Collector with the core components a shared trace pipeline needs (OTLP receiver, batch processor,
 * OTLP/HTTP exporter), built from the Go module proxy with the Collector's own builder (ocb) into .cache/backends/bin.
 * Used to prove the Collector settings the README gives (training machines → Collector → backend).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One Collector release for every component (the builder and the core modules move together). */
export const OTELCOL_VERSION = 'v0.165.0';

export function otelcolBinary(cacheDir: string): string {
  return join(cacheDir, 'bin', `otelcol-clawloop-${OTELCOL_VERSION}`);
}

export function installOtelcol(cacheDir: string, log: (line: string) => void): string {
  const binary = otelcolBinary(cacheDir);
  if (existsSync(binary)) return binary;
  const work = resolve(cacheDir, 'build', 'otelcol');
  mkdirSync(work, { recursive: true });
  mkdirSync(join(cacheDir, 'bin'), { recursive: true });
  const components = (kind: string, modules: string[]) =>
    [`${kind}:`, ...modules.map((m) => `  - gomod: go.opentelemetry.io/collector/${m} ${OTELCOL_VERSION}`)].join('\n');
  writeFileSync(
    join(work, 'builder.yaml'),
    [
      'dist:',
      '  name: otelcol-clawloop',
      '  description: OpenTelemetry Collector (core components) for the clawloop-sinks integration tests',
      `  output_path: ${join(work, 'dist')}`,
      components('receivers', ['receiver/otlpreceiver']),
      components('processors', ['processor/batchprocessor']),
      components('exporters', ['exporter/otlphttpexporter']),
      '',
    ].join('\n'),
  );
  log(`building the OpenTelemetry Collector ${OTELCOL_VERSION} with go (first time only; a few minutes)…`);
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
  execFileSync('go', ['run', `go.opentelemetry.io/collector/cmd/builder@${OTELCOL_VERSION}`, '--config', 'builder.yaml'], {
    cwd: work,
    env,
    stdio: 'inherit',
  });
  copyFileSync(join(work, 'dist', 'otelcol-clawloop'), binary);
  return binary;
}
