/**
 * `npm run torture [-- --runs N --parallel P]`: the kill -9 loop. Each run starts the
 * bundled writer (child.ts) on a real notebook folder, lets it make random edits
 * through the contract and kills it with SIGKILL at a random point: after a random
 * number of acknowledged commits, or just as it starts a compaction, a large import,
 * a trash or restore, or while a backup snapshot is being copied. The notebook is
 * then reopened (as a reader, every fourth run as the next writer) and compared
 * record by record with the parent's model of every acknowledged commit: nothing
 * acknowledged may be missing or different, and the commit in flight may have landed
 * whole or not at all. Each lane keeps its notebook for 50 runs, so the log grows
 * across kills and compactions happen mid-burst too. Prints one line per figure;
 * exits 1 if anything was lost, corrupt or unreadable.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_DIR, listBackups } from '../../electron/storage/backups.ts';
import { ROOT } from '../support/notebook.ts';
import { mulberry32 } from '../bench/stats.ts';
import { bundleChild } from './support/bundle.ts';
import { numberArg, startClock } from './support/figures.ts';
import { total } from './support/records.ts';
import type { Snapshot } from './support/records.ts';
import { reopenAndCheck, runSession } from './support/session.ts';
import type { KillRule } from './support/session.ts';

const RUNS = numberArg('runs', 1000);
const LANES = numberArg('parallel', 2);
const RUNS_PER_NOTEBOOK = 50;
/** A phase kill that never comes (nothing to trash yet) ends with a kill after this many operations. */
const OP_CAP = 300;

const figures = { runs: 0, acks: 0, lost: 0, unacknowledged: 0, corrupt: 0, badTexts: 0, landed: 0, notLanded: 0, cutTails: 0, writerOpens: 0 };
const killsAt: Record<string, number> = { ack: 0, compact: 0, import: 0, trash: 0, backup: 0, 'op cap': 0 };
const problems: string[] = [];
/** Runs whose kill left new evidence of where it landed: a shard temp never renamed, a text temp, an unfinished backup. */
const leftAt = { shardTemp: 0, textTemp: 0, partialBackup: 0 };

/** Names a kill leaves mid-write: `.<name>.<hex>.tmp` beside a shard or text (durable-fs.ts), `<stamp>.partial` in .backups/. */
function leftovers(dir: string): Record<keyof typeof leftAt, string[]> {
  const list = (d: string, re: RegExp) => {
    try {
      return readdirSync(join(dir, d))
        .filter((n) => re.test(n))
        .map((n) => `${d}/${n}`);
    } catch {
      return [];
    }
  };
  const temp = /^\..+\.[0-9a-f]{8}\.tmp$/;
  return {
    shardTemp: ['.', 'sources', 'claims', 'trash'].flatMap((d) => list(d, temp)),
    textTemp: list('texts', temp),
    partialBackup: list(BACKUP_DIR, /\.partial$/),
  };
}

function ruleFor(r: number, rand: () => number): { rule: KillRule; ageBackup: boolean } {
  if (r < 0.45) return { rule: { afterAcks: 1 + Math.floor(rand() * 80), afterOps: OP_CAP }, ageBackup: false };
  if (r < 0.62) return { rule: { onPhase: 'compact', afterAcks: Math.floor(rand() * 30), afterOps: OP_CAP }, ageBackup: false };
  if (r < 0.74) return { rule: { onPhase: 'backup', afterOps: OP_CAP }, ageBackup: true };
  if (r < 0.87) return { rule: { onPhase: 'import', afterAcks: Math.floor(rand() * 10), afterOps: OP_CAP }, ageBackup: false };
  return { rule: { onPhase: 'trash', afterAcks: Math.floor(rand() * 20), afterOps: OP_CAP }, ageBackup: false };
}

/** Makes the newest backup look older than the snapshot interval, so the next writer's first commit starts one. */
function ageNewestBackup(dir: string): void {
  const newest = listBackups(dir)[0];
  if (!newest) return;
  const old = new Date(Date.now() - 3_600_000);
  utimesSync(join(dir, BACKUP_DIR, newest), old, old);
}

async function lane(laneNo: number, bundle: string, next: () => number | null): Promise<void> {
  const rand = mulberry32(0x5eed + laneNo);
  let dir = '';
  let model: Snapshot = new Map();
  let used = RUNS_PER_NOTEBOOK;
  const seen = new Set<string>();
  for (let run = next(); run !== null; run = next()) {
    if (used++ >= RUNS_PER_NOTEBOOK) {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'nb-torture-'));
      model = new Map();
      used = 1;
    }
    const { rule, ageBackup } = ruleFor(rand(), rand);
    if (ageBackup) ageNewestBackup(dir);
    const seed = Math.floor(rand() * 2 ** 31);
    const session = await runSession(bundle, { dir, seed, torture: true }, rule, model);
    for (const [what, names] of Object.entries(leftovers(dir)) as [keyof typeof leftAt, string[]][]) {
      if (names.some((n) => !seen.has(n))) leftAt[what]++;
      for (const n of names) seen.add(n);
    }
    const asWriter = run % 4 === 0;
    const check = await reopenAndCheck(dir, model, session.inFlight, asWriter ? 'required' : 'never');
    figures.runs++;
    figures.acks += session.acks;
    if (asWriter) figures.writerOpens++;
    killsAt[session.killedAt ?? 'ack'] = (killsAt[session.killedAt ?? 'ack'] ?? 0) + 1;
    if (session.inFlight) figures[check.landed ? 'landed' : 'notLanded']++;
    figures.cutTails += check.recovery.length && !check.corrupt ? 1 : 0;
    const d = check.differences;
    figures.lost += d.missing.length + d.changed.length;
    figures.unacknowledged += d.extra.length;
    figures.badTexts += check.badTexts.length;
    if (check.corrupt) figures.corrupt++;
    if (check.corrupt || total(d) || check.badTexts.length) {
      problems.push(
        `run ${run} (lane ${laneNo}, seed ${seed}, ${dir}): ${check.corrupt ?? ''} missing ${d.missing.slice(0, 3).join(' ')} changed ${d.changed.slice(0, 3).join(' ')} extra ${d.extra.slice(0, 3).join(' ')} ${check.badTexts.slice(0, 2).join(' ')}`,
      );
      console.error(problems.at(-1));
      // Keep this notebook for inspection; go on with a fresh one.
      dir = '';
      used = RUNS_PER_NOTEBOOK;
    }
    if (figures.runs % 100 === 0) console.error(`… ${figures.runs} runs, ${figures.acks} acknowledged commits`);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}

const clock = startClock();
const bundle = await bundleChild(ROOT);
let issued = 0;
const next = () => (issued < RUNS ? issued++ : null);
await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, bundle, next)));
rmSync(bundle, { force: true });
const t = clock();

console.log(`runs: ${figures.runs}`);
console.log(`acknowledged writes (commits): ${figures.acks}`);
console.log(`lost (acknowledged records missing or changed): ${figures.lost}`);
console.log(`unacknowledged records present: ${figures.unacknowledged}`);
console.log(`corrupt opens: ${figures.corrupt}`);
console.log(`unreadable texts: ${figures.badTexts}`);
console.log(
  `kills: ${Object.entries(killsAt)
    .map(([k, n]) => `${n} at ${k}`)
    .join(', ')}`,
);
console.log(
  `kills that left a shard temp file (mid-compaction or mid-write): ${leftAt.shardTemp}, a text temp file (mid-import): ${leftAt.textTemp}, an unfinished backup (mid-snapshot): ${leftAt.partialBackup}`,
);
console.log(`commit in flight at the kill: ${figures.landed} landed whole, ${figures.notLanded} not at all`);
console.log(`opens reporting a cut last log line: ${figures.cutTails}`);
console.log(`reopened as the next writer: ${figures.writerOpens} of ${figures.runs}`);
console.log(`wall time: ${t.wall.toFixed(1)} s`);
console.log(`CPU time: ${(t.cpuSelf + t.cpuWriters).toFixed(1)} s (checker ${t.cpuSelf.toFixed(1)} s, writers ${t.cpuWriters.toFixed(1)} s)`);
process.exit(figures.lost || figures.unacknowledged || figures.corrupt || figures.badTexts ? 1 : 0);
