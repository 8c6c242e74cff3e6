import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { encodeMarkedIds } from './global-ids.ts';

const ID = '019b71a5-65ea-7ef2-ae4d-7193dd9e13d0';

describe('encodeMarkedIds', () => {
  it('encodes the ids PostgreSQL marked, wherever they are', () => {
    const json = `{"a" : {"id" : "\\u0000Statement:${ID}", "list" : [{"id" : "\\u0000Source:${ID}"}]}}`;
    expect(JSON.parse(encodeMarkedIds(json))).toEqual({
      a: { id: encodeGlobalId('Statement', ID), list: [{ id: encodeGlobalId('Source', ID) }] },
    });
  });

  it('leaves texts alone that merely spell a marker, as PostgreSQL escapes them', () => {
    // A stored text cannot hold NUL; a backslash in it is escaped, and so is a quote.
    const json = JSON.stringify({
      spelled: `\\u0000Statement:${ID}`,
      quoted: `"\\u0000Statement:${ID}"`,
      control: `\u0001Statement:${ID}`,
    });
    expect(encodeMarkedIds(json)).toBe(json);
  });
});
