// Turns a run into bench/results/<name>.json (everything), .md (tables per query with the
// Citeline/PostGraphile and Citeline/ceiling ratios, and the targets) and .svg (throughput per
// query and stack, one panel per connection level).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SizeSpec } from './dataset/generate.ts';
import type { CellResult } from './loadgen.ts';
import { STACKS, type StackName } from './queries.ts';
import { BENCH_DIR } from './stacks.ts';

export interface StackQueryResult {
  ok: boolean;
  summary: string;
  statements: number;
  control: number;
  roundTrips: number;
  dbMs: number;
  responseBytes: number;
  sql: string[];
  write?: { statements: number; control: number; roundTrips: number; dbMs: number; sql: string[] };
  cells: CellResult[];
}

export interface QueryResult {
  id: string;
  title: string;
  read: boolean;
  p99Target: boolean;
  stacks: Partial<Record<StackName, StackQueryResult>>;
}

export interface BenchResults {
  generatedAt: string;
  size: string;
  spec: SizeSpec;
  generatorVersion: number;
  seed: number;
  quick: boolean;
  secondsPerCell: number;
  /** The rounds a cell's seconds were split into, the stacks taking turns (1 before there were rounds). */
  roundsPerCell?: number;
  warmupSeconds: number;
  connectionLevels: number[];
  machine: { cores: number; cpu: string; memoryGiB: number };
  postgres: string;
  statementCounting: string;
  nodeVersions: Record<StackName, string>;
  dataset: {
    name: string;
    reused: boolean;
    loadSeconds: number;
    counts: Record<string, number>;
    picks: unknown;
  };
  memory: {
    afterWarmup: Record<StackName, { rssMb: number; peakMb: number }>;
    afterRun: Record<StackName, { rssMb: number; peakMb: number }>;
  };
  queries: QueryResult[];
  totalSeconds: number;
}

const LABEL: Record<StackName, string> = {
  citeline: 'Citeline',
  postgraphile: 'PostGraphile 5',
  ceiling: 'SQL ceiling',
};
const COLOR: Record<StackName, string> = {
  citeline: '#2b6cb0',
  postgraphile: '#dd6b20',
  ceiling: '#718096',
};
const TARGET_CONNECTIONS = 10;

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`;
const mark = (ok: boolean) => (ok ? '✅' : '❌');

function cellAt(
  result: QueryResult,
  stack: StackName,
  connections: number,
): CellResult | undefined {
  return result.stacks[stack]?.cells.find((c) => c.connections === connections);
}

export interface TargetCheck {
  query: string;
  target: string;
  measured: string;
  met: boolean;
}

export function checkTargets(bench: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const q of bench.queries) {
    if (!q.read) continue;
    const c = q.stacks.citeline;
    if (c) {
      checks.push({
        query: q.id,
        target: 'SQL statements ≤ 2',
        measured: `${c.statements}`,
        met: c.statements <= 2,
      });
    }
    const cite = cellAt(q, 'citeline', TARGET_CONNECTIONS);
    const pgl = cellAt(q, 'postgraphile', TARGET_CONNECTIONS);
    const ceil = cellAt(q, 'ceiling', TARGET_CONNECTIONS);
    if (cite && pgl) {
      checks.push({
        query: q.id,
        target: '≥ 1.5× PostGraphile (10 conn.)',
        measured: ratio(cite.rps, pgl.rps),
        met: cite.rps >= 1.5 * pgl.rps,
      });
    }
    if (cite && ceil) {
      checks.push({
        query: q.id,
        target: '≥ 0.6× ceiling (10 conn.)',
        measured: ratio(cite.rps, ceil.rps),
        met: cite.rps >= 0.6 * ceil.rps,
      });
    }
    if (cite && q.p99Target) {
      checks.push({
        query: q.id,
        target: 'p99 < 50 ms (10 conn.)',
        measured: `${fmt(cite.p99, 1)} ms`,
        met: cite.p99 < 50,
      });
    }
  }
  const rss = Math.max(
    bench.memory.afterWarmup.citeline.rssMb,
    bench.memory.afterRun.citeline.rssMb,
    bench.memory.afterRun.citeline.peakMb,
  );
  checks.push({
    query: 'all',
    target: 'Citeline RSS < 300 MB (peak)',
    measured: `${fmt(rss)} MB`,
    met: rss < 300,
  });
  return checks;
}

export function renderMarkdown(bench: BenchResults): string {
  const out: string[] = [];
  const spec = bench.spec;
  out.push(`## Benchmark results: size ${bench.size}${bench.quick ? ' (--quick)' : ''}`);
  out.push('');
  out.push(
    `${bench.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${fmt(spec.sources)} sources, ${fmt(spec.statements)} statements, ${fmt(spec.citations)} citations, ${fmt(spec.actors)} actors, ${fmt(spec.events)} events (generator v${bench.generatorVersion}, seed ${bench.seed}) · ${bench.secondsPerCell} s per cell (${bench.roundsPerCell ?? 1} rounds, the stacks taking turns) after a ${bench.warmupSeconds} s warm-up · ${bench.machine.cores} cores (${bench.machine.cpu}), shared by the load generator (autocannon, one process), the server under test and PostgreSQL · ${bench.postgres} · Node: Citeline ${bench.nodeVersions.citeline}, PostGraphile ${bench.nodeVersions.postgraphile}, ceiling ${bench.nodeVersions.ceiling}.`,
  );
  const loads = bench.queries.flatMap((q) =>
    STACKS.flatMap((stack) => q.stacks[stack]?.cells.map((c) => c.loadAverage) ?? []),
  );
  if (loads.length) {
    const mean = loads.reduce((sum, l) => sum + l, 0) / loads.length;
    out.push('');
    out.push(
      `Load average (1 min) at the end of each cell: mean ${fmt(mean, 1)}, max ${fmt(Math.max(...loads), 1)} on ${bench.machine.cores} cores${mean > bench.machine.cores + 1 ? ' — other work was running on the machine during this run, so absolute figures are low and noisy; the stacks were measured in turn, cell by cell, so the ratios are the fairer reading' : ''}.`,
    );
  }
  out.push('');
  out.push(
    `Throughput in requests per second at ${TARGET_CONNECTIONS} connections (the targets' level); the ratios are Citeline's.`,
  );
  out.push('');
  out.push(
    '| query | Citeline | PostGraphile | ceiling | ÷ PostGraphile | ÷ ceiling | Citeline p99 | SQL statements (C / P / ceiling) | round trips (C / P / ceiling) |',
  );
  out.push('|---|--:|--:|--:|--:|--:|--:|:-:|:-:|');
  for (const q of bench.queries) {
    const [c, p, s] = STACKS.map((stack) => cellAt(q, stack, TARGET_CONNECTIONS));
    const counts = STACKS.map((stack) => {
      const r = q.stacks[stack];
      if (!r) return '–';
      return r.write ? `${r.statements}+${r.write.statements}` : `${r.statements}`;
    }).join(' / ');
    const trips = STACKS.map((stack) => {
      const r = q.stacks[stack];
      if (!r) return '–';
      return r.write ? `${r.roundTrips}+${r.write.roundTrips}` : `${r.roundTrips}`;
    }).join(' / ');
    out.push(
      `| ${q.id} | ${fmt(c?.rps)} | ${fmt(p?.rps)} | ${fmt(s?.rps)} | ${ratio(c?.rps, p?.rps)} | ${ratio(c?.rps, s?.rps)} | ${fmt(c?.p99, 1)} ms | ${counts} | ${trips} |`,
    );
  }
  out.push('');
  out.push('W1 counts are read + write. Memory (RSS, MB) after warm-up / after the run / peak:');
  out.push('');
  out.push('| | Citeline | PostGraphile | ceiling |');
  out.push('|---|--:|--:|--:|');
  const mem = (stack: StackName) =>
    `${fmt(bench.memory.afterWarmup[stack].rssMb)} / ${fmt(bench.memory.afterRun[stack].rssMb)} / ${fmt(bench.memory.afterRun[stack].peakMb)}`;
  out.push(`| RSS | ${mem('citeline')} | ${mem('postgraphile')} | ${mem('ceiling')} |`);
  out.push('');
  out.push('### Targets (Citeline)');
  out.push('');
  out.push('| query | target | measured | met |');
  out.push('|---|---|--:|:-:|');
  for (const check of checkTargets(bench))
    out.push(`| ${check.query} | ${check.target} | ${check.measured} | ${mark(check.met)} |`);
  out.push('');
  if (bench.size !== 'M') {
    out.push(`The targets are defined on size M; this is size ${bench.size}.`);
    out.push('');
  }
  out.push('### Per query');
  for (const q of bench.queries) {
    out.push('');
    out.push(`#### ${q.id}: ${q.title}`);
    out.push('');
    out.push(
      '| | Citeline | PostGraphile | SQL ceiling | Citeline ÷ PostGraphile | Citeline ÷ ceiling |',
    );
    out.push('|---|--:|--:|--:|--:|--:|');
    for (const connections of bench.connectionLevels) {
      const [c, p, s] = STACKS.map((stack) => cellAt(q, stack, connections));
      out.push(
        `| req/s, ${connections} conn. | ${fmt(c?.rps)} | ${fmt(p?.rps)} | ${fmt(s?.rps)} | ${ratio(c?.rps, p?.rps)} | ${ratio(c?.rps, s?.rps)} |`,
      );
    }
    for (const connections of bench.connectionLevels) {
      const lat = (cell: CellResult | undefined) =>
        cell ? `${fmt(cell.p50, 1)} / ${fmt(cell.p95, 1)} / ${fmt(cell.p99, 1)}` : '–';
      const [c, p, s] = STACKS.map((stack) => cellAt(q, stack, connections));
      out.push(
        `| p50 / p95 / p99 ms, ${connections} conn. | ${lat(c)} | ${lat(p)} | ${lat(s)} | | |`,
      );
    }
    const row = (label: string, value: (r: StackQueryResult) => string) =>
      out.push(
        `| ${label} | ${STACKS.map((stack) => (q.stacks[stack] ? value(q.stacks[stack] as StackQueryResult) : '–')).join(' | ')} | | |`,
      );
    row('errors (all cells)', (r) => fmt(r.cells.reduce((sum, cell) => sum + cell.totalErrors, 0)));
    row('SQL statements / request', (r) =>
      r.write ? `${r.statements} read, ${r.write.statements} write` : `${r.statements}`,
    );
    row('round trips / request', (r) =>
      r.write ? `${r.roundTrips} read, ${r.write.roundTrips} write` : `${r.roundTrips}`,
    );
    row('+ transaction control', (r) =>
      r.write ? `${r.control} read, ${r.write.control} write` : `${r.control}`,
    );
    row('database time / request, ms', (r) =>
      r.write ? `${fmt(r.dbMs, 2)} read, ${fmt(r.write.dbMs, 2)} write` : fmt(r.dbMs, 2),
    );
    for (const connections of bench.connectionLevels) {
      const cpu = (cell: CellResult | undefined) =>
        cell
          ? `${fmt(cell.cpuPerRequest.server, 2)} / ${fmt(cell.cpuPerRequest.database, 2)}`
          : '–';
      const [c, p, s] = STACKS.map((stack) => cellAt(q, stack, connections));
      out.push(
        `| CPU ms / request, server / PostgreSQL, ${connections} conn. | ${cpu(c)} | ${cpu(p)} | ${cpu(s)} | | |`,
      );
    }
    row('response bytes', (r) => fmt(r.responseBytes));
    row('answer (checked)', (r) => `${r.ok ? '' : '**error** '}${r.summary}`);
  }
  out.push('');
  out.push(`How statements are counted: ${bench.statementCounting}`);
  return out.join('\n');
}

export function renderSvg(bench: BenchResults): string {
  const queries = bench.queries;
  const panelHeight = 220;
  const left = 70;
  const groupWidth = 84;
  const width = left + queries.length * groupWidth + 20;
  const top = 50;
  const height = top + bench.connectionLevels.length * (panelHeight + 40) + 10;
  const barWidth = (groupWidth - 18) / STACKS.length;
  const parts: string[] = [];
  const title = `Throughput (requests/s) per query and stack, size ${bench.size}${bench.quick ? ' (quick)' : ''}`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11" role="img" aria-label="${title}">`,
  );
  parts.push(`<title>${title}</title>`);
  parts.push(`<rect width="100%" height="100%" fill="white"/>`);
  parts.push(
    `<text x="${left}" y="18" font-size="14" font-weight="bold">Throughput (requests/s) per query and stack, size ${bench.size}${bench.quick ? ' (quick)' : ''}</text>`,
  );
  STACKS.forEach((stack, i) => {
    parts.push(
      `<rect x="${left + i * 130}" y="28" width="10" height="10" fill="${COLOR[stack]}"/>`,
    );
    parts.push(`<text x="${left + i * 130 + 14}" y="37">${LABEL[stack]}</text>`);
  });
  bench.connectionLevels.forEach((connections, panel) => {
    const y0 = top + panel * (panelHeight + 40) + 20;
    const max = Math.max(
      1,
      ...queries.flatMap((q) => STACKS.map((s) => cellAt(q, s, connections)?.rps ?? 0)),
    );
    const scale = (panelHeight - 30) / max;
    parts.push(
      `<text x="${left}" y="${y0 - 4}" font-weight="bold">${connections} connection${connections === 1 ? '' : 's'}</text>`,
    );
    const base = y0 + panelHeight - 20;
    for (let tick = 0; tick <= 4; tick++) {
      const value = (max * tick) / 4;
      const y = base - value * scale;
      parts.push(
        `<line x1="${left - 4}" x2="${width - 20}" y1="${y}" y2="${y}" stroke="#e2e8f0"/>`,
      );
      parts.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${fmt(value)}</text>`);
    }
    queries.forEach((q, qi) => {
      const x0 = left + qi * groupWidth + 9;
      STACKS.forEach((stack, si) => {
        const rps = cellAt(q, stack, connections)?.rps ?? 0;
        const h = rps * scale;
        parts.push(
          `<rect x="${x0 + si * barWidth}" y="${base - h}" width="${barWidth - 2}" height="${h}" fill="${COLOR[stack]}"><title>${q.id} ${LABEL[stack]}: ${fmt(rps)} req/s</title></rect>`,
        );
      });
      parts.push(
        `<text x="${x0 + (groupWidth - 18) / 2}" y="${base + 14}" text-anchor="middle">${q.id}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export async function writeResults(
  bench: BenchResults,
): Promise<{ files: string[]; markdown: string }> {
  const dir = join(BENCH_DIR, 'results');
  await mkdir(dir, { recursive: true });
  const name = bench.quick ? 'quick' : bench.size;
  const markdown = renderMarkdown(bench);
  const files = [join(dir, `${name}.json`), join(dir, `${name}.md`), join(dir, `${name}.svg`)];
  await writeFile(files[0] as string, `${JSON.stringify(bench, null, 2)}\n`);
  await writeFile(
    files[1] as string,
    `${markdown}\n\n![Throughput per query and stack](${name}.svg)\n`,
  );
  await writeFile(files[2] as string, renderSvg(bench));
  return { files, markdown };
}
