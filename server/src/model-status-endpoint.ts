/**
 * `GET /closedloop-api/v1/status`: `{ model: { ok, modelPath, problems: [{ file, line, column, member, message }] } }`.
 * The dashboard reads it to show "the model does not compile" with the file at once. The
 * result is kept until a model file changes (same fingerprint as Cube's schemaVersion); each
 * change that breaks or fixes the model is logged once. Production mode asks for the same JWT
 * as the REST API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { createCheckAuth } from './auth';
import { checkModel, describeModelStatus, displayPath, modelSignature, watchedSignature } from './model-status';
import type { ModelStatus } from './model-status';
import { MODEL_STATUS_PATH } from '../../shared/model-status';
import type { ModelStatusResponse } from '../../shared/model-status';

export const STATUS_PATH = MODEL_STATUS_PATH;

export interface ModelStatusEndpoint {
  /** Model fingerprint; starts a re-check (and logs its outcome) when it changed. */
  signature(): Promise<string>;
  /** Stops watching the model folder. */
  close(): void;
  current(): Promise<ModelStatus>;
  /** Answers the status request; false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export function createModelStatusEndpoint(
  modelPath: string,
  options: { production: boolean; apiSecret: string; log: (message: string) => void },
): ModelStatusEndpoint {
  let checked: { signature: string; status: Promise<ModelStatus> } | undefined;
  let lastOk: boolean | undefined;
  const checkAuth = createCheckAuth(options);
  const fingerprint = watchedSignature(modelPath);

  const current = async (): Promise<ModelStatus> => {
    const signature = await modelSignature(modelPath);
    if (checked?.signature !== signature) {
      const status = checkModel(modelPath).then((problems) => ({ ok: problems.length === 0, modelPath: displayPath(resolve(modelPath)), problems }));
      checked = { signature, status };
      void status.then((s) => {
        // Say it in the terminal when the model breaks or is fixed (not on the first check: the CLI prints that).
        if (lastOk !== undefined && s.ok !== lastOk) options.log(s.ok ? `[closedloop] the model in ${modelPath} compiles again` : describeModelStatus(s));
        lastOk = s.ok;
      });
    }
    return checked.status;
  };

  return {
    async signature() {
      const signature = await fingerprint.get();
      if (checked?.signature !== signature) void current();
      return signature;
    },
    current,
    close: fingerprint.close,
    handle(req, res) {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== STATUS_PATH) return false;
      const send = (code: number, body: unknown): void => {
        res.statusCode = code;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'GET') {
        send(405, { error: `${STATUS_PATH} answers GET only.` });
        return true;
      }
      const authorization = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      checkAuth({}, authorization)
        .then(() => current())
        .then(
          (model) => send(200, { model } satisfies ModelStatusResponse),
          (error: unknown) => {
            const e = error as { status?: number; message?: string };
            send(e.status === 403 ? 403 : 500, { error: e.message ?? String(error) });
          },
        );
      return true;
    },
  };
}

