/**
 * npm run token -- [--region R] [--team T] [--expires 30d]
 * Prints a JWT for the REST API signed with CUBEJS_API_SECRET. --region / --team may repeat;
 * the token then only sees rows of those regions / teams.
 */
import { parseArgs } from 'node:util';
import { createToken } from './src/auth';
import type { TokenClaims } from './src/auth';

function claim(values: string[] | undefined): string | string[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      region: { type: 'string', multiple: true },
      team: { type: 'string', multiple: true },
      expires: { type: 'string', default: '30d' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run token -- [--region R]... [--team T]... [--expires 30d]\nPrints a JWT signed with CUBEJS_API_SECRET.');
    return;
  }
  const secret = process.env.CUBEJS_API_SECRET;
  if (!secret) throw new Error('CUBEJS_API_SECRET is not set: set it to the same secret the server uses.');
  const expires = values.expires ?? '30d';
  if (!/^\d+[smhdwy]$/.test(expires)) throw new Error(`--expires must be a number and a unit (s, m, h, d, w, y), e.g. 30d, not "${expires}".`);
  const claims: TokenClaims = { region: claim(values.region), team: claim(values.team) };
  console.log(createToken(secret, claims, expires as `${number}d`));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
