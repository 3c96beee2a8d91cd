/**
 * Long work never holds up other requests (issue 15): the longest event-loop stall
 * — the longest gap between two ticks of a 1 ms timer, what a request arriving
 * meanwhile waits at worst — during the first search on a notebook holding one
 * 19 MB source, the suggestions for a 100,000-line source, and listing 5,000
 * sources, each beside the same work done in one synchronous stretch (the previous
 * code: one source indexed in one go, suggestions detected on the service's thread)
 * measured in the same run, with the work's total CPU (every thread). Listing
 * sources and the page's snapshot are measured as they are (not changed: under
 * 100 ms at 5,000 sources). Stalls are wall time, so a loaded machine inflates
 * them: each is the least of RUNS runs.
 *
 * Run: npx tsx test/bench/responsive.ts [--scale 0.1]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../shared/api/dispatch.ts';
import { createIndex, sourceParagraphDocs } from '../../shared/search/index.ts';
import { sourceSuggestions } from '../../shared/model/suggest.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { generate } from './storage.ts';
import { mulberry32, table } from './stats.ts';

const RUNS = 3;
const PLACES = ['China', 'Kazakhstan', 'Texas', 'Norway', 'Iceland', 'Germany', 'Quebec', 'Paraguay'];
const METRICS = ['the global hash rate', 'national electricity demand', 'wind output', 'coal generation', 'household savings'];

/** `lines` lines of invented report prose, a figure in every other line, a blank line every fourth. */
export function reportText(lines: number, seed = 3): string {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (i % 4 === 3) out.push('');
    else if (i % 2 === 0) out.push(`In ${2015 + (i % 9)} ${pick(PLACES)} accounted for almost ${5 + Math.floor(r() * 90)}% of ${pick(METRICS)}, the operators said in line ${i}.`);
    else out.push(`Engineers in ${pick(PLACES)} described the season as unusual, with long queues at the substations and crews working through the night near site ${i}.`);
  }
  return out.join('\n');
}

interface Probed<T> {
  value: T;
  /** The longest gap between two ticks, wall time. */
  stallMs: number;
  /** The service thread's own CPU within its longest gap (Linux: /proc/thread-self/schedstat), which a loaded machine does not inflate; NaN elsewhere. */
  stallCpuMs: number;
  cpuMs: number;
}

/** This thread's CPU time so far in ms (Linux), or NaN. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/** Runs `work` with a 1 ms timer ticking beside it: the longest gap between ticks (wall, and this thread's CPU in it), and the process CPU the work took. */
export async function probe<T>(work: () => Promise<T> | T): Promise<Probed<T>> {
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let stall = 0;
  let stallCpu = 0;
  const gap = () => {
    const now = performance.now();
    const cpu = threadCpuMs();
    stall = Math.max(stall, now - last);
    stallCpu = Math.max(stallCpu, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  };
  const tick = setInterval(gap, 1);
  const cpu = process.cpuUsage();
  try {
    const value = await work();
    gap();
    const used = process.cpuUsage(cpu);
    return { value, stallMs: stall, stallCpuMs: stallCpu, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    clearInterval(tick);
  }
}

/** The least of each figure over `runs` runs. */
function least<T>(a: Probed<T> | null, b: Probed<T>): Probed<T> {
  return a ? { value: b.value, stallMs: Math.min(a.stallMs, b.stallMs), stallCpuMs: Math.min(a.stallCpuMs, b.stallCpuMs), cpuMs: Math.min(a.cpuMs, b.cpuMs) } : b;
}

async function best<T>(runs: number, work: () => Promise<T> | T): Promise<Probed<T>> {
  let out: Probed<T> | null = null;
  for (let i = 0; i < runs; i++) out = least(out, await probe(work));
  return out!;
}

const row = (what: string, before: Probed<unknown> | null, after: Probed<unknown>, same: boolean): (string | number)[] => [
  what,
  before?.stallMs ?? '—',
  after.stallMs,
  before?.stallCpuMs ?? '—',
  after.stallCpuMs,
  before?.cpuMs ?? '—',
  after.cpuMs,
  same ? 'yes' : 'NO',
];

async function withNotebook<T>(
  root: string,
  name: string,
  fill: (service: NotebookService, dir: string) => Promise<void> | void,
  use: (open: () => Promise<{ service: NotebookService; close: () => Promise<void> }>) => Promise<T>,
): Promise<T> {
  const dir = join(root, name);
  const store = await NotebookStore.open(dir, { write: 'required' });
  await fill(new NotebookService(store), dir);
  await store.close();
  return use(async () => {
    // No saved search index: every first search builds it.
    rmSync(join(dir, '.index'), { recursive: true, force: true });
    const s = await NotebookStore.open(dir, { write: 'required' });
    return { service: new NotebookService(s), close: () => s.close() };
  });
}

export async function main(): Promise<void> {
  const scale = Number(process.argv[process.argv.indexOf('--scale') + 1]) || 1;
  const root = mkdtempSync(join(tmpdir(), 'nb-responsive-bench-'));
  const rows: (string | number)[][] = [];
  try {
    // 1. First search on a notebook holding one 19 MB source (about 85 characters a line).
    const bigLines = Math.max(2_000, Math.round(225_000 * scale));
    const big = reportText(bigLines);
    const mb = (big.length / 1e6).toFixed(1);
    await withNotebook(
      root,
      'search',
      async (s) => void (await dispatch(s, 'importText', { text: big, title: 'Big report' })),
      async (open) => {
        const query = 'hash rate substations';
        // Each run on a freshly opened notebook (no index yet); opening and closing are outside the probe.
        const fresh = async <T>(work: (service: NotebookService) => Promise<T>): Promise<Probed<T>> => {
          let out: Probed<T> | null = null;
          for (let i = 0; i < RUNS; i++) {
            const { service, close } = await open();
            const p = await probe(() => work(service));
            await close();
            out = least(out, p);
          }
          return out!;
        };
        const before = await fresh(async (service) => {
          const source = [...service.store.memory.sources()][0]!;
          const index = createIndex();
          for (const d of sourceParagraphDocs(source.id, source.title, await service.store.getText(source.sha256))) index.add(d);
          const r = index.run(query, { limit: 20 });
          return r.ok ? r.total : -1;
        });
        const after = await fresh(async (service) => {
          const r = await dispatch(service, 'search', { query });
          return r.ok ? r.value.total : -1;
        });
        rows.push(row(`first search, one ${mb} MB source`, before, after, before.value === after.value && after.value > 0));
      },
    );

    // 2. Suggested figures of a 100,000-line source.
    const lines = Math.max(1_000, Math.round(100_000 * scale));
    await withNotebook(
      root,
      'suggest',
      async (s) => void (await dispatch(s, 'importText', { text: reportText(lines, 5), title: 'Long report' })),
      async (open) => {
        const { service, close } = await open();
        const source = [...service.store.memory.sources()][0]!;
        const text = await service.store.getText(source.sha256);
        const before = await best(1, () => sourceSuggestions(service.store.memory, source, text).filter((s) => s.status === 'open').length);
        const after = await best(RUNS, async () => {
          const r = await dispatch(service, 'listSuggestions', { sourceId: source.id });
          return r.ok ? r.value.length : -1;
        });
        await close();
        rows.push(row(`suggestions, ${lines.toLocaleString('en')}-line source`, before, after, before.value === after.value && after.value > 0));
      },
    );

    // 3. Listing 5,000 sources, and the snapshot the page loads (unchanged code: measured, no "before").
    const n = Math.max(100, Math.round(5_000 * scale));
    generate(join(root, 'list'), n, 2);
    {
      const store = await NotebookStore.open(join(root, 'list'), { write: 'required' });
      const service = new NotebookService(store);
      // Each answer serialized as the browser-mode bridge sends it (JSON), which is part of the request's stretch.
      const list = await best(RUNS, async () => {
        const r = await dispatch(service, 'listSources', {});
        return r.ok ? JSON.stringify(r.value).length && r.value.length : -1;
      });
      const snapshot = await best(RUNS, async () => {
        const r = await dispatch(service, 'getSnapshot', {});
        return r.ok ? JSON.stringify(r.value).length && r.value.sources.length : -1;
      });
      await store.close();
      rows.push(row(`listing ${n.toLocaleString('en')} sources (+ JSON)`, null, list, list.value === n));
      rows.push(row(`snapshot, ${n.toLocaleString('en')} sources, ${(2 * n).toLocaleString('en')} quotes (+ JSON)`, null, snapshot, snapshot.value === n));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log("\n## Responsiveness: longest event-loop stall during long work (ms, least of runs: wall, and the service thread's own CPU within it), and the work's CPU (ms, all threads)");
  console.log(table(['work', 'stall before', 'stall now', 'stall CPU before', 'stall CPU now', 'CPU before', 'CPU now', 'same answer'], rows));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
