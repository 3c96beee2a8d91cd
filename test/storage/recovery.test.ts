/**
 * Recovery never drops a good write silently: a write-ahead log with a damaged
 * line (in the middle, or a last line cut short by a crash) keeps and replays every
 * intact entry, keeps a copy of the log in quarantine/ and says so in one line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import { NotebookService } from '../../electron/service/service.ts';
import { NotebookStore } from '../../electron/storage/store.ts';
import { pendingQuarantine } from '../../electron/storage/quarantine.ts';
import { cli, tempDir } from '../support/notebook.ts';

const open = (dir: string, write: 'required' | 'never' = 'required') => NotebookStore.open(dir, { write });

async function call(s: NotebookService, method: string, args: unknown) {
  const r = await dispatch(s, method, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as any;
}

const ARTICLE = 'Output fell by almost 12% in March.\n\nOne operator lost about 1,800 tonnes per month.';

/** A notebook whose log holds three acknowledged quotes, left as a crash leaves it (close never ran). */
async function threeLoggedQuotes() {
  const dir = tempDir();
  const first = await open(dir);
  const { source } = await call(new NotebookService(first), 'importText', { text: ARTICLE, title: 'Salt flats' });
  await first.close();
  const store = await open(dir);
  const s = new NotebookService(store);
  const quotes = [];
  for (const exact of ['almost 12%', '1,800 tonnes', 'per month']) quotes.push(await call(s, 'createQuote', { sourceId: source.id, exact }));
  await (store as any).lock.release();
  const log = readFileSync(join(dir, 'wal.log'), 'utf8');
  expect(log.split('\n')).toHaveLength(4);
  return { dir, quotes, log };
}

function keptCopies(dir: string): string[] {
  return readdirSync(join(dir, 'quarantine')).filter((n) => n.endsWith('--wal.log.kept'));
}

describe('a damaged write-ahead log', () => {
  it('with a damaged middle line replays every intact entry, keeps a copy and names it', async () => {
    const { dir, quotes, log } = await threeLoggedQuotes();
    const lines = log.split('\n');
    const damaged = [lines[0], lines[1]!.replace('1,800', '9,999'), lines[2], ''].join('\n');
    writeFileSync(join(dir, 'wal.log'), damaged);

    const store = await open(dir);
    expect(store.memory.getQuote(quotes[0].id)).toBeDefined();
    expect(store.memory.getQuote(quotes[1].id)).toBeUndefined();
    expect(store.memory.getQuote(quotes[2].id)).toBeDefined();
    expect(store.recovery).toHaveLength(1);
    const [copy] = keptCopies(dir);
    expect(store.recovery[0]).toMatch(/^wal\.log: line 2 is damaged and could not be used; 2 intact changes were kept; a copy of the log as it was is at quarantine\/.*--wal\.log\.kept$/);
    expect(store.recovery[0]).toContain(`quarantine/${copy}`);
    expect(readFileSync(join(dir, 'quarantine', copy!), 'utf8')).toBe(damaged);
    // The intact entries are in the shards now; the open is not blocked by the copy.
    expect(readFileSync(join(dir, 'wal.log'), 'utf8')).toBe('');
    expect(pendingQuarantine(dir)).toEqual([]);
    await store.close();

    const again = await open(dir);
    expect(again.recovery).toEqual([]);
    expect(again.memory.getQuote(quotes[2].id)).toBeDefined();
    await again.close();
  });

  it('with a last line cut short keeps that line in quarantine and reports it instead of cutting it silently', async () => {
    const { dir, quotes, log } = await threeLoggedQuotes();
    const torn = log + log.split('\n')[0]!.slice(0, 40);
    writeFileSync(join(dir, 'wal.log'), torn);
    const store = await open(dir);
    for (const q of quotes) expect(store.memory.getQuote(q.id)).toBeDefined();
    expect(store.recovery[0]).toMatch(
      /^wal\.log: its last change \(line 4\) was cut short, most likely by a crash before it was saved, and could not be used; 3 intact changes were kept; a copy of the log as it was is at quarantine\//,
    );
    expect(readFileSync(join(dir, 'quarantine', keptCopies(dir)[0]!), 'utf8')).toBe(torn);
    await store.close();
  });

  it('opened only for reading, uses the intact entries, changes nothing and says how to repair', async () => {
    const { dir, quotes, log } = await threeLoggedQuotes();
    const lines = log.split('\n');
    const damaged = ['garbage', lines[1], lines[2], ''].join('\n');
    writeFileSync(join(dir, 'wal.log'), damaged);
    const store = await open(dir, 'never');
    expect(store.memory.getQuote(quotes[1].id)).toBeDefined();
    expect(store.recovery[0]).toMatch(/line 1 is damaged .*open the notebook for writing \(any edit command\) to repair the log/);
    expect(readFileSync(join(dir, 'wal.log'), 'utf8')).toBe(damaged);
    await store.close();
  });

  it('is reported by the CLI as a one-line warning, and the command still runs', async () => {
    const { dir, log } = await threeLoggedQuotes();
    const lines = log.split('\n');
    writeFileSync(join(dir, 'wal.log'), [lines[0], 'x' + lines[1], lines[2], ''].join('\n'));
    const r = await cli(dir, ['sources', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^notebook: warning: wal\.log: line 2 is damaged and could not be used; 2 intact changes were kept; a copy of the log as it was is at quarantine\/\S+\n$/);
  });
});

describe('restore --discard', () => {
  it('removes the links to what it discards: no claim keeps evidence citing a quote that is gone', async () => {
    const dir = tempDir();
    const store = await open(dir);
    const s = new NotebookService(store);
    const { source } = await call(s, 'importText', { text: ARTICLE, title: 'Salt flats' });
    const { source: other } = await call(s, 'importText', { text: 'Prices rose by 3% in May.', title: 'Prices' });
    const gone = await call(s, 'createQuote', { sourceId: source.id, exact: 'almost 12%' });
    const kept = await call(s, 'createQuote', { sourceId: other.id, exact: 'rose by 3%' });
    const claim = await call(s, 'createClaim', {
      statement: 'Output fell',
      evidence: [
        { quoteId: gone.id, relation: 'supports' },
        { quoteId: kept.id, relation: 'contradicts' },
      ],
    });
    await store.close();
    writeFileSync(join(dir, `sources/${source.id}.json`), '{ not json');
    await expect(open(dir)).rejects.toThrow(/moved to quarantine/);

    const r = await cli(dir, ['restore', '--discard']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`went on without sources/${source.id}.json\nremoved 1 link to what was discarded (evidence citing its quotes, links to its claims)\n`);
    const after = await open(dir);
    expect(after.memory.getSource(source.id)).toBeUndefined();
    expect(after.memory.getClaim(claim.id)!.evidence).toEqual([{ quoteId: kept.id, relation: 'contradicts' }]);
    await after.close();
    expect((await cli(dir, ['restore'])).stdout).toBe('Nothing to restore.\n');
  });
});
