/**
 * The generator: schema/ + templates/ → generated/. Pure: returns the files, TypeScript formatted with the project's
 * Prettier settings (format.ts); only the driver (scripts/gen.ts) writes.
 * Upstream versions that shape the output are pinned in package.json (json-schema-to-typescript, ajv, handlebars).
 */
import type { GeneratedFile } from './files.js';
import { formatGenerated } from './format.js';
import { loadDerived, loadSpecs } from './mapping-model.js';
import { generateBackend } from './plugins/backend.js';
import { generateDerived } from './plugins/derived.js';
import { generateMappingsDoc } from './plugins/docs.js';
import { generateTypes } from './plugins/types.js';
import { generateValidators } from './plugins/validators.js';
import { loadSchemaModel } from './schema-model.js';
import { templateRenderer } from './templates.js';

export { GenError } from './schema-model.js';
export type { GeneratedFile } from './files.js';

export interface GenerateOptions {
  /**
   * Project whose templates/ and mapping meta-schema (schema/backends/mapping.schema.json) are used (default: `root`).
   * Tests run fixture schemas through the real templates this way.
   */
  toolRoot?: string;
}

/** Runs every plugin over the project at `root`. Throws GenError naming file, pointer, backend, event and field on bad input. */
export async function generate(root: string, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const model = loadSchemaModel(root);
  const derived = loadDerived(root);
  const specs = loadSpecs(root, model, derived, options.toolRoot ?? root);
  const render = templateRenderer(options.toolRoot ?? root);
  const files: GeneratedFile[] = [
    await generateTypes(model),
    ...generateValidators(model, render),
    generateDerived(model, derived, render),
    ...specs.flatMap((spec) => generateBackend(model, spec, render)),
    generateMappingsDoc(
      model,
      specs.filter((s) => s.kind === 'backend'),
      render,
    ),
  ];
  return (await formatGenerated(files)).sort((a, b) => a.path.localeCompare(b.path));
}
