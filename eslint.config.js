import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WEB_ONLY = { regex: '(^|/)(etl|server|test|bench)/', message: 'web/ talks to the server over HTTP only: no imports from etl/, server/, test/ or bench/.' };

const MEMBER_REF = `[value.type='MemberExpression'][value.object.name=/^[A-Z][A-Z_]+$/]`;
const MEMBER_NAME = `[value.type='Literal'][value.value=/^[a-z_]+\\.[a-z_]+$/]`;
// A typed title: a string, or a template with nothing filled in (compositions such as a drill
// title, "<member title> · <value>", are left to review).
const TYPED_TEXT = `Property[key.name=/^(title|name|label)$/]:matches([value.type='Literal'], [value.type='TemplateLiteral'][value.expressions.length=0])`;
const MEMBER_TITLE_MESSAGE = 'A title typed for a model member: take it from /meta (memberColumn, memberSeries or memberTitle in lib/cube-meta.ts) so the model stays the one source; change the title in model/.';
const MEMBER_TITLE_RULES = [
  { selector: `ObjectExpression:has(> Property[key.name=/^(key|measure|member)$/]${MEMBER_REF}) > ${TYPED_TEXT}`, message: MEMBER_TITLE_MESSAGE },
  { selector: `ObjectExpression:has(> Property[key.name=/^(key|measure|member)$/]${MEMBER_NAME}) > ${TYPED_TEXT}`, message: MEMBER_TITLE_MESSAGE },
  { selector: `Property[computed=true][key.type='MemberExpression'][key.object.name=/^[A-Z][A-Z_]+$/][value.type='Literal'][value.value=/[A-Z]/]`, message: MEMBER_TITLE_MESSAGE },
  { selector: `Property[computed=true][key.type='MemberExpression'][key.object.name=/^[A-Z][A-Z_]+$/] > ObjectExpression > ${TYPED_TEXT}`, message: MEMBER_TITLE_MESSAGE },
];

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
  // Titles and formats of model members come from /meta (web/src/lib/cube-meta.ts: memberColumn,
  // memberSeries, memberTitle), never typed beside the member in a feature: a title typed there
  // goes stale when an analyst renames the member in model/.
  {
    files: ['web/src/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...MEMBER_TITLE_RULES],
    },
  },
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
