// What a version conflict is about: the fields someone else changed since the form was loaded,
// next to the editor's own values. Pure, so it is tested without a browser.

/** Fields that are bookkeeping, not content. */
const IGNORED = new Set(['id', 'version', 'status', 'createdAt', 'updatedAt', 'contentHash']);

export interface ConflictRow {
  field: string;
  /** The value in the editor's form now. */
  yours: unknown;
  /** The value on the server now. */
  theirs: unknown;
  /** True when the editor changed this field too (saving after reload keeps their value). */
  changedByYou: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const isEmbeddedRecord = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields changed on the server since `started` (the record the form was loaded with).
 * Embedded records (a speaker's name…) are skipped: their id fields carry the change.
 */
export function conflictRows(
  started: Record<string, unknown>,
  current: Record<string, unknown>,
  yours: Record<string, unknown>,
): ConflictRow[] {
  const fields = new Set([...Object.keys(started), ...Object.keys(current)]);
  const rows: ConflictRow[] = [];
  for (const field of fields) {
    if (
      IGNORED.has(field) ||
      isEmbeddedRecord(current[field]) ||
      isEmbeddedRecord(started[field])
    ) {
      continue;
    }
    if (same(started[field], current[field])) continue;
    rows.push({
      field,
      yours: yours[field],
      theirs: current[field],
      changedByYou: !same(yours[field], started[field]),
    });
  }
  return rows;
}

/** A value as a short line of text for the dialog. */
export function displayValue(value: unknown, max = 300): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value
            .map((item) =>
              typeof item === 'object' && item !== null
                ? Object.values(item as Record<string, unknown>)
                    .filter((part) => typeof part !== 'object')
                    .join(' ')
                : String(item),
            )
            .join(', ')
        : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
