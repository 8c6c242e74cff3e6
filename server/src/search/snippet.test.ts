import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, parseHeadline, HIGHLIGHT_START as S } from './snippet.ts';

describe('parseHeadline', () => {
  it.each([
    ['no match', 'plain text', 'plain text', []],
    ['one match', `the ${S}demining${E} effort`, 'the demining effort', [{ start: 4, end: 12 }]],
    [
      'two matches',
      `${S}mine${E}-free ${S}Cambodia${E}`,
      'mine-free Cambodia',
      [
        { start: 0, end: 4 },
        { start: 10, end: 18 },
      ],
    ],
    ['code points, not UTF-16 units', `😀 ${S}ខ្មែរ${E}`, '😀 ខ្មែរ', [{ start: 2, end: 7 }]],
    ['markup stays text', `<b>${S}x${E}</b>`, '<b>x</b>', [{ start: 3, end: 4 }]],
  ])('%s', (_name, input, text, highlights) => {
    expect(parseHeadline(input)).toEqual({ text, highlights });
  });
});
