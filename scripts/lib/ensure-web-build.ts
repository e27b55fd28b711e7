import { join } from 'node:path';
import { isStale } from './freshness';
import { root, webDist, webRoot } from './paths';

/**
 * Build the dashboard with Vite when `web/dist` is missing or older than its sources.
 * Vite's build sets `process.env.NODE_ENV = "production"` when it is unset; that would leak into
 * this process and every child it starts (a server started afterwards would demand a JWT
 * secret), so the caller's value is put back.
 */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<boolean> {
  // web/ imports the contracts in shared/.
  const sources = [join(webRoot, 'src'), join(webRoot, 'index.html'), join(webRoot, 'vite.config.ts'), join(root, 'shared'), join(root, 'package-lock.json')];
  if (!(await isStale(join(webDist, 'index.html'), sources))) return false;
  log(`Building the dashboard (${webDist})…`);
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDist, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}
