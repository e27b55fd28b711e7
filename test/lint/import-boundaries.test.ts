// The one-way import rules of eslint.config.js, proved on the real ESLint with the repo's config:
// each row is an import in a file at a path, and whether the rules must refuse it.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

const cases = [
  { file: 'web/src/features/funnel/components/x.tsx', from: '../../drilldown/api/get-drilldown', refused: true, why: 'a feature imports another feature' },
  { file: 'web/src/features/funnel/components/x.tsx', from: '../../../features/sla-review/api/members', refused: true, why: 'a feature imports another feature by a longer path' },
  { file: 'web/src/features/funnel/components/x.tsx', from: '../../../app/pages', refused: true, why: 'a feature imports app/' },
  { file: 'web/src/features/funnel/components/x.tsx', from: '../api/members', refused: false, why: 'a feature imports its own api' },
  { file: 'web/src/features/funnel/components/x.tsx', from: '../../../lib/format', refused: false, why: 'a feature imports shared lib' },
  { file: 'web/src/lib/x.ts', from: '../features/funnel/api/members', refused: true, why: 'shared lib imports a feature' },
  { file: 'web/src/components/x.tsx', from: '../app/pages', refused: true, why: 'a shared component imports app/' },
  { file: 'web/src/components/x.tsx', from: '../lib/format', refused: false, why: 'a shared component imports lib' },
  { file: 'web/src/lib/x.ts', from: '../../../etl/src/build', refused: true, why: 'web imports the ETL' },
  { file: 'web/src/app/x.tsx', from: '../../../server/src/auth', refused: true, why: 'web imports the server' },
  { file: 'web/src/app/x.tsx', from: '../features/funnel/api/members', refused: false, why: 'app composes features' },
  { file: 'bench/lib/x.ts', from: '../../test/e2e/stack', refused: true, why: 'bench imports test internals' },
  { file: 'bench/lib/x.ts', from: '../../server/src/start-server', refused: false, why: 'bench starts the server' },
  { file: 'web/src/features/model-status/api/x.ts', from: '../../../../../shared/model-status', refused: false, why: 'the dashboard imports a shared contract' },
  { file: 'server/src/x.ts', from: '../../shared/model-status', refused: false, why: 'the server imports a shared contract' },
  { file: 'shared/x.ts', from: '../server/src/model-status', refused: true, why: 'a shared contract imports the server' },
  { file: 'shared/x.ts', from: '../web/src/lib/format', refused: true, why: 'a shared contract imports the dashboard' },
  { file: 'shared/x.ts', from: 'node:fs', refused: true, why: 'a shared contract imports a Node built-in' },
];

describe('import boundaries (eslint.config.js)', () => {
  for (const { file, from, refused, why } of cases) {
    it(`${refused ? 'refuses' : 'allows'}: ${why}`, async () => {
      const [result] = await eslint.lintText(`import { a } from '${from}';\nexport const b = a;\n`, { filePath: file });
      const hits = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
      expect(hits.length > 0, JSON.stringify(result?.messages)).toBe(refused);
    });
  }
});
