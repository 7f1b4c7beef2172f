/**
 * Golden tests of the generator: fixture schemas run through the real templates; every emitted file is compared
 * with a real file under test/golden/<scenario>/ (reviewable TypeScript, not snapshot blobs). `pnpm test:update` accepts changes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/gen/index.js';
import { ROOT } from '../helpers/paths.js';

const scenarios = [
  { name: 'minimal', description: 'root target, keyed map, derived values, array scope filtered by a field' },
  { name: 'nested', description: 'array scope inside a nullable array, and a backend that ignores a whole event' },
];

describe('pnpm gen output', () => {
  it.each(scenarios)('$name: $description', async ({ name }) => {
    const files = await generate(join(ROOT, 'test', 'fixtures', 'gen', name), { toolRoot: ROOT });
    expect(files.map((f) => f.path)).toContain('generated/types.gen.ts');
    for (const file of files) {
      await expect(file.content).toMatchFileSnapshot(join(ROOT, 'test', 'golden', name, file.path));
    }
  });

  it('is deterministic: two runs give identical bytes', async () => {
    const [a, b] = await Promise.all([generate(ROOT), generate(ROOT)]);
    expect(a).toEqual(b);
  });
});
