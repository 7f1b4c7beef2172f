#!/usr/bin/env node
// The `clawloop-sinks` command. An installed package runs the compiled CLI (dist/). A source checkout runs the
// TypeScript sources through tsx (a devDependency), so the command works right after `pnpm install` with no build
// and never runs a stale dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);

async function load() {
  if (existsSync(source)) {
    try {
      const { register } = await import('tsx/esm/api');
      register();
      return import(source.href);
    } catch (error) {
      if (!existsSync(compiled)) {
        process.stderr.write(
          `clawloop-sinks: this checkout has no build and tsx did not load (${error.message}); run \`pnpm install\` (or \`pnpm build\`)\n`,
        );
        process.exit(1);
      }
    }
  }
  return import(compiled.href);
}

const { main } = await load();
process.exit(await main(process.argv));
