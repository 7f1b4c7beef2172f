/**
 * The house's structure, proven on the real import graph: no import cycles, and each layer imports only the layers
 * below it (schema → generated → core → sources / transports → CLI).
 */
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './import-graph.js';

const graph = importGraph();

/** Folder → the folders its files may import (besides their own). */
const LAYERS: Array<[layer: string, mayImport: string[]]> = [
  ['generated/', ['src/core/']],
  ['src/core/', ['generated/']],
  ['src/sources/', ['generated/', 'src/core/']],
  ['src/otlp/', ['generated/', 'src/core/']],
  ['src/transports/', ['generated/', 'src/core/', 'src/otlp/']],
  ['src/sinks/', ['src/core/', 'src/transports/']],
  ['src/entries/', ['src/core/', 'src/transports/']],
  ['src/cli/', ['generated/', 'src/core/', 'src/sources/', 'src/sinks/']],
];

function layerOf(file: string): string | undefined {
  return LAYERS.find(([layer]) => file.startsWith(layer))?.[0];
}

describe('import graph of src/ and generated/', () => {
  it('reads every file and finds its imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/core/hub.ts')).toContain('src/core/sink-worker.ts');
    // Dynamic imports count: the registry loads transports lazily.
    expect(graph.get('src/sinks/registry.ts')).toContain('src/transports/otel/index.ts');
  });

  it('has no import cycle (static, type-only or dynamic)', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only downward: each folder uses only the layers below it', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const own = layerOf(file);
      if (!own) continue;
      const allowed = [own, ...LAYERS.find(([l]) => l === own)![1]];
      for (const target of targets) if (!allowed.some((layer) => target.startsWith(layer))) wrong.push(`${file} → ${target}`);
    }
    expect(wrong).toEqual([]);
  });

  it("no transport imports another backend's folder (shared code lives in src/otlp/ and src/core/)", () => {
    const backendOf = (file: string) => /^src\/transports\/([^/]+)\//.exec(file)?.[1];
    const crossing: string[] = [];
    for (const [file, targets] of graph) {
      const own = backendOf(file);
      if (!own) continue;
      for (const target of targets) {
        const other = backendOf(target);
        if (other && other !== own) crossing.push(`${file} → ${target}`);
      }
    }
    expect(crossing).toEqual([]);
    // The check sees every backend's folder.
    expect(new Set([...graph.keys()].map(backendOf).filter(Boolean))).toEqual(
      new Set(['console', 'langfuse', 'mlflow', 'otel', 'phoenix', 'report', 'wandb']),
    );
  });

  it('the cycle detector finds a cycle when there is one', () => {
    const loop = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(loop)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
