/** generated/types.gen.ts: TypeScript types of every event and source schema (json-schema-to-typescript). */
import { compile } from 'json-schema-to-typescript';
import { header, type GeneratedFile } from '../files.js';
import type { SchemaModel } from '../schema-model.js';

export async function generateTypes(model: SchemaModel): Promise<GeneratedFile> {
  const compiled = await compile(model.bundle, 'ClawLoopSchemaBundle', {
    bannerComment: '',
    unreachableDefinitions: true,
    // Schemas leave objects open (fields a newer ClawLoop adds pass through, schema/README.md); the types name only
    // the known fields, so code cannot rely on what a schema does not promise.
    additionalProperties: false,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  // The bundle itself is only a container of $defs: drop its empty interface and the per-definition provenance
  // note json-schema-to-typescript adds (the header below names the real inputs).
  const body = compiled
    .replace(/export interface ClawLoopSchemaBundle \{\n[^}]*\}\n/, '')
    .replace(/\n \*\n \* This interface was referenced by `ClawLoopSchemaBundle`'s JSON-Schema\n \* via the `definition` "\w+"\./g, '')
    .replace(
      /\/\*\*\n \* This interface was referenced by `ClawLoopSchemaBundle`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g,
      '',
    );
  const events = model.events.map((e) => e.typeName);
  const union = [
    '',
    '/** Every canonical event, discriminated by `type`. */',
    `export type CanonicalEvent = ${events.join(' | ')};`,
    '',
    '/** The canonical event types. */',
    `export const EVENT_TYPES = [${model.events.map((e) => `'${e.eventType}'`).join(', ')}] as const;`,
    'export type EventType = (typeof EVENT_TYPES)[number];',
    '',
    '/** Event type → its TypeScript type. */',
    'export interface EventByType {',
    ...model.events.map((e) => `  '${e.eventType}': ${e.typeName};`),
    '}',
    '',
  ].join('\n');
  const inputs = [model.defs.path, ...model.events.map((e) => e.path), ...model.sources.map((s) => s.path)];
  return { path: 'generated/types.gen.ts', content: header(inputs, 'json-schema-to-typescript') + '\n' + body.trimEnd() + '\n' + union };
}
