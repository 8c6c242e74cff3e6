// Suggestions an editor dismissed, remembered for the browser tab (sessionStorage) and per
// source: dismissing is a reading aid, not a change to the record, so nothing goes to the API.

const key = (sourceId: string) => `citeline.dismissed-suggestions.${sourceId}`;

/** A suggestion's identity within its source: where its words are. */
export const suggestionKey = (suggestion: { start: number; end: number }) =>
  `${suggestion.start}-${suggestion.end}`;

export function readDismissed(sourceId: string): Set<string> {
  try {
    const raw = sessionStorage.getItem(key(sourceId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((item) => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeDismissed(sourceId: string, dismissed: ReadonlySet<string>): void {
  sessionStorage.setItem(key(sourceId), JSON.stringify([...dismissed]));
}
