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

// `node scripts/preflight.cjs <script.ts> [args…]` then runs the TypeScript script in this same
// process (tsx's loader, no child process). A long-running server started this way is the very
// process npm signals: Ctrl-C or SIGTERM reaches it, instead of stopping a wrapper and leaving
// node holding the port (which `preflight && tsx script` did: tsx runs the script in a child).
const script = process.argv[2];
if (script) {
  const { resolve } = require('node:path');
  const { pathToFileURL } = require('node:url');
  const file = resolve(script);
  process.argv.splice(1, 2, file); // the script sees its own arguments, as if started directly
  import('tsx/esm/api')
    .then(({ register }) => {
      register();
      return import(pathToFileURL(file).href);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
