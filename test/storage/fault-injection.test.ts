/**
 * Fault injection on the write path: an I/O error at each write, fsync, rename and
 * directory fsync of a burst of edits and of the compaction that follows. Whatever
 * fails, every write that was acknowledged is there when the notebook is opened
 * again (after a crash: close never runs), and the notebook opens cleanly.
 */
import type * as realFs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

type Kind = 'write' | 'fsync' | 'rename' | 'dirsync';
const fault: { kind: Kind | null; nth: number; seen: Record<Kind, number>; fired: boolean } = { kind: null, nth: 0, seen: { write: 0, fsync: 0, rename: 0, dirsync: 0 }, fired: false };

function hit(kind: Kind): void {
  if (fault.kind === null) return;
  fault.seen[kind]++;
  if (kind === fault.kind && fault.seen[kind] === fault.nth) {
    fault.fired = true;
    throw Object.assign(new Error(`EIO: i/o error (injected at ${kind} ${fault.nth})`), { code: 'EIO' });
  }
}

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const wrapped = {
    ...fs,
    writeSync: ((...a: Parameters<typeof fs.writeSync>) => (hit('write'), fs.writeSync(...a))) as typeof fs.writeSync,
    fsyncSync: (fd: number) => {
      hit(fs.fstatSync(fd).isDirectory() ? 'dirsync' : 'fsync');
      fs.fsyncSync(fd);
    },
    renameSync: (from: realFs.PathLike, to: realFs.PathLike) => {
      hit('rename');
      fs.renameSync(from, to);
    },
  };
  return { ...wrapped, default: wrapped };
});

const { dispatch } = await import('../../shared/api/dispatch.ts');
const { NotebookService } = await import('../../electron/service/service.ts');
const { NotebookStore } = await import('../../electron/storage/store.ts');
const { pendingQuarantine } = await import('../../electron/storage/quarantine.ts');
const { tempDir } = await import('../support/notebook.ts');

const TEXT = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: the harbour handled ${1000 + i} containers in week ${i}.`).join('\n\n');
const EDITS = 6;

/** One run: seed, then with the fault armed make EDITS quotes and compact; crash; reopen and compare. */
async function run(kind: Kind, nth: number): Promise<{ acked: number; lost: number; fired: boolean }> {
  const dir = tempDir('nb-fault-');
  let store = await NotebookStore.open(dir, { write: 'required' });
  expect((await dispatch(new NotebookService(store), 'importText', { text: TEXT, title: 'Harbour' })).ok).toBe(true);
  await store.close();

  store = await NotebookStore.open(dir, { write: 'required' });
  const s = new NotebookService(store);
  const sid = [...store.memory.sources()][0]!.id;
  const acked: string[] = [];
  Object.assign(fault, { kind, nth, seen: { write: 0, fsync: 0, rename: 0, dirsync: 0 }, fired: false });
  try {
    for (let i = 0; i < EDITS; i++) {
      const r = await dispatch(s, 'createQuote', { sourceId: sid, exact: `${1000 + i} containers` });
      if (r.ok) acked.push((r.value as { id: string }).id);
      if (i === EDITS / 2) {
        try {
          store.compact();
        } catch {
          // a failed compaction leaves the log as it was: nothing acknowledged is lost
        }
      }
    }
    try {
      store.compact();
    } catch {
      // as above
    }
  } finally {
    fault.kind = null;
  }
  const fired = fault.fired;
  await (store as any).lock.release(); // a crash: close never runs
  (store as any).wal?.close();

  const again = await NotebookStore.open(dir, { write: 'required' });
  const lost = acked.filter((id) => again.memory.getQuote(id as never) === undefined).length;
  expect(pendingQuarantine(dir), `${kind} ${nth}: the notebook opens cleanly`).toEqual([]);
  await again.close();
  return { acked: acked.length, lost, fired };
}

describe('an I/O error at any step of an edit or of compaction', () => {
  it('loses no acknowledged write, at every write, fsync, rename and directory fsync', async () => {
    const totals = { runs: 0, acked: 0, refused: 0, lost: 0 };
    for (const kind of ['write', 'fsync', 'rename', 'dirsync'] as const) {
      let faults = 0;
      for (let nth = 1; ; nth++) {
        const r = await run(kind, nth);
        if (!r.fired) break; // past the last step of this kind
        faults++;
        totals.runs++;
        totals.acked += r.acked;
        totals.refused += EDITS - r.acked;
        totals.lost += r.lost;
        expect(r.lost, `${kind} #${nth}`).toBe(0);
      }
      expect(faults, `${kind}: the injected step is on the write path`).toBeGreaterThan(0);
    }
    if (process.env['FAULT_FIGURES']) console.log(JSON.stringify(totals));
    expect(totals.lost).toBe(0);
  }, 120_000);
});
