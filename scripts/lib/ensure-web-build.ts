import { join } from 'node:path';
import { isStale } from './freshness';
import { root, webDist, webRoot } from './paths';

/**
 * Run `work` with `process.env.NODE_ENV` = "production", then put the caller's value back.
 * Vite builds React's development runtime when NODE_ENV is anything else (vitest sets "test",
 * `npm run dev` "development"), and such a build in `web/dist` looks up to date to the next
 * `npm start` or bench (at 1M leads the funnel page rendered in ~0.9–1.0 s instead of ~0.6 s).
 * Vite also sets it to "production" itself when unset, which would leak into this process and
 * every child it starts (a server started afterwards would demand a JWT secret).
 */
export async function withProductionNodeEnv<T>(work: () => Promise<T>): Promise<T> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await work();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Build the dashboard with Vite (a production build) when `web/dist` is missing or older than its sources. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<boolean> {
  // web/ imports the contracts in shared/.
  const sources = [join(webRoot, 'src'), join(webRoot, 'index.html'), join(webRoot, 'vite.config.ts'), join(root, 'shared'), join(root, 'package-lock.json')];
  if (!(await isStale(join(webDist, 'index.html'), sources))) return false;
  log(`Building the dashboard (${webDist})…`);
  const { build } = await import('vite');
  await withProductionNodeEnv(() => build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDist, emptyOutDir: true } }));
  return true;
}
