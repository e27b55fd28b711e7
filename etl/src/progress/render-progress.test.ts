import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../build-report';
import type { FileReport } from '../load/load-raw';
import { formatSummary } from './format-summary';
import { createProgressRenderer } from './render-progress';
import type { ProgressEvent } from './progress-event';

const file = (over: Partial<FileReport>): FileReport => ({
  file: '/data/in/Lead.csv', format: 'salesforce__lead', status: 'loaded', bytes: 2048, rowsRead: 1001, rowsLoaded: 1000,
  rowsQuarantined: 1, rowsDuplicate: 0, note: null, missingColumns: [], renamedColumns: {}, ignoredColumns: [], ...over,
});

const events: ProgressEvent[] = [
  { type: 'phase', phase: 'load', detail: '2 input files' },
  { type: 'file-start', file: '/data/in/Lead.csv', format: 'salesforce__lead', bytes: 2048 },
  { type: 'file-progress', file: '/data/in/Lead.csv', fraction: 0.5 },
  { type: 'file-done', report: file({}) },
  { type: 'file-done', report: file({ file: '/data/in/notes.txt', format: null, status: 'skipped', rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, note: 'matches no known export' }) },
  { type: 'data-test-done', result: { name: 'unique(lead_id)', model: 'leads', passed: false, failingCount: 3, sample: [] } },
];

describe('progress renderer', () => {
  const cases = [
    {
      name: 'plain lines when not a terminal',
      tty: false,
      expected: [
        'load: 2 input files',
        '  in/Lead.csv (salesforce__lead, 2.0 kB) loading',
        expect.stringMatching(/^ {2}in\/Lead\.csv \(salesforce__lead\): 1,000 records parsed, 1 unparsable in \d+\.\d s$/),
        '  in/notes.txt: skipped: matches no known export',
        '  FAIL unique(lead_id) (leads): 3 failing rows',
        '',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      let out = '';
      const renderer = createProgressRenderer({ isTTY: c.tty, columns: 120, write: (text: string) => (out += text) }, { cwd: '/data' });
      for (const event of events) renderer.onProgress(event);
      expect(out.split('\n')).toEqual(c.expected);
    });
  }

  it('verbose: every model, its slices and its own time', () => {
    let out = '';
    const renderer = createProgressRenderer({ isTTY: false, columns: 120, write: (text: string) => (out += text) }, { cwd: '/data', verbose: true });
    renderer.onProgress({ type: 'model-done', name: 'stg_salesforce__leads', layer: 'staging' });
    renderer.onProgress({ type: 'model-done', name: 'int_people_collapsed', layer: 'intermediate', slices: 8, ms: 140_512 });
    renderer.onProgress({ type: 'model-done', name: 'leads', layer: 'marts', ms: 3_970 });
    expect(out.split('\n')).toEqual(['  staging stg_salesforce__leads', '  intermediate int_people_collapsed (in 8 slices) in 140.5 s', '  marts leads in 4.0 s', '']);
  });

  // What a terminal shows: \r, \n, erase line (ESC[2K), up n lines (ESC[nF), erase below (ESC[J).
  function screen(text: string): string[] {
    const lines: string[] = [''];
    let row = 0;
    let col = 0;
    // eslint-disable-next-line no-control-regex
    for (const token of text.match(/\x1b\[\d*[A-Za-z]|[\s\S]/g) ?? []) {
      if (token === '\n') {
        row += 1;
        col = 0;
        lines[row] ??= '';
      } else if (token === '\r') col = 0;
      else if (token === '\x1b[2K') lines[row] = '';
      else if (token === '\x1b[J') lines.splice(row, lines.length - row, (lines[row] ?? '').slice(0, col));
      else if (token.startsWith('\x1b[') && token.endsWith('F')) {
        row = Math.max(0, row - Number(token.slice(2, -1) || '1'));
        col = 0;
      } else {
        const line = lines[row] ?? '';
        lines[row] = line.slice(0, col) + token + line.slice(col + 1);
        col += 1;
      }
    }
    return lines;
  }

  const terminal = () => {
    let out = '';
    const renderer = createProgressRenderer({ isTTY: true, columns: 120, write: (text: string) => (out += text) }, { cwd: '/data' });
    return { renderer, seen: () => screen(out) };
  };

  it('on a terminal, one bar redrawn in place; the finished file keeps its line', () => {
    const { renderer, seen } = terminal();
    for (const event of events.slice(0, 3)) renderer.onProgress(event);
    expect(seen()).toEqual(['load: 2 input files', expect.stringMatching(/^ {2}in\/Lead\.csv \(salesforce__lead, 2\.0 kB\) \[#+\.+\] +50%$/), '']);
    for (const event of events.slice(3)) renderer.onProgress(event);
    expect(seen()).toEqual([
      'load: 2 input files',
      expect.stringMatching(/^ {2}in\/Lead\.csv \(salesforce__lead, 2\.0 kB\) \[#+\] 100% 1,000 records parsed, 1 unparsable in \d+\.\d s$/),
      '  in/notes.txt: skipped: matches no known export',
      '  FAIL unique(lead_id) (leads): 3 failing rows',
      '',
    ]);
  });

  it('on a terminal, two files loading at once get a bar each, below the lines that stay', () => {
    const { renderer, seen } = terminal();
    const task = file({ file: '/data/in/Task.csv', format: 'salesforce__task', rowsLoaded: 20, rowsRead: 20, rowsQuarantined: 0 });
    renderer.onProgress({ type: 'phase', phase: 'load', detail: '2 input files' });
    renderer.onProgress({ type: 'file-start', file: '/data/in/Lead.csv', format: 'salesforce__lead', bytes: 2048 });
    renderer.onProgress({ type: 'file-start', file: '/data/in/Task.csv', format: 'salesforce__task', bytes: 4096 });
    expect(seen()).toEqual(['load: 2 input files', expect.stringMatching(/^ {2}in\/Lead\.csv .* +0%$/), expect.stringMatching(/^ {2}in\/Task\.csv .* +0%$/), '']);
    renderer.onProgress({ type: 'file-done', report: task });
    expect(seen()).toEqual([
      'load: 2 input files',
      expect.stringMatching(/^ {2}in\/Task\.csv \(salesforce__task, 4\.0 kB\) \[#+\] 100% 20 records parsed, 0 unparsable in \d+\.\d s$/),
      expect.stringMatching(/^ {2}in\/Lead\.csv .* +0%$/),
      '',
    ]);
    renderer.onProgress({ type: 'file-done', report: file({}) });
    renderer.onProgress({ type: 'model-done', name: 'stg_salesforce__leads', layer: 'staging' });
    renderer.onProgress({ type: 'phase', phase: 'checks', detail: 'data test results, quarantine, vocabulary and volume guards' });
    expect(seen()).toEqual([
      'load: 2 input files',
      expect.stringMatching(/^ {2}in\/Task\.csv .* 20 records parsed/),
      expect.stringMatching(/^ {2}in\/Lead\.csv .* 1,000 records parsed/),
      '  1 models built (last: stg_salesforce__leads)',
      'checks: data test results, quarantine, vocabulary and volume guards',
      '',
    ]);
  });

  it('summarises files, mart counts, data tests and time', () => {
    const report: BuildReport = {
      warehousePath: 'data/warehouse.duckdb',
      files: [file({}), file({ file: '/data/in/Lead copy.csv', status: 'duplicate', rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, note: 'same content as in/Lead.csv; not loaded again' })],
      counts: { leads: 5000, mqls: 1776, sals: 1226, sqls: 382, won: 77, lost: 203, rejected: 736, opportunities: 400, quarantined: 5, valuesRefused: 0, unparsable: 2 },
      reconciliation: [],
      warnings: [],
      dataTests: [{ name: 'unique(lead_id)', model: 'leads', passed: true, failingCount: 0, sample: [] }],
      elapsedMs: 12_345,
      phases: [{ phase: 'load', ms: 2000 }, { phase: 'models', ms: 10_345 }],
    };
    expect(formatSummary(report, '/data').split('\n')).toEqual([
      'file              format            status      read  loaded  quarantined  duplicates  note',
      '----------------  ----------------  ---------  -----  ------  -----------  ----------  ----',
      'in/Lead.csv       salesforce__lead  loaded     1,001   1,000            1           0',
      'in/Lead copy.csv  salesforce__lead  duplicate      0       0            0           0  same content as in/Lead.csv; not loaded again',
      '',
      'Built data/warehouse.duckdb: 5,000 leads, 1,776 MQLs, 1,226 SALs, 382 SQLs, 77 won, 203 lost, 736 rejected; 400 opportunities; 5 input records quarantined (2 unparsable, the rest with unusable values); see rejected_rows.',
      'Data tests: 1 of 1 passed.',
      'Elapsed: 12.3 s (load 2.0 s, models 10.3 s).',
    ]);
  });

  it('takes loaded and quarantined from the reconciliation (every layer), and prints the guards\' warnings', () => {
    const report: BuildReport = {
      warehousePath: 'w.duckdb',
      files: [file({ rowsRead: 10, rowsLoaded: 10, rowsQuarantined: 0 })],
      counts: { leads: 7, mqls: 0, sals: 0, sqls: 0, won: 0, lost: 0, rejected: 0, opportunities: 0, quarantined: 3, valuesRefused: 1, unparsable: 0 },
      reconciliation: [{ file: '/data/in/Lead.csv', read: 10, loaded: 7, quarantined: 3, collapsed: 0, refused: 1 }],
      warnings: ['/data/in/Lead.csv: 3 of 10 rows quarantined (30.0%, warn_if "> 0"); most common: CreatedDate is not a timestamp (3)'],
      dataTests: [],
      elapsedMs: 1000,
      phases: [],
    };
    const lines = formatSummary(report, '/data').split('\n');
    expect(lines[2]).toBe('in/Lead.csv  salesforce__lead  loaded    10       7            3           0');
    expect(lines).toContain('Warning: /data/in/Lead.csv: 3 of 10 rows quarantined (30.0%, warn_if "> 0"); most common: CreatedDate is not a timestamp (3)');
    expect(lines).toContainEqual(expect.stringMatching(/3 input records quarantined \(0 unparsable, the rest with unusable values\), 1 record kept with a value refused; see rejected_rows\.$/));
  });
});
