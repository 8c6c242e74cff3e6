// Small conversions between form values and API inputs.

/** An optional text: empty means "none", which the API takes as null. */
export function orNull(value: unknown): unknown {
  return value === undefined || value === '' ? null : value;
}

/** The ids of embedded records ([{ id, name }] → [id]). */
export function idsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .map((item) => (item as { id?: unknown } | null)?.id)
        .filter((id): id is string => typeof id === 'string')
    : [];
}

/** The id of an embedded record ({ id, name } → id), or null. */
export function idOf(value: unknown): string | null {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/** A list of strings without blanks (a cleared TextArrayInput item). */
export function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    : [];
}
