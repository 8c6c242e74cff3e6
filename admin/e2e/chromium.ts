// Where the browser for the e2e tests is: Debian's Chromium (apt-get install chromium), never a
// downloaded one. CHROMIUM_PATH overrides it.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when there is no browser to drive: the e2e tests are skipped outside CI. */
export function chromiumMissing(): boolean {
  return !existsSync(CHROMIUM_PATH);
}
