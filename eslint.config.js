import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WEB_ONLY = { regex: '(^|/)(etl|server|test|bench)/', message: 'web/ talks to the server over HTTP only: no imports from etl/, server/, test/ or bench/.' };

/** One rule per feature: it may import its own files and shared code, never another feature. */
function featureBoundaries() {
  const features = readdirSync(new URL('./web/src/features/', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return features.map((feature) => ({
    files: [`web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          WEB_ONLY,
          { regex: `(^|/)features/(?!${feature}/)`, message: `No feature imports another (features/${feature}): compose them in app/, or move what both need into lib/ or components/.` },
          { regex: '(^|/)app/', message: 'Features must not import app/ (the app composes features, not the other way round).' },
          { regex: `^\\.\\./\\.\\./(?!${feature}/|\\.\\./)`, message: `No feature imports another (features/${feature}): compose them in app/, or move what both need into lib/ or components/.` },
        ],
      }],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'artifacts/**', 'vendor/**', '.bench/**', '**/.scratch/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // Imports flow one way (bulletproof-react; docs/architecture.md): the dashboard never reaches
  // into the ETL or the server; shared web code (components, lib, config) never into features or
  // app; a feature never into another feature (pages in app/ compose them); the benchmark never
  // into the tests' internals.
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WEB_ONLY] }] },
  },
  {
    files: ['web/src/components/**/*.{ts,tsx}', 'web/src/lib/**/*.{ts,tsx}', 'web/src/config/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WEB_ONLY, { regex: '(^|/)(features|app)/', message: 'Shared code (components, lib, config) must not import features or app: move what both need into lib/ or components/.' }] }] },
  },
  ...featureBoundaries(),
  {
    // shared/ holds the contracts both the server and the dashboard import: plain types and pure functions.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)(etl|server|web|test|bench|scripts)/', message: 'shared/ is imported by both the server and the dashboard: it must not import either side (or etl/, test/, bench/, scripts/).' },
          { regex: '^node:', message: 'shared/ runs in the browser too: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)test/', message: 'bench/ must not import test internals: move the shared helper into bench/lib/ (or a shared module both import).' }] }] },
  },
  {
    files: ['**/*.cjs', 'cube.js', 'server/native-fallback/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
