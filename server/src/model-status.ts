/**
 * Does the Cube model compile? Used by `npm run check`, by the server's startup message and by
 * `GET /closedloop-api/v1/status`, which the dashboard reads to say at once that the model is
 * broken (and where) instead of showing skeletons and then Cube's error without a file name.
 *
 * YAML syntax is checked file by file first (Cube's own YAML errors give a line and column but
 * no file); then the model is compiled by Cube's own compiler (`prepareCompiler`), which needs
 * no warehouse. Each problem names the file, and the line and member when they can be found.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type { FileRepository as FileRepositoryType } from '@cubejs-backend/shared';
import { LineCounter, parseDocument } from 'yaml';
import { formatProblem } from '../../shared/model-status';
import type { ModelProblem, ModelStatus } from '../../shared/model-status';
import { applyNativeFallback } from './native-fallback/apply';

// The status shape is the server ↔ dashboard contract, kept in shared/ for both.
export type { ModelProblem, ModelStatus } from '../../shared/model-status';
export { formatProblem } from '../../shared/model-status';

const require = createRequire(import.meta.url);
const MODEL_FILE = /\.(ya?ml|js)$/;

async function modelFiles(dir: string, under = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) files.push(...(await modelFiles(dir, path)));
    else if (MODEL_FILE.test(entry.name)) files.push(path);
  }
  return files.sort();
}

/** A cheap fingerprint of the model folder (names, sizes, modification times): changes when a file does. */
export async function modelSignature(modelPath: string): Promise<string> {
  try {
    const files = await modelFiles(modelPath);
    const parts = await Promise.all(
      files.map(async (file) => {
        const info = await stat(join(modelPath, file));
        return `${file}:${info.size}:${info.mtimeMs}`;
      }),
    );
    return parts.join('|');
  } catch {
    return 'missing';
  }
}

/** A path relative to the working directory when inside it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/** The 1-based line that defines or lists `name` in a model file: `name: x`, then `- x`, if present. */
function lineOf(text: string, name: string): number | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const pattern of [`^\\s*-?\\s*name:\\s*["']?${escaped}["']?\\s*(#.*)?$`, `^\\s*-\\s*["']?${escaped}["']?\\s*(#.*)?$`]) {
    const match = new RegExp(pattern, 'm').exec(text);
    if (match) return text.slice(0, match.index).split('\n').length;
  }
  return undefined;
}

/** The cube or view a Cube compiler message is about (`leads cube: …`), and the names it quotes, most specific first. */
function subjectOf(message: string): { owner?: string; names: string[] } {
  const owner = /^(\w+) (?:cube|view)\b/.exec(message)?.[1];
  const names = [
    ...[...message.matchAll(/"(?:measures|dimensions|segments|pre_aggregations|preAggregations|joins|hierarchies)\.(\w+)/g)].map((m) => m[1] ?? ''),
    ...[...message.matchAll(/'([\w.]+)'/g)].map((m) => m[1] ?? ''),
  ].filter((name) => name !== '' && name !== owner);
  return { owner, names: [...new Set(names)] };
}

/** Cube's message without its long tail: the first of its "Possible reasons" when it lists them. */
function shortMessage(message: string): string {
  const reason = /Possible reasons[^\n]*\n\s*\*\s*([^\n]+)/.exec(message)?.[1];
  return (reason ? `${message.split(':')[0] ?? ''}: ${reason}` : message).trim();
}

function locate(texts: ReadonlyMap<string, string>, fileName: string | undefined, message: string): { file?: string; line?: number; member?: string } {
  const { owner, names } = subjectOf(message);
  // Cube names the file for most errors; otherwise the file that defines the cube or view.
  const file = fileName ?? (owner ? [...texts].find(([, text]) => lineOf(text, owner) !== undefined)?.[0] : undefined);
  const text = file ? texts.get(file) : undefined;
  let line: number | undefined;
  let member: string | undefined;
  for (const name of names) {
    const last = name.split('.').at(-1) ?? name;
    line = text ? lineOf(text, last) : undefined;
    if (line !== undefined || member === undefined) member = name.includes('.') || !owner ? name : `${owner}.${name}`;
    if (line !== undefined) break;
  }
  line ??= text && owner ? lineOf(text, owner) : undefined;
  return { file, line, member: member ?? owner };
}

/**
 * Cube's errors without the echoes of a cube that does not compile: every cube that joins it
 * reports it missing ("stage_events cube: Cube leads doesn't exist"). Such a message is left
 * out only when the missing cube's own problem is in the list.
 */
export function withoutEchoes<T extends { readonly message: string }>(errors: readonly T[]): T[] {
  const failed = new Set(errors.flatMap(({ message }) => subjectOf(message).owner ?? []));
  return errors.filter(({ message }) => {
    const missing = /\bCube (\w+) doesn't exist/.exec(message)?.[1];
    return missing === undefined || !failed.has(missing);
  });
}

/** Compiles the model in `modelPath` without a warehouse; returns every problem (empty when it compiles). */
export async function checkModel(modelPath: string): Promise<ModelProblem[]> {
  const dir = resolve(modelPath);
  let files: string[];
  try {
    files = await modelFiles(dir);
  } catch (error) {
    return [{ file: displayPath(dir), message: `cannot read the model folder: ${(error as Error).message}` }];
  }
  if (files.length === 0) return [{ file: displayPath(dir), message: 'no model files (.yml, .yaml or .js) in this folder' }];

  const texts = new Map<string, string>();
  const problems: ModelProblem[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    texts.set(file, text);
    if (!/\.ya?ml$/.test(file)) continue;
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
    // The first syntax error of a file; the ones after it are mostly its echoes.
    const first = doc.errors[0];
    if (first) {
      const pos = first.linePos?.[0];
      problems.push({ file: displayPath(join(dir, file)), line: pos?.line, column: pos?.col, message: `YAML syntax: ${firstLine(first.message)}` });
    }
  }
  if (problems.length > 0) return problems;

  applyNativeFallback();
  const { prepareCompiler } = require('@cubejs-backend/schema-compiler') as {
    prepareCompiler(repo: unknown, options?: unknown): { compiler: { compile(): Promise<void>; errorsReporter?: { getErrors(): { message: string; fileName?: string; lineNumber?: number }[] } } };
  };
  const { FileRepository } = require('@cubejs-backend/shared') as { FileRepository: typeof FileRepositoryType };
  const compilers = prepareCompiler(new FileRepository(relative(process.cwd(), dir) || '.'), { allowNodeRequire: false });
  try {
    await compilers.compiler.compile();
    return [];
  } catch (error) {
    const reported = compilers.compiler.errorsReporter?.getErrors() ?? [];
    const list = withoutEchoes(reported.length > 0 ? reported : [{ message: error instanceof Error ? error.message : String(error) }]);
    return list.map(({ message, fileName, lineNumber }: { message: string; fileName?: string; lineNumber?: number }) => {
      const where = locate(texts, fileName, message);
      return {
        file: displayPath(where.file ? join(dir, where.file) : dir),
        ...(lineNumber ?? where.line ? { line: lineNumber ?? where.line } : {}),
        ...(where.member ? { member: where.member } : {}),
        message: shortMessage(message),
      };
    });
  }
}

/** A few lines for the terminal, or '' when the model compiles. */
export function describeModelStatus(status: ModelStatus): string {
  if (status.ok) return '';
  return [`The model in ${status.modelPath} does not compile:`, ...status.problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}

/** Longest a fingerprint is reused without looking at the files (a watch event can be missed, e.g. on a network drive). */
const RECHECK_MS = 2000;

/**
 * The model's fingerprint, read again only when the folder changed. Cube asks for it on
 * every request (`schemaVersion`): reading the folder each time (a readdir per directory, a
 * stat per file) was the server's largest cost after Cube's own (~2 ms a request, ~40 % as
 * much CPU as Cube's API gateway in a profile of repeated cached queries). A recursive watch
 * marks it stale; a change is seen by the next request, and at worst RECHECK_MS later.
 */
export function watchedSignature(modelPath: string): { get(): Promise<string>; close(): void } {
  let cached: { value: Promise<string>; at: number } | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(modelPath, { recursive: true, persistent: false }, () => {
      cached = undefined;
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
      cached = undefined;
    });
  } catch {
    watcher = undefined; // a missing folder or no watch support: read it every time
  }
  return {
    get() {
      if (watcher && cached && performance.now() - cached.at < RECHECK_MS) return cached.value;
      const value = modelSignature(modelPath);
      cached = { value, at: performance.now() };
      return value;
    },
    close() {
      watcher?.close();
      watcher = undefined;
    },
  };
}
