/** Errors a user can fix, each saying how. The CLI prints `message` only. */

export class WarehouseNotFoundError extends Error {
  constructor(readonly warehousePath: string) {
    super(`Warehouse file not found: ${warehousePath}. Build it first with \`npm run etl\`, or pass the right file with --warehouse <file>.`);
    this.name = 'WarehouseNotFoundError';
  }
}

export class WarehouseLockedError extends Error {
  constructor(readonly warehousePath: string, detail: string) {
    super(
      `Warehouse ${warehousePath} is locked by another process that opened it for writing (${detail}). ` +
        'Close that DuckDB session, or wait for the build: the ETL writes a new file and renames it over the warehouse, which Cube picks up without a restart.',
    );
    this.name = 'WarehouseLockedError';
  }
}

export class WarehouseInvalidError extends Error {
  constructor(readonly warehousePath: string, detail: string) {
    super(`Warehouse ${warehousePath} cannot be served: ${detail}`);
    this.name = 'WarehouseInvalidError';
  }
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use. Stop the other server (often an earlier npm start), or choose another port: PORT=<N> npm start, or npm run serve -- --port <N>.`);
    this.name = 'PortInUseError';
  }
}

export class MissingApiSecretError extends Error {
  constructor() {
    super('CUBEJS_API_SECRET is not set. Production mode checks every request\'s JWT against it: set it to a long random string.');
    this.name = 'MissingApiSecretError';
  }
}
