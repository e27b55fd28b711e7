import { describe, expect, it } from 'vitest';
import { deckTakesKey, nextIndex } from './meeting-deck';

describe('nextIndex (5 slides)', () => {
  const cases = [
    { key: 'ArrowRight', index: 0, expected: 1 },
    { key: 'PageDown', index: 3, expected: 4 },
    { key: 'PageDown', index: 4, expected: 4 },
    { key: ' ', index: 2, expected: 3 },
    { key: 'ArrowLeft', index: 2, expected: 1 },
    { key: 'PageUp', index: 0, expected: 0 },
    { key: 'Home', index: 3, expected: 0 },
    { key: 'End', index: 1, expected: 4 },
    { key: 'a', index: 1, expected: null },
    { key: 'Escape', index: 1, expected: null },
  ];
  for (const c of cases) it(`${JSON.stringify(c.key)} from ${c.index}`, () => expect(nextIndex(c.key, c.index, 5)).toBe(c.expected));
});

describe('deckTakesKey: the keyboard works whatever has focus', () => {
  const cases = [
    { key: 'ArrowRight', target: { tagName: 'SELECT' }, expected: true },
    { key: ' ', target: { tagName: 'SELECT' }, expected: true },
    { key: 'Escape', target: { tagName: 'SELECT' }, expected: true },
    { key: 'ArrowDown', target: { tagName: 'SELECT' }, expected: false },
    { key: ' ', target: { tagName: 'BUTTON' }, expected: true },
    { key: 'ArrowRight', target: { tagName: 'INPUT', type: 'checkbox' }, expected: true },
    { key: 'ArrowRight', target: { tagName: 'INPUT', type: 'text' }, expected: false },
    { key: 'Escape', target: { tagName: 'INPUT', type: 'date' }, expected: false },
    { key: ' ', target: { tagName: 'TEXTAREA' }, expected: false },
    { key: ' ', target: { tagName: 'DIV', isContentEditable: true }, expected: false },
    { key: 'PageDown', target: { tagName: 'BODY' }, expected: true },
    { key: 'PageDown', target: null, expected: true },
  ];
  for (const c of cases) it(`${JSON.stringify(c.key)} on ${c.target ? `${c.target.tagName}${'type' in c.target ? `[${c.target.type}]` : ''}` : 'nothing'}`, () => expect(deckTakesKey(c.key, c.target)).toBe(c.expected));
});
