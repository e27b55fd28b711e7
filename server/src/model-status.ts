/**
 * Does the Cube model compile? Used by `npm run check`, by the server's startup message and by
 * `GET /closedloop-api/v1/status`, which the dashboard reads to say at once that the model is
 * broken (and where) instead of showing skeletons and then Cube's error without a file name.
 *
 * YAML syntax is checked file by file first (Cube's own YAML errors give a line and column but
 * no file); then the model is compiled by Cube's own compiler (`prepareCompiler`), which needs
 * no warehouse. Each problem names the file, and the line and member when they can be found.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type { FileRepository as FileRepositoryType } from '@cubejs-backend/shared';
import { LineCounter, parseDocument } from 'yaml';
import { applyNativeFallback } from './native-fallback/apply';

export interface ModelProblem {
  /** The model file, as a path relative to the working directory when inside it. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The cube, view or member the problem is about, when known. */
  readonly member?: string;
  readonly message: string;
}

export interface ModelStatus {
  readonly ok: boolean;
  /** The model folder, relative to the working directory when inside it. */
  readonly modelPath: string;
  readonly problems: readonly ModelProblem[];
}

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

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/** The line of `name: <name>` in a YAML file (1-based), if present. */
function lineOfName(text: string, name: string): number | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^\\s*-?\\s*name:\\s*["']?${escaped}["']?\\s*$`, 'm').exec(text);
  return match ? text.slice(0, match.index + match[0].length - match[0].trimStart().length).split('\n').length : undefined;
}

/** Which cube/view and member a Cube compiler message is about, e.g. `leads cube: "measures.x.type" …`. */
function subjectOf(message: string): { owner?: string; member?: string } {
  const owner = /^(\w+) (?:cube|view)\b/.exec(message)?.[1];
  const member =
    /"(?:measures|dimensions|segments|pre_aggregations|joins|hierarchies)\.(\w+)/.exec(message)?.[1] ??
    /'(\w+\.\w+)'/.exec(message)?.[1] ??
    /\b(\w+\.\w+)\b(?= (?:not found|is not|cannot|can't))/i.exec(message)?.[1];
  return { owner, member };
}

function locate(texts: ReadonlyMap<string, string>, fileName: string | undefined, message: string): { file?: string; line?: number; member?: string } {
  const { owner, member } = subjectOf(message);
  const memberName = member?.includes('.') ? member.split('.')[1] : member;
  // Cube names the file for most errors; otherwise the file that defines the cube or view.
  const file = fileName ?? (owner ? [...texts].find(([, text]) => lineOfName(text, owner) !== undefined)?.[0] : undefined);
  const text = file ? texts.get(file) : undefined;
  const line = text ? ((memberName ? lineOfName(text, memberName) : undefined) ?? (owner ? lineOfName(text, owner) : undefined)) : undefined;
  const who = owner && member && !member.includes('.') ? `${owner}.${member}` : (member ?? owner);
  return { file, line, ...(who ? { member: who } : {}) };
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
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      problems.push({ file: displayPath(join(dir, file)), line: pos?.line, column: pos?.col, message: `YAML: ${firstLine(error.message)}` });
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
    const list = reported.length > 0 ? reported : [{ message: error instanceof Error ? error.message : String(error) }];
    return list.map(({ message, fileName, lineNumber }: { message: string; fileName?: string; lineNumber?: number }) => {
      const where = locate(texts, fileName, message);
      return {
        file: displayPath(where.file ? join(dir, where.file) : dir),
        ...(lineNumber ?? where.line ? { line: lineNumber ?? where.line } : {}),
        ...(where.member ? { member: where.member } : {}),
        message: message.trim(),
      };
    });
  }
}

export function formatProblem(problem: ModelProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}` : problem.file;
  return `${where}: ${problem.member ? `${problem.member}: ` : ''}${problem.message}`;
}

/** A few lines for the terminal, or '' when the model compiles. */
export function describeModelStatus(status: ModelStatus): string {
  if (status.ok) return '';
  return [`The model in ${status.modelPath} does not compile:`, ...status.problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}
