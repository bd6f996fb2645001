import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// src/sim must be pure and deterministic: the same scenario and seed give the same trace in Node and in a
// worker. Time and randomness come from the simulator, never from the host (DESIGN.md, "The house").
const HOST_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'performance',
  'Date',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'setImmediate',
  'requestAnimationFrame',
  'queueMicrotask',
  'process',
  'crypto',
].map((name) => ({
  name,
  message: `src/sim is deterministic and host-free: take time and randomness from the Simulator, not ${name}.`,
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: "Use the simulator's seeded PRNG streams (src/sim/core/prng.ts).",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', '**/ui/**', 'cytoscape', 'monaco-editor', 'monaco-editor/*'],
              message: 'src/sim must not import UI code.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os'],
              message: 'src/sim runs in a worker too: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
);
