// typescript-eslint's strict, type-aware rules over every TypeScript file tsconfig.json type-checks (`pnpm lint`).
// Formatting is Prettier's (`pnpm format:check`), so no stylistic rules here. Each rule turned off says why.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'tmp/', 'test-output/', '.cache/', 'test/golden/', 'templates/', 'python/', '**/*.js', '**/*.mjs'],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Counts, sizes and line numbers go into messages everywhere; a number prints the same in any locale.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `return send(res, 404, …)` (answer and return) and `() => resolve()` are idioms these options exist for.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // `const { type: _type, ...entry } = event` drops a field by destructuring.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // tsconfig leaves noUncheckedIndexedAccess off, so `xs[i]` and `record[key]` are typed as present: the guards this
      // rule calls unnecessary are the ones that check such reads (removing them would change behaviour on real data),
      // and `map.get(k)!` or `xs.at(-1)!` after a has/length check says what `xs[i]` already assumes.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Sinks, transports and fakes implement Promise-returning interfaces; `async` without `await` keeps a throw a rejection.
      '@typescript-eslint/require-await': 'off',
      // safe-text and safe-name exist to find and strip control characters, so their patterns name them.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Tests and measurements parse backends' JSON answers as `any` and assert on them: a misshapen answer fails the
      // assertion that reads it, which is the check; typing every answer first would only restate the assertions.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['generated/**'],
    rules: {
      // The generator emits one accessor signature `(s, ctx)` and one import block for every backend; a table that
      // reads no derived value leaves `ctx` unused by design.
      '@typescript-eslint/no-unused-vars': 'off',
      // A key union lists the spec's literal names beside a `{key}` pattern's `string`, so readers see the names.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // json-schema-to-typescript renders a `oneOf` with an empty object schema as `{}`, and a target no rule maps yet
      // (a fresh `pnpm new-sink` spec) has no fields.
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-generated-empty-object-type': 'off',
    },
  },
);
