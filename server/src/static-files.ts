/**
 * Serves the built dashboard (web/dist) from the same origin as the API, with SPA fallback:
 * a GET for a path that is not a file (and has no extension) gets index.html.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const API_PREFIXES = ['/cubejs-api', '/closedloop-api', '/cubejs-system', '/livez', '/readyz'];

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function send(res: ServerResponse, method: string, path: string, cache: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cache);
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path).pipe(res);
}

/** Returns a handler that answers static requests and returns false for everything else. */
export function createStaticHandler(webDist: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const root = resolve(webDist);
  const index = join(root, 'index.html');
  return (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const candidate = resolve(root, `.${decoded}`);
    if (candidate !== root && !candidate.startsWith(root + sep)) return false;
    if (isFile(candidate)) {
      const immutable = decoded.startsWith('/assets/');
      send(res, method, candidate, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return true;
    }
    if (extname(decoded) === '' && isFile(index)) {
      send(res, method, index, 'no-cache');
      return true;
    }
    return false;
  };
}
