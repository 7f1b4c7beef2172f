/**
 * Jaeger v2 (an OTLP trace backend no one here wrote), built from the Go module proxy into .cache/backends/bin.
 * `go install …/cmd/jaeger@v` refuses modules with replace directives, so a two-line wrapper module carries Jaeger's
 * one replace (sarama) and `go build`s the same command.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Jaeger v2.x is published under the module's v1 tags. */
export const JAEGER_MODULE_VERSION = 'v1.76.0';

export function jaegerBinary(cacheDir: string): string {
  return join(cacheDir, 'bin', `jaeger-${JAEGER_MODULE_VERSION}`);
}

export function installJaeger(cacheDir: string, log: (line: string) => void): string {
  const binary = jaegerBinary(cacheDir);
  if (existsSync(binary)) return binary;
  const work = join(cacheDir, 'build', 'jaeger');
  mkdirSync(work, { recursive: true });
  writeFileSync(
    join(work, 'go.mod'),
    `module clawloopsinks/jaegerbuild\n\ngo 1.25\n\nrequire github.com/jaegertracing/jaeger ${JAEGER_MODULE_VERSION}\n\nreplace github.com/Shopify/sarama => github.com/Shopify/sarama v1.33.0\n`,
  );
  writeFileSync(join(work, 'tools.go'), '//go:build tools\n\npackage tools\n\nimport _ "github.com/jaegertracing/jaeger/cmd/jaeger"\n');
  log(`building Jaeger ${JAEGER_MODULE_VERSION} with go (first time only; a few minutes)…`);
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
  execFileSync('go', ['mod', 'tidy'], { cwd: work, env, stdio: 'inherit' });
  execFileSync('go', ['build', '-trimpath', '-o', binary, 'github.com/jaegertracing/jaeger/cmd/jaeger'], {
    cwd: work,
    env,
    stdio: 'inherit',
  });
  return binary;
}
