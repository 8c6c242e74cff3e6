// The API counts offsets in Unicode code points; JavaScript strings and DOM selections count
// UTF-16 code units. An emoji or any character outside the Basic Multilingual Plane is one code
// point but two units, so every offset crossing that border goes through these conversions.

/** Whether the unit at `index` is the first half of a surrogate pair. */
function isHighSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** The number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    if (isHighSurrogate(text, index)) index++;
    count++;
  }
  return count;
}

/**
 * The code-point offset of the UTF-16 index `unit` in `text`. An index inside a surrogate pair
 * (which a DOM selection can produce) rounds down to the pair's start, or up past it.
 */
export function codePointOffset(text: string, unit: number, round: 'down' | 'up' = 'down'): number {
  const limit = Math.max(0, Math.min(unit, text.length));
  let count = 0;
  let index = 0;
  while (index < limit) {
    if (isHighSurrogate(text, index)) {
      if (index + 1 === limit) return round === 'up' ? count + 1 : count;
      index += 2;
    } else {
      index++;
    }
    count++;
  }
  return count;
}

/**
 * The UTF-16 indices of code-point offsets in `text`, in the order given, in one pass over the
 * text. Offsets below 0 map to 0 and offsets past the end to `text.length`.
 */
export function utf16Indices(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((offset, position) => ({ offset, position }));
  order.sort((a, b) => a.offset - b.offset);
  const result = new Array<number>(offsets.length);
  let codePoint = 0;
  let unit = 0;
  for (const { offset, position } of order) {
    while (codePoint < offset && unit < text.length) {
      unit += isHighSurrogate(text, unit) ? 2 : 1;
      codePoint++;
    }
    result[position] = offset <= 0 ? 0 : unit;
  }
  return result;
}

/**
 * The code-point offsets of UTF-16 indices in `text`, in the order given, in one pass. Indices
 * inside a surrogate pair round down to the pair's start.
 */
export function codePointOffsets(text: string, units: readonly number[]): number[] {
  const order = units.map((unit, position) => ({ unit, position }));
  order.sort((a, b) => a.unit - b.unit);
  const result = new Array<number>(units.length);
  let codePoint = 0;
  let unit = 0;
  for (const item of order) {
    const target = Math.min(item.unit, text.length);
    while (unit < target) {
      const width = isHighSurrogate(text, unit) ? 2 : 1;
      if (unit + width > target) break;
      unit += width;
      codePoint++;
    }
    result[item.position] = codePoint;
  }
  return result;
}

/** The code points [start, end) of `text`, as a string. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  const [from, to] = utf16Indices(text, [start, end ?? Number.MAX_SAFE_INTEGER]);
  return text.slice(from, to);
}

const SPACE = /\s/u;

/**
 * The range [start, end) without the white space at either end (a double click or a drag often
 * takes a space or a line break with the words). Null when only white space is left.
 */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const chars = Array.from(sliceCodePoints(text, start, end));
  let first = 0;
  let last = chars.length;
  while (first < last && SPACE.test(chars[first] ?? '')) first++;
  while (last > first && SPACE.test(chars[last - 1] ?? '')) last--;
  if (first === last) return null;
  return { start: start + first, end: start + last };
}
