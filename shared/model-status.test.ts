import { describe, expect, it } from 'vitest';
import { formatProblem, problemLocation, readModelStatusResponse } from './model-status';

describe('problemLocation / formatProblem', () => {
  const cases = [
    { problem: { file: 'model/views/funnel.yml', message: 'bad' }, location: 'model/views/funnel.yml', line: 'model/views/funnel.yml: bad' },
    { problem: { file: 'model/views/funnel.yml', line: 12, message: 'bad' }, location: 'model/views/funnel.yml:12', line: 'model/views/funnel.yml:12: bad' },
    { problem: { file: 'model/a.yml', line: 3, column: 7, member: 'funnel.mql_count', message: 'x' }, location: 'model/a.yml:3:7', line: 'model/a.yml:3:7: funnel.mql_count: x' },
  ];
  for (const { problem, location, line } of cases) {
    it(line, () => {
      expect(problemLocation(problem)).toBe(location);
      expect(formatProblem(problem)).toBe(line);
    });
  }
});

describe('readModelStatusResponse', () => {
  const good = { model: { ok: false, modelPath: 'model', problems: [{ file: 'model/a.yml', line: 2, message: 'YAML syntax: x' }] } };
  const cases: { name: string; body: unknown; expected: unknown }[] = [
    { name: 'a broken model', body: good, expected: good.model },
    { name: 'a compiling model', body: { model: { ok: true, modelPath: 'model', problems: [] } }, expected: { ok: true, modelPath: 'model', problems: [] } },
    { name: 'no model key (an older server)', body: { status: 'ok' }, expected: null },
    { name: 'a proxy page', body: '<html>', expected: null },
    { name: 'ok not a boolean', body: { model: { ok: 'yes', modelPath: 'model', problems: [] } }, expected: null },
    { name: 'a problem without a file', body: { model: { ok: false, modelPath: 'model', problems: [{ message: 'x' }] } }, expected: null },
    { name: 'a line that is not a number', body: { model: { ok: false, modelPath: 'model', problems: [{ file: 'a', line: '3', message: 'x' }] } }, expected: null },
  ];
  for (const { name, body, expected } of cases) {
    it(name, () => expect(readModelStatusResponse(body)).toEqual(expected));
  }
});
