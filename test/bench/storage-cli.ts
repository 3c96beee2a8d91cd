/**
 * What one `notebook` command costs on a notebook of 10,000 sources and 100,000
 * quotes, as CPU time of the child process (user + system, from /usr/bin/time), side
 * by side with its baselines measured in the same run: a process that reads every
 * file of the notebook once, a bare `node -e 0`, and (for search) the same query in
 * a warm process. Run with `npm run bench` (or `npx tsx test/bench/storage-cli.ts [--scale 0.1]`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotebookSearch } from '../../electron/service/search.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { generate } from './storage.ts';
import { table, time } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'electron/cli/notebook.mjs');
const READ_ALL = `const fs=require('fs'),p=require('path');(function w(d){for(const n of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,n.name);n.isDirectory()?w(f):fs.readFileSync(f)}})(process.argv[1])`;

/** CPU seconds (user + system) of one child process. */
function cpu(args: string[]): number {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  const [u, s] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return u! + s!;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = (n: number, f: () => number) => median(Array.from({ length: n }, f));

export async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) return console.log('\n## storage-cli: needs /usr/bin/time for child CPU time; skipped');
  const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? '1') || 1;
  const n = Math.round(10_000 * scale);
  const root = mkdtempSync(join(tmpdir(), 'nb-bench-cli-'));
  try {
    const dir = join(root, 'nb');
    const data = generate(dir, n, 10);
    const nb = (...a: string[]) => [BIN, '--notebook', dir, ...a];
    console.log(`\n## One command on ${n.toLocaleString()} sources and ${(n * 10).toLocaleString()} quotes (CPU seconds of the child, median of 3)`);
    const node0 = runs(3, () => cpu(['-e', '0']));
    const readAll = runs(3, () => cpu(['-e', READ_ALL, dir]));
    const firstList = cpu(nb('sources', '--json'));
    const list = runs(3, () => cpu(nb('sources', '--json')));
    const id = data[0]!.source.id;
    let k = 0;
    const quote = () => cpu(nb('quote', id, '--exact', 'output at site', '--occurrence', String(1 + (k++ % 8))));
    const firstQuote = quote();
    const quoteMedian = runs(3, quote);
    // A later session's first edit: the newest snapshot made old enough (past the
    // 10-minute interval) that this edit takes another, linked to it.
    const aged = new Date(Date.now() - 11 * 60_000);
    const laterFirst = runs(3, () => {
      for (const b of readdirSync(join(dir, '.backups'))) utimesSync(join(dir, '.backups', b), aged, aged);
      return quote();
    });
    const help = runs(3, () => cpu([BIN, '--help']));
    const firstSearch = cpu(nb('search', '"output at site 5"', '--limit', '20'));
    const phrase = runs(3, () => cpu(nb('search', '"output at site 5"', '--limit', '20')));
    const word = runs(3, () => cpu(nb('search', 'shipments', '--limit', '20')));
    // The same queries in a warm process (index in memory).
    const store = await NotebookStore.open(dir, { write: 'never' });
    const search = new NotebookSearch(store.memory, (sha) => store.getText(sha));
    await search.search('warm', 1);
    const warmPhrase = (await time(() => search.search('"output at site 5"', 20))) / 1000;
    const warmWord = (await time(() => search.search('shipments', 20))) / 1000;
    const openAll = (await time(async () => (await NotebookStore.open(dir, { write: 'never' })).close())) / 1000;
    await store.close();
    const f = (x: number) => x.toFixed(2);
    const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(
      table(
        ['command', 'CPU s', 'baseline', 'baseline s', 'ratio', 'target'],
        [
          ['sources --json', f(list), 'read every file once', f(readAll), x(list, readAll), '≤ 2×'],
          ['  (first run: catalog built)', f(firstList), '', '', x(firstList, readAll), ''],
          ['quote (add one)', f(quoteMedian), 'read every file once', f(readAll), x(quoteMedian, readAll), '≤ 2×'],
          ['first edit of a session (snapshot, the first ever)', f(firstQuote), 'median edit', f(quoteMedian), x(firstQuote, quoteMedian), '≤ 5×'],
          ['first edit of a later session (snapshot linked to the previous)', f(laterFirst), 'median edit', f(quoteMedian), x(laterFirst, quoteMedian), '≤ 5×'],
          ['search phrase', f(phrase), '3 × warm query + node -e 0', f(3 * warmPhrase + node0), x(phrase, 3 * warmPhrase + node0), '≤ 1×'],
          ['search word', f(word), '3 × warm query + node -e 0', f(3 * warmWord + node0), x(word, 3 * warmWord + node0), '≤ 1×'],
          ['  (first search: index built and saved)', f(firstSearch), '', '', '', ''],
          ['open for the app (wall s, in process)', f(openAll), 'read every file once', f(readAll), x(openAll, readAll), ''],
        ],
      ),
    );
    console.log(
      `node -e 0: ${f(node0)} s; notebook --help: ${f(help)} s (the CLI's own start, in every command above). Warm query (index in memory): phrase ${(warmPhrase * 1000).toFixed(1)} ms, word ${(warmWord * 1000).toFixed(1)} ms.`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
