// The per-request context every resolver receives.
import type { Db } from '../db/client.ts';
import type { UserRole } from '../db/generated/prisma/enums.ts';

/** The signed-in user, if any. Anonymous requests have no viewer. */
export interface Viewer {
  id: string;
  role: UserRole;
}

export interface Context {
  prisma: Db;
  viewer: Viewer | null;
  /**
   * Set by the HTTP handler: the compiled read path (compiled/plugin.ts) leaves its `data` here
   * as the JSON text PostgreSQL wrote, for the handler to send without parsing it and
   * serialising it again. In-process execution leaves it unset and gets the parsed object.
   */
  rawData?: RawData;
}

export interface RawData {
  json?: string;
}

/** VIEWERs and above read drafts; anonymous clients read PUBLISHED records only. */
export function canReadDrafts(ctx: Context): boolean {
  return ctx.viewer !== null;
}
