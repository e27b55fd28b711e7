/**
 * The typed column contract of every published mart: what the Cube model may read, written
 * once. Each column has a logical type and says whether it may be NULL. The parts use it so:
 *
 * - the ETL checks every build against it (data tests `contract(columns)` and
 *   `not_null(contract)`, etl/src/data-tests/contract-tests.ts): a missing, extra or retyped
 *   column stops the build naming the mart, the column, what was expected and what was found;
 * - `npm run publish` creates the Postgres tables from it (types, ENUMs in order, NOT NULL),
 *   after checking the DuckDB file against it (etl/src/publish/);
 * - the server, serving from Postgres, checks the published schema against it at start-up
 *   (server/src/warehouse/postgres-warehouse.ts);
 * - test/etl/mart-contract.test.ts checks that the built sample warehouse equals it.
 *
 * Changing a mart's columns means changing this file in the same commit (and bumping
 * etl/src/schema-version.ts when the model depends on the change). `docs/architecture.md`
 * explains the columns; this file is what is enforced.
 */
import { literal } from './load/sql-text';

/** The funnel's stages in funnel order (the stage ENUM's labels). */
export const FUNNEL_STAGES = ['lead', 'mql', 'handoff', 'sal', 'rejected', 'sql', 'won', 'lost'] as const;

/** A column's logical type; how each warehouse stores it is `duckdbType` / `postgresType`. */
export type LogicalType =
  | { readonly kind: 'text' }
  /**
   * Text with few distinct values (channel, segment, owner…). DuckDB: an ENUM of the values
   * the build found, sorted as text sorts (so it reads, filters and orders as text; stored and
   * grouped as a small integer). Postgres: text.
   */
  | { readonly kind: 'category' }
  /** Stored as an ENUM in both warehouses; `values` in their sort order; `name` is the Postgres type's name. */
  | { readonly kind: 'enum'; readonly name: string; readonly values: readonly string[] }
  | { readonly kind: 'integer'; readonly bits: 32 | 64 }
  | { readonly kind: 'double' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  /** UTC wall-clock time, stored without a time zone (TIMESTAMP; Cube's DuckDB driver reads TIMESTAMPTZ as text). */
  | { readonly kind: 'timestamp_utc' }
  | { readonly kind: 'date' }
  | { readonly kind: 'boolean' };

export interface ColumnContract {
  readonly name: string;
  readonly type: LogicalType;
  readonly nullable: boolean;
}

export interface MartContract {
  readonly name: string;
  /** One row per … (the grain, as the mart's model states it). */
  readonly grain: string;
  readonly columns: readonly ColumnContract[];
}

const TEXT: LogicalType = { kind: 'text' };
const CATEGORY: LogicalType = { kind: 'category' };
const INTEGER: LogicalType = { kind: 'integer', bits: 32 };
const BIGINT: LogicalType = { kind: 'integer', bits: 64 };
const DOUBLE: LogicalType = { kind: 'double' };
const TIMESTAMP: LogicalType = { kind: 'timestamp_utc' };
const DATE: LogicalType = { kind: 'date' };
const BOOLEAN: LogicalType = { kind: 'boolean' };
const STAGE: LogicalType = { kind: 'enum', name: 'funnel_stage', values: FUNNEL_STAGES };

/** A column that is never NULL (checked on every build, NOT NULL in Postgres). */
interface Required {
  readonly required: LogicalType;
}
const req = (type: LogicalType): Required => ({ required: type });

function mart<N extends string>(name: N, grain: string, columns: Readonly<Record<string, LogicalType | Required>>): MartContract & { readonly name: N } {
  return {
    name,
    grain,
    columns: Object.entries(columns).map(([column, spec]) =>
      'required' in spec ? { name: column, type: spec.required, nullable: false } : { name: column, type: spec, nullable: true },
    ),
  };
}

/** The lead's attributes repeated on event rows (from `leads`, where they are never NULL). */
const LEAD_CUTS = { channel: req(CATEGORY), segment: req(CATEGORY), region: req(CATEGORY), owner: req(CATEGORY), team: req(CATEGORY) } as const;

export const MART_CONTRACT = [
  mart('leads', 'one row per person', {
    lead_id: req(TEXT), person_key: req(BIGINT), email: TEXT, full_name: TEXT, company: TEXT,
    source_system: req(CATEGORY), crm_system: CATEGORY, ma_system: CATEGORY,
    crm_record_count: req(INTEGER), ma_record_count: req(INTEGER),
    original_source: TEXT, channel: req(CATEGORY), campaign: req(CATEGORY), segment: req(CATEGORY), region: req(CATEGORY),
    owner: req(CATEGORY), team: req(CATEGORY), stage: req(CATEGORY),
    created_at: req(TIMESTAMP), mql_at: TIMESTAMP, mql_inferred: req(BOOLEAN), mql_times: req(INTEGER),
    handoff_at: TIMESTAMP, sal_at: TIMESTAMP, rejected_at: TIMESTAMP, sql_at: TIMESTAMP,
    first_touch_at: TIMESTAMP, won_at: TIMESTAMP, lost_at: TIMESTAMP,
    rejection_reason: TEXT, rejection_reason_raw: TEXT, rejection_reason_system: TEXT, campaign_raw: TEXT, crm_url: TEXT,
    opportunity_id: TEXT, won_amount: DOUBLE,
    sla_hours: DOUBLE, sla_due_at: TIMESTAMP, hours_to_first_touch: DOUBLE, sla_status: CATEGORY,
    leak_not_in_crm: req(BOOLEAN), leak_not_handed_off: req(BOOLEAN), leak_not_touched: req(BOOLEAN), is_leak: req(BOOLEAN),
    sal_inferred: req(BOOLEAN), rejected_inferred: req(BOOLEAN),
  }),
  mart('opportunities', 'one row per opportunity', {
    opportunity_id: req(TEXT), lead_id: TEXT, source_system: req(TEXT), name: TEXT, stage_name: TEXT, outcome: req(TEXT),
    amount: req(DOUBLE), created_at: req(TIMESTAMP), closed_at: TIMESTAMP, age_days: DOUBLE,
    owner: TEXT, team: TEXT, channel: req(TEXT), campaign: req(TEXT), region: req(TEXT), segment: req(TEXT),
    reopened: BOOLEAN, stage_changes: INTEGER,
  }),
  mart('stage_events', 'one row per lead per stage entered', {
    person_key: req(BIGINT), stage: req(STAGE), stage_order: req(INTEGER), entered_at: req(TIMESTAMP), inferred: req(BOOLEAN),
    previous_stage: STAGE, days_from_previous: DOUBLE, microseconds_from_previous: BIGINT,
    next_entered_at: TIMESTAMP, days_in_stage: DOUBLE, microseconds_in_stage: BIGINT,
    ...LEAD_CUTS,
  }),
  mart('sla_targets', 'one row per month per segment', {
    month: req(DATE), segment: req(TEXT), committed_mqls: req(INTEGER), delivered_mqls: req(INTEGER),
  }),
  mart('sales_activities', 'one row per completed sales activity', {
    activity_id: req(TEXT), person_key: BIGINT, source_system: CATEGORY, activity_type: CATEGORY, owner: req(CATEGORY), team: req(CATEGORY), completed_at: req(TIMESTAMP),
  }),
  mart('leaks', 'one row per MQL per leak kind', {
    lead_id: req(TEXT), kind: req(TEXT), mql_at: req(TIMESTAMP), channel: req(CATEGORY), owner: req(CATEGORY), team: req(CATEGORY), region: req(CATEGORY),
    full_name: TEXT, company: TEXT, crm_url: TEXT,
  }),
  mart('rejected_rows', 'one row per rejected input record', {
    file: req(TEXT), line: req(BIGINT), format: req(TEXT), column_name: TEXT, raw_text: TEXT, reason: req(TEXT),
  }),
  mart('build_info', 'one row', {
    as_of: TIMESTAMP, built_at: req(TIMESTAMP), agreement_hash: req(TEXT), inputs: req(TEXT), schema_version: req(INTEGER),
  }),
  mart('mql_events', 'one row per time a lead became an MQL', {
    person_key: req(BIGINT), mql_event_at: req(TIMESTAMP), event_number: req(INTEGER), is_remql: req(BOOLEAN), inferred: req(BOOLEAN),
    channel: req(CATEGORY), campaign: req(CATEGORY), segment: req(CATEGORY), region: req(CATEGORY), owner: req(CATEGORY), team: req(CATEGORY),
  }),
  mart('revenue_goals', 'one row per day per revenue goal', {
    date: req(DATE), period: req(TEXT), period_start: req(DATE), period_end: req(DATE), segment: req(TEXT), region: req(TEXT),
    period_goal: req(DOUBLE), goal_amount: req(DOUBLE),
  }),
  mart('goal_pacing', 'one row per revenue goal (period × segment × region)', {
    period: req(TEXT), period_start: req(DATE), period_end: req(DATE), segment: req(TEXT), region: req(TEXT), period_status: req(TEXT),
    goal_amount: req(DOUBLE), days_in_period: req(INTEGER), days_elapsed: req(INTEGER), goal_to_date: req(DOUBLE),
    won_amount: req(DOUBLE), won_count: req(BIGINT), open_pipeline_amount: req(DOUBLE),
    t12m_won_amount: req(DOUBLE), t12m_won_count: req(BIGINT), t12m_lost_count: req(BIGINT), t12m_mqls: req(BIGINT), t12m_mql_sqls: req(BIGINT),
    fixed_average_won_deal: DOUBLE, fixed_close_rate: DOUBLE, fixed_mql_to_sql_rate: DOUBLE,
    committed_mqls: BIGINT, delivered_mqls: req(BIGINT),
  }),
  mart('agreement_terms', 'one row per term of the agreement the build used', {
    section: req(TEXT), position: req(INTEGER), subject: TEXT, item: TEXT, value: req(TEXT),
  }),
  mart('touchpoints', 'one row per person per marketing touch that counts', {
    touch_id: req(TEXT), person_key: req(BIGINT), source_system: CATEGORY, touch_kind: req(CATEGORY), touched_at: req(TIMESTAMP),
    channel: req(CATEGORY), campaign: req(CATEGORY), is_first_touch: req(BOOLEAN), mql_at: TIMESTAMP, segment: CATEGORY, region: CATEGORY, team: CATEGORY,
  }),
  mart('attribution', 'one row per opportunity × touch × attribution model (share > 0)', {
    opportunity_id: req(TEXT), person_key: BIGINT, model: req(CATEGORY), touch_id: req(TEXT), touched_at: TIMESTAMP,
    source_system: CATEGORY, touch_kind: req(CATEGORY), channel: req(CATEGORY), campaign: req(CATEGORY),
    is_first_touch: req(BOOLEAN), is_lead_creation: req(BOOLEAN), is_opportunity_creation: req(BOOLEAN), is_closed_won: req(BOOLEAN),
    milestones: req(CATEGORY), share: req(DOUBLE), attributed_pipeline: req(DOUBLE), attributed_revenue: req(DOUBLE),
    outcome: req(CATEGORY), amount: req(DOUBLE), opportunity_created_at: req(TIMESTAMP), closed_at: TIMESTAMP,
    segment: CATEGORY, region: CATEGORY, team: CATEGORY, owner: CATEGORY,
  }),
  mart('attribution_models', 'one row per attribution model', {
    model: req(TEXT), ord: req(INTEGER), method: req(TEXT),
    w_first_touch: req(DOUBLE), w_lead_creation: req(DOUBLE), w_opportunity_creation: req(DOUBLE), w_closed_won: req(DOUBLE), w_middle: req(DOUBLE),
    middle_to_close: req(BOOLEAN),
  }),
  mart('spend', 'one row per spend export row', {
    month: req(DATE), channel: req(TEXT), campaign: req(TEXT), amount: req(DOUBLE), file: req(TEXT), line: req(BIGINT),
  }),
] as const satisfies readonly MartContract[];

/** The marts the Cube model reads: what the server requires of a warehouse and what `npm run publish` copies. */
export const MART_TABLES: readonly MartTable[] = MART_CONTRACT.map((m) => m.name);

export type MartTable = (typeof MART_CONTRACT)[number]['name'];

export function martContract(name: string): MartContract {
  const found = MART_CONTRACT.find((m) => m.name === name);
  if (!found) throw new Error(`${name} is not a mart of the contract (etl/src/mart-contract.ts): ${MART_TABLES.join(', ')}.`);
  return found;
}

/** How the type reads in the contract and in messages: `integer (32-bit)`, `enum funnel_stage('lead', …)`. */
export function describeType(type: LogicalType): string {
  switch (type.kind) {
    case 'enum':
      return `enum ${type.name}(${type.values.map((v) => `'${v}'`).join(', ')})`;
    case 'category':
      return 'category (text; in DuckDB an ENUM of its values)';
    case 'integer':
      return `integer (${type.bits}-bit)`;
    case 'decimal':
      return `decimal(${type.precision}, ${type.scale})`;
    case 'timestamp_utc':
      return 'timestamp (UTC)';
    default:
      return type.kind;
  }
}

/** How a `category` is spelled for DuckDB: an ENUM of any values (`sameSpelling`). */
export const ANY_ENUM = 'ENUM(…)';

/**
 * The type as DuckDB's `information_schema.columns.data_type` spells it (what the ETL must
 * build); a category is `ANY_ENUM`, which `sameSpelling` matches with every ENUM.
 */
export function duckdbType(type: LogicalType): string {
  switch (type.kind) {
    case 'text':
      return 'VARCHAR';
    case 'category':
      return ANY_ENUM;
    case 'enum':
      return `ENUM(${type.values.map(literal).join(', ')})`;
    case 'integer':
      return type.bits === 32 ? 'INTEGER' : 'BIGINT';
    case 'double':
      return 'DOUBLE';
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'timestamp_utc':
      return 'TIMESTAMP';
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOLEAN';
  }
}

/**
 * The Postgres column type `npm run publish` creates. An enum is a type of its own (created in
 * the published schema under `type.name`), so only its name is returned here.
 */
export function postgresType(type: LogicalType): string {
  switch (type.kind) {
    case 'text':
    case 'category':
      return 'text';
    case 'enum':
      return type.name;
    case 'integer':
      return type.bits === 32 ? 'integer' : 'bigint';
    case 'double':
      return 'double precision';
    case 'decimal':
      return `numeric(${type.precision}, ${type.scale})`;
    case 'timestamp_utc':
      return 'timestamp without time zone';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
  }
}

/** A column as a warehouse reports it, in that warehouse's spelling of types. */
export interface FoundColumn {
  readonly name: string;
  readonly type: string;
  /** When the warehouse declares it (Postgres); DuckDB's marts are created by CREATE TABLE AS and declare nothing. */
  readonly nullable?: boolean;
}

export interface ContractMismatch {
  readonly mart: string;
  readonly column: string;
  /** The contract's type in that warehouse's spelling, or `(no such column)` for a column the contract does not have. */
  readonly expected: string;
  /** What the warehouse has, or `(missing)`. */
  readonly found: string;
}

/**
 * The columns of `mart` that differ from the contract: missing, extra, of another type, or
 * (where the warehouse declares nullability) nullable where the contract says never NULL.
 * `spell` turns a logical type into the warehouse's spelling.
 */
export function compareToContract(mart: MartContract, found: readonly FoundColumn[], spell: (type: LogicalType) => string): ContractMismatch[] {
  const byName = new Map(found.map((column) => [column.name, column]));
  const mismatches: ContractMismatch[] = [];
  for (const column of mart.columns) {
    const actual = byName.get(column.name);
    const expected = spell(column.type);
    if (!actual) {
      mismatches.push({ mart: mart.name, column: column.name, expected, found: '(missing)' });
    } else if (!sameSpelling(expected, actual.type)) {
      mismatches.push({ mart: mart.name, column: column.name, expected, found: actual.type });
    } else if (actual.nullable === true && !column.nullable) {
      mismatches.push({ mart: mart.name, column: column.name, expected: `${expected} NOT NULL`, found: `${actual.type} (nullable)` });
    }
  }
  const known = new Set(mart.columns.map((column) => column.name));
  for (const column of found) {
    if (!known.has(column.name)) mismatches.push({ mart: mart.name, column: column.name, expected: '(no such column)', found: column.type });
  }
  return mismatches;
}

/** Whether a warehouse's spelling of a type is the expected one (`ANY_ENUM`: any ENUM). */
export function sameSpelling(expected: string, found: string): boolean {
  return expected === found || (expected === ANY_ENUM && found.startsWith('ENUM(') && found.endsWith(')'));
}

/** One line per mismatch: `leads.won_amount: expected DOUBLE, found VARCHAR`. */
export function formatMismatches(mismatches: readonly ContractMismatch[]): string {
  return mismatches.map((m) => `  ${m.mart}.${m.column}: expected ${m.expected}, found ${m.found}`).join('\n');
}
