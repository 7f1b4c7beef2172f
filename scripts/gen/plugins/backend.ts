/** generated/<backend>/mapping.gen.ts and adapter.gen.ts for one backend mapping spec. */
import { header, type GeneratedFile } from '../files.js';
import { targetKeys, type ResolvedSpec } from '../mapping-model.js';
import { constName, docText, keyType, literal, pascal, scopeLoop, scopeType, valueLiteral } from '../naming.js';
import { buildFieldTree, type FieldNode, type SchemaModel } from '../schema-model.js';
import type { Render } from '../templates.js';

function inputsOf(spec: ResolvedSpec): string[] {
  return ['schema/events/*.schema.json', 'schema/derived.json', ...spec.chain];
}

export function generateBackend(model: SchemaModel, spec: ResolvedSpec, render: Render): GeneratedFile[] {
  const trees = new Map<string, FieldNode>(model.events.map((e) => [e.eventType, buildFieldTree(model.bundle, e.bundled)]));
  const targetByName = new Map(spec.targets.map((t) => [t.name, t]));
  const names = { backend: spec.backend, constName: constName(spec.backend), pascalName: pascal(spec.backend) };
  const eventTypes = model.events
    .map((e) => e.typeName)
    .sort()
    .join(', ');

  const mappingEvents = spec.events
    .filter((e) => e.rules.length > 0)
    .map((event) => {
      const tree = trees.get(event.eventType)!;
      return {
        quotedType: literal(event.eventType),
        groups: event.targets.map((target) => {
          const scope = targetByName.get(target)!.scope;
          return {
            quotedTarget: literal(target),
            scopeType: scopeType(tree, event.typeName, scope),
            rules: event.rules
              .filter((r) => r.target === target)
              .map((r) => ({
                key: literal(r.key),
                source: literal(r.source.kind === 'path' ? r.source.path : `derived:${r.source.name}`),
                transform: r.transform ? literal(r.transform) : undefined,
                unit: r.unit ? literal(r.unit) : undefined,
                accessorKind: r.keyed ? 'entries' : 'get',
                accessor: r.accessor,
              })),
          };
        }),
      };
    });
  const mapping = render('mapping.ts.hbs', {
    ...names,
    header: header(inputsOf(spec), 'templates/mapping.ts.hbs').trimEnd(),
    description: docText(spec.description),
    eventTypes: [...new Set(spec.events.filter((e) => e.rules.length > 0).map((e) => e.typeName))].sort().join(', ') || eventTypes,
    targets: spec.targets.map((t) => {
      const keys = targetKeys(t, spec.events);
      const constants = Object.entries(t.constants);
      return {
        doc: docText(t.description),
        quotedName: literal(t.name),
        scope: literal(t.scope),
        maxValueLength: t.maxValueLength,
        maxKeyLength: t.maxKeyLength,
        constants: constants.length > 0 ? `{ ${constants.map(([k, v]) => `${literal(k)}: ${valueLiteral(v)}`).join(', ')} }` : undefined,
        keyUnion: keys.length > 0 ? keys.map(keyType).join(' | ') : 'never',
        literalKeys: keys
          .filter((k) => !k.includes('{key}'))
          .map(literal)
          .join(', '),
      };
    }),
    events: mappingEvents,
    base: spec.kind === 'base',
  });
  // A base has no sink: its key types are what the shared code that serves every extending backend is written against.
  if (spec.kind === 'base') return [{ path: `generated/${spec.backend}/mapping.gen.ts`, content: mapping }];

  const scopes: Array<{
    key: string;
    fnName: string;
    scope: string;
    where?: string;
    eventTypeName: string;
    itemType: string;
    loop: string[];
  }> = [];
  const scopeFnFor = (eventType: string, typeName: string, targetName: string): string => {
    const target = targetByName.get(targetName)!;
    const key = `${eventType}|${target.scope}|${JSON.stringify(target.where ?? {})}`;
    const existing = scopes.find((s) => s.key === key);
    if (existing) return existing.fnName;
    const tree = trees.get(eventType)!;
    const fnName = `${pascal(eventType).replace(/^./, (c) => c.toLowerCase())}${pascal(target.scope.replace(/\[\]/g, ' '))}${target.where ? 'Where' + pascal(Object.values(target.where).join(' ')) : ''}Items`;
    scopes.push({
      key,
      fnName,
      scope: target.scope,
      where: target.where
        ? Object.entries(target.where)
            .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
            .join(', ')
        : undefined,
      eventTypeName: typeName,
      itemType: scopeType(tree, typeName, target.scope),
      loop: scopeLoop(tree, target.scope, target.where),
    });
    return fnName;
  };

  const adapterEvents = spec.events.map((event) => {
    const tree = trees.get(event.eventType)!;
    return {
      eventType: event.eventType,
      typeName: event.typeName,
      quotedType: literal(event.eventType),
      mappedName: `${names.pascalName}${pascal(event.eventType)}`,
      targets: event.targets.map((targetName) => {
        const target = targetByName.get(targetName)!;
        const scoped = target.scope.includes('[]');
        const itemType = scopeType(tree, event.typeName, target.scope);
        return {
          doc: docText(target.description),
          quotedTarget: literal(targetName),
          scoped,
          fieldType: scoped
            ? `ReadonlyArray<ScopedFields<${itemType}, ${names.pascalName}Keys[${literal(targetName)}]>>`
            : `${names.pascalName}Fields<${literal(targetName)}>`,
          scopeFn: scoped ? scopeFnFor(event.eventType, event.typeName, targetName) : undefined,
          scopeExpr: scoped ? undefined : scopeExpression(target.scope),
        };
      }),
    };
  });
  const adapter = render('adapter.ts.hbs', {
    ...names,
    header: header(inputsOf(spec), 'templates/adapter.ts.hbs').trimEnd(),
    eventTypes,
    events: adapterEvents,
    mappedUnion: adapterEvents.map((e) => e.mappedName).join(' | '),
    scopes,
  });
  return [
    { path: `generated/${spec.backend}/mapping.gen.ts`, content: mapping },
    { path: `generated/${spec.backend}/adapter.gen.ts`, content: adapter },
  ];
}

/** Expression for a scope without arrays, e.g. `episode` → `event.episode`. */
function scopeExpression(scope: string): string {
  return scope === '$' ? 'event' : `event.${scope}`;
}
