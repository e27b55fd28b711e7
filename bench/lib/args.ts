export interface BenchArgs {
  /** Fraction of the full sizes (1 = 1,000,000 leads). */
  readonly scale: number;
  readonly json?: string;
  readonly only: readonly string[];
  readonly workDir: string;
  /** Keep the generated exports and the warehouses in the work dir after the run (default: removed). */
  readonly keepData: boolean;
}

const usage = `Usage: npm run bench -- [--scale 0.01] [--json results.json] [--only etl,cube,web,cluster] [--work-dir .bench]

  --scale F     fraction of the full sizes (1 = 1,000,000 leads; 0.01 for a quick look)
  --json FILE   also write the figures as JSON (one object per case)
  --only LIST   run only these cases (etl, cube, web, cluster: 1 vs 4 API processes on Postgres)
  --work-dir D  where generated data and warehouses go (default .bench, git-ignored)
  --keep-data   keep the generated exports and warehouses after the run (reused by the next
                run of the same scale); by default they are removed (10M leads: ~17 GB of CSV)`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs | 'help' {
  let scale = 1;
  let json: string | undefined;
  let only: string[] = [];
  let workDir = '.bench';
  let keepData = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value.\n\n${usage}`);
      return next;
    };
    switch (arg) {
      case '--scale': {
        const raw = value();
        scale = Number(raw);
        if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10]; got "${raw}".`);
        break;
      }
      case '--json':
        json = value();
        break;
      case '--only':
        only = value().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--work-dir':
        workDir = value();
        break;
      case '--keep-data':
        keepData = true;
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new Error(`Unknown argument "${arg}".\n\n${usage}`);
    }
  }
  return { scale, json, only, workDir, keepData };
}

export { usage };
