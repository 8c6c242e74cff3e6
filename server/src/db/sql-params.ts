// Positional parameters for SQL written as text ($1, $2, … each with its cast): the compiled
// reads, search and the timeline build their statements this way, so that a resolver and the
// compiled path can share the same SQL.
export type SqlType = 'uuid' | 'text' | 'date';

export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a parameter and returns its placeholder. */
  add = (value: unknown, type: SqlType): string => {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  };
}
