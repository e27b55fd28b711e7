// The rule that keeps model members' titles in the model (eslint.config.js, MEMBER_TITLE_RULES),
// proved on the real ESLint with the repo's config: each row is code in a feature file and
// whether the rule must refuse it.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const FILE = 'web/src/features/sla-review/components/x.ts';

const cases = [
  { code: "export const c = { key: SALES_SLA.metCount, title: 'Met', format: 'integer' };", refused: true, why: 'a column typing a title for a member constant' },
  { code: "export const c = { key: 'funnel.sla_met_count', title: 'Met', format: 'integer' };", refused: true, why: 'a column typing a title for a member by name' },
  { code: "export const s = { member: FUNNEL.mqlCount, name: 'MQLs' };", refused: true, why: 'a series typing a name for a member' },
  { code: 'export const s = { measure: FUNNEL.wonAmount, label: `Won amount` };', refused: true, why: 'a tile typing a label (template without values)' },
  { code: "export const t = { [SALES_SLA.metCount]: 'SLA met' };", refused: true, why: 'a member → title map' },
  { code: "export const t = { [SALES_SLA.leadId]: { title: 'Lead', format: 'text' } };", refused: true, why: 'a member → { title } map' },
  { code: 'export const c = memberColumn(meta, SALES_SLA.metCount);', refused: false, why: 'a column from /meta' },
  { code: "export const c = { key: 'week', title: 'Handoff week', format: 'week' };", refused: false, why: 'a column that is not a member' },
  { code: 'export const d = { title: `${memberTitle(meta, m, m)} · ${row.key}`, measure: FUNNEL.mqlCount };', refused: false, why: 'a drill title composed from the member title' },
  { code: "export const o = { order: { [SALES_SLA.breachedCount]: 'desc' } };", refused: false, why: 'a sort order keyed by a member' },
  { code: "export const f = { member: SALES_SLA.status, operator: 'equals', values: ['breached'] };", refused: false, why: 'a Cube filter' },
];

describe('member titles come from the model (eslint.config.js)', () => {
  for (const { code, refused, why } of cases) {
    it(`${refused ? 'refuses' : 'allows'}: ${why}`, async () => {
      const [result] = await eslint.lintText(`/* eslint-disable no-undef */\n${code}\n`, { filePath: FILE });
      const hits = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
      expect(hits.length > 0, JSON.stringify(result?.messages)).toBe(refused);
    });
  }
  it('does not apply to tests (fixtures type titles on purpose)', async () => {
    const [result] = await eslint.lintText("export const c = { key: SALES_SLA.metCount, title: 'Met' };\n", { filePath: 'web/src/features/sla-review/components/x.test.ts' });
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([]);
  });
});
