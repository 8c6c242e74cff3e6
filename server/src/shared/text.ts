// Text normalisation shared by import, anchoring and hashing. A source body is stored in Unicode
// NFC with \n line endings, and every offset into it counts Unicode code points.
import { createHash } from 'node:crypto';

/** NFC plus \r\n and \r turned into \n. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** SHA-256 hex digest of an already normalised text. */
export function contentHash(normalizedText: string): string {
  return createHash('sha256').update(normalizedText, 'utf8').digest('hex');
}

/** Number of Unicode code points (not UTF-16 units) in a text. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Converts between code-point offsets (what the API and database use) and UTF-16 offsets (what
 * JavaScript strings use). Built once per text; O(1) look-ups in both directions.
 */
export class CodePointIndex {
  /** utf16[i] is the UTF-16 offset of code point i; the last entry is the text's length. */
  private readonly utf16: number[];
  /** codePoint[u] is the code point index at UTF-16 offset u (mid-surrogate maps to the pair). */
  private readonly codePoint: Int32Array;

  constructor(readonly text: string) {
    this.utf16 = [];
    this.codePoint = new Int32Array(text.length + 1);
    let unit = 0;
    let index = 0;
    for (const char of text) {
      this.utf16.push(unit);
      for (let k = 0; k < char.length; k++) this.codePoint[unit + k] = index;
      unit += char.length;
      index++;
    }
    this.utf16.push(unit);
    this.codePoint[unit] = index;
  }

  get length(): number {
    return this.utf16.length - 1;
  }

  toUtf16(codePointOffset: number): number {
    const unit = this.utf16[codePointOffset];
    if (unit === undefined) throw new RangeError(`offset ${codePointOffset} is outside the text`);
    return unit;
  }

  toCodePoint(utf16Offset: number): number {
    const index = this.codePoint[utf16Offset];
    if (index === undefined) throw new RangeError(`offset ${utf16Offset} is outside the text`);
    return index;
  }

  /** The text between two code-point offsets, end exclusive. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
