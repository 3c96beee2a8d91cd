/**
 * Sharing through git at scale (issue 19): two copies of a 10,000-source notebook
 * (10 quotes each), each editing quotes in 5% of the sources, 1% of the sources
 * edited in both copies (different quotes of the same source: the driver merges
 * those files), merged with `git merge` and the notebook's driver and hooks —
 * beside a plain `git merge` of a repository of the same files without the driver,
 * whose two sides edit different files. Times are the `git merge` process with its
 * children (wall, and CPU user + system from /usr/bin/time). Then the convergence
 * run of test/share at 10,000 edits across three copies (`--scale` shrinks both).
 * Run with `npm run bench` or `npx tsx test/bench/share.ts [--scale 0.1] [--edits N]` (`--edits 0`: the merge only).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, commitAll, git, sharedFiles, shareCopy } from '../share/support.ts';
import { converge } from '../share/converge.ts';
import { generate } from './storage.ts';
import { table } from './stats.ts';

/** Wall and CPU seconds of one `git merge` (children included), and whether it was clean. */
function timedMerge(dir: string): { wall: number; cpu: number; clean: boolean } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'git', 'merge', '--quiet', '--no-edit', 'FETCH_HEAD'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const [e, u, s] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall: e!, cpu: u! + s!, clean: r.status === 0 };
}

/** Sets a note on quote `q` of the n-th source file (sorted by name) of a copy. */
function editQuote(dir: string, names: string[], n: number, q: number, note: string): void {
  const path = join(dir, 'sources', names[n]!);
  const shard = JSON.parse(readFileSync(path, 'utf8'));
  shard.quotes[q].note = note;
  writeFileSync(path, JSON.stringify(shard) + '\n');
}

function twoCopies(root: string, name: string, n: number, driver: boolean): { a: string; b: string; names: string[] } {
  const a = join(root, `${name}-a`);
  generate(a, n, 10);
  if (driver) shareCopy(a);
  else {
    git(root, 'init', '--quiet', a);
    for (const [k, v] of [
      ['user.name', 'Bench'],
      ['user.email', 'bench@example.invalid'],
      ['commit.gpgsign', 'false'],
    ])
      git(a, 'config', k!, v!);
    commitAll(a, 'first');
  }
  const b = join(root, `${name}-b`);
  if (driver) shareCopy(b, a);
  else {
    execFileSync('git', ['clone', '--quiet', a, b]);
    for (const [k, v] of [
      ['user.name', 'Bench'],
      ['user.email', 'bench@example.invalid'],
    ])
      git(b, 'config', k!, v!);
  }
  return { a, b, names: readdirSync(join(a, 'sources')).sort() };
}

export async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) return console.log('\n## share: needs /usr/bin/time for child CPU time; skipped');
  const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? '1') || 1;
  const n = Math.round(10_000 * scale);
  const edited = Math.round(n * 0.05);
  const both = Math.round(n * 0.01);
  const root = mkdtempSync(join(tmpdir(), 'nb-bench-share-'));
  try {
    const rows: (string | number)[][] = [];
    // Plain git: the same files, the two sides edit different files, no driver.
    const plain = twoCopies(root, 'plain', n, false);
    for (let i = 0; i < edited; i++) editQuote(plain.a, plain.names, i, 0, `a ${i}`);
    for (let i = edited; i < 2 * edited; i++) editQuote(plain.b, plain.names, i, 1, `b ${i}`);
    commitAll(plain.a, 'a');
    commitAll(plain.b, 'b');
    git(plain.a, 'fetch', '--quiet', plain.b, 'HEAD');
    const p = timedMerge(plain.a);
    rows.push([`plain git merge, ${n} files, ${2 * edited} edited on one side`, p.wall.toFixed(2), p.cpu.toFixed(2), p.clean ? 'clean' : 'CONFLICT']);
    // The notebook: the same edits, plus `both` sources edited on both sides (other quotes), merged by the driver.
    const nb = twoCopies(root, 'notebook', n, true);
    for (let i = 0; i < edited; i++) editQuote(nb.a, nb.names, i, 0, `a ${i}`);
    for (let i = edited - both; i < 2 * edited - both; i++) editQuote(nb.b, nb.names, i, 1, `b ${i}`);
    commitAll(nb.a, 'a');
    commitAll(nb.b, 'b');
    git(nb.a, 'fetch', '--quiet', nb.b, 'HEAD');
    const m = timedMerge(nb.a);
    const check = audit(nb.a);
    rows.push([
      `notebook driver, ${n} sources, ${both} edited in both copies`,
      m.wall.toFixed(2),
      m.cpu.toFixed(2),
      `${m.clean ? 'clean' : 'CONFLICT'}; ${check.invalid.length} invalid, ${check.dangling.length} dangling`,
    ]);
    console.log(`\n## share: merging two ${n}-source notebooks (git ${git(root, '--version').trim().split(' ')[2]})\n`);
    console.log(table(['merge', 'wall s', 'CPU s', 'result'], rows));
    console.log(`\nper file the driver merged: ${((m.cpu - p.cpu) / Math.max(1, both)).toFixed(3)} CPU s (one node process per file, as git runs drivers)`);

    const at = process.argv.indexOf('--edits');
    const edits = at > 0 ? Number(process.argv[at + 1]) : Math.round(10_000 * scale);
    if (!edits) return;
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const r = await converge({ edits, rounds: Math.max(5, Math.round(edits / 60)), seed: 19 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(c0);
    const files = r.copies.map((d) => JSON.stringify(sharedFiles(d)));
    console.log(
      `\nconvergence: ${r.edits} edits across ${r.copies.length} copies, ${r.merges} git merges (${r.gitConflicts} files git stopped on, finished by share resolve), ${r.clashesExpected} predicted clashes all listed, ${r.lost.length} records lost of ${r.ids}; copies identical: ${files.every((f) => f === files[0])}; ${wall.toFixed(0)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU in this process (git and the driver run as children)`,
    );
    for (const d of r.copies) rmSync(d, { recursive: true, force: true }); // the run's own temp copies
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
