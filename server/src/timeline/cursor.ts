// Timeline cursors: base64url of the JSON array [date, kind, id] of the last item seen.
import type { TimelineKey } from './timeline.sql.ts';

export function encodeTimelineCursor(key: TimelineKey): string {
  return Buffer.from(JSON.stringify([key.date, key.kind, key.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The key a cursor holds, or null when it is not a cursor `timeline` returned. */
export function decodeTimelineCursor(cursor: string): TimelineKey | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [date, kind, id] = parsed as unknown[];
      if (
        typeof date === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(date) &&
        (kind === 'Event' || kind === 'Statement') &&
        typeof id === 'string' &&
        UUID.test(id)
      ) {
        return { date, kind, id };
      }
    }
  } catch {
    // not JSON: not a cursor
  }
  return null;
}
