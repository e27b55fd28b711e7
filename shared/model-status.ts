// The model-status contract between the server and the dashboard: what
// `GET /closedloop-api/v1/status` answers (`{ model: ModelStatus }`) and how a problem's place
// is written. Both sides import this one module (shared/ imports nothing from etl/, server/,
// web/, test/ or bench/, and nothing Node- or browser-only: lint rules in eslint.config.js).

export const MODEL_STATUS_PATH = '/closedloop-api/v1/status';

export interface ModelProblem {
  /** The model file, as a path relative to the server's working directory when inside it. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The cube, view or member the problem is about, when known. */
  readonly member?: string;
  readonly message: string;
}

export interface ModelStatus {
  readonly ok: boolean;
  /** The model folder, relative to the server's working directory when inside it. */
  readonly modelPath: string;
  readonly problems: readonly ModelProblem[];
}

/** The body of `GET /closedloop-api/v1/status`. */
export interface ModelStatusResponse {
  readonly model: ModelStatus;
}

/** `file:line:column` (as far as known): what an editor or terminal opens. */
export function problemLocation(problem: ModelProblem): string {
  if (!problem.line) return problem.file;
  return `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}`;
}

/** One line: `model/views/funnel.yml:12:3: funnel.mql_count: message`. */
export function formatProblem(problem: ModelProblem): string {
  return `${problemLocation(problem)}: ${problem.member ? `${problem.member}: ` : ''}${problem.message}`;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isProblem(value: unknown): value is ModelProblem {
  if (!isRecord(value)) return false;
  const optionalNumber = (v: unknown) => v === undefined || typeof v === 'number';
  return typeof value.file === 'string' && typeof value.message === 'string' && optionalNumber(value.line) && optionalNumber(value.column) && (value.member === undefined || typeof value.member === 'string');
}

/** The status in a response body, or null when the body is not this contract (an older server, a proxy's page). */
export function readModelStatusResponse(body: unknown): ModelStatus | null {
  if (!isRecord(body) || !isRecord(body.model)) return null;
  const { ok, modelPath, problems } = body.model;
  if (typeof ok !== 'boolean' || typeof modelPath !== 'string' || !Array.isArray(problems) || !problems.every(isProblem)) return null;
  return { ok, modelPath, problems };
}
