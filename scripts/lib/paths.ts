import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths of the project's well-known places, independent of the working directory. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const seedsDirs = [join(root, 'seeds', 'salesforce-marketo'), join(root, 'seeds', 'hubspot')];
export const defaultAgreement = join(root, 'agreement.yml');
export const defaultWarehouse = join(root, 'data', 'warehouse.duckdb');
export const webRoot = join(root, 'web');
/** The built dashboard; CLOSEDLOOP_WEB_DIST puts it elsewhere (e.g. a test's "clean checkout"). */
export const webDist = process.env.CLOSEDLOOP_WEB_DIST ? resolve(process.env.CLOSEDLOOP_WEB_DIST) : join(root, 'web', 'dist');
