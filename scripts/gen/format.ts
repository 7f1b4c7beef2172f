/**
 * Formats the generated TypeScript with Prettier and the generator's own project settings (`.prettierrc.json` at the
 * project root, whatever `--root` is generated), so generated/ and the goldens read like the hand-written code and
 * `prettier --check .` covers them. Runs once over every plugin's output (plugins stay pure string builders;
 * graphql-codegen formats in its driver the same way). ajv's standalone JavaScript is left as ajv writes it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { GeneratedFile } from './files.js';
import { GenError } from './schema-model.js';

const CONFIG = fileURLToPath(new URL('../../.prettierrc.json', import.meta.url));

export async function formatGenerated(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  if (!existsSync(CONFIG)) throw new GenError(`${CONFIG} is missing: generated code is formatted with the project's Prettier settings`);
  const options = await resolveConfig(CONFIG, { config: CONFIG, editorconfig: false });
  return Promise.all(
    files.map(async (file) =>
      file.path.endsWith('.ts') ? { ...file, content: await format(file.content, { ...options, filepath: file.path }) } : file,
    ),
  );
}
