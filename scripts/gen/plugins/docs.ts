/** generated/MAPPINGS.md: every field of every event × every backend, or "ignored: reason". */
import { header, type GeneratedFile } from '../files.js';
import type { ResolvedSpec } from '../mapping-model.js';
import type { SchemaModel } from '../schema-model.js';
import type { Render } from '../templates.js';

function covers(rulePath: string, leaf: string): boolean {
  return (
    rulePath === '$' ||
    leaf === rulePath ||
    leaf.startsWith(rulePath + '.') ||
    leaf.startsWith(rulePath + '[]') ||
    leaf.startsWith(rulePath + '{}')
  );
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function generateMappingsDoc(model: SchemaModel, specs: ResolvedSpec[], render: Render): GeneratedFile {
  const events = model.events.map((event) => {
    const perSpec = specs.map((spec) => spec.events.find((e) => e.eventType === event.eventType)!);
    const leaves = perSpec[0]?.leaves ?? [];
    const rows = leaves.map((leaf) => ({
      field: `\`${leaf.path}\``,
      cells: perSpec
        .map((resolved) => {
          const rules = resolved.rules.filter((r) => r.source.kind === 'path' && covers(r.source.path, leaf.path));
          if (rules.length > 0)
            return cell(rules.map((r) => `${r.target} \`${r.key}\`${r.transform ? ` (${r.transform})` : ''}`).join('<br>'));
          const ignored = resolved.ignored.find((i) => covers(i.path, leaf.path));
          return cell(`ignored: ${ignored?.reason ?? '?'}`);
        })
        .join(' | '),
    }));
    const derivedNames = [
      ...new Set(
        perSpec.flatMap((r) => r.rules.filter((x) => x.source.kind === 'derived').map((x) => (x.source as { name: string }).name)),
      ),
    ];
    for (const name of derivedNames) {
      rows.push({
        field: `*derived* \`${name}\``,
        cells: perSpec
          .map((resolved) => {
            const rules = resolved.rules.filter((r) => r.source.kind === 'derived' && r.source.name === name);
            return rules.length ? cell(rules.map((r) => `${r.target} \`${r.key}\``).join('<br>')) : '—';
          })
          .join(' | '),
      });
    }
    return { eventType: event.eventType, rows };
  });
  const fixed = specs
    .map((spec) => ({
      backend: spec.backend,
      rows: spec.targets.flatMap((t) => [
        ...Object.entries(t.constants).map(([key, value]) => ({
          target: t.name,
          key: `\`${key}\``,
          value: cell(`constant \`${String(value)}\``),
        })),
        ...Object.entries(t.runtime).map(([key, from]) => ({
          target: t.name,
          key: `\`${key}\``,
          value: cell(`set by the transport: ${from}`),
        })),
      ]),
    }))
    .filter((b) => b.rows.length > 0);
  const content = render('MAPPINGS.md.hbs', {
    header: header(
      ['schema/events/*.schema.json', 'schema/derived.json', ...[...new Set(specs.flatMap((s) => s.chain))].sort()],
      'templates/MAPPINGS.md.hbs',
      '<!--',
    ).trimEnd(),
    backendHeader: specs.map((s) => s.backend).join(' | '),
    backendRule: specs.map(() => '---|').join(''),
    events,
    fixed,
  });
  return { path: 'generated/MAPPINGS.md', content };
}
