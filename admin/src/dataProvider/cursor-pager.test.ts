import { describe, expect, it } from 'vitest';
import { type Chunk, CursorPager } from './cursor-pager.ts';

/** A connection of `size` rows (cursors "c1"…), recording every request. */
function connection(size: number) {
  const requests: { after: string | null; first: number; withNodes: boolean }[] = [];
  const fetch = async (after: string | null, first: number, withNodes: boolean) => {
    if (first > 100) throw new Error('first over 100');
    requests.push({ after, first, withNodes });
    const start = after === null ? 0 : Number(after.slice(1));
    const rows = Array.from({ length: Math.max(0, Math.min(first, size - start)) }, (_, i) => ({
      cursor: `c${start + i + 1}`,
      ...(withNodes && { node: start + i + 1 }),
    }));
    return {
      edges: rows,
      totalCount: size,
      hasNextPage: start + first < size,
    } satisfies Chunk<number>;
  };
  return { fetch, requests };
}

describe('CursorPager', () => {
  it('serves the first page in one request', async () => {
    const { fetch, requests } = connection(60);
    const page = await new CursorPager().slice('list', 0, 25, fetch);
    expect(page).toEqual({
      nodes: Array.from({ length: 25 }, (_, i) => i + 1),
      totalCount: 60,
      hasNextPage: true,
    });
    expect(requests).toEqual([{ after: null, first: 25, withNodes: true }]);
  });

  it('serves page N in one request when page N-1 was seen', async () => {
    const { fetch, requests } = connection(60);
    const pager = new CursorPager();
    await pager.slice('list', 0, 25, fetch);
    await pager.slice('list', 25, 25, fetch);
    const third = await pager.slice('list', 50, 25, fetch);
    expect(third.nodes).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect(third.hasNextPage).toBe(false);
    expect(requests.slice(1)).toEqual([
      { after: 'c25', first: 25, withNodes: true },
      { after: 'c50', first: 25, withNodes: true },
    ]);
  });

  it('walks to an unseen page asking for cursors only, then remembers them', async () => {
    const { fetch, requests } = connection(500);
    const pager = new CursorPager();
    const page = await pager.slice('list', 240, 10, fetch);
    expect(page.nodes[0]).toBe(241);
    expect(requests).toEqual([
      { after: null, first: 100, withNodes: false },
      { after: 'c100', first: 100, withNodes: false },
      { after: 'c200', first: 40, withNodes: false },
      { after: 'c240', first: 10, withNodes: true },
    ]);
    requests.length = 0;
    // Going back to a page inside the walked range costs one request.
    await pager.slice('list', 120, 10, fetch);
    expect(requests).toEqual([{ after: 'c120', first: 10, withNodes: true }]);
  });

  it('fetches pages larger than the API limit in several requests', async () => {
    const { fetch, requests } = connection(250);
    const page = await new CursorPager().slice('list', 0, 250, fetch);
    expect(page.nodes).toHaveLength(250);
    expect(requests.map((request) => request.first)).toEqual([100, 100, 50]);
  });

  it('returns no rows past the end, with the total', async () => {
    const { fetch } = connection(30);
    expect(await new CursorPager().slice('list', 50, 25, fetch)).toEqual({
      nodes: [],
      totalCount: 30,
      hasNextPage: false,
    });
  });

  it('keeps lists apart and forgets them on invalidate', async () => {
    const { fetch, requests } = connection(60);
    const pager = new CursorPager();
    await pager.slice('sources:a', 0, 25, fetch);
    await pager.slice('sources:b', 25, 25, fetch);
    expect(requests[1]).toEqual({ after: null, first: 25, withNodes: false });
    requests.length = 0;
    pager.invalidate('sources:');
    await pager.slice('sources:a', 25, 25, fetch);
    expect(requests).toHaveLength(2);
  });
});
