import { join } from 'node:path';
import { isStale } from './freshness';
import { root, webDist, webRoot } from './paths';

/** Build the dashboard with Vite when `web/dist` is missing or older than its sources. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<boolean> {
  const sources = [join(webRoot, 'src'), join(webRoot, 'index.html'), join(webRoot, 'vite.config.ts'), join(root, 'package-lock.json')];
  if (!(await isStale(join(webDist, 'index.html'), sources))) return false;
  log('Building the dashboard (web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
