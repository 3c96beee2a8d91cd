/**
 * Claims at scale: listing 1,000, 10,000 and 50,000 claims with figures (many
 * sharing a subject, so conflicts must be judged) through the service, beside
 * the floor of reading and parsing every claim shard once; and, in the browser
 * mode, how long other requests wait while the first listing runs, beside the
 * same request on an idle server.
 *
 * Run: npx tsx test/bench/claims-scale.ts [--scale 0.1]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../shared/api/dispatch.ts';
import { boundsFor, type Bound } from '../../shared/claims/quantity.ts';
import { makeId } from '../../shared/model/ids.ts';
import { SCHEMA_VERSION, type Claim } from '../../shared/model/records.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { startServer } from '../../electron/server/server.ts';
import { mulberry32, percentile, table, time } from './stats.ts';

const PLACES = [
  'China',
  'the United States',
  'Kazakhstan',
  'Russia',
  'Canada',
  'Germany',
  'Iran',
  'Malaysia',
  'Norway',
  'Texas',
  'Andalusia',
  'Spain',
  'Sichuan',
  'Xinjiang',
  'Quebec',
  'Paraguay',
  'Ethiopia',
  'Iceland',
  'Sweden',
  'Brazil',
];
const METRICS = [
  'share of the global hash rate',
  'share of national electricity demand',
  'unemployment rate',
  'share of wind in the power mix',
  'annual inflation',
  'share of coal generation',
  'youth unemployment',
  'share of renewable capacity',
  'turnout',
  'vaccination rate',
];
const HEDGES: Array<[string, Exclude<Bound, 'range'>]> = [
  ['almost', 'near-below'],
  ['about', 'approximate'],
  ['more than', 'lower'],
  ['up to', 'upper'],
  ['', 'exact'],
  ['just over', 'near-above'],
];

/** Writes `n` claims straight into claim shards (creating them one by one through the API would time the disk, not the listing). */
function generate(dir: string, n: number, seed = 7): void {
  const r = mulberry32(seed);
  const now = '2026-01-01T00:00:00.000Z';
  mkdirSync(join(dir, 'claims'), { recursive: true });
  writeFileSync(join(dir, 'notebook.json'), JSON.stringify({ format: 'research-notebook', schemaVersion: SCHEMA_VERSION, id: randomBytes(8).toString('hex'), createdAt: now }));
  writeFileSync(join(dir, 'tags.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, tags: [] }));
  const buckets = new Map<string, Claim[]>();
  for (let i = 0; i < n; i++) {
    const place = PLACES[Math.floor(r() * PLACES.length)]!;
    const metric = METRICS[Math.floor(r() * METRICS.length)]!;
    const [hedge, bound] = HEDGES[Math.floor(r() * HEDGES.length)]!;
    const value = 5 + Math.floor(r() * 90);
    const raw = `${hedge ? hedge + ' ' : ''}${value}%`;
    const id = makeId('claim', randomBytes(10));
    const claim: Claim = {
      id,
      statement: `${place}: ${metric} ${raw}`,
      status: 'unverified',
      tags: [],
      evidence: [],
      links: [],
      notConflictingWith: [],
      note: '',
      createdAt: now,
      updatedAt: now,
      subject: `${place} — ${metric}`,
      quantity: { value, ...boundsFor(value, bound), unit: '%', hedge: hedge || null, bound, raw, kind: 'level', asOf: null, reading: null },
    };
    const k = id.slice(-1);
    buckets.set(k, [...(buckets.get(k) ?? []), claim]);
  }
  for (const [k, claims] of buckets) writeFileSync(join(dir, 'claims', `${k}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, claims }));
}

function readEveryShard(dir: string): number {
  let n = 0;
  for (const f of readdirSync(join(dir, 'claims'))) n += (JSON.parse(readFileSync(join(dir, 'claims', f), 'utf8')) as { claims: unknown[] }).claims.length;
  return n;
}

function post(port: number, token: string, method: string): Promise<{ ms: number; bytes: number }> {
  const t = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', 'x-notebook-token': token } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t) / 1e6, bytes }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

export async function main(): Promise<void> {
  const scale = Number(process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1] : '1');
  const sizes = [1_000, 10_000, 50_000].map((n) => Math.max(100, Math.round(n * scale)));
  const root = mkdtempSync(join(tmpdir(), 'nb-claims-bench-'));
  console.log(`\n## Claims at scale: listing claims with figures (${PLACES.length} places × ${METRICS.length} metrics, so most claims share a subject)`);
  const rows: (string | number)[][] = [];
  let previous: { n: number; ms: number } | null = null;
  try {
    for (const n of sizes) {
      const dir = join(root, `n${n}`);
      generate(dir, n);
      const floorMs = await time(() => readEveryShard(dir));
      const store = await NotebookStore.open(dir, { write: 'prefer' });
      const service = new NotebookService(store);
      let conflicts = 0;
      const listMs = await time(async () => {
        const res = await dispatch(service, 'listClaims', {});
        if (!res.ok) throw new Error(res.error.message);
        conflicts = res.value.reduce((s, d) => s + d.conflicts.length, 0) / 2;
      });
      const conflictMs = await time(async () => {
        const res = await dispatch(service, 'listConflicts', {});
        if (!res.ok) throw new Error(res.error.message);
      });
      await store.close();
      const growth = previous
        ? `${(listMs / previous.ms).toFixed(1)}× for ${(n / previous.n).toFixed(0)}× claims (n log n: ${((n * Math.log(n)) / (previous.n * Math.log(previous.n))).toFixed(1)}×)`
        : '';
      rows.push([n.toLocaleString(), floorMs, listMs, conflictMs, Math.round(conflicts), growth]);
      previous = { n, ms: listMs };
    }
    console.log(table(['claims', 'floor: read every shard (ms)', 'listClaims, first (ms)', 'listConflicts after (ms)', 'conflict pairs shown', 'growth'], rows));

    // Browser mode: other requests while the first listing of the 10,000-claim notebook runs.
    const n = sizes[1]!;
    const dir = join(root, `n${n}`);
    const staticDir = join(root, 'static');
    mkdirSync(staticDir, { recursive: true });
    const server = await startServer({ notebookDir: dir, port: 0, staticDir, token: 'bench-token' });
    try {
      const idle: number[] = [];
      for (let i = 0; i < 20; i++) idle.push((await post(server.port, 'bench-token', 'getInfo')).ms);
      const during: number[] = [];
      let listing = true;
      const list = post(server.port, 'bench-token', 'listClaims').then((r) => ((listing = false), r));
      while (listing) {
        during.push((await post(server.port, 'bench-token', 'getInfo')).ms);
        await new Promise((r) => setTimeout(r, 10));
      }
      const listed = await list;
      console.log(
        `\nbrowser mode, ${n.toLocaleString()} claims: first listClaims ${listed.ms.toFixed(0)} ms (${(listed.bytes / 1e6).toFixed(1)} MB); getInfo meanwhile: ${during.length} requests, p50 ${percentile(during, 50).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms; idle server: p50 ${percentile(idle, 50).toFixed(1)} ms, max ${Math.max(...idle).toFixed(1)} ms`,
      );
    } finally {
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
