/**
 * `npm run soak [-- --ops N]`: N (default 100,000) random operations through the
 * contract (dispatch, as the app calls it; the edit kinds of test/core/edit-ops.ts)
 * on one real notebook folder, in writer sessions of 500 to 3,000 operations that
 * end either with a clean close or with a kill -9 at a random operation. The parent
 * keeps its own model of the notebook: every record as the acknowledged commits
 * left it. After every session it reopens the folder (as a reader; alternately
 * loading every shard up front and lazily) and compares every record — sources and
 * their versions, quotes, claims, tags, trash — with the model; the commit in flight
 * at a kill may have landed whole or not at all. Prints operations, restarts, kills
 * and differences; exits 1 on any difference, corrupt open or unreadable text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/notebook.ts';
import { mulberry32 } from '../bench/stats.ts';
import { bundleChild } from './support/bundle.ts';
import { numberArg, startClock } from './support/figures.ts';
import { total } from './support/records.ts';
import type { Snapshot } from './support/records.ts';
import { reopenAndCheck, runSession } from './support/session.ts';

const OPS = numberArg('ops', 100_000);
const clock = startClock();
const bundle = await bundleChild(ROOT);
const dir = mkdtempSync(join(tmpdir(), 'nb-soak-'));
const model: Snapshot = new Map();
const rand = mulberry32(0x50a4);
const f = { memoryDiffered: 0, ops: 0, commits: 0, restarts: 0, kills: 0, differences: 0, corrupt: 0, badTexts: 0, landed: 0, notLanded: 0, records: 0 };
const multiCommit = new Map<string, number>();
const problems: string[] = [];

for (let session = 0; f.ops < OPS; session++) {
  const ops = Math.min(OPS - f.ops, 500 + Math.floor(rand() * 2501));
  const kill = rand() < 0.5 && ops > 1;
  const seed = Math.floor(rand() * 2 ** 31);
  const s = await runSession(bundle, { dir, seed, ops }, kill ? { afterOps: 1 + Math.floor(rand() * (ops - 1)) } : null, model);
  f.ops += s.ops;
  f.commits += s.acks;
  for (const k of s.multiCommitOps) multiCommit.set(k, (multiCommit.get(k) ?? 0) + 1);
  if (s.memoryMatched === false) {
    f.memoryDiffered++;
    problems.push(`session ${session} (seed ${seed}): before its clean close the writer held other records than the acknowledged commits make`);
    console.error(problems.at(-1));
  }
  if (s.killed) f.kills++;
  else f.restarts++;
  const load = session % 2 ? 'lazy' : 'all';
  const check = await reopenAndCheck(dir, model, s.inFlight, 'never', load);
  if (s.inFlight) f[check.landed ? 'landed' : 'notLanded']++;
  f.differences += total(check.differences);
  f.badTexts += check.badTexts.length;
  f.records = check.records;
  if (check.corrupt) f.corrupt++;
  if (check.corrupt || total(check.differences) || check.badTexts.length) {
    const d = check.differences;
    problems.push(
      `session ${session} (seed ${seed}, ${s.killed ? 'killed' : 'closed'}, ${load}): ${check.corrupt ?? ''} missing ${d.missing.slice(0, 3).join(' ')} changed ${d.changed.slice(0, 3).join(' ')} extra ${d.extra.slice(0, 3).join(' ')} ${check.badTexts.slice(0, 2).join(' ')}`,
    );
    console.error(problems.at(-1));
    break; // the model no longer describes the folder: later comparisons would only repeat this one
  }
  console.error(`… ${f.ops} operations, ${f.restarts} restarts, ${f.kills} kills, ${check.records} records`);
}
rmSync(bundle, { force: true });
const t = clock();
if (!problems.length) rmSync(dir, { recursive: true, force: true });
else console.error(`notebook kept at ${dir}`);

console.log(`operations: ${f.ops}`);
console.log(`acknowledged commits: ${f.commits}`);
console.log(`restarts (clean close + reopen): ${f.restarts}`);
console.log(`kills (kill -9 + reopen): ${f.kills}`);
console.log(`commit in flight at a kill: ${f.landed} landed whole, ${f.notLanded} not at all`);
console.log(`operations that made more than one commit: ${[...multiCommit.values()].reduce((a, b) => a + b, 0)} (${[...multiCommit].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'})`);
console.log(`records at the end: ${f.records}`);
console.log(`differences: ${f.differences}`);
console.log(`clean closes where the writer's memory differed from the model: ${f.memoryDiffered}`);
console.log(`corrupt opens: ${f.corrupt}`);
console.log(`unreadable texts: ${f.badTexts}`);
console.log(`wall time: ${t.wall.toFixed(1)} s`);
console.log(`CPU time: ${(t.cpuSelf + t.cpuWriters).toFixed(1)} s (checker ${t.cpuSelf.toFixed(1)} s, writers ${t.cpuWriters.toFixed(1)} s)`);
process.exit(problems.length || f.differences || f.corrupt || f.badTexts ? 1 : 0);
