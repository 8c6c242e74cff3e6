// CPU time per process group, read from /proc: where a cell's requests spent the machine's two
// cores (the server under test, PostgreSQL, the load generator). Throughput alone cannot say
// whether a stack is slower because of its own work or because of the SQL it sends.
import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  comm: string;
  /** This process's own CPU, ms. */
  own: number;
  /** Its exited and reaped children's CPU, ms (how PostgreSQL's ended backends are counted). */
  children: number;
}

async function processTimes(pid: number | string): Promise<ProcessTimes | undefined> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited between listing and reading
  }
  // The command name is in parentheses and may hold spaces; the fields after it are fixed.
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(stat.indexOf('(') + 1, close);
  const fields = stat.slice(close + 2).split(' ');
  // Fields 14-17 of proc(5) (utime, stime, cutime, cstime), here counted from field 3 (state).
  const ms = (index: number) => (Number(fields[index - 3]) * 1000) / TICKS_PER_SECOND;
  return { comm, own: ms(14) + ms(15), children: ms(16) + ms(17) };
}

/** CPU ms used so far by one process (the server under test). */
export async function processCpuMs(pid: number): Promise<number> {
  return (await processTimes(pid))?.own ?? Number.NaN;
}

/**
 * CPU ms used so far by the local PostgreSQL: every live postgres process, plus what the
 * postmaster has collected from backends that ended (a connection closed during the cell).
 */
export async function postgresCpuMs(): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = await processTimes(entry);
    if (times?.comm !== 'postgres') continue;
    total += times.own + times.children;
  }
  return total;
}

/** The load generator's own CPU ms so far (this process: autocannon runs in it). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
