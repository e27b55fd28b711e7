'use strict';
// Runs with plain `node` before anything else loads, so an old Node gets a clear message
// instead of a syntax error from a dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 10)) {
  console.error(
    `Closedloop needs Node.js 20.10 or newer; this is ${process.version}.\n` +
      'Install a current LTS (https://nodejs.org or your package manager) and run the command again.',
  );
  process.exit(1);
}
