/**
 * CLI start benchmark: the CPU time (user + system of the child process) of
 * `notebook --help` and of `notebook sources` on an empty notebook, side by side with
 * a bare `node -e 0` in the same run (target: ≤ 5× it). CPU, not wall time, because
 * wall time swings with the machine's load. Also shown: the first run after a change
 * of the sources (it builds the bundle) and the CLI run from the sources through tsx,
 * which is how every run started before the bundle. Runs are interleaved, so a change
 * of load touches every row alike; each row is the median.
 * Run with `npm run bench` (or `npx tsx test/bench/cli-start.ts [--runs 9]`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../support/notebook.ts';
import { percentile, table } from './stats.ts';

const TIME = '/usr/bin/time';
/** Without /usr/bin/time the child reports its own resource usage as it exits. */
const SELF_REPORT = `data:text/javascript,${encodeURIComponent(
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the code the child runs, a template inside it on purpose
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeFileSync(process.env.CPU_REPORT,`${u.userCPUTime/1e6} ${u.systemCPUTime/1e6}`)})",
)}`;

/** CPU seconds (user + system) of one run of `node …args`. */
function cpuOf(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const report = join(tmpdir(), `nb-cpu-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const r = existsSync(TIME)
    ? spawnSync(TIME, ['-f', '%U %S', '-o', report, process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, ...env } })
    : spawnSync(process.execPath, ['--import', SELF_REPORT, ...args], { encoding: 'utf8', env: { ...process.env, ...env, CPU_REPORT: report } });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const [user, sys] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-2).map(Number) as [number, number];
  rmSync(report, { force: true });
  return user + sys;
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

export async function main(): Promise<void> {
  const runs = Number(arg('--runs') ?? '7');
  console.log(`\n## CLI start: CPU time of one command (user + system of the child, median of ${runs})`);
  const notebook = mkdtempSync(join(tmpdir(), 'nb-bench-cli-'));
  const freshCache = () => join(mkdtempSync(join(tmpdir(), 'nb-bench-cache-')), 'cache');
  cpuOf([BIN, '--help']); // the project's own bundle is built before anything is measured
  const rows: [string, () => number][] = [
    ['baseline: node -e 0', () => cpuOf(['-e', '0'])],
    ['notebook --help', () => cpuOf([BIN, '--help'])],
    ['notebook sources (empty notebook)', () => cpuOf([BIN, '--notebook', notebook, 'sources'])],
    ['first run after a change: --help, building the bundle', () => cpuOf([BIN, '--help'], { NOTEBOOK_CLI_CACHE: freshCache() })],
    ['through tsx (fallback; every run before the bundle): --help', () => cpuOf([BIN, '--help'], { NOTEBOOK_CLI: 'tsx' })],
  ];
  const samples = rows.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) rows.forEach(([, run], k) => samples[k]!.push(run()));
  const medians = samples.map((s) => percentile(s, 50));
  const base = medians[0]!;
  console.log(
    table(
      ['command', 'CPU s', '× node -e 0'],
      rows.map(([name], k) => [name, medians[k]!, `${(medians[k]! / base).toFixed(1)}×`]),
    ),
  );
  console.log('Target: --help and sources ≤ 5× node -e 0.');
  rmSync(notebook, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
