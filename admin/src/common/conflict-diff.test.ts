import { describe, expect, it } from 'vitest';
import { conflictRows, displayValue } from './conflict-diff.ts';

describe('conflictRows', () => {
  const started = {
    id: '1',
    version: 1,
    title: 'Old',
    outlet: null,
    topicIds: ['a'],
    speaker: { id: 's', name: 'S' },
  };

  it('lists the fields changed on the server, marking those the editor changed too', () => {
    const current = {
      ...started,
      version: 2,
      title: 'Theirs',
      outlet: 'Khmer Times',
      speaker: { id: 't', name: 'T' },
    };
    const yours = { ...started, title: 'Mine' };
    expect(conflictRows(started, current, yours)).toEqual([
      { field: 'title', yours: 'Mine', theirs: 'Theirs', changedByYou: true },
      { field: 'outlet', yours: null, theirs: 'Khmer Times', changedByYou: false },
    ]);
  });

  it('ignores bookkeeping', () => {
    expect(conflictRows(started, { ...started, version: 7, updatedAt: 'now' }, started)).toEqual(
      [],
    );
  });
});

describe('displayValue', () => {
  it.each([
    [null, '(empty)'],
    ['', '(empty)'],
    ['text', 'text'],
    [['a', 'b'], 'a, b'],
    [[{ actorId: 'x', role: 'HOST' }], 'x HOST'],
    [true, 'true'],
  ])('%j → %s', (value, shown) => {
    expect(displayValue(value)).toBe(shown);
  });

  it('shortens long text', () => {
    expect(displayValue('x'.repeat(400), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
