/** The marts the Cube model reads (names only); their columns and types are in ./mart-contract.ts. */
export { MART_TABLES, type MartTable } from './mart-contract';
