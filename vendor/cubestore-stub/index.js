'use strict';
// Closedloop runs Cube with pre-aggregations stored in DuckDB (external: false) and the
// in-memory cache/queue driver, so Cube Store is never started. This stub stands in for
// @cubejs-backend/cubestore, whose postinstall downloads a binary from outside the npm registry.
const unsupported = () =>
  new Error('Cube Store is not available in Closedloop: keep pre-aggregations external: false and CUBEJS_CACHE_AND_QUEUE_DRIVER=memory.');

function isCubeStoreSupported() {
  return false;
}

class CubeStoreHandler {
  constructor(config) {
    this.config = config;
  }
  async acquire() {
    throw unsupported();
  }
  async release() {}
}

module.exports = { isCubeStoreSupported, CubeStoreHandler };
