// Serves react-admin's numbered pages from Relay connections, which only page forward from a
// cursor. It remembers the cursor at every offset it has seen, per list (resource + filter +
// order): page N costs one request when page N-1 (or any page ending at N's start) was seen;
// otherwise it walks forward from the nearest known cursor, asking for cursors only.

/** The API's page limit: `first` over 100 is an error. */
export const MAX_PAGE_SIZE = 100;

export interface Chunk<T> {
  /** One per row; `node` is absent when only cursors were asked for. */
  edges: readonly { cursor: string; node?: T }[];
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * Fetches up to `first` rows after `after` (null: from the start). With `withNodes` false the
 * caller may skip the rows' fields and return cursors only.
 */
export type FetchChunk<T> = (
  after: string | null,
  first: number,
  withNodes: boolean,
) => Promise<Chunk<T>>;

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
}

/** How many lists to remember before forgetting the oldest. */
const MAX_LISTS = 50;

export class CursorPager {
  /** list key → (offset → cursor of the row just before that offset). */
  private readonly lists = new Map<string, Map<number, string>>();

  /** The rows [offset, offset + count) of the list `key`. */
  async slice<T>(
    key: string,
    offset: number,
    count: number,
    fetch: FetchChunk<T>,
  ): Promise<Page<T>> {
    const cursors = this.cursorsOf(key);
    let position = 0;
    for (const known of cursors.keys()) {
      if (known <= offset && known > position) position = known;
    }
    let totalCount = 0;
    // Walk to the start of the slice, cursors only.
    while (position < offset) {
      const first = Math.min(MAX_PAGE_SIZE, offset - position);
      const chunk = await fetch(this.cursorAt(cursors, position), first, false);
      this.remember(cursors, position, chunk);
      totalCount = chunk.totalCount;
      if (chunk.edges.length < first || !chunk.hasNextPage) {
        return { nodes: [], totalCount, hasNextPage: false };
      }
      position += first;
    }
    const nodes: T[] = [];
    let hasNextPage = false;
    while (nodes.length < count) {
      const first = Math.min(MAX_PAGE_SIZE, count - nodes.length);
      const chunk = await fetch(this.cursorAt(cursors, position), first, true);
      this.remember(cursors, position, chunk);
      totalCount = chunk.totalCount;
      hasNextPage = chunk.hasNextPage;
      for (const edge of chunk.edges) if (edge.node !== undefined) nodes.push(edge.node);
      position += chunk.edges.length;
      if (!chunk.hasNextPage || chunk.edges.length < first) break;
    }
    return { nodes, totalCount, hasNextPage };
  }

  /** Forgets the lists whose key starts with `prefix` (after a change to that resource). */
  invalidate(prefix: string): void {
    for (const key of [...this.lists.keys()]) if (key.startsWith(prefix)) this.lists.delete(key);
  }

  private cursorsOf(key: string): Map<number, string> {
    let cursors = this.lists.get(key);
    if (cursors) {
      // Most recently used last, so the oldest is the first to go.
      this.lists.delete(key);
    } else {
      cursors = new Map();
    }
    this.lists.set(key, cursors);
    while (this.lists.size > MAX_LISTS) {
      const oldest = this.lists.keys().next().value;
      if (oldest === undefined) break;
      this.lists.delete(oldest);
    }
    return cursors;
  }

  private cursorAt(cursors: Map<number, string>, position: number): string | null {
    return position === 0 ? null : (cursors.get(position) ?? null);
  }

  private remember<T>(cursors: Map<number, string>, position: number, chunk: Chunk<T>): void {
    chunk.edges.forEach((edge, index) => {
      cursors.set(position + index + 1, edge.cursor);
    });
  }
}
