import { FileRepository, type SchemaFileRepository } from '@cubejs-backend/shared';
import { parse, stringify } from 'yaml';

/**
 * The model as Cube reads it from `model/`, optionally without its pre-aggregations: the
 * benchmark measures Cube over the raw marts this way, against DuckDB running the same SQL.
 * Serving never needs this; it is `--no-pre-aggregations` / CLOSEDLOOP_PRE_AGGREGATIONS=off.
 */
export function modelRepository(schemaPath: string, options: { preAggregations: boolean }): SchemaFileRepository {
  const files = new FileRepository(schemaPath);
  if (options.preAggregations) return files;
  return {
    localPath: () => files.localPath(),
    dataSchemaFiles: async (includeDependencies) =>
      (await files.dataSchemaFiles(includeDependencies)).map((file) =>
        /\.ya?ml$/.test(file.fileName) ? { ...file, content: withoutPreAggregations(file.content) } : file,
      ),
  };
}

export function withoutPreAggregations(yamlText: string): string {
  const model = parse(yamlText) as { cubes?: Record<string, unknown>[] } | null;
  if (!model?.cubes) return yamlText;
  for (const cube of model.cubes) delete cube.pre_aggregations;
  return stringify(model);
}

/** CLOSEDLOOP_PRE_AGGREGATIONS=off turns pre-aggregations off; anything else leaves them on. */
export function preAggregationsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['off', 'false', '0', 'no'].includes((env.CLOSEDLOOP_PRE_AGGREGATIONS ?? '').toLowerCase());
}
