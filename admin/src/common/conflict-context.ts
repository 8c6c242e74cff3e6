// Shared between VersionedEdit (which hears of a CONFLICT when saving) and the ConflictDialog
// inside its form (which can read the editor's values).
import { createContext, useContext } from 'react';

export interface Conflict {
  message: string;
  currentVersion: number | undefined;
}

export interface ConflictState {
  conflict: Conflict | null;
  clear(): void;
}

export const ConflictContext = createContext<ConflictState>({ conflict: null, clear: () => {} });

export const useConflict = (): ConflictState => useContext(ConflictContext);
