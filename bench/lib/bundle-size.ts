import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** JS the browser loads before the first page renders: index.html's module script and its modulepreloads. */
  readonly initialJsGzipKb: number;
  readonly initialFiles: readonly string[];
  /** Every JS chunk, gzipped (lazy pages included). */
  readonly totalJsGzipKb: number;
  readonly cssGzipKb: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function bundleSizes(dist: string): Promise<BundleSizes> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  const gz = async (file: string) => gzipSync(await readFile(join(dist, file))).length;
  let initial = 0;
  for (const file of initialFiles) initial += await gz(file);
  let total = 0;
  let css = 0;
  for (const file of await readdir(join(dist, 'assets'))) {
    if (file.endsWith('.js')) total += await gz(join('assets', file));
    if (file.endsWith('.css')) css += await gz(join('assets', file));
  }
  return { initialJsGzipKb: kb(initial), initialFiles, totalJsGzipKb: kb(total), cssGzipKb: kb(css) };
}
