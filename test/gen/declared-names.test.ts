/** The name check the integration tests run on what they observe on the wire: it can fail, and it reads the real specs. */
import { describe, expect, it } from 'vitest';
import { declaredKeys, listedKeys, undeclaredNames } from '../helpers/declared-names.js';

describe('declared names', () => {
  it('every name a spec declares is listed for its backend in MAPPINGS.md', () => {
    for (const backend of ['console', 'langfuse', 'mlflow', 'otel', 'phoenix', 'report', 'wandb']) {
      const listed = listedKeys(backend);
      expect(
        declaredKeys(backend).filter((k) => !listed.has(k)),
        backend,
      ).toEqual([]);
    }
  });

  it('accepts declared literals, constants, runtime names and {key} patterns; names what is undeclared', () => {
    expect(undeclaredNames('otel', ['clawloop.run.id', 'openinference.span.kind', 'service.name', 'clawloop.reward.judge.value'])).toEqual(
      [],
    );
    expect(undeclaredNames('otel', ['clawloop.reward..value', 'http.method', 'langfuse.environment'])).toEqual([
      'clawloop.reward..value: declared by no target of schema/backends/otel',
      'http.method: declared by no target of schema/backends/otel',
      'langfuse.environment: declared by no target of schema/backends/otel',
    ]);
    expect(undeclaredNames('langfuse', ['langfuse.environment'])).toEqual([]);
  });
});
