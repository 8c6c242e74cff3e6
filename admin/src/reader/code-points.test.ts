import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  codePointOffset,
  codePointOffsets,
  sliceCodePoints,
  trimRange,
  utf16Indices,
} from './code-points.ts';

// "👍" is one code point and two UTF-16 units; Khmer letters and their vowel signs are one
// unit each (but several code points make one visible character).
const MIXED = 'a👍b ខ្មែរ 😀c';

describe('code points and UTF-16 units', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['👍', 1],
    [MIXED, 12],
    ['ខ្មែរ', 5],
  ])('%j has %i code points', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });

  it.each([
    // [UTF-16 index, code points before it]
    [0, 0],
    [1, 1],
    [3, 2],
    [4, 3],
    [11, 10],
    [13, 11],
    [14, 12],
    [99, 12],
  ])('UTF-16 index %i is code point %i', (unit, expected) => {
    expect(codePointOffset(MIXED, unit)).toBe(expected);
  });

  it('rounds an index inside a surrogate pair down or up', () => {
    // Index 2 is between the two halves of 👍 (code point 1).
    expect(codePointOffset(MIXED, 2, 'down')).toBe(1);
    expect(codePointOffset(MIXED, 2, 'up')).toBe(2);
  });

  it('converts many offsets both ways in one pass, in the order given', () => {
    const offsets = [12, 0, 2, 10, 1];
    const units = utf16Indices(MIXED, offsets);
    expect(units).toEqual([14, 0, 3, 11, 1]);
    expect(codePointOffsets(MIXED, units)).toEqual(offsets);
  });

  it('slices by code points', () => {
    expect(sliceCodePoints(MIXED, 1, 3)).toBe('👍b');
    expect(sliceCodePoints(MIXED, 4, 9)).toBe('ខ្មែរ');
    expect(sliceCodePoints(MIXED, 10)).toBe('😀c');
  });

  it('trims white space off a selected range', () => {
    expect(trimRange(MIXED, 3, 10)).toEqual({ start: 4, end: 9 });
    expect(trimRange(MIXED, 3, 11)).toEqual({ start: 4, end: 11 });
    expect(trimRange(' \n ', 0, 3)).toBeNull();
    expect(trimRange('😀 x', 0, 3)).toEqual({ start: 0, end: 3 });
  });
});
