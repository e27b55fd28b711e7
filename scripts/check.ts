/**
 * `npm run check [-- --model <dir>] [--agreement <file>]`: compiles the Cube model (Cube's own
 * compiler, no warehouse needed) and validates the agreement, without building anything.
 * Every problem names the file, line and member; exit code 1 when there is any.
 */
import { parseArgs } from 'node:util';
import { loadAgreement } from '../etl/src/agreement/load-agreement';
import { checkModel, formatProblem } from '../server/src/model-status';
import { defaultAgreement, root } from './lib/paths';

const USAGE = `Usage: npm run check [-- --model <dir>] [--agreement <file>]

  --model <dir>       the Cube model folder (default: model/)
  --agreement <file>  the sales & marketing agreement (default: agreement.yml)

Compiles the model and validates the agreement without a warehouse. Exit code 1 on any problem.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      agreement: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let failed = false;
  const modelPath = values.model ?? `${root}/model`;
  const problems = await checkModel(modelPath);
  if (problems.length === 0) console.log('model: compiles');
  else {
    failed = true;
    console.error(`model: ${problems.length} problem${problems.length > 1 ? 's' : ''}`);
    for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  }
  const agreementPath = values.agreement ?? defaultAgreement;
  try {
    await loadAgreement(agreementPath);
    console.log('agreement: valid');
  } catch (error) {
    failed = true;
    console.error(`agreement: ${error instanceof Error ? error.message : String(error)}`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
