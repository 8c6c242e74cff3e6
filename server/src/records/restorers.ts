// How each type takes back the content of an old revision. Feature modules register the same
// update path their update mutation uses, so a restore obeys every rule an edit does.
import type { Viewer } from '../schema/context.ts';
import type { CuratedModel, Tx } from './models.ts';
import type { Snapshot } from './revisions.ts';

export type Restorer = (
  tx: Tx,
  input: { id: string; viewer: Viewer; expectedVersion: number; content: Snapshot },
) => Promise<Snapshot>;

const restorers = new Map<CuratedModel, Restorer>();

export function registerRestorer(model: CuratedModel, restorer: Restorer): void {
  restorers.set(model, restorer);
}

export function restorerFor(model: CuratedModel): Restorer | undefined {
  return restorers.get(model);
}

/** A snapshot's ISO date string back to a Date (null stays null). */
export function dateOf(value: unknown): Date | null {
  return typeof value === 'string' ? new Date(value) : null;
}
