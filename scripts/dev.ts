/**
 * `npm run dev`: work on the model, the agreement and the dashboard with reloads.
 * - the API server (Cube) on PORT (default 4000), with Cube's Playground at its `/`;
 *   a change to model/ is compiled and served on the next request (the dashboard's banner
 *   shows a model that does not compile, with the file and line);
 * - a change to agreement.yml rebuilds the warehouse from the exports it was built from (the
 *   samples, or your own); a build that fails says why and the previous warehouse keeps serving;
 * - the dashboard from Vite's dev server (hot reload) on http://localhost:5173, proxying the API.
 */
import { existsSync, watch } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildWarehouse } from '../etl/src/build';
import { createProgressRenderer } from '../etl/src/progress/render-progress';
import { describeModelStatus } from '../server/src/model-status';
import { startServer } from '../server/src/start-server';
import { handleStopSignals } from '../server/src/stop-signals';
import { builtFromSamples, warehouseStamp } from './lib/freshness';
import { defaultAgreement, defaultWarehouse, seedsDirs, webRoot } from './lib/paths';

async function build(warehousePath: string, agreementPath: string): Promise<void> {
  const stamp = existsSync(warehousePath) ? await warehouseStamp(warehousePath) : null;
  const inputs = stamp && !builtFromSamples(stamp) ? stamp.inputs : seedsDirs;
  console.log(`Building ${warehousePath} from ${inputs === seedsDirs ? 'the sample exports in seeds/' : `${inputs.length} export files`}…`);
  await mkdir(dirname(warehousePath), { recursive: true });
  const progress = createProgressRenderer(process.stderr);
  progress.finish(await buildWarehouse({ inputs, warehousePath, agreementPath, onProgress: progress.onProgress }));
}

async function main(): Promise<void> {
  const warehousePath = process.env.CLOSEDLOOP_WAREHOUSE ?? defaultWarehouse;
  const agreementPath = process.env.CLOSEDLOOP_AGREEMENT ?? defaultAgreement;
  const port = Number(process.env.PORT ?? '4000');
  if (!existsSync(warehousePath)) await build(warehousePath, agreementPath);

  const server = await startServer({ warehousePath, port, production: false, playground: process.env.CLOSEDLOOP_PLAYGROUND !== 'off' });

  // The agreement: rebuild when it changes (debounced: editors write a file in several steps).
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  const watcher = watch(dirname(agreementPath), (_event, file) => {
    if (file !== null && !agreementPath.endsWith(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(() =>
        build(warehousePath, agreementPath).then(
          () => console.log('[dev] warehouse rebuilt; the server serves it from the next request.'),
          (error: unknown) => console.error(`[dev] warehouse not rebuilt, the previous one keeps serving: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
    }, 300);
  });

  // The dashboard: Vite's dev server with hot reload, proxying /cubejs-api and /closedloop-api to ours.
  process.env.CUBE_API_ORIGIN = server.url;
  const { createServer } = await import('vite');
  const vite = await createServer({ configFile: `${webRoot}/vite.config.ts`, server: { port: 5173 } });
  await vite.listen();
  const dashboard = vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/';

  handleStopSignals(async () => {
    watcher.close();
    clearTimeout(timer);
    await vite.close();
    await building;
    await server.close();
  });
  const problems = describeModelStatus(await server.modelStatus());
  if (problems) console.error(problems);
  console.log(`\nClosedloop dev:
  dashboard (hot reload)  ${dashboard}
  Cube API                ${server.url}/cubejs-api/v1
  Cube Playground         ${server.url}/
  watching                model/ (served on the next request), ${agreementPath} (rebuilds the warehouse)
Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(`Could not start dev mode: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
