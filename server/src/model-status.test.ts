import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchedSignature, withoutEchoes } from './model-status';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** One turn of the event loop: the least an HTTP request takes to reach Cube's schemaVersion. */
const turn = () => new Promise((done) => setImmediate(done));

function modelDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-signature-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'cubes/funnel'), { recursive: true });
  writeFileSync(join(dir, 'cubes/funnel/leads.yml'), 'cubes: []\n');
  return dir;
}

describe('watchedSignature', () => {
  it.each([
    { change: 'an edited file', edit: (dir: string) => writeFileSync(join(dir, 'cubes/funnel/leads.yml'), 'cubes: [] # edited\n') },
    { change: 'a new file', edit: (dir: string) => writeFileSync(join(dir, 'cubes/funnel/more.yml'), 'cubes: []\n') },
    { change: 'a new folder with a file', edit: (dir: string) => (mkdirSync(join(dir, 'views')), writeFileSync(join(dir, 'views/v.yml'), 'views: []\n')) },
    { change: 'a removed file', edit: (dir: string) => rmSync(join(dir, 'cubes/funnel/leads.yml')) },
  ])('changes on the next request after $change', async ({ edit }) => {
    const dir = modelDir();
    const signature = watchedSignature(dir);
    try {
      const before = await signature.get();
      expect(await signature.get()).toBe(before);
      edit(dir);
      // A new folder is watched once its creation was seen: give that event its turn, too.
      await turn();
      await turn();
      expect(await signature.get()).not.toBe(before);
    } finally {
      signature.close();
    }
  });

  it('reads the folder on every call without a watch (closed, or not supported)', async () => {
    const dir = modelDir();
    const signature = watchedSignature(dir);
    try {
      const before = await signature.get();
      signature.close();
      utimesSync(join(dir, 'cubes/funnel/leads.yml'), new Date(2020, 0, 1), new Date(2020, 0, 1));
      expect(await signature.get()).not.toBe(before);
    } finally {
      signature.close();
    }
  });
});

describe('withoutEchoes', () => {
  const typo = 'leads cube: (measures.lead_count.type = cuont) must be one of [count, number]';
  const echo = (cube: string, missing: string) => `${cube} cube: Cube ${missing} doesn't exist`;
  it.each([
    { case: 'a cube that does not compile, and the two that join it', messages: [typo, echo('stage_events', 'leads'), echo('mql_event_log', 'leads')], kept: [typo] },
    { case: 'a join to a cube no file defines', messages: [echo('stage_events', 'lead')], kept: [echo('stage_events', 'lead')] },
    { case: 'a join to a missing cube beside another cube\'s problem', messages: [typo, echo('stage_events', 'lead')], kept: [typo, echo('stage_events', 'lead')] },
    { case: 'messages that name no cube', messages: ['Compile error: unexpected token', 'Error: something else'], kept: ['Compile error: unexpected token', 'Error: something else'] },
  ])('keeps what to fix: $case', ({ messages, kept }) => {
    expect(withoutEchoes(messages.map((message) => ({ message }))).map((e) => e.message)).toEqual(kept);
  });
});
