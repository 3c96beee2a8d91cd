/**
 * PDF extraction benchmark: CPU per page of our reader (pdfjs-dist, reading order,
 * furniture, footnotes, page map) against poppler's `pdftotext` on the same
 * generated 300-page file (test/support/pdf-fixtures.ts), in one run. CPU time, not
 * wall time: the machine is shared. The first read includes loading pdfjs (once per
 * process); pdftotext is a fresh process each time, so its figure includes its start.
 * Run with `npm run bench` (or `npx tsx test/bench/pdf.ts [--runs 5]`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf } from '../../electron/import/pdf/read.ts';
import { book300 } from '../support/pdf-fixtures.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** CPU (user + system, ms) of one pdftotext run, from bash's `times` for its children; null when pdftotext is missing. */
function pdftotextCpu(file: string): number | null {
  const r = spawnSync('bash', ['-c', `pdftotext ${JSON.stringify(file)} - > /dev/null || exit 3; times`], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const children = r.stdout
    .trim()
    .split('\n')
    .at(-1)!
    .match(/(\d+)m([\d.]+)s/g)!;
  return children.reduce((n, t) => {
    const [, m, s] = /(\d+)m([\d.]+)s/.exec(t)!;
    return n + (Number(m) * 60 + Number(s)) * 1000;
  }, 0);
}

export async function main(): Promise<void> {
  const runs = Number(arg('--runs') ?? 3);
  const book = book300();
  const pages = book.labels.length;
  const dir = mkdtempSync(join(tmpdir(), 'nb-bench-pdf-'));
  const file = join(dir, 'ledger.pdf');
  writeFileSync(file, book.bytes);
  try {
    const ours: number[] = [];
    let first = 0;
    for (let i = 0; i <= runs; i++) {
      const t = process.cpuUsage();
      await readPdf(book.bytes, 'ledger.pdf');
      const ms = cpuMs(process.cpuUsage(t));
      if (i === 0) first = ms;
      else ours.push(ms);
    }
    const theirs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const ms = pdftotextCpu(file);
      if (ms === null) break;
      theirs.push(ms);
    }
    console.log(`\n## PDF extraction: ${pages} pages, ${(book.bytes.length / 1024).toFixed(0)} KB (CPU per page, median of ${runs})`);
    console.log(`ours (pdfjs-dist 5, reading order, page map)   ${(median(ours) / pages).toFixed(2)} ms/page  (${median(ours).toFixed(0)} ms the file)`);
    console.log(`ours, first read in a process (loads pdfjs)    ${(first / pages).toFixed(2)} ms/page  (${first.toFixed(0)} ms the file)`);
    if (theirs.length)
      console.log(
        `pdftotext (poppler), fresh process             ${(median(theirs) / pages).toFixed(2)} ms/page  (${median(theirs).toFixed(0)} ms the file)  → ours ${(median(ours) / median(theirs)).toFixed(1)}×`,
      );
    else console.log('pdftotext not installed (apt-get install poppler-utils): no baseline this run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
