import { describe, expect, it } from 'vitest';
import { globalId, typeOfGlobalId } from './record-types.ts';

describe('global ids', () => {
  it('encodes like the API (base64url of "Type:uuid", no padding)', () => {
    // An id the API returned for the seed corpus.
    expect(globalId('Source', '7434b0d9-3964-5304-a4bf-ba807264083f')).toBe(
      'U291cmNlOjc0MzRiMGQ5LTM5NjQtNTMwNC1hNGJmLWJhODA3MjY0MDgzZg',
    );
  });

  it('reads the type back, and null for nonsense', () => {
    expect(typeOfGlobalId('U291cmNlOjc0MzRiMGQ5LTM5NjQtNTMwNC1hNGJmLWJhODA3MjY0MDgzZg')).toBe(
      'Source',
    );
    expect(typeOfGlobalId('!!')).toBeNull();
  });
});
