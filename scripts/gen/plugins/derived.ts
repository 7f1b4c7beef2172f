/** generated/derived.gen.ts: the typed interface src/core/derived.ts must implement (schema/derived.json). */
import { header, type GeneratedFile } from '../files.js';
import type { DerivedDecl } from '../mapping-model.js';
import { docText, scopeType } from '../naming.js';
import { buildFieldTree, type SchemaModel } from '../schema-model.js';
import type { Render } from '../templates.js';

export function generateDerived(model: SchemaModel, derived: DerivedDecl[], render: Render): GeneratedFile {
  const trees = new Map(model.events.map((e) => [e.eventType, { tree: buildFieldTree(model.bundle, e.bundled), typeName: e.typeName }]));
  const used = new Set<string>();
  const values = derived.map((d) => {
    const { tree, typeName } = trees.get(d.event)!;
    used.add(typeName);
    return {
      name: d.name,
      doc: docText(d.description),
      scopeType: scopeType(tree, typeName, d.scope),
      returnType: d.keyed
        ? `ReadonlyArray<readonly [string, ${d.type}]>`
        : d.type.endsWith('[]')
          ? `readonly ${d.type} | undefined`
          : `${d.type} | undefined`,
    };
  });
  const content = render('derived.ts.hbs', {
    header: header(['schema/derived.json', ...model.events.map((e) => e.path)], 'templates/derived.ts.hbs').trimEnd(),
    eventTypes: [...used].sort().join(', '),
    values,
    names: derived.map((d) => `'${d.name}'`).join(', '),
  });
  return { path: 'generated/derived.gen.ts', content };
}
