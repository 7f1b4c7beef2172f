/**
 * generated/validators/: ahead-of-time ajv validators for every event and source schema, plus a typed wrapper.
 * The standalone code is plain JS (ajv's output); validators.gen.ts types it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { header, type GeneratedFile } from '../files.js';
import type { Render } from '../templates.js';
import type { SchemaModel } from '../schema-model.js';

const standaloneCode = ((standalone as unknown as { default?: typeof standalone }).default ?? standalone) as unknown as (
  ajv: InstanceType<typeof Ajv2020>,
  refs: Record<string, string>,
) => string;

export function generateValidators(model: SchemaModel, render: Render): GeneratedFile[] {
  // allErrors: a failed oneOf branch then reports its discriminator mismatch too, so describeErrors can pick the right branch.
  const ajv = new Ajv2020({ code: { source: true, esm: true, lines: true }, allErrors: true, strict: true });
  ajv.addSchema(model.bundle);
  const all = [
    ...model.events.map((e) => ({ ...e, kind: 'event' as const })),
    ...model.sources.map((s) => ({ ...s, kind: 'source' as const })),
  ];
  const refs = Object.fromEntries(all.map((s) => [`validate${s.typeName}`, `clawloop-sinks.bundle.json#/$defs/${s.typeName}`]));
  let code = standaloneCode(ajv, refs);
  // ajv's ESM output still require()s its runtime helpers; turn those into imports so the file is real ESM.
  const imports: string[] = [];
  code = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, (_match, name: string, module: string) => {
    imports.push(`import ${name}Module from '${module}.js';`);
    return `const ${name} = ${name}Module.default ?? ${name}Module;`;
  });
  code = code.replace(/^"use strict";\n/, '');
  const inputs = [model.defs.path, ...all.map((s) => s.path)];
  const js = `${header(inputs, 'ajv standalone')}${imports.join('\n')}\n${code}\n`;
  const dts =
    header(inputs, 'ajv standalone') +
    `import type { ValidateFunction } from 'ajv';\n` +
    all.map((s) => `export declare const validate${s.typeName}: ValidateFunction;`).join('\n') +
    '\n';
  const wrapper = render('validators.ts.hbs', {
    header: header(inputs, 'templates/validators.ts.hbs').trimEnd(),
    events: model.events.map((e) => ({ eventType: e.eventType, typeName: e.typeName })),
    sources: model.sources.map((s) => ({ typeName: s.typeName, path: s.path })),
    typeNames: all.map((s) => s.typeName).join(', '),
  });
  // The schemas themselves, for the runtime's field-level quarantine and pass-through of unknown fields
  // (src/core/schema-walk.ts): which fields are required, nullable, defaulted, and where open objects begin.
  const bundle =
    header(inputs, undefined) +
    `/** Every event and source schema with the shared definitions, by name (refs as \`#/$defs/<Name>\`). */\n` +
    `export const SCHEMA_DEFS: Readonly<Record<string, { readonly [keyword: string]: unknown }>> = ${JSON.stringify((model.bundle as { $defs: unknown }).$defs, null, 2)};\n\n` +
    `/** The definition in SCHEMA_DEFS that each canonical event type is checked against. */\n` +
    `export const EVENT_SCHEMA_NAMES = {\n${model.events.map((e) => `  '${e.eventType}': '${e.typeName}',`).join('\n')}\n} as const;\n`;
  return [
    { path: 'generated/validators/schemas.gen.ts', content: bundle },
    { path: 'generated/validators/standalone.gen.js', content: js },
    { path: 'generated/validators/standalone.gen.d.ts', content: dts },
    { path: 'generated/validators.gen.ts', content: wrapper },
  ];
}
