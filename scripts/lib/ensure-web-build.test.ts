import { afterEach, describe, expect, it } from 'vitest';
import { withProductionNodeEnv } from './ensure-web-build';

describe('withProductionNodeEnv: the dashboard is always built for production, and NODE_ENV is put back', () => {
  const before = process.env.NODE_ENV;
  afterEach(() => {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  });

  it.each([{ caller: undefined }, { caller: 'test' }, { caller: 'development' }, { caller: 'production' }])('caller NODE_ENV=$caller', async ({ caller }) => {
    if (caller === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = caller;
    const during = await withProductionNodeEnv(async () => process.env.NODE_ENV);
    expect(during).toBe('production');
    expect(process.env.NODE_ENV).toBe(caller);
    expect('NODE_ENV' in process.env).toBe(caller !== undefined);
  });

  it('puts it back when the build fails', async () => {
    process.env.NODE_ENV = 'test';
    await expect(withProductionNodeEnv(() => Promise.reject(new Error('vite failed')))).rejects.toThrow('vite failed');
    expect(process.env.NODE_ENV).toBe('test');
  });
});
