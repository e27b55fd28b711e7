import { describe, expect, it } from 'vitest';
import { idempotentPreAggregationBuild } from './warehouse-driver';

describe('idempotentPreAggregationBuild', () => {
  it.each([
    ['CREATE TABLE pre_aggregations.leads_funnel_x AS SELECT 1', 'CREATE TABLE IF NOT EXISTS pre_aggregations.leads_funnel_x AS SELECT 1'],
    ['  create table "pre_aggregations".t AS SELECT 1', '  create table IF NOT EXISTS "pre_aggregations".t AS SELECT 1'],
    ['CREATE TABLE IF NOT EXISTS pre_aggregations.t AS SELECT 1', 'CREATE TABLE IF NOT EXISTS pre_aggregations.t AS SELECT 1'],
    ['CREATE TABLE leads AS SELECT 1', 'CREATE TABLE leads AS SELECT 1'],
    ['CREATE SCHEMA IF NOT EXISTS pre_aggregations', 'CREATE SCHEMA IF NOT EXISTS pre_aggregations'],
    ['DROP TABLE pre_aggregations.t', 'DROP TABLE pre_aggregations.t'],
  ])('%s', (input, expected) => {
    expect(idempotentPreAggregationBuild(input)).toBe(expected);
  });
});
