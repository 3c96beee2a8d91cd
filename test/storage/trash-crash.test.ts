/**
 * A kill -9 in the middle of a burst of trash commits (deleting sources and
 * restoring them, each one commit over a source shard, a trash file and a claim
 * shard, with compactions every 512 commits): every acknowledged move holds, each
 * source is in exactly one place, no evidence dangles, and no file is quarantined.
 */
import { describe, expect, it } from 'vitest';
import { NotebookStore } from '../../electron/storage/store.ts';
import { tempDir } from '../support/notebook.ts';
import { writeThenKill } from './support/kill-writer.ts';
import { expectAtMostACutTail } from './support/only-cut-tail.ts';

const ROUNDS = 4;

describe('a kill -9 in the middle of a burst of trash commits', () => {
  it(`keeps every acknowledged move, each source in one place, nothing dangling (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = tempDir('nb-trash-crash-');
      // Past 512 moves now and then, so some kills land in or after a compaction.
      const lines = await writeThenKill('test/storage/support/trash-writer.ts', dir, 20 + Math.floor(Math.random() * 700));
      const store = await NotebookStore.open(dir, { write: 'required' });
      try {
        const m = store.memory;
        // The last acknowledged move of each source, and a move begun after it (at most one, the one the kill cut).
        const last = new Map<string, string>();
        const begun = new Map<string, string>();
        for (const line of lines) {
          const [state, verb, id] = line.split(' ');
          if (state === 'ack') last.set(id!, verb!);
          if (state === 'try') begun.set(id!, verb!);
        }
        const open = [...begun].filter(([id, verb]) => last.get(id) !== verb || lines.lastIndexOf(`try ${verb} ${id}`) > lines.lastIndexOf(`ack ${verb} ${id}`));
        expect(open.length, `round ${round}`).toBeLessThanOrEqual(1);
        const uncertain = new Set(open.map(([id]) => id));
        for (const [id, verb] of last) {
          const inTrash = m.getTrashed(id as never) !== undefined;
          const inLibrary = m.getSource(id as never) !== undefined;
          expect(inTrash !== inLibrary, `round ${round}: ${id} is in exactly one place`).toBe(true);
          if (!uncertain.has(id)) expect(inTrash, `round ${round}: acknowledged ${verb} of ${id}`).toBe(verb === 'trash');
        }
        for (const c of m.claims()) for (const e of c.evidence) expect(m.getQuote(e.quoteId), `round ${round}: dangling evidence`).toBeDefined();
        for (const e of m.trashed()) for (const q of e.quotes) expect(m.getQuote(q.id), `round ${round}: a trashed quote is also live`).toBeUndefined();
        expectAtMostACutTail(dir, store, round);
      } finally {
        await store.close();
      }
    }
  }, 180_000);
});
