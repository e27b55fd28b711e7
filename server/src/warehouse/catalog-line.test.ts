import { describe, expect, it } from 'vitest';
import { catalogLine } from './catalog-line';

/** A job that logs its start and end, and ends (or fails) when the test says. */
function job(log: string[], name: string) {
  let finish: (fail?: boolean) => void = () => undefined;
  const ended = new Promise<string>((resolve, reject) => {
    finish = (fail = false) => {
      log.push(`${name} end`);
      if (fail) reject(new Error(`${name} failed`));
      else resolve(name);
    };
  });
  return {
    run: () => {
      log.push(`${name} start`);
      return ended;
    },
    finish: (fail?: boolean) => finish(fail),
  };
}

/** Lets every pending promise continuation run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('catalogLine', () => {
  const cases = [
    {
      name: 'a read asked while changes run starts once they have all ended',
      steps: ['change a', 'change b', 'read r', 'end a', 'end b', 'end r'],
      log: ['a start', 'b start', 'a end', 'b end', 'r start', 'r end'],
    },
    {
      name: 'a change asked while a read runs starts once the read has ended',
      steps: ['read r', 'change a', 'end r', 'end a'],
      log: ['r start', 'r end', 'a start', 'a end'],
    },
    {
      name: 'changes run beside each other',
      steps: ['change a', 'change b', 'end b', 'end a'],
      log: ['a start', 'b start', 'b end', 'a end'],
    },
    {
      name: 'reads run one at a time, in the order asked',
      steps: ['read r', 'read s', 'end r', 'end s'],
      log: ['r start', 'r end', 's start', 's end'],
    },
    {
      name: 'a change asked between two reads waits for both',
      steps: ['read r', 'change a', 'read s', 'end r', 'end s', 'end a'],
      log: ['r start', 'r end', 's start', 's end', 'a start', 'a end'],
    },
    {
      name: 'a failed read or change does not stop the line',
      steps: ['change a', 'read r', 'fail a', 'fail r', 'change b', 'end b'],
      log: ['a start', 'a end', 'r start', 'r end', 'b start', 'b end'],
    },
  ];

  it.each(cases)('$name', async ({ steps, log: expected }) => {
    const line = catalogLine();
    const log: string[] = [];
    const jobs = new Map<string, ReturnType<typeof job>>();
    const outcomes: Promise<unknown>[] = [];
    for (const step of steps) {
      const [verb, name = ''] = step.split(' ');
      if (verb === 'change' || verb === 'read') {
        const j = job(log, name);
        jobs.set(name, j);
        outcomes.push((verb === 'change' ? line.change(j.run) : line.read(j.run)).catch(() => undefined));
      } else {
        jobs.get(name)?.finish(verb === 'fail');
      }
      await settle();
    }
    await Promise.all(outcomes);
    expect(log).toEqual(expected);
  });

  it('answers each job with its own result or error', async () => {
    const line = catalogLine();
    await expect(line.change(async () => 'built')).resolves.toBe('built');
    await expect(line.read(async () => ['t'])).resolves.toEqual(['t']);
    await expect(line.read(() => Promise.reject(new Error('no catalog')))).rejects.toThrow('no catalog');
  });
});
